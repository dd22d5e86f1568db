#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "testdataset.h"
#include "syntheticdataset.h"
#include "printabletext.h"
#include "timelineoverlay.h"
#include "timelineview.h"

#include <QChart>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QImage>
#include <QPainter>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QCategoryAxis>
#include <QMenu>
#include <QTest>
#include <QTimer>

using namespace ntl;

// Drives the real timeline widget on the offscreen platform.
class TimelineViewTest : public QObject
{
    Q_OBJECT
private slots:
    void wrappedLabelKeepsTheTextsLineSpacingInTallRows();
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }
    void init();
    void cleanup();
    void lanesFollowTheLaneMode();
    void everyShownEventHasAMarkerAndMultiSideEventsOneInEachLane();
    void clickingAMarkerSelectsTheEvent();
    void keysMoveBetweenEventsAndEnterActivates();
    void doubleClickActivates();
    void filteringRemovesMarkers();
    void noEventShownNamesNoDates();
    void zoomAndPanChangeTheVisibleRange();
    void busiestWeekIsComputedFromTheData();
    void hoverShowsACalloutWithTitleAndDate();
    void crowdedDayNeitherOverlapsMarkersNorLabels();
    void markupInTitlesIsShownLiterally();
    void countMarkersHoldEveryEventInViewAtEveryZoom();
    void clickingACountMarkerZoomsIn();
    void countMarkerOfOneDayListsItsEvents();
    void laneNamesAreShownLiterally();
    void anEventOfSeveralSidesIsLabelledOnceAndMarkedInEach();
    void everyLabelBeginsOrEndsAtItsOwnMark();
    void theSelectedEventIsLabelledFirstWhenRoomRunsOut();
    void eventsWithoutALabelAreCountedAndListed();
    void lanesGrowOnScreenAndFitInAnExport();
    void manyActorsOfOneNameMakeBoundedLanes();
    void controlsAndOverridesInNamesAreNotDrawn();
    void labelsDoNotJumpWhilePanning();
    void datasetWithoutDatedEventsPansAndZooms();

private:
    void show(std::shared_ptr<const Dataset> dataset);

    EventModel *m_events = nullptr;
    EventFilterModel *m_filter = nullptr;
    QItemSelectionModel *m_selection = nullptr;
    TimelineView *m_view = nullptr;
};

static std::shared_ptr<const Dataset> crowdedDataset(int sameDay, const QString &titlePrefix)
{
    auto dataset = std::make_shared<Dataset>();
    dataset->title = QStringLiteral("crowded");
    dataset->sides = {{QStringLiteral("a"), QStringLiteral("Side A"), {}}, {QStringLiteral("b"), QStringLiteral("Side B"), {}}};
    dataset->actors = {{QStringLiteral("x"), QStringLiteral("X"), ActorKind::Country, QStringLiteral("a"), {}, {}},
                       {QStringLiteral("y"), QStringLiteral("Y"), ActorKind::Country, QStringLiteral("b"), {}, {}}};
    for (int i = 0; i < sameDay + 6; ++i) {
        Event event;
        event.id = QStringLiteral("e%1").arg(i);
        event.title = QStringLiteral("%1 %2").arg(titlePrefix).arg(i);
        event.kind = QStringLiteral("talks");
        const QDate day = i < sameDay ? QDate(2025, 11, 25) : QDate(2025, 11, 20 + (i - sameDay) * 2);
        event.date = {day, day, DatePrecision::Day, {}, DateBasis::Stated, {}, {}};
        event.participants = {{i % 3 == 0 ? QStringLiteral("y") : QStringLiteral("x"), ParticipantRole::Party}};
        dataset->events.append(event);
    }
    dataset->reindex();
    return dataset;
}

void TimelineViewTest::noEventShownNamesNoDates() {
    const auto dateLabels = [this] {
        return qobject_cast<QCategoryAxis *>(m_view->chart()->axes(Qt::Horizontal).first())
            ->categoriesLabels();
    };
    QVERIFY(!dateLabels().isEmpty());
    // A filter that matches nothing: no axis of a made-up day ("1 Dec", "2 Dec").
    m_filter->setSearchText(QStringLiteral("no-such-word-anywhere"));
    QCOMPARE(m_filter->rowCount(), 0);
    QTRY_COMPARE(dateLabels(), QStringList());
    m_filter->clearFilters();
    QTRY_VERIFY(!dateLabels().isEmpty());
}

void TimelineViewTest::init()
{
    m_events = new EventModel;
    m_filter = new EventFilterModel;
    m_filter->setSourceModel(m_events);
    m_selection = new QItemSelectionModel(m_filter);
    m_view = new TimelineView(m_filter, m_selection);
    show(loadFixture("valid/minimal.json"));
}

void TimelineViewTest::show(std::shared_ptr<const Dataset> dataset)
{
    m_events->setDataset(std::move(dataset));
    QCoreApplication::processEvents(); // the view rebuilds once the model settles
    m_view->resize(1000, std::max(600, m_view->minimumChartHeight()));
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
}

void TimelineViewTest::cleanup()
{
    delete m_view;
    delete m_selection;
    delete m_filter;
    delete m_events;
}

void TimelineViewTest::lanesFollowTheLaneMode()
{
    QCOMPARE(m_view->laneLabels(), (QStringList{QStringLiteral("North"), QStringLiteral("South"), QStringLiteral("The League")}));
    m_view->setLaneMode(TimelineView::LaneMode::Actor);
    // By side, then by number of events: North (2), the envoy (1), South, the League.
    QCOMPARE(m_view->laneLabels(), (QStringList{QStringLiteral("North"), QStringLiteral("Ana Envoy"),
                                                QStringLiteral("South"), QStringLiteral("The League")}));
    m_view->setLaneMode(TimelineView::LaneMode::Kind);
    QCOMPARE(m_view->laneLabels(), (QStringList{QStringLiteral("statement"), QStringLiteral("talks")}));
}

void TimelineViewTest::everyShownEventHasAMarkerAndMultiSideEventsOneInEachLane()
{
    QCOMPARE(m_view->markerPositions(QStringLiteral("ev-talks")).size(), 3); // North, South, League
    QCOMPARE(m_view->markerPositions(QStringLiteral("ev-statement")).size(), 2);
    QCOMPARE(m_view->markerPositions(QStringLiteral("ev-second-round")).size(), 2);
    const QList<QPoint> talks = m_view->markerPositions(QStringLiteral("ev-talks"));
    QCOMPARE(talks.at(0).x(), talks.at(1).x()); // joined vertically at the same date
    QVERIFY(talks.at(0).y() < talks.at(1).y());
    for (const QPoint &point : talks)
        QVERIFY(m_view->viewport()->rect().contains(point));
}

void TimelineViewTest::clickingAMarkerSelectsTheEvent()
{
    const QPoint marker = m_view->markerPositions(QStringLiteral("ev-second-round")).first();
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, marker);
    QCOMPARE(m_selection->currentIndex().data(EventModel::EventIdRole).toString(), QStringLiteral("ev-second-round"));
    QVERIFY(m_selection->isRowSelected(m_selection->currentIndex().row(), {}));
    QCOMPARE(m_view->eventAt(QPoint(2, 2)), QString()); // outside the plot: nothing
}

void TimelineViewTest::keysMoveBetweenEventsAndEnterActivates()
{
    QSignalSpy activated(m_view, &TimelineView::eventActivated);
    m_view->setFocus();
    QTest::keyClick(m_view, Qt::Key_Down);
    QCOMPARE(m_selection->currentIndex().data(EventModel::EventIdRole).toString(), QStringLiteral("ev-talks"));
    QTest::keyClick(m_view, Qt::Key_Down);
    QCOMPARE(m_selection->currentIndex().data(EventModel::EventIdRole).toString(), QStringLiteral("ev-statement"));
    QTest::keyClick(m_view, Qt::Key_Up);
    QCOMPARE(m_selection->currentIndex().data(EventModel::EventIdRole).toString(), QStringLiteral("ev-talks"));
    QTest::keyClick(m_view, Qt::Key_Return);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().first().toString(), QStringLiteral("ev-talks"));
}

void TimelineViewTest::doubleClickActivates()
{
    QSignalSpy activated(m_view, &TimelineView::eventActivated);
    const QPoint marker = m_view->markerPositions(QStringLiteral("ev-statement")).first();
    QTest::mouseDClick(m_view->viewport(), Qt::LeftButton, {}, marker);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().first().toString(), QStringLiteral("ev-statement"));
}

void TimelineViewTest::filteringRemovesMarkers()
{
    m_filter->setKinds({QStringLiteral("statement")});
    QCoreApplication::processEvents();
    QVERIFY(m_view->markerPositions(QStringLiteral("ev-talks")).isEmpty());
    QCOMPARE(m_view->markerPositions(QStringLiteral("ev-statement")).size(), 2);
    m_filter->clearFilters();
    QCoreApplication::processEvents();
    QCOMPARE(m_view->markerPositions(QStringLiteral("ev-talks")).size(), 3);
}

void TimelineViewTest::zoomAndPanChangeTheVisibleRange()
{
    const auto whole = m_view->visibleRange();
    m_view->setFocus();
    QTest::keyClick(m_view, Qt::Key_Plus);
    const auto zoomed = m_view->visibleRange();
    QVERIFY(zoomed.second - zoomed.first < whole.second - whole.first);
    QTest::keyClick(m_view, Qt::Key_Right);
    const auto panned = m_view->visibleRange();
    QVERIFY(panned.first > zoomed.first);
    QCOMPARE(panned.second - panned.first, zoomed.second - zoomed.first);
    QTest::keyClick(m_view, Qt::Key_Home);
    QCOMPARE(m_view->visibleRange(), whole);
    // Dragging pans; the markers move with the data.
    QTest::keyClick(m_view, Qt::Key_Plus);
    const QPoint before = m_view->markerPositions(QStringLiteral("ev-statement")).first();
    const QPoint start(m_view->viewport()->width() / 2, m_view->viewport()->height() - 60);
    QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, start);
    QMouseEvent move(QEvent::MouseMove, start + QPoint(80, 0), m_view->viewport()->mapToGlobal(start + QPoint(80, 0)),
                     Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_view->viewport(), &move);
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, start + QPoint(80, 0));
    const QPoint after = m_view->markerPositions(QStringLiteral("ev-statement")).first();
    QVERIFY2(after.x() > before.x(), qPrintable(QStringLiteral("%1 -> %2").arg(before.x()).arg(after.x())));
}

void TimelineViewTest::busiestWeekIsComputedFromTheData()
{
    QCOMPARE(m_view->busiestWeekText(), QStringLiteral("Busiest week (4 Mar – 10 Mar, 2 events)"));
    m_view->showBusiestWeek();
    const auto range = m_view->visibleRange();
    const double start = m_view->layout().x(QDate(2030, 3, 4));
    QVERIFY(range.first <= start && range.first > start - 1);
    QVERIFY(m_view->markerPositions(QStringLiteral("ev-talks")).first().x() > 0);
}

void TimelineViewTest::hoverShowsACalloutWithTitleAndDate()
{
    const QPoint marker = m_view->markerPositions(QStringLiteral("ev-second-round")).first();
    QTest::mouseMove(m_view->viewport(), marker);
    QMouseEvent move(QEvent::MouseMove, marker, m_view->viewport()->mapToGlobal(marker), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_view->viewport(), &move);
    QCOMPARE(m_view->calloutText(), QStringLiteral("Second round announced\nweek of 11 Mar 2030 · planned"));
}

void TimelineViewTest::crowdedDayNeitherOverlapsMarkersNorLabels()
{
    show(crowdedDataset(24, QStringLiteral("Event")));
    QList<QPoint> markers;
    for (int i = 0; i < 30; ++i) {
        const QList<QPoint> positions = m_view->markerPositions(QStringLiteral("e%1").arg(i));
        QCOMPARE(positions.size(), 1); // every event is drawn: none hidden
        markers.append(positions.first());
    }
    for (int i = 0; i < markers.size(); ++i) {
        for (int j = i + 1; j < markers.size(); ++j) {
            const QPoint d = markers.at(i) - markers.at(j);
            QVERIFY2(std::abs(d.x()) >= 11 || std::abs(d.y()) >= 11,
                     qPrintable(QStringLiteral("markers e%1 and e%2 overlap").arg(i).arg(j)));
        }
    }
    const QList<QRect> labels = m_view->labelRects();
    QVERIFY(!labels.isEmpty());
    for (int i = 0; i < labels.size(); ++i) {
        for (int j = i + 1; j < labels.size(); ++j)
            QVERIFY2(!labels.at(i).intersects(labels.at(j)),
                     qPrintable(QStringLiteral("labels %1 (%2,%3 %4x%5) and %6 (%7,%8 %9x%10) overlap")
                                    .arg(m_view->shownLabels().at(i)).arg(labels.at(i).x()).arg(labels.at(i).y())
                                    .arg(labels.at(i).width()).arg(labels.at(i).height())
                                    .arg(m_view->shownLabels().at(j)).arg(labels.at(j).x()).arg(labels.at(j).y())
                                    .arg(labels.at(j).width()).arg(labels.at(j).height())));
        for (const QPoint &marker : markers)
            QVERIFY2(!labels.at(i).contains(marker), "a label covers a marker");
    }
}

void TimelineViewTest::markupInTitlesIsShownLiterally()
{
    show(crowdedDataset(1, QStringLiteral("<b>x</b><img src=\"file:///etc/passwd\">")));
    QVERIFY(m_view->shownLabels().join(QString()).contains(QStringLiteral("<b>x</b>")));
    const QPoint marker = m_view->markerPositions(QStringLiteral("e0")).first();
    QMouseEvent move(QEvent::MouseMove, marker, m_view->viewport()->mapToGlobal(marker), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_view->viewport(), &move);
    QVERIFY(m_view->calloutText().startsWith(QStringLiteral("<b>x</b><img src=\"file:///etc/passwd\"> 0")));
}

void TimelineViewTest::countMarkersHoldEveryEventInViewAtEveryZoom()
{
    show(makeSyntheticDataset(3000, 7));
    m_view->resize(1000, 600);
    for (const double zoom : {1.0, 4.0, 12.0, 60.0}) {
        m_view->showWholePeriod();
        m_view->zoomBy(zoom);
        m_view->settle();
        const auto [from, to] = m_view->visibleRange();
        // Independently of the view: each event in each of its sides' lanes, if its span
        // overlaps the visible range.
        QList<int> expected(m_view->laneLabels().size(), 0);
        const auto dataset = m_events->dataset();
        for (int row = 0; row < m_filter->rowCount(); ++row) {
            const QModelIndex index = m_filter->index(row, 0);
            const double x0 = m_view->layout().x(index.data(EventModel::StartDateRole).toDate());
            const double x1 = m_view->layout().x(index.data(EventModel::EndDateRole).toDate().addDays(1));
            if (x1 <= from || x0 >= to)
                continue;
            for (const QString &side : index.data(EventModel::SideIdsRole).toStringList())
                ++expected[dataset->sideIndex(side)];
        }
        const QList<TimelineView::LaneSummary> summaries = m_view->laneSummaries();
        QCOMPARE(summaries.size(), expected.size());
        int counted = 0;
        for (qsizetype lane = 0; lane < summaries.size(); ++lane) {
            QCOMPARE(summaries.at(lane).individual + summaries.at(lane).counted, expected.at(lane));
            counted += summaries.at(lane).counted;
        }
        int inMarkers = 0;
        for (const auto &marker : m_view->countMarkers())
            inMarkers += marker.second;
        QCOMPARE(inMarkers, counted); // what the markers say is what they hold
        if (zoom == 1.0)
            QVERIFY2(counted > 0, "the whole period of 3,000 events must aggregate");
    }
}

void TimelineViewTest::clickingACountMarkerZoomsIn()
{
    show(makeSyntheticDataset(3000, 7));
    m_view->settle();
    const auto markers = m_view->countMarkers();
    QVERIFY(!markers.isEmpty());
    const auto before = m_view->visibleRange();
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, markers.first().first);
    const auto after = m_view->visibleRange();
    QVERIFY(after.second - after.first < (before.second - before.first) / 4);
}

void TimelineViewTest::countMarkerOfOneDayListsItsEvents()
{
    show(crowdedDataset(300, QStringLiteral("Same day")));
    // Zoomed in as far as the view goes: 25 November cannot be spread any wider.
    const double day = m_view->layout().x(QDate(2025, 11, 25));
    m_view->setVisibleRange(day, day + 1);
    m_view->settle();
    const auto markers = m_view->countMarkers();
    QVERIFY(!markers.isEmpty());
    const int held = markers.first().second;
    QVERIFY(held > 25);
    QStringList listed;
    bool more = false;
    QTimer::singleShot(0, this, [&] {
        QMenu *menu = m_view->countMenu();
        QVERIFY(menu);
        for (QAction *action : menu->actions()) {
            if (action->isEnabled())
                listed.append(action->text());
            else
                more = action->text().contains(QString::number(held - 25));
        }
        menu->actions().first()->trigger();
        menu->close();
    });
    const auto before = m_view->visibleRange();
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, markers.first().first);
    QCOMPARE(m_view->visibleRange(), before); // listing, not zooming
    QCOMPARE(listed.size(), 25);
    QVERIFY2(more, "the menu says how many more it holds");
    const QString current = m_selection->currentIndex().data(EventModel::TitleRole).toString();
    QVERIFY(current.startsWith(QStringLiteral("Same day")));
    QVERIFY2(listed.first().endsWith(current), qPrintable(listed.first() + QStringLiteral(" / ") + current));
    for (const QString &text : std::as_const(listed))
        QVERIFY(text.startsWith(QStringLiteral("Tue 25 Nov 2025 · Same day")));
}

// Events on a few busy days, a third of them on both sides: more than a small view can label.
static std::shared_ptr<const Dataset> twoSidedDataset(int count, int days = 4)
{
    auto dataset = std::make_shared<Dataset>(*crowdedDataset(0, QString()));
    dataset->events.clear();
    for (int i = 0; i < count; ++i) {
        Event event;
        event.id = QStringLiteral("e%1").arg(i);
        event.title = QStringLiteral("Talks number %1 between the delegations").arg(i);
        event.kind = QStringLiteral("talks");
        const QDate day = QDate(2025, 11, 20).addDays(i % days);
        event.date = {day, day, DatePrecision::Day, {}, DateBasis::Stated, {}, {}};
        event.participants = {{QStringLiteral("x"), ParticipantRole::Party}};
        if (i % 3 == 0)
            event.participants.append({QStringLiteral("y"), ParticipantRole::Party});
        dataset->events.append(event);
    }
    dataset->reindex();
    return dataset;
}

void TimelineViewTest::anEventOfSeveralSidesIsLabelledOnceAndMarkedInEach()
{
    show(twoSidedDataset(12));
    m_view->settle();
    const QStringList labelled = m_view->labelledEvents();
    QCOMPARE(QSet<QString>(labelled.cbegin(), labelled.cend()).size(), labelled.size()); // once each
    QCOMPARE(labelled.size(), 12); // and every one, with room enough
    for (int i = 0; i < 12; ++i)
        QCOMPARE(m_view->markerPositions(QStringLiteral("e%1").arg(i)).size(), i % 3 == 0 ? 2 : 1);
}

void TimelineViewTest::everyLabelBeginsOrEndsAtItsOwnMark()
{
    show(twoSidedDataset(40));
    m_view->settle();
    const QStringList labelled = m_view->labelledEvents();
    const QList<QRect> rects = m_view->labelRects();
    QVERIFY(labelled.size() > 10);
    for (int i = 0; i < labelled.size(); ++i) {
        const QRect &rect = rects.at(i);
        bool atItsMark = false;
        for (const QPoint &mark : m_view->markerPositions(labelled.at(i))) {
            // Beside the mark (within the mark's half width and the gap), on its row.
            const bool row = mark.y() >= rect.top() - 2 && mark.y() <= rect.top() + 14;
            const bool right = std::abs(rect.left() - mark.x()) <= 14;
            const bool left = std::abs(rect.right() - mark.x()) <= 14;
            atItsMark |= row && (right || left);
        }
        QVERIFY2(atItsMark, qPrintable(labelled.at(i)));
    }
}

void TimelineViewTest::theSelectedEventIsLabelledFirstWhenRoomRunsOut()
{
    show(twoSidedDataset(120));
    m_view->setFitToHeight(true);
    m_view->resize(700, 300);
    m_view->settle();
    QStringList unlabelled;
    for (const QList<QString> &lane : m_view->unlabelledEvents())
        unlabelled += lane;
    QVERIFY2(!unlabelled.isEmpty(), "the view must be too small for every label");
    const QString chosen = unlabelled.last();
    m_selection->setCurrentIndex(m_filter->indexOfEvent(chosen),
                                 QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->settle();
    QVERIFY2(m_view->labelledEvents().contains(chosen), qPrintable(chosen));
}

void TimelineViewTest::eventsWithoutALabelAreCountedAndListed()
{
    show(twoSidedDataset(120));
    m_view->setFitToHeight(true);
    m_view->resize(700, 300);
    m_view->settle();
    const QList<QList<QString>> unlabelled = m_view->unlabelledEvents();
    int lane = -1;
    for (int l = 0; l < unlabelled.size() && lane < 0; ++l)
        lane = unlabelled.at(l).isEmpty() ? -1 : l;
    QVERIFY(lane >= 0);
    // The note sits at the lane's top right: find it by scanning that corner for a click
    // that opens the list.
    QStringList listed;
    const QRect plot = m_view->chart()->plotArea().toRect();
    bool opened = false;
    for (int y = plot.top(); y < plot.bottom() && !opened; y += 3) {
        QTimer::singleShot(0, this, [&] {
            if (QMenu *menu = m_view->countMenu()) {
                opened = menu->accessibleName() == QStringLiteral("Events without a label");
                for (QAction *action : menu->actions())
                    listed.append(action->text());
                menu->close();
            }
        });
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, m_view->mapFromScene(m_view->chart()->mapToScene(QPointF(plot.right() - 30, y))));
        QCoreApplication::processEvents();
    }
    QVERIFY2(opened, "a click on a lane's note lists its events without a label");
    QVERIFY(!listed.isEmpty());
}

void TimelineViewTest::lanesGrowOnScreenAndFitInAnExport()
{
    show(twoSidedDataset(120));
    m_view->resize(800, 300);
    m_view->settle();
    QCoreApplication::processEvents();
    QVERIFY2(m_view->minimumHeight() > 300, "on screen the lanes take the rows their labels need");
    int unlabelled = 0;
    for (const QList<QString> &lane : m_view->unlabelledEvents())
        unlabelled += int(lane.size());
    QCOMPARE(unlabelled, 0);
    m_view->setFitToHeight(true);
    m_view->resize(800, 300);
    m_view->settle();
    QCOMPARE(m_view->minimumHeight(), m_view->minimumChartHeight()); // no more than two rows a lane
    QCOMPARE(m_view->height(), 300);
}

void TimelineViewTest::manyActorsOfOneNameMakeBoundedLanes()
{
    // 400 actors of the same name, one event each: at most 200 lanes, the rest in one, and
    // no lane name's invisible suffix grows with the number of names before it.
    auto dataset = std::make_shared<Dataset>(*crowdedDataset(0, QString()));
    dataset->actors.clear();
    dataset->events.clear();
    for (int i = 0; i < 400; ++i) {
        dataset->actors.append({QStringLiteral("p%1").arg(i), QStringLiteral("Same name"), ActorKind::Person,
                                QStringLiteral("a"), {}, {}});
        Event event;
        event.id = QStringLiteral("e%1").arg(i);
        event.title = QStringLiteral("Event %1").arg(i);
        event.kind = QStringLiteral("talks");
        const QDate day = QDate(2025, 11, 1).addDays(i % 30);
        event.date = {day, day, DatePrecision::Day, {}, DateBasis::Stated, {}, {}};
        event.participants = {{QStringLiteral("p%1").arg(i), ParticipantRole::Party}};
        if (i < 10) // the most active ten
            event.participants.append({QStringLiteral("p%1").arg(i + 1), ParticipantRole::Party});
        dataset->events.append(event);
    }
    dataset->reindex();
    show(dataset);
    m_view->setLaneMode(TimelineView::LaneMode::Actor);
    m_view->settle();
    const QStringList lanes = m_view->laneLabels();
    QCOMPARE(lanes.size(), 200);
    QCOMPARE(lanes.last(), QStringLiteral("201 other actors"));
    auto *axis = qobject_cast<QCategoryAxis *>(m_view->chart()->axes(Qt::Vertical).first());
    QVERIFY(axis);
    QCOMPARE(axis->categoriesLabels().size(), 200);
    for (const QString &label : axis->categoriesLabels())
        QVERIFY2(label.size() <= QStringLiteral("Same name").size() + 12, qPrintable(QString::number(label.size())));
    int onTheChart = 0; // every event is still on the chart, in each of its actors' lanes
    for (const TimelineView::LaneSummary &lane : m_view->laneSummaries())
        onTheChart += lane.individual + lane.counted;
    QVERIFY2(onTheChart >= 400, qPrintable(QString::number(onTheChart)));
}

void TimelineViewTest::controlsAndOverridesInNamesAreNotDrawn()
{
    auto dataset = std::make_shared<Dataset>(*crowdedDataset(2, QStringLiteral("Talks")));
    const QString hostile = QStringLiteral("A\u202eRTL\u202c\u001b[31m\nforged");
    dataset->sides[0].name = hostile;
    dataset->events[0].title = hostile;
    show(dataset);
    m_view->settle();
    const auto bad = [](const QString &text) {
        return text.contains(QChar(0x202E)) || text.contains(QChar(0x1B)) || text.contains(u'\n');
    };
    QStringList drawn = m_view->shownLabels();
    auto *axis = qobject_cast<QCategoryAxis *>(m_view->chart()->axes(Qt::Vertical).first());
    drawn += axis->categoriesLabels();
    for (QAbstractSeries *series : m_view->chart()->series())
        drawn.append(series->name());
    QVERIFY(drawn.join(u' ').contains(QStringLiteral("RTL")));
    for (const QString &text : std::as_const(drawn))
        QVERIFY2(!bad(text), qPrintable(PrintableText::escaped(text)));
    const QPoint marker = m_view->markerPositions(QStringLiteral("e0")).first();
    QMouseEvent move(QEvent::MouseMove, marker, m_view->viewport()->mapToGlobal(marker), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_view->viewport(), &move);
    const QString callout = m_view->calloutText();
    QVERIFY(callout.contains(QStringLiteral("RTL")));
    QVERIFY2(!callout.section(u'\n', 0, 0).contains(QChar(0x202E)), qPrintable(PrintableText::escaped(callout)));
}

void TimelineViewTest::labelsDoNotJumpWhilePanning()
{
    // Events on every day of two months: panning brings new ones near the view and takes
    // others away, which must not move the labels of those that stay.
    show(twoSidedDataset(300, 60));
    m_view->resize(700, 400);
    const double first = m_view->layout().x(QDate(2025, 12, 10));
    m_view->setVisibleRange(first, first + 4);
    m_view->settle();
    const auto labelsNow = [&] {
        QHash<QString, QRect> rects;
        const QStringList ids = m_view->labelledEvents();
        const QList<QRect> boxes = m_view->labelRects();
        for (int i = 0; i < ids.size(); ++i)
            rects.insert(ids.at(i), boxes.at(i));
        return rects;
    };
    const QHash<QString, QRect> before = labelsNow();
    QVERIFY(before.size() > 5);
    for (int step = 0; step < 4; ++step)
        m_view->panBy(0.05);
    m_view->settle();
    const QHash<QString, QRect> after = labelsNow();
    // Every label seen both times moved by the same distance, straight across.
    QList<int> shifts;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!after.contains(it.key()))
            continue;
        QCOMPARE(after.value(it.key()).top(), it.value().top());
        QCOMPARE(after.value(it.key()).width(), it.value().width());
        shifts.append(after.value(it.key()).left() - it.value().left());
    }
    QVERIFY(shifts.size() > 5);
    std::sort(shifts.begin(), shifts.end());
    QVERIFY2(shifts.first() < 0, "the view panned to later dates");
    QVERIFY2(shifts.last() - shifts.first() <= 1, qPrintable(QStringLiteral("%1..%2").arg(shifts.first()).arg(shifts.last())));
}

void TimelineViewTest::laneNamesAreShownLiterally()
{
    auto dataset = std::make_shared<Dataset>(*crowdedDataset(3, QStringLiteral("Event")));
    dataset->sides[0].name = QStringLiteral("<b>North</b> & <i>co</i>");
    dataset->reindex();
    show(dataset);
    // Qt Charts renders axis labels and legend names as rich text: they must read as written.
    int literal = 0;
    for (QGraphicsItem *item : m_view->chart()->scene()->items()) {
        const auto *text = dynamic_cast<QGraphicsTextItem *>(item);
        // The lane's name may be elided; its markup still shows as written.
        if (text && text->isVisible() && text->toPlainText().startsWith(QStringLiteral("<b>North</b> & <i>")))
            ++literal;
    }
    QCOMPARE(literal, 2); // the lane's name and the legend's entry
}

void TimelineViewTest::datasetWithoutDatedEventsPansAndZooms()
{
    auto dataset = std::make_shared<Dataset>(*crowdedDataset(2, QStringLiteral("Undated")));
    for (qsizetype i = 0; i < dataset->events.size(); ++i)
        dataset->events[i].date = {};
    dataset->reindex();
    show(dataset);
    QVERIFY(m_view->countMarkers().isEmpty());
    for (const int key : {Qt::Key_Left, Qt::Key_Right, Qt::Key_Plus, Qt::Key_Minus, Qt::Key_Home})
        QTest::keyClick(m_view, Qt::Key(key));
    const auto [from, to] = m_view->visibleRange();
    QVERIFY(to - from >= 1.5); // the narrowest view, however little there is to show
}

void TimelineViewTest::wrappedLabelKeepsTheTextsLineSpacingInTallRows()
{
    // A chart stretched to a tall window gives each lane row 60 pixels: a label's two lines
    // must still read as one title, a line apart, beside its mark (the first row's middle).
    QChart chart;
    TimelineOverlay overlay(&chart);
    overlay.setValueRange(QRectF(0, 0, 240, 160), 0, 1, 1); // the plot: the whole image
    QFont font;
    font.setPixelSize(12);
    const QRectF rect(10, 10, 200, 120); // two rows of 60 pixels
    overlay.setLabels({{rect, QStringLiteral("Plan narrowed from\n28 to 19 points")}}, font,
                      Qt::black, Qt::white);
    QImage image(240, 160, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    overlay.paint(&painter, nullptr, nullptr);
    painter.end();
    int top = -1, bottom = -1;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (qGray(image.pixel(x, y)) < 128) {
                if (top < 0)
                    top = y;
                bottom = y;
                break;
            }
        }
    }
    QVERIFY(top >= 0);
    const double line = QFontMetricsF(font).lineSpacing();
    QVERIFY2(bottom - top <= 2 * line + 1,
             qPrintable(QStringLiteral("text from %1 to %2, line %3").arg(top).arg(bottom).arg(line)));
    // The first line is centred on the first row, where the mark is.
    const double firstRowMiddle = rect.top() + rect.height() / 4;
    QVERIFY(top >= firstRowMiddle - line && top <= firstRowMiddle);
}

QTEST_MAIN(TimelineViewTest)
#include "timelineviewtest.moc"
