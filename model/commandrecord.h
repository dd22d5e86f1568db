#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

class QUndoCommand;

namespace ntl {

class Document;
class DocumentCommand;

// A DocumentCommand as one compact JSON object (its kind, ids and new values; never rows or
// model indexes), and back: what the recovery journal writes per edit and replays. A record
// is untrusted input (a journal may be truncated, corrupt or hostile): decoding checks every
// member's type and rejects with a message naming the member, never asserts.
class CommandRecord {
public:
    // Records longer than this are refused on reading (an article's text is the largest value).
    static constexpr qsizetype maxRecordBytes = 64 * 1024 * 1024;

    // One line of JSON (no newline); empty when `command` is not a DocumentCommand this knows.
    static QByteArray encode(const QUndoCommand &command);
    // A command on `document` from `record`, not yet pushed; null with `error` set when the
    // record is not JSON, not an object, of an unknown kind or has a member of the wrong type.
    static std::unique_ptr<DocumentCommand> decode(const QByteArray &record, Document *document,
                                                   QString *error);
};

} // namespace ntl
