// ActorModel and ArticleModel following a Document's edits (issue 15): an event's edit is
// dataChanged for the actors and articles it concerns, with the roles that changed; actors,
// sides and articles added or removed are rows inserted or removed; never a reset, so a
// selection survives; after random edits, undos and redos both equal freshly built models.
#include "actormodel.h"
#include "articlemodel.h"
#include "document.h"
#include "editactorcommand.h"
#include "editarticlecommand.h"
#include "editparticipantscommand.h"
#include "editsidecommand.h"
#include "mergeactorscommand.h"
#include "testdataset.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace ntl;

namespace {

// Every role of every cell, as text: the first difference between two models, or "".
QString modelDifference(const QAbstractItemModel &edited, const QAbstractItemModel &fresh) {
    if (edited.rowCount() != fresh.rowCount())
        return QStringLiteral("rows: %1 vs %2").arg(edited.rowCount()).arg(fresh.rowCount());
    if (edited.columnCount() != fresh.columnCount())
        return QStringLiteral("columns differ");
    QList<int> roles = fresh.roleNames().keys();
    roles.append(Qt::TextAlignmentRole);
    for (int row = 0; row < fresh.rowCount(); ++row) {
        for (int column = 0; column < fresh.columnCount(); ++column) {
            for (const int role : std::as_const(roles)) {
                const QVariant a = edited.index(row, column).data(role);
                const QVariant b = fresh.index(row, column).data(role);
                if (a != b)
                    return QStringLiteral("row %1 column %2 role %3: %4 vs %5")
                        .arg(row)
                        .arg(column)
                        .arg(role)
                        .arg(a.toString(), b.toString());
            }
        }
    }
    return {};
}

// The rows (first and last) and roles of each dataChanged caught by `spy`.
struct Change {
    int first;
    int last;
    QList<int> roles;
};
QList<Change> changes(const QSignalSpy &spy) {
    QList<Change> result;
    for (const QList<QVariant> &signal : spy) {
        QList<int> roles = signal.at(2).value<QList<int>>();
        std::sort(roles.begin(), roles.end());
        result.append({signal.at(0).value<QModelIndex>().row(),
                       signal.at(1).value<QModelIndex>().row(), roles});
    }
    return result;
}

struct Fixture {
    Document document;
    ActorModel actors;
    ArticleModel articles;
    QAbstractItemModelTester actorsTester{&actors,
                                          QAbstractItemModelTester::FailureReportingMode::QtTest};
    QAbstractItemModelTester articlesTester{&articles,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest};

    Fixture() {
        document.load(loadFixture("valid/minimal.json"), QStringLiteral("minimal.json"));
        actors.setDocument(&document);
        articles.setDocument(&document);
    }

    QString difference() const {
        ActorModel freshActors;
        freshActors.setDataset(document.snapshot());
        const QString actorsDifference = modelDifference(actors, freshActors);
        if (!actorsDifference.isEmpty())
            return QStringLiteral("actors: ") + actorsDifference;
        ArticleModel freshArticles;
        freshArticles.setDataset(document.snapshot());
        const QString articlesDifference = modelDifference(articles, freshArticles);
        return articlesDifference.isEmpty() ? QString()
                                            : QStringLiteral("articles: ") + articlesDifference;
    }

    bool setParticipants(const QString &eventId, const QList<Participant> &participants) {
        return document.push(new EditParticipantsCommand(&document, eventId, participants, {}));
    }
};

const QString statement = QStringLiteral("ev-statement");

} // namespace

class PartModelEditTest : public QObject {
    Q_OBJECT

private slots:
    void participantEditIsDataChangedOfTheActorsConcernedOnly() {
        Fixture f;
        const int row = f.document.eventRow(statement);
        QList<Participant> participants = f.document.dataset().events.at(row).participants;
        QVERIFY(!participants.isEmpty());
        const QString dropped = participants.takeFirst().actorId;
        const QString added = QStringLiteral("south-state");
        for (const Participant &p : std::as_const(participants))
            QVERIFY(p.actorId != added && p.actorId != dropped); // each concerned once
        participants.append({added, ParticipantRole::Mentioned});
        const int addedRow = f.actors.indexOfActor(added).row();
        const int droppedRow = f.actors.indexOfActor(dropped).row();
        const int countBefore =
            f.actors.index(addedRow, 0).data(ActorModel::EventCountRole).toInt();

        QSignalSpy changed(&f.actors, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&f.actors, &QAbstractItemModel::modelReset);
        QSignalSpy articlesChanged(&f.articles, &QAbstractItemModel::dataChanged);
        QSignalSpy articlesReset(&f.articles, &QAbstractItemModel::modelReset);
        QVERIFY(f.setParticipants(statement, participants));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(articlesReset.count(), 0);
        QCOMPARE(articlesChanged.count(), 0); // no article's count moved
        QCOMPARE(f.actors.index(addedRow, 0).data(ActorModel::EventCountRole).toInt(),
                 countBefore + 1);
        QSet<int> rows;
        for (const Change &change : changes(changed)) {
            QCOMPARE(change.first, change.last);
            rows.insert(change.first);
            QVERIFY(change.roles.contains(ActorModel::EventCountRole));
            QVERIFY(change.roles.contains(Qt::DisplayRole));
            QVERIFY(!change.roles.contains(ActorModel::NameRole)); // only what changed
            QVERIFY(!change.roles.contains(ActorModel::SideIdRole));
        }
        QCOMPARE(rows, (QSet<int>{addedRow, droppedRow}));
        QCOMPARE(f.difference(), QString());

        f.document.undoStack()->undo();
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 4);
        QCOMPARE(f.difference(), QString());
    }

    void passageEditIsDataChangedOfItsArticle() {
        Fixture f;
        const Dataset &dataset = f.document.dataset();
        const int row = f.document.eventRow(statement);
        const SourcePassage passage = dataset.events.at(row).sources.first();
        const int articleRow = f.articles.indexOfArticle(passage.articleId).row();
        const int passagesBefore =
            f.articles.index(articleRow, 0).data(ArticleModel::PassageCountRole).toInt();
        QSignalSpy changed(&f.articles, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&f.articles, &QAbstractItemModel::modelReset);
        QSignalSpy actorsChanged(&f.actors, &QAbstractItemModel::dataChanged);
        QVERIFY(f.document.addPassage(statement, passage));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(actorsChanged.count(), 0);
        const QList<Change> caught = changes(changed);
        QCOMPARE(caught.size(), 1);
        QCOMPARE(caught.at(0).first, articleRow);
        QCOMPARE(caught.at(0).last, articleRow);
        // The same article again: one passage more, no event more.
        QCOMPARE(caught.at(0).roles,
                 (QList<int>{Qt::DisplayRole, int(ArticleModel::PassageCountRole)}));
        QCOMPARE(f.articles.index(articleRow, 0).data(ArticleModel::PassageCountRole).toInt(),
                 passagesBefore + 1);
        QCOMPARE(f.difference(), QString());
    }

    void actorsAddedAndRemovedAreRowsAndKeepTheSelection() {
        Fixture f;
        QItemSelectionModel selection(&f.actors);
        const QModelIndex league = f.actors.indexOfActor(QStringLiteral("league"));
        selection.select(league, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QSignalSpy reset(&f.actors, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&f.actors, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&f.actors, &QAbstractItemModel::rowsRemoved);
        Actor extra;
        extra.id = QStringLiteral("extra");
        extra.name = QStringLiteral("Extra");
        QVERIFY2(f.document.push(new EditActorCommand(&f.document, extra.id, extra, {})),
                 qPrintable(f.document.lastError()));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), f.actors.rowCount() - 1);
        QCOMPARE(f.difference(), QString());
        // An event edit, and a rename, keep the selected row selected.
        QVERIFY(f.document.setEventField(statement, EventField::DateStart, QDate(2030, 3, 1)));
        QVERIFY(f.document.push(new EditActorCommand(&f.document, QStringLiteral("league"),
                                                     [&] {
                                                         Actor renamed =
                                                             *f.document.dataset().actor(
                                                                 QStringLiteral("league"));
                                                         renamed.name = QStringLiteral("League");
                                                         return renamed;
                                                     }(),
                                                     {})));
        f.document.undoStack()->undo();
        f.document.undoStack()->undo();
        f.document.undoStack()->undo(); // the extra actor goes
        QCOMPARE(removed.count(), 1);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(selection.selectedRows(),
                 QModelIndexList{f.actors.indexOfActor(QStringLiteral("league"))});
        QCOMPARE(f.difference(), QString());
    }

    void randomEditsLeaveTheModelsAsFreshOnes() {
        Fixture f;
        QSignalSpy actorsReset(&f.actors, &QAbstractItemModel::modelReset);
        QSignalSpy articlesReset(&f.articles, &QAbstractItemModel::modelReset);
        QRandomGenerator random(1515);
        const auto original = f.document.snapshot();
        int added = 0;
        QHash<QString, int> done; // edits that went through, by kind
        for (int step = 0; step < 400; ++step) {
            const Dataset &dataset = f.document.dataset();
            const auto &events = dataset.events;
            const QString id =
                events.isEmpty() ? QString() : events.at(random.bounded(int(events.size()))).id;
            // Removals and merges may leave no actor, side or article: then an unknown id.
            const auto anyActor = [&] {
                return dataset.actors.isEmpty()
                           ? QStringLiteral("nobody")
                           : dataset.actors.at(random.bounded(int(dataset.actors.size()))).id;
            };
            bool ok = false;
            QString kind;
            const int choice = random.bounded(15); // undo and redo twice as likely
            switch (choice >= 13 ? choice - 13 : choice) {
            case 0:
                kind = QStringLiteral("undo");
                ok = f.document.undoStack()->canUndo();
                f.document.undoStack()->undo();
                break;
            case 1:
                kind = QStringLiteral("redo");
                ok = f.document.undoStack()->canRedo();
                f.document.undoStack()->redo();
                break;
            case 2: {
                kind = QStringLiteral("add event");
                Event event = original->events.at(random.bounded(int(original->events.size())));
                event.id = QStringLiteral("ev-added-%1").arg(++added);
                // Only what is still there (an actor or article may have gone since).
                event.participants.removeIf(
                    [&](const Participant &p) { return !dataset.actor(p.actorId); });
                event.sources.removeIf(
                    [&](const SourcePassage &s) { return !dataset.article(s.articleId); });
                event.disagreements.clear();
                ok = f.document.addEvent(event);
                break;
            }
            case 3:
                kind = QStringLiteral("remove event");
                ok = !id.isEmpty() && f.document.removeEvent(id);
                break;
            case 4: {
                kind = QStringLiteral("date");
                const QDate day = QDate(2030, 2, 20).addDays(random.bounded(30));
                ok = f.document.setEventField(
                    id, random.bounded(2) ? EventField::DateStart : EventField::DateEnd, day);
                break;
            }
            case 5: {
                kind = QStringLiteral("participants");
                if (id.isEmpty())
                    break;
                QList<Participant> participants = events.at(f.document.eventRow(id)).participants;
                if (!participants.isEmpty() && random.bounded(2))
                    participants.removeAt(random.bounded(int(participants.size())));
                else
                    participants.append({anyActor(), ParticipantRole(random.bounded(6))});
                ok = f.setParticipants(id, participants);
                break;
            }
            case 6: {
                kind = QStringLiteral("passages");
                if (id.isEmpty())
                    break;
                const QList<SourcePassage> &sources = events.at(f.document.eventRow(id)).sources;
                if (!sources.isEmpty() && random.bounded(2)) {
                    ok = f.document.removePassage(id, random.bounded(int(sources.size())));
                } else {
                    const Event &from =
                        original->events.at(random.bounded(int(original->events.size())));
                    if (!from.sources.isEmpty())
                        ok = f.document.addPassage(
                            id, from.sources.at(random.bounded(int(from.sources.size()))));
                }
                break;
            }
            case 7: {
                kind = QStringLiteral("add actor");
                Actor actor;
                actor.id = QStringLiteral("actor-%1").arg(++added);
                actor.name = actor.id;
                if (random.bounded(2) && !dataset.sides.isEmpty())
                    actor.sideId = dataset.sides.at(random.bounded(int(dataset.sides.size()))).id;
                else if (!dataset.actors.isEmpty())
                    actor.affiliationId = anyActor();
                ok = f.document.push(new EditActorCommand(&f.document, actor.id, actor, {}));
                break;
            }
            case 8: {
                kind = QStringLiteral("edit actor");
                if (dataset.actors.isEmpty())
                    break;
                Actor actor = *dataset.actor(anyActor());
                actor.name = QStringLiteral("Name %1").arg(random.bounded(5));
                if (random.bounded(2) && !dataset.sides.isEmpty()) {
                    actor.sideId = dataset.sides.at(random.bounded(int(dataset.sides.size()))).id;
                    actor.affiliationId.clear();
                }
                ok = f.document.push(new EditActorCommand(&f.document, actor.id, actor, {}));
                break;
            }
            case 9:
                kind = QStringLiteral("remove actor");
                ok = f.document.push(
                    new EditActorCommand(&f.document, anyActor(), std::nullopt, {}));
                break;
            case 10:
                kind = QStringLiteral("merge actors");
                ok = f.document.push(new MergeActorsCommand(&f.document, anyActor(), anyActor()));
                break;
            case 11: {
                kind = QStringLiteral("side");
                const int what = dataset.sides.isEmpty() ? 1 : random.bounded(3);
                Side side;
                if (what != 1)
                    side = dataset.sides.at(random.bounded(int(dataset.sides.size())));
                if (what == 0) {
                    side.name = QStringLiteral("Side %1").arg(random.bounded(5));
                } else if (what == 1) {
                    side.id = QStringLiteral("side-%1").arg(++added);
                    side.name = side.id;
                }
                ok = f.document.push(
                    new EditSideCommand(&f.document, side.id,
                                        what == 2 ? std::nullopt : std::optional<Side>(side), {}));
                break;
            }
            case 12: {
                kind = QStringLiteral("article");
                if (random.bounded(2)) {
                    Article article =
                        original->articles.at(random.bounded(int(original->articles.size())));
                    article.id = QStringLiteral("art-%1").arg(++added);
                    ok = f.document.push(
                        new EditArticleCommand(&f.document, article.id, article, {}));
                } else if (!dataset.articles.isEmpty()) {
                    const QString articleId =
                        dataset.articles.at(random.bounded(int(dataset.articles.size()))).id;
                    ok = f.document.push(
                        new EditArticleCommand(&f.document, articleId, std::nullopt, {}));
                }
                break;
            }
            }
            if (ok)
                ++done[kind];
            const QString difference = f.difference();
            QVERIFY2(
                difference.isEmpty(),
                qPrintable(QStringLiteral("step %1 (%2): %3").arg(step).arg(kind, difference)));
        }
        // Every kind of edit went through several times (some are refused: a cited actor).
        for (const char *kind :
             {"undo", "redo", "add event", "remove event", "date", "participants", "passages",
              "add actor", "edit actor", "remove actor", "merge actors", "side", "article"})
            QVERIFY2(done.value(QLatin1String(kind)) >= 3,
                     qPrintable(QStringLiteral("%1: %2")
                                    .arg(QLatin1String(kind))
                                    .arg(done.value(QLatin1String(kind)))));
        QCOMPARE(actorsReset.count(), 0);
        QCOMPARE(articlesReset.count(), 0);
    }
};

QTEST_GUILESS_MAIN(PartModelEditTest)
#include "partmodeledittest.moc"
