#pragma once

#include "document.h"
#include "documentcommand.h"
#include "editcheck.h"

#include <QCoreApplication>

namespace ntl {

// Replaces one of an event's lists (participants, passages, disagreements) by a new value;
// adding or removing one item is this with the list plus or minus the item. The lists are
// short, so whole values are stored: undo restores exactly, order included.
template <typename Item, QList<Item> Event::*Member, EventField Field>
class EditEventListCommand : public DocumentCommand {
public:
    EditEventListCommand(Document *document, const QString &eventId, const QList<Item> &items,
                         const QString &text, QUndoCommand *parent = nullptr)
        : DocumentCommand(document, parent)
        , m_eventId(eventId)
        , m_newItems(items) {
        m_rowHint = document->eventRow(eventId);
        if (m_rowHint >= 0)
            m_oldItems = document->dataset().events.at(m_rowHint).*Member;
        setText(text);
    }

    QString refusal() const override {
        const int row = document()->eventRow(m_eventId, m_rowHint);
        if (row < 0)
            return QCoreApplication::translate("ntl::EditEventListCommand",
                                               "unknown event id \"%1\"")
                .arg(m_eventId);
        Event edited = document()->dataset().events.at(row);
        edited.*Member = m_newItems;
        return EditCheck::eventReferences(document()->dataset(), edited);
    }
    void redo() override { apply(m_newItems); }
    void undo() override { apply(m_oldItems); }

    QString eventId() const { return m_eventId; }
    const QList<Item> &items() const { return m_newItems; }

private:
    void apply(const QList<Item> &items) {
        m_rowHint = document()->eventRow(m_eventId, m_rowHint);
        if (m_rowHint < 0)
            return;
        Event event = document()->dataset().events.at(m_rowHint);
        event.*Member = items;
        document()->replaceEvent(m_rowHint, event, {Field});
    }

    QString m_eventId;
    QList<Item> m_oldItems;
    QList<Item> m_newItems;
    int m_rowHint = -1;
};

} // namespace ntl
