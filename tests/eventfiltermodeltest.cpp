#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "testdataset.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace ntl;

class EventFilterModelTest : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void sortsByDateThenEnd();
    void actorFilterMatchesAnyListedActor();
    void sideFilterUsesEffectiveSides();
    void kindAndStatusFilters();
    void articleFilter();
    void dateRangeKeepsOverlappingEvents();
    void searchFindsWordsInTitleSummaryAndPassages();
    void searchNeedsEveryWord();
    void filtersCombineAndClear();
    void filterChangeIsSignalledOnce();

private:
    QStringList shownIds() const;

    EventModel *m_events = nullptr;
    EventFilterModel *m_filter = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void EventFilterModelTest::init()
{
    m_events = new EventModel;
    m_filter = new EventFilterModel;
    m_filter->setSourceModel(m_events);
    m_tester = new QAbstractItemModelTester(m_filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_events->setDataset(loadFixture("valid/minimal.json"));
}

void EventFilterModelTest::cleanup()
{
    delete m_tester;
    delete m_filter;
    delete m_events;
}

QStringList EventFilterModelTest::shownIds() const
{
    QStringList ids;
    for (int row = 0; row < m_filter->rowCount(); ++row)
        ids.append(m_filter->index(row, 0).data(EventModel::EventIdRole).toString());
    return ids;
}

static QStringList ids(std::initializer_list<const char *> names)
{
    QStringList list;
    for (const char *name : names)
        list.append(QString::fromUtf8(name));
    return list;
}

void EventFilterModelTest::sortsByDateThenEnd()
{
    // ev-talks (4 Mar) and ev-statement (4–5 Mar) share a start; the shorter comes first.
    QCOMPARE(shownIds(), ids({"ev-talks", "ev-statement", "ev-second-round"}));
    m_events->setDataset(loadFixture("valid/minimal.json"));
    QCOMPARE(shownIds(), ids({"ev-talks", "ev-statement", "ev-second-round"}));
}

void EventFilterModelTest::actorFilterMatchesAnyListedActor()
{
    m_filter->setActorIds({QStringLiteral("north-envoy")});
    QCOMPARE(shownIds(), ids({"ev-statement"}));
    m_filter->setActorIds({QStringLiteral("north-envoy"), QStringLiteral("south-state")});
    QCOMPARE(shownIds(), ids({"ev-talks", "ev-statement", "ev-second-round"}));
    m_filter->setActorIds({QStringLiteral("league")});
    QCOMPARE(shownIds(), ids({"ev-talks", "ev-statement"}));
}

void EventFilterModelTest::sideFilterUsesEffectiveSides()
{
    m_filter->setSideIds({QStringLiteral("south")});
    QCOMPARE(shownIds(), ids({"ev-talks", "ev-second-round"}));
    // Only the envoy speaks for North in the statement, through their affiliation.
    m_filter->setSideIds({QStringLiteral("north")});
    QCOMPARE(shownIds(), ids({"ev-talks", "ev-statement", "ev-second-round"}));
}

void EventFilterModelTest::kindAndStatusFilters()
{
    m_filter->setKinds({QStringLiteral("statement")});
    QCOMPARE(shownIds(), ids({"ev-statement"}));
    m_filter->setKinds({});
    m_filter->setStatuses({int(EventStatus::Planned)});
    QCOMPARE(shownIds(), ids({"ev-second-round"}));
}

void EventFilterModelTest::articleFilter()
{
    m_filter->setArticleIds({QStringLiteral("art-b")});
    QCOMPARE(shownIds(), ids({"ev-talks", "ev-statement"}));
}

void EventFilterModelTest::dateRangeKeepsOverlappingEvents()
{
    m_filter->setDateRange(QDate(2030, 3, 5), QDate(2030, 3, 5));
    QCOMPARE(shownIds(), ids({"ev-statement"})); // 4–5 Mar overlaps 5 Mar
    m_filter->setDateRange(QDate(2030, 3, 17), QDate());
    QCOMPARE(shownIds(), ids({"ev-second-round"})); // open end; the week ends on 17 Mar
    m_filter->setDateRange(QDate(), QDate(2030, 3, 4));
    QCOMPARE(shownIds(), ids({"ev-talks", "ev-statement"}));
    m_filter->setDateRange(QDate(2030, 4, 1), QDate(2030, 4, 30));
    QCOMPARE(shownIds(), QStringList());
}

void EventFilterModelTest::searchFindsWordsInTitleSummaryAndPassages()
{
    m_filter->setSearchText(QStringLiteral("LAKESIDE"));
    QCOMPARE(shownIds(), ids({"ev-talks"})); // title, case-insensitive
    m_filter->setSearchText(QStringLiteral("mediator describes"));
    QCOMPARE(shownIds(), ids({"ev-statement"})); // summary
    m_filter->setSearchText(QStringLiteral("envoy called"));
    QCOMPARE(shownIds(), ids({"ev-statement"})); // only in a quoted passage
    m_filter->setSearchText(QStringLiteral("   "));
    QCOMPARE(shownIds().size(), 3);
    QVERIFY(!m_filter->isFiltering());
}

void EventFilterModelTest::searchNeedsEveryWord()
{
    m_filter->setSearchText(QStringLiteral("round week"));
    QCOMPARE(shownIds(), ids({"ev-second-round"}));
    m_filter->setSearchText(QStringLiteral("round tuesday"));
    QCOMPARE(shownIds(), QStringList());
}

void EventFilterModelTest::filtersCombineAndClear()
{
    m_filter->setActorIds({QStringLiteral("north-state")});
    m_filter->setKinds({QStringLiteral("talks")});
    m_filter->setStatuses({int(EventStatus::Occurred)});
    QCOMPARE(shownIds(), ids({"ev-talks"}));
    QVERIFY(m_filter->isFiltering());
    m_filter->clearFilters();
    QVERIFY(!m_filter->isFiltering());
    QCOMPARE(shownIds().size(), 3);
    QVERIFY(m_filter->actorIds().isEmpty());
}

void EventFilterModelTest::filterChangeIsSignalledOnce()
{
    QSignalSpy spy(m_filter, &EventFilterModel::filtersChanged);
    m_filter->setSearchText(QStringLiteral("talks"));
    m_filter->setSearchText(QStringLiteral("talks")); // no change, no signal
    QCOMPARE(spy.count(), 1);
    QCOMPARE(m_filter->indexOfEvent(QStringLiteral("ev-talks")).row(), 0);
    QVERIFY(!m_filter->indexOfEvent(QStringLiteral("ev-second-round")).isValid());
}

QTEST_GUILESS_MAIN(EventFilterModelTest)
#include "eventfiltermodeltest.moc"
