// File → New through the real window and dialog: the title and sides typed in, an untitled
// document, the empty state that invites articles, the old file's lock let go.

#include "datasetlock.h"
#include "dialogdriver.h"
#include "document.h"
#include "documentcontroller.h"
#include "emptystatepage.h"
#include "mainwindow.h"
#include "newdatasetdialog.h"
#include "session.h"
#include "testwindow.h"

#include <QAction>
#include <QColorDialog>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace ntl;

class NewDatasetTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { useTestSettings("newdatasettest"); }

    void newFromTheDialogMakesAnUntitledDatasetWithItsSides();
    void dialogMarksAnEmptyTitleAndDuplicateSides();
    void sideIdsFollowTheDatasetsConvention();
    void newLetsGoOfTheOldFilesLock();
    void screenshots();

private:
    QAction *newAction(MainWindow &window) {
        return window.findChild<QAction *>(QStringLiteral("newDatasetAction"));
    }
};

void NewDatasetTest::newFromTheDialogMakesAnUntitledDatasetWithItsSides() {
    MainWindow window;
    window.setInteractive(false);
    QVERIFY(window.openDataset(Session::defaultDatasetPath));
    window.show();
    QAction *action = newAction(window);
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(QKeySequence::New));
    bool seen = false;
    whenDialog(
        QStringLiteral("newDatasetDialog"),
        [](QDialog *dialog) {
            auto *title = dialog->findChild<QLineEdit *>(QStringLiteral("titleEdit"));
            auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("sideNameEdit"));
            QTest::keyClicks(title, QStringLiteral("Harbour talks 2026"));
            for (const QString &side : {QStringLiteral("North League"), QStringLiteral("South")}) {
                QTest::keyClicks(name, side);
                QTest::keyClick(name, Qt::Key_Return); // adds the side, does not accept
            }
            QVERIFY(dialog->isVisible());
            // South first: reordering is the lanes' order (and colours).
            dialog->findChild<QPushButton *>(QStringLiteral("moveSideUpButton"))->click();
            auto *nd = static_cast<NewDatasetDialog *>(dialog);
            // North League its own colour, through the colour dialog, from the keyboard.
            nd->sideList()->setCurrentRow(1);
            bool colorSeen = false;
            whenDialog(
                QStringLiteral("sideColorDialog"),
                [](QDialog *colors) {
                    static_cast<QColorDialog *>(colors)->setCurrentColor(QColor(0x7b, 0x32, 0x94));
                    colors->accept();
                },
                &colorSeen);
            nd->colorButton()->setFocus(Qt::TabFocusReason); // Space presses it
            QTest::keyClick(nd->colorButton(), Qt::Key_Space);
            QVERIFY(colorSeen);
            QVERIFY(nd->okButton()->isEnabled());
            QTest::mouseClick(nd->okButton(), Qt::LeftButton);
        },
        &seen);
    action->trigger();
    QVERIFY(seen);

    const Dataset &dataset = window.session()->document()->dataset();
    QCOMPARE(dataset.title, QStringLiteral("Harbour talks 2026"));
    QCOMPARE(dataset.sides.size(), 2);
    QCOMPARE(dataset.sides.at(0).id, QStringLiteral("south"));
    QCOMPARE(dataset.sides.at(0).name, QStringLiteral("South"));
    QCOMPARE(dataset.sides.at(1).id, QStringLiteral("north-league"));
    QCOMPARE(dataset.sides.at(0).color, QString()); // its lane's
    QCOMPARE(dataset.sides.at(1).color, QStringLiteral("#7b3294"));
    QVERIFY(dataset.events.isEmpty());
    QVERIFY(dataset.articles.isEmpty());
    QVERIFY(dataset.actors.isEmpty());
    QVERIFY(window.session()->document()->filePath().isEmpty());
    QVERIFY(!window.session()->document()->isReadOnly());
    QVERIFY(!window.session()->document()->isModified());
    QVERIFY(!window.session()->document()->undoStack()->canUndo());
    QCOMPARE(window.windowTitle(),
             QStringLiteral("Untitled[*] — Harbour talks 2026 — Negotiation Timeline"));
    // An empty workspace that invites articles, with the button that imports them.
    settleEvents();
    QCOMPARE(window.emptyStatePage()->state(), EmptyStatePage::State::NoArticles);
    QVERIFY(window.emptyStatePage()->isVisible());
    QVERIFY(window.emptyStatePage()->importButton()->isVisible());
    QVERIFY(!window.emptyStatePage()->openButton()->isVisible());
    // Save has no file to go to: it asks (Save As), which a test window does not.
    QVERIFY(!window.documentController()->save());
}

void NewDatasetTest::dialogMarksAnEmptyTitleAndDuplicateSides() {
    NewDatasetDialog dialog;
    dialog.show();
    QVERIFY(!dialog.okButton()->isEnabled());   // no title yet
    QVERIFY(!dialog.titleError()->isVisible()); // but nothing typed is not yet an error
    QTest::keyClicks(dialog.titleEdit(), QStringLiteral("  "));
    QVERIFY(dialog.titleError()->isVisible());
    QCOMPARE(dialog.titleError()->text(), QStringLiteral("title: expected a non-empty string"));
    QCOMPARE(dialog.titleEdit()->property("invalid").toBool(), true);
    QTest::keyClicks(dialog.titleEdit(), QStringLiteral("Talks"));
    QVERIFY(!dialog.titleError()->isVisible());
    QVERIFY(dialog.okButton()->isEnabled()); // no side is allowed: sides come later
    for (const QString &side : {QStringLiteral("Ukraine"), QStringLiteral("ukraine")}) {
        QTest::keyClicks(dialog.sideNameEdit(), side);
        dialog.addSideButton()->click();
    }
    QVERIFY(dialog.sidesError()->isVisible());
    QVERIFY(dialog.sidesError()->text().contains(QStringLiteral("two sides are named")));
    QVERIFY(!dialog.okButton()->isEnabled());
    // Renamed in place, the problem is gone.
    dialog.sideList()->item(1)->setText(QStringLiteral("Russia"));
    QVERIFY(!dialog.sidesError()->isVisible());
    QVERIFY(dialog.okButton()->isEnabled());
    // A name emptied in place is the reader's error.
    dialog.sideList()->item(1)->setText(QStringLiteral(" "));
    QCOMPARE(dialog.sidesError()->text(),
             QStringLiteral("side \"side\", name: expected a non-empty string"));
    QVERIFY(!dialog.okButton()->isEnabled());
}

void NewDatasetTest::sideIdsFollowTheDatasetsConvention() {
    QCOMPARE(NewDatasetDialog::sideId(QStringLiteral("United States"), {}),
             QStringLiteral("united-states"));
    QCOMPARE(NewDatasetDialog::sideId(QStringLiteral("  E.U. / NATO "), {}),
             QStringLiteral("e-u-nato"));
    QCOMPARE(NewDatasetDialog::sideId(QStringLiteral("Україна"), {}), QStringLiteral("україна"));
    QCOMPARE(NewDatasetDialog::sideId(QStringLiteral("—"), {}), QStringLiteral("side"));
    QCOMPARE(NewDatasetDialog::sideId(QStringLiteral("South"), {QStringLiteral("south")}),
             QStringLiteral("south-2"));
}

void NewDatasetTest::newLetsGoOfTheOldFilesLock() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("talks.ntl.json"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"format": "negotiation-timeline", "version": 1, "title": "Old",
                       "offsetUnit": "codepoint", "sides": [], "articles": [], "actors": [],
                       "events": []})");
    }
    MainWindow window;
    window.setInteractive(false);
    QVERIFY(window.openDataset(path));
    DatasetLock other;
    QCOMPARE(other.tryLock(path), DatasetLock::State::HeldByOther);
    window.newDataset(QStringLiteral("Fresh"), {});
    settleEvents();
    QVERIFY(window.session()->document()->filePath().isEmpty());
    QCOMPARE(other.tryLock(path), DatasetLock::State::Locked);
}

void NewDatasetTest::screenshots() {
    // Written where NTL_SCREENSHOT_DIR says, to be looked at; else to a temporary folder.
    QTemporaryDir temporary;
    const QString out = qEnvironmentVariable("NTL_SCREENSHOT_DIR", temporary.path());
    for (const auto theme : {ThemePalette::Theme::Light, ThemePalette::Theme::Dark}) {
        MainWindow window;
        window.setTheme(theme, false);
        window.resize(1024, 768);
        window.newDataset(QStringLiteral("Harbour talks 2026"), {});
        window.show();
        settleEvents();
        const QString name =
            theme == ThemePalette::Theme::Light ? QStringLiteral("light") : QStringLiteral("dark");
        QVERIFY(window.grab().save(out + QStringLiteral("/new-empty-") + name +
                                   QStringLiteral(".png")));
        NewDatasetDialog dialog(&window);
        dialog.show();
        QTest::keyClicks(dialog.titleEdit(), QStringLiteral(" "));
        for (const QString &side : {QStringLiteral("United States"), QStringLiteral("Ukraine"),
                                    QStringLiteral("Russia"), QStringLiteral("European Union")}) {
            QTest::keyClicks(dialog.sideNameEdit(), side);
            dialog.addSideButton()->click();
        }
        settleEvents();
        QVERIFY(dialog.grab().save(out + QStringLiteral("/new-dialog-") + name +
                                   QStringLiteral(".png")));
    }
}

QTEST_MAIN(NewDatasetTest)
#include "newdatasettest.moc"
