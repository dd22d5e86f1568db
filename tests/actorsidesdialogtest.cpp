// Edit → Actors and Sides… (issue 16, item 6), driven through its widgets on minimal.json:
// create and edit an actor, merge two (every participation re-pointed), remove an unused one
// and refuse a used one with the reason; add, rename and reorder sides; each one undo step.
#include "actorsidesdialog.h"
#include "commands/editsidecommand.h"
#include "dialogdriver.h"
#include "document.h"
#include "fieldmessage.h"
#include "session.h"
#include "sidepalette.h"

#include <QApplication>
#include <QColorDialog>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>
#include <QUndoStack>

using namespace ntl;

namespace {

struct Fixture {
    Session session;
    ActorSidesDialog *dialog = nullptr;

    Fixture() {
        if (!session.open(QStringLiteral(NTL_TEST_DATA_DIR "/valid/minimal.json")))
            qFatal("minimal.json does not open");
        dialog = new ActorSidesDialog(session.document());
        dialog->show();
    }
    ~Fixture() { delete dialog; }

    Document *document() const { return session.document(); }
    const Dataset &dataset() const { return document()->dataset(); }
    QUndoStack *stack() const { return document()->undoStack(); }
    template <typename T> T *child(const char *name) const {
        T *widget = dialog->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }
    void click(const char *button) const {
        QTest::mouseClick(child<QPushButton>(button), Qt::LeftButton);
    }
    QString message(const char *field) const {
        return dialog
            ->findChild<FieldMessage *>(QString::fromLatin1(field) + QStringLiteral("Message"))
            ->message();
    }
    QStringList sideIds() const {
        QStringList ids;
        for (const Side &side : dataset().sides)
            ids.append(side.id);
        return ids;
    }
    QStringList participants(const QString &eventId) const {
        QStringList ids;
        for (const Participant &p : dataset().events.at(document()->eventRow(eventId)).participants)
            ids.append(p.actorId);
        return ids;
    }
};

} // namespace

class ActorSidesDialogTest : public QObject {
    Q_OBJECT

private slots:
    void idsFromNames() {
        QCOMPARE(ActorSidesDialog::idFromName(QStringLiteral("Ana Envoy"), {}),
                 QStringLiteral("ana-envoy"));
        QCOMPARE(ActorSidesDialog::idFromName(QStringLiteral("Ségolène  Royal!"), {}),
                 QStringLiteral("segolene-royal"));
        QCOMPARE(ActorSidesDialog::idFromName(QStringLiteral("North"), {QStringLiteral("north")}),
                 QStringLiteral("north-2"));
    }

    void createAndEditAnActor() {
        Fixture f;
        const int actors = int(f.dataset().actors.size());
        f.click("newActor");
        QCOMPARE(f.dataset().actors.size(), actors + 1);
        QCOMPARE(f.dataset().actors.last().id, QStringLiteral("new-actor"));
        QLineEdit *name = f.child<QLineEdit>("actorName");
        name->setFocus();
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Mediator Team"));
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(f.dataset().actor(QStringLiteral("new-actor"))->name,
                 QStringLiteral("Mediator Team"));
        auto *side = f.child<QComboBox>("actorSide");
        side->setFocus();
        side->setCurrentIndex(side->findData(QStringLiteral("league")));
        emit side->activated(side->currentIndex());
        QCOMPARE(f.dataset().actor(QStringLiteral("new-actor"))->sideId, QStringLiteral("league"));
        // A blank name is refused at the field with the reader's words.
        name->setFocus();
        name->selectAll();
        QTest::keyClick(name, Qt::Key_Backspace);
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(f.dataset().actor(QStringLiteral("new-actor"))->name,
                 QStringLiteral("Mediator Team"));
        QVERIFY(f.message("actorName").contains(QStringLiteral("expected a non-empty string")));
        // Unused: it can go, in one step, and come back with undo.
        f.click("removeActor");
        QVERIFY(!f.dataset().actor(QStringLiteral("new-actor")));
        f.stack()->undo();
        QCOMPARE(f.dataset().actor(QStringLiteral("new-actor"))->name,
                 QStringLiteral("Mediator Team"));
    }

    void mergeTwoActors() {
        Fixture f;
        f.dialog->selectActor(QStringLiteral("north-envoy"));
        auto *into = f.child<QComboBox>("mergeInto");
        into->setCurrentIndex(into->findData(QStringLiteral("north-state")));
        const int steps = f.stack()->count();
        f.click("merge");
        QVERIFY(!f.dataset().actor(QStringLiteral("north-envoy")));
        QCOMPARE(f.participants(QStringLiteral("ev-statement")),
                 QStringList({QStringLiteral("league"), QStringLiteral("north-state")}));
        QCOMPARE(f.stack()->count(), steps + 1);
        f.stack()->undo();
        QVERIFY(f.dataset().actor(QStringLiteral("north-envoy")));
        QCOMPARE(f.participants(QStringLiteral("ev-statement")),
                 QStringList({QStringLiteral("league"), QStringLiteral("north-envoy")}));
    }

    void aUsedActorIsNotRemovedAndSaysWhy() {
        Fixture f;
        f.dialog->selectActor(QStringLiteral("south-state"));
        QCOMPARE(f.child<QLabel>("actorUsage")->text(), QStringLiteral("Takes part in 2 events."));
        const int steps = f.stack()->count();
        f.click("removeActor");
        QVERIFY(f.dataset().actor(QStringLiteral("south-state")));
        QCOMPARE(f.stack()->count(), steps);
        QVERIFY2(f.message("actors").contains(QStringLiteral("takes part in 2 events")),
                 qPrintable(f.message("actors")));
        QVERIFY(f.child<QListWidget>("actors")->toolTip().contains(
            QStringLiteral("takes part in 2 events")));
    }

    void sidesAddRenameMoveAndUndo() {
        Fixture f;
        f.dialog->tabs()->setCurrentIndex(1);
        const QStringList before = f.sideIds();
        f.click("addSide");
        QCOMPARE(f.sideIds(), before + QStringList{QStringLiteral("new-side")});
        QCOMPARE(f.child<QListWidget>("sides")->currentRow(), 3);
        QLineEdit *name = f.child<QLineEdit>("sideName");
        name->setFocus();
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Observers"));
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(f.dataset().side(QStringLiteral("new-side"))->name, QStringLiteral("Observers"));
        QCOMPARE(f.child<QListWidget>("sides")->currentItem()->text(), QStringLiteral("Observers"));
        f.click("sideUp");
        QCOMPARE(f.sideIds(), (QStringList{QStringLiteral("north"), QStringLiteral("south"),
                                           QStringLiteral("new-side"), QStringLiteral("league")}));
        QCOMPARE(f.child<QListWidget>("sides")->currentRow(), 2); // the moved side stays selected
        f.click("sideUp");
        f.click("sideDown");
        QCOMPARE(f.sideIds().indexOf(QStringLiteral("new-side")), 2);
        // Each a step of its own: three moves, the rename and the add.
        for (int i = 0; i < 3; ++i)
            f.stack()->undo();
        QCOMPARE(f.sideIds(), before + QStringList{QStringLiteral("new-side")});
        f.stack()->undo();
        QCOMPARE(f.dataset().side(QStringLiteral("new-side"))->name, QStringLiteral("New side"));
        f.stack()->undo();
        QCOMPARE(f.sideIds(), before);
        // A side actors stand on is kept, with the reason.
        f.child<QListWidget>("sides")->setCurrentRow(0);
        f.click("removeSide");
        QCOMPARE(f.sideIds(), before);
        QCOMPARE(f.message("sides"),
                 QStringLiteral("1 actor stands on “North”: move it to another side first."));
    }

    void sideIsRecolouredThroughTheColourDialogOneStep() {
        Fixture f;
        f.dialog->tabs()->setCurrentIndex(1);
        auto *sides = f.child<QListWidget>("sides");
        sides->setCurrentRow(1);
        const int steps = f.stack()->count();
        // The colour button is reached from the keyboard (it takes Tab focus; Space presses it).
        f.dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(f.dialog));
        auto *colorButton = f.child<QPushButton>("sideColor");
        QVERIFY(colorButton->isEnabled());
        QVERIFY(colorButton->focusPolicy() & Qt::TabFocus);
        colorButton->setFocus(Qt::TabFocusReason);
        bool seen = false;
        whenDialog(
            QStringLiteral("sideColorDialog"),
            [](QDialog *dialog) {
                auto *colors = qobject_cast<QColorDialog *>(dialog);
                colors->setCurrentColor(QColor(0x1b, 0x78, 0x37));
                colors->accept();
            },
            &seen);
        QTest::keyClick(colorButton, Qt::Key_Space);
        QVERIFY(seen);
        QCOMPARE(f.dataset().sides.at(1).color, QStringLiteral("#1b7837"));
        QCOMPARE(f.stack()->count(), steps + 1);
        QCOMPARE(f.stack()->undoText(), QStringLiteral("Recolour Side"));
        // The list's swatch is the colour the views draw.
        const QColor drawn = SidePalette(f.dialog->palette(), &f.dataset()).color(1);
        QCOMPARE(sides->item(1)->icon().pixmap(14, 14).toImage().pixelColor(7, 7), drawn);
        f.stack()->undo();
        QCOMPARE(f.dataset().sides.at(1).color, QString());
        QCOMPARE(sides->item(1)->icon().pixmap(14, 14).toImage().pixelColor(7, 7),
                 SidePalette(f.dialog->palette()).color(1));
        f.stack()->redo();
        QCOMPARE(f.dataset().sides.at(1).color, QStringLiteral("#1b7837"));
        // Back to the lane's colour: one more step.
        f.click("sideColorReset");
        QCOMPARE(f.dataset().sides.at(1).color, QString());
        QCOMPARE(f.stack()->count(), steps + 2);
    }

    void badSideColourIsRefusedInTheReadersWords() {
        Fixture f;
        Side side = f.dataset().sides.at(0);
        side.color = QStringLiteral("green");
        QVERIFY(!f.document()->push(
            new EditSideCommand(f.document(), side.id, side, QStringLiteral("Recolour Side"))));
        QCOMPARE(f.document()->lastError(),
                 QStringLiteral(
                     "side \"north\", color: expected a colour \"#rrggbb\", found \"green\""));
        QCOMPARE(f.dataset().sides.at(0).color, QString());
    }
};

QTEST_MAIN(ActorSidesDialogTest)
#include "actorsidesdialogtest.moc"
