#include "timelinelayout.h"

#include <QTest>

using namespace ntl;

class TimelineLayoutTest : public QObject
{
    Q_OBJECT
private slots:
    void busyDaysKeepTheirWidthAndLongGapsAreSqueezed();
    void shortGapsStayToScale();
    void longSpansOnlyMarkTheirEnds();
    void dateAtInvertsX();
    void emptyInputGivesAnEmptyAxis();
};

static QDate nov(int day) { return QDate(2025, 11, day); }

// The days from `first` to `last`, as the layout takes them.
static TimelineLayout::DayRange days(const QDate &first, const QDate &last)
{
    return {first.toJulianDay(), last.toJulianDay()};
}

void TimelineLayoutTest::busyDaysKeepTheirWidthAndLongGapsAreSqueezed()
{
    TimelineLayout layout;
    layout.compute({days(QDate(2025, 8, 15), QDate(2025, 8, 15)), days(nov(23), nov(23)), days(nov(24), nov(25))});
    QCOMPARE(layout.x(QDate(2025, 8, 15)), 0.0);
    QCOMPARE(layout.x(QDate(2025, 8, 16)), 1.0);
    QCOMPARE(layout.x(nov(23)), 1.0 + TimelineLayout::breakWidth);
    QCOMPARE(layout.x(nov(24)) - layout.x(nov(23)), 1.0);
    QCOMPARE(layout.maxX(), 1.0 + TimelineLayout::breakWidth + 3.0);
    QCOMPARE(layout.breaks().size(), 1);
    QCOMPARE(layout.breaks().first().first, QDate(2025, 8, 16));
    QCOMPARE(layout.breaks().first().last, nov(22));
    QVERIFY(layout.isSqueezed(QDate(2025, 10, 1)));
    QVERIFY(!layout.isSqueezed(nov(23)));
}

void TimelineLayoutTest::shortGapsStayToScale()
{
    TimelineLayout layout;
    layout.compute({days(nov(20), nov(20)), days(nov(24), nov(24))});
    QVERIFY(layout.breaks().isEmpty()); // three empty days are not squeezed
    QCOMPARE(layout.x(nov(24)) - layout.x(nov(20)), 4.0);
}

void TimelineLayoutTest::longSpansOnlyMarkTheirEnds()
{
    TimelineLayout layout;
    layout.compute({days(QDate(2025, 8, 1), QDate(2025, 8, 31))});
    // Two busy days and a squeezed month between them, not 31 units.
    QCOMPARE(layout.maxX(), 2.0 + TimelineLayout::breakWidth);
    QCOMPARE(layout.x(QDate(2025, 8, 1)), 0.0);
    QCOMPARE(layout.x(QDate(2025, 9, 1)), layout.maxX()); // the span ends where the axis does
}

void TimelineLayoutTest::dateAtInvertsX()
{
    TimelineLayout layout;
    layout.compute({days(QDate(2025, 8, 15), QDate(2025, 8, 15)), days(nov(23), nov(27))});
    for (const QDate &date : {QDate(2025, 8, 15), nov(23), nov(25), nov(27)})
        QCOMPARE(layout.dateAt(layout.x(date) + 0.5), date);
    QCOMPARE(layout.dateAt(layout.x(nov(28)) + 0.5), nov(28)); // past the data, one unit a day
}

void TimelineLayoutTest::emptyInputGivesAnEmptyAxis()
{
    TimelineLayout layout;
    layout.compute({});
    QCOMPARE(layout.maxX(), 0.0);
    QVERIFY(layout.breaks().isEmpty());
    QCOMPARE(layout.dateAt(layout.x(nov(1)) + 0.5), nov(1)); // still maps days both ways
}

QTEST_GUILESS_MAIN(TimelineLayoutTest)
#include "timelinelayouttest.moc"
