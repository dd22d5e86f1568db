#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace ntl {

// What a lane shows where its marks would fill it (semantic zoom): how many events start
// in each day, week, month, quarter or year of the range in view, whichever unit is the
// finest still a few pixels wide. Calendar units, so a month is a month. No widgets.
class TimelineDensity {
public:
    enum class Unit { Day, Week, Month, Quarter, Year };

    struct Bucket {
        QDate first; // the unit's first day (or the range's, for the first bucket)
        QDate next;  // the day after its last
        int count = 0;
    };

    // The finest unit at least `minPixels` wide when a day is `pixelsPerDay` wide.
    static Unit unitFor(double pixelsPerDay, double minPixels = 3);
    // "day", "week" …, as a reader says it.
    static QString unitName(Unit unit);
    // The first day of the unit `day` falls in (weeks begin on Monday).
    static QDate unitStart(const QDate &day, Unit unit);

    // The buckets of `unit` covering [from, to] with the number of `startDays` (julian days,
    // in any order) in each; a day before `from` counts in the first bucket (an event begun
    // before the view, still in it), one after `to` is not counted. Empty buckets included.
    static QList<Bucket> count(const QList<qint64> &startDays, const QDate &from, const QDate &to,
                               Unit unit);
};

} // namespace ntl
