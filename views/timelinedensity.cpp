#include "timelinedensity.h"

#include <QCoreApplication>

#include <algorithm>

namespace ntl {

namespace {
QDate nextStart(const QDate &start, TimelineDensity::Unit unit) {
    switch (unit) {
    case TimelineDensity::Unit::Day:
        return start.addDays(1);
    case TimelineDensity::Unit::Week:
        return start.addDays(7);
    case TimelineDensity::Unit::Month:
        return start.addMonths(1);
    case TimelineDensity::Unit::Quarter:
        return start.addMonths(3);
    case TimelineDensity::Unit::Year:
        return start.addYears(1);
    }
    return start.addDays(1);
}
} // namespace

TimelineDensity::Unit TimelineDensity::unitFor(double pixelsPerDay, double minPixels) {
    const struct {
        Unit unit;
        double days; // at the shortest
    } units[] = {
        {Unit::Day, 1}, {Unit::Week, 7}, {Unit::Month, 28}, {Unit::Quarter, 90}, {Unit::Year, 365}};
    for (const auto &candidate : units) {
        if (candidate.days * pixelsPerDay >= minPixels)
            return candidate.unit;
    }
    return Unit::Year;
}

QString TimelineDensity::unitName(Unit unit) {
    switch (unit) {
    case Unit::Day:
        return QCoreApplication::translate("TimelineDensity", "day");
    case Unit::Week:
        return QCoreApplication::translate("TimelineDensity", "week");
    case Unit::Month:
        return QCoreApplication::translate("TimelineDensity", "month");
    case Unit::Quarter:
        return QCoreApplication::translate("TimelineDensity", "quarter");
    case Unit::Year:
        return QCoreApplication::translate("TimelineDensity", "year");
    }
    return {};
}

QDate TimelineDensity::unitStart(const QDate &day, Unit unit) {
    switch (unit) {
    case Unit::Day:
        return day;
    case Unit::Week:
        return day.addDays(1 - day.dayOfWeek());
    case Unit::Month:
        return QDate(day.year(), day.month(), 1);
    case Unit::Quarter:
        return QDate(day.year(), (day.month() - 1) / 3 * 3 + 1, 1);
    case Unit::Year:
        return QDate(day.year(), 1, 1);
    }
    return day;
}

QList<TimelineDensity::Bucket> TimelineDensity::count(const QList<qint64> &startDays,
                                                      const QDate &from, const QDate &to,
                                                      Unit unit) {
    QList<Bucket> buckets;
    if (!from.isValid() || !to.isValid() || to < from)
        return buckets;
    QList<qint64> starts; // julian day each bucket begins, the first at `from`
    for (QDate start = unitStart(from, unit); start <= to; start = nextStart(start, unit)) {
        buckets.append({std::max(start, from), nextStart(start, unit), 0});
        starts.append(buckets.last().first.toJulianDay());
    }
    const qint64 last = to.toJulianDay();
    for (const qint64 day : startDays) {
        if (day > last)
            continue;
        const auto at = std::upper_bound(starts.cbegin(), starts.cend(), day);
        ++buckets[std::max<qsizetype>(0, (at - starts.cbegin()) - 1)].count;
    }
    return buckets;
}

} // namespace ntl
