#include "removeeventcommand.h"

#include "document.h"

#include <QCoreApplication>

namespace ntl {

RemoveEventCommand::RemoveEventCommand(Document *document, const QString &eventId,
                                       QUndoCommand *parent)
    : DocumentCommand(document, parent)
    , m_eventId(eventId) {
    setText(QCoreApplication::translate("ntl::RemoveEventCommand", "Remove Event"));
}

QString RemoveEventCommand::refusal() const {
    if (document()->eventRow(m_eventId) < 0)
        return QCoreApplication::translate("ntl::RemoveEventCommand", "unknown event id \"%1\"")
            .arg(m_eventId);
    return {};
}

void RemoveEventCommand::redo() {
    m_row = document()->eventRow(m_eventId, m_row);
    if (m_row < 0)
        return;
    m_event = document()->dataset().events.at(m_row);
    document()->removeEventAt(m_row);
}

void RemoveEventCommand::undo() {
    if (m_row >= 0)
        document()->insertEvent(m_row, m_event);
}

} // namespace ntl
