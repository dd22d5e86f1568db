#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace ntl {

// Where each event goes on the timeline, before any pixels: a time axis that keeps
// busy days at full width and squeezes long empty stretches into a short break, and
// lanes in which events that overlap in time are stacked into rows.
//
// x is in "axis units": one unit per day inside busy periods, `breakWidth` units for a
// squeezed gap. y is in rows, from 0 at the top lane downwards.
class TimelineLayout
{
public:
    struct Input {
        QString eventId;
        QDate start;
        QDate end;         // inclusive
        QList<int> lanes;  // indexes into the lane list; an event may sit in several
    };

    struct Placement {
        int input = -1;    // index into the inputs
        int lane = -1;
        int row = 0;       // stack row within the lane
        double x0 = 0;     // start of the first day
        double x1 = 0;     // end of the last day
        double y = 0;      // centre of the row, in rows from the top
    };

    struct Lane {
        int rows = 1;
        double top = 0;    // first row, in rows from the top
    };

    struct Break {
        QDate first;       // first empty day squeezed
        QDate last;        // last empty day squeezed
        double x0 = 0;
        double x1 = 0;
    };

    // Gaps longer than this many empty days are squeezed.
    static constexpr int maxOpenGap = 3;
    static constexpr double breakWidth = 1.5;
    // Events longer than this count as busy only on their first and last day, so a
    // month-long span does not stretch the axis.
    static constexpr int maxBusySpan = 7;

    TimelineLayout() { computeAxis({}); } // an empty axis until computed

    // A run of days an event covers, as julian days (inclusive).
    struct DayRange {
        qint64 first = 0;
        qint64 last = 0;
    };

    // The axis and the stacked rows of every input.
    void compute(const QList<Input> &inputs, int laneCount);
    // The axis only, for callers that stack rows themselves (per frame, in pixels).
    void computeAxis(const QList<DayRange> &ranges);

    const QList<Placement> &placements() const { return m_placements; }
    const QList<Lane> &lanes() const { return m_lanes; }
    const QList<Break> &breaks() const { return m_breaks; }
    double totalRows() const { return m_totalRows; }
    double minX() const { return 0; }
    double maxX() const { return m_maxX; }

    // Axis position of the start of `date` (monotonic; dates outside the data extrapolate).
    double x(const QDate &date) const { return x(date.toJulianDay()); }
    double x(qint64 julianDay) const;
    // The day an axis position falls in.
    QDate dateAt(double x) const;
    // True when the day is inside a squeezed gap.
    bool isSqueezed(const QDate &date) const;

private:
    struct Segment {
        qint64 firstDay; // julian day
        qint64 endDay;   // exclusive
        double x0;
        double unitsPerDay;
    };

    const Segment &segmentOfDay(qint64 julianDay) const;

    QList<Segment> m_segments; // in day order, and so in x order
    QList<Placement> m_placements;
    QList<Lane> m_lanes;
    QList<Break> m_breaks;
    double m_totalRows = 0;
    double m_maxX = 0;
};

} // namespace ntl
