// The event editor (issue 16, item 5), driven through its real widgets on minimal.json: each
// edit is a Document command (typing merges into one undo step), a refused value is marked at
// its field with the reader's message and changes nothing, and the editor follows undo and
// edits made elsewhere.
#include "eventeditor.h"
#include "commands/editeventfieldcommand.h"
#include "document.h"
#include "editcheck.h"
#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "fieldmessage.h"
#include "session.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace ntl;

namespace {

struct Fixture {
    Session session;
    EventEditor *editor = nullptr;

    explicit Fixture(const QString &eventId) {
        if (!session.open(QStringLiteral(NTL_TEST_DATA_DIR "/valid/minimal.json")))
            qFatal("minimal.json does not open");
        editor = new EventEditor(&session);
        editor->resize(420, 900);
        editor->show();
        select(eventId);
    }
    ~Fixture() { delete editor; }

    void select(const QString &eventId) {
        const QModelIndex index = session.filterModel()->indexOfEvent(eventId);
        session.selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                             QItemSelectionModel::Rows);
    }
    Document *document() const { return session.document(); }
    const Event &event(const QString &id) const {
        return document()->dataset().events.at(document()->eventRow(id));
    }
    template <typename T> T *child(const char *name) const {
        T *widget = editor->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }
    void click(const char *button) const {
        QTest::mouseClick(child<QPushButton>(button), Qt::LeftButton);
    }
};

const QString talks = QStringLiteral("ev-talks");
const QString secondRound = QStringLiteral("ev-second-round");

} // namespace

class EventEditorTest : public QObject {
    Q_OBJECT

private slots:
    // Hidden (its dock closed), the editor leaves its fields until it is shown again; shown,
    // they are the current event's as it is now, after the selections and edits meanwhile.
    void filledWhenShownAgain() {
        Fixture f(talks);
        f.editor->hide();
        QSignalSpy titleChanges(f.child<QLineEdit>("title"), &QLineEdit::textChanged);
        f.select(secondRound);
        QVERIFY(f.document()->setEventField(secondRound, EventField::Title,
                                            QStringLiteral("Renamed while hidden")));
        QCOMPARE(titleChanges.count(), 0); // nothing filled while hidden
        QCOMPARE(f.editor->eventId(), secondRound);
        f.editor->show();
        QCOMPARE(f.child<QLineEdit>("title")->text(), QStringLiteral("Renamed while hidden"));
        QCOMPARE(f.child<QDateEdit>("start")->date(), f.event(secondRound).date.start);
        // Shown, it follows at once again.
        QVERIFY(f.document()->setEventField(secondRound, EventField::Title,
                                            QStringLiteral("Renamed while shown")));
        QCOMPARE(f.child<QLineEdit>("title")->text(), QStringLiteral("Renamed while shown"));
    }

    void showsTheCurrentEvent() {
        Fixture f(talks);
        QCOMPARE(f.editor->eventId(), talks);
        QCOMPARE(f.child<QLineEdit>("title")->text(), f.event(talks).title);
        QCOMPARE(f.child<QDateEdit>("start")->date(), f.event(talks).date.start);
        QCOMPARE(f.child<QTreeWidget>("participants")->topLevelItemCount(), 3);
        QCOMPARE(f.child<QListWidget>("passages")->count(), 2);
        f.session.selectionModel()->clearCurrentIndex();
        QCOMPARE(f.editor->eventId(), QString());
    }

    void typingTheTitleIsUndoneInOneStep() {
        Fixture f(talks);
        const QString before = f.event(talks).title;
        QUndoStack *stack = f.document()->undoStack();
        const int steps = stack->count();
        QLineEdit *title = f.child<QLineEdit>("title");
        title->setFocus();
        title->selectAll();
        QTest::keyClicks(title, QStringLiteral("Talks at the lake"));
        QCOMPARE(f.event(talks).title, QStringLiteral("Talks at the lake"));
        QCOMPARE(stack->count(), steps + 1); // 17 keystrokes, one step
        stack->undo();
        QCOMPARE(f.event(talks).title, before);
        QCOMPARE(title->text(), before);
    }

    void anEndBeforeTheStartIsMarkedAndChangesNothing() {
        Fixture f(talks);
        const EventDate before = f.event(talks).date;
        const int steps = f.document()->undoStack()->count();
        QDateEdit *end = f.child<QDateEdit>("end");
        end->setFocus();
        end->setDate(before.start.addDays(-3));
        QTest::keyClick(end, Qt::Key_Return);
        EventDate wanted = before;
        wanted.end = before.start.addDays(-3);
        const QString message = EditCheck::eventDate(talks, wanted);
        QVERIFY(message.contains(QStringLiteral("expected an end on or after the start")));
        QCOMPARE(f.editor->messageAt(end), message);
        QCOMPARE(end->toolTip(), message);
        QVERIFY(!end->styleSheet().isEmpty()); // the red frame
        auto *line = f.editor->findChild<FieldMessage *>(QStringLiteral("endMessage"));
        QVERIFY(line && line->isVisible() && line->text().contains(message));
        QCOMPARE(f.event(talks).date.end, before.end);
        QCOMPARE(f.document()->undoStack()->count(), steps);
        // A valid end clears the mark.
        end->setDate(before.start.addDays(1));
        QTest::keyClick(end, Qt::Key_Return);
        QCOMPARE(f.event(talks).date.end, before.start.addDays(1));
        QCOMPARE(f.editor->messageAt(end), QString());
        QVERIFY(!line->isVisible());
    }

    void aBlankTitleIsRefusedAtTheField() {
        Fixture f(talks);
        const QString before = f.event(talks).title;
        QLineEdit *title = f.child<QLineEdit>("title");
        title->setFocus();
        title->selectAll();
        QTest::keyClick(title, Qt::Key_Backspace);
        QCOMPARE(f.event(talks).title, before);
        QVERIFY(f.editor->messageAt(title).contains(QStringLiteral("expected a non-empty string")));
    }

    void statusAndKindThroughTheirCombos() {
        Fixture f(talks);
        auto *status = f.child<QComboBox>("status");
        status->setFocus();
        QTest::keyClick(status, Qt::Key_Down); // Occurred → Planned, as a user steps through it
        QCOMPARE(f.event(talks).status, EventStatus::Planned);
        QLineEdit *kind = f.child<QComboBox>("kind")->lineEdit();
        kind->setFocus();
        kind->selectAll();
        QTest::keyClicks(kind, QStringLiteral("ceasefire"));
        QCOMPARE(f.event(talks).kind, QStringLiteral("ceasefire"));
    }

    void aParticipantIsAddedThroughThePicker() {
        Fixture f(secondRound);
        QLineEdit *search = f.child<QLineEdit>("actorSearch");
        // The role first, then the actor: Return on the picked name adds it.
        auto *role = f.child<QComboBox>("role");
        role->setCurrentIndex(role->findText(QStringLiteral("Mediator")));
        f.editor->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(f.editor));
        search->setFocus();
        QTest::keyClicks(search, QStringLiteral("envo"));
        QAbstractItemView *popup = search->completer()->popup();
        QTRY_VERIFY(popup->isVisible());
        QCOMPARE(popup->model()->rowCount(), 1);
        QTest::keyClick(popup, Qt::Key_Down);
        QTest::keyClick(popup, Qt::Key_Return);
        const QList<Participant> participants = f.event(secondRound).participants;
        QCOMPARE(participants.size(), 3);
        QCOMPARE(participants.last().actorId, QStringLiteral("north-envoy"));
        QCOMPARE(participants.last().role, ParticipantRole::Mediator);
        QCOMPARE(f.child<QTreeWidget>("participants")->topLevelItemCount(), 3);
        QTRY_VERIFY(search->text().isEmpty());
        // The Add button, with a name typed whole.
        role->setCurrentIndex(role->findText(QStringLiteral("Host")));
        QTest::keyClicks(search, QStringLiteral("the league"));
        f.click("addParticipant");
        QCOMPARE(f.event(secondRound).participants.size(), 4);
        QCOMPARE(f.event(secondRound).participants.last().actorId, QStringLiteral("league"));
        QCOMPARE(f.event(secondRound).participants.last().role, ParticipantRole::Host);
        QTRY_VERIFY(search->text().isEmpty());
        // No such actor: said at the search field.
        QTest::keyClicks(search, QStringLiteral("Nobody"));
        f.click("addParticipant");
        QCOMPARE(f.event(secondRound).participants.size(), 4);
        QVERIFY(f.editor->messageAt(search).contains(QStringLiteral("Nobody")));
    }

    void passagesMoveAndGo() {
        Fixture f(talks);
        const QList<SourcePassage> before = f.event(talks).sources;
        QListWidget *passages = f.child<QListWidget>("passages");
        passages->setCurrentRow(0);
        f.click("passageDown");
        QCOMPARE(f.event(talks).sources.at(0).exact, before.at(1).exact);
        QCOMPARE(f.event(talks).sources.at(1).exact, before.at(0).exact);
        QCOMPARE(passages->currentRow(), 1); // the moved passage stays selected
        f.document()->undoStack()->undo();
        QCOMPARE(f.event(talks).sources.at(0).exact, before.at(0).exact);
        passages->setCurrentRow(0);
        QSignalSpy shown(f.editor, &EventEditor::passageActivated);
        f.click("showPassage");
        QCOMPARE(shown.size(), 1);
        QCOMPARE(shown.at(0).at(1).toInt(), 0);
        f.click("removePassage");
        QCOMPARE(f.event(talks).sources.size(), 1);
        QCOMPARE(f.event(talks).sources.at(0).exact, before.at(1).exact);
        QCOMPARE(passages->count(), 1);
    }

    void aDisagreementWithClaims() {
        Fixture f(secondRound);
        auto *article = f.child<QComboBox>("claimArticle");
        article->setCurrentIndex(article->findData(QStringLiteral("art-a")));
        f.child<QLineEdit>("topic")->setText(QStringLiteral("When the second round is"));
        QLineEdit *words = f.child<QLineEdit>("claimWords");
        words->setText(QStringLiteral("words no article has"));
        f.child<QLineEdit>("claimSays")->setText(QStringLiteral("next week"));
        f.click("addDisagreement");
        QVERIFY(f.event(secondRound).disagreements.isEmpty());
        QVERIFY(f.editor->messageAt(words).contains(QStringLiteral("do not occur")));
        words->setText(QStringLiteral("A second round is planned for next week"));
        f.click("addDisagreement");
        QCOMPARE(f.event(secondRound).disagreements.size(), 1);
        QCOMPARE(f.event(secondRound).disagreements.at(0).topic,
                 QStringLiteral("When the second round is"));
        QCOMPARE(f.event(secondRound).disagreements.at(0).claims.at(0).says,
                 QStringLiteral("next week"));
        QCOMPARE(f.editor->messageAt(words), QString());
        // A second claim to the selected disagreement.
        article->setCurrentIndex(article->findData(QStringLiteral("art-b")));
        words->setText(QStringLiteral("took place on Tuesday"));
        f.child<QLineEdit>("claimSays")->setText(QStringLiteral("already held"));
        f.click("addClaim");
        QCOMPARE(f.event(secondRound).disagreements.at(0).claims.size(), 2);
        QCOMPARE(f.event(secondRound).disagreements.at(0).claims.at(1).articleId,
                 QStringLiteral("art-b"));
        // Topic renamed, then the claim removed, each one step.
        auto *tree = f.child<QTreeWidget>("disagreements");
        tree->setCurrentItem(tree->topLevelItem(0));
        f.child<QLineEdit>("topic")->setText(QStringLiteral("Timing"));
        f.click("applyDisagreement");
        QCOMPARE(f.event(secondRound).disagreements.at(0).topic, QStringLiteral("Timing"));
        // A blank topic, which the file cannot hold, is refused with the reader's words.
        f.child<QLineEdit>("topic")->clear();
        f.click("applyDisagreement");
        QCOMPARE(f.event(secondRound).disagreements.at(0).topic, QStringLiteral("Timing"));
        QVERIFY2(f.editor->messageAt(f.child<QLineEdit>("topic"))
                     .contains(QStringLiteral("expected a non-empty string")),
                 qPrintable(f.editor->messageAt(f.child<QLineEdit>("topic"))));
        tree->setCurrentItem(tree->topLevelItem(0)->child(1));
        f.click("removeDisagreement");
        QCOMPARE(f.event(secondRound).disagreements.at(0).claims.size(), 1);
        f.document()->undoStack()->undo();
        QCOMPARE(f.event(secondRound).disagreements.at(0).claims.size(), 2);
    }

    void followsUndoAndEditsMadeElsewhere() {
        Fixture f(talks);
        const QString before = f.event(talks).title;
        QLineEdit *title = f.child<QLineEdit>("title");
        QVERIFY(f.document()->setEventField(talks, EventField::Title, QStringLiteral("Elsewhere")));
        QCOMPARE(title->text(), QStringLiteral("Elsewhere"));
        f.document()->undoStack()->undo();
        QCOMPARE(title->text(), before);
        // Someone types in the title; an edit of another field elsewhere, and its undo, leave
        // their cursor where it is.
        title->setFocus();
        title->setCursorPosition(3);
        QVERIFY(f.document()->setEventField(talks, EventField::Place, QStringLiteral("Hilltop")));
        QCOMPARE(f.child<QLineEdit>("place")->text(), QStringLiteral("Hilltop"));
        f.document()->undoStack()->undo();
        QCOMPARE(f.child<QLineEdit>("place")->text(), f.event(talks).place);
        QCOMPARE(title->cursorPosition(), 3);
        // A change of the title itself keeps the cursor too.
        QVERIFY(
            f.document()->setEventField(talks, EventField::Title, before + QStringLiteral("!")));
        QCOMPARE(title->cursorPosition(), 3);
    }

    void theEventRemovedElsewhereIsNoLongerEdited() {
        Fixture f(secondRound);
        QVERIFY(f.document()->removeEvent(secondRound));
        // It edits what is current now, never the removed event.
        QVERIFY(f.editor->eventId() != secondRound);
        QCOMPARE(
            f.editor->eventId(),
            f.session.selectionModel()->currentIndex().data(EventModel::EventIdRole).toString());
        f.session.selectionModel()->clearCurrentIndex();
        QCOMPARE(f.editor->eventId(), QString());
        QVERIFY(f.editor->findChild<QLineEdit *>(QStringLiteral("title"))->isHidden() ||
                !f.editor->findChild<QLineEdit *>(QStringLiteral("title"))->isVisible());
    }
};

QTEST_MAIN(EventEditorTest)
#include "eventeditortest.moc"
