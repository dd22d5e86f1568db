// The window's side of crash recovery: opening a file that a crashed run left a journal for
// asks once, and Recover brings the edits back undoable, Discard deletes the journal, Keep for
// later leaves both alone; at the start, an unsaved new dataset's journal is offered too.
// A journal holding the file's hash is asked about once the file's hash (on a worker) is
// known, and not at all when it is another file's.
#include "recoverycontroller.h"
#include "datasetequality.h"
#include "datasetreader.h"
#include "document.h"
#include "filefingerprint.h"
#include "session.h"
#include "testwindow.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace ntl;

class RecoveryControllerTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_files;
    QString m_path;

    // A run that edits the file and then dies: its journal is never closed nor removed. With
    // `waitForHash`, it dies once the journal holds the file's hash line.
    QString crashedRunEdits(const QString &path, bool waitForHash = false) {
        auto *document = new Document;
        if (path.isEmpty()) {
            document->load(DatasetReader::readFile(m_path).dataset, QString());
        } else {
            const auto result = DatasetReader::readFile(path);
            document->load(result.dataset, path, result.diagnostics);
        }
        auto *journal = new RecoveryJournal(document);
        document->setEventField(QStringLiteral("ev-talks"), EventField::Title,
                                QStringLiteral("Lost"));
        document->removeEvent(QStringLiteral("ev-statement"));
        const QString journalPath = journal->journalPath();
        if (waitForHash && !QTest::qWaitFor([&] {
                QFile file(journalPath);
                return file.open(QIODevice::ReadOnly) && file.readAll().contains("\"sha1\"");
            }))
            return {}; // the caller's checks fail
        // The crash: the journal is cut loose from the document, never destroyed.
        journal->setParent(nullptr);
        QObject::disconnect(document, nullptr, journal, nullptr);
        QObject::disconnect(document->undoStack(), nullptr, journal, nullptr);
        delete document;
        return journalPath;
    }
    QStringList journals() const {
        return QDir(RecoveryJournal::directory())
            .entryList({QStringLiteral("*.jsonl")}, QDir::Files);
    }

private slots:
    void initTestCase() {
        useTestSettings("recoverycontrollertest");
        m_path = m_files.filePath(QStringLiteral("talks.json"));
        QVERIFY(QFile::copy(QStringLiteral(NTL_TEST_DATA_DIR "/valid/minimal.json"), m_path));
    }
    void init() { QDir(RecoveryJournal::directory()).removeRecursively(); }

    void recoverBringsTheEditsBackUndoable() {
        const QString left = crashedRunEdits(m_path);
        QVERIFY(QFile::exists(left));
        MainWindow window;
        window.setInteractive(false);
        QList<RecoveryJournal::Entry> asked;
        window.recovery()->setPrompt([&](const RecoveryJournal::Entry &entry) {
            asked.append(entry);
            return RecoveryController::Choice::Recover;
        });
        QVERIFY(window.openDataset(m_path));
        QTRY_COMPARE(asked.size(), 1);
        QCOMPARE(asked.first().edits, 2);
        QCOMPARE(asked.first().datasetPath, QFileInfo(m_path).canonicalFilePath());
        Document *document = window.session()->document();
        QCOMPARE(document->dataset().events.size(), 2);
        QCOMPARE(document->dataset().events.at(0).title, QStringLiteral("Lost"));
        QVERIFY(document->isModified());
        QCOMPARE(window.recovery()->lastError(), QString());
        // The old journal is gone; the window's own holds the recovered edits.
        QVERIFY(!QFile::exists(left));
        QCOMPARE(journals().size(), 1);
        QCOMPARE(window.recovery()->journal()->journalPath(),
                 QDir(RecoveryJournal::directory()).filePath(journals().first()));
        document->undoStack()->undo();
        document->undoStack()->undo();
        QVERIFY(!document->isModified());
        QCOMPARE(datasetequality::difference(document->dataset(),
                                             *DatasetReader::readFile(m_path).dataset),
                 QString());
        // Opening the file again asks nothing: the crashed run's journal is gone, and the
        // window's own (holding the recovered edits) went with that open.
        QVERIFY(window.openDataset(m_path));
        QTRY_VERIFY(!window.recovery()->isWaitingForHash());
        settleEvents();
        QCOMPARE(asked.size(), 1);
    }

    void discardDeletesAndKeepLeavesTheJournal() {
        const QString left = crashedRunEdits(m_path);
        MainWindow window;
        window.setInteractive(false);
        RecoveryController::Choice choice = RecoveryController::Choice::KeepForLater;
        int asked = 0;
        window.recovery()->setPrompt([&](const RecoveryJournal::Entry &) {
            ++asked;
            return choice;
        });
        QVERIFY(window.openDataset(m_path));
        QTRY_COMPARE(asked, 1);
        QVERIFY(QFile::exists(left));
        QVERIFY(!window.session()->document()->isModified());
        QCOMPARE(window.session()->document()->dataset().events.size(), 3);
        choice = RecoveryController::Choice::Discard;
        QVERIFY(window.openDataset(m_path));
        QTRY_COMPARE(asked, 2);
        QVERIFY(!QFile::exists(left));
        QVERIFY(journals().isEmpty());
        QVERIFY(!window.session()->document()->isModified());
    }

    void aJournalHoldingTheHashIsAskedAboutOnceTheHashIsKnown() {
        const QString left = crashedRunEdits(m_path, true);
        // The file written again with the same bytes and its time set back: the same size and
        // time, but another version to FileFingerprint (its change time moved), hashed anew.
        QFile file(m_path);
        const QDateTime modified = QFileInfo(m_path).lastModified();
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        file.close();
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(bytes), bytes.size());
        QVERIFY(file.flush()); // before the time: a later write would set it again
        QVERIFY(file.setFileTime(modified, QFileDevice::FileModificationTime));
        file.close();
        MainWindow window;
        window.setInteractive(false);
        int asked = 0;
        window.recovery()->setPrompt([&](const RecoveryJournal::Entry &) {
            ++asked;
            return RecoveryController::Choice::Recover;
        });
        FileFingerprint::holdHashingForTest(true);
        // Opening and waiting: nothing on this thread waits for the hash held back.
        QVERIFY(window.openDataset(m_path));
        for (int i = 0; i < 10; ++i) {
            settleEvents();
            QTest::qWait(RecoveryJournal::hashPollMs);
        }
        const bool waiting = window.recovery()->isWaitingForHash();
        const int askedBefore = asked;
        FileFingerprint::holdHashingForTest(false);
        QVERIFY(waiting);
        QCOMPARE(askedBefore, 0);
        QTRY_COMPARE(asked, 1);
        QVERIFY(!window.recovery()->isWaitingForHash());
        QCOMPARE(window.session()->document()->dataset().events.at(0).title,
                 QStringLiteral("Lost"));
        QVERIFY(!QFile::exists(left));
    }

    void aJournalForOtherBytesIsNotOffered() {
        const QString left = crashedRunEdits(m_path, true);
        // Other bytes of the same length, the time set back: size and time match, the hash not.
        QFile file(m_path);
        const QDateTime modified = QFileInfo(m_path).lastModified();
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray bytes = file.readAll();
        file.close();
        const QByteArray original = bytes;
        const qsizetype at = bytes.indexOf("Lakeside");
        QVERIFY(at >= 0);
        bytes[at] = 'l';
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(bytes), bytes.size());
        QVERIFY(file.flush()); // before the time: a later write would set it again
        QVERIFY(file.setFileTime(modified, QFileDevice::FileModificationTime));
        file.close();
        QCOMPARE(RecoveryJournal::journalsFor(m_path).size(), 1); // the cheap check passes
        MainWindow window;
        window.setInteractive(false);
        int asked = 0;
        window.recovery()->setPrompt([&](const RecoveryJournal::Entry &) {
            ++asked;
            return RecoveryController::Choice::Recover;
        });
        QVERIFY(window.openDataset(m_path));
        QTRY_VERIFY(!window.recovery()->isWaitingForHash());
        settleEvents();
        QCOMPARE(asked, 0);
        QVERIFY(QFile::exists(left)); // not this file's: left alone
        QVERIFY(!window.session()->document()->isModified());
        // The file as it was: restored for the tests after this one.
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(original), original.size());
        file.close();
    }

    void anUnsavedNewDatasetIsOfferedAtTheStart() {
        crashedRunEdits(QString());
        MainWindow window;
        window.setInteractive(false);
        QList<RecoveryJournal::Entry> asked;
        window.recovery()->setPrompt([&](const RecoveryJournal::Entry &entry) {
            asked.append(entry);
            return RecoveryController::Choice::Recover;
        });
        window.openAtStartup(Session::defaultDatasetPath);
        QTRY_COMPARE(asked.size(), 1);
        QVERIFY(asked.first().datasetPath.isEmpty());
        Document *document = window.session()->document();
        QVERIFY(document->filePath().isEmpty());
        QVERIFY(document->isModified());
        QCOMPARE(document->dataset().events.size(), 2);
        QCOMPARE(document->dataset().events.at(0).title, QStringLiteral("Lost"));
        // Only at the start: opening a file later asks nothing about new datasets.
        crashedRunEdits(QString());
        QVERIFY(window.openDataset(m_path));
        QTRY_VERIFY(!window.recovery()->isWaitingForHash());
        settleEvents();
        QCOMPARE(asked.size(), 1);
    }
};

QTEST_MAIN(RecoveryControllerTest)
#include "recoverycontrollertest.moc"
