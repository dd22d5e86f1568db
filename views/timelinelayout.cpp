#include "timelinelayout.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace ntl {

void TimelineLayout::compute(const QList<DayRange> &ranges)
{
    m_segments.clear();
    m_breaks.clear();
    m_maxX = 0;

    // 1. Busy days, marked in one flag per day of the data's extent (linear, no hashing).
    qint64 firstDay = std::numeric_limits<qint64>::max();
    qint64 lastDay = std::numeric_limits<qint64>::min();
    for (const DayRange &range : ranges) {
        firstDay = std::min(firstDay, range.first);
        lastDay = std::max(lastDay, range.last);
    }
    QList<qint64> days;
    if (firstDay <= lastDay) {
        std::vector<bool> busy(std::size_t(lastDay - firstDay + 1), false);
        for (const DayRange &range : ranges) {
            if (range.last - range.first + 1 > maxBusySpan) {
                busy[std::size_t(range.first - firstDay)] = true;
                busy[std::size_t(range.last - firstDay)] = true;
            } else {
                for (qint64 day = range.first; day <= range.last; ++day)
                    busy[std::size_t(day - firstDay)] = true;
            }
        }
        for (std::size_t i = 0; i < busy.size(); ++i) {
            if (busy[i])
                days.append(firstDay + qint64(i));
        }
    }

    // 2. Segments: busy runs (and short gaps) at one unit a day, long gaps squeezed.
    m_empty = days.isEmpty();
    if (days.isEmpty()) {
        const qint64 today = QDate::currentDate().toJulianDay();
        m_segments.append({today, today + 1, 0, 1});
    } else {
        double x = 0;
        qint64 runStart = days.first();
        for (qsizetype i = 1; i <= days.size(); ++i) {
            const bool end = i == days.size();
            const qint64 previous = days.at(i - 1);
            if (!end && days.at(i) - previous - 1 <= maxOpenGap)
                continue;
            m_segments.append({runStart, previous + 1, x, 1});
            x += double(previous + 1 - runStart);
            if (!end) {
                const qint64 gapDays = days.at(i) - previous - 1;
                m_segments.append({previous + 1, days.at(i), x, breakWidth / double(gapDays)});
                m_breaks.append({QDate::fromJulianDay(previous + 1), QDate::fromJulianDay(days.at(i) - 1), x, x + breakWidth});
                x += breakWidth;
                runStart = days.at(i);
            }
        }
        m_maxX = x;
    }
}

const TimelineLayout::Segment &TimelineLayout::segmentOfDay(qint64 julianDay) const
{
    // The last segment starting on or before the day; the first one for days before all.
    const auto after = std::upper_bound(m_segments.cbegin(), m_segments.cend(), julianDay,
                                        [](qint64 day, const Segment &s) { return day < s.firstDay; });
    return after == m_segments.cbegin() ? m_segments.first() : *(after - 1);
}

double TimelineLayout::x(qint64 day) const
{
    const Segment *segment = &segmentOfDay(day);
    if (day < segment->firstDay) // before the data: one unit a day
        return segment->x0 - double(segment->firstDay - day);
    if (day >= segment->endDay) // after the data
        return segment->x0 + double(segment->endDay - segment->firstDay) * segment->unitsPerDay +
               double(day - segment->endDay);
    return segment->x0 + double(day - segment->firstDay) * segment->unitsPerDay;
}

QDate TimelineLayout::dateAt(double position) const
{
    const auto after = std::upper_bound(m_segments.cbegin(), m_segments.cend(), position,
                                        [](double p, const Segment &s) { return p < s.x0; });
    const Segment *segment = after == m_segments.cbegin() ? &m_segments.first() : &*(after - 1);
    const double segmentEnd = segment->x0 + double(segment->endDay - segment->firstDay) * segment->unitsPerDay;
    qint64 day;
    if (position < segment->x0)
        day = segment->firstDay - qint64(std::ceil(segment->x0 - position));
    else if (position >= segmentEnd)
        day = segment->endDay + qint64(std::floor(position - segmentEnd));
    else
        day = segment->firstDay + qint64(std::floor((position - segment->x0) / segment->unitsPerDay));
    return QDate::fromJulianDay(day);
}

bool TimelineLayout::isSqueezed(const QDate &date) const
{
    const auto after = std::upper_bound(m_breaks.cbegin(), m_breaks.cend(), date,
                                        [](const QDate &d, const Break &b) { return d < b.first; });
    return after != m_breaks.cbegin() && date <= (after - 1)->last;
}

bool TimelineLayout::sameAxis(const TimelineLayout &other) const {
    if (m_empty != other.m_empty || m_maxX != other.m_maxX ||
        m_segments.size() != other.m_segments.size())
        return false;
    for (qsizetype i = 0; i < m_segments.size(); ++i) {
        const Segment &a = m_segments.at(i);
        const Segment &b = other.m_segments.at(i);
        if (a.firstDay != b.firstDay || a.endDay != b.endDay || a.x0 != b.x0 ||
            a.unitsPerDay != b.unitsPerDay)
            return false;
    }
    return true;
}

} // namespace ntl
