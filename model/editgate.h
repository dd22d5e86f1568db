#pragma once

#include <QObject>
#include <QString>

namespace ntl {

class Document;

// Whether the user may edit the document now, decided in one place for every editing action,
// the event editor and the read-only bar: the embedded example dataset and a file opened
// read-only (another window holds its lock) are looked at, not edited; saving a copy (Save As)
// makes the copy editable. Document::push itself stays open (tests, recovery and the command
// line edit through it); it is the user's ways in that are closed.
class EditGate {
public:
    // Why the user cannot edit `document`, in words for a tooltip; empty when they can.
    static QString refusal(const Document &document);
    // The first of `reasons` that is not empty (the read-only refusal first, then what an
    // action needs: a selection, an event), so every action words its reason alike.
    static QString firstReason(std::initializer_list<QString> reasons);
    // Calls `update` on `context` whenever refusal(document) may have changed.
    template <typename Slot> static void watch(Document *document, QObject *context, Slot update);
};

} // namespace ntl

#include "document.h"

namespace ntl {

template <typename Slot> void EditGate::watch(Document *document, QObject *context, Slot update) {
    QObject::connect(document, &Document::readOnlyChanged, context, update);
    QObject::connect(document, &Document::filePathChanged, context, update);
    QObject::connect(document, &Document::datasetReset, context, update);
}

} // namespace ntl
