#include "importeventscommand.h"

#include "document.h"
#include "editcheck.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

namespace ntl {

ImportEventsCommand::ImportEventsCommand(Document *document, const QList<Event> &added,
                                         const QList<Event> &updated, const QString &text,
                                         QUndoCommand *parent)
    : DocumentCommand(document, parent)
    , m_added(added)
    , m_updated(updated) {
    setText(text.isEmpty()
                ? QCoreApplication::translate("ntl::ImportEventsCommand", "Import Events")
                : text);
}

QString ImportEventsCommand::refusal() const {
    const Dataset &dataset = document()->dataset();
    QSet<QString> seen;
    for (const Event &event : m_added) {
        const bool used = seen.contains(event.id) || document()->eventRow(event.id) >= 0;
        if (event.id.isEmpty() || used)
            return EditCheck::newId(QStringLiteral("event"), event.id, used);
        seen.insert(event.id);
        const QString problem = EditCheck::event(dataset, event);
        if (!problem.isEmpty())
            return problem;
    }
    for (const Event &event : m_updated) {
        if (seen.contains(event.id) || document()->eventRow(event.id) < 0)
            return QCoreApplication::translate("ntl::ImportEventsCommand",
                                               "no event \"%1\" to update, or it is updated twice")
                .arg(event.id);
        seen.insert(event.id);
        const QString problem = EditCheck::event(dataset, event);
        if (!problem.isEmpty())
            return problem;
    }
    return {};
}

void ImportEventsCommand::redo() {
    if (!m_updated.isEmpty()) {
        const bool first = m_before.isEmpty();
        QHash<QString, Event> values;
        for (const Event &event : std::as_const(m_updated)) {
            if (first) {
                const int row = document()->eventRow(event.id);
                if (row >= 0)
                    m_before.append(document()->dataset().events.at(row));
            }
            values.insert(event.id, event);
        }
        document()->replaceEvents(values, allEventFields());
    }
    m_row = int(document()->dataset().events.size());
    document()->insertEvents(m_row, m_added);
}

void ImportEventsCommand::undo() {
    // The range is where redo put it unless something outside the stack moved it: look.
    if (!m_added.isEmpty()) {
        const int row = document()->eventRow(m_added.constFirst().id, m_row);
        if (row >= 0 && row + m_added.size() <= document()->dataset().events.size())
            document()->removeEventsAt(row, int(m_added.size()));
    }
    if (!m_before.isEmpty()) {
        QHash<QString, Event> values;
        for (const Event &event : std::as_const(m_before))
            values.insert(event.id, event);
        document()->replaceEvents(values, allEventFields());
    }
}

} // namespace ntl
