#pragma once

#include "dataset.h"

#include <QLocale>
#include <QString>

namespace ntl {

// Says a dataset date the way a person would: "Sun 23 Nov 2025", "24–25 Nov 2025",
// "week of 1 Dec 2025", "August 2025". Month and day names follow the locale.
class EventDateText
{
public:
    explicit EventDateText(const QLocale &locale = QLocale());

    QString format(const EventDate &date) const;
    // format() plus " · planned" (or the other non-default statuses).
    QString formatWithStatus(const EventDate &date, EventStatus status) const;
    // How the date was found: "stated in the article", "relative to article …", ….
    QString describeBasis(const EventDate &date) const;
    QString statusName(EventStatus status) const;

private:
    QString formatRange(const QDate &start, const QDate &end) const;

    QLocale m_locale;
};

} // namespace ntl
