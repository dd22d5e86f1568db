#include "eventdatetext.h"
#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "testdataset.h"

#include <QAbstractItemModelTester>
#include <QIdentityProxyModel>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <numeric>

using namespace ntl;

namespace {
// Events with the awkward cases: repeated and unknown participants, sides reached through
// affiliations (or a cycle of them), undeclared and repeated sides, missing articles, undated
// and overlapping dates.
std::shared_ptr<const Dataset> awkwardDataset(int eventCount)
{
    auto dataset = std::make_shared<Dataset>();
    for (const char *id : {"s1", "s2", "s3", "s1"})
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
    actor("a-none", "", "");
    for (const char *id : {"art-1", "art-2", "art-3"}) {
        Article article;
        article.id = QString::fromLatin1(id);
        dataset->articles.append(article);
    }
    dataset->reindex();

    const QStringList actorIds{QStringLiteral("a-s1"),    QStringLiteral("a-s3"),
                               QStringLiteral("a-aff"),   QStringLiteral("a-cycle1"),
                               QStringLiteral("a-ghost"), QStringLiteral("a-none"),
                               QStringLiteral("unknown")};
    const QStringList articleIds{QStringLiteral("art-1"), QStringLiteral("art-2"),
                                 QStringLiteral("art-3"), QStringLiteral("missing")};
    const QStringList kinds{QStringLiteral("talks"), QStringLiteral("Talks"), QString()};
    const QStringList words{QStringLiteral("Ceasefire-line"), QStringLiteral("STRASSE"),
                            QString::fromUtf16(u"Straße"), QStringLiteral("talks\tround"),
                            QString::fromUtf16(u"fire\u00a0line"), QStringLiteral("(report 1-2)."),
                            QStringLiteral("envoy\n")};
    QRandomGenerator random(7);
    const QDate first(2030, 3, 1);
    for (int e = 0; e < eventCount; ++e) {
        Event event;
        event.id = QStringLiteral("ev-%1").arg(e);
        event.title = words.at(random.bounded(int(words.size()))) + QStringLiteral(" %1").arg(e);
        event.summary = words.at(random.bounded(int(words.size())));
        event.kind = kinds.at(random.bounded(int(kinds.size())));
        event.status = EventStatus(random.bounded(4));
        const int dateRoll = int(random.bounded(10));
        const QDate start = first.addDays(random.bounded(20));
        event.date.start = dateRoll == 0 ? QDate() : start;
        event.date.end = dateRoll == 1 ? QDate() : start.addDays(random.bounded(3));
        for (int p = int(random.bounded(4)); p > 0; --p)
            event.participants.append({actorIds.at(random.bounded(int(actorIds.size()))), {}});
        for (int s = int(random.bounded(4)); s > 0; --s) {
            SourcePassage source;
            source.articleId = articleIds.at(random.bounded(int(articleIds.size())));
            source.exact = words.at(random.bounded(int(words.size())));
            event.sources.append(source);
        }
        dataset->events.append(event);
    }
    return dataset;
}
} // namespace

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
    void rolesAgreeWithTheDataset();
    void dateRankSortsByStartThenEnd();
    void dateSpanFastPathsAgreeWithTheRoles();
    void searchIndexCoversEveryRow();
    void replacingTheDatasetWhileIndexingIsSafe();
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

void EventModelTest::rolesAgreeWithTheDataset()
{
    EventModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto dataset = awkwardDataset(200);
    model.setDataset(dataset);
    const EventDateText dateText;
    for (int row = 0; row < model.rowCount(); ++row) {
        const Event &event = dataset->events.at(row);
        const QModelIndex index = model.index(row, 0);
        QStringList participants;
        for (const Participant &participant : event.participants) {
            if (!participants.contains(participant.actorId))
                participants.append(participant.actorId);
        }
        QCOMPARE(index.data(EventModel::ParticipantIdsRole).toStringList(), participants);
        QCOMPARE(index.data(EventModel::SideIdsRole).toStringList(), dataset->eventSideIds(event));
        QCOMPARE(index.data(EventModel::ArticleIdsRole).toStringList(),
                 Dataset::eventArticleIds(event));
        QCOMPARE(index.data(EventModel::ArticleCountRole).toInt(),
                 int(Dataset::eventArticleIds(event).size()));
        QCOMPARE(index.data(EventModel::KindRole).toString(), event.kind);
        QCOMPARE(index.data(EventModel::StatusRole).toInt(), int(event.status));
        QCOMPARE(index.data(EventModel::DateTextRole).toString(), dateText.format(event.date));
        QStringList haystack{event.title, event.summary};
        for (const SourcePassage &source : event.sources)
            haystack.append(source.exact);
        QCOMPARE(index.data(EventModel::SearchTextRole).toString(),
                 haystack.join(u'\n').toCaseFolded());
    }
}

void EventModelTest::dateRankSortsByStartThenEnd()
{
    EventModel model;
    const auto dataset = awkwardDataset(300);
    model.setDataset(dataset);
    QList<int> byRank(model.rowCount());
    for (int row = 0; row < model.rowCount(); ++row)
        byRank[model.dateRank(row)] = row;
    QList<int> expected(model.rowCount());
    std::iota(expected.begin(), expected.end(), 0);
    std::stable_sort(expected.begin(), expected.end(), [&](int left, int right) {
        const EventDate &l = dataset->events.at(left).date;
        const EventDate &r = dataset->events.at(right).date;
        return l.start != r.start ? l.start < r.start : l.end < r.end;
    });
    QCOMPARE(byRank, expected);
}

void EventModelTest::dateSpanFastPathsAgreeWithTheRoles()
{
    EventModel model;
    EventFilterModel filter;
    filter.setSourceModel(&model);
    // Through an identity proxy dateSpan() can only read the roles.
    QIdentityProxyModel viaRoles;
    viaRoles.setSourceModel(&model);
    QIdentityProxyModel filteredViaRoles;
    filteredViaRoles.setSourceModel(&filter);

    model.setDataset(awkwardDataset(100));
    const auto span = EventModel::dateSpan(&model);
    QVERIFY(span.first.isValid() && span.second.isValid());
    QCOMPARE(span, EventModel::dateSpan(&viaRoles));
    QCOMPARE(EventModel::dateSpan(&filter), span);

    filter.setDateRange(QDate(2030, 3, 5), QDate(2030, 3, 9));
    QCOMPARE(EventModel::dateSpan(&filter), EventModel::dateSpan(&filteredViaRoles));
    filter.setActorIds({QStringLiteral("a-ghost")});
    QCOMPARE(EventModel::dateSpan(&filter), EventModel::dateSpan(&filteredViaRoles));
    filter.setActorIds({QStringLiteral("nobody")});
    QCOMPARE(filter.rowCount(), 0);
    QCOMPARE(EventModel::dateSpan(&filter), qMakePair(QDate(), QDate()));
}

void EventModelTest::searchIndexCoversEveryRow()
{
    EventModel model;
    QCOMPARE(model.searchIndex().rowCount(), 0);
    model.setDataset(loadFixture("valid/minimal.json"));
    QCOMPARE(model.searchIndex().rowCount(), 3);
    // "envoy called" is only in a passage of the statement.
    const QBitArray rows =
        model.searchIndex().rowsContainingAll({QStringLiteral("envoy"), QStringLiteral("called")});
    QCOMPARE(rows.count(true), 1);
    QVERIFY(rows.testBit(1));
    model.setDataset(nullptr);
    QCOMPARE(model.searchIndex().rowCount(), 0);
}

void EventModelTest::replacingTheDatasetWhileIndexingIsSafe()
{
    const auto large = awkwardDataset(20000);
    const auto small = loadFixture("valid/minimal.json");
    {
        EventModel model;
        model.setDataset(large);
        model.setDataset(small); // the large index may still be building
        QCOMPARE(model.searchIndex().rowCount(), 3);
        model.setDataset(large);
    } // destroyed while indexing
    EventModel model;
    model.setDataset(large);
    QCOMPARE(model.searchIndex().rowCount(), 20000);
}

QTEST_GUILESS_MAIN(EventModelTest)
#include "eventmodeltest.moc"
