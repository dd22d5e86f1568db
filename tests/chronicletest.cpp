#include "chronicleentry.h"
#include "chronicleheading.h"

#include <QTest>

using namespace ntl;

// The words shared by the Chronicle view and its exports: group headings and entries.
class ChronicleTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }
    void headingsNameTheGroup_data();
    void headingsNameTheGroup();
    void sameDayIsOneGroupSpansAreOthers();
    void entrySaysWhoWhenAndWhere();
    void unsourcedEntrySaysSo();
};

static EventDate date(QDate start, QDate end, DatePrecision precision) {
    EventDate d;
    d.start = start;
    d.end = end;
    d.precision = precision;
    return d;
}

void ChronicleTest::headingsNameTheGroup_data() {
    QTest::addColumn<QDate>("start");
    QTest::addColumn<QDate>("end");
    QTest::addColumn<int>("precision");
    QTest::addColumn<QString>("expected");
    QTest::newRow("day") << QDate(2025, 11, 23) << QDate(2025, 11, 23) << int(DatePrecision::Day)
                         << QStringLiteral("Sunday 23 November 2025");
    QTest::newRow("span") << QDate(2025, 11, 24) << QDate(2025, 11, 25) << int(DatePrecision::Days)
                          << QStringLiteral("24–25 November 2025");
    QTest::newRow("span across months")
        << QDate(2025, 11, 30) << QDate(2025, 12, 2) << int(DatePrecision::Days)
        << QStringLiteral("30 November – 2 December 2025");
    QTest::newRow("week") << QDate(2025, 11, 24) << QDate(2025, 11, 30) << int(DatePrecision::Week)
                          << QStringLiteral("Week of 24 November 2025");
    QTest::newRow("month") << QDate(2025, 11, 1) << QDate(2025, 11, 30) << int(DatePrecision::Month)
                           << QStringLiteral("November 2025");
    QTest::newRow("year") << QDate(2025, 1, 1) << QDate(2025, 12, 31) << int(DatePrecision::Year)
                          << QStringLiteral("2025");
    QTest::newRow("unknown") << QDate(2025, 11, 1) << QDate(2025, 11, 20)
                             << int(DatePrecision::Unknown)
                             << QStringLiteral("Some time between 1–20 November 2025");
    QTest::newRow("undated") << QDate() << QDate() << int(DatePrecision::Week)
                             << QStringLiteral("Undated");
}

void ChronicleTest::headingsNameTheGroup() {
    QFETCH(QDate, start);
    QFETCH(QDate, end);
    QFETCH(int, precision);
    QFETCH(QString, expected);
    QCOMPARE(ChronicleHeading::of(date(start, end, DatePrecision(precision))).text(), expected);
}

void ChronicleTest::sameDayIsOneGroupSpansAreOthers() {
    const QDate d23(2025, 11, 23), d24(2025, 11, 24), d25(2025, 11, 25);
    const auto day23 = ChronicleHeading::of(date(d23, d23, DatePrecision::Day));
    // A day with a stray end date is still that day.
    QCOMPARE(ChronicleHeading::of(date(d23, QDate(), DatePrecision::Day)), day23);
    QCOMPARE(ChronicleHeading::of(date(d23, d24, DatePrecision::Day)), day23);
    QVERIFY(day23.isDay());
    QVERIFY(ChronicleHeading::of(date(d24, d24, DatePrecision::Day)) != day23);
    const auto span = ChronicleHeading::of(date(d24, d25, DatePrecision::Days));
    QVERIFY(!span.isDay());
    QVERIFY(span != ChronicleHeading::of(date(d24, d24, DatePrecision::Day)));
    QVERIFY(ChronicleHeading::of(date(d24, QDate(2025, 11, 30), DatePrecision::Week)) != span);
    QCOMPARE(ChronicleHeading::of(date(QDate(), QDate(), DatePrecision::Day)),
             ChronicleHeading::of(date(QDate(), QDate(), DatePrecision::Month)));
}

static Dataset smallDataset() {
    Dataset dataset;
    dataset.sides = {{QStringLiteral("us"), QStringLiteral("United States")},
                     {QStringLiteral("ua"), QStringLiteral("Ukraine")}};
    Article a;
    a.id = QStringLiteral("a1");
    a.title = QStringLiteral("Talks in Geneva");
    Article b;
    b.id = QStringLiteral("a2");
    b.title = QStringLiteral("Second report");
    Article c;
    c.id = QStringLiteral("a3");
    dataset.articles = {a, b, c};
    Actor rubio;
    rubio.id = QStringLiteral("rubio");
    rubio.name = QStringLiteral("Marco Rubio");
    rubio.sideId = QStringLiteral("us");
    Actor yermak;
    yermak.id = QStringLiteral("yermak");
    yermak.name = QStringLiteral("Andriy Yermak");
    yermak.sideId = QStringLiteral("ua");
    dataset.actors = {rubio, yermak};
    dataset.reindex();
    return dataset;
}

void ChronicleTest::entrySaysWhoWhenAndWhere() {
    const Dataset dataset = smallDataset();
    Event event;
    event.id = QStringLiteral("ev-geneva");
    event.title = QStringLiteral("Geneva talks");
    event.summary = QStringLiteral("Delegations meet.");
    event.status = EventStatus::Planned;
    event.date = date(QDate(2025, 11, 23), QDate(2025, 11, 23), DatePrecision::Day);
    event.participants = {{QStringLiteral("yermak"), ParticipantRole::Party},
                          {QStringLiteral("rubio"), ParticipantRole::Mediator}};
    SourcePassage first;
    first.articleId = QStringLiteral("a2");
    first.exact = QStringLiteral("the talks began");
    SourcePassage second;
    second.articleId = QStringLiteral("a1");
    second.exact = QStringLiteral("in Geneva");
    SourcePassage again = second;
    event.sources = {first, second, again};
    event.disagreements = {{QStringLiteral("who proposed it"), {}}};

    const ChronicleEntry entry = ChronicleEntry::of(dataset, event);
    QCOMPARE(entry.eventId, event.id);
    QCOMPARE(entry.dateText, QStringLiteral("Sun 23 Nov 2025 · planned"));
    QCOMPARE(entry.title, event.title);
    QCOMPARE(entry.summary, event.summary);
    QCOMPARE(entry.sideIds, QStringList({QStringLiteral("us"), QStringLiteral("ua")}));
    QCOMPARE(entry.sideNames,
             QStringList({QStringLiteral("United States"), QStringLiteral("Ukraine")}));
    QCOMPARE(entry.participants, QStringList({QStringLiteral("Andriy Yermak"),
                                              QStringLiteral("Marco Rubio (mediator)")}));
    QCOMPARE(entry.articleCount, 2);
    QCOMPARE(entry.articleTotal, 3);
    QCOMPARE(entry.reportedBy, QStringLiteral("reported by 2 of 3 articles"));
    QVERIFY(entry.hasDisagreement);
    QCOMPARE(entry.disagreementTopics, QStringList(QStringLiteral("who proposed it")));
    QCOMPARE(entry.firstQuote, QStringLiteral("the talks began"));
    QCOMPARE(entry.firstQuoteArticleId, QStringLiteral("a2"));
    QCOMPARE(entry.firstQuoteArticleTitle, QStringLiteral("Second report"));
}

void ChronicleTest::unsourcedEntrySaysSo() {
    const Dataset dataset = smallDataset();
    Event event;
    event.id = QStringLiteral("ev-x");
    event.participants = {{QStringLiteral("ghost"), ParticipantRole::Host}};
    const ChronicleEntry entry = ChronicleEntry::of(dataset, event);
    QCOMPARE(entry.articleCount, 0);
    QCOMPARE(entry.reportedBy, QStringLiteral("no article reports it"));
    QVERIFY(entry.firstQuote.isEmpty());
    QVERIFY(!entry.hasDisagreement);
    // An actor the dataset does not know is named by its id, not dropped.
    QCOMPARE(entry.participants, QStringList(QStringLiteral("ghost (host)")));
    QCOMPARE(entry.dateText, QStringLiteral("undated"));
}

QTEST_GUILESS_MAIN(ChronicleTest)
#include "chronicletest.moc"
