#include "addeventcommand.h"

#include "document.h"
#include "editcheck.h"

#include <QCoreApplication>

namespace ntl {

AddEventCommand::AddEventCommand(Document *document, const Event &event, int row,
                                 QUndoCommand *parent)
    : DocumentCommand(document, parent)
    , m_event(event)
    , m_row(row) {
    setText(QCoreApplication::translate("ntl::AddEventCommand", "Add Event"));
}

QString AddEventCommand::refusal() const {
    if (document()->eventRow(m_event.id) >= 0 || m_event.id.isEmpty())
        return EditCheck::newId(QStringLiteral("event"), m_event.id, !m_event.id.isEmpty());
    return EditCheck::event(document()->dataset(), m_event);
}

void AddEventCommand::redo() {
    const qsizetype count = document()->dataset().events.size();
    if (m_row < 0 || m_row > count)
        m_row = int(count); // remembered, so redo after undo puts it back in the same place
    document()->insertEvent(m_row, m_event);
}

void AddEventCommand::undo() {
    const int row = document()->eventRow(m_event.id, m_row);
    if (row >= 0)
        document()->removeEventAt(row);
}

} // namespace ntl
