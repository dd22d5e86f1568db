#include "mergeactorscommand.h"

#include "document.h"

#include <QCoreApplication>

namespace ntl {

MergeActorsCommand::MergeActorsCommand(Document *document, const QString &fromId,
                                       const QString &intoId, QUndoCommand *parent)
    : DocumentCommand(document, parent)
    , m_fromId(fromId)
    , m_intoId(intoId) {
    setText(QCoreApplication::translate("ntl::MergeActorsCommand", "Merge Actors"));
    const Dataset &dataset = document->dataset();
    m_actorsBefore = dataset.actors;
    for (const Actor &actor : dataset.actors) {
        if (actor.id == fromId)
            continue;
        Actor after = actor;
        if (after.affiliationId == fromId)
            after.affiliationId = intoId;
        m_actorsAfter.append(after);
    }
    for (const Event &event : dataset.events) {
        bool names = false;
        for (const Participant &p : event.participants)
            names = names || p.actorId == fromId;
        if (!names)
            continue;
        Event after = event;
        after.participants.clear();
        for (Participant p : event.participants) {
            if (p.actorId == fromId)
                p.actorId = intoId;
            bool repeated = false;
            for (const Participant &kept : after.participants)
                repeated = repeated || (kept.actorId == p.actorId && kept.role == p.role);
            if (!repeated)
                after.participants.append(p);
        }
        m_eventsBefore.insert(event.id, event);
        m_eventsAfter.insert(event.id, after);
    }
}

QString MergeActorsCommand::refusal() const {
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("ntl::MergeActorsCommand", text);
    };
    const Dataset &dataset = document()->dataset();
    if (!dataset.actor(m_fromId))
        return tr("unknown actor id \"%1\"").arg(m_fromId);
    const Actor *into = dataset.actor(m_intoId);
    if (!into)
        return tr("unknown actor id \"%1\"").arg(m_intoId);
    if (m_fromId == m_intoId)
        return tr("an actor cannot be merged into itself");
    if (into->affiliationId == m_fromId)
        return tr("actor \"%1\" cannot be merged into \"%2\", which is affiliated with it")
            .arg(m_fromId, m_intoId);
    return {};
}

void MergeActorsCommand::redo() {
    document()->replaceEvents(m_eventsAfter, {EventField::Participants});
    document()->changePart(Document::Part::Actors,
                           [this](Dataset &dataset) { dataset.actors = m_actorsAfter; });
}

void MergeActorsCommand::undo() {
    // The actor first, so that no snapshot ever names an actor that is not there.
    document()->changePart(Document::Part::Actors,
                           [this](Dataset &dataset) { dataset.actors = m_actorsBefore; });
    document()->replaceEvents(m_eventsBefore, {EventField::Participants});
}

} // namespace ntl
