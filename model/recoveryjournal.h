#pragma once

#include "filefingerprint.h"

#include <QDateTime>
#include <QFile>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <memory>

namespace ntl {

class Document;
class BackgroundSync;
class DocumentCommand;

// Never lose work: after each edit the command is appended to a journal (JSON Lines, each
// line written and flushed to the disk before the edit returns), so that after a crash or a
// kill -9 the next start can replay it through the same commands, undoable.
//
// The journal lives in AppDataLocation/recovery/, named from a hash of the dataset's canonical
// path and a uuid. Its first line is a header (format, path, the file's size and modification
// time when the journal began, time, base), written at the first edit without waiting for
// anything; the file's hash follows as a line of its own ({"sha1": hex}) once the worker that
// hashes it (FileFingerprint, shared with the file watch) is done, a few lines later on a
// large file. A journal for another version of the file is never replayed onto it: the size and
// modification time must match, and the hash too when the journal holds it. Then one line per
// push, undo ("u": steps), redo ("r": steps) and macro ("begin"/"end"), so
// a replay rebuilds the same undo stack, merges and redo included. The base is the file on
// disk, or a snapshot beside the journal when there is no file (a new dataset) or the state
// the journal starts from is not the file's (undo past a save, a recovered new dataset).
//
// It is removed when the document is saved, when another dataset is loaded (the window has
// asked save or discard) and when the journal ends normally: only a crash leaves one behind.
// Appending is not a QSaveFile write: a journal grows line by line, and a line cut short by a
// crash is detected and reported on replay. Each line is written to the kernel before the
// edit returns (so a crash or kill -9 loses nothing) and synced to the disk by a thread of its
// own (Sync::Background, the default) or at once (Sync::Immediate): see setSync.
class RecoveryJournal : public QObject {
    Q_OBJECT

public:
    // 2: keyed by size, modification time and a hash line (1 held a SHA-256 in its header and
    // its name, waited for by the first edit; never released, not read).
    static constexpr int formatVersion = 2;
    // How often the GUI thread looks whether the file's hash is ready while a journal waits
    // for it (a look never blocks).
    static constexpr int hashPollMs = 50;
    // What a replay reads at most: a journal is untrusted input.
    static constexpr qint64 maxJournalBytes = qint64(1) << 30;

    // When a line reaches the disk itself. Either way it is written to the kernel before the
    // edit returns, which is all that a crash or a kill -9 of the program needs.
    enum class Sync {
        Background, // synced on a thread of its own: an edit never waits for the disk
        Immediate,  // synced before the edit returns (a power cut loses nothing written)
    };

    explicit RecoveryJournal(Document *document, QObject *parent = nullptr);
    ~RecoveryJournal() override;

    // AppDataLocation/recovery (tests: QStandardPaths::setTestModeEnabled).
    static QString directory();

    // The journal being written; empty until the first edit after a load or a save.
    QString journalPath() const { return m_file.fileName(); }
    // Why the last write failed (the edit itself is kept); empty when the journal is whole.
    QString lastError() const { return m_lastError; }
    // The changes were discarded: the journal goes.
    void discard();
    void setSync(Sync sync) { m_syncMode = sync; }
    // Returns once every line written is on the disk (tests, the benchmark).
    void waitForSync();

    // A journal found on disk.
    struct Entry {
        QString journalPath;
        QString datasetPath; // empty for a new dataset never saved
        // The dataset's file when the journal began: its size, its modification time (ms
        // since the epoch, UTC) and the hex SHA-1 of its bytes, empty when the program ended
        // before the hash was written.
        qint64 fileSize = -1;
        qint64 fileModified = 0;
        QString fileSha1;
        QString basePath;    // the snapshot replayed onto, empty when the base is the file
        QDateTime time;
        int edits = 0; // pushes recorded
    };
    // Journals for `datasetPath` as it is on disk now, the newest first: the same canonical
    // path, size and modification time (one stat, nothing hashed). Those holding a hash are
    // for these bytes only if sameBytes() says so for the file's hash (FileFingerprint, on a
    // worker): the caller checks that before offering them.
    static QList<Entry> journalsFor(const QString &datasetPath);
    // Whether a journal found by journalsFor is for a file whose SHA-1 is `fileSha1`. A journal
    // without its hash line (the program died in the seconds before the hash was ready) is
    // matched by size and modification time alone: a deliberate trade-off, as another version
    // of the file with the same size and modification time to the millisecond is unlikely
    // enough, and refusing would lose exactly the edits of a crash just after opening.
    static bool sameBytes(const Entry &entry, const QByteArray &fileSha1);
    // Journals of new datasets never saved, the newest first.
    static QList<Entry> unsavedJournals();
    // Reads the header and counts the edits; false with `error` set when it is no journal.
    static bool readEntry(const QString &journalPath, Entry *entry, QString *error);
    // Removes a journal and its snapshot.
    static void remove(const QString &journalPath);

    struct Replay {
        bool ok = false;
        int edits = 0;   // pushes applied
        int badLine = 0; // the line the replay stopped at (1-based), 0 when it read them all
        QString error;   // names the journal and the line
    };
    // Loads the journal's base into `document` (the file must be the one the journal began
    // from, else nothing changes) and replays every line through Document::push, undo and
    // redo. A bad line (a crash mid-write, corruption) stops the replay there: the lines
    // before it stay applied and the result names the line. `fileSha1` is the open file's
    // hash, checked against the journal's hash line; when it is not given and the journal has
    // one, the file is hashed here (BLOCKS for seconds on a large file: the GUI passes it).
    static Replay replay(const QString &journalPath, Document *document,
                         const QByteArray &fileSha1 = {});

signals:
    void writeFailed(const QString &message);

private:
    void reset();
    void onAboutToPush(const DocumentCommand *command);
    void onPushed();
    void onIndexChanged(int index);
    void onCleanChanged(bool clean);
    bool ensureOpen();
    bool append(const QByteArray &line);
    void closeAndRemove();
    bool inMacro() const;
    void startHashing();
    void writeHashWhenReady();

    QPointer<Document> m_document;
    QFile m_file;
    QString m_lastError;
    int m_base = 0;  // the undo stack's index the journal's base state is at
    int m_index = 0; // the index the journal has recorded
    bool m_pushing = false;
    bool m_inMacro = false;
    Sync m_syncMode = Sync::Background;
    std::unique_ptr<BackgroundSync> m_sync;
    // The file as it was opened or saved: its size and time go in the header, and its hash,
    // computed on a worker (a 220 MB file takes seconds), in a line of its own when ready:
    // nothing waits for it. One hash with the file watch (FileFingerprint shares it).
    QString m_printedPath;
    FileFingerprint m_print;
    bool m_hashWritten = false;
    QTimer m_hashPoll;
};

} // namespace ntl
