#include "session.h"
#include "document.h"
#include "actormodel.h"
#include "articlemodel.h"
#include "eventfiltermodel.h"
#include "eventmodel.h"

#include <QItemSelectionModel>
#include <QTest>

using namespace ntl;

// The session: a dataset, its models, the filter and the selection, with no window.
class SessionTest : public QObject {
    Q_OBJECT
private slots:
    void opensTheEmbeddedDatasetIntoEveryModel();
    void failedOpenKeepsTheCurrentDataset();
    void anotherFileClearsTheFiltersAndTheSelection();
    void editsThroughTheDocumentReachEveryModel();
};

void SessionTest::opensTheEmbeddedDatasetIntoEveryModel() {
    Session session;
    QVERIFY(session.open(Session::defaultDatasetPath));
    QCOMPARE(session.path(), QStringLiteral(":/datasets/peace-talks-2025/dataset.json"));
    QVERIFY(session.errors().isEmpty());
    QCOMPARE(session.eventModel()->rowCount(), 47);
    QCOMPARE(session.filterModel()->rowCount(), 47);
    QVERIFY(session.actorModel()->rowCount() > 0);
    QVERIFY(session.articleModel()->rowCount() > 0);
    QVERIFY(session.filterModel()->sourceModel() == session.eventModel());
    QVERIFY(session.selectionModel()->model() == session.filterModel());
}

void SessionTest::failedOpenKeepsTheCurrentDataset() {
    Session session;
    QVERIFY(session.open(Session::defaultDatasetPath));
    const auto before = session.dataset();
    QVERIFY(!session.open(QStringLiteral(NTL_TEST_DATA_DIR "/bad/dangling-actor.json")));
    QVERIFY(!session.errors().isEmpty());
    QCOMPARE(session.dataset(), before);
    QCOMPARE(session.path(), Session::defaultDatasetPath);
}

void SessionTest::anotherFileClearsTheFiltersAndTheSelection() {
    Session session;
    QVERIFY(session.open(Session::defaultDatasetPath));
    session.filterModel()->setSearchText(QStringLiteral("Geneva"));
    session.selectionModel()->setCurrentIndex(session.filterModel()->index(0, 0),
                                              QItemSelectionModel::ClearAndSelect);
    // The same file again (a reload) keeps the filter; the selection goes with the rows.
    QVERIFY(session.open(Session::defaultDatasetPath));
    QCOMPARE(session.filterModel()->searchText(), QStringLiteral("Geneva"));
    QVERIFY(!session.selectionModel()->hasSelection());
    QVERIFY(session.open(QStringLiteral(NTL_TEST_DATA_DIR "/valid/minimal.json")));
    QCOMPARE(session.filterModel()->searchText(), QString());
    QCOMPARE(session.filterModel()->rowCount(), session.eventModel()->rowCount());
}

void SessionTest::editsThroughTheDocumentReachEveryModel() {
    Session session;
    QVERIFY(session.open(Session::defaultDatasetPath));
    Document *document = session.document();
    QCOMPARE(document->filePath(), Session::defaultDatasetPath);
    QVERIFY(!document->isModified());
    const int firstRow = 0;
    const Event first = *session.eventModel()->event(firstRow);
    QVERIFY(!first.participants.isEmpty());
    const QString actorId = first.participants.first().actorId;
    const QModelIndex actor = session.actorModel()->indexOfActor(actorId);
    const int before = actor.data(ActorModel::EventCountRole).toInt();

    QVERIFY(document->setEventField(first.id, EventField::Title, QStringLiteral("Renamed")));
    QCOMPARE(session.eventModel()->event(firstRow)->title, QStringLiteral("Renamed"));
    QCOMPARE(session.dataset()->events.at(0).title, QStringLiteral("Renamed"));
    QVERIFY(document->isModified());

    QVERIFY(document->removeEvent(first.id));
    QCOMPARE(session.eventModel()->rowCount(), 46);
    QCOMPARE(session.filterModel()->rowCount(), 46);
    QCOMPARE(session.actorModel()->indexOfActor(actorId).data(ActorModel::EventCountRole).toInt(),
             before - 1);
    document->undoStack()->undo();
    QCOMPARE(session.eventModel()->rowCount(), 47);
    QCOMPARE(session.actorModel()->indexOfActor(actorId).data(ActorModel::EventCountRole).toInt(),
             before);
}

QTEST_GUILESS_MAIN(SessionTest)
#include "sessiontest.moc"
