#include "eventdatetext.h"

#include <QTest>

using namespace ntl;

class EventDateTextTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }
    void formatsAsAPersonSaysIt_data();
    void formatsAsAPersonSaysIt();
    void plannedEventsSaySo();
    void basisIsExplained();
};

void EventDateTextTest::formatsAsAPersonSaysIt_data()
{
    QTest::addColumn<QDate>("start");
    QTest::addColumn<QDate>("end");
    QTest::addColumn<int>("precision");
    QTest::addColumn<QString>("expected");
    const auto d = [](int y, int m, int day) { return QDate(y, m, day); };
    QTest::newRow("day") << d(2025, 11, 23) << d(2025, 11, 23) << int(DatePrecision::Day) << QStringLiteral("Sun 23 Nov 2025");
    QTest::newRow("days in a month") << d(2025, 11, 24) << d(2025, 11, 25) << int(DatePrecision::Days) << QStringLiteral("24–25 Nov 2025");
    QTest::newRow("days across months") << d(2025, 11, 30) << d(2025, 12, 2) << int(DatePrecision::Days) << QStringLiteral("30 Nov – 2 Dec 2025");
    QTest::newRow("days across years") << d(2025, 12, 31) << d(2026, 1, 1) << int(DatePrecision::Days) << QStringLiteral("31 Dec 2025 – 1 Jan 2026");
    QTest::newRow("week") << d(2025, 12, 1) << d(2025, 12, 7) << int(DatePrecision::Week) << QStringLiteral("week of 1 Dec 2025");
    QTest::newRow("month") << d(2025, 8, 1) << d(2025, 8, 31) << int(DatePrecision::Month) << QStringLiteral("August 2025");
    QTest::newRow("months") << d(2025, 8, 1) << d(2025, 9, 30) << int(DatePrecision::Month) << QStringLiteral("August–September 2025");
    QTest::newRow("year") << d(2025, 1, 1) << d(2025, 12, 31) << int(DatePrecision::Year) << QStringLiteral("2025");
    QTest::newRow("unknown") << d(2025, 11, 1) << d(2025, 11, 20) << int(DatePrecision::Unknown) << QStringLiteral("between 1–20 Nov 2025");
    QTest::newRow("undated") << QDate() << QDate() << int(DatePrecision::Day) << QStringLiteral("undated");
}

void EventDateTextTest::formatsAsAPersonSaysIt()
{
    QFETCH(QDate, start);
    QFETCH(QDate, end);
    QFETCH(int, precision);
    QFETCH(QString, expected);
    EventDate date;
    date.start = start;
    date.end = end;
    date.precision = DatePrecision(precision);
    QCOMPARE(EventDateText().format(date), expected);
}

void EventDateTextTest::plannedEventsSaySo()
{
    EventDate date{QDate(2025, 12, 1), QDate(2025, 12, 7), DatePrecision::Week, {}, DateBasis::Relative, {}, {}};
    QCOMPARE(EventDateText().formatWithStatus(date, EventStatus::Planned), QStringLiteral("week of 1 Dec 2025 · planned"));
    QCOMPARE(EventDateText().formatWithStatus(date, EventStatus::Occurred), QStringLiteral("week of 1 Dec 2025"));
}

void EventDateTextTest::basisIsExplained()
{
    EventDate date;
    date.basis = DateBasis::External;
    QCOMPARE(EventDateText().describeBasis(date), QStringLiteral("from outside the articles"));
    date.basis = DateBasis::Relative;
    date.anchorArticleId = QStringLiteral("a1");
    QVERIFY(EventDateText().describeBasis(date).contains(QStringLiteral("a1")));
}

QTEST_GUILESS_MAIN(EventDateTextTest)
#include "eventdatetexttest.moc"
