#include "recoverycontroller.h"

#include "document.h"
#include "mainwindow.h"
#include "session.h"

#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

#include <algorithm>

namespace ntl {

RecoveryController::RecoveryController(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_journal(new RecoveryJournal(window->session()->document(), this)) {
    // Queued: the window finishes opening (title, status) before anything is asked.
    connect(window->session()->document(), &Document::datasetReset, this,
            &RecoveryController::offerRecovery, Qt::QueuedConnection);
    connect(m_journal, &RecoveryJournal::writeFailed, this,
            [this](const QString &message) { m_window->statusBar()->showMessage(message, 15000); });
    // Looked at, never waited for: the GUI thread stays free while the worker hashes.
    m_hashPoll.setInterval(RecoveryJournal::hashPollMs);
    connect(&m_hashPoll, &QTimer::timeout, this, [this] {
        if (!m_print.hashReady())
            return;
        m_hashPoll.stop();
        askNow();
    });
}

void RecoveryController::offerRecovery() {
    if (m_recovering)
        return;
    if (!m_started)
        m_offerUnsaved = true;
    m_started = true;
    m_hashPoll.stop();
    m_printedPath.clear();
    m_print = {};
    Document *document = m_window->session()->document();
    if (asItsFile()) {
        const QList<RecoveryJournal::Entry> entries =
            RecoveryJournal::journalsFor(document->filePath());
        if (std::any_of(entries.begin(), entries.end(),
                        [](const auto &entry) { return !entry.fileSha1.isEmpty(); })) {
            // The open's own fingerprint's hash, done or under way (FileFingerprint shares it).
            m_printedPath = document->filePath();
            m_print = FileFingerprint::of(m_printedPath);
            if (!m_print.hashReady()) {
                m_hashPoll.start();
                return;
            }
        }
    }
    askNow();
}

bool RecoveryController::asItsFile() const {
    Document *document = m_window->session()->document();
    return !document->filePath().isEmpty() && !document->isModified() &&
           document->undoStack()->count() == 0;
}

void RecoveryController::askNow() {
    Document *document = m_window->session()->document();
    QList<RecoveryJournal::Entry> entries;
    QByteArray hash;
    // Only a document as its file has it: never replay onto edits made since (made while the
    // hash was computed, say: then the journal waits for the next open).
    if (asItsFile()) {
        entries = RecoveryJournal::journalsFor(document->filePath());
        if (m_printedPath == document->filePath() && m_print.hashReady())
            hash = m_print.hashValue(); // ready: returns at once
        // A journal holding a hash is for these bytes only if it is theirs; without the
        // file's hash (the file could not be read) it is not offered (fail closed).
        entries.removeIf([&](const RecoveryJournal::Entry &entry) {
            return !entry.fileSha1.isEmpty() &&
                   (hash.isEmpty() || !RecoveryJournal::sameBytes(entry, hash));
        });
    }
    if (m_offerUnsaved)
        entries += RecoveryJournal::unsavedJournals();
    m_offerUnsaved = false;
    for (const RecoveryJournal::Entry &entry : std::as_const(entries)) {
        if (entry.journalPath == m_journal->journalPath())
            continue; // this window's own
        switch (ask(entry)) {
        case Choice::Recover:
            recover(entry, hash);
            return; // one window, one recovered dataset: the rest wait
        case Choice::Discard:
            RecoveryJournal::remove(entry.journalPath);
            break;
        case Choice::KeepForLater:
            break;
        }
    }
}

RecoveryController::Choice RecoveryController::ask(const RecoveryJournal::Entry &entry) const {
    if (m_prompt)
        return m_prompt(entry);
    if (!m_window->isInteractive())
        return Choice::KeepForLater; // nobody to ask: never decide for the user
    const QString time = QLocale().toString(entry.time.toLocalTime(), QLocale::ShortFormat);
    const QString text =
        entry.datasetPath.isEmpty()
            ? tr("Recover an unsaved new dataset from %1? (%n edit(s))", nullptr, entry.edits)
                  .arg(time)
            : tr("Recover unsaved changes to %1 from %2? (%n edit(s))", nullptr, entry.edits)
                  .arg(QFileInfo(entry.datasetPath).fileName(), time);
    QMessageBox box(QMessageBox::Question, tr("Recover Unsaved Changes"), text,
                    QMessageBox::NoButton, m_window);
    box.setTextFormat(Qt::PlainText); // a file name is not markup
    box.setInformativeText(tr("The program ended before these changes were saved."));
    QPushButton *recover = box.addButton(tr("Recover"), QMessageBox::AcceptRole);
    QPushButton *discard = box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
    QPushButton *later = box.addButton(tr("Keep for Later"), QMessageBox::RejectRole);
    box.setDefaultButton(recover);
    box.setEscapeButton(later);
    box.exec();
    if (box.clickedButton() == recover)
        return Choice::Recover;
    if (box.clickedButton() == discard)
        return Choice::Discard;
    return Choice::KeepForLater;
}

void RecoveryController::recover(const RecoveryJournal::Entry &entry, const QByteArray &fileSha1) {
    m_recovering = true;
    // The hash known already: the replay hashes nothing on this thread.
    const RecoveryJournal::Replay replay =
        RecoveryJournal::replay(entry.journalPath, m_window->session()->document(), fileSha1);
    m_recovering = false;
    m_lastError = replay.error;
    // The replayed edits are in this window's own journal now: the old one has done its work,
    // unless nothing could be replayed (then it stays for another try).
    if (replay.ok || replay.badLine > 1)
        RecoveryJournal::remove(entry.journalPath);
    if (!replay.error.isEmpty() && m_window->isInteractive()) {
        QMessageBox box(QMessageBox::Warning, tr("Recover Unsaved Changes"),
                        replay.badLine > 1 ? tr("%n edit(s) recovered; the rest could not be read.",
                                                nullptr, replay.edits)
                                           : tr("The unsaved changes could not be recovered."),
                        QMessageBox::Ok, m_window);
        box.setTextFormat(Qt::PlainText);
        box.setDetailedText(replay.error);
        box.exec();
    }
    m_window->statusBar()->showMessage(tr("%n edit(s) recovered", nullptr, replay.edits), 10000);
    emit recovered(replay.edits, replay.error);
}

} // namespace ntl
