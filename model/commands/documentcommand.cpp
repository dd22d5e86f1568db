#include "documentcommand.h"

namespace ntl {

DocumentCommand::DocumentCommand(Document *document, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document) {}

} // namespace ntl
