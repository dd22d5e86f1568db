#include "chronicleheading.h"

#include <QCoreApplication>

namespace ntl {

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("ChronicleHeading", text);
}

QString longRange(const QDate &start, const QDate &end, const QLocale &locale) {
    if (start == end)
        return locale.toString(start, QStringLiteral("dddd d MMMM yyyy"));
    if (start.year() == end.year() && start.month() == end.month())
        return QStringLiteral("%1–%2")
            .arg(start.day())
            .arg(locale.toString(end, QStringLiteral("d MMMM yyyy")));
    if (start.year() == end.year())
        return QStringLiteral("%1 – %2").arg(locale.toString(start, QStringLiteral("d MMMM")),
                                             locale.toString(end, QStringLiteral("d MMMM yyyy")));
    return QStringLiteral("%1 – %2").arg(locale.toString(start, QStringLiteral("d MMMM yyyy")),
                                         locale.toString(end, QStringLiteral("d MMMM yyyy")));
}
} // namespace

ChronicleHeading ChronicleHeading::of(const EventDate &date, const QLocale &locale) {
    ChronicleHeading heading;
    heading.m_precision = date.precision;
    heading.m_start = date.start;
    heading.m_end = date.end.isValid() ? date.end : date.start;
    if (!date.start.isValid()) {
        // Every undated event shares one heading, whatever its stated precision.
        heading.m_precision = DatePrecision::Unknown;
        heading.m_start = heading.m_end = QDate();
        heading.m_text = tr("Undated");
        return heading;
    }
    const QDate &start = heading.m_start;
    const QDate &end = heading.m_end;
    switch (date.precision) {
    case DatePrecision::Day:
        // A day is a day: an end written for it does not split its group.
        heading.m_end = start;
        heading.m_text = locale.toString(start, QStringLiteral("dddd d MMMM yyyy"));
        break;
    case DatePrecision::Days:
        heading.m_text = longRange(start, end, locale);
        break;
    case DatePrecision::Week:
        heading.m_text =
            tr("Week of %1").arg(locale.toString(start, QStringLiteral("d MMMM yyyy")));
        break;
    case DatePrecision::Month:
        if (start.year() == end.year() && start.month() == end.month())
            heading.m_text = locale.toString(start, QStringLiteral("MMMM yyyy"));
        else if (start.year() == end.year())
            heading.m_text =
                QStringLiteral("%1–%2").arg(locale.toString(start, QStringLiteral("MMMM")),
                                            locale.toString(end, QStringLiteral("MMMM yyyy")));
        else
            heading.m_text =
                QStringLiteral("%1 – %2").arg(locale.toString(start, QStringLiteral("MMMM yyyy")),
                                              locale.toString(end, QStringLiteral("MMMM yyyy")));
        break;
    case DatePrecision::Year:
        heading.m_text = start.year() == end.year()
                             ? QString::number(start.year())
                             : QStringLiteral("%1–%2").arg(start.year()).arg(end.year());
        break;
    case DatePrecision::Unknown:
        heading.m_text = tr("Some time between %1").arg(longRange(start, end, locale));
        break;
    }
    return heading;
}

} // namespace ntl
