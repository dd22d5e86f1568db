#pragma once

#include "recoveryjournal.h"

#include <QObject>
#include <QTimer>

#include <functional>

namespace ntl {

class MainWindow;

// Crash recovery for the main window: keeps the RecoveryJournal of the window's document,
// and when a dataset is opened for which a journal was left behind (a crash, a kill -9),
// asks "Recover unsaved changes to NAME from TIME?": Recover replays it (the edits come back
// undoable), Discard deletes it, Keep for later leaves it for the next time. At the first
// dataset of the window's life (the start), journals of new datasets never saved are
// offered the same way.
class RecoveryController : public QObject {
    Q_OBJECT
public:
    enum class Choice { Recover, Discard, KeepForLater };
    // Asks the user about one journal; tests set their own so that nothing blocks.
    using Prompt = std::function<Choice(const RecoveryJournal::Entry &)>;

    explicit RecoveryController(MainWindow *window);

    RecoveryJournal *journal() const { return m_journal; }
    void setPrompt(const Prompt &prompt) { m_prompt = prompt; }
    // The message of the last recovery that stopped at a bad line or failed; empty otherwise.
    QString lastError() const { return m_lastError; }

    // Offers the journals left for the dataset now open (and, the first time, those of new
    // datasets). Runs by itself after each open; public for tests. A journal holding the
    // file's hash is offered once the file's hash is ready (FileFingerprint, on a worker,
    // started at the open and shared with the file watch): nothing waits for it here, the
    // question comes when it is known (a second or so after opening a 220 MB file).
    void offerRecovery();
    // Waiting for the file's hash before asking.
    bool isWaitingForHash() const { return m_hashPoll.isActive(); }

signals:
    // After a recovery: how many edits came back, and what stopped it (empty when whole).
    void recovered(int edits, const QString &error);

private:
    Choice ask(const RecoveryJournal::Entry &entry) const;
    void recover(const RecoveryJournal::Entry &entry, const QByteArray &fileSha1);
    // Whether the document is as its file has it: only then is a journal replayed onto it.
    bool asItsFile() const;
    void askNow();

    MainWindow *m_window;
    RecoveryJournal *m_journal;
    Prompt m_prompt;
    QString m_lastError;
    bool m_started = false;
    bool m_recovering = false;
    bool m_offerUnsaved = false; // the start's offer of new datasets' journals is still due
    QString m_printedPath;
    FileFingerprint m_print; // of the open file, for its hash
    QTimer m_hashPoll;
};

} // namespace ntl
