// The window's side of crash recovery: opening a file that a crashed run left a journal for
// asks once, and Recover brings the edits back undoable, Discard deletes the journal, Keep for
// later leaves both alone; at the start, an unsaved new dataset's journal is offered too.
#include "recoverycontroller.h"
#include "datasetequality.h"
#include "datasetreader.h"
#include "document.h"
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

    // A run that edits the file and then dies: its journal is never closed nor removed.
    QString crashedRunEdits(const QString &path) {
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
        settleEvents();
        QCOMPARE(asked.size(), 1);
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
        settleEvents();
        QCOMPARE(asked, 1);
        QVERIFY(QFile::exists(left));
        QVERIFY(!window.session()->document()->isModified());
        QCOMPARE(window.session()->document()->dataset().events.size(), 3);
        choice = RecoveryController::Choice::Discard;
        QVERIFY(window.openDataset(m_path));
        settleEvents();
        QCOMPARE(asked, 2);
        QVERIFY(!QFile::exists(left));
        QVERIFY(journals().isEmpty());
        QVERIFY(!window.session()->document()->isModified());
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
        settleEvents();
        QCOMPARE(asked.size(), 1);
        QVERIFY(asked.first().datasetPath.isEmpty());
        Document *document = window.session()->document();
        QVERIFY(document->filePath().isEmpty());
        QVERIFY(document->isModified());
        QCOMPARE(document->dataset().events.size(), 2);
        QCOMPARE(document->dataset().events.at(0).title, QStringLiteral("Lost"));
        // Only at the start: opening a file later asks nothing about new datasets.
        crashedRunEdits(QString());
        QVERIFY(window.openDataset(m_path));
        settleEvents();
        QCOMPARE(asked.size(), 1);
    }
};

QTEST_MAIN(RecoveryControllerTest)
#include "recoverycontrollertest.moc"
