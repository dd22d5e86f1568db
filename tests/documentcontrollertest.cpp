#include "documentcontroller.h"
#include "datasetequality.h"
#include "datasetreader.h"
#include "document.h"
#include "eventmodel.h"
#include "session.h"
#include "testwindow.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWindow>

#include <functional>

#include <signal.h>
#include <sys/resource.h>

using namespace ntl;

namespace {
const QString firstEvent = QStringLiteral("ev-talks");
const QString firstTitle = QStringLiteral("Talks in Lakeside");

QString fixture(const char *name) {
    return QStringLiteral(NTL_TEST_DATA_DIR "/") + QString::fromUtf8(name);
}

// Answers the window's modal dialogs in turn as they open (each opens in a nested event
// loop, so a polling timer finds it), each by its object name; a dialog not expected is
// rejected after a while and reported, so that no test hangs on one.
class DialogAnswers : public QObject {
public:
    struct Answer {
        QString objectName;
        std::function<void(QWidget *)> act;
    };
    DialogAnswers() {
        m_timer.setInterval(10);
        connect(&m_timer, &QTimer::timeout, this, &DialogAnswers::poll);
        m_timer.start();
    }
    void expect(const QString &objectName, std::function<void(QWidget *)> act) {
        m_answers.append({objectName, std::move(act)});
    }
    // Clicks `button` of the message box named `objectName`, keeping its texts.
    void click(const QString &objectName, QMessageBox::StandardButton button) {
        expect(objectName, [this, button](QWidget *widget) {
            auto *box = qobject_cast<QMessageBox *>(widget);
            texts.append(box->text() + u'\n' + box->informativeText());
            box->button(button)->click();
        });
    }
    bool allAnswered() const { return m_answers.isEmpty() && unexpected.isEmpty(); }
    QStringList texts;
    QStringList unexpected;

private:
    void poll() {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal || !modal->isVisible()) {
            m_waited = 0;
            return;
        }
        if (!m_answers.isEmpty() && modal->objectName() == m_answers.first().objectName) {
            const Answer answer = m_answers.takeFirst();
            m_waited = 0;
            answer.act(modal);
        } else if (++m_waited > 300) { // 3 s
            unexpected.append(modal->objectName());
            if (auto *dialog = qobject_cast<QDialog *>(modal))
                dialog->reject();
            m_waited = 0;
        }
    }
    QTimer m_timer;
    QList<Answer> m_answers;
    int m_waited = 0;
};

// Picks `path` and the file type `filter` (an index into the dialog's filters).
std::function<void(QWidget *)> chooseFile(const QString &path, int filter = 0) {
    return [path, filter](QWidget *widget) {
        auto *dialog = qobject_cast<QFileDialog *>(widget);
        dialog->selectNameFilter(dialog->nameFilters().value(filter));
        dialog->selectFile(path);
        QMetaObject::invokeMethod(dialog, "accept"); // a protected slot
    };
}

std::function<void(QWidget *)> rejectDialog() {
    return [](QWidget *widget) {
        qobject_cast<QDialog *>(widget)->reject();
    };
}
} // namespace

// Undo, Redo, Save and Save As in the window, the title's modified mark and the question
// before unsaved changes are lost; every path through the real actions.
class DocumentControllerTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void undoAndRedoChangeTheModelsAndTheMark();
    void saveWritesWhatReopensEqualAndClearsTheMark();
    void saveOfTheEmbeddedDatasetGoesToSaveAs();
    void anEditDuringASaveLeavesTheDocumentModified_data();
    void anEditDuringASaveLeavesTheDocumentModified();
    void failedSaveKeepsTheFileAndTheChangesAndSaysWhy_data();
    void failedSaveKeepsTheFileAndTheChangesAndSaysWhy();
    void unsavedChangesAreAskedAbout_data();
    void unsavedChangesAreAskedAbout();
    void aCancelledSaveAsKeepsTheWindowOpen();
    void aDroppedFileIsAskedAboutToo();

private:
    // A copy of the minimal fixture in m_dir, opened.
    bool openCopy(const QString &name = QStringLiteral("d.json"));
    QString title() const { return m_window->windowHandle()->title(); }
    bool editTitle(const QString &title) {
        return m_window->session()->document()->setEventField(firstEvent, EventField::Title, title);
    }
    QString shownTitle() const {
        return m_window->eventModel()
            ->indexOfEvent(firstEvent)
            .data(EventModel::TitleRole)
            .toString();
    }
    QAction *quitAction() const;
    bool waitForSave() const {
        return QTest::qWaitFor([this] { return !m_window->documentController()->isSaving(); },
                               20000);
    }

    MainWindow *m_window = nullptr;
    DocumentController *m_file = nullptr;
    QTemporaryDir *m_dir = nullptr;
    QString m_path;
};

void DocumentControllerTest::initTestCase() {
    useTestSettings("documentcontrollertest");
}

void DocumentControllerTest::init() {
    QSettings().clear();
    m_dir = new QTemporaryDir;
    m_window = new MainWindow;
    m_window->setInteractive(false);
    m_file = m_window->documentController();
    m_window->resize(1000, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void DocumentControllerTest::cleanup() {
    // Nothing to ask about any more: the window goes without a question.
    m_window->setInteractive(false);
    delete m_window;
    m_window = nullptr;
    delete m_dir;
}

bool DocumentControllerTest::openCopy(const QString &name) {
    m_path = m_dir->filePath(name);
    QFile::remove(m_path);
    return QFile::copy(fixture("valid/minimal.json"), m_path) && m_window->openDataset(m_path);
}

QAction *DocumentControllerTest::quitAction() const {
    for (QAction *action : m_window->menuBar()->findChildren<QAction *>()) {
        if (action->text() == QLatin1String("&Quit"))
            return action;
    }
    return nullptr;
}

void DocumentControllerTest::undoAndRedoChangeTheModelsAndTheMark() {
    QVERIFY(openCopy());
    QCOMPARE(title(),
             QStringLiteral("d.json — Lakeside talks (test fixture) — Negotiation Timeline"));
    QVERIFY(!m_file->undoAction()->isEnabled());
    QVERIFY(!m_file->saveAction()->isEnabled());
    QVERIFY(editTitle(QStringLiteral("Renamed")));
    QCOMPARE(shownTitle(), QStringLiteral("Renamed"));
    QCOMPARE(title(),
             QStringLiteral("d.json* — Lakeside talks (test fixture) — Negotiation Timeline"));
    QVERIFY(m_window->isWindowModified());
    QVERIFY(m_file->saveAction()->isEnabled());
    QCOMPARE(m_file->undoAction()->text(), QStringLiteral("&Undo Edit Event"));
    QCOMPARE(m_file->undoAction()->shortcut(), QKeySequence(QKeySequence::Undo));
    QCOMPARE(m_file->redoAction()->shortcut(), QKeySequence(QKeySequence::Redo));

    m_file->undoAction()->trigger();
    QCOMPARE(shownTitle(), firstTitle);
    QCOMPARE(title(),
             QStringLiteral("d.json — Lakeside talks (test fixture) — Negotiation Timeline"));
    QVERIFY(!m_file->saveAction()->isEnabled());
    QCOMPARE(m_file->redoAction()->text(), QStringLiteral("&Redo Edit Event"));

    m_file->redoAction()->trigger();
    QCOMPARE(shownTitle(), QStringLiteral("Renamed"));
    QCOMPARE(title(),
             QStringLiteral("d.json* — Lakeside talks (test fixture) — Negotiation Timeline"));
    // In the window's menus, where their keys work.
    const auto menuTitled = [](QAction *action) {
        for (QObject *object : action->associatedObjects()) {
            if (auto *menu = qobject_cast<QMenu *>(object))
                return menu->title();
        }
        return QString();
    };
    QCOMPARE(menuTitled(m_file->undoAction()), QStringLiteral("&Edit"));
    QCOMPARE(menuTitled(m_file->redoAction()), QStringLiteral("&Edit"));
    QCOMPARE(menuTitled(m_file->saveAction()), QStringLiteral("&File"));
    QCOMPARE(menuTitled(m_file->saveAsAction()), QStringLiteral("&File"));
    QCOMPARE(m_file->saveAction()->shortcut(), QKeySequence(QKeySequence::Save));
    QVERIFY(m_file->saveAsAction()->shortcuts().contains(
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)));
}

void DocumentControllerTest::saveWritesWhatReopensEqualAndClearsTheMark() {
    QVERIFY(openCopy());
    QVERIFY(editTitle(QStringLiteral("Renamed")));
    QVERIFY(m_window->session()->document()->setEventField(
        QStringLiteral("ev-statement"), EventField::Place, QStringLiteral("Geneva")));
    // Ctrl+S on the window, as a person saves.
    m_window->activateWindow();
    QTest::keySequence(m_window, QKeySequence::Save);
    QVERIFY(m_file->isSaving());
    QVERIFY(!m_file->saveAction()->isEnabled()); // one save at a time
    QVERIFY(waitForSave());
    QVERIFY2(m_file->lastSaveError().isEmpty(), qPrintable(m_file->lastSaveError()));
    QVERIFY(!m_window->session()->document()->isModified());
    QCOMPARE(title(),
             QStringLiteral("d.json — Lakeside talks (test fixture) — Negotiation Timeline"));
    QVERIFY(!m_file->saveAction()->isEnabled());

    const DatasetReader::Result reread = DatasetReader::readFile(m_path);
    QVERIFY(reread.ok());
    const QString difference =
        datasetequality::difference(*reread.dataset, m_window->session()->document()->dataset());
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
    QCOMPARE(reread.dataset->events.at(0).title, QStringLiteral("Renamed"));
}

void DocumentControllerTest::saveOfTheEmbeddedDatasetGoesToSaveAs() {
    QVERIFY(m_window->openDataset(Session::defaultDatasetPath));
    QVERIFY2(title().contains(QStringLiteral(" (read-only) — Negotiation Timeline")),
             qPrintable(title()));
    Document *document = m_window->session()->document();
    const QString eventId = document->dataset().events.at(0).id;
    QVERIFY(document->setEventField(eventId, EventField::Title, QStringLiteral("Renamed")));
    QVERIFY2(title().contains(QStringLiteral("* (read-only)")), qPrintable(title()));
    QVERIFY(m_file->saveAction()->isEnabled());

    // Save asks where; "texts inline" (the second file type) writes one file.
    m_window->setInteractive(true);
    DialogAnswers answers;
    const QString target = m_dir->filePath(QStringLiteral("copy.ntl.json"));
    answers.expect(QStringLiteral("saveAsDialog"), chooseFile(target, 1));
    m_file->saveAction()->trigger();
    QVERIFY(waitForSave());
    QVERIFY2(answers.allAnswered(), qPrintable(answers.unexpected.join(u' ')));
    QVERIFY2(m_file->lastSaveError().isEmpty(), qPrintable(m_file->lastSaveError()));
    QCOMPARE(document->filePath(), target);
    QVERIFY(!document->isModified());
    QVERIFY(!document->isReadOnly());
    QVERIFY2(title().startsWith(QStringLiteral("copy.ntl.json — ")), qPrintable(title()));
    // The dataset, and the lock the window now holds on it as the open file.
    QCOMPARE(filesIn(m_dir->path()), (QStringList{QStringLiteral(".copy.ntl.json.lock"),
                                                  QStringLiteral("copy.ntl.json")}));
    // Like a file opened: the recent files list it first.
    QCOMPARE(QSettings().value(QStringLiteral("session/recentFiles")).toStringList().value(0),
             target);
    const DatasetReader::Result reread = DatasetReader::readFile(target);
    QVERIFY(reread.ok());
    QCOMPARE(reread.dataset->events.at(0).title, QStringLiteral("Renamed"));
}

void DocumentControllerTest::anEditDuringASaveLeavesTheDocumentModified_data() {
    QTest::addColumn<bool>("merged");
    // Typing on in the same field merges into the last step: the undo index stays.
    QTest::newRow("another step") << false;
    QTest::newRow("merged into the last step") << true;
}

void DocumentControllerTest::anEditDuringASaveLeavesTheDocumentModified() {
    QFETCH(bool, merged);
    QVERIFY(openCopy());
    QVERIFY(editTitle(QStringLiteral("Saved title")));
    m_file->saveAction()->trigger();
    QVERIFY(m_file->isSaving());
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Saving d.json…"));
    // The save's end reaches the GUI thread through its event loop: this edit comes first.
    if (merged)
        QVERIFY(editTitle(QStringLiteral("Saved title, then more")));
    else
        QVERIFY(m_window->session()->document()->setEventField(
            QStringLiteral("ev-statement"), EventField::Place, QStringLiteral("Geneva")));
    QVERIFY(waitForSave());
    QVERIFY2(m_file->lastSaveError().isEmpty(), qPrintable(m_file->lastSaveError()));
    QVERIFY(m_window->session()->document()->isModified());
    QVERIFY(m_window->isWindowModified());
    QVERIFY(m_file->saveAction()->isEnabled());
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Saved d.json"));
    // What was written is the snapshot taken when the save began.
    const DatasetReader::Result reread = DatasetReader::readFile(m_path);
    QVERIFY(reread.ok());
    QCOMPARE(reread.dataset->events.at(0).title, QStringLiteral("Saved title"));
    QVERIFY(reread.dataset->events.at(1).place != QStringLiteral("Geneva"));
}

void DocumentControllerTest::failedSaveKeepsTheFileAndTheChangesAndSaysWhy_data() {
    QTest::addColumn<QString>("how");
    QTest::addColumn<QString>("reason");
    // Root writes anywhere, but not under a regular file, nor past a file-size limit.
    QTest::newRow("folder is a file")
        << QStringLiteral("folder") << QStringLiteral("Not a directory");
    QTest::newRow("file-size limit") << QStringLiteral("limit") << QStringLiteral("File too large");
}

void DocumentControllerTest::failedSaveKeepsTheFileAndTheChangesAndSaysWhy() {
    QFETCH(QString, how);
    QFETCH(QString, reason);
    QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("sub")));
    QVERIFY(openCopy(QStringLiteral("sub/d.json")));
    QVERIFY(editTitle(QStringLiteral("Renamed")));
    QString kept = m_path; // the file that must stay as it was
    const QByteArray before = fileContents(kept);
    if (how == QLatin1String("folder")) {
        // The dataset's folder was moved away and a file took its name.
        QVERIFY(QDir(m_dir->path()).rename(QStringLiteral("sub"), QStringLiteral("moved")));
        QVERIFY(putFile(m_dir->filePath(QStringLiteral("sub")), "a file, not a folder"));
        kept = m_dir->filePath(QStringLiteral("moved/d.json"));
    }
    m_window->setInteractive(true);
    DialogAnswers answers;
    answers.click(QStringLiteral("saveFailedBox"), QMessageBox::Ok);
    rlimit old{};
    QVERIFY(::getrlimit(RLIMIT_FSIZE, &old) == 0);
    auto *oldHandler = ::signal(SIGXFSZ, SIG_IGN);
    if (how == QLatin1String("limit")) {
        // As a full disk would: a write fails part-way with EFBIG (SIGXFSZ ignored).
        rlimit limited = old;
        limited.rlim_cur = 1024;
        QVERIFY(::setrlimit(RLIMIT_FSIZE, &limited) == 0);
    }
    m_file->saveAction()->trigger();
    const bool finished = waitForSave();
    ::setrlimit(RLIMIT_FSIZE, &old);
    ::signal(SIGXFSZ, oldHandler);
    QVERIFY(finished);
    QVERIFY(QTest::qWaitFor([&] { return answers.allAnswered(); }, 5000));
    QCOMPARE(fileContents(kept), before);
    QVERIFY(m_window->session()->document()->isModified());
    QVERIFY(m_window->isWindowModified());
    QCOMPARE(m_window->session()->document()->filePath(), m_path);
    QCOMPARE(answers.texts.size(), 1);
    const QString said = answers.texts.first();
    QVERIFY2(said.startsWith(QStringLiteral("d.json could not be saved")), qPrintable(said));
    QVERIFY2(said.contains(reason), qPrintable(said));
    QVERIFY2(m_file->lastSaveError().contains(m_path), qPrintable(m_file->lastSaveError()));
    // No temporary file is left beside the old one.
    if (how == QLatin1String("limit"))
        QCOMPARE(filesIn(m_dir->filePath(QStringLiteral("sub"))),
                 (QStringList{QStringLiteral(".d.json.lock"), QStringLiteral("d.json")}));
}

void DocumentControllerTest::unsavedChangesAreAskedAbout_data() {
    QTest::addColumn<QString>("how");
    QTest::addColumn<int>("answer");
    QTest::addColumn<bool>("saveFails");
    for (const char *how : {"close", "quit", "open"}) {
        QTest::addRow("%s, save", how)
            << QString::fromLatin1(how) << int(QMessageBox::Save) << false;
        QTest::addRow("%s, discard", how)
            << QString::fromLatin1(how) << int(QMessageBox::Discard) << false;
        QTest::addRow("%s, cancel", how)
            << QString::fromLatin1(how) << int(QMessageBox::Cancel) << false;
        QTest::addRow("%s, save fails", how)
            << QString::fromLatin1(how) << int(QMessageBox::Save) << true;
    }
}

void DocumentControllerTest::unsavedChangesAreAskedAbout() {
    QFETCH(QString, how);
    QFETCH(int, answer);
    QFETCH(bool, saveFails);
    QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("sub")));
    QVERIFY(openCopy(QStringLiteral("sub/d.json")));
    const QString other = m_dir->filePath(QStringLiteral("other.json"));
    QVERIFY(QFile::copy(fixture("valid/minimal.json"), other));
    QVERIFY(editTitle(QStringLiteral("Renamed")));
    const QByteArray before = fileContents(m_path);
    if (saveFails) // the folder has gone and a file has its name: the save cannot succeed
        QVERIFY(QDir(m_dir->filePath(QStringLiteral("sub"))).removeRecursively() &&
                putFile(m_dir->filePath(QStringLiteral("sub")), "a file"));

    m_window->setInteractive(true);
    DialogAnswers answers;
    answers.click(QStringLiteral("unsavedChangesBox"), QMessageBox::StandardButton(answer));
    if (saveFails)
        answers.click(QStringLiteral("saveFailedBox"), QMessageBox::Ok);
    bool went = false;
    if (how == QLatin1String("close")) {
        went = m_window->close();
    } else if (how == QLatin1String("quit")) {
        QAction *quit = quitAction();
        QVERIFY(quit);
        quit->trigger();
        went = !m_window->isVisible();
    } else {
        went = m_window->openDataset(other);
    }
    QVERIFY2(answers.allAnswered(), qPrintable(answers.unexpected.join(u' ')));
    QVERIFY2(answers.texts.value(0).startsWith(QStringLiteral("d.json has unsaved changes")),
             qPrintable(answers.texts.value(0)));

    const bool goes = !saveFails && answer != QMessageBox::Cancel;
    QCOMPARE(went, goes);
    QCOMPARE(m_window->isVisible(), !(goes && how != QLatin1String("open")));
    if (answer == QMessageBox::Save && !saveFails) {
        const DatasetReader::Result reread = DatasetReader::readFile(m_path);
        QVERIFY(reread.ok());
        QCOMPARE(reread.dataset->events.at(0).title, QStringLiteral("Renamed"));
    } else if (!saveFails) {
        QCOMPARE(fileContents(m_path), before);
    }
    if (how == QLatin1String("open"))
        QCOMPARE(m_window->currentPath(), goes ? other : m_path);
    if (!goes) { // the changes are still there, and still unsaved
        QCOMPARE(shownTitle(), QStringLiteral("Renamed"));
        QVERIFY(m_window->session()->document()->isModified());
    }
}

void DocumentControllerTest::aCancelledSaveAsKeepsTheWindowOpen() {
    // The embedded dataset has no file of its own: Save asks where, and the user cancels.
    QVERIFY(m_window->openDataset(Session::defaultDatasetPath));
    Document *document = m_window->session()->document();
    QVERIFY(document->setEventField(document->dataset().events.at(0).id, EventField::Title,
                                    QStringLiteral("Renamed")));
    m_window->setInteractive(true);
    DialogAnswers answers;
    answers.click(QStringLiteral("unsavedChangesBox"), QMessageBox::Save);
    answers.expect(QStringLiteral("saveAsDialog"), rejectDialog());
    QVERIFY(!m_window->close());
    QVERIFY2(answers.allAnswered(), qPrintable(answers.unexpected.join(u' ')));
    QVERIFY2(answers.texts.value(0).startsWith(QStringLiteral("The built-in dataset has unsaved")),
             qPrintable(answers.texts.value(0)));
    QVERIFY(m_window->isVisible());
    QVERIFY(document->isModified());
    QCOMPARE(document->filePath(), Session::defaultDatasetPath);
}

void DocumentControllerTest::aDroppedFileIsAskedAboutToo() {
    QVERIFY(openCopy());
    const QString other = m_dir->filePath(QStringLiteral("other.json"));
    QVERIFY(QFile::copy(fixture("valid/minimal.json"), other));
    QVERIFY(editTitle(QStringLiteral("Renamed")));
    m_window->setInteractive(true);
    DialogAnswers answers;
    answers.click(QStringLiteral("unsavedChangesBox"), QMessageBox::Discard);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(other)});
    QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    // Straight to the window: QApplication delivers a drop only inside a drag it runs.
    static_cast<QObject *>(m_window)->event(&drop);
    QTRY_COMPARE(m_window->currentPath(), other);
    QVERIFY2(answers.allAnswered(), qPrintable(answers.unexpected.join(u' ')));
    QVERIFY(!m_window->session()->document()->isModified());
    QCOMPARE(fileContents(m_path), fileContents(fixture("valid/minimal.json")));
}

QTEST_MAIN(DocumentControllerTest)
#include "documentcontrollertest.moc"
