// EventModel following a Document's edits (issue 15): dataChanged for the edited row and the
// roles that changed, rows inserted and removed where they are, never a reset; the filter's
// order, verdicts and facet counts follow; after many random edits the models equal fresh ones.
#include "document.h"
#include "editactorcommand.h"
#include "editparticipantscommand.h"
#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "testdataset.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace ntl;

namespace {

const QString talks = QStringLiteral("ev-talks");
const QString statement = QStringLiteral("ev-statement");
const QString secondRound = QStringLiteral("ev-second-round");

// Every role of every cell, and the per-row facts the filter reads, as text: the first
// difference between two models, or "" when they agree.
QString modelDifference(const EventModel &edited, const EventModel &fresh) {
    if (edited.rowCount() != fresh.rowCount())
        return QStringLiteral("rows: %1 vs %2").arg(edited.rowCount()).arg(fresh.rowCount());
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
        if (edited.dateRank(row) != fresh.dateRank(row) ||
            edited.startDay(row) != fresh.startDay(row) ||
            edited.endDay(row) != fresh.endDay(row) || edited.status(row) != fresh.status(row))
            return QStringLiteral("row %1: facts differ").arg(row);
        const QString id = fresh.index(row, 0).data(EventModel::EventIdRole).toString();
        if (edited.indexOfEvent(id).row() != row)
            return QStringLiteral("indexOfEvent(%1) is not row %2").arg(id).arg(row);
    }
    return {};
}

QStringList shownIds(const QAbstractItemModel &model) {
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(EventModel::EventIdRole).toString());
    return ids;
}

// The rows shown, in order, and every facet count of every value either dataset may have.
QString filterDifference(const EventFilterModel &edited, const EventFilterModel &fresh,
                         const Dataset &dataset) {
    if (shownIds(edited) != shownIds(fresh))
        return QStringLiteral("shown: %1 vs %2")
            .arg(shownIds(edited).join(u','), shownIds(fresh).join(u','));
    QList<QPair<FacetCounts::Facet, QString>> keys;
    for (const Side &side : dataset.sides)
        keys.append({FacetCounts::Side, side.id});
    for (const Actor &actor : dataset.actors)
        keys.append({FacetCounts::Actor, actor.id});
    keys.append({FacetCounts::Actor, QStringLiteral("nobody")});
    for (const Article &article : dataset.articles)
        keys.append({FacetCounts::Article, article.id});
    for (const Event &event : dataset.events)
        keys.append({FacetCounts::Kind, event.kind});
    for (int status = 0; status < 4; ++status)
        keys.append({FacetCounts::Status, QString::number(status)});
    for (const auto &[facet, key] : std::as_const(keys)) {
        if (edited.facetCount(facet, key) != fresh.facetCount(facet, key))
            return QStringLiteral("facet %1 %2: %3 vs %4")
                .arg(int(facet))
                .arg(key)
                .arg(edited.facetCount(facet, key))
                .arg(fresh.facetCount(facet, key));
    }
    return {};
}

void copyFilters(const EventFilterModel &from, EventFilterModel &to) {
    to.setActorIds(from.actorIds());
    to.setSideIds(from.sideIds());
    to.setKinds(from.kinds());
    to.setStatuses(from.statuses());
    to.setArticleIds(from.articleIds());
    to.setDateRange(from.fromDate(), from.toDate());
    to.setSearchText(from.searchText());
}

// The models on the document, each under QAbstractItemModelTester.
struct Fixture {
    Document document;
    EventModel model;
    EventFilterModel filter;
    QAbstractItemModelTester modelTester{&model,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest};
    QAbstractItemModelTester filterTester{&filter,
                                          QAbstractItemModelTester::FailureReportingMode::QtTest};

    Fixture() {
        document.load(loadFixture("valid/minimal.json"), QStringLiteral("minimal.json"));
        model.setDocument(&document);
        filter.setSourceModel(&model);
    }

    // Compares with models built afresh on the current snapshot.
    QString difference() const {
        EventModel freshModel;
        freshModel.setDataset(document.snapshot());
        QString difference = modelDifference(model, freshModel);
        if (!difference.isEmpty())
            return difference;
        EventFilterModel freshFilter;
        freshFilter.setSourceModel(&freshModel);
        copyFilters(filter, freshFilter);
        return filterDifference(filter, freshFilter, document.dataset());
    }
};

} // namespace

class EventModelEditTest : public QObject {
    Q_OBJECT

private slots:
    void titleEditIsDataChangedOfThatRow() {
        Fixture f;
        f.filter.setSearchText(QStringLiteral("renamed"));
        (void)f.filter.facetCount(FacetCounts::Side, QStringLiteral("north")); // verdicts made
        QCOMPARE(f.filter.rowCount(), 0);
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&f.model, &QAbstractItemModel::modelReset);
        QSignalSpy filterReset(&f.filter, &QAbstractItemModel::modelReset);
        QVERIFY(f.document.setEventField(statement, EventField::Title,
                                         QStringLiteral("Statement renamed")));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(filterReset.count(), 0);
        QCOMPARE(changed.count(), 1);
        const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
        const auto bottomRight = changed.at(0).at(1).value<QModelIndex>();
        QCOMPARE(topLeft.row(), 1);
        QCOMPARE(bottomRight.row(), 1);
        QCOMPARE(topLeft.column(), 0);
        QCOMPARE(bottomRight.column(), EventModel::ColumnCount - 1);
        QList<int> roles = changed.at(0).at(2).value<QList<int>>();
        std::sort(roles.begin(), roles.end());
        QList<int> expected{Qt::DisplayRole, EventModel::TitleRole, EventModel::SearchTextRole};
        std::sort(expected.begin(), expected.end());
        QCOMPARE(roles, expected);
        QCOMPARE(f.model.index(1, 0).data(EventModel::TitleRole).toString(),
                 QStringLiteral("Statement renamed"));
        // The search finds the new title.
        QCOMPARE(shownIds(f.filter), QStringList{statement});
        QCOMPARE(f.difference(), QString());
        f.document.undoStack()->undo();
        QCOMPARE(f.filter.rowCount(), 0);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(f.difference(), QString());
    }

    void dateEditMovesTheRowInDateOrder() {
        Fixture f;
        f.filter.setDateRange(QDate(2030, 3, 10), QDate());
        QCOMPARE(shownIds(f.filter), QStringList{secondRound});
        QCOMPARE(f.filter.facetCount(FacetCounts::Side, QStringLiteral("north")),
                 f.document.dataset().events.at(2).participants.isEmpty() ? 0 : 1);
        f.filter.setDateRange({}, {});
        QCOMPARE(shownIds(f.filter), (QStringList{talks, statement, secondRound}));
        (void)f.filter.facetCount(FacetCounts::Side, QStringLiteral("north"));
        QSignalSpy reset(&f.model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        QVERIFY(f.document.setEventField(talks, EventField::DateEnd, QDate(2030, 3, 20)));
        QVERIFY(f.document.setEventField(talks, EventField::DateStart, QDate(2030, 3, 20)));
        QCOMPARE(changed.count(), 2);
        const QList<int> roles = changed.at(1).at(2).value<QList<int>>();
        for (const int role : {int(EventModel::StartDateRole), int(EventModel::EndDateRole),
                               int(EventModel::PrecisionRole), int(EventModel::DateTextRole)})
            QVERIFY(roles.contains(role));
        QCOMPARE(shownIds(f.filter), (QStringList{statement, secondRound, talks}));
        QCOMPARE(f.model.dateRank(0), 2);
        QCOMPARE(f.difference(), QString());
        // The date range now lets the moved event in, and its sides count.
        f.filter.setDateRange(QDate(2030, 3, 10), QDate());
        QCOMPARE(shownIds(f.filter), (QStringList{secondRound, talks}));
        QCOMPARE(f.difference(), QString());
        f.document.undoStack()->undo(); // start back to the 4th: first again, still in range
        QCOMPARE(shownIds(f.filter), (QStringList{talks, secondRound}));
        f.document.undoStack()->undo();
        QCOMPARE(shownIds(f.filter), QStringList{secondRound});
        QCOMPARE(f.difference(), QString());
        QCOMPARE(reset.count(), 0);
    }

    void addAndRemoveAreRowsInsertedAndRemoved() {
        Fixture f;
        f.filter.setSideIds({QStringLiteral("north")});
        (void)f.filter.facetCount(FacetCounts::Side, QStringLiteral("north"));
        QSignalSpy reset(&f.model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&f.model, &QAbstractItemModel::rowsRemoved);
        Event added = f.document.dataset().events.at(0);
        added.id = QStringLiteral("ev-added");
        added.date.start = added.date.end = QDate(2030, 3, 1);
        QVERIFY(f.document.addEvent(added));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 3);
        QCOMPARE(inserted.at(0).at(2).toInt(), 3);
        QCOMPARE(f.model.rowCount(), 4);
        QCOMPARE(shownIds(f.filter).first(), QStringLiteral("ev-added")); // earliest date
        QCOMPARE(f.difference(), QString());
        f.document.undoStack()->undo();
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 3);
        QCOMPARE(f.difference(), QString());
        f.document.undoStack()->redo();
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(f.difference(), QString());

        QVERIFY(f.document.removeEvent(statement));
        QCOMPARE(removed.count(), 2);
        QCOMPARE(removed.at(1).at(1).toInt(), 1);
        QCOMPARE(removed.at(1).at(2).toInt(), 1);
        QVERIFY(!f.model.indexOfEvent(statement).isValid());
        QCOMPARE(f.difference(), QString());
        f.document.undoStack()->undo();
        QCOMPARE(inserted.count(), 3);
        QCOMPARE(inserted.at(2).at(1).toInt(), 1);
        QCOMPARE(f.model.indexOfEvent(statement).row(), 1);
        QCOMPARE(f.difference(), QString());
        f.document.undoStack()->redo();
        QCOMPARE(removed.count(), 3);
        QCOMPARE(f.difference(), QString());
        QCOMPARE(reset.count(), 0);
    }

    void selectionSurvivesAnEditOfAnotherRow() {
        Fixture f;
        QItemSelectionModel selection(&f.filter);
        const QModelIndex selected = f.filter.indexOfEvent(secondRound);
        selection.setCurrentIndex(selected,
                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        const auto selectedId = [&] {
            const QModelIndexList rows = selection.selectedRows();
            return rows.size() == 1 ? rows.first().data(EventModel::EventIdRole).toString()
                                    : QString();
        };
        QCOMPARE(selectedId(), secondRound);
        QVERIFY(f.document.setEventField(talks, EventField::Title, QStringLiteral("Other")));
        QCOMPARE(selectedId(), secondRound);
        // A date edit moving another row past it, an addition and a removal before it.
        QVERIFY(f.document.setEventField(talks, EventField::DateEnd, QDate(2030, 3, 20)));
        QVERIFY(f.document.setEventField(talks, EventField::DateStart, QDate(2030, 3, 20)));
        Event added = f.document.dataset().events.at(0);
        added.id = QStringLiteral("ev-added");
        QVERIFY(f.document.addEvent(added));
        QVERIFY(f.document.removeEvent(statement));
        f.document.undoStack()->undo();
        QCOMPARE(selectedId(), secondRound);
        QCOMPARE(selection.currentIndex().data(EventModel::EventIdRole).toString(), secondRound);
    }

    void anActorsNewSideChangesTheRowsSides() {
        Fixture f;
        f.filter.setSideIds({QStringLiteral("south")});
        const QStringList before = shownIds(f.filter);
        QVERIFY(!before.isEmpty());
        QSignalSpy reset(&f.model, &QAbstractItemModel::modelReset);
        Actor south = *f.document.dataset().actor(QStringLiteral("south-state"));
        south.sideId = QStringLiteral("north");
        QVERIFY(f.document.push(
            new EditActorCommand(&f.document, south.id, south, QStringLiteral("Edit Actor"))));
        QCOMPARE(f.difference(), QString());
        QVERIFY(shownIds(f.filter) != before);
        f.document.undoStack()->undo();
        QCOMPARE(shownIds(f.filter), before);
        QCOMPARE(f.difference(), QString());
        QCOMPARE(reset.count(), 0);
    }

    void randomEditsLeaveTheModelsAsFreshOnes() {
        Fixture f;
        // A second filter without a search, so both kinds of verdict are exercised.
        EventFilterModel sides;
        QAbstractItemModelTester sidesTester(
            &sides, QAbstractItemModelTester::FailureReportingMode::QtTest);
        sides.setSourceModel(&f.model);
        sides.setSideIds({QStringLiteral("north"), QStringLiteral("league")});
        sides.setStatuses({int(EventStatus::Occurred), int(EventStatus::Planned)});
        f.filter.setSearchText(QStringLiteral("t1 ")); // titles "T1" below
        QItemSelectionModel selection(&f.filter);
        QSignalSpy reset(&f.model, &QAbstractItemModel::modelReset);
        QRandomGenerator random(15);
        const auto original = f.document.snapshot();
        const QStringList actors{QStringLiteral("north-state"), QStringLiteral("north-envoy"),
                                 QStringLiteral("south-state"), QStringLiteral("league"),
                                 QStringLiteral("nobody")};
        int added = 0;
        int inserts = 0;
        int removals = 0;
        for (int step = 0; step < 300; ++step) {
            const auto &events = f.document.dataset().events;
            const QString id =
                events.isEmpty() ? QString() : events.at(random.bounded(int(events.size()))).id;
            switch (random.bounded(10)) {
            case 0:
                f.document.undoStack()->undo();
                break;
            case 1:
                f.document.undoStack()->redo();
                break;
            case 2: {
                Event event = original->events.at(random.bounded(3));
                event.id = QStringLiteral("ev-added-%1").arg(++added);
                QVERIFY(f.document.addEvent(event));
                ++inserts;
                break;
            }
            case 3:
                if (!id.isEmpty()) {
                    QVERIFY(f.document.removeEvent(id));
                    ++removals;
                }
                break;
            case 4:
                f.document.setEventField(id, EventField::Title,
                                         QStringLiteral("T%1").arg(random.bounded(3)));
                break;
            case 5: {
                const QDate day = QDate(2030, 3, 1).addDays(random.bounded(20));
                f.document.setEventField(
                    id, random.bounded(2) ? EventField::DateStart : EventField::DateEnd, day);
                break;
            }
            case 6:
                f.document.setEventField(id, EventField::Status,
                                         QVariant::fromValue(EventStatus(random.bounded(4))));
                break;
            case 7: {
                if (id.isEmpty())
                    break;
                QList<Participant> participants = events.at(f.document.eventRow(id)).participants;
                if (!participants.isEmpty() && random.bounded(2))
                    participants.removeAt(random.bounded(int(participants.size())));
                else
                    participants.append({actors.at(random.bounded(int(actors.size()))),
                                         ParticipantRole::Mentioned});
                f.document.push(new EditParticipantsCommand(&f.document, id, participants, {}));
                break;
            }
            case 8:
                f.document.setEventField(id, EventField::Kind,
                                         QStringLiteral("kind%1").arg(random.bounded(3)));
                break;
            case 9:
                f.document.setEventField(id, EventField::Summary,
                                         QStringLiteral("s%1 T1").arg(random.bounded(3)));
                break;
            }
            if (step % 30 == 29) {
                QCOMPARE(f.difference(), QString());
                // A new search decides every row again, through the index built before the
                // edits and the texts of the rows edited since.
                f.filter.setSearchText(step % 60 == 29 ? QStringLiteral("s1")
                                                       : QStringLiteral("t1"));
                QCOMPARE(f.difference(), QString());
                EventFilterModel freshSides;
                EventModel freshModel;
                freshModel.setDataset(f.document.snapshot());
                freshSides.setSourceModel(&freshModel);
                copyFilters(sides, freshSides);
                QCOMPARE(filterDifference(sides, freshSides, f.document.dataset()), QString());
            }
        }
        QVERIFY(inserts > 10);
        QVERIFY(removals > 10);
        QVERIFY(f.filter.rowCount() > 0); // the search did find rows
        QCOMPARE(reset.count(), 0);
        QCOMPARE(f.difference(), QString());
    }
};

QTEST_GUILESS_MAIN(EventModelEditTest)
#include "eventmodeledittest.moc"
