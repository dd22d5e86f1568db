#include "navigationhistory.h"

#include <QTest>

using namespace ntl;

// Back and Forward over navigation states, as a browser does them.
class NavigationHistoryTest : public QObject {
    Q_OBJECT
private slots:
    void firstStateIsCurrentWithNothingToGoTo();
    void stepsGoBackAndForward();
    void newStepClearsForward();
    void unchangedStateAddsNoEntry();
    void glideStepsCoalesceWithinTheWindow();
    void glideAfterPauseIsNewEntry();
    void stepEndsGlide();
    void touchChangesCurrentInPlace();
    void capacityDropsOldest();
    void rangesCompareWithTolerance();
    void clearEmpties();
};

static NavigationState at(const QString &eventId, int tab = 0, double from = 0, double to = 10) {
    NavigationState state;
    state.eventId = eventId;
    state.tab = tab;
    state.fromDay = from;
    state.toDay = to;
    return state;
}

void NavigationHistoryTest::firstStateIsCurrentWithNothingToGoTo() {
    NavigationHistory history;
    QVERIFY(history.isEmpty());
    QVERIFY(!history.canGoBack());
    QVERIFY(!history.canGoForward());
    // Even a touch: the first state is where the user starts.
    history.record(at(QStringLiteral("a")), NavigationHistory::Change::Touch, 0);
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.current().eventId, QStringLiteral("a"));
    QVERIFY(!history.canGoBack());
    QVERIFY(!history.canGoForward());
}

void NavigationHistoryTest::stepsGoBackAndForward() {
    NavigationHistory history;
    history.record(at(QStringLiteral("a")), NavigationHistory::Change::Step, 0);
    history.record(at(QStringLiteral("b")), NavigationHistory::Change::Step, 10);
    history.record(at(QStringLiteral("b"), 2), NavigationHistory::Change::Step, 20);
    QCOMPARE(history.size(), 3);
    QVERIFY(history.canGoBack());
    QVERIFY(!history.canGoForward());
    QCOMPARE(history.back(), at(QStringLiteral("b")));
    QCOMPARE(history.back(), at(QStringLiteral("a")));
    QVERIFY(!history.canGoBack());
    QVERIFY(history.canGoForward());
    QCOMPARE(history.back(), at(QStringLiteral("a"))); // nothing further: stays
    QCOMPARE(history.forward(), at(QStringLiteral("b")));
    QCOMPARE(history.forward(), at(QStringLiteral("b"), 2));
    QVERIFY(!history.canGoForward());
}

void NavigationHistoryTest::newStepClearsForward() {
    NavigationHistory history;
    history.record(at(QStringLiteral("a")), NavigationHistory::Change::Step, 0);
    history.record(at(QStringLiteral("b")), NavigationHistory::Change::Step, 10);
    history.record(at(QStringLiteral("c")), NavigationHistory::Change::Step, 20);
    history.back();
    history.back();
    QVERIFY(history.canGoForward());
    history.record(at(QStringLiteral("d")), NavigationHistory::Change::Step, 30);
    QVERIFY(!history.canGoForward());
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.back(), at(QStringLiteral("a")));
    QCOMPARE(history.forward(), at(QStringLiteral("d")));
}

void NavigationHistoryTest::unchangedStateAddsNoEntry() {
    NavigationHistory history;
    history.record(at(QStringLiteral("a")), NavigationHistory::Change::Step, 0);
    history.record(at(QStringLiteral("b")), NavigationHistory::Change::Step, 10);
    history.back();
    // Recording the state just returned to (the restore's own echo) keeps Forward.
    history.record(at(QStringLiteral("a")), NavigationHistory::Change::Step, 20);
    QCOMPARE(history.size(), 2);
    QVERIFY(history.canGoForward());
}

void NavigationHistoryTest::glideStepsCoalesceWithinTheWindow() {
    NavigationHistory history;
    history.record(at(QStringLiteral("a"), 0, 0, 100), NavigationHistory::Change::Step, 0);
    // Ten wheel steps 100 ms apart: one entry, the last range.
    for (int i = 1; i <= 10; ++i)
        history.record(at(QStringLiteral("a"), 0, i, 100 - i), NavigationHistory::Change::Glide,
                       1000 + 100 * i);
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.current(), at(QStringLiteral("a"), 0, 10, 90));
    QCOMPARE(history.back(), at(QStringLiteral("a"), 0, 0, 100));
}

void NavigationHistoryTest::glideAfterPauseIsNewEntry() {
    NavigationHistory history;
    history.record(at(QStringLiteral("a"), 0, 0, 100), NavigationHistory::Change::Step, 0);
    history.record(at(QStringLiteral("a"), 0, 1, 99), NavigationHistory::Change::Glide, 1000);
    const qint64 later = 1000 + NavigationHistory::glideWindowMs + 1;
    history.record(at(QStringLiteral("a"), 0, 2, 98), NavigationHistory::Change::Glide, later);
    QCOMPARE(history.size(), 3);
    QCOMPARE(history.back(), at(QStringLiteral("a"), 0, 1, 99));
    // Going back ends the glide: the next zoom step, however soon, is an entry of its own.
    history.record(at(QStringLiteral("a"), 0, 5, 95), NavigationHistory::Change::Glide, later + 1);
    QCOMPARE(history.size(), 3);
    QCOMPARE(history.currentIndex(), 2);
    QCOMPARE(history.back(), at(QStringLiteral("a"), 0, 1, 99));
}

void NavigationHistoryTest::stepEndsGlide() {
    NavigationHistory history;
    history.record(at(QStringLiteral("a"), 0, 0, 100), NavigationHistory::Change::Step, 0);
    history.record(at(QStringLiteral("a"), 0, 1, 99), NavigationHistory::Change::Glide, 10);
    history.record(at(QStringLiteral("b"), 0, 1, 99), NavigationHistory::Change::Step, 20);
    history.record(at(QStringLiteral("b"), 0, 2, 98), NavigationHistory::Change::Glide, 30);
    QCOMPARE(history.size(), 4);
}

void NavigationHistoryTest::touchChangesCurrentInPlace() {
    NavigationHistory history;
    history.record(at(QStringLiteral("a")), NavigationHistory::Change::Step, 0);
    history.record(at(QStringLiteral("b")), NavigationHistory::Change::Step, 10);
    NavigationState scrolled = at(QStringLiteral("b"));
    scrolled.timelineScroll = 240;
    history.record(scrolled, NavigationHistory::Change::Touch, 20);
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.current().timelineScroll, 240);
    history.back();
    QCOMPARE(history.forward().timelineScroll, 240);
    // A touch does not clear Forward either.
    history.back();
    NavigationState aScrolled = at(QStringLiteral("a"));
    aScrolled.articleScroll = 12;
    history.record(aScrolled, NavigationHistory::Change::Touch, 30);
    QVERIFY(history.canGoForward());
    QCOMPARE(history.current().articleScroll, 12);
}

void NavigationHistoryTest::capacityDropsOldest() {
    NavigationHistory history(5);
    for (int i = 0; i < 8; ++i)
        history.record(at(QString::number(i)), NavigationHistory::Change::Step, i * 10);
    QCOMPARE(history.size(), 5);
    QCOMPARE(history.current().eventId, QStringLiteral("7"));
    while (history.canGoBack())
        history.back();
    QCOMPARE(history.current().eventId, QStringLiteral("3"));
    QCOMPARE(NavigationHistory().capacity(), NavigationHistory::defaultCapacity);
}

void NavigationHistoryTest::rangesCompareWithTolerance() {
    QCOMPARE(at(QString(), 0, 1.0, 2.0), at(QString(), 0, 1.0 + 1e-9, 2.0 - 1e-9));
    QVERIFY(at(QString(), 0, 1.0, 2.0) != at(QString(), 0, 1.01, 2.0));
    // Not laid out: equal whatever the numbers, and unequal to any range.
    QCOMPARE(at(QString(), 0, 5, 1), at(QString(), 0, 3, 2));
    QVERIFY(at(QString(), 0, 5, 1) != at(QString(), 0, 1, 5));
}

void NavigationHistoryTest::clearEmpties() {
    NavigationHistory history;
    history.record(at(QStringLiteral("a")), NavigationHistory::Change::Step, 0);
    history.record(at(QStringLiteral("b")), NavigationHistory::Change::Step, 10);
    history.clear();
    QVERIFY(history.isEmpty());
    QVERIFY(!history.canGoBack());
    QVERIFY(!history.canGoForward());
    QCOMPARE(history.current(), NavigationState());
}

QTEST_GUILESS_MAIN(NavigationHistoryTest)
#include "navigationhistorytest.moc"
