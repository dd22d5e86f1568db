#include "filewatch.h"
#include "datasetlock.h"
#include "datasetwriter.h"
#include "document.h"
#include "documentcontroller.h"
#include "eventmodel.h"
#include "filefingerprint.h"
#include "filewatchcontroller.h"
#include "session.h"
#include "testwindow.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLockFile>
#include <QProcess>
#include <QSaveFile>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <cstdio>
#include <unistd.h>

using namespace ntl;

// Other writers (issue 15, item 6): the open dataset changed on disk by another program, and
// the lock that tells a second instance it is being edited.
class FileWatchTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void rewriteByRenameReloadsKeepingTheSelection();
    void inPlaceWriteReloadsKeepingTheSelectionAndFilters();
    void modifiedDocumentAsksAndReloadLosesTheChanges();
    void modifiedDocumentAsksAndKeepMineStaysModified();
    void ownSaveIsNoChange();
    void saveFromTheWindowIsNoChange();
    void touchWithTheSameBytesIsNoChange();
    void touchIsComparedByHashesWithoutWaitingForThem();
    void burstOfWritesIsOneReload();
    void deletedFileIsReportedAndTheDataKept();

    void lockIsTakenBesideTheDatasetAndReleased();
    void failedOpenLeavesNoLock();
    void lockHeldElsewhereWarnsAndReadOnlyIsChosen();
    void lockHeldElsewhereCancelKeepsTheCurrentDataset();
    void windowThatIsNotInteractiveAsksNothingAndLosesNothing();
    void lockHeldByAnotherProcessNamesItThenItsDeathFreesIt();
    void staleLockIsTakenOverWithoutAQuestion();
    void lockThatCannotBeMadeMeansReadOnly();
    void readOnlyEndsWithTheFileButNotWithAReload();

private:
    // The shipped dataset's folder copied into a fresh temporary folder; its dataset.json.
    QString copyDataset();
    // The file's dataset with event `row`'s title set to `title`, in canonical form (the
    // project's writer), as another instance would save it.
    static QByteArray withTitle(const QString &path, int row, const QString &title);
    static bool writeByRename(const QString &path, const QByteArray &bytes);
    static bool writeInPlace(const QString &path, const QByteArray &bytes);
    // A child process (this test's executable) holding `path`'s lock until it is killed.
    QProcess *startLockHolder(const QString &path);
    QString selectedId() const;
    Document *document() const { return m_window->session()->document(); }

    MainWindow *m_window = nullptr;
    QTemporaryDir *m_dir = nullptr;
    QString m_path;
    int m_changeQuestions = 0;
    FileWatchController::ChangeAnswer m_changeAnswer = FileWatchController::ChangeAnswer::KeepMine;
    int m_lockQuestions = 0;
    qint64 m_lockHolderPid = 0;
    FileWatchController::LockAnswer m_lockAnswer = FileWatchController::LockAnswer::Cancel;
};

void FileWatchTest::initTestCase() {
    useTestSettings("filewatchtest");
}

void FileWatchTest::init() {
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    m_path = copyDataset();
    m_window = new MainWindow;
    m_window->setInteractive(false);
    m_changeQuestions = 0;
    m_lockQuestions = 0;
    m_lockHolderPid = 0;
    FileWatchController *controller = m_window->fileWatch();
    controller->fileWatch()->setDebounceMs(100);
    // Never a dialog: the answers are the test's, and counted.
    controller->setChangeAnswerer([this](const QString &) {
        ++m_changeQuestions;
        return m_changeAnswer;
    });
    controller->setLockAnswerer([this](const DatasetLock &lock) {
        ++m_lockQuestions;
        m_lockHolderPid = lock.holderPid();
        return m_lockAnswer;
    });
    QVERIFY(m_window->openDataset(m_path));
}

void FileWatchTest::cleanup() {
    delete m_window;
    m_window = nullptr;
    delete m_dir;
    m_dir = nullptr;
}

QString FileWatchTest::copyDataset() {
    const QDir source = QFileInfo(shippedDatasetPath()).dir();
    const QDir target(m_dir->path());
    for (const QString &file : filesIn(source.path())) {
        // Not the lock another test process may hold on the shipped dataset meanwhile: a copy
        // of it would make this copy look held by that process.
        if (QFileInfo(file).fileName().startsWith(u'.'))
            continue;
        target.mkpath(QFileInfo(file).path());
        if (!QFile::copy(source.filePath(file), target.filePath(file)))
            return {};
    }
    return target.filePath(QStringLiteral("dataset.json"));
}

QByteArray FileWatchTest::withTitle(const QString &path, int row, const QString &title) {
    Session other;
    if (!other.open(path))
        return {};
    const QString id = other.dataset()->events.at(row).id;
    if (!other.document()->setEventField(id, EventField::Title, title))
        return {};
    return DatasetWriter::toJson(*other.dataset());
}

bool FileWatchTest::writeByRename(const QString &path, const QByteArray &bytes) {
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
}

bool FileWatchTest::writeInPlace(const QString &path, const QByteArray &bytes) {
    return putFile(path, bytes); // truncates and writes the same inode
}

QString FileWatchTest::selectedId() const {
    return m_window->selectionModel()->currentIndex().data(EventModel::EventIdRole).toString();
}

QProcess *FileWatchTest::startLockHolder(const QString &path) {
    auto *child = new QProcess(this);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("NTL_HOLD_LOCK_OF"), path);
    child->setProcessEnvironment(environment);
    child->start(QCoreApplication::applicationFilePath(), {});
    if (!child->waitForStarted() || !child->waitForReadyRead(30000) ||
        !child->readLine().startsWith("locked")) {
        child->kill();
        child->waitForFinished();
        delete child;
        return nullptr;
    }
    return child;
}

// An unmodified document whose file is replaced by a rename (QSaveFile, most editors) is
// read again; the selected event stays selected, by id; a second rename is seen too (the
// first one dropped the watch on the replaced file).
void FileWatchTest::rewriteByRenameReloadsKeepingTheSelection() {
    selectShownRow(m_window, 5);
    const QString selected = selectedId();
    QVERIFY(!selected.isEmpty());
    QSignalSpy reloaded(m_window->fileWatch(), &FileWatchController::reloaded);

    QVERIFY(writeByRename(m_path, withTitle(m_path, 5, QStringLiteral("Renamed elsewhere"))));
    QVERIFY(reloaded.wait(5000));
    QCOMPARE(reloaded.first().first().toBool(), true);
    QCOMPARE(m_window->session()->dataset()->events.at(5).title,
             QStringLiteral("Renamed elsewhere"));
    QCOMPARE(selectedId(), selected);
    QVERIFY(m_window->statusBar()->currentMessage().contains(
        QStringLiteral("dataset.json changed on disk and was reloaded")));
    QVERIFY(!document()->isModified());
    QCOMPARE(m_changeQuestions, 0);
    QVERIFY(m_window->fileWatch()->lock().isLocked()); // a reload keeps the file's lock
    QVERIFY(QFileInfo::exists(DatasetLock::lockPathFor(m_path)));

    QVERIFY(writeByRename(m_path, withTitle(m_path, 5, QStringLiteral("And again"))));
    QVERIFY(reloaded.wait(5000));
    QCOMPARE(m_window->session()->dataset()->events.at(5).title, QStringLiteral("And again"));
    QCOMPARE(selectedId(), selected);
}

// Written in place (the same inode): reloaded, the selection and the search filter kept.
void FileWatchTest::inPlaceWriteReloadsKeepingTheSelectionAndFilters() {
    m_window->filterModel()->setSearchText(QStringLiteral("talks"));
    settleEvents();
    const int shown = m_window->filterModel()->rowCount();
    QVERIFY(shown > 1 && shown < m_window->eventModel()->rowCount());
    selectShownRow(m_window, 1);
    const QString selected = selectedId();
    QSignalSpy reloaded(m_window->fileWatch(), &FileWatchController::reloaded);

    const auto before = m_window->session()->dataset();
    QVERIFY(writeInPlace(m_path, withTitle(m_path, 0, QStringLiteral("Talks, retitled"))));
    QVERIFY(reloaded.wait(5000));
    QVERIFY(m_window->session()->dataset() != before);
    QCOMPARE(m_window->session()->dataset()->events.at(0).title, QStringLiteral("Talks, retitled"));
    QCOMPARE(m_window->filterModel()->searchText(), QStringLiteral("talks"));
    QCOMPARE(selectedId(), selected);
}

// A modified document is never reloaded behind the user's back: asked, Reload reads the
// other writer's version and the changes go.
void FileWatchTest::modifiedDocumentAsksAndReloadLosesTheChanges() {
    const QString id = m_window->session()->dataset()->events.at(2).id;
    QVERIFY(document()->setEventField(id, EventField::Title, QStringLiteral("Mine")));
    QVERIFY(document()->isModified());
    m_changeAnswer = FileWatchController::ChangeAnswer::Reload;
    QSignalSpy reloaded(m_window->fileWatch(), &FileWatchController::reloaded);

    QVERIFY(writeByRename(m_path, withTitle(m_path, 3, QStringLiteral("Theirs"))));
    QVERIFY(reloaded.wait(5000));
    QCOMPARE(m_changeQuestions, 1);
    QVERIFY(!document()->isModified());
    QCOMPARE(m_window->session()->dataset()->events.at(3).title, QStringLiteral("Theirs"));
    QVERIFY(m_window->session()->dataset()->events.at(2).title != QStringLiteral("Mine"));
}

// Keep Mine: the edits stay, the document stays modified even when undone to where it was
// opened (the file holds neither), and the same change is not asked about again.
void FileWatchTest::modifiedDocumentAsksAndKeepMineStaysModified() {
    const QString id = m_window->session()->dataset()->events.at(2).id;
    QVERIFY(document()->setEventField(id, EventField::Title, QStringLiteral("Mine")));
    m_changeAnswer = FileWatchController::ChangeAnswer::KeepMine;
    QSignalSpy reloaded(m_window->fileWatch(), &FileWatchController::reloaded);

    QVERIFY(writeByRename(m_path, withTitle(m_path, 3, QStringLiteral("Theirs"))));
    QTRY_COMPARE_WITH_TIMEOUT(m_changeQuestions, 1, 5000);
    QCOMPARE(m_window->session()->dataset()->events.at(2).title, QStringLiteral("Mine"));
    QVERIFY(m_window->session()->dataset()->events.at(3).title != QStringLiteral("Theirs"));
    document()->undoStack()->undo();
    QVERIFY(document()->isModified());
    QTest::qWait(500); // several debounces: nothing more
    QCOMPARE(m_changeQuestions, 1);
    QCOMPARE(reloaded.count(), 0);
    // Another change after that (the first rename dropped the watch on the replaced file):
    // asked again.
    QVERIFY(writeByRename(m_path, withTitle(m_path, 3, QStringLiteral("Theirs again"))));
    QTRY_COMPARE_WITH_TIMEOUT(m_changeQuestions, 2, 5000);
    QVERIFY(m_window->session()->dataset()->events.at(3).title != QStringLiteral("Theirs again"));
}

// The app's own save (the project's writer, then the watcher told) is no change: a modified
// document would otherwise be asked about.
void FileWatchTest::ownSaveIsNoChange() {
    const QString id = m_window->session()->dataset()->events.at(2).id;
    QVERIFY(document()->setEventField(id, EventField::Title, QStringLiteral("Saved by us")));
    QSignalSpy reloaded(m_window->fileWatch(), &FileWatchController::reloaded);
    QString error;
    QVERIFY2(DatasetWriter::write(m_window->session()->dataset(), m_path, {}, &error),
             qPrintable(error));
    m_window->fileWatch()->noteOwnWrite();
    QTest::qWait(500);
    QCOMPARE(m_changeQuestions, 0);
    QCOMPARE(reloaded.count(), 0);
    QVERIFY(!m_window->fileWatch()->fileWatch()->isPending());
    // An edit and a save while modified: still ours.
    document()->setClean();
    QVERIFY(document()->setEventField(id, EventField::Title, QStringLiteral("Saved again")));
    QVERIFY(writeInPlace(m_path, DatasetWriter::toJson(*m_window->session()->dataset())));
    m_window->fileWatch()->noteOwnWrite();
    QTest::qWait(500);
    QCOMPARE(m_changeQuestions, 0);
    QCOMPARE(reloaded.count(), 0);
    // Our saves replaced the file: another writer's change after them is still seen.
    QVERIFY(writeByRename(m_path, withTitle(m_path, 3, QStringLiteral("Theirs"))));
    QTRY_COMPARE_WITH_TIMEOUT(m_changeQuestions, 1, 5000);
}

// File → Save in the window tells the watch itself: no question, no reload (which would
// drop the undo history), and the edit stays undoable.
void FileWatchTest::saveFromTheWindowIsNoChange() {
    const QString id = m_window->session()->dataset()->events.at(2).id;
    QVERIFY(document()->setEventField(id, EventField::Title, QStringLiteral("Saved by us")));
    QSignalSpy reloaded(m_window->fileWatch(), &FileWatchController::reloaded);
    DocumentController *controller = m_window->documentController();
    controller->saveAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!controller->isSaving(), 10000);
    QVERIFY(!document()->isModified());
    QTest::qWait(500);
    QCOMPARE(m_changeQuestions, 0);
    QCOMPARE(reloaded.count(), 0);
    QVERIFY(document()->undoStack()->canUndo());
    QCOMPARE(m_window->session()->dataset()->events.at(2).title, QStringLiteral("Saved by us"));
}

// A touch, or a rewrite with the very same bytes, changes nothing: no reload, no question.
void FileWatchTest::touchWithTheSameBytesIsNoChange() {
    const QString id = m_window->session()->dataset()->events.at(2).id;
    QVERIFY(document()->setEventField(id, EventField::Title, QStringLiteral("Mine")));
    QSignalSpy reloaded(m_window->fileWatch(), &FileWatchController::reloaded);
    const QByteArray same = fileContents(m_path);
    QThread::msleep(20); // another modification time
    QVERIFY(writeByRename(m_path, same));
    QTest::qWait(500);
    QCOMPARE(m_changeQuestions, 0);
    QCOMPARE(reloaded.count(), 0);
}

// The hashes a touch is decided by are computed on a worker and compared when ready: the check
// returns at once while they are held back, and decides once they are let go.
void FileWatchTest::touchIsComparedByHashesWithoutWaitingForThem() {
    FileWatch *watch = m_window->fileWatch()->fileWatch();
    QSignalSpy changed(watch, &FileWatch::changedOnDisk);
    QSignalSpy reloaded(m_window->fileWatch(), &FileWatchController::reloaded);
    const QByteArray same = fileContents(m_path);
    FileFingerprint::holdHashingForTest(true);
    QThread::msleep(20); // another modification time
    const bool written = writeByRename(m_path, same);
    // The debounce (100 ms) then the check: it would never return if it waited for the hash.
    QTest::qWait(400);
    const bool pending = watch->isPending();
    const int changedWhileHeld = changed.count();
    FileFingerprint::holdHashingForTest(false);
    QVERIFY(written);
    QVERIFY(pending); // waiting for the held hash, the event loop running meanwhile
    QCOMPARE(changedWhileHeld, 0);
    QTRY_VERIFY(!watch->isPending());
    QCOMPARE(changed.count(), 0);
    QCOMPARE(reloaded.count(), 0);
    QCOMPARE(m_changeQuestions, 0);
    // Other bytes of the same length are still a change, decided the same way.
    QByteArray other = same;
    const qsizetype at = other.indexOf("\"title\": \"") + 10; // a title's first letter
    QVERIFY(at >= 10 && QChar::isLetter(uchar(other.at(at))) && uchar(other.at(at)) < 0x80);
    other[at] = char(other.at(at) ^ 0x20); // its case turned
    QVERIFY(writeByRename(m_path, other));
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 5000);
}

// Several writes in quick succession are one notice, and the last version is read.
void FileWatchTest::burstOfWritesIsOneReload() {
    m_window->fileWatch()->fileWatch()->setDebounceMs(300);
    QSignalSpy reloaded(m_window->fileWatch(), &FileWatchController::reloaded);
    for (int i = 0; i < 5; ++i) {
        QVERIFY(writeInPlace(m_path, withTitle(m_path, 4, QStringLiteral("Draft %1").arg(i))));
        QTest::qWait(40);
    }
    QTRY_VERIFY_WITH_TIMEOUT(reloaded.count() > 0, 5000);
    QTest::qWait(800);
    QCOMPARE(reloaded.count(), 1);
    QCOMPARE(m_window->session()->dataset()->events.at(4).title, QStringLiteral("Draft 4"));
}

// Deleted (or moved away): said so; the data stays on screen, modified, so closing asks and
// Save writes the file again.
void FileWatchTest::deletedFileIsReportedAndTheDataKept() {
    const auto before = m_window->session()->dataset();
    QSignalSpy removed(m_window->fileWatch()->fileWatch(), &FileWatch::removedFromDisk);
    QVERIFY(QFile::remove(m_path));
    QVERIFY(removed.wait(5000));
    QCOMPARE(removed.count(), 1);
    QVERIFY(document()->isModified());
    QCOMPARE(m_window->session()->dataset(), before);
    QVERIFY(m_window->statusBar()->currentMessage().contains(
        QStringLiteral("dataset.json was deleted or moved away")));
    QCOMPARE(m_changeQuestions, 0);
}

void FileWatchTest::lockIsTakenBesideTheDatasetAndReleased() {
    const QString lockPath =
        QFileInfo(m_path).absolutePath() + QStringLiteral("/.dataset.json.lock");
    QCOMPARE(DatasetLock::lockPathFor(m_path), lockPath);
    QVERIFY(QFileInfo::exists(lockPath));
    QVERIFY(m_window->fileWatch()->lock().isLocked());
    QVERIFY(!document()->isReadOnly());
    QVERIFY(m_window->openDataset(Session::defaultDatasetPath));
    QVERIFY(!QFileInfo::exists(lockPath));
    QVERIFY(m_window->openDataset(m_path));
    QVERIFY(QFileInfo::exists(lockPath));
    delete m_window;
    m_window = nullptr;
    QVERIFY(!QFileInfo::exists(lockPath));
}

// A lock is taken before the file is read; when it then fails to open, the lock goes and
// the open file keeps its own.
void FileWatchTest::failedOpenLeavesNoLock() {
    const QString bad = m_dir->path() + QStringLiteral("/bad.json");
    QVERIFY(QFile::copy(QStringLiteral(NTL_TEST_DATA_DIR "/bad/dangling-actor.json"), bad));
    QVERIFY(!m_window->openDataset(bad));
    QVERIFY(!QFileInfo::exists(DatasetLock::lockPathFor(bad)));
    QVERIFY(m_window->fileWatch()->lock().isLocked());
    QCOMPARE(QFileInfo(m_window->fileWatch()->lock().datasetPath()), QFileInfo(m_path));
}

// Another holder (here another lock object of this process, as QLockFile sees it): asked,
// with its process id; Open Read-Only makes the document read-only, said in the status bar.
void FileWatchTest::lockHeldElsewhereWarnsAndReadOnlyIsChosen() {
    QVERIFY(m_window->openDataset(Session::defaultDatasetPath));
    QLockFile other(DatasetLock::lockPathFor(m_path));
    QVERIFY(other.tryLock(0));
    m_lockAnswer = FileWatchController::LockAnswer::OpenReadOnly;
    QVERIFY(m_window->openDataset(m_path));
    QCOMPARE(m_lockQuestions, 1);
    QCOMPARE(m_lockHolderPid, QCoreApplication::applicationPid());
    QVERIFY(document()->isOpenedReadOnly());
    QVERIFY(document()->isReadOnly());
    QVERIFY(!m_window->fileWatch()->lock().isLocked());
    const QLabel *label = m_window->findChild<QLabel *>(QStringLiteral("readOnlyLabel"));
    QVERIFY(label->isVisibleTo(m_window));
    QCOMPARE(label->accessibleName(), QStringLiteral("File mode")); // read with its text
    settleEvents();
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("read-only")));

    // Open Anyway: editable, without the lock.
    QVERIFY(m_window->openDataset(Session::defaultDatasetPath));
    m_lockAnswer = FileWatchController::LockAnswer::OpenAnyway;
    QVERIFY(m_window->openDataset(m_path));
    QCOMPARE(m_lockQuestions, 2);
    QVERIFY(!document()->isReadOnly());
}

void FileWatchTest::lockHeldElsewhereCancelKeepsTheCurrentDataset() {
    QVERIFY(m_window->openDataset(Session::defaultDatasetPath));
    const auto before = m_window->session()->dataset();
    QLockFile other(DatasetLock::lockPathFor(m_path));
    QVERIFY(other.tryLock(0));
    m_lockAnswer = FileWatchController::LockAnswer::Cancel;
    QVERIFY(!m_window->openDataset(m_path));
    QCOMPARE(m_lockQuestions, 1);
    QCOMPARE(m_window->session()->dataset(), before);
    QCOMPARE(m_window->session()->path(), Session::defaultDatasetPath);
}

// No answerer and no dialogs (tests opening the shipped dataset side by side): a held lock
// opens read-only, a change to a modified document keeps the user's version.
void FileWatchTest::windowThatIsNotInteractiveAsksNothingAndLosesNothing() {
    m_window->fileWatch()->setLockAnswerer({});
    m_window->fileWatch()->setChangeAnswerer({});
    QVERIFY(m_window->openDataset(Session::defaultDatasetPath));
    QLockFile other(DatasetLock::lockPathFor(m_path));
    QVERIFY(other.tryLock(0));
    QVERIFY(m_window->openDataset(m_path)); // a dialog would never return here
    QVERIFY(document()->isOpenedReadOnly());
    QVERIFY(!QApplication::activeModalWidget());

    const QString id = m_window->session()->dataset()->events.at(2).id;
    QVERIFY(document()->setEventField(id, EventField::Title, QStringLiteral("Mine")));
    QVERIFY(writeByRename(m_path, withTitle(m_path, 3, QStringLiteral("Theirs"))));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->statusBar()->currentMessage().contains(
                                 QStringLiteral("Kept your version of dataset.json")),
                             5000);
    QCOMPARE(m_window->session()->dataset()->events.at(2).title, QStringLiteral("Mine"));
    QVERIFY(document()->isModified());
}

// A real second instance: the lock names its process; once it is killed (-9, no unlock) the
// lock is stale and taken over.
void FileWatchTest::lockHeldByAnotherProcessNamesItThenItsDeathFreesIt() {
    QVERIFY(m_window->openDataset(Session::defaultDatasetPath));
    QProcess *holder = startLockHolder(m_path);
    QVERIFY(holder);
    DatasetLock lock;
    QCOMPARE(lock.tryLock(m_path), DatasetLock::State::HeldByOther);
    QCOMPARE(lock.holderPid(), holder->processId());
    QVERIFY(!lock.holderHost().isEmpty());
    ::kill(pid_t(holder->processId()), SIGKILL);
    QVERIFY(holder->waitForFinished());
    QCOMPARE(lock.tryLock(m_path), DatasetLock::State::Locked);
}

// A lock left by a killed instance: the file opens for editing, nobody is asked.
void FileWatchTest::staleLockIsTakenOverWithoutAQuestion() {
    QVERIFY(m_window->openDataset(Session::defaultDatasetPath));
    QProcess *holder = startLockHolder(m_path);
    QVERIFY(holder);
    ::kill(pid_t(holder->processId()), SIGKILL);
    QVERIFY(holder->waitForFinished());
    QVERIFY(QFileInfo::exists(DatasetLock::lockPathFor(m_path))); // left behind
    QVERIFY(m_window->openDataset(m_path));
    QCOMPARE(m_lockQuestions, 0);
    QVERIFY(m_window->fileWatch()->lock().isLocked());
    QVERIFY(!document()->isReadOnly());
}

// No lock can be made (here: its folder cannot hold one; as root a read-only folder is no
// obstacle, so the model is asked directly): read-only, without a question.
void FileWatchTest::lockThatCannotBeMadeMeansReadOnly() {
    DatasetLock lock;
    QCOMPARE(lock.tryLock(m_dir->path() + QStringLiteral("/missing/dataset.json")),
             DatasetLock::State::NotWritable);
    QVERIFY(!lock.isLocked());
}

// Read-only belongs to the file: a reload keeps it, another file ends it.
void FileWatchTest::readOnlyEndsWithTheFileButNotWithAReload() {
    QVERIFY(m_window->openDataset(Session::defaultDatasetPath));
    QLockFile other(DatasetLock::lockPathFor(m_path));
    QVERIFY(other.tryLock(0));
    m_lockAnswer = FileWatchController::LockAnswer::OpenReadOnly;
    QVERIFY(m_window->openDataset(m_path));
    QVERIFY(document()->isOpenedReadOnly());
    QSignalSpy reloaded(m_window->fileWatch(), &FileWatchController::reloaded);
    QVERIFY(writeByRename(m_path, withTitle(m_path, 1, QStringLiteral("Reloaded"))));
    QVERIFY(reloaded.wait(5000));
    QCOMPARE(m_lockQuestions, 1); // a reload is not a new opening
    QVERIFY(document()->isOpenedReadOnly());
    document()->setFilePath(m_dir->path() + QStringLiteral("/elsewhere.json"));
    QVERIFY(!document()->isOpenedReadOnly());
}

// The child mode: hold the lock named in NTL_HOLD_LOCK_OF until killed.
static int holdLock(const QString &path) {
    QCoreApplication::setApplicationName(QStringLiteral("filewatchtest"));
    DatasetLock lock;
    if (lock.tryLock(path) != DatasetLock::State::Locked)
        return 1;
    std::fputs("locked\n", stdout);
    std::fflush(stdout);
    for (;;)
        ::pause();
}

int main(int argc, char *argv[]) {
    if (qEnvironmentVariableIsSet("NTL_HOLD_LOCK_OF")) {
        QCoreApplication app(argc, argv);
        return holdLock(qEnvironmentVariable("NTL_HOLD_LOCK_OF"));
    }
    QApplication app(argc, argv);
    FileWatchTest test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "filewatchtest.moc"
