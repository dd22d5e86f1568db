#pragma once

#include "documentcommand.h"

#include <QString>

namespace ntl {

// Moves one side (by id) to another place in the list of sides: the order of the side lanes
// and which side colours an event. Undo moves it back.
class MoveSideCommand : public DocumentCommand {
public:
    MoveSideCommand(Document *document, const QString &sideId, int to,
                    QUndoCommand *parent = nullptr);

    QString refusal() const override;
    void redo() override;
    void undo() override;

private:
    void move(int from, int to);

    QString m_sideId;
    int m_from = -1;
    int m_to;
};

} // namespace ntl
