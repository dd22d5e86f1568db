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
    void sameDayEventsStackInTheirLane();
    void eventsOfSeveralLanesAppearInEach();
    void dateAtInvertsX();
    void emptyInputGivesOneLaneRow();
};

static QDate nov(int day) { return QDate(2025, 11, day); }

void TimelineLayoutTest::busyDaysKeepTheirWidthAndLongGapsAreSqueezed()
{
    TimelineLayout layout;
    layout.compute({{QStringLiteral("a"), QDate(2025, 8, 15), QDate(2025, 8, 15), {0}},
                    {QStringLiteral("b"), nov(23), nov(23), {0}},
                    {QStringLiteral("c"), nov(24), nov(25), {0}}},
                   1);
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
    layout.compute({{QStringLiteral("a"), nov(20), nov(20), {0}}, {QStringLiteral("b"), nov(24), nov(24), {0}}}, 1);
    QVERIFY(layout.breaks().isEmpty()); // three empty days are not squeezed
    QCOMPARE(layout.x(nov(24)) - layout.x(nov(20)), 4.0);
}

void TimelineLayoutTest::longSpansOnlyMarkTheirEnds()
{
    TimelineLayout layout;
    layout.compute({{QStringLiteral("august"), QDate(2025, 8, 1), QDate(2025, 8, 31), {0}}}, 1);
    // Two busy days and a squeezed month between them, not 31 units.
    QCOMPARE(layout.maxX(), 2.0 + TimelineLayout::breakWidth);
    const auto &placement = layout.placements().first();
    QCOMPARE(placement.x0, 0.0);
    QCOMPARE(placement.x1, layout.maxX());
}

void TimelineLayoutTest::sameDayEventsStackInTheirLane()
{
    TimelineLayout layout;
    QList<TimelineLayout::Input> inputs;
    for (int i = 0; i < 4; ++i)
        inputs.append({QString::number(i), nov(25), nov(25), {1}});
    inputs.append({QStringLiteral("other lane"), nov(25), nov(25), {0}});
    inputs.append({QStringLiteral("next day"), nov(26), nov(26), {1}});
    layout.compute(inputs, 2);
    QList<int> rows;
    for (const auto &placement : layout.placements()) {
        if (placement.lane == 1 && placement.x0 == layout.x(nov(25)))
            rows.append(placement.row);
    }
    std::sort(rows.begin(), rows.end());
    QCOMPARE(rows, (QList<int>{0, 1, 2, 3}));
    QCOMPARE(layout.lanes().at(0).rows, 1);
    QCOMPARE(layout.lanes().at(1).rows, 4);
    QCOMPARE(layout.lanes().at(1).top, 1.0);
    QCOMPARE(layout.totalRows(), 5.0);
    for (const auto &placement : layout.placements()) {
        if (placement.input == 5)
            QCOMPARE(placement.row, 0); // the next day is free again
        QCOMPARE(placement.y, layout.lanes().at(placement.lane).top + placement.row + 0.5);
    }
}

void TimelineLayoutTest::eventsOfSeveralLanesAppearInEach()
{
    TimelineLayout layout;
    layout.compute({{QStringLiteral("talks"), nov(23), nov(23), {0, 2}}}, 3);
    QCOMPARE(layout.placements().size(), 2);
    QCOMPARE(layout.placements().at(0).lane, 0);
    QCOMPARE(layout.placements().at(1).lane, 2);
}

void TimelineLayoutTest::dateAtInvertsX()
{
    TimelineLayout layout;
    layout.compute({{QStringLiteral("a"), QDate(2025, 8, 15), QDate(2025, 8, 15), {0}},
                    {QStringLiteral("b"), nov(23), nov(27), {0}}},
                   1);
    for (const QDate &date : {QDate(2025, 8, 15), nov(23), nov(25), nov(27)})
        QCOMPARE(layout.dateAt(layout.x(date) + 0.5), date);
    QCOMPARE(layout.dateAt(layout.x(nov(28)) + 0.5), nov(28)); // past the data, one unit a day
}

void TimelineLayoutTest::emptyInputGivesOneLaneRow()
{
    TimelineLayout layout;
    layout.compute({}, 2);
    QCOMPARE(layout.totalRows(), 2.0);
    QVERIFY(layout.placements().isEmpty());
}

QTEST_GUILESS_MAIN(TimelineLayoutTest)
#include "timelinelayouttest.moc"
