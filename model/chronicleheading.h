#pragma once

#include "dataset.h"

#include <QLocale>
#include <QString>

namespace ntl {

// The group an event falls under when the events are read in order (the Chronicle view
// and its exports): a day ("Sunday 23 November 2025"), and imprecise dates and spans
// under headings of their own ("24–25 November 2025", "Week of 24 November 2025",
// "November 2025", "2025", "Undated"). Events with equal headings are consecutive once
// sorted by start, then end (EventFilterModel's order), so a reader groups by comparing
// each event's heading with the previous one.
class ChronicleHeading {
public:
    ChronicleHeading() = default;
    static ChronicleHeading of(const EventDate &date, const QLocale &locale = QLocale());

    // What is printed above the group.
    QString text() const { return m_text; }
    // True when two events belong under one heading.
    bool operator==(const ChronicleHeading &other) const {
        return m_precision == other.m_precision && m_start == other.m_start && m_end == other.m_end;
    }
    bool operator!=(const ChronicleHeading &other) const { return !(*this == other); }
    // A single, exactly known day (drawn as the main headings; the others are set apart).
    bool isDay() const { return m_precision == DatePrecision::Day && m_start.isValid(); }

private:
    DatePrecision m_precision = DatePrecision::Day;
    QDate m_start;
    QDate m_end;
    QString m_text;
};

} // namespace ntl
