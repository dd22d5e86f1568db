#include "timelineplacement.h"

#include <QFont>
#include <QTest>

using namespace ntl;

// The placement rules of the timeline's labels, without widgets: no two labels or a label
// and a mark overlap; a label begins right of its own mark or ends left of it; one label
// per event, in any number of lanes; titles wrap instead of being cut; when room runs
// out, the events given first keep their labels.
class TimelinePlacementTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void labelsBeginOrEndAtTheirOwnMark();
    void noTwoLabelsOrMarksOverlap();
    void anEventOfSeveralLanesIsLabelledOnce();
    void longTitlesWrapRatherThanBeingCut();
    void whenRoomRunsOutTheFirstGivenKeepTheirLabels();
    void withoutARowLimitEveryTitleIsWhole();
    void wrappingIsTheNarrowestForItsLines();

private:
    QFontMetricsF metrics() const { return QFontMetricsF(m_font); }
    QFont m_font;
};

namespace {

TimelinePlacement::Event makeEvent(int id, QList<int> lanes, double x, const QString &title,
                                   double span = 0) {
    TimelinePlacement::Event e;
    e.id = id;
    e.lanes = std::move(lanes);
    e.markLeft = x - 5;
    e.markRight = x + 5 + span;
    e.title = title;
    return e;
}

// A cluster of same-day events in two lanes, as a busy day in the default dataset.
QList<TimelinePlacement::Event> busyDay(int count) {
    QList<TimelinePlacement::Event> events;
    for (int i = 0; i < count; ++i)
        events.append(
            makeEvent(i, {i % 2}, 300 + (i % 3) * 60,
                      QStringLiteral("Event number %1 with a title of several words").arg(i)));
    return events;
}

struct Box {
    int lane;
    QRectF rect; // x pixels, y rows
};

QList<Box> boxesOf(const QList<TimelinePlacement::Event> &events,
                   const TimelinePlacement::Result &result) {
    QList<Box> boxes;
    for (const TimelinePlacement::Label &label : result.labels)
        boxes.append({label.lane, label.rect});
    for (const TimelinePlacement::Mark &mark : result.marks) {
        if (mark.row >= 0) {
            const TimelinePlacement::Event &e = events.at(mark.event);
            boxes.append({mark.lane, QRectF(e.markLeft, mark.row, e.markRight - e.markLeft, 1)});
        }
    }
    return boxes;
}

} // namespace

void TimelinePlacementTest::initTestCase() {
    m_font = QFont(QStringLiteral("DejaVu Sans"));
    m_font.setPixelSize(12);
}

void TimelinePlacementTest::labelsBeginOrEndAtTheirOwnMark() {
    QList<TimelinePlacement::Event> events = busyDay(12);
    TimelinePlacement::Options options;
    options.left = 0;
    options.right = 900;
    const auto result = TimelinePlacement::place(events, 2, metrics(), options);
    QCOMPARE(result.labels.size(), 12);
    for (const TimelinePlacement::Label &label : result.labels) {
        const TimelinePlacement::Event &e = events.at(label.event);
        const bool right = qAbs(label.rect.left() - (e.markRight + options.gap)) < 0.01;
        const bool left = qAbs(label.rect.right() - (e.markLeft - options.gap)) < 0.01;
        QVERIFY2(right || left, qPrintable(e.title));
        // On the row of its own mark in that lane.
        bool found = false;
        for (const TimelinePlacement::Mark &mark : result.marks)
            found |= mark.event == label.event && mark.lane == label.lane && mark.row == label.row;
        QVERIFY2(found, qPrintable(e.title));
    }
}

void TimelinePlacementTest::noTwoLabelsOrMarksOverlap() {
    QList<TimelinePlacement::Event> events = busyDay(40);
    for (int i = 0; i < 20; ++i)
        events.append(makeEvent(100 + i, {0, 1}, 100 + i * 37, QStringLiteral("Spread %1").arg(i),
                                i % 4 ? 0 : 50));
    TimelinePlacement::Options options;
    options.right = 1200;
    options.rowLimit = {14, 14};
    const auto result = TimelinePlacement::place(events, 2, metrics(), options);
    const QList<Box> boxes = boxesOf(events, result);
    for (int a = 0; a < boxes.size(); ++a) {
        for (int b = a + 1; b < boxes.size(); ++b) {
            if (boxes.at(a).lane != boxes.at(b).lane)
                continue;
            const QRectF overlap = boxes.at(a).rect.intersected(boxes.at(b).rect);
            QVERIFY2(overlap.width() <= 0.01 || overlap.height() <= 0.01,
                     qPrintable(QStringLiteral("boxes %1 and %2 overlap").arg(a).arg(b)));
        }
    }
    for (const TimelinePlacement::Label &label : result.labels)
        QVERIFY(label.rect.bottom() <= 14);
}

void TimelinePlacementTest::anEventOfSeveralLanesIsLabelledOnce() {
    QList<TimelinePlacement::Event> events{
        makeEvent(0, {0, 1, 2}, 200, QStringLiteral("Talks of three sides"))};
    const auto result = TimelinePlacement::place(events, 3, metrics(), {});
    QCOMPARE(result.labels.size(), 1);
    QCOMPARE(result.marks.size(), 3);        // a mark in each lane
    QCOMPARE(result.labels.first().lane, 0); // its first lane, where there is room
}

void TimelinePlacementTest::longTitlesWrapRatherThanBeingCut() {
    const QString title = QStringLiteral("US official: the Ukrainians have agreed to the peace "
                                         "deal, with minor details to sort out");
    QList<TimelinePlacement::Event> events{makeEvent(0, {0}, 100, title)};
    TimelinePlacement::Options options;
    options.maxLabelWidth = 220;
    options.right = 400;
    const auto result = TimelinePlacement::place(events, 1, metrics(), options);
    QCOMPARE(result.labels.size(), 1);
    const TimelinePlacement::Label &label = result.labels.first();
    QVERIFY(label.whole);
    QVERIFY(label.lines.size() >= 2 && label.lines.size() <= 3);
    QCOMPARE(label.lines.join(u' '), title);
    for (const QString &line : label.lines)
        QVERIFY(metrics().horizontalAdvance(line) <= options.maxLabelWidth);
}

void TimelinePlacementTest::whenRoomRunsOutTheFirstGivenKeepTheirLabels() {
    // Ten events on one spot, room for three one-line labels: the first three given win,
    // whatever their order on the axis.
    QList<TimelinePlacement::Event> events;
    for (int i = 0; i < 10; ++i)
        events.append(makeEvent(
            i, {0}, 200 - i, QStringLiteral("Title %1 that is long enough to need room").arg(i)));
    std::swap(events[0], events[7]); // the caller's priority order is not the axis order
    TimelinePlacement::Options options;
    options.rowLimit = {3};
    options.right = 500;
    options.left = 150;
    const auto result = TimelinePlacement::place(events, 1, metrics(), options);
    QList<int> whole;
    for (const TimelinePlacement::Label &label : result.labels) {
        if (label.whole)
            whole.append(label.event);
    }
    std::sort(whole.begin(), whole.end());
    QCOMPARE(whole, (QList<int>{0, 1, 2}));
    QCOMPARE(result.unlabelled.size() + result.labels.size(), 10);
}

void TimelinePlacementTest::withoutARowLimitEveryTitleIsWhole() {
    QList<TimelinePlacement::Event> events = busyDay(60);
    TimelinePlacement::Options options;
    options.right = 1000;
    const auto result = TimelinePlacement::place(events, 2, metrics(), options);
    QCOMPARE(result.labels.size(), 60);
    for (const TimelinePlacement::Label &label : result.labels)
        QVERIFY(label.whole);
    QVERIFY(result.unlabelled.isEmpty());
}

void TimelinePlacementTest::wrappingIsTheNarrowestForItsLines() {
    const QString title = QStringLiteral("Zelensky to visit the US to meet Trump");
    const QStringList two = TimelinePlacement::narrowest(title, 2, 1000, metrics());
    QCOMPARE(two.size(), 2);
    QCOMPARE(two.join(u' '), title);
    // A few pixels narrower than its widest line and it would need a third line.
    double widest = 0;
    for (const QString &line : two)
        widest = std::max(widest, metrics().horizontalAdvance(line));
    QVERIFY(TimelinePlacement::wrap(title, widest - 3, metrics()).size() > 2);
    QVERIFY(TimelinePlacement::narrowest(title, 1, 50, metrics()).isEmpty()); // too narrow
}

QTEST_MAIN(TimelinePlacementTest)
#include "timelineplacementtest.moc"
