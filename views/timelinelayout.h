#pragma once

#include <QDate>
#include <QList>

namespace ntl {

// The timeline's time axis, before any pixels: busy days keep their full width and long
// empty stretches are squeezed into a short break. (Rows are stacked per frame, in
// pixels, by TimelineView.)
//
// x is in "axis units": one unit per day inside busy periods, `breakWidth` units for a
// squeezed gap.
class TimelineLayout
{
public:
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

    TimelineLayout() { compute({}); } // an empty axis until computed

    // A run of days an event covers, as julian days (inclusive).
    struct DayRange {
        qint64 first = 0;
        qint64 last = 0;
    };

    void compute(const QList<DayRange> &ranges);

    const QList<Break> &breaks() const { return m_breaks; }
    // No day was given: the axis is a placeholder day, no date of the data.
    bool isEmpty() const { return m_empty; }
    double minX() const { return 0; }
    double maxX() const { return m_maxX; }

    // Axis position of the start of `date` (monotonic; dates outside the data extrapolate).
    double x(const QDate &date) const { return x(date.toJulianDay()); }
    double x(qint64 julianDay) const;
    // The day an axis position falls in.
    QDate dateAt(double x) const;
    // True when the day is inside a squeezed gap.
    bool isSqueezed(const QDate &date) const;
    // The same axis: every day at the same position.
    bool sameAxis(const TimelineLayout &other) const;

private:
    struct Segment {
        qint64 firstDay; // julian day
        qint64 endDay;   // exclusive
        double x0;
        double unitsPerDay;
    };

    const Segment &segmentOfDay(qint64 julianDay) const;

    QList<Segment> m_segments; // in day order, and so in x order
    QList<Break> m_breaks;
    double m_maxX = 0;
    bool m_empty = true;
};

} // namespace ntl
