#pragma once

#include "dataset.h"

#include <QList>
#include <QVariant>

namespace ntl {

// One editable part of an event, as the commands and the Document's notifications name it.
enum class EventField {
    Title,
    Summary,
    Kind,
    Status,        // EventStatus
    DateStart,     // QDate
    DateEnd,       // QDate
    DatePrecision, // ntl::DatePrecision
    DateExpression,
    DateBasis,  // ntl::DateBasis
    DateAnchor, // article id, empty for none
    DateNote,
    Place,
    Note,
    Participants,
    Sources,
    Disagreements,
};

using EventFields = QList<EventField>;

// Every field but the id: what an added or removed event changes.
EventFields allEventFields();

// The field's value as a QVariant (QString, QDate, or the enum), and the reverse; a value of
// the wrong type leaves the event unchanged and returns false.
QVariant eventFieldValue(const Event &event, EventField field);
bool setEventFieldValue(Event &event, EventField field, const QVariant &value);

// Free text a person types into (consecutive typing merges into one undo step).
bool isTextField(EventField field);

} // namespace ntl
