#include "dateresolver.h"

namespace ntl {

namespace {

using Form = DateMention::Form;
using Shift = DateMention::Shift;
using Part = DateMention::Part;
using Unit = DateMention::Unit;

DateSuggestion reading(const QDate &start, const QDate &end, DatePrecision precision,
                       DateBasis basis, const char *rule) {
    DateSuggestion s;
    s.start = start;
    s.end = end;
    s.precision = precision;
    s.basis = basis;
    s.rule = QString::fromLatin1(rule);
    return s;
}

QDate mondayOf(const QDate &d) {
    return d.addDays(1 - d.dayOfWeek());
}

QDate lastDayOfMonth(int year, int month) {
    const QDate first(year, month, 1);
    return first.addDays(first.daysInMonth() - 1);
}

// The first, middle or last third of [start, end]: "early November" = 1-10 Nov.
// Precision "unknown": one day somewhere in it (docs/curation.md).
DateSuggestion third(const QDate &start, const QDate &end, Part part, DateBasis basis,
                     const char *rule) {
    const qint64 days = start.daysTo(end) + 1;
    const qint64 size = (days + 2) / 3;
    QDate s = start;
    QDate e = end;
    if (part == Part::Early)
        e = start.addDays(size - 1);
    else if (part == Part::Late)
        s = end.addDays(1 - size);
    else
        s = start.addDays(size), e = end.addDays(-size);
    return reading(s, e, DatePrecision::Unknown, basis, rule);
}

QList<DateSuggestion> weekday(const DateMention &m, const QDate &dct, Tense tense) {
    const int back = (dct.dayOfWeek() - m.weekday + 7) % 7;
    const QDate onOrBefore = dct.addDays(-back);
    const QDate before = back == 0 ? dct.addDays(-7) : onOrBefore;
    const int ahead = (m.weekday - dct.dayOfWeek() + 7) % 7;
    const QDate after = dct.addDays(ahead == 0 ? 7 : ahead);
    const QDate onOrAfter = dct.addDays(ahead);
    const auto day = [](const QDate &d, const char *rule) {
        return QList<DateSuggestion>{reading(d, d, DatePrecision::Day, DateBasis::Relative, rule)};
    };
    switch (m.shift) {
    case Shift::Last:
        return day(before, "weekday-last");
    case Shift::Next:
        return day(after, "weekday-next");
    case Shift::This:
        return tense == Tense::Future ? day(onOrAfter, "weekday-this-future")
                                      : day(onOrBefore, "weekday-this");
    case Shift::None:
        break;
    }
    return tense == Tense::Future ? day(onOrAfter, "weekday-future") : day(onOrBefore, "weekday");
}

QList<DateSuggestion> period(const DateMention &m, const QDate &dct) {
    const int shift = m.shift == Shift::Last ? -1 : m.shift == Shift::Next ? 1 : 0;
    QDate s;
    QDate e;
    DatePrecision precision = DatePrecision::Week;
    if (m.unit == Unit::Week) {
        s = mondayOf(dct).addDays(7 * shift);
        e = s.addDays(6);
    } else if (m.unit == Unit::Month) {
        const QDate first = QDate(dct.year(), dct.month(), 1).addMonths(shift);
        s = first;
        e = lastDayOfMonth(first.year(), first.month());
        precision = DatePrecision::Month;
    } else {
        s = QDate(dct.year() + shift, 1, 1);
        e = QDate(dct.year() + shift, 12, 31);
        precision = DatePrecision::Year;
    }
    if (m.part == Part::Early || m.part == Part::Mid || m.part == Part::Late)
        return {third(s, e, m.part, DateBasis::Relative, "period-part")};
    QList<DateSuggestion> readings{reading(s, e, precision, DateBasis::Relative,
                                           m.part == Part::Earlier  ? "period-earlier"
                                           : m.part == Part::Later  ? "period-later"
                                           : m.shift == Shift::Last ? "period-last"
                                           : m.shift == Shift::Next ? "period-next"
                                                                    : "period-this")};
    // The part of the period before or after the article, as an alternative: the
    // whole period is the stored precision, the part is what the words mean.
    QDate ps = s;
    QDate pe = e;
    if (m.part == Part::Earlier)
        pe = dct.addDays(-1);
    else if (m.part == Part::Later)
        ps = dct.addDays(1);
    if ((m.part == Part::Earlier || m.part == Part::Later) && ps <= pe)
        readings.append(reading(ps, pe, ps == pe ? DatePrecision::Day : DatePrecision::Unknown,
                                DateBasis::Relative, "period-rest"));
    return readings;
}

QList<DateSuggestion> ago(const DateMention &m, const QDate &dct) {
    const int n = m.count;
    switch (m.unit) {
    case Unit::Day: {
        const QDate d = dct.addDays(-n);
        return {reading(d, d, DatePrecision::Day, DateBasis::Relative, "ago-days")};
    }
    case Unit::Week: {
        const QDate d = dct.addDays(-7 * qint64(n));
        return {reading(mondayOf(d), mondayOf(d).addDays(6), DatePrecision::Week,
                        DateBasis::Relative, "ago-weeks"),
                reading(d, d, DatePrecision::Day, DateBasis::Relative, "ago-weeks-day")};
    }
    case Unit::Month: {
        const QDate d = QDate(dct.year(), dct.month(), 1).addMonths(-n);
        return {reading(d, lastDayOfMonth(d.year(), d.month()), DatePrecision::Month,
                        DateBasis::Relative, "ago-months")};
    }
    case Unit::Year:
        break;
    }
    const int y = dct.year() - n;
    return {reading(QDate(y, 1, 1), QDate(y, 12, 31), DatePrecision::Year, DateBasis::Relative,
                    "ago-years")};
}

QList<DateSuggestion> weekend(const DateMention &m, const QDate &dct, Tense tense) {
    // Saturday on or before d, and on or after d.
    const auto satOnOrBefore = [](const QDate &d) {
        return d.addDays(-((d.dayOfWeek() + 1) % 7));
    };
    const auto satOnOrAfter = [](const QDate &d) {
        return d.addDays((6 - d.dayOfWeek() + 7) % 7);
    };
    QDate sat;
    const char *rule = "weekend";
    if (m.shift == Shift::Last)
        sat = satOnOrBefore(dct.addDays(-2)), rule = "weekend-last"; // its Sunday before DCT
    else if (m.shift == Shift::Next)
        sat = satOnOrAfter(dct.addDays(1)), rule = "weekend-next";
    else if (tense == Tense::Future)
        sat = satOnOrAfter(dct), rule = "weekend-future";
    else
        sat = satOnOrBefore(dct.addDays(-1)); // the latest one begun before DCT
    return {reading(sat, sat.addDays(1), DatePrecision::Days, DateBasis::Relative, rule)};
}

QList<DateSuggestion> explicitDate(const DateMention &m, const QDate &dct, Tense tense) {
    int y = m.year;
    if (!y) {
        if (!dct.isValid())
            return {};
        y = DateResolver::yearOfMonth(m.month, dct, tense);
    }
    const QDate s(y, m.month, m.day);
    if (!s.isValid())
        return {};
    if (!m.endDay)
        return {reading(s, s, DatePrecision::Day, DateBasis::Stated, "explicit-date")};
    const QDate e(m.endMonth < m.month ? y + 1 : y, m.endMonth, m.endDay);
    if (!e.isValid() || e <= s)
        return {};
    return {reading(s, e, DatePrecision::Days, DateBasis::Stated, "explicit-range")};
}

QList<DateSuggestion> month(const DateMention &m, const QDate &dct, Tense tense) {
    int y = m.year;
    DateBasis basis = DateBasis::Stated;
    const char *rule = "month-year";
    if (!y) {
        if (!dct.isValid())
            return {};
        basis = DateBasis::Relative;
        if (m.shift == Shift::Last)
            y = dct.year() - (m.month >= dct.month() ? 1 : 0), rule = "month-last";
        else if (m.shift == Shift::Next)
            y = dct.year() + (m.month <= dct.month() ? 1 : 0), rule = "month-next";
        else if (m.shift == Shift::This)
            y = dct.year(), rule = "month-this";
        else
            y = DateResolver::yearOfMonth(m.month, dct, tense), rule = "month";
    }
    const QDate s(y, m.month, 1);
    const QDate e = lastDayOfMonth(y, m.month);
    if (m.part == Part::Early || m.part == Part::Mid || m.part == Part::Late)
        return {third(s, e, m.part, basis, "month-part")};
    return {reading(s, e, DatePrecision::Month, basis, rule)};
}

} // namespace

int DateResolver::yearOfMonth(int month, const QDate &published, Tense tense) {
    if (tense == Tense::Future && month < published.month())
        return published.year() + 1;
    if (tense == Tense::Past && month > published.month())
        return published.year() - 1;
    return published.year();
}

QList<DateSuggestion> DateResolver::resolve(const DateMention &m, const QDate &dct, Tense tense) {
    switch (m.form) {
    case Form::Iso: {
        const QDate d(m.year, m.month, m.day);
        if (!d.isValid())
            return {};
        return {reading(d, d, DatePrecision::Day, DateBasis::Stated, "iso")};
    }
    case Form::Explicit:
        return explicitDate(m, dct, tense);
    case Form::Month:
        return month(m, dct, tense);
    case Form::Year: {
        const QDate s(m.year, 1, 1);
        const QDate e(m.year, 12, 31);
        if (m.part != Part::Whole)
            return {third(s, e, m.part, DateBasis::Stated, "year-part")};
        return {reading(s, e, DatePrecision::Year, DateBasis::Stated, "year-number")};
    }
    default:
        break;
    }
    if (!dct.isValid())
        return {};
    switch (m.form) {
    case Form::Weekday:
        return weekday(m, dct, tense);
    case Form::Day: {
        const QDate d = dct.addDays(m.count);
        const char *rule = m.count < 0 ? "yesterday" : m.count > 0 ? "tomorrow" : "today";
        return {reading(d, d, DatePrecision::Day, DateBasis::Relative, rule)};
    }
    case Form::Period:
        return period(m, dct);
    case Form::Ago:
        return ago(m, dct);
    case Form::Weekend:
        return weekend(m, dct, tense);
    case Form::Overnight:
        // The night before the article (after it, if the verb is future); which side
        // of midnight is not said, hence "unknown" over the two days.
        if (tense == Tense::Future)
            return {reading(dct, dct.addDays(1), DatePrecision::Unknown, DateBasis::Relative,
                            "overnight-future")};
        return {reading(dct.addDays(-1), dct, DatePrecision::Unknown, DateBasis::Relative,
                        "overnight")};
    default:
        break;
    }
    return {};
}

} // namespace ntl
