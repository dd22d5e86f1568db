#include "eventdatetext.h"

#include <QCoreApplication>

namespace ntl {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("EventDateText", text); }
} // namespace

EventDateText::EventDateText(const QLocale &locale)
    : m_locale(locale)
{
}

QString EventDateText::format(const EventDate &date) const
{
    if (!date.start.isValid())
        return tr("undated");
    const QDate end = date.end.isValid() ? date.end : date.start;
    switch (date.precision) {
    case DatePrecision::Day:
        return m_locale.toString(date.start, QStringLiteral("ddd d MMM yyyy"));
    case DatePrecision::Days:
        return formatRange(date.start, end);
    case DatePrecision::Week:
        return tr("week of %1").arg(m_locale.toString(date.start, QStringLiteral("d MMM yyyy")));
    case DatePrecision::Month:
        if (date.start.year() == end.year() && date.start.month() == end.month())
            return m_locale.toString(date.start, QStringLiteral("MMMM yyyy"));
        if (date.start.year() == end.year())
            return QStringLiteral("%1–%2").arg(m_locale.toString(date.start, QStringLiteral("MMMM")),
                                                m_locale.toString(end, QStringLiteral("MMMM yyyy")));
        return QStringLiteral("%1 – %2").arg(m_locale.toString(date.start, QStringLiteral("MMMM yyyy")),
                                              m_locale.toString(end, QStringLiteral("MMMM yyyy")));
    case DatePrecision::Year:
        return date.start.year() == end.year()
                   ? QString::number(date.start.year())
                   : QStringLiteral("%1–%2").arg(date.start.year()).arg(end.year());
    case DatePrecision::Unknown:
        return tr("between %1").arg(formatRange(date.start, end));
    }
    return {};
}

QString EventDateText::formatRange(const QDate &start, const QDate &end) const
{
    if (start == end)
        return m_locale.toString(start, QStringLiteral("ddd d MMM yyyy"));
    if (start.year() == end.year() && start.month() == end.month())
        return QStringLiteral("%1–%2").arg(start.day()).arg(
            m_locale.toString(end, QStringLiteral("d MMM yyyy")));
    if (start.year() == end.year())
        return QStringLiteral("%1 – %2").arg(m_locale.toString(start, QStringLiteral("d MMM")),
                                              m_locale.toString(end, QStringLiteral("d MMM yyyy")));
    return QStringLiteral("%1 – %2").arg(m_locale.toString(start, QStringLiteral("d MMM yyyy")),
                                          m_locale.toString(end, QStringLiteral("d MMM yyyy")));
}

QString EventDateText::formatWithStatus(const EventDate &date, EventStatus status) const
{
    const QString text = format(date);
    return status == EventStatus::Occurred ? text
                                           : QStringLiteral("%1 · %2").arg(text, statusName(status));
}

QString EventDateText::statusName(EventStatus status) const
{
    switch (status) {
    case EventStatus::Occurred: return tr("occurred");
    case EventStatus::Planned: return tr("planned");
    case EventStatus::Reported: return tr("reported");
    case EventStatus::Cancelled: return tr("cancelled");
    }
    return {};
}

QString EventDateText::describeBasis(const EventDate &date) const
{
    switch (date.basis) {
    case DateBasis::Stated: return tr("date stated in the article");
    case DateBasis::Relative:
        return date.anchorArticleId.isEmpty()
                   ? tr("resolved relative to the article's publication date")
                   : tr("resolved relative to the publication date of %1").arg(date.anchorArticleId);
    case DateBasis::Inferred: return tr("inferred from the articles");
    case DateBasis::External: return tr("from outside the articles");
    }
    return {};
}

} // namespace ntl
