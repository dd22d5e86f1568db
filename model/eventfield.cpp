#include "eventfield.h"

namespace ntl {

EventFields allEventFields() {
    EventFields fields;
    for (int f = int(EventField::Title); f <= int(EventField::Disagreements); ++f)
        fields.append(EventField(f));
    return fields;
}

QVariant eventFieldValue(const Event &event, EventField field) {
    switch (field) {
    case EventField::Title:
        return event.title;
    case EventField::Summary:
        return event.summary;
    case EventField::Kind:
        return event.kind;
    case EventField::Status:
        return QVariant::fromValue(event.status);
    case EventField::DateStart:
        return event.date.start;
    case EventField::DateEnd:
        return event.date.end;
    case EventField::DatePrecision:
        return QVariant::fromValue(event.date.precision);
    case EventField::DateExpression:
        return event.date.expression;
    case EventField::DateBasis:
        return QVariant::fromValue(event.date.basis);
    case EventField::DateAnchor:
        return event.date.anchorArticleId;
    case EventField::DateNote:
        return event.date.note;
    case EventField::Place:
        return event.place;
    case EventField::Note:
        return event.note;
    case EventField::Participants:
    case EventField::Sources:
    case EventField::Disagreements:
        break; // lists have commands of their own
    }
    return {};
}

namespace {

template <typename T> bool assign(T &target, const QVariant &value) {
    // Only the exact type: a string "3" must not become a status by conversion.
    if (value.metaType() != QMetaType::fromType<T>())
        return false;
    target = value.value<T>();
    return true;
}

} // namespace

bool setEventFieldValue(Event &event, EventField field, const QVariant &value) {
    switch (field) {
    case EventField::Title:
        return assign(event.title, value);
    case EventField::Summary:
        return assign(event.summary, value);
    case EventField::Kind:
        return assign(event.kind, value);
    case EventField::Status:
        return assign(event.status, value);
    case EventField::DateStart:
        return assign(event.date.start, value);
    case EventField::DateEnd:
        return assign(event.date.end, value);
    case EventField::DatePrecision:
        return assign(event.date.precision, value);
    case EventField::DateExpression:
        return assign(event.date.expression, value);
    case EventField::DateBasis:
        return assign(event.date.basis, value);
    case EventField::DateAnchor:
        return assign(event.date.anchorArticleId, value);
    case EventField::DateNote:
        return assign(event.date.note, value);
    case EventField::Place:
        return assign(event.place, value);
    case EventField::Note:
        return assign(event.note, value);
    case EventField::Participants:
    case EventField::Sources:
    case EventField::Disagreements:
        break;
    }
    return false;
}

bool isTextField(EventField field) {
    switch (field) {
    case EventField::Title:
    case EventField::Summary:
    case EventField::Kind:
    case EventField::DateExpression:
    case EventField::DateNote:
    case EventField::Place:
    case EventField::Note:
        return true;
    default:
        return false;
    }
}

} // namespace ntl
