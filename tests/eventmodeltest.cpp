#include "eventmodel.h"
#include "testdataset.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace ntl;

class EventModelTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }
    void passesTheModelTester();
    void rolesDescribeTheEvent();
    void columnsShowTheEvent();
    void lookupByIdFindsTheRow();
    void newDatasetResetsTheModel();
    void roleNamesAreUnique();
    void dateSpanCoversEveryRow();
};

void EventModelTest::passesTheModelTester()
{
    EventModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDataset(loadFixture("valid/minimal.json"));
    QCOMPARE(model.rowCount(), 3);
    model.setDataset(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void EventModelTest::rolesDescribeTheEvent()
{
    EventModel model;
    model.setDataset(loadFixture("valid/minimal.json"));
    const QModelIndex talks = model.index(0, 0);
    QCOMPARE(talks.data(EventModel::EventIdRole).toString(), QStringLiteral("ev-talks"));
    QCOMPARE(talks.data(EventModel::StartDateRole).toDate(), QDate(2030, 3, 4));
    QCOMPARE(talks.data(EventModel::EndDateRole).toDate(), QDate(2030, 3, 4));
    QCOMPARE(talks.data(EventModel::PrecisionRole).toInt(), int(DatePrecision::Day));
    QCOMPARE(talks.data(EventModel::TitleRole).toString(), QStringLiteral("Talks in Lakeside"));
    QCOMPARE(talks.data(EventModel::KindRole).toString(), QStringLiteral("talks"));
    QCOMPARE(talks.data(EventModel::StatusRole).toInt(), int(EventStatus::Occurred));
    QCOMPARE(talks.data(EventModel::PlaceRole).toString(), QStringLiteral("Lakeside"));
    QCOMPARE(talks.data(EventModel::ParticipantIdsRole).toStringList(),
             (QStringList{QStringLiteral("north-state"), QStringLiteral("south-state"), QStringLiteral("league")}));
    QCOMPARE(talks.data(EventModel::SideIdsRole).toStringList(),
             (QStringList{QStringLiteral("north"), QStringLiteral("south"), QStringLiteral("league")}));
    QCOMPARE(talks.data(EventModel::SourceCountRole).toInt(), 2);
    QCOMPARE(talks.data(EventModel::ArticleIdsRole).toStringList(),
             (QStringList{QStringLiteral("art-a"), QStringLiteral("art-b")}));
    QCOMPARE(talks.data(EventModel::ArticleCountRole).toInt(), 2);
    QCOMPARE(talks.data(EventModel::HasDisagreementRole).toBool(), true);
    QCOMPARE(talks.data(EventModel::DateTextRole).toString(), QStringLiteral("Mon 4 Mar 2030"));
    QVERIFY(talks.data(EventModel::SearchTextRole).toString().contains(QStringLiteral("took place on tuesday")));

    const QModelIndex statement = model.index(1, 0);
    // The envoy has no side of their own; their affiliation's side counts.
    QCOMPARE(statement.data(EventModel::SideIdsRole).toStringList(),
             (QStringList{QStringLiteral("north"), QStringLiteral("league")}));
    QCOMPARE(statement.data(EventModel::HasDisagreementRole).toBool(), false);
    QCOMPARE(model.index(2, 0).data(EventModel::StatusRole).toInt(), int(EventStatus::Planned));
}

void EventModelTest::columnsShowTheEvent()
{
    EventModel model;
    model.setDataset(loadFixture("valid/minimal.json"));
    QCOMPARE(model.columnCount(), int(EventModel::ColumnCount));
    QCOMPARE(model.index(2, EventModel::DateColumn).data().toString(), QStringLiteral("week of 11 Mar 2030"));
    QCOMPARE(model.index(2, EventModel::TitleColumn).data().toString(), QStringLiteral("Second round announced"));
    QCOMPARE(model.index(2, EventModel::StatusColumn).data().toString(), QStringLiteral("planned"));
    QCOMPARE(model.index(0, EventModel::SourcesColumn).data().toInt(), 2);
    QCOMPARE(model.headerData(EventModel::TitleColumn, Qt::Horizontal).toString(), QStringLiteral("Event"));
}

void EventModelTest::lookupByIdFindsTheRow()
{
    EventModel model;
    model.setDataset(loadFixture("valid/minimal.json"));
    QCOMPARE(model.indexOfEvent(QStringLiteral("ev-second-round")).row(), 2);
    QVERIFY(!model.indexOfEvent(QStringLiteral("nope")).isValid());
    QCOMPARE(model.event(1)->id, QStringLiteral("ev-statement"));
    QVERIFY(!model.event(3));
}

void EventModelTest::newDatasetResetsTheModel()
{
    EventModel model;
    model.setDataset(loadFixture("valid/minimal.json"));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setDataset(loadFixture("valid/emoji.json"));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data(EventModel::EventIdRole).toString(), QStringLiteral("ev"));
}

void EventModelTest::roleNamesAreUnique()
{
    EventModel model;
    const auto names = model.roleNames();
    QCOMPARE(QSet<QByteArray>(names.cbegin(), names.cend()).size(), names.size());
    QCOMPARE(names.value(EventModel::HasDisagreementRole), QByteArray("hasDisagreement"));
}

void EventModelTest::dateSpanCoversEveryRow()
{
    EventModel model;
    QCOMPARE(EventModel::dateSpan(&model), qMakePair(QDate(), QDate()));
    model.setDataset(loadFixture("valid/minimal.json"));
    // 4 Mar (the talks) to 17 Mar (the end of the planned week).
    QCOMPARE(EventModel::dateSpan(&model), qMakePair(QDate(2030, 3, 4), QDate(2030, 3, 17)));
}

QTEST_GUILESS_MAIN(EventModelTest)
#include "eventmodeltest.moc"
