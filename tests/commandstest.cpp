// Each Document command: do, undo and redo on the minimal fixture; merging of typing;
// macros; refusals that change nothing.
#include "addeventcommand.h"
#include "datasetequality.h"
#include "document.h"
#include "editactorcommand.h"
#include "editarticlecommand.h"
#include "editdisagreementscommand.h"
#include "editeventfieldcommand.h"
#include "editparticipantscommand.h"
#include "editpassagescommand.h"
#include "editsidecommand.h"
#include "mergeactorscommand.h"
#include "removeeventcommand.h"
#include "testdataset.h"

#include <QTest>

using namespace ntl;

Q_DECLARE_METATYPE(ntl::EventField)

class CommandsTest : public QObject {
    Q_OBJECT

private:
    Document m_document;
    std::shared_ptr<const Dataset> m_original;

    const Event &eventAt(const char *id) {
        const int row = m_document.eventRow(QString::fromLatin1(id));
        if (row < 0)
            qFatal("no event %s", id);
        return m_document.dataset().events.at(row);
    }
    // Undo everything: the dataset is the fixture again, value for value.
    void checkUndoneToOriginal() {
        while (m_document.undoStack()->canUndo())
            m_document.undoStack()->undo();
        QCOMPARE(datasetequality::difference(m_document.dataset(), *m_original), QString());
    }
    // A refused command: false, a message naming `words`, and nothing changed.
    void checkRefused(DocumentCommand *command, const QString &words) {
        const auto before = m_document.snapshot();
        const int count = m_document.undoStack()->count();
        QVERIFY(!m_document.push(command));
        QVERIFY2(m_document.lastError().contains(words), qPrintable(m_document.lastError()));
        QCOMPARE(m_document.snapshot(), before);
        QCOMPARE(m_document.undoStack()->count(), count);
    }

private slots:
    void init() {
        m_original = loadFixture("valid/minimal.json");
        m_document.load(m_original, QStringLiteral("minimal.json"));
    }

    void editEventField_data() {
        QTest::addColumn<EventField>("field");
        QTest::addColumn<QVariant>("value");
        QTest::newRow("title") << EventField::Title << QVariant(QStringLiteral("New title"));
        QTest::newRow("summary") << EventField::Summary << QVariant(QStringLiteral("New summary"));
        QTest::newRow("kind") << EventField::Kind << QVariant(QStringLiteral("meeting"));
        QTest::newRow("status") << EventField::Status
                                << QVariant::fromValue(EventStatus::Cancelled);
        QTest::newRow("start") << EventField::DateStart << QVariant(QDate(2030, 3, 1));
        QTest::newRow("end") << EventField::DateEnd << QVariant(QDate(2030, 3, 9));
        QTest::newRow("precision")
            << EventField::DatePrecision << QVariant::fromValue(DatePrecision::Month);
        QTest::newRow("expression")
            << EventField::DateExpression << QVariant(QStringLiteral("early March"));
        QTest::newRow("basis") << EventField::DateBasis << QVariant::fromValue(DateBasis::External);
        QTest::newRow("anchor") << EventField::DateAnchor << QVariant(QStringLiteral("art-b"));
        QTest::newRow("date note") << EventField::DateNote << QVariant(QStringLiteral("checked"));
        QTest::newRow("place") << EventField::Place << QVariant(QStringLiteral("Geneva"));
        QTest::newRow("note") << EventField::Note << QVariant(QStringLiteral("A note"));
    }
    void editEventField() {
        QFETCH(EventField, field);
        QFETCH(QVariant, value);
        const QVariant old = eventFieldValue(eventAt("ev-talks"), field);
        QVERIFY(old != value);
        QVERIFY2(m_document.setEventField(QStringLiteral("ev-talks"), field, value),
                 qPrintable(m_document.lastError()));
        QCOMPARE(eventFieldValue(eventAt("ev-talks"), field), value);
        // Only that field of that event changed.
        Event expected = m_original->events.at(0);
        setEventFieldValue(expected, field, value);
        QCOMPARE(datasetequality::eventDifference(eventAt("ev-talks"), expected), QString());
        m_document.undoStack()->undo();
        QCOMPARE(eventFieldValue(eventAt("ev-talks"), field), old);
        QCOMPARE(datasetequality::difference(m_document.dataset(), *m_original), QString());
        m_document.undoStack()->redo();
        QCOMPARE(eventFieldValue(eventAt("ev-talks"), field), value);
        checkUndoneToOriginal();
    }

    void typingMergesIntoOneStep() {
        const QString id = QStringLiteral("ev-talks");
        for (const char *typed : {"T", "Ta", "Tal", "Talk"})
            QVERIFY(m_document.setEventField(id, EventField::Title, QString::fromLatin1(typed)));
        QCOMPARE(m_document.undoStack()->count(), 1);
        QCOMPARE(eventAt("ev-talks").title, QStringLiteral("Talk"));
        // Another field, or another event, is a step of its own.
        QVERIFY(m_document.setEventField(id, EventField::Place, QStringLiteral("Oslo")));
        QVERIFY(m_document.setEventField(QStringLiteral("ev-statement"), EventField::Place,
                                         QStringLiteral("Oslo")));
        QCOMPARE(m_document.undoStack()->count(), 3);
        m_document.undoStack()->undo();
        m_document.undoStack()->undo();
        m_document.undoStack()->undo();
        QCOMPARE(eventAt("ev-talks").title, m_original->events.at(0).title);
    }

    void typingBackToTheStartLeavesNoStep() {
        const QString id = QStringLiteral("ev-talks");
        QVERIFY(m_document.setEventField(id, EventField::Title, QStringLiteral("X")));
        QVERIFY(m_document.setEventField(id, EventField::Title, m_original->events.at(0).title));
        QCOMPARE(m_document.undoStack()->count(), 0);
        QVERIFY(!m_document.isModified());
    }

    void choicesDoNotMerge() {
        const QString id = QStringLiteral("ev-talks");
        QVERIFY(m_document.setEventField(id, EventField::Status,
                                         QVariant::fromValue(EventStatus::Planned)));
        QVERIFY(m_document.setEventField(id, EventField::Status,
                                         QVariant::fromValue(EventStatus::Reported)));
        QCOMPARE(m_document.undoStack()->count(), 2);
    }

    void addEvent() {
        Event added = m_original->events.at(2);
        added.id = QStringLiteral("ev-new");
        QVERIFY2(m_document.addEvent(added), qPrintable(m_document.lastError()));
        QCOMPARE(m_document.dataset().events.size(), 4);
        QCOMPARE(m_document.dataset().events.last().id, QStringLiteral("ev-new"));
        m_document.undoStack()->undo();
        QCOMPARE(m_document.eventRow(QStringLiteral("ev-new")), -1);
        m_document.undoStack()->redo();
        QCOMPARE(m_document.eventRow(QStringLiteral("ev-new")), 3);
        // At a given row.
        added.id = QStringLiteral("ev-first");
        QVERIFY(m_document.push(new AddEventCommand(&m_document, added, 0)));
        QCOMPARE(m_document.dataset().events.first().id, QStringLiteral("ev-first"));
        checkUndoneToOriginal();
    }

    void removeEventPutsItBackInItsRow() {
        QVERIFY(m_document.removeEvent(QStringLiteral("ev-statement")));
        QCOMPARE(m_document.dataset().events.size(), 2);
        QCOMPARE(m_document.eventRow(QStringLiteral("ev-statement")), -1);
        m_document.undoStack()->undo();
        QCOMPARE(m_document.eventRow(QStringLiteral("ev-statement")), 1);
        QCOMPARE(datasetequality::difference(m_document.dataset(), *m_original), QString());
        m_document.undoStack()->redo();
        QCOMPARE(m_document.eventRow(QStringLiteral("ev-second-round")), 1);
        checkUndoneToOriginal();
    }

    void eventLists() {
        const QString id = QStringLiteral("ev-talks");
        QList<Participant> participants = eventAt("ev-talks").participants;
        participants.append({QStringLiteral("north-envoy"), ParticipantRole::Speaker});
        QVERIFY(m_document.push(new EditParticipantsCommand(&m_document, id, participants,
                                                            QStringLiteral("Add Participant"))));
        QCOMPARE(eventAt("ev-talks").participants.size(), 4);
        QCOMPARE(eventAt("ev-talks").participants.last().actorId, QStringLiteral("north-envoy"));

        QList<SourcePassage> sources = eventAt("ev-talks").sources;
        sources.removeFirst();
        QVERIFY(m_document.push(
            new EditPassagesCommand(&m_document, id, sources, QStringLiteral("Remove Passage"))));
        QCOMPARE(eventAt("ev-talks").sources.size(), 1);
        QCOMPARE(eventAt("ev-talks").sources.first().articleId, QStringLiteral("art-b"));

        QList<Disagreement> disagreements;
        QVERIFY(m_document.push(new EditDisagreementsCommand(
            &m_document, id, disagreements, QStringLiteral("Remove Disagreement"))));
        QVERIFY(eventAt("ev-talks").disagreements.isEmpty());

        m_document.undoStack()->undo();
        QCOMPARE(eventAt("ev-talks").disagreements.size(), 1);
        m_document.undoStack()->undo();
        QCOMPARE(eventAt("ev-talks").sources.size(), 2);
        m_document.undoStack()->redo();
        m_document.undoStack()->redo();
        QVERIFY(eventAt("ev-talks").disagreements.isEmpty());
        checkUndoneToOriginal();
    }

    void addAndRemoveOneItem() {
        const QString id = QStringLiteral("ev-statement");
        const SourcePassage first = eventAt("ev-talks").sources.at(0);
        QVERIFY2(m_document.addPassage(id, first, 0), qPrintable(m_document.lastError()));
        QCOMPARE(eventAt("ev-statement").sources.size(), 3);
        QCOMPARE(eventAt("ev-statement").sources.at(0).exact, first.exact);
        QVERIFY(m_document.removePassage(id, 2));
        QCOMPARE(eventAt("ev-statement").sources.size(), 2);
        QCOMPARE(eventAt("ev-statement").sources.at(1).articleId, QStringLiteral("art-a"));
        QVERIFY(m_document.addParticipant(
            id, {QStringLiteral("south-state"), ParticipantRole::Target}));
        QCOMPARE(eventAt("ev-statement").participants.last().actorId, QStringLiteral("south-state"));
        QVERIFY(m_document.removeParticipant(id, 0));
        QCOMPARE(eventAt("ev-statement").participants.first().actorId, QStringLiteral("north-envoy"));
        QCOMPARE(m_document.undoStack()->undoText(), QStringLiteral("Remove Participant"));
        const int steps = m_document.undoStack()->count();
        QVERIFY(!m_document.removePassage(id, 7));
        QVERIFY(!m_document.addParticipant(id, {QStringLiteral("nobody"), ParticipantRole::Party}));
        QVERIFY(m_document.lastError().contains(QStringLiteral("unknown actor id \"nobody\"")));
        QCOMPARE(m_document.undoStack()->count(), steps);
        QCOMPARE(steps, 4);
        checkUndoneToOriginal();
    }

    void actorsSidesArticles() {
        Actor actor{QStringLiteral("mediator-2"),
                    QStringLiteral("Second Mediator"),
                    ActorKind::Person,
                    QStringLiteral("league"),
                    {},
                    {}};
        QVERIFY(m_document.push(
            new EditActorCommand(&m_document, actor.id, actor, QStringLiteral("Add Actor"))));
        QVERIFY(m_document.dataset().actor(actor.id));
        actor.name = QStringLiteral("Renamed");
        QVERIFY(m_document.push(
            new EditActorCommand(&m_document, actor.id, actor, QStringLiteral("Edit Actor"))));
        QCOMPARE(m_document.dataset().actor(actor.id)->name, QStringLiteral("Renamed"));
        QVERIFY(m_document.push(new EditActorCommand(&m_document, actor.id, std::nullopt,
                                                     QStringLiteral("Remove Actor"))));
        QVERIFY(!m_document.dataset().actor(actor.id));

        const Side side{QStringLiteral("east"), QStringLiteral("East")};
        QVERIFY(m_document.push(
            new EditSideCommand(&m_document, side.id, side, QStringLiteral("Add Side"))));
        QCOMPARE(m_document.dataset().sideIndex(side.id), 3);

        Article article = m_original->articles.at(1);
        article.title = QStringLiteral("Officials, retitled");
        QVERIFY(m_document.push(new EditArticleCommand(&m_document, article.id, article,
                                                       QStringLiteral("Edit Article"))));
        QCOMPARE(m_document.dataset().article(article.id)->title, article.title);
        article.id = QStringLiteral("art-c");
        QVERIFY(m_document.push(new EditArticleCommand(&m_document, article.id, article,
                                                       QStringLiteral("Add Article"))));
        QVERIFY(m_document.push(new EditArticleCommand(&m_document, article.id, std::nullopt,
                                                       QStringLiteral("Remove Article"))));
        QVERIFY(!m_document.dataset().article(article.id));
        m_document.undoStack()->undo();
        QVERIFY(m_document.dataset().article(article.id));
        checkUndoneToOriginal();
    }

    void mergeActorsRepointsEveryParticipation() {
        QVERIFY(m_document.push(new MergeActorsCommand(&m_document, QStringLiteral("north-envoy"),
                                                       QStringLiteral("north-state"))));
        QVERIFY(!m_document.dataset().actor(QStringLiteral("north-envoy")));
        for (const Event &e : m_document.dataset().events)
            for (const Participant &p : e.participants)
                QVERIFY(p.actorId != QLatin1String("north-envoy"));
        QCOMPARE(eventAt("ev-statement").participants.at(1).actorId, QStringLiteral("north-state"));
        // The merge of an actor that others are affiliated with re-points the affiliation.
        QVERIFY(m_document.push(new MergeActorsCommand(&m_document, QStringLiteral("north-state"),
                                                       QStringLiteral("south-state"))));
        // ev-talks had both as parties: one participation is left.
        QCOMPARE(eventAt("ev-talks").participants.size(), 2);
        m_document.undoStack()->undo();
        QCOMPARE(eventAt("ev-talks").participants.size(), 3);
        checkUndoneToOriginal();
    }

    void macroUndoesAsOne() {
        m_document.undoStack()->beginMacro(QStringLiteral("Retitle and move"));
        QVERIFY(m_document.setEventField(QStringLiteral("ev-talks"), EventField::Title,
                                         QStringLiteral("A")));
        QVERIFY(m_document.setEventField(QStringLiteral("ev-talks"), EventField::Place,
                                         QStringLiteral("B")));
        QVERIFY(m_document.removeEvent(QStringLiteral("ev-statement")));
        m_document.undoStack()->endMacro();
        QCOMPARE(m_document.undoStack()->count(), 1);
        m_document.undoStack()->undo();
        QCOMPARE(datasetequality::difference(m_document.dataset(), *m_original), QString());
        m_document.undoStack()->redo();
        QCOMPARE(eventAt("ev-talks").place, QStringLiteral("B"));
        QCOMPARE(m_document.eventRow(QStringLiteral("ev-statement")), -1);
    }

    void refusalsChangeNothing() {
        const QString id = QStringLiteral("ev-talks");
        // One edit first, so that "the stack is unchanged" is not merely "empty".
        QVERIFY(m_document.setEventField(id, EventField::Place, QStringLiteral("Oslo")));
        checkRefused(
            new EditEventFieldCommand(&m_document, id, EventField::DateEnd, QDate(2030, 1, 1)),
            QStringLiteral("expected an end on or after the start 2030-03-04, found 2030-01-01"));
        checkRefused(
            new EditEventFieldCommand(&m_document, id, EventField::DateStart, QDate(2031, 1, 1)),
            QStringLiteral("expected an end on or after the start"));
        checkRefused(new EditEventFieldCommand(&m_document, id, EventField::DateAnchor,
                                               QStringLiteral("art-x")),
                     QStringLiteral("unknown article id \"art-x\""));
        checkRefused(new EditEventFieldCommand(&m_document, id, EventField::Title, QString()),
                     QStringLiteral("expected a non-empty string"));
        checkRefused(new EditEventFieldCommand(&m_document, id, EventField::Status,
                                               QStringLiteral("planned")),
                     QStringLiteral("wrong type"));
        checkRefused(new EditEventFieldCommand(&m_document, QStringLiteral("ev-none"),
                                               EventField::Title, QStringLiteral("x")),
                     QStringLiteral("unknown event id \"ev-none\""));
        QList<Participant> participants = eventAt("ev-talks").participants;
        participants.append({QStringLiteral("nobody"), ParticipantRole::Party});
        checkRefused(new EditParticipantsCommand(&m_document, id, participants, {}),
                     QStringLiteral(
                         "event \"ev-talks\", participants/3/actor: unknown actor id \"nobody\""));
        QList<SourcePassage> sources = eventAt("ev-talks").sources;
        sources[0].articleId = QStringLiteral("art-x");
        checkRefused(new EditPassagesCommand(&m_document, id, sources, {}),
                     QStringLiteral("unknown article id \"art-x\""));
        sources = eventAt("ev-talks").sources;
        sources[0].end += 1; // no longer the passage's words
        checkRefused(new EditPassagesCommand(&m_document, id, sources, {}),
                     QStringLiteral("the passage does not occur in article \"art-a\""));
        checkRefused(
            new EditEventFieldCommand(&m_document, id, EventField::DateEnd, QDate()),
            QStringLiteral("event \"ev-talks\", date/end: expected a calendar date YYYY-MM-DD"));
        checkRefused(
            new EditEventFieldCommand(&m_document, id, EventField::DateStart, QDate(-5, 1, 1)),
            QStringLiteral("date/start: expected a calendar date YYYY-MM-DD"));
        checkRefused(
            new EditEventFieldCommand(&m_document, id, EventField::Title, QString(1001, u'x')),
            QStringLiteral(
                "event \"ev-talks\", title: expected at most 1000 characters, found 1001"));
        QList<Disagreement> disagreements = eventAt("ev-talks").disagreements;
        disagreements[0].claims[1].exact = QStringLiteral("took place on Friday");
        checkRefused(new EditDisagreementsCommand(&m_document, id, disagreements, {}),
                     QStringLiteral("the quoted words do not occur in article \"art-b\""));
        Event duplicate = eventAt("ev-statement");
        checkRefused(new AddEventCommand(&m_document, duplicate),
                     QStringLiteral("duplicate event id \"ev-statement\""));
        duplicate.id.clear();
        checkRefused(new AddEventCommand(&m_document, duplicate), QStringLiteral("needs an id"));
        checkRefused(new EditActorCommand(&m_document, QStringLiteral("league"), std::nullopt, {}),
                     QStringLiteral("actor \"league\" cannot be removed: 2 event(s) name it"));
        checkRefused(
            new EditActorCommand(&m_document, QStringLiteral("north-state"), std::nullopt, {}),
            QStringLiteral("affiliated with it"));
        Actor actor = *m_document.dataset().actor(QStringLiteral("league"));
        actor.sideId = QStringLiteral("west");
        checkRefused(new EditActorCommand(&m_document, actor.id, actor, {}),
                     QStringLiteral("unknown side id \"west\""));
        actor.sideId.clear();
        actor.name = QString(1001, u'n');
        checkRefused(new EditActorCommand(&m_document, actor.id, actor, {}),
                     QStringLiteral("actor \"league\", name: expected at most 1000 characters"));
        checkRefused(new EditSideCommand(&m_document, QStringLiteral("north"), std::nullopt, {}),
                     QStringLiteral("actor \"north-state\" stands on it"));
        checkRefused(new EditArticleCommand(&m_document, QStringLiteral("art-b"), std::nullopt, {}),
                     QStringLiteral("cannot be removed: 2 event(s) cite it"));
        Article article = *m_document.dataset().article(QStringLiteral("art-b"));
        article.text.prepend(u'X'); // every passage into it would move
        checkRefused(new EditArticleCommand(&m_document, article.id, article, {}),
                     QStringLiteral("the passage does not occur in article \"art-b\""));
        checkRefused(new MergeActorsCommand(&m_document, QStringLiteral("north-state"),
                                            QStringLiteral("north-envoy")),
                     QStringLiteral("affiliated with it"));
    }
};

QTEST_GUILESS_MAIN(CommandsTest)
#include "commandstest.moc"
