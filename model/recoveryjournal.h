#pragma once

#include <QDateTime>
#include <QFile>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <atomic>
#include <future>
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
// path and of its bytes when the journal began (a journal for another version of the file is
// never replayed onto it). Its first line is a header (format, path, file hash, time, base);
// then one line per push, undo ("u": steps), redo ("r": steps) and macro ("begin"/"end"), so
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
    static constexpr int formatVersion = 1;
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
        QString sha256;      // of the dataset's file when the journal began
        QString basePath;    // the snapshot replayed onto, empty when the base is the file
        QDateTime time;
        int edits = 0; // pushes recorded
    };
    // Journals for `datasetPath` as it is on disk now (same canonical path, same bytes), the
    // newest first.
    static QList<Entry> journalsFor(const QString &datasetPath);
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
    // before it stay applied and the result names the line.
    static Replay replay(const QString &journalPath, Document *document);

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
    QString fileSha256Now();

    QPointer<Document> m_document;
    QFile m_file;
    QString m_lastError;
    int m_base = 0;  // the undo stack's index the journal's base state is at
    int m_index = 0; // the index the journal has recorded
    bool m_pushing = false;
    bool m_inMacro = false;
    Sync m_syncMode = Sync::Background;
    std::unique_ptr<BackgroundSync> m_sync;
    // The file's SHA-256, computed on a worker as soon as it is opened or saved (a 200 MB file
    // takes seconds), so that the first edit rarely waits for it.
    QString m_hashedPath;
    std::shared_future<QString> m_sha256;
    std::shared_ptr<std::atomic<bool>> m_cancelHash;
};

} // namespace ntl
