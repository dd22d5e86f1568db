#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "testdataset.h"

#include <QAbstractItemModelTester>
#include <QIdentityProxyModel>
#include <QItemSelectionModel>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <functional>

using namespace ntl;

namespace {
// Events with the awkward cases for each filter: repeated and unknown participants, sides
// through affiliations (or a cycle of them) or undeclared, missing articles, undated ends,
// shared start dates, and search text with punctuation, case and unusual whitespace.
std::shared_ptr<const Dataset> awkwardDataset(int eventCount)
{
    auto dataset = std::make_shared<Dataset>();
    for (const char *id : {"s1", "s2", "s3"})
        dataset->sides.append({QString::fromLatin1(id), QString::fromLatin1(id)});
    const auto actor = [&](const char *id, const char *side, const char *affiliation) {
        Actor a;
        a.id = QString::fromLatin1(id);
        a.sideId = QString::fromLatin1(side);
        a.affiliationId = QString::fromLatin1(affiliation);
        dataset->actors.append(a);
    };
    actor("a-s1", "s1", "");
    actor("a-s3", "s3", "");
    actor("a-aff", "", "a-s3");
    actor("a-cycle1", "", "a-cycle2");
    actor("a-cycle2", "", "a-cycle1");
    actor("a-ghost", "ghost", "");
    dataset->reindex();

    const QStringList actorIds{QStringLiteral("a-s1"),    QStringLiteral("a-s3"),
                               QStringLiteral("a-aff"),   QStringLiteral("a-cycle1"),
                               QStringLiteral("a-ghost"), QStringLiteral("unknown")};
    const QStringList articleIds{QStringLiteral("art-1"), QStringLiteral("art-2"),
                                 QStringLiteral("missing")};
    const QStringList kinds{QStringLiteral("talks"), QStringLiteral("Talks"), QString()};
    const QStringList texts{
        QStringLiteral("Ceasefire-line talks"), QStringLiteral("STRASSE"),
        QString::fromUtf16(u"Straße in Groß"),  QStringLiteral("round\ttwo\nweek"),
        QString::fromUtf16(u"fire\u00a0line"),  QStringLiteral("(report 1-2)."),
        QStringLiteral("The envoy said")};
    QRandomGenerator random(11);
    const QDate first(2030, 3, 1);
    for (int e = 0; e < eventCount; ++e) {
        Event event;
        event.id = QStringLiteral("ev-%1").arg(e);
        event.title = texts.at(random.bounded(int(texts.size())));
        event.summary = texts.at(random.bounded(int(texts.size())));
        event.kind = kinds.at(random.bounded(int(kinds.size())));
        event.status = EventStatus(random.bounded(4));
        const int dateRoll = int(random.bounded(12));
        const QDate start = first.addDays(random.bounded(15));
        event.date.start = dateRoll == 0 ? QDate() : start;
        event.date.end = dateRoll == 1 ? QDate() : start.addDays(random.bounded(3));
        for (int p = int(random.bounded(4)); p > 0; --p)
            event.participants.append({actorIds.at(random.bounded(int(actorIds.size()))), {}});
        for (int s = int(random.bounded(3)); s > 0; --s) {
            SourcePassage source;
            source.articleId = articleIds.at(random.bounded(int(articleIds.size())));
            source.exact = texts.at(random.bounded(int(texts.size())));
            event.sources.append(source);
        }
        dataset->events.append(event);
    }
    return dataset;
}

QStringList idsShownBy(const QAbstractItemModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(EventModel::EventIdRole).toString());
    return ids;
}
} // namespace

class EventFilterModelTest : public QObject
{
    Q_OBJECT
private slots:
    void activeFiltersNameEachFilterByItsDisplayName();
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
    void repeatedSearchWordIsSearchedForOnce();
    void searchWordsAreBoundedToTheFirstDistinctOnes();
    void filtersCombineAndClear();
    void filterChangeIsSignalledOnce();
    void filterChangeIsOneLayoutChange();
    void respacedSearchKeepsTheRows();
    void currentEventSurvivesWhileShown();
    void newDatasetIsFilteredAgain();
    void fastPathMatchesTheRoles_data();
    void fastPathMatchesTheRoles();
    void sourceDestroyedLeavesNoRows();
    void facetCountsAreWhatEachValueWouldShow_data() { fastPathMatchesTheRoles_data(); }
    void facetCountsAreWhatEachValueWouldShow();
    void facetCountsFollowANewDataset();

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

void EventFilterModelTest::activeFiltersNameEachFilterByItsDisplayName()
{
    QVERIFY(m_filter->activeFilters().isEmpty());
    m_filter->setSideIds({QStringLiteral("south"), QStringLiteral("north")});
    m_filter->setActorIds({QStringLiteral("north-envoy")});
    m_filter->setKinds({QStringLiteral("talks")});
    m_filter->setSearchText(QStringLiteral("  Lakeside   talks "));
    m_filter->setArticleIds({QStringLiteral("art-a")});
    m_filter->setDateRange(QDate(2030, 3, 1), QDate());
    QStringList shown;
    for (const EventFilterModel::ActiveFilter &filter : m_filter->activeFilters())
        shown.append(filter.name + QStringLiteral(": ") + filter.value);
    // Names from the dataset, values sorted, in a fixed order; an open end is not listed.
    QCOMPARE(shown, QStringList({QStringLiteral("side: North, South"), QStringLiteral("actor: Ana Envoy"),
                                 QStringLiteral("kind: talks"), QStringLiteral("search: Lakeside talks"),
                                 QStringLiteral("article: Lakeside talks open"), QStringLiteral("from: 2030-03-01")}));
    m_filter->clearFilters();
    QVERIFY(m_filter->activeFilters().isEmpty());
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

void EventFilterModelTest::repeatedSearchWordIsSearchedForOnce() {
    // Each word is a pass over every event's text: "e e e …" 4000 times took minutes.
    QString text;
    for (int i = 0; i < 4000; ++i)
        text += QStringLiteral("Round ");
    m_filter->setSearchText(text + QStringLiteral("week round"));
    QCOMPARE(m_filter->searchWords(),
             QStringList({QStringLiteral("round"), QStringLiteral("week")}));
    QCOMPARE(shownIds(), ids({"ev-second-round"}));
}

void EventFilterModelTest::searchWordsAreBoundedToTheFirstDistinctOnes() {
    QStringList words{QStringLiteral("round"), QStringLiteral("round")};
    for (int i = 0; i < 100; ++i)
        words.append(QStringLiteral("w%1").arg(i));
    m_filter->setSearchText(words.join(u' '));
    QCOMPARE(m_filter->searchWords().size(), EventFilterModel::maxSearchWords);
    QCOMPARE(m_filter->searchWords().first(), QStringLiteral("round"));
    QCOMPARE(m_filter->searchWords().last(),
             QStringLiteral("w%1").arg(EventFilterModel::maxSearchWords - 2));
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

void EventFilterModelTest::filterChangeIsOneLayoutChange()
{
    // Views rely on this: one layout change per filter change, no row-by-row signals.
    QSignalSpy aboutToChange(m_filter, &QAbstractItemModel::layoutAboutToBeChanged);
    QSignalSpy layoutChanged(m_filter, &QAbstractItemModel::layoutChanged);
    QSignalSpy removed(m_filter, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(m_filter, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(m_filter, &QAbstractItemModel::modelReset);
    QSignalSpy changed(m_filter, &EventFilterModel::filtersChanged);
    m_filter->setActorIds({QStringLiteral("north-envoy")});
    QCOMPARE(aboutToChange.count(), 1);
    QCOMPARE(layoutChanged.count(), 1);
    QCOMPARE(changed.count(), 1);
    m_filter->clearFilters();
    QCOMPARE(layoutChanged.count(), 2);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(removed.count() + inserted.count() + reset.count(), 0);
    QCOMPARE(m_filter->rowCount(), 3);
}

void EventFilterModelTest::respacedSearchKeepsTheRows()
{
    m_filter->setSearchText(QStringLiteral("talks"));
    QSignalSpy layoutChanged(m_filter, &QAbstractItemModel::layoutChanged);
    QSignalSpy changed(m_filter, &EventFilterModel::filtersChanged);
    m_filter->setSearchText(QStringLiteral(" TALKS\t"));
    QCOMPARE(changed.count(), 1); // the text changed
    QCOMPARE(layoutChanged.count(), 0); // the words did not
    QCOMPARE(m_filter->searchText(), QStringLiteral(" TALKS\t"));
    QCOMPARE(shownIds(), ids({"ev-talks", "ev-statement"}));
}

void EventFilterModelTest::currentEventSurvivesWhileShown()
{
    QItemSelectionModel selection(m_filter);
    selection.setCurrentIndex(m_filter->indexOfEvent(QStringLiteral("ev-statement")),
                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const auto current = [&] {
        return selection.currentIndex().data(EventModel::EventIdRole).toString();
    };
    m_filter->setActorIds({QStringLiteral("north-envoy")}); // row 1 becomes row 0
    QCOMPARE(current(), QStringLiteral("ev-statement"));
    QCOMPARE(selection.currentIndex().row(), 0);
    QVERIFY(selection.isRowSelected(0));
    m_filter->clearFilters();
    QCOMPARE(current(), QStringLiteral("ev-statement"));
    QCOMPARE(selection.currentIndex().row(), 1);
    m_filter->setKinds({QStringLiteral("talks")}); // hides it
    QVERIFY(!selection.currentIndex().isValid());
}

void EventFilterModelTest::newDatasetIsFilteredAgain()
{
    m_filter->setActorIds({QStringLiteral("a-ghost")});
    QCOMPARE(m_filter->rowCount(), 0);
    const auto dataset = awkwardDataset(50);
    m_events->setDataset(dataset);
    QStringList expected;
    for (const Event &event : dataset->events) {
        for (const Participant &participant : event.participants) {
            if (participant.actorId == QStringLiteral("a-ghost")) {
                expected.append(event.id);
                break;
            }
        }
    }
    QVERIFY(!expected.isEmpty());
    QStringList shown = shownIds();
    shown.sort();
    expected.sort();
    QCOMPARE(shown, expected);
}

void EventFilterModelTest::fastPathMatchesTheRoles_data()
{
    using Filter = std::function<void(EventFilterModel &)>;
    QTest::addColumn<Filter>("apply");
    const auto set = [](const char *name, Filter filter) { QTest::newRow(name) << filter; };
    set("none", [](EventFilterModel &) {});
    set("actor through affiliation",
        [](EventFilterModel &f) { f.setActorIds({QStringLiteral("a-aff")}); });
    set("unknown actors", [](EventFilterModel &f) {
        f.setActorIds({QStringLiteral("unknown"), QStringLiteral("not-in-the-file")});
    });
    set("side s3", [](EventFilterModel &f) { f.setSideIds({QStringLiteral("s3")}); });
    set("undeclared side", [](EventFilterModel &f) { f.setSideIds({QStringLiteral("ghost")}); });
    set("sides s1 s2", [](EventFilterModel &f) {
        f.setSideIds({QStringLiteral("s1"), QStringLiteral("s2")});
    });
    set("kind Talks", [](EventFilterModel &f) { f.setKinds({QStringLiteral("Talks")}); });
    set("empty kind", [](EventFilterModel &f) { f.setKinds({QString()}); });
    set("statuses", [](EventFilterModel &f) { f.setStatuses({0, 2, 17}); });
    set("missing article",
        [](EventFilterModel &f) { f.setArticleIds({QStringLiteral("missing")}); });
    set("date range",
        [](EventFilterModel &f) { f.setDateRange(QDate(2030, 3, 4), QDate(2030, 3, 6)); });
    set("open start", [](EventFilterModel &f) { f.setDateRange(QDate(), QDate(2030, 3, 3)); });
    set("open end", [](EventFilterModel &f) { f.setDateRange(QDate(2030, 3, 14), QDate()); });
    set("search across a hyphen",
        [](EventFilterModel &f) { f.setSearchText(QStringLiteral("fire-li")); });
    set("search STRASSE", [](EventFilterModel &f) { f.setSearchText(QStringLiteral("STRASSE")); });
    set("search sharp s",
        [](EventFilterModel &f) { f.setSearchText(QString::fromUtf16(u"GROẞ")); });
    set("search with tabs",
        [](EventFilterModel &f) { f.setSearchText(QStringLiteral("\tROUND\n two ")); });
    set("search no-break space", [](EventFilterModel &f) {
        f.setSearchText(QString::fromUtf16(u"fire\u00a0li"));
    });
    set("search punctuation",
        [](EventFilterModel &f) { f.setSearchText(QStringLiteral("1-2). (rep")); });
    set("everything", [](EventFilterModel &f) {
        f.setActorIds({QStringLiteral("a-s1"), QStringLiteral("a-s3")});
        f.setSideIds({QStringLiteral("s3")});
        f.setKinds({QStringLiteral("talks"), QString()});
        f.setStatuses({0, 1, 2});
        f.setDateRange(QDate(2030, 3, 2), QDate());
        f.setSearchText(QStringLiteral("e"));
    });
}

void EventFilterModelTest::fastPathMatchesTheRoles()
{
    // The same filters over the EventModel itself (its numbers and search index) and through
    // an identity proxy (only the roles, as for any other source model) must show the same
    // rows in the same order.
    QFETCH(std::function<void(EventFilterModel &)>, apply);
    m_events->setDataset(awkwardDataset(400));
    QIdentityProxyModel rolesOnly;
    rolesOnly.setSourceModel(m_events);
    EventFilterModel viaRoles;
    viaRoles.setSourceModel(&rolesOnly);
    QAbstractItemModelTester tester(&viaRoles,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(m_filter->eventSource() == m_events);
    QVERIFY(!viaRoles.eventSource());

    apply(*m_filter);
    apply(viaRoles);
    const QStringList shown = shownIds();
    QCOMPARE(shown, idsShownBy(viaRoles));
    QCOMPARE(EventModel::dateSpan(m_filter), EventModel::dateSpan(&viaRoles));
    for (int row = 0; row < m_events->rowCount(); ++row) {
        QCOMPARE(m_filter->acceptsSourceRow(row),
                 shown.contains(m_events->index(row, 0).data(EventModel::EventIdRole).toString()));
    }
    m_filter->clearFilters();
    viaRoles.clearFilters();
    QCOMPARE(shownIds(), idsShownBy(viaRoles));
}

void EventFilterModelTest::sourceDestroyedLeavesNoRows()
{
    m_filter->setSearchText(QStringLiteral("talks"));
    delete m_events;
    m_events = nullptr;
    QCOMPARE(m_filter->rowCount(), 0);
    QVERIFY(!m_filter->eventSource());
    m_filter->setSearchText(QStringLiteral("round"));
    QCOMPARE(m_filter->rowCount(), 0);
}

void EventFilterModelTest::facetCountsAreWhatEachValueWouldShow() {
    // A value's count is what the same filters show with that facet's filter set to the value
    // alone; worked out here by a filter of its own through the roles (no counts involved).
    QFETCH(std::function<void(EventFilterModel &)>, apply);
    m_events->setDataset(awkwardDataset(400));
    apply(*m_filter);
    QIdentityProxyModel rolesOnly;
    rolesOnly.setSourceModel(m_events);

    using Only = std::function<void(EventFilterModel &, const QString &)>;
    const auto idsOf = [](const EventModel::RowIds &table) {
        QStringList ids;
        for (int number = 0; number < table.count(); ++number)
            ids.append(table.id(number));
        ids.append(QStringLiteral("not-in-the-file"));
        return ids;
    };
    const QList<std::tuple<FacetCounts::Facet, QStringList, Only>> facets{
        {FacetCounts::Side, idsOf(m_events->sides()),
         [](EventFilterModel &f, const QString &key) {
             f.setSideIds({key});
         }},
        {FacetCounts::Actor, idsOf(m_events->participants()),
         [](EventFilterModel &f, const QString &key) {
             f.setActorIds({key});
         }},
        {FacetCounts::Kind, idsOf(m_events->kinds()),
         [](EventFilterModel &f, const QString &key) {
             f.setKinds({key});
         }},
        {FacetCounts::Article, idsOf(m_events->articles()),
         [](EventFilterModel &f, const QString &key) {
             f.setArticleIds({key});
         }},
        {FacetCounts::Status,
         {QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"),
          QStringLiteral("17")},
         [](EventFilterModel &f, const QString &key) {
             f.setStatuses({key.toInt()});
         }},
    };
    int nonZero = 0;
    for (const auto &[facet, keys, only] : facets) {
        for (const QString &key : keys) {
            EventFilterModel alone;
            alone.setSourceModel(&rolesOnly);
            apply(alone);
            only(alone, key);
            QCOMPARE(m_filter->facetCount(facet, key), alone.rowCount());
            nonZero += alone.rowCount() > 0 ? 1 : 0;
        }
    }
    QVERIFY(nonZero > 0); // the case compares counts, not only zeros
    // Over a source other than an EventModel there are no counts, and it says so.
    EventFilterModel viaRoles;
    viaRoles.setSourceModel(&rolesOnly);
    QCOMPARE(viaRoles.facetCount(FacetCounts::Side, QStringLiteral("s1")), -1);
}

void EventFilterModelTest::facetCountsFollowANewDataset() {
    const auto northCount = [this] {
        return m_filter->facetCount(FacetCounts::Side, QStringLiteral("north"));
    };
    m_filter->setSearchText(QStringLiteral("talks"));
    EventFilterModel check;
    check.setSourceModel(m_events);
    check.setSearchText(QStringLiteral("talks"));
    check.setSideIds({QStringLiteral("north")});
    QCOMPARE(northCount(), check.rowCount());
    // The same filters over a dataset without that side: stale counts would still say some.
    m_events->setDataset(awkwardDataset(50));
    QCOMPARE(northCount(), 0);
    check.setSideIds({QStringLiteral("s1")});
    QVERIFY(check.rowCount() > 0);
    QCOMPARE(m_filter->facetCount(FacetCounts::Side, QStringLiteral("s1")), check.rowCount());
}

QTEST_GUILESS_MAIN(EventFilterModelTest)
#include "eventfiltermodeltest.moc"
