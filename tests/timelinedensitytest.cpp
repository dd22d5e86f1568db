#include "timelinedensity.h"

#include <QTest>

using namespace ntl;

// The density strip's counting, without widgets: calendar units, the finest a few pixels
// wide, every event in view counted once in the bucket of its start.
class TimelineDensityTest : public QObject {
    Q_OBJECT
private slots:
    void theFinestUnitAFewPixelsWideIsChosen_data();
    void theFinestUnitAFewPixelsWideIsChosen();
    void monthsAreCalendarMonths();
    void everyEventInViewIsCountedOnceInItsBucket();
    void weeksBeginOnMonday();
};

void TimelineDensityTest::theFinestUnitAFewPixelsWideIsChosen_data() {
    QTest::addColumn<double>("pixelsPerDay");
    QTest::addColumn<int>("unit");
    QTest::newRow("a day 5 px") << 5.0 << int(TimelineDensity::Unit::Day);
    QTest::newRow("a day 1 px") << 1.0 << int(TimelineDensity::Unit::Week);
    QTest::newRow("a day 0.2 px") << 0.2 << int(TimelineDensity::Unit::Month);
    QTest::newRow("a day 0.05 px") << 0.05 << int(TimelineDensity::Unit::Quarter);
    QTest::newRow("a day 0.001 px") << 0.001 << int(TimelineDensity::Unit::Year);
}

void TimelineDensityTest::theFinestUnitAFewPixelsWideIsChosen() {
    QFETCH(double, pixelsPerDay);
    QFETCH(int, unit);
    QCOMPARE(int(TimelineDensity::unitFor(pixelsPerDay)), unit);
}

void TimelineDensityTest::monthsAreCalendarMonths() {
    const auto buckets = TimelineDensity::count({}, QDate(2024, 1, 15), QDate(2024, 4, 2),
                                                TimelineDensity::Unit::Month);
    QCOMPARE(buckets.size(), 4);
    QCOMPARE(buckets.at(0).first, QDate(2024, 1, 15)); // the range's first day
    QCOMPARE(buckets.at(1).first, QDate(2024, 2, 1));
    QCOMPARE(buckets.at(1).next, QDate(2024, 3, 1)); // 29 days: a leap year's February
    QCOMPARE(buckets.at(3).first, QDate(2024, 4, 1));
}

void TimelineDensityTest::everyEventInViewIsCountedOnceInItsBucket() {
    const QDate from(2025, 11, 3); // a Monday
    const QDate to(2025, 11, 23);
    QList<qint64> days;
    days << QDate(2025, 10, 1).toJulianDay() // begun before the view: the first bucket
         << QDate(2025, 11, 3).toJulianDay() << QDate(2025, 11, 9).toJulianDay() // week 1
         << QDate(2025, 11, 10).toJulianDay()                                    // week 2
         << QDate(2025, 11, 23).toJulianDay()  // week 3, its last day
         << QDate(2025, 11, 24).toJulianDay(); // after the view: not counted
    const auto buckets = TimelineDensity::count(days, from, to, TimelineDensity::Unit::Week);
    QCOMPARE(buckets.size(), 3);
    QCOMPARE(buckets.at(0).count, 3);
    QCOMPARE(buckets.at(1).count, 1);
    QCOMPARE(buckets.at(2).count, 1);
}

void TimelineDensityTest::weeksBeginOnMonday() {
    QCOMPARE(TimelineDensity::unitStart(QDate(2025, 11, 23), TimelineDensity::Unit::Week),
             QDate(2025, 11, 17));
    QCOMPARE(TimelineDensity::unitStart(QDate(2025, 11, 17), TimelineDensity::Unit::Week),
             QDate(2025, 11, 17));
    QCOMPARE(TimelineDensity::unitStart(QDate(2025, 8, 15), TimelineDensity::Unit::Quarter),
             QDate(2025, 7, 1));
}

QTEST_GUILESS_MAIN(TimelineDensityTest)
#include "timelinedensitytest.moc"
