#pragma once

#include "dataset.h"
#include "documentcommand.h"

#include <QHash>

namespace ntl {

// Merges actor `fromId` into `intoId`: every participation and affiliation naming `fromId`
// names `intoId` instead (a participation that then repeats one is dropped), and `fromId`
// is removed. Undo restores the actor, the affiliations and every event as they were.
class MergeActorsCommand : public DocumentCommand {
public:
    MergeActorsCommand(Document *document, const QString &fromId, const QString &intoId,
                       QUndoCommand *parent = nullptr);

    QString refusal() const override;
    void redo() override;
    void undo() override;

    QString fromId() const { return m_fromId; }
    QString intoId() const { return m_intoId; }

private:
    QString m_fromId;
    QString m_intoId;
    QList<Actor> m_actorsBefore; // few (hundreds): whole values
    QList<Actor> m_actorsAfter;
    QHash<QString, Event> m_eventsBefore; // only the events that name `fromId`
    QHash<QString, Event> m_eventsAfter;
};

} // namespace ntl
