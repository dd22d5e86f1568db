#include "movesidecommand.h"

#include "document.h"

#include <QCoreApplication>

namespace ntl {

MoveSideCommand::MoveSideCommand(Document *document, const QString &sideId, int to,
                                 QUndoCommand *parent)
    : DocumentCommand(document, parent)
    , m_sideId(sideId)
    , m_from(document->dataset().sideIndex(sideId))
    , m_to(to) {
    setText(QCoreApplication::translate("ntl::MoveSideCommand", "Move Side"));
}

QString MoveSideCommand::refusal() const {
    if (m_from < 0)
        return QCoreApplication::translate("ntl::MoveSideCommand", "unknown side id \"%1\"")
            .arg(m_sideId);
    if (m_to < 0 || m_to >= document()->dataset().sides.size() || m_to == m_from)
        return QCoreApplication::translate("ntl::MoveSideCommand",
                                           "side \"%1\" cannot move to place %2")
            .arg(m_sideId)
            .arg(m_to + 1);
    return {};
}

void MoveSideCommand::redo() {
    move(m_from, m_to);
}

void MoveSideCommand::undo() {
    move(m_to, m_from);
}

void MoveSideCommand::move(int from, int to) {
    document()->changePart(Document::Part::Sides,
                           [&](Dataset &dataset) { dataset.sides.move(from, to); });
}

} // namespace ntl
