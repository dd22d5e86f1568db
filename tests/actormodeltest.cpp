#include "actormodel.h"
#include "testdataset.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace ntl;

class ActorModelTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }
    void passesTheModelTester();
    void countsEventsAndTheirSpan();
    void columnsShowTheActor();
};

void ActorModelTest::passesTheModelTester()
{
    ActorModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDataset(loadFixture("valid/minimal.json"));
    QCOMPARE(model.rowCount(), 4);
    model.setDataset(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void ActorModelTest::countsEventsAndTheirSpan()
{
    ActorModel model;
    model.setDataset(loadFixture("valid/minimal.json"));
    const QModelIndex north = model.indexOfActor(QStringLiteral("north-state"));
    QCOMPARE(north.data(ActorModel::EventCountRole).toInt(), 2);
    QCOMPARE(north.data(ActorModel::FirstDateRole).toDate(), QDate(2030, 3, 4));
    QCOMPARE(north.data(ActorModel::LastDateRole).toDate(), QDate(2030, 3, 17));
    const QModelIndex league = model.indexOfActor(QStringLiteral("league"));
    // Mediator of the talks and speaker of the statement: two events.
    QCOMPARE(league.data(ActorModel::EventCountRole).toInt(), 2);
    QCOMPARE(league.data(ActorModel::LastDateRole).toDate(), QDate(2030, 3, 5));
    const QModelIndex envoy = model.indexOfActor(QStringLiteral("north-envoy"));
    QCOMPARE(envoy.data(ActorModel::SideIdRole).toString(), QStringLiteral("north"));
    QCOMPARE(envoy.data(ActorModel::AffiliationIdRole).toString(), QStringLiteral("north-state"));
    QCOMPARE(envoy.data(ActorModel::ActorTitleRole).toString(), QStringLiteral("Special Envoy"));
    QCOMPARE(envoy.data(ActorModel::KindRole).toInt(), int(ActorKind::Person));
    QCOMPARE(league.data(ActorModel::SideOrderRole).toInt(), 2);
    QVERIFY(!model.indexOfActor(QStringLiteral("ghost")).isValid());
}

void ActorModelTest::columnsShowTheActor()
{
    ActorModel model;
    model.setDataset(loadFixture("valid/minimal.json"));
    const int row = model.indexOfActor(QStringLiteral("north-envoy")).row();
    QCOMPARE(model.index(row, ActorModel::NameColumn).data().toString(), QStringLiteral("Ana Envoy"));
    QCOMPARE(model.index(row, ActorModel::SideColumn).data().toString(), QStringLiteral("North"));
    QCOMPARE(model.index(row, ActorModel::EventsColumn).data().toInt(), 1);
    QCOMPARE(model.index(row, ActorModel::FirstColumn).data().toString(), QStringLiteral("4 Mar 2030"));
}

QTEST_GUILESS_MAIN(ActorModelTest)
#include "actormodeltest.moc"
