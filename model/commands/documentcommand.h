#pragma once

#include <QString>
#include <QUndoCommand>

namespace ntl {

class Document;
struct Dataset;

// A change to a Document. It stores values and ids, never model indexes or rows that an
// earlier command could shift, so undo restores exactly what was there.
class DocumentCommand : public QUndoCommand {
public:
    explicit DocumentCommand(Document *document, QUndoCommand *parent = nullptr);

    // Why this command would break the format on the document as it is now; empty when it
    // may be pushed. Document::push asks before the command is applied.
    virtual QString refusal() const = 0;

protected:
    Document *document() const { return m_document; }

private:
    Document *m_document;
};

} // namespace ntl

namespace ntl {
// QUndoCommand::id() values of the commands that merge.
enum class CommandId { EditEventField = 1 };
} // namespace ntl
