// The editing actions of the window (issue 16, items 6 and 7), through the real widgets.
//
// The read-only document (issue 15: "The embedded default dataset is read-only: editing it
// leads to Save As"; issue 16, item 7: "the editing actions disabled with a reason when they
// do not apply"): on the built-in dataset, and on a file another window holds, every editing
// action is disabled and says why, the event editor's fields take no edit, a dropped article
// is refused, and the bar above the views offers Edit a Copy…, after which all is editable.
// New Actor from Selection: words selected in an article become an actor, its id by the id
// rule, its side set in the Actors and Sides dialog. The timeline's and chronicle's context
// menus offer the event actions on the event under the pointer. And the editing screens'
// pictures, light and dark.
#include "actorsidesdialog.h"
#include "articleimportcontroller.h"
#include "authoringcontroller.h"
#include "chronicleview.h"
#include "claimdialog.h"
#include "datasetreader.h"
#include "datasetwriter.h"
#include "dialogdriver.h"
#include "document.h"
#include "documentcontroller.h"
#include "eventeditcontroller.h"
#include "eventeditor.h"
#include "eventmodel.h"
#include "idwords.h"
#include "newdatasetdialog.h"
#include "readonlybar.h"
#include "session.h"
#include "sourcesview.h"
#include "testwindow.h"
#include "themepalette.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QFileInfo>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QTimer>
#include <QUndoStack>

using namespace ntl;

namespace {

const QString builtInReason =
    QStringLiteral("The built-in dataset is read-only: save a copy to edit it");

// Every action that edits the document, by its text (for the failure messages).
QList<QAction *> editingActions(MainWindow &window) {
    QList<QAction *> actions = window.authoring()->actions();
    actions += window.eventEditing()->actions();
    actions +=
        {window.eventEditing()->actorsAndSidesAction(), window.articleImport()->importAction(),
         window.articleImport()->pasteAction(), window.articleImport()->propertiesAction()};
    return actions;
}

// Words selected in the article the Sources view shows, and an event current: then no
// action lacks what it applies to, and only the read-only document can disable it.
void selectWordsAndAnEvent(MainWindow &window) {
    selectShownRow(&window, 0);
    window.tabs()->setCurrentIndex(MainWindow::SourcesTab);
    settleEvents();
    QPlainTextEdit *text = window.sourcesView()->textView();
    QTextCursor cursor = text->textCursor();
    cursor.setPosition(0);
    cursor.setPosition(40, QTextCursor::KeepAnchor);
    text->setTextCursor(cursor);
    QApplication::clipboard()->setText(QStringLiteral("An article pasted from somewhere."));
    settleEvents();
}

} // namespace

class EditActionsTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        useTestSettings("editactionstest");
        QVERIFY(m_dir.isValid());
    }

    void everyEditingActionIsDisabledWithItsReasonOnTheBuiltInDataset() {
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.openDataset(Session::defaultDatasetPath));
        window.resize(1024, 768);
        window.show();
        selectWordsAndAnEvent(window);
        for (QAction *action : editingActions(window)) {
            const QString name = action->text();
            QVERIFY2(!action->isEnabled(), qPrintable(name));
            QCOMPARE(action->toolTip(), builtInReason);
            QCOMPARE(action->statusTip(), builtInReason);
        }
        // The way out is shown, and reached from the keyboard.
        ReadOnlyBar *bar = window.readOnlyBar();
        QVERIFY(bar->isVisible());
        QVERIFY(bar->text().contains(QStringLiteral("built-in example dataset (read-only)")));
        QVERIFY(bar->editCopyButton()->isVisible());
        QVERIFY(bar->editCopyButton()->focusPolicy() & Qt::TabFocus);
        QCOMPARE(bar->editCopyButton()->text(), QStringLiteral("Edit a Cop&y…"));
        // The editor shows the event, its fields take no edit, and it says why.
        window.eventEditing()->dock()->show();
        settleEvents();
        EventEditor *editor = window.eventEditing()->editor();
        auto *title = editor->findChild<QLineEdit *>(QStringLiteral("title"));
        QVERIFY(title);
        QVERIFY(!title->isEnabled());
        auto *note = editor->findChild<QLabel *>(QStringLiteral("readOnlyNote"));
        QVERIFY(note && note->isVisible());
        QCOMPARE(note->text(), builtInReason + QLatin1Char('.'));
        // A dropped article has no action to disable: it is refused with the reason.
        const QString path = m_dir.filePath(QStringLiteral("dropped.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Talks resumed on Monday.\n");
        file.close();
        const qsizetype articles = window.session()->document()->dataset().articles.size();
        QVERIFY(!window.articleImport()->importFiles({path}));
        QCOMPARE(window.session()->document()->dataset().articles.size(), articles);
        QVERIFY(!window.session()->document()->undoStack()->canUndo());
    }

    void editACopyMakesEveryActionAvailable() {
        MainWindow window;
        QVERIFY(window.openDataset(Session::defaultDatasetPath));
        window.resize(1024, 768);
        window.show();
        selectWordsAndAnEvent(window);
        const QString target = m_dir.filePath(QStringLiteral("my-copy.ntl.json"));
        // The dialog opens in the last file's folder: a small one, quick to list.
        QSettings().setValue(QStringLiteral("session/lastFile"), target);
        bool seen = false;
        whenDialog(
            QStringLiteral("saveAsDialog"),
            [target](QDialog *dialog) {
                // The whole path typed and Return pressed, with no event processed between:
                // the dialog applies its suggested name once its folder's listing is read (in
                // the background), and under load that came after a selectFile() here.
                auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
                QVERIFY(name);
                name->setFocus();
                name->setText(target);
                if (QWidget *popup = QApplication::activePopupWidget())
                    popup->close(); // the completer's
                QTest::keyClick(name, Qt::Key_Return);
                QVERIFY(!dialog->isVisible());
            },
            &seen);
        // The bar's button, from the keyboard: a stop in the Tab order, Space presses it.
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QPushButton *editCopy = window.readOnlyBar()->editCopyButton();
        QVERIFY(window.focusOrder().contains(editCopy));
        editCopy->setFocus(Qt::TabFocusReason);
        QTest::keyClick(editCopy, Qt::Key_Space);
        QVERIFY(seen);
        QVERIFY(window.documentController()->waitForSave());
        Document *document = window.session()->document();
        QCOMPARE(document->filePath(), target);
        QVERIFY(!document->isReadOnly());
        QVERIFY2(window.windowTitle().startsWith(QStringLiteral("my-copy.ntl.json")),
                 qPrintable(window.windowTitle()));
        settleEvents();
        QVERIFY(!window.readOnlyBar()->isVisible());
        for (QAction *action : editingActions(window)) {
            if (action == window.authoring()->actions().value(3) ||
                action == window.authoring()->actions().value(4))
                continue; // Remove and Re-select Passage need a chosen passage, not only words
            QVERIFY2(action->isEnabled(), qPrintable(action->text() + u' ' + action->toolTip()));
        }
        EventEditor *editor = window.eventEditing()->editor();
        QVERIFY(editor->findChild<QLineEdit *>(QStringLiteral("title"))->isEnabled());
        QVERIFY(!editor->findChild<QLabel *>(QStringLiteral("readOnlyNote"))->isVisibleTo(editor));
        // And an edit now goes in, one step.
        window.authoring()->actions().first()->trigger();
        QVERIFY(document->undoStack()->canUndo());
    }

    void aFileAnotherWindowHoldsIsReadOnlyToo() {
        const QString path = m_dir.filePath(QStringLiteral("held.ntl.json"));
        const auto read = DatasetReader::readFile(Session::defaultDatasetPath);
        QVERIFY(read.ok());
        QVERIFY(DatasetWriter::writeFile(*read.dataset, path));
        MainWindow window;
        window.setInteractive(false);
        QVERIFY(window.openDataset(path));
        window.show();
        selectWordsAndAnEvent(window);
        QVERIFY(window.eventEditing()->editAction()->isEnabled());
        QVERIFY(!window.readOnlyBar()->isVisible());
        window.session()->document()->setOpenedReadOnly(true);
        settleEvents();
        for (QAction *action : editingActions(window)) {
            QVERIFY2(!action->isEnabled(), qPrintable(action->text()));
            QVERIFY2(action->toolTip().startsWith(QStringLiteral("This file is open read-only")),
                     qPrintable(action->toolTip()));
        }
        QVERIFY(window.readOnlyBar()->isVisible());
        QVERIFY(window.readOnlyBar()->text().contains(QStringLiteral("another window")));
        window.session()->document()->setOpenedReadOnly(false);
        settleEvents();
        QVERIFY(window.eventEditing()->editAction()->isEnabled());
        QVERIFY(!window.readOnlyBar()->isVisible());
    }

    void newActorFromSelectedWords();
    void chronicleContextMenuActsOnTheEventUnderThePointer();
    void screenshots();

private:
    QTemporaryDir m_dir;
};

void EditActionsTest::newActorFromSelectedWords() {
    const QString path = m_dir.filePath(QStringLiteral("actors.ntl.json"));
    const auto read = DatasetReader::readFile(Session::defaultDatasetPath);
    QVERIFY(read.ok());
    QVERIFY(DatasetWriter::writeFile(*read.dataset, path));
    MainWindow window;
    window.setInteractive(false);
    QVERIFY(window.openDataset(path));
    window.resize(1024, 768);
    window.show();
    window.tabs()->setCurrentIndex(MainWindow::SourcesTab);
    settleEvents();
    QAction *action = window.authoring()->newActorAction();
    QVERIFY(!action->isEnabled()); // no words selected yet
    QCOMPARE(action->toolTip(), QStringLiteral("Select a name in an article first"));
    // The first two words of the article shown, selected as a mouse would.
    QPlainTextEdit *text = window.sourcesView()->textView();
    const QString article = text->toPlainText();
    const QRegularExpressionMatch two =
        QRegularExpression(QStringLiteral("\\b\\p{Lu}\\w+ \\p{Lu}\\w+")).match(article);
    QVERIFY(two.hasMatch());
    const QString name = two.captured();
    QTextCursor cursor = text->textCursor();
    cursor.setPosition(int(two.capturedStart()));
    cursor.setPosition(int(two.capturedEnd()), QTextCursor::KeepAnchor);
    text->setTextCursor(cursor);
    settleEvents();
    QVERIFY(action->isEnabled());
    const int steps = window.session()->document()->undoStack()->count();
    const qsizetype actors = window.session()->document()->dataset().actors.size();
    const QString sideId = window.session()->document()->dataset().sides.at(0).id;
    bool seen = false;
    QString shownName;
    whenDialog(
        QStringLiteral("actorSidesDialog"),
        [&shownName](QDialog *dialog) {
            // The new actor is selected, named after the words; its side is set here.
            shownName = dialog->findChild<QLineEdit *>(QStringLiteral("actorName"))->text();
            auto *side = dialog->findChild<QComboBox *>(QStringLiteral("actorSide"));
            side->setFocus();
            QTest::keyClick(side, Qt::Key_Down); // from "(none)" to the first side
            dialog->accept();
        },
        &seen);
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(text, Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(seen);
    QCOMPARE(shownName, name);
    const Dataset &dataset = window.session()->document()->dataset();
    QCOMPARE(dataset.actors.size(), actors + 1);
    const Actor &actor = dataset.actors.last();
    QCOMPARE(actor.name, name);
    // The id rule of events and articles: the name's words, "-2" if an actor has them.
    const QString words = idWords(name).join(u'-');
    QCOMPARE(actor.id, dataset.actor(words) != &actor ? words + QStringLiteral("-2") : words);
    QCOMPARE(actor.sideId, sideId);
    QCOMPARE(window.session()->document()->undoStack()->count(), steps + 2); // created, sided
    window.session()->document()->undoStack()->undo();
    window.session()->document()->undoStack()->undo();
    QCOMPARE(window.session()->document()->dataset().actors.size(), actors);
}

void EditActionsTest::chronicleContextMenuActsOnTheEventUnderThePointer() {
    const QString path = m_dir.filePath(QStringLiteral("menus.ntl.json"));
    const auto read = DatasetReader::readFile(Session::defaultDatasetPath);
    QVERIFY(read.ok());
    QVERIFY(DatasetWriter::writeFile(*read.dataset, path));
    MainWindow window;
    window.setInteractive(false);
    QVERIFY(window.openDataset(path));
    window.resize(1024, 768);
    window.show();
    window.tabs()->setCurrentIndex(MainWindow::ChronicleTab);
    settleEvents();
    ChronicleView *chronicle = window.chronicleView();
    const QModelIndex third = window.filterModel()->index(2, 0);
    chronicle->scrollTo(third);
    settleEvents();
    const QPoint at = chronicle->visualRect(third).center();
    QStringList entries;
    QString current;
    QTimer::singleShot(0, &window, [&] {
        QMenu *menu = window.eventEditing()->openEventMenu();
        if (!menu)
            return;
        current = window.selectionModel()->currentIndex().data(EventModel::EventIdRole).toString();
        for (QAction *entry : menu->actions()) {
            if (!entry->isSeparator() && entry->isEnabled())
                entries.append(entry->text());
        }
        menu->close();
    });
    QContextMenuEvent event(QContextMenuEvent::Mouse, at, chronicle->viewport()->mapToGlobal(at));
    QApplication::sendEvent(chronicle->viewport(), &event);
    QCOMPARE(current, third.data(EventModel::EventIdRole).toString());
    QCOMPARE(entries,
             (QStringList{QStringLiteral("&Edit Event"), QStringLiteral("D&uplicate Event"),
                          QStringLiteral("&Delete Event"), QStringLiteral("Actors and &Sides…")}));
}

namespace {

// The window with `dialog` over its middle, as the screen shows them: one 1024×768 picture.
QImage over(MainWindow &window, QWidget *dialog) {
    QImage screen = window.grab().toImage();
    const QImage front = dialog->grab().toImage();
    QPainter painter(&screen);
    const QPoint at((screen.width() - front.width()) / 2, (screen.height() - front.height()) / 2);
    painter.drawImage(at, front);
    painter.setPen(window.palette().color(QPalette::Shadow));
    painter.drawRect(QRect(at, front.size()).adjusted(-1, -1, 0, 0));
    return screen;
}

bool savePicture(const QImage &image, const QString &path) {
    // 256 colours, undithered, and maximum compression: the pictures live in the repository,
    // and flat interface colours lose nothing a reader sees.
    return image.convertToFormat(QImage::Format_Indexed8, Qt::ThresholdDither | Qt::AvoidDither)
        .save(path, "PNG", 0);
}

} // namespace

void EditActionsTest::screenshots() {
    // The editing screens, written where NTL_SCREENSHOT_DIR says (docs/screenshots), else to a
    // temporary folder: to be looked at, in both themes, at 1024×768.
    QTemporaryDir temporary;
    const QString out = qEnvironmentVariable("NTL_SCREENSHOT_DIR", temporary.path());
    const QString copy = m_dir.filePath(QStringLiteral("screens.ntl.json"));
    const auto read = DatasetReader::readFile(Session::defaultDatasetPath);
    QVERIFY(read.ok());
    QVERIFY(DatasetWriter::writeFile(*read.dataset, copy));
    for (const auto theme : {ThemePalette::Theme::Light, ThemePalette::Theme::Dark}) {
        const QString suffix = (theme == ThemePalette::Theme::Light ? QStringLiteral("-light")
                                                                    : QStringLiteral("-dark")) +
                               QStringLiteral("-1024x768.png");
        {
            // The built-in dataset: the read-only bar, and a disabled action's reason.
            MainWindow window;
            window.setInteractive(false);
            window.setTheme(theme, false);
            QVERIFY(window.openDataset(Session::defaultDatasetPath));
            window.resize(1024, 768);
            window.show();
            selectShownRow(&window, 2);
            settleEvents();
            QVERIFY(
                savePicture(window.grab().toImage(), out + QStringLiteral("/readonly") + suffix));
        }
        MainWindow window;
        window.setInteractive(false);
        window.setTheme(theme, false);
        QVERIFY(window.openDataset(copy));
        window.resize(1024, 768);
        window.show();
        selectShownRow(&window, 2);
        window.eventEditing()->editAction()->trigger();
        settleEvents();
        // At 1024 pixels the open editor folds the details panel away (it shows the same),
        // so the views keep their room; closed, the details come back.
        auto *splitter = qobject_cast<QSplitter *>(window.centralWidget());
        QVERIFY(splitter);
        QCOMPARE(splitter->sizes().at(2), 0);
        QVERIFY(savePicture(window.grab().toImage(), out + QStringLiteral("/editor") + suffix));
        window.eventEditing()->dock()->hide();
        settleEvents();
        QVERIFY(splitter->sizes().at(2) > 0);
        {
            ActorSidesDialog dialog(window.session()->document(), &window);
            dialog.tabs()->setCurrentIndex(1);
            dialog.show();
            // A side with a colour of its own, dark blue: lifted to be read on the dark theme.
            dialog.findChild<QListWidget *>(QStringLiteral("sides"))->setCurrentRow(3);
            QVERIFY(dialog.recolorSelectedSide(QStringLiteral("#003399")));
            settleEvents();
            QVERIFY(savePicture(over(window, &dialog), out + QStringLiteral("/sides") + suffix));
            dialog.tabs()->setCurrentIndex(0);
            settleEvents();
            QVERIFY(savePicture(over(window, &dialog),
                                out + QStringLiteral("/actors-dialog") + suffix));
        }
        {
            NewDatasetDialog dialog(&window);
            dialog.show();
            QTest::keyClicks(dialog.titleEdit(), QStringLiteral("Harbour talks 2026"));
            for (const QString &side :
                 {QStringLiteral("United States"), QStringLiteral("Ukraine"),
                  QStringLiteral("Russia"), QStringLiteral("European Union")}) {
                QTest::keyClicks(dialog.sideNameEdit(), side);
                dialog.addSideButton()->click();
            }
            dialog.sideList()->setCurrentRow(3);
            dialog.setCurrentSideColor(QStringLiteral("#003399")); // a dark blue: lifted in dark
            settleEvents();
            QVERIFY(
                savePicture(over(window, &dialog), out + QStringLiteral("/new-dataset") + suffix));
        }
        {
            ClaimDialog dialog({QStringLiteral("Who proposed the ceasefire line")},
                               QStringLiteral("the line proposed by the mediators on Monday"),
                               QStringLiteral("Talks resume in Geneva"), &window);
            dialog.show();
            dialog.saysEdit()->clear();
            QTest::keyClicks(dialog.saysEdit(), QStringLiteral("The mediators proposed it"));
            settleEvents();
            QVERIFY(savePicture(over(window, &dialog), out + QStringLiteral("/claim") + suffix));
        }
    }
}

QTEST_MAIN(EditActionsTest)
#include "editactionstest.moc"
