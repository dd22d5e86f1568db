#include "timelineview.h"

#include "timelineoverlay.h"
#include "timelinedensity.h"
#include "timelinelegend.h"
#include "timelineplacement.h"

#include "eventdatetext.h"
#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "plaintext.h"
#include "printabletext.h"
#include "sidepalette.h"

#include <QAccessible>
#include <QCategoryAxis>
#include <QCoreApplication>
#include <QGraphicsLayout>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QItemSelectionModel>
#include <QMap>
#include <QLineSeries>
#include <QMenu>
#include <QPainter>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <utility>

namespace ntl {

namespace {

constexpr double rangeMargin = 0.6; // axis units beyond the first and last day
constexpr double minimumRange = 1.5;
constexpr int minimumRowPixels = 13;
constexpr int labelGap = 4;
constexpr double countMarkerSize = 24;
constexpr double countSlot = 30; // pixels: a count marker holds up to three digits
constexpr int maxJoins = 400; // joins drawn at the most in a frame
constexpr int maxListedInCount = 25; // events a count marker lists when zooming cannot open it

QString uniqueLabel(QString label, QSet<QString> &used)
{
    // QCategoryAxis keys categories by label, so a repeated label gets an invisible suffix:
    // a word joiner and then the count so far in binary, a zero-width character a digit (a
    // suffix one character longer per repeat made thousands of equal names quadratic).
    if (used.contains(label)) {
        label += QChar(0x2060);
        for (qsizetype n = used.size(); n > 0; n >>= 1)
            label += QChar((n & 1) ? 0x200C : 0x200B);
    }
    while (used.contains(label)) // a name that holds such characters itself
        label.append(QChar(0x200B));
    used.insert(label);
    return label;
}

// Lanes the actor mode shows at the most: the most active actors, and one lane for the rest
// (Qt Charts lays a category axis out in time that grows faster than its categories).
constexpr int maxActorLanes = 200;


// Qt Charts rebuilds every label item (as rich text) and lays the chart out again on each
// change of categories: change them only when the wanted ones differ.
void setCategories(QCategoryAxis *axis, const QList<QPair<QString, double>> &wanted, double start)
{
    const QStringList labels = axis->categoriesLabels();
    bool same = labels.size() == wanted.size() && qFuzzyCompare(axis->startValue() + 1, start + 1);
    for (qsizetype i = 0; same && i < labels.size(); ++i)
        same = labels.at(i) == wanted.at(i).first && qFuzzyCompare(axis->endValue(labels.at(i)), wanted.at(i).second);
    if (same)
        return;
    for (const QString &label : labels)
        axis->remove(label);
    axis->setStartValue(start);
    for (const auto &[label, end] : wanted)
        axis->append(label, end);
}

// Whether an edit of these roles moves a marker, changes its lane, shape or colour, or what
// the lanes are (a title, a summary or a place only changes labels).
bool changesLayout(const QList<int> &roles) {
    static const QList<int> layoutRoles = {
        EventModel::StartDateRole,    EventModel::EndDateRole,
        EventModel::PrecisionRole,    EventModel::ParticipantIdsRole,
        EventModel::SideIdsRole,      EventModel::KindRole,
        EventModel::StatusRole,       EventModel::HasDisagreementRole,
        EventModel::SourceCountRole,  EventModel::ArticleIdsRole,
        EventModel::ArticleCountRole, EventModel::EventIdRole};
    return roles.isEmpty() || std::any_of(roles.cbegin(), roles.cend(),
                                          [](int role) { return layoutRoles.contains(role); });
}

} // namespace

TimelineView::TimelineView(EventFilterModel *filter, QItemSelectionModel *selection, QWidget *parent)
    : QChartView(parent)
    , m_filter(filter)
    , m_selection(selection)
    , m_chart(new QChart)
    , m_axisX(new QCategoryAxis)
    , m_axisY(new QCategoryAxis)
    , m_legend(m_chart, m_axisX, m_axisY)
{
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->legend()->setAlignment(Qt::AlignTop);
    m_chart->setMargins(QMargins(8, 4, 16, 4));
    m_axisX->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_axisY->setReverse(true);
    m_axisY->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    // On screen the lanes may grow taller than the window: the dates stand at the top,
    // where the view opens, and so they do in an export, under its legend.
    m_chart->addAxis(m_axisX, Qt::AlignTop);
    m_chart->addAxis(m_axisY, Qt::AlignLeft);
    setChart(m_chart);
    setRenderHint(QPainter::Antialiasing);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Timeline"));
    updateAccessibleDescription();

    m_overlay = new TimelineOverlay(m_chart);
    m_overlay->setZValue(50);

    m_callout = new QGraphicsRectItem(m_chart);
    m_callout->setZValue(100);
    m_calloutText = new QGraphicsSimpleTextItem(m_callout);
    m_callout->hide();

    connect(m_axisX, &QValueAxis::rangeChanged, this, [this](qreal min, qreal max) {
        if (m_updatingAxis)
            return;
        // Rubber-band zoom changed the axis directly; adopt and clamp it.
        setRange(min, max);
    });
    // The plot area changes while axes relabel; update the overlay once things settle.
    connect(m_chart, &QChart::plotAreaChanged, this, &TimelineView::scheduleOverlay);

    connect(filter, &QAbstractItemModel::modelReset, this, [this] {
        // The items name rows of the model's old facts: drop them now (and the old dataset
        // with them), not on the deferred rebuild.
        m_rowsStale = true;
        releaseContent();
        scheduleRebuildShowingAll();
    });
    // A filter change is a layout change followed by filtersChanged (which shows the whole
    // period); a layout change alone is an edit that moved a row in date order.
    connect(filter, &QAbstractItemModel::layoutChanged, this, &TimelineView::scheduleRebuild);
    connect(filter, &EventFilterModel::filtersChanged, this,
            &TimelineView::scheduleRebuildShowingAll);
    connect(filter, &QAbstractItemModel::dataChanged, this, &TimelineView::sourceDataChanged);
    // Only edits insert or remove rows (a filter change remaps them all as a layout change).
    connect(filter, &QAbstractItemModel::rowsInserted, this, &TimelineView::rowsChangedByEdit);
    connect(filter, &QAbstractItemModel::rowsRemoved, this, &TimelineView::rowsChangedByEdit);
    // The source's own rows say which event an edit touched, whether the filter shows it or
    // not (a hidden row still shifts the rows after it): an edit of one row is laid out in place.
    if (const EventModel *events = filter->eventSource()) {
        connect(events, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &topLeft, const QModelIndex &bottomRight,
                       const QList<int> &roles) {
                    if (!changesLayout(roles))
                        return; // a title: placed again in this frame (sourceDataChanged)
                    for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
                        noteSourceEdit(SourceEdit::Changed, row);
                });
        connect(events, &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex &, int first, int last) {
                    for (int row = first; row <= last; ++row) {
                        shiftWraps(row, 1);
                        noteSourceEdit(SourceEdit::Inserted, row);
                    }
                });
        connect(events, &QAbstractItemModel::rowsRemoved, this,
                [this](const QModelIndex &, int first, int last) {
                    for (int row = last; row >= first; --row) {
                        shiftWraps(row, -1);
                        noteSourceEdit(SourceEdit::Removed, row);
                    }
                });
        connect(events, &QAbstractItemModel::modelReset, this, [this] { m_editsUnknown = true; });
        connect(events, &QAbstractItemModel::layoutChanged, this,
                [this] { m_editsUnknown = true; });
    }
    connect(selection, &QItemSelectionModel::currentChanged, this, [this] {
        updateRings();
        updateAccessibleDescription();
        const QString id = currentEventId();
        const QList<QPoint> positions = markerPositions(id);
        if (!id.isEmpty() && !positions.isEmpty()) {
            const QRectF plot = m_chart->plotArea();
            const QPointF scene = mapToScene(positions.first());
            if (!plot.contains(m_chart->mapFromScene(scene).x(), plot.center().y()))
                fitSelection();
        }
    });

    applyPalette();
    m_rebuildPending = true; // laid out when first shown (or settled, for an export)
}

void TimelineView::setLaneMode(LaneMode mode)
{
    if (mode == m_laneMode)
        return;
    m_laneMode = mode;
    m_showWholeOnRebuild = true;
    rebuildWhenShown();
}

void TimelineView::releaseContent()
{
    m_items.clear();
    m_itemLanes.clear();
    m_laneItems.clear();
    m_laneLongest.clear();
    m_laneColors.clear();
    m_laneRows.clear();
    m_laneLabels.clear();
    m_laneSummaries.clear();
    m_shown.clear();
    m_labelItems.clear();
    m_wraps.clear();
    m_candidates.clear();
    m_eventMarkers.clear();
    m_busiestWeekCount = 0;
    m_dateOrder.clear();
    m_actorOfParticipant.clear();
    m_rowsDataset.reset();
    m_overlay->setLines({});
    m_overlay->setMarkers({});
    m_overlay->setLabels({}, labelFont(), palette().color(QPalette::Text), palette().color(QPalette::Base));
    m_overlay->setCounts({}, labelFont(), palette().color(QPalette::Text));
}

void TimelineView::rebuildWhenShown()
{
    m_editsUnknown = true; // another lane mode, palette or font: all anew
    if (isVisible())
        rebuild();
    else
        m_rebuildPending = true;
}

void TimelineView::setHighlightedActor(const QString &actorId)
{
    m_highlightedActor = actorId;
    updateRings();
}

void TimelineView::scheduleRebuild()
{
    if (m_rebuildPending)
        return;
    m_rebuildPending = true;
    if (!isVisible())
        return; // a hidden view (another tab) catches up when it is shown
    QTimer::singleShot(0, this, [this] {
        if (m_rebuildPending)
            rebuild();
    });
}

void TimelineView::scheduleRebuildShowingAll() {
    m_showWholeOnRebuild = true;
    scheduleRebuild();
}

void TimelineView::sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                     const QList<int> &roles) {
    const bool layoutChanges = changesLayout(roles);
    const EventModel *source = m_filter->eventSource();
    if (layoutChanges || !source || m_rowsStale || m_rebuildPending ||
        source->rowCount() != m_dateOrder.size()) {
        m_rowsStale = true;
        scheduleRebuild();
        return;
    }
    // A title (or a summary, a place): the markers stay; the changed rows' labels are wrapped
    // anew and this frame placed again, which bounds what shifts to the labels in view.
    m_rowsDataset = source->dataset(); // the same rows, the changed events' new values
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
        m_wraps.remove(m_filter->mapToSource(m_filter->index(row, 0)).row());
    scheduleOverlay();
}

void TimelineView::rowsChangedByEdit() {
    // The items name source rows, which have shifted: lay out again before anything reads them
    // (updateOverlay() does when a frame comes first).
    m_rowsStale = true;
    m_rowsShifted = true;
    // The source's own rowsInserted and rowsRemoved shift the wrapped titles (shaping every
    // title in the frame again was most of an add's or a remove's time); without that source,
    // they are dropped.
    if (!m_filter->eventSource())
        m_wraps.clear();
    scheduleRebuild();
}

void TimelineView::shiftWraps(int row, int delta) {
    if (m_wraps.isEmpty())
        return;
    QHash<int, Wraps> wraps;
    wraps.reserve(m_wraps.size());
    for (auto it = m_wraps.begin(); it != m_wraps.end(); ++it) {
        if (it.key() == row && delta < 0)
            continue;
        wraps.insert(it.key() >= row ? it.key() + delta : it.key(), std::move(it.value()));
    }
    m_wraps = std::move(wraps);
}

void TimelineView::refreshRows()
{
    const EventModel *source = m_filter->eventSource();
    const std::shared_ptr<const Dataset> dataset = source ? source->dataset() : nullptr;
    if (!m_rowsStale && dataset == m_rowsDataset)
        return;
    m_rowsStale = false;
    if (dataset != m_rowsDataset &&
        (!dataset || !m_rowsDataset || dataset->events.size() != m_rowsDataset->events.size()))
        m_wraps.clear(); // another dataset; an edit's handlers drop the wraps it changes
    m_rowsDataset = dataset;
    m_dateOrder.clear();
    m_actorOfParticipant.clear();
    if (!dataset)
        return;
    // The filter's order (it sorts by the model's date rank), and the dataset's actor of
    // each participant number the model uses.
    m_dateOrder = QList<int>(source->rowCount(), -1);
    for (int row = 0; row < source->rowCount(); ++row)
        m_dateOrder[source->dateRank(row)] = row;
    const EventModel::RowIds &participants = source->participants();
    for (int number = 0; number < participants.count(); ++number) {
        const Actor *actor = dataset->actor(participants.id(number));
        m_actorOfParticipant.append(actor ? int(actor - dataset->actors.constData()) : -1);
    }
}

bool TimelineView::isDated(int row) const
{
    return m_filter->eventSource()->startDay(row) != QDate().toJulianDay();
}

qint64 TimelineView::lastDay(int row) const
{
    const EventModel *source = m_filter->eventSource();
    return std::max(source->startDay(row), source->endDay(row)); // an end before the start, or none
}

int TimelineView::colorIndexOf(int row) const
{
    const EventModel::RowIds &sides = m_filter->eventSource()->sides();
    return sides.begin(row) != sides.end(row) ? *sides.begin(row) : -1; // numbered in side order
}

void TimelineView::noteSourceEdit(SourceEdit::Kind kind, int row) {
    // Only one edit is laid out in place: past that, knowing there were more is enough (edits
    // of rows the filter hides schedule no layout, and must not pile up until one comes).
    if (m_sourceEdits.size() >= 2)
        m_editsUnknown = true;
    else
        m_sourceEdits.append({kind, row});
}

void TimelineView::relayout() {
    m_editsUnknown = true;
    m_rowsStale = true;
    m_wraps.clear(); // titles wrapped anew too: an edit's kept wraps are checked against these
    rebuild();
}

void TimelineView::rebuild()
{
    if (!m_showWholeOnRebuild && m_to > m_from && layOutEditInPlace())
        return;
    m_sourceEdits.clear();
    m_editsUnknown = false;
    // An edit keeps the dates in view: each edge as a day and the axis units past its start.
    const bool keepDates = !m_showWholeOnRebuild && m_to > m_from;
    const qint64 fromDay = keepDates ? m_layout.dateAt(m_from).toJulianDay() : 0;
    const qint64 toDay = keepDates ? m_layout.dateAt(m_to).toJulianDay() : 0;
    const double fromOffset = keepDates ? m_from - m_layout.x(fromDay) : 0;
    const double toOffset = keepDates ? m_to - m_layout.x(toDay) : 0;
    m_showWholeOnRebuild = false;
    m_rowsShifted = false;
    m_rebuildPending = false;
    m_windowScale = 0; // the window of placed events is laid out anew
    hideCallout();
    refreshRows();
    m_items.clear();
    m_itemLanes.clear();
    m_laneItems.clear();
    m_laneLongest.clear();
    m_laneLabels.clear();
    m_shown.clear();
    m_labelItems.clear();

    const std::shared_ptr<const Dataset> dataset = m_rowsDataset;
    const SidePalette colors(palette(), dataset.get());

    // The shown events, in the filter's date order: walk the rows in that order and ask the
    // filter's verdict per row (mapping 100,000 proxy indexes one by one costs far more).
    const EventModel *source = dataset ? m_filter->eventSource() : nullptr;
    const EventModel::RowIds *sides = source ? &source->sides() : nullptr;
    const EventModel::RowIds *participants = source ? &source->participants() : nullptr;
    const EventModel::RowIds *kinds = source ? &source->kinds() : nullptr;
    QList<int> actorEventCount(dataset ? dataset->actors.size() : 0, 0);
    QList<bool> kindShown(kinds ? kinds->count() : 0, false);
    bool anyWithoutSide = false;
    for (const int row : std::as_const(m_dateOrder)) {
        if (!m_filter->acceptsSourceRow(row))
            continue;
        for (const int *number = participants->begin(row); number != participants->end(row); ++number) {
            if (const int actor = m_actorOfParticipant.at(*number); actor >= 0)
                ++actorEventCount[actor];
        }
        kindShown[*kinds->begin(row)] = true;
        anyWithoutSide |= sides->begin(row) == sides->end(row);
        Item item;
        item.row = row;
        item.multiDay = lastDay(row) > source->startDay(row);
        item.dated = isDated(row);
        item.firstDay = source->startDay(row);
        item.lastDay = lastDay(row);
        m_items.append(item);
    }

    // Lanes, and the lane of each side, actor or kind.
    QList<int> laneColors;
    QList<int> laneOfKey; // by side, actor or kind index; the last entry is "no side"
    const auto addLane = [&](int key, const QString &label, int colorIndex) {
        laneOfKey[key] = int(m_laneLabels.size());
        m_laneLabels.append(label);
        laneColors.append(colorIndex);
    };
    if (dataset) {
        switch (m_laneMode) {
        case LaneMode::Side:
            laneOfKey = QList<int>(dataset->sides.size() + 1, -1);
            for (qsizetype s = 0; s < dataset->sides.size(); ++s)
                addLane(int(s), dataset->sides.at(s).name, int(s));
            if (anyWithoutSide)
                addLane(int(dataset->sides.size()), tr("No side"), -1);
            break;
        case LaneMode::Actor: {
            laneOfKey = QList<int>(dataset->actors.size(), -1);
            QList<int> actors;
            QList<int> sideOrder(dataset->actors.size());
            for (qsizetype a = 0; a < dataset->actors.size(); ++a) {
                const int index = dataset->sideIndex(dataset->effectiveSideId(dataset->actors.at(a).id));
                sideOrder[a] = index < 0 ? int(dataset->sides.size()) : index;
                if (actorEventCount.at(a) > 0)
                    actors.append(int(a));
            }
            QList<int> others;
            if (actors.size() > maxActorLanes) {
                std::stable_sort(actors.begin(), actors.end(),
                                 [&](int a, int b) { return actorEventCount.at(a) > actorEventCount.at(b); });
                others = actors.mid(maxActorLanes - 1);
                actors.resize(maxActorLanes - 1);
            }
            std::stable_sort(actors.begin(), actors.end(), [&](int a, int b) {
                if (sideOrder.at(a) != sideOrder.at(b))
                    return sideOrder.at(a) < sideOrder.at(b);
                return actorEventCount.at(a) > actorEventCount.at(b);
            });
            for (int actor : actors) {
                const int side = sideOrder.at(actor);
                addLane(actor, dataset->actors.at(actor).name, side < dataset->sides.size() ? side : -1);
            }
            if (!others.isEmpty()) {
                addLane(others.first(), tr("%n other actors", nullptr, int(others.size())), -1);
                for (int actor : std::as_const(others))
                    laneOfKey[actor] = laneOfKey.at(others.first());
            }
            break;
        }
        case LaneMode::Kind: {
            laneOfKey = QList<int>(kinds->count(), -1);
            QList<int> shownKinds;
            for (int k = 0; k < kinds->count(); ++k) {
                if (kindShown.at(k))
                    shownKinds.append(k);
            }
            std::sort(shownKinds.begin(), shownKinds.end(),
                      [&](int a, int b) { return kinds->id(a) < kinds->id(b); });
            for (int kind : shownKinds)
                addLane(kind, kinds->id(kind), -1);
            break;
        }
        }
    }
    m_laneColors = laneColors;
    const int laneCount = int(m_laneLabels.size());
    m_laneItems = QList<QList<int>>(laneCount);
    m_laneLongest = QList<double>(laneCount, 0);

    // The squeezed time axis, from the shown events' days.
    QList<TimelineLayout::DayRange> ranges;
    ranges.reserve(m_items.size());
    for (const Item &item : std::as_const(m_items)) {
        if (item.dated)
            ranges.append({item.firstDay, item.lastDay});
    }
    m_layout.compute(ranges);

    // Positions and lanes; rows are placed per frame (placeMarkers).
    const int noSideKey = dataset ? int(dataset->sides.size()) : 0;
    for (int i = 0; i < m_items.size(); ++i) {
        Item &item = m_items[i];
        const int row = item.row;
        item.lanesBegin = int(m_itemLanes.size());
        item.lanesEnd = item.lanesBegin;
        if (!isDated(row))
            continue; // nowhere on a date axis
        item.x0 = m_layout.x(source->startDay(row));
        item.x1 = m_layout.x(lastDay(row) + 1);
        const auto addToLane = [&](int key) {
            const int lane = key >= 0 && key < laneOfKey.size() ? laneOfKey.at(key) : -1;
            if (lane < 0)
                return;
            for (int k = item.lanesBegin; k < m_itemLanes.size(); ++k) {
                if (m_itemLanes.at(k) == lane)
                    return;
            }
            m_itemLanes.append(lane);
            m_laneItems[lane].append(i);
            m_laneLongest[lane] = std::max(m_laneLongest.at(lane), item.x1 - item.x0);
        };
        switch (m_laneMode) {
        case LaneMode::Side:
            if (sides->begin(row) == sides->end(row))
                addToLane(noSideKey);
            for (const int *side = sides->begin(row); side != sides->end(row); ++side)
                addToLane(*side);
            break;
        case LaneMode::Actor:
            for (const int *number = participants->begin(row); number != participants->end(row); ++number)
                addToLane(m_actorOfParticipant.at(*number));
            break;
        case LaneMode::Kind: addToLane(*kinds->begin(row)); break;
        }
        item.lanesEnd = int(m_itemLanes.size());
    }

    findBusiestWeek();

    // Legend entries: one per side colour shown, planned, disagreement, count boxes, strips.
    QList<int> colorKeys;
    for (const Item &item : std::as_const(m_items)) {
        for (int k = item.lanesBegin; k < item.lanesEnd; ++k) {
            const int key = m_laneMode == LaneMode::Kind ? colorIndexOf(item.row)
                                                         : laneColors.value(m_itemLanes.at(k), -1);
            if (!colorKeys.contains(key))
                colorKeys.append(key);
        }
    }
    std::sort(colorKeys.begin(), colorKeys.end());
    QList<TimelineLegend::Side> legendSides;
    if (dataset && m_laneMode != LaneMode::Kind) {
        for (int key : std::as_const(colorKeys)) {
            if (key >= 0 && key < dataset->sides.size())
                legendSides.append({dataset->sides.at(key).name, colors.color(key)});
        }
    }
    m_legend.rebuild(legendSides, colorKeys.isEmpty() ? QColor() : colors.color(colorKeys.first()), !m_items.isEmpty(),
                     m_fitToHeight, palette().color(QPalette::Base), palette().color(QPalette::Text));

    setMinimumHeight(minimumChartHeight());
    applyPalette();
    m_rebuilding = true;
    if (keepDates) {
        // The same days in view on the new axis (an edit may squeeze or open a gap).
        setRange(m_layout.x(fromDay) + fromOffset, m_layout.x(toDay) + toOffset);
    } else {
        showWholePeriod();
    }
    m_rebuilding = false;
    emit contentChanged();
}

bool TimelineView::layOutEditInPlace() {
    const QList<SourceEdit> edits = std::exchange(m_sourceEdits, {});
    const bool unknown = std::exchange(m_editsUnknown, false);
    const EventModel *source = m_filter->eventSource();
    const std::shared_ptr<const Dataset> dataset = source ? source->dataset() : nullptr;
    // By side, the lanes are the dataset's sides (and "No side"): one row's edit leaves them,
    // unless it empties a lane or fills an empty one (the legend lists the lanes' colours).
    if (unknown || edits.size() != 1 || m_laneMode != LaneMode::Side || !dataset ||
        !m_rowsDataset || m_items.isEmpty() || dataset->sides.size() != m_rowsDataset->sides.size())
        return false;
    const qsizetype sideCount = dataset->sides.size();
    if (m_laneLabels.size() != sideCount && m_laneLabels.size() != sideCount + 1)
        return false;
    for (qsizetype s = 0; s < sideCount; ++s) {
        if (dataset->sides.at(s).name != m_laneLabels.at(s))
            return false;
    }
    const SourceEdit edit = edits.first();
    const int delta = edit.kind == SourceEdit::Inserted  ? 1
                      : edit.kind == SourceEdit::Removed ? -1
                                                         : 0;
    if (source->rowCount() != m_dateOrder.size() + delta || edit.row < 0 ||
        edit.row >= std::max(source->rowCount(), int(m_dateOrder.size())))
        return false;

    // The dates in view, as in rebuild(), before the axis may change.
    const qint64 fromDay = m_layout.dateAt(m_from).toJulianDay();
    const qint64 toDay = m_layout.dateAt(m_to).toJulianDay();
    const double fromOffset = m_from - m_layout.x(fromDay);
    const double toOffset = m_to - m_layout.x(toDay);
    QList<bool> laneFilled(m_laneItems.size());
    for (qsizetype lane = 0; lane < m_laneItems.size(); ++lane)
        laneFilled[lane] = !m_laneItems.at(lane).isEmpty();

    m_rowsShifted = false;
    m_rebuildPending = false;
    m_windowScale = 0;
    hideCallout();
    m_shown.clear();
    m_labelItems.clear();
    // From here on a failure lays out from scratch, which reads nothing of what is changed here.
    m_rowsStale = true;

    // Wrapped titles are kept by source row: shifted with the rows as they were inserted or
    // removed (shiftWraps()); a changed row's title is wrapped anew.
    if (delta == 0)
        m_wraps.remove(edit.row);
    m_rowsDataset = dataset; // the same dataset as far as refreshRows() is concerned
    refreshRows();

    if (edit.kind != SourceEdit::Inserted) {
        const auto found = std::find_if(m_items.cbegin(), m_items.cend(),
                                        [&](const Item &item) { return item.row == edit.row; });
        if (found != m_items.cend())
            removeItem(int(found - m_items.cbegin()));
    }
    if (delta != 0) {
        for (Item &item : m_items) {
            if (item.row >= edit.row + (delta < 0 ? 1 : 0))
                item.row += delta;
        }
    }
    if (edit.kind != SourceEdit::Removed && m_filter->acceptsSourceRow(edit.row) &&
        !insertItem(edit.row))
        return false;
    if (m_items.isEmpty())
        return false;
    for (qsizetype lane = 0; lane < m_laneItems.size(); ++lane) {
        if (laneFilled.at(lane) != !m_laneItems.at(lane).isEmpty())
            return false;
    }
    const EventModel::RowIds &sides = source->sides();
    const bool anyWithoutSide =
        std::any_of(m_items.cbegin(), m_items.cend(),
                    [&](const Item &item) { return sides.begin(item.row) == sides.end(item.row); });
    if (anyWithoutSide != (m_laneLabels.size() == sideCount + 1))
        return false;

    // The axis: the same unless the edit made a day busy or idle that opens or closes a gap.
    QList<TimelineLayout::DayRange> ranges;
    ranges.reserve(m_items.size());
    for (const Item &item : std::as_const(m_items)) {
        if (item.dated)
            ranges.append({item.firstDay, item.lastDay});
    }
    TimelineLayout axis;
    axis.compute(ranges);
    const bool axisChanged = !axis.sameAxis(m_layout);
    m_layout = axis;
    for (qsizetype lane = 0; lane < m_laneLongest.size(); ++lane)
        m_laneLongest[lane] = 0;
    for (Item &item : m_items) {
        if (!item.dated)
            continue;
        if (axisChanged || item.row == edit.row) {
            item.x0 = m_layout.x(item.firstDay);
            item.x1 = m_layout.x(item.lastDay + 1);
        }
        for (int k = item.lanesBegin; k < item.lanesEnd; ++k) {
            double &longest = m_laneLongest[m_itemLanes.at(k)];
            longest = std::max(longest, item.x1 - item.x0);
        }
    }
    findBusiestWeek();
    m_rowsStale = false;

    m_rebuilding = true;
    setRange(m_layout.x(fromDay) + fromOffset, m_layout.x(toDay) + toOffset);
    m_rebuilding = false;
    ++m_editsInPlace;
    emit contentChanged();
    return true;
}

void TimelineView::removeItem(int index) {
    const Item removed = m_items.at(index);
    for (int k = removed.lanesBegin; k < removed.lanesEnd; ++k) {
        QList<int> &items = m_laneItems[m_itemLanes.at(k)];
        const auto at = std::lower_bound(items.begin(), items.end(), index);
        if (at != items.end() && *at == index)
            items.erase(at);
    }
    m_items.removeAt(index);
    // The lanes name items by index, in order.
    for (QList<int> &items : m_laneItems) {
        auto after = std::upper_bound(items.begin(), items.end(), index);
        for (; after != items.end(); ++after)
            --*after;
    }
}

bool TimelineView::insertItem(int row) {
    const EventModel *source = m_filter->eventSource();
    Item item;
    item.row = row;
    item.multiDay = lastDay(row) > source->startDay(row);
    item.dated = isDated(row);
    item.firstDay = source->startDay(row);
    item.lastDay = lastDay(row);
    // Its place in the filter's (date) order.
    const int rank = source->dateRank(row);
    const int index = int(std::lower_bound(m_items.cbegin(), m_items.cend(), rank,
                                           [source](const Item &other, int r) {
                                               return source->dateRank(other.row) < r;
                                           }) -
                          m_items.cbegin());
    for (QList<int> &items : m_laneItems) {
        auto from = std::lower_bound(items.begin(), items.end(), index);
        for (; from != items.end(); ++from)
            ++*from;
    }
    item.lanesBegin = int(m_itemLanes.size());
    item.lanesEnd = item.lanesBegin;
    if (item.dated) {
        const EventModel::RowIds &sides = source->sides();
        const int sideCount = int(m_rowsDataset->sides.size());
        const auto addToLane = [&](int lane) {
            if (lane < 0 || lane >= m_laneItems.size())
                return false;
            for (int k = item.lanesBegin; k < m_itemLanes.size(); ++k) {
                if (m_itemLanes.at(k) == lane)
                    return true;
            }
            m_itemLanes.append(lane);
            QList<int> &items = m_laneItems[lane];
            items.insert(std::lower_bound(items.begin(), items.end(), index), index);
            return true;
        };
        if (sides.begin(row) == sides.end(row) && !addToLane(sideCount))
            return false;
        for (const int *side = sides.begin(row); side != sides.end(row); ++side) {
            if (!addToLane(*side))
                return false;
        }
        item.lanesEnd = int(m_itemLanes.size());
    }
    m_items.insert(index, item);
    return true;
}

QStringList TimelineView::layoutDump() const {
    QStringList lines;
    for (const Item &item : m_items) {
        QString line =
            QStringLiteral("%1 %2..%3 lanes").arg(eventIdOf(item)).arg(item.x0).arg(item.x1);
        for (int k = item.lanesBegin; k < item.lanesEnd; ++k)
            line += QLatin1Char(' ') + QString::number(m_itemLanes.at(k));
        lines.append(line);
    }
    for (qsizetype lane = 0; lane < m_laneItems.size(); ++lane) {
        QString line = QStringLiteral("lane %1 (%2, longest %3):")
                           .arg(lane)
                           .arg(m_laneLabels.value(lane))
                           .arg(m_laneLongest.value(lane));
        for (int item : m_laneItems.at(lane))
            line += QLatin1Char(' ') + eventIdOf(m_items.at(item));
        lines.append(line);
    }
    lines.append(QStringLiteral("axis to %1, %2 breaks, busiest week %3 (%4)")
                     .arg(m_layout.maxX())
                     .arg(m_layout.breaks().size())
                     .arg(m_busiestWeekStart.toString(Qt::ISODate))
                     .arg(m_busiestWeekCount));
    return lines;
}

void TimelineView::findBusiestWeek() {
    // The seven days with the most event starts (the items are in start order).
    m_busiestWeekStart = {};
    m_busiestWeekCount = 0;
    qsizetype windowStart = 0;
    qint64 bestLast = 0;
    QList<qint64> starts;
    starts.reserve(m_items.size());
    for (const Item &item : std::as_const(m_items)) {
        if (item.dated)
            starts.append(item.firstDay);
    }
    for (qsizetype i = 0; i < starts.size(); ++i) {
        while (starts.at(i) - starts.at(windowStart) >= 7)
            ++windowStart;
        if (int(i - windowStart + 1) > m_busiestWeekCount) {
            m_busiestWeekCount = int(i - windowStart + 1);
            bestLast = starts.at(i);
        }
    }
    if (m_busiestWeekCount > 0) {
        // Begin the window at its first event, so the week reads from where it starts.
        const auto first = std::lower_bound(starts.cbegin(), starts.cend(), bestLast - 6);
        m_busiestWeekStart = QDate::fromJulianDay(*first);
    }
}

int TimelineView::minimumChartHeight() const
{
    // Each lane gets at least two rows; busier lanes aggregate rather than grow.
    return int(std::max<qsizetype>(1, m_laneLabels.size()) * 2 * minimumRowPixels) + 110;
}

void TimelineView::applyPalette()
{
    const QPalette p = palette();
    m_chart->setBackgroundBrush(p.color(QPalette::Base));
    m_chart->setBackgroundPen(Qt::NoPen);
    m_chart->setPlotAreaBackgroundVisible(false);
    m_chart->legend()->setLabelColor(p.color(QPalette::Text));
    // Grid and axis lines mix text into the background, so they show in any palette.
    const auto mix = [&](qreal amount) {
        const QColor a = p.color(QPalette::Base);
        const QColor b = p.color(QPalette::Text);
        return QColor::fromRgbF(a.redF() + (b.redF() - a.redF()) * amount, a.greenF() + (b.greenF() - a.greenF()) * amount,
                                a.blueF() + (b.blueF() - a.blueF()) * amount);
    };
    for (QCategoryAxis *axis : {m_axisX, m_axisY}) {
        axis->setLabelsColor(p.color(QPalette::Text));
        // Cosmetic (one-pixel) pens take Qt's fast line path; a grid line of a wider pen
        // goes through the stroker on every frame.
        QPen line(mix(0.45), 1);
        line.setCosmetic(true);
        axis->setLinePen(line);
        QPen grid(mix(0.13), 1);
        grid.setCosmetic(true);
        axis->setGridLinePen(grid);
        axis->setLabelsFont(font());
    }
    m_callout->setBrush(p.color(QPalette::ToolTipBase));
    m_callout->setPen(QPen(p.color(QPalette::Mid)));
    m_calloutText->setBrush(p.color(QPalette::ToolTipText));
    setBackgroundBrush(p.color(QPalette::Base));
}

void TimelineView::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        m_wraps.clear();
    // The desktop's theme may change the colours while the app runs (System theme).
    const QEvent::Type type = event->type();
    if (type == QEvent::PaletteChange || type == QEvent::FontChange ||
        type == QEvent::ThemeChange || type == QEvent::StyleChange)
        rebuildWhenShown(); // the legend's colours are baked into its series
}

void TimelineView::showWholePeriod()
{
    setRange(m_layout.minX() - rangeMargin, m_layout.maxX() + rangeMargin);
}

void TimelineView::showBusiestWeek()
{
    if (m_rebuildPending)
        rebuild();
    if (m_busiestWeekCount == 0)
        return;
    setRange(m_layout.x(m_busiestWeekStart) - 0.2, m_layout.x(m_busiestWeekStart.addDays(7)) + 0.2);
}

QString TimelineView::busiestWeekText() const
{
    if (m_busiestWeekCount == 0 || m_rebuildPending) // not laid out yet: no stale dates
        return tr("Busiest week");
    const QLocale locale;
    const QString from = locale.toString(m_busiestWeekStart, QStringLiteral("d MMM"));
    const QString to = locale.toString(m_busiestWeekStart.addDays(6), QStringLiteral("d MMM"));
    return m_busiestWeekCount == 1
               ? tr("Busiest week (%1 – %2, 1 event)").arg(from, to)
               : tr("Busiest week (%1 – %2, %3 events)").arg(from, to, QString::number(m_busiestWeekCount));
}

void TimelineView::fitSelection()
{
    const int current = currentRow();
    double from = qInf();
    double to = -qInf();
    for (const Item &item : std::as_const(m_items)) {
        if (item.row == current && item.lanesEnd > item.lanesBegin) {
            from = std::min(from, item.x0);
            to = std::max(to, item.x1);
        }
    }
    if (from > to)
        return;
    const double width = std::max(to - from, 3.0);
    const double centre = (from + to) / 2;
    setRange(centre - width, centre + width);
}

void TimelineView::zoomBy(double factor, double anchorX)
{
    if (std::isnan(anchorX))
        anchorX = (m_from + m_to) / 2;
    setRange(anchorX - (anchorX - m_from) / factor, anchorX + (m_to - anchorX) / factor);
}

void TimelineView::panBy(double fractionOfRange)
{
    const double delta = (m_to - m_from) * fractionOfRange;
    const double lowest = m_layout.minX() - rangeMargin;
    // An axis narrower than the narrowest view (no dated event) still has that width.
    const double highest = std::max(m_layout.maxX() + rangeMargin, lowest + minimumRange);
    const double shift = std::clamp(delta, lowest - m_from, highest - m_to);
    setRange(m_from + shift, m_to + shift);
}

void TimelineView::setRange(double from, double to)
{
    const double lowest = m_layout.minX() - rangeMargin;
    const double highest = std::max(m_layout.maxX() + rangeMargin, lowest + minimumRange);
    double width = std::clamp(to - from, minimumRange, highest - lowest);
    from = std::clamp(from, lowest, highest - width);
    const bool moved = from != m_from || from + width != m_to;
    m_from = from;
    m_to = from + width;
    m_updatingAxis = true;
    m_axisX->setRange(m_from, m_to);
    m_updatingAxis = false;
    updateOverlay();
    if (moved && !m_rebuilding)
        emit visibleRangeChanged();
}

QPair<double, double> TimelineView::visibleRange() const
{
    // Not laid out yet (never shown, or the data changed while hidden): no range of its own.
    return m_rebuildPending ? QPair<double, double>(0, -1) : QPair<double, double>(m_from, m_to);
}

void TimelineView::settle()
{
    if (m_rebuildPending)
        rebuild();
    // The chart lays out its axes and legend on a posted event: run it now, around each
    // pass, since the plot area may move as the axis labels change.
    const auto layOutChart = [this] {
        QCoreApplication::sendPostedEvents(m_chart, QEvent::LayoutRequest);
        QCoreApplication::sendPostedEvents(m_chart->legend(), QEvent::LayoutRequest);
        if (QGraphicsLayout *chartLayout = m_chart->layout())
            chartLayout->activate();
    };
    layOutChart();
    m_overlayPending = false;
    updateOverlay();
    layOutChart();
    updateOverlay();
    layOutChart();
}

void TimelineView::updateLaneTags()
{
    // A lane taller than the window has its name (drawn by the axis at the lane's middle)
    // out of sight while scrolled: then the name stands at the top of what is in sight.
    QList<QPair<QPointF, QString>> tags;
    // What of the view is in sight: the scroll area's viewport, in this widget's coordinates.
    QRect seen = rect();
    if (m_scrollArea) {
        const QWidget *port = m_scrollArea->viewport();
        seen &= QRect(mapFrom(port, QPoint(0, 0)), port->size());
    }
    if (!m_fitToHeight && !seen.isEmpty() && m_overlay && seen.height() < height()) {
        const QRectF plot = m_chart->plotArea();
        const double seenTop = m_chart->mapFromScene(mapToScene(seen.topLeft())).y();
        const double seenBottom = m_chart->mapFromScene(mapToScene(seen.bottomLeft())).y();
        for (int lane = 0; lane < m_laneTops.size() && lane < m_laneRows.size(); ++lane) {
            const double top = m_overlay->toPosition(QPointF(m_from, m_laneTops.at(lane))).y();
            const double bottom = m_overlay->toPosition(QPointF(m_from, m_laneTops.at(lane) + m_laneRows.at(lane))).y();
            const double middle = (top + bottom) / 2;
            const bool nameSeen = middle >= seenTop && middle <= seenBottom;
            if (nameSeen || bottom <= seenTop || top >= seenBottom)
                continue;
            tags.append({QPointF(plot.left() + 4, std::max(top, seenTop) + 2), PrintableText::oneLine(m_laneLabels.at(lane))});
        }
    }
    QColor backing = palette().color(QPalette::Base);
    backing.setAlpha(235);
    if (m_overlay)
        m_overlay->setLaneTags(tags, labelFont(), palette().color(QPalette::Text), backing);
}

QList<QString> TimelineView::laneTagsShown() const
{
    QList<QString> names;
    for (const auto &tag : m_overlay->laneTags())
        names.append(tag.second);
    return names;
}

void TimelineView::showEvent(QShowEvent *event)
{
    QChartView::showEvent(event);
    // Inside a scroll area, the lanes' names follow the scrolling.
    for (QWidget *parent = parentWidget(); parent; parent = parent->parentWidget()) {
        if (auto *scroll = qobject_cast<QScrollArea *>(parent)) {
            m_scrollArea = scroll;
            connect(scroll->verticalScrollBar(), &QScrollBar::valueChanged, this, &TimelineView::updateLaneTags,
                    Qt::UniqueConnection);
            break;
        }
    }
    if (m_rebuildPending)
        rebuild();
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    updateOverlay();
}

void TimelineView::scheduleOverlay()
{
    if (m_overlayPending)
        return;
    m_overlayPending = true;
    QTimer::singleShot(0, this, [this] {
        m_overlayPending = false;
        updateOverlay();
    });
}

void TimelineView::updateOverlay()
{
    if (m_updatingAxis) {
        scheduleOverlay();
        return;
    }
    if (m_rowsShifted && isVisible()) {
        rebuild(); // an edit's rows first: the items name source rows that have moved
        return;    // rebuild() set the range, which updated the overlay
    }
    updateAxisLabels();
    placeMarkers();
    updateRings();
}

void TimelineView::placeMarkers()
{
    const QRectF plot = m_chart->plotArea();
    if (plot.width() <= 0 || plot.height() <= 0 || !m_overlay)
        return;
    const int laneCount = int(m_laneLabels.size());
    const double pixelsPerUnit = plot.width() / (m_to - m_from);
    const QFontMetricsF metrics(labelFont());
    const double lineHeight = std::ceil(metrics.height()) + 2;
    m_markerSize = std::clamp(lineHeight - 4, 7.0, 11.0);

    // Which events of each lane are in view (or near it, on screen: labels are placed over
    // a wider window so that panning does not move them), and their pixel extent: a range
    // lookup in the lane's start-ordered items, from the longest event's length before.
    // The window stays put while the view pans inside it at the same scale: the same events
    // in the same window are placed the same way, so labels do not jump.
    const bool keepWindow = !m_fitToHeight && m_windowScale > 0 &&
                            std::abs(pixelsPerUnit - m_windowScale) <= 1e-9 * m_windowScale &&
                            m_from >= m_windowFrom && m_to <= m_windowTo;
    if (!keepWindow) {
        m_windowFrom = m_fitToHeight ? m_from : m_from - (m_to - m_from);
        m_windowTo = m_fitToHeight ? m_to : m_to + (m_to - m_from);
        m_windowScale = m_fitToHeight ? 0 : pixelsPerUnit;
    }
    const double windowFrom = m_windowFrom;
    const double windowTo = m_windowTo;
    const auto pixel = [&](double x) { return (x - windowFrom) * pixelsPerUnit; };
    m_candidates.resize(std::size_t(laneCount));
    for (int lane = 0; lane < laneCount; ++lane) {
        std::vector<Candidate> &candidates = m_candidates[std::size_t(lane)];
        candidates.clear();
        const QList<int> &items = m_laneItems.at(lane);
        const double earliest = windowFrom - m_laneLongest.at(lane);
        auto it = std::lower_bound(items.cbegin(), items.cend(), earliest,
                                   [this](int item, double x) { return m_items.at(item).x0 < x; });
        const auto end = std::lower_bound(it, items.cend(), windowTo,
                                          [this](int item, double x) { return m_items.at(item).x0 < x; });
        candidates.reserve(std::size_t(end - it));
        for (; it != end; ++it) {
            const Item &item = m_items.at(*it);
            if (item.x1 <= windowFrom)
                continue;
            candidates.push_back({*it, pixel(item.x0), pixel(item.x1), (item.x0 + item.x1) / 2});
        }
    }

    // Semantic zoom: a lane whose marks would fill it shows how many events there are per
    // day, week or month instead; it becomes marks as the view zooms in. So do the busiest
    // lanes while the frame holds more events than can be placed quickly.
    const std::size_t denseLimit = std::size_t(std::max(80.0, plot.width() / 6));
    constexpr std::size_t placedLimit = 600; // more labels than a screen can show legibly
    m_denseLanes = QList<bool>(laneCount, false);
    {
        QList<int> order(laneCount);
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&](int a, int b) {
            return m_candidates[std::size_t(a)].size() > m_candidates[std::size_t(b)].size();
        });
        std::size_t total = 0;
        for (const auto &candidates : m_candidates)
            total += candidates.size();
        for (int lane : std::as_const(order)) {
            const std::size_t count = m_candidates[std::size_t(lane)].size();
            if (count > denseLimit || total > placedLimit) {
                m_denseLanes[lane] = true;
                total -= count;
            }
        }
    }

    // The events to place, most important first: the selected one, then those reported by
    // the most articles, then the earliest.
    const int current = currentRow();
    const EventModel::RowIds &articles = m_filter->eventSource()->articles();
    QHash<int, int> placementOf; // item → index in `events`
    QList<TimelinePlacement::Event> events;
    QList<int> eventItems;
    for (int lane = 0; lane < laneCount; ++lane) {
        if (m_denseLanes.at(lane))
            continue;
        for (const Candidate &candidate : m_candidates[std::size_t(lane)]) {
            auto found = placementOf.find(candidate.item);
            if (found != placementOf.end()) {
                events[*found].lanes.append(lane);
                continue;
            }
            const Item &item = m_items.at(candidate.item);
            TimelinePlacement::Event event;
            event.id = candidate.item;
            event.lanes = {lane};
            const double half = m_markerSize / 2;
            if (item.multiDay) { // the bar is the mark, a dot at its start
                // (for a span begun before the view, where it enters the view, so that its
                // label has somewhere to begin)
                event.markLeft = m_fitToHeight ? std::max(candidate.left, pixel(m_from)) : candidate.left;
                event.markRight = std::max(candidate.right, candidate.left + m_markerSize);
                if (event.markRight - event.markLeft > 3 * m_markerSize)
                    event.insideFrom = event.markLeft + m_markerSize + labelGap;
            } else {
                const double centre = (candidate.left + candidate.right) / 2;
                event.markLeft = centre - half;
                event.markRight = centre + half;
            }
            if (const Event *data = eventOf(item))
                event.title = PrintableText::oneLine(data->title); // drawn as stored, on its lines
            placementOf.insert(candidate.item, int(events.size()));
            events.append(event);
            eventItems.append(candidate.item);
        }
    }
    QList<int> order(events.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const int rowA = m_items.at(eventItems.at(a)).row;
        const int rowB = m_items.at(eventItems.at(b)).row;
        if ((rowA == current) != (rowB == current))
            return rowA == current;
        const auto reports = [&](int row) { return articles.end(row) - articles.begin(row); };
        if (reports(rowA) != reports(rowB))
            return reports(rowA) > reports(rowB);
        return m_items.at(eventItems.at(a)).x0 < m_items.at(eventItems.at(b)).x0;
    });
    TimelinePlacement::Options options;
    options.gap = labelGap;
    options.maxLabelWidth = std::clamp(plot.width() / 4, 160.0, 360.0);
    QList<TimelinePlacement::Event> ordered;
    ordered.reserve(events.size());
    for (int index : std::as_const(order)) {
        TimelinePlacement::Event event = events.at(index);
        // Shaping text is most of the cost: each title is wrapped once, by source row.
        const int row = m_items.at(event.id).row;
        auto cached = m_wraps.constFind(row);
        if (cached != m_wraps.cend()) {
            for (int k = 0; k < 3; ++k) {
                event.wrapped[k] = cached->wrapped[k];
                event.wrappedWidth[k] = cached->wrappedWidth[k];
            }
        }
        ordered.append(std::move(event));
    }

    // On screen a label may reach past the view where there is more to pan to (so that it
    // stays put while panning), never past the ends of the axis.
    options.left = std::max(pixel(windowFrom), pixel(m_layout.minX() - rangeMargin));
    options.right = std::min(pixel(windowTo),
                             pixel(std::max(m_layout.maxX() + rangeMargin, m_layout.minX() - rangeMargin + minimumRange)));
    if (m_fitToHeight) {
        options.left = pixel(m_from);
        options.right = pixel(m_to);
    }
    QFont countFont = labelFont();
    countFont.setPointSizeF(countFont.pointSizeF() * 0.85);
    countFont.setBold(true);
    // Where a lane may have to say how many of its events found no room for a label.
    if (m_fitToHeight)
        options.reservedAtRight = QFontMetricsF(countFont).horizontalAdvance(tr("%n without a label", nullptr, 888)) + 12;
    const int denseRows = 2;
    const int denseCount = int(std::count(m_denseLanes.cbegin(), m_denseLanes.cend(), true));
    TimelinePlacement::Result placed = TimelinePlacement::place(ordered, laneCount, metrics, options);
    for (const TimelinePlacement::Event &event : std::as_const(ordered)) {
        const int row = m_items.at(event.id).row;
        auto cached = m_wraps.find(row);
        if (cached == m_wraps.end()) {
            if (m_wraps.size() >= 50000)
                continue; // bounded after long browsing of a large dataset
            cached = m_wraps.insert(row, Wraps());
        }
        for (int k = 0; k < 3; ++k) {
            if (event.wrappedWidth[k] >= 0 && cached->wrappedWidth[k] < 0) {
                cached->wrapped[k] = event.wrapped[k];
                cached->wrappedWidth[k] = event.wrappedWidth[k];
            }
        }
    }
    if (m_fitToHeight) {
        // The rows there are: lanes that need few keep them, the rest share what is left,
        // and the events given first keep their labels.
        const int available = std::max(laneCount, int(plot.height() / lineHeight)) - denseCount * denseRows;
        int total = 0;
        for (int lane = 0; lane < laneCount; ++lane)
            total += m_denseLanes.at(lane) ? 0 : placed.laneRows.at(lane);
        if (total > available) {
            QList<int> sparse;
            for (int lane = 0; lane < laneCount; ++lane) {
                if (!m_denseLanes.at(lane))
                    sparse.append(lane);
            }
            std::stable_sort(sparse.begin(), sparse.end(),
                             [&](int a, int b) { return placed.laneRows.at(a) < placed.laneRows.at(b); });
            QList<int> limits(laneCount, 1);
            int left = available;
            for (int k = 0; k < sparse.size(); ++k) {
                const int lane = sparse.at(k);
                const int share = std::max(2, left / int(sparse.size() - k));
                limits[lane] = std::min(placed.laneRows.at(lane), share);
                left -= limits.at(lane);
            }
            options.rowLimit = limits;
            placed = TimelinePlacement::place(ordered, laneCount, metrics, options);
        }
    }

    // Rows of each lane: the placed ones, a row for count markers when marks found no row,
    // and a density strip for a dense lane.
    QList<bool> laneHasCounts(laneCount, false);
    for (const TimelinePlacement::Mark &mark : std::as_const(placed.marks)) {
        if (mark.row < 0)
            laneHasCounts[mark.lane] = true;
    }
    m_laneRows = QList<int>(laneCount, 1);
    QList<double> laneTop(laneCount, 0);
    double top = 0;
    for (int lane = 0; lane < laneCount; ++lane) {
        m_laneRows[lane] = m_denseLanes.at(lane) ? denseRows
                                                 : std::max(1, placed.laneRows.at(lane) + (laneHasCounts.at(lane) ? 1 : 0));
        laneTop[lane] = top;
        top += m_laneRows.at(lane);
    }

    // Lane axis: categories follow the rows each lane has in this frame.
    m_updatingAxis = true;
    QSet<QString> used;
    QList<QPair<QString, double>> laneCategories;
    const QFontMetrics laneMetrics(font());
    for (int lane = 0; lane < laneCount; ++lane) {
        // Long lane names would squeeze the plot; the full name is in the filter panel.
        const QString label = laneMetrics.elidedText(PrintableText::oneLine(m_laneLabels.at(lane)), Qt::ElideRight, 150);
        // Qt Charts renders labels as rich text: escaped, a name is shown as written.
        laneCategories.append({uniqueLabel(label.toHtmlEscaped(), used), laneTop.at(lane) + m_laneRows.at(lane)});
    }
    setCategories(m_axisY, laneCategories, 0);
    m_rowsInView = std::max(1.0, top);
    m_axisY->setRange(0, m_rowsInView);
    m_updatingAxis = false;
    m_overlay->setValueRange(plot, m_from, m_to, m_rowsInView);
    if (!m_fitToHeight) {
        // On screen the lanes take the rows they need and the view scrolls.
        const int chrome = height() - int(plot.height());
        const int wanted = chrome + int(std::ceil(top * lineHeight));
        const int minimum = std::max(wanted, minimumChartHeight());
        if (std::abs(minimumHeight() - minimum) > 1 && !m_growing) {
            // The view grows (or shrinks back) at once: a resize lays the frame out again.
            m_growing = true;
            setMinimumHeight(minimum);
            if (isWindow() && height() != minimum && height() > minimum + 1 && minimum >= minimumChartHeight())
                resize(width(), minimum);
            m_growing = false;
            if (height() != int(plot.height()) + chrome)
                return; // laid out again by the resize
        }
    }

    // Markers, spans, joins, counts and density strips.
    m_shown.clear();
    m_laneSummaries = QList<LaneSummary>(laneCount);
    QMap<int, QList<QPointF>> filledPoints; // by colour key, so colours paint in a fixed order
    QMap<int, QList<QPointF>> hollowPoints;
    QList<QPointF> starPoints;
    QList<QPointF> countPoints;
    QList<TimelineOverlay::Line> lines;
    QList<TimelineOverlay::Count> counts;
    QList<TimelineOverlay::Bar> bars;
    struct Join {
        double x;
        double low;
        double high;
    };
    QHash<int, Join> joins; // item of several lanes → the extent of its markers
    const QColor neutral = palette().color(QPalette::PlaceholderText);
    const SidePalette colors(palette(), m_rowsDataset.get());
    const int columns = countColumns(plot.width());
    QList<QList<Shown>> buckets(laneCount);
    const double markerUnits = (m_markerSize / 2 + 1) / pixelsPerUnit;
    for (const TimelinePlacement::Mark &mark : std::as_const(placed.marks)) {
        const int itemIndex = ordered.at(mark.event).id;
        const Item &item = m_items.at(itemIndex);
        const int lane = mark.lane;
        const double markerX = item.multiDay ? item.x0 + markerUnits : (item.x0 + item.x1) / 2;
        if (item.x1 <= m_from || item.x0 >= m_to)
            continue; // placed for a steady layout, but out of view
        if (mark.row < 0) {
            // No row left: counted in a marker on the lane's last row.
            if (buckets[lane].isEmpty())
                buckets[lane] = QList<Shown>(columns);
            const double cx = (std::clamp(markerX, m_from, m_to) - m_from) * pixelsPerUnit;
            const int column = std::clamp(int(std::floor(cx / countSlot)), 0, columns - 1);
            Shown &bucket = buckets[lane][column];
            if (bucket.count == 0) {
                bucket.lane = lane;
                bucket.x0 = item.x0;
                bucket.x1 = item.x1;
                bucket.at = QPointF(m_from + (column + 0.5) * countSlot / pixelsPerUnit,
                                    laneTop.at(lane) + m_laneRows.at(lane) - 0.5);
            }
            bucket.x0 = std::min(bucket.x0, item.x0);
            bucket.x1 = std::max(bucket.x1, item.x1);
            ++bucket.count;
            ++m_laneSummaries[lane].counted;
            continue;
        }
        ++m_laneSummaries[lane].individual;
        const Event &event = *eventOf(item);
        const QPointF at(markerX, laneTop.at(lane) + mark.row + 0.5);
        m_shown.append({itemIndex, lane, at, 0, item.x0, item.x1});
        const int colorKey = m_laneMode == LaneMode::Kind ? colorIndexOf(item.row) : m_laneColors.value(lane, -1);
        const bool planned = event.status == EventStatus::Planned || event.status == EventStatus::Cancelled;
        (planned ? hollowPoints : filledPoints)[colorKey].append(at);
        if (!event.disagreements.isEmpty())
            starPoints.append(QPointF(at.x(), at.y() - 0.42)); // just above the marker
        if (item.multiDay) {
            // A known run of days is solid; "some time in this range" is a translucent band.
            QColor color = colors.color(colorKey);
            if (event.date.precision != DatePrecision::Days)
                color.setAlphaF(0.45);
            lines.append({QPointF(item.x0 + 0.08, at.y()), QPointF(item.x1 - 0.08, at.y()),
                          QPen(color, 5, planned ? Qt::DashLine : Qt::SolidLine, Qt::FlatCap)});
        }
        if (item.lanesEnd - item.lanesBegin > 1) {
            auto join = joins.find(itemIndex);
            if (join == joins.end())
                joins.insert(itemIndex, {at.x(), at.y(), at.y()});
            else
                *join = {at.x(), std::min(join->low, at.y()), std::max(join->high, at.y())};
        }
    }
    for (int lane = 0; lane < laneCount; ++lane) {
        for (int column = 0; column < buckets.at(lane).size(); ++column) {
            Shown &bucket = buckets[lane][column];
            if (bucket.count == 0)
                continue;
            bucket.column = column;
            m_shown.append(bucket);
            countPoints.append(bucket.at);
            counts.append({bucket.at, bucket.count > 999 ? QStringLiteral("1k+") : QString::number(bucket.count)});
        }
    }
    // Dense lanes: how many events start in each day, week, month … (TimelineDensity).
    m_densityScale.clear();
    if (denseCount > 0) {
        const TimelineDensity::Unit unit = TimelineDensity::unitFor(pixelsPerUnit);
        const QDate first = m_layout.dateAt(m_from);
        const QDate last = m_layout.dateAt(m_to);
        const EventModel *source = m_filter->eventSource();
        QList<QList<TimelineDensity::Bucket>> laneBuckets(laneCount);
        int busiest = 0;
        QList<qint64> startDays;
        for (int lane = 0; lane < laneCount; ++lane) {
            if (!m_denseLanes.at(lane))
                continue;
            startDays.clear();
            for (const Candidate &candidate : m_candidates[std::size_t(lane)]) {
                const Item &item = m_items.at(candidate.item);
                if (item.x1 <= m_from || item.x0 >= m_to)
                    continue;
                ++m_laneSummaries[lane].counted;
                startDays.append(source->startDay(item.row));
            }
            laneBuckets[lane] = TimelineDensity::count(startDays, first, last, unit);
            for (const TimelineDensity::Bucket &bucket : std::as_const(laneBuckets[lane]))
                busiest = std::max(busiest, bucket.count);
        }
        // Bars the height of the lane at the busiest bucket; a click zooms into a bucket.
        for (int lane = 0; lane < laneCount; ++lane) {
            const QColor color = m_laneMode == LaneMode::Kind ? neutral : colors.color(m_laneColors.value(lane, -1));
            for (const TimelineDensity::Bucket &bucket : std::as_const(laneBuckets[lane])) {
                if (bucket.count == 0)
                    continue;
                Shown shown;
                shown.lane = lane;
                shown.count = bucket.count;
                shown.x0 = std::max(m_from, m_layout.x(bucket.first));
                shown.x1 = std::min(m_to, m_layout.x(bucket.next));
                const double share = double(bucket.count) / std::max(1, busiest);
                const double bottom = laneTop.at(lane) + denseRows - 0.1;
                const double height = std::max(0.08, share * (denseRows - 0.3));
                bars.append({QRectF(QPointF(shown.x0, bottom - height), QPointF(shown.x1, bottom)), color});
                shown.at = QPointF((shown.x0 + shown.x1) / 2, bottom - height / 2);
                shown.column = -2; // a density bucket: a click zooms into it
                m_shown.append(shown);
            }
        }
        m_densityScale = tr("Bars: events per %1; the tallest is %2").arg(TimelineDensity::unitName(unit)).arg(busiest);
    }
    m_overlay->setBars(bars);
    QList<QPair<double, double>> breaks;
    for (const TimelineLayout::Break &b : m_layout.breaks())
        breaks.append({b.x0, b.x1});
    QColor band = palette().color(QPalette::Text);
    band.setAlphaF(0.07);
    m_overlay->setBreaks(breaks, band, palette().color(QPalette::Text));
    // Hundreds of joins make a thicket that says nothing (and was most of a dense frame's
    // painting): they show once the view is zoomed in that far, as labels do.
    QList<TimelineOverlay::Line> joinLines;
    if (joins.size() <= maxJoins) {
        for (const Join &join : std::as_const(joins)) {
            if (join.high > join.low)
                joinLines.append({QPointF(join.x, join.low), QPointF(join.x, join.high), QPen(neutral, 1.5)});
        }
    }
    m_overlay->setLines(joinLines + lines); // joins under the spans

    const QColor base = palette().color(QPalette::Base);
    const QColor text = palette().color(QPalette::Text);
    m_eventMarkers.clear();
    for (auto it = filledPoints.cbegin(); it != filledPoints.cend(); ++it) {
        const QColor color = colors.color(it.key());
        m_eventMarkers.append({TimelineOverlay::Shape::Circle, color, QPen(color, 1), m_markerSize, it.value()});
    }
    for (auto it = hollowPoints.cbegin(); it != hollowPoints.cend(); ++it) {
        const QColor color = colors.color(it.key());
        m_eventMarkers.append({TimelineOverlay::Shape::Circle, base, QPen(color, 2), m_markerSize, it.value()});
    }
    m_eventMarkers.append({TimelineOverlay::Shape::Star, text, QPen(text, 1), std::max(7.0, m_markerSize - 2), starPoints});
    m_eventMarkers.append({TimelineOverlay::Shape::Square, base, QPen(text, 1.5), countMarkerSize, countPoints});
    // The legend explains count markers only while there are some.
    m_legend.setCountsShown(!countPoints.isEmpty());
    m_legend.setDensityScale(m_densityScale);

    // Labels, in chart item pixels, and what found no room for a label, counted per lane
    // at the lane's top right (a click lists them).
    QColor backing = palette().color(QPalette::Base);
    backing.setAlpha(210);
    QList<TimelineOverlay::Label> labels;
    m_labelItems.clear();
    const double plotLeft = plot.left() - pixel(m_from);
    for (const TimelinePlacement::Label &label : std::as_const(placed.labels)) {
        const int itemIndex = ordered.at(label.event).id;
        const QPointF topLeft = m_overlay->toPosition(QPointF(m_from, laneTop.at(label.lane) + label.row));
        const QPointF bottom = m_overlay->toPosition(QPointF(m_from, laneTop.at(label.lane) + label.row + label.lines.size()));
        // A pixel clear of the rows above and below, so that no two labels touch.
        const QRectF rect(plotLeft + label.rect.left(), topLeft.y() + 1, label.rect.width(), bottom.y() - topLeft.y() - 2);
        if (rect.right() < plot.left() || rect.left() > plot.right())
            continue;
        labels.append({rect, label.lines.join(u'\n')});
        m_labelItems.append(itemIndex);
    }
    m_unlabelled = QList<QList<int>>(laneCount);
    for (const int index : std::as_const(placed.unlabelled)) {
        const TimelinePlacement::Event &event = ordered.at(index);
        const Item &item = m_items.at(event.id);
        if (item.x1 <= m_from || item.x0 >= m_to)
            continue;
        m_unlabelled[event.lanes.first()].append(event.id);
    }
    m_unlabelledAt.clear();
    for (int lane = 0; lane < laneCount; ++lane) {
        if (m_unlabelled.at(lane).isEmpty())
            continue;
        const QString note = tr("%n without a label", nullptr, int(m_unlabelled.at(lane).size()));
        const double width = QFontMetricsF(countFont).horizontalAdvance(note) + 8;
        const QPointF at(m_to - width / 2 / pixelsPerUnit, laneTop.at(lane) + 0.5);
        counts.append({at, note});
        m_unlabelledAt.append({at, lane});
    }
    m_overlay->setCounts(counts, countFont, text);
    m_overlay->setLabels(labels, labelFont(), text, backing);
    m_laneTops = laneTop;
    updateLaneTags();
}

QFont TimelineView::labelFont() const
{
    QFont smaller = font();
    smaller.setPointSizeF(smaller.pointSizeF() * 0.9);
    return smaller;
}

void TimelineView::updateAxisLabels()
{
    const QRectF plot = m_chart->plotArea();
    if (plot.width() <= 0)
        return;
    const double pixelsPerUnit = plot.width() / (m_to - m_from);
    const QFontMetrics metrics(font());
    const int labelWidth = metrics.horizontalAdvance(QStringLiteral("30 Nov")) + 12;
    int step = 1;
    for (int candidate : {1, 2, 7, 14, 30, 91, 365}) {
        step = candidate;
        if (pixelsPerUnit * candidate >= labelWidth)
            break;
    }
    m_updatingAxis = true;
    QList<QPair<QString, double>> dayCategories;
    QSet<QString> used;
    const QLocale locale;
    QDate day = m_layout.dateAt(m_from);
    const QDate last = m_layout.dateAt(m_to);
    double lastPosition = -qInf();
    // No dated event shown: a placeholder day is no date to name on the axis.
    for (; !m_layout.isEmpty() && day <= last; day = day.addDays(1)) {
        const double position = m_layout.x(day) + 0.5;
        if (position <= m_from || position >= m_to)
            continue;
        if (m_layout.isSqueezed(day))
            continue; // the overlay marks every break (a band and a broken axis)
        // Steps count from the first busy day, so the data's first day gets a label.
        const qint64 fromFirst = day.toJulianDay() - m_layout.dateAt(m_layout.minX() + 0.5).toJulianDay();
        const bool onStep = step == 1 || (step < 30 ? (fromFirst % step == 0) : day.day() == 1);
        if (!onStep || (position - lastPosition) * pixelsPerUnit < labelWidth)
            continue;
        const QString format = step >= 30 ? QStringLiteral("MMM yyyy") : QStringLiteral("d MMM");
        dayCategories.append({uniqueLabel(locale.toString(day, format), used), position});
        lastPosition = position;
    }
    // Categories start left of everything the view can show, so panning keeps them.
    setCategories(m_axisX, dayCategories, m_layout.minX() - rangeMargin - 1);
    m_axisX->setRange(m_from, m_to);
    m_updatingAxis = false;
}

QPointF TimelineView::toChart(double x, double y) const
{
    return m_overlay->toPosition(QPointF(x, y));
}

QPointF TimelineView::toViewport(double x, double y) const
{
    return mapFromScene(m_chart->mapToScene(toChart(x, y)));
}

void TimelineView::updateRings()
{
    if (!m_overlay)
        return;
    const int current = currentRow();
    int actorIndex = -1;
    if (!m_highlightedActor.isEmpty() && m_rowsDataset) {
        for (qsizetype a = 0; a < m_rowsDataset->actors.size(); ++a) {
            if (m_rowsDataset->actors.at(a).id == m_highlightedActor)
                actorIndex = int(a);
        }
    }
    QList<QPointF> selected;
    QList<QPointF> actor;
    for (const Shown &shown : std::as_const(m_shown)) {
        if (shown.item < 0)
            continue;
        const Item &item = m_items.at(shown.item);
        if (item.row == current)
            selected.append(shown.at);
        if (actorIndex >= 0 && involvesActor(item, actorIndex))
            actor.append(shown.at);
    }
    QList<TimelineOverlay::Markers> markers = m_eventMarkers;
    markers.append({TimelineOverlay::Shape::Circle, Qt::transparent,
                    QPen(palette().color(QPalette::Text), 1.5, Qt::DotLine), m_markerSize + 6, actor});
    markers.append({TimelineOverlay::Shape::Circle, Qt::transparent, QPen(palette().color(QPalette::Highlight), 3),
                    m_markerSize + 9, selected});
    m_overlay->setMarkers(markers);
}

bool TimelineView::involvesActor(const Item &item, int actorIndex) const
{
    const EventModel::RowIds &participants = m_filter->eventSource()->participants();
    for (const int *number = participants.begin(item.row); number != participants.end(item.row); ++number) {
        if (m_actorOfParticipant.at(*number) == actorIndex)
            return true;
    }
    return false;
}

const Event *TimelineView::eventOf(const Item &item) const
{
    return m_rowsDataset && item.row >= 0 && item.row < m_rowsDataset->events.size()
               ? &m_rowsDataset->events.at(item.row)
               : nullptr;
}

QString TimelineView::eventIdOf(const Item &item) const
{
    const Event *event = eventOf(item);
    return event ? event->id : QString();
}

int TimelineView::currentRow() const
{
    const QModelIndex current = m_selection->currentIndex();
    if (!current.isValid())
        return -1;
    const QModelIndex source = current.model() == m_filter ? m_filter->mapToSource(current) : current;
    return source.isValid() ? source.row() : -1;
}

QString TimelineView::currentEventId() const
{
    return m_selection->currentIndex().data(EventModel::EventIdRole).toString();
}

int TimelineView::sourceRowOf(const QString &eventId) const
{
    const auto *events = qobject_cast<const EventModel *>(m_filter->sourceModel());
    return events ? events->indexOfEvent(eventId).row() : -1;
}

void TimelineView::selectEvent(const QString &eventId)
{
    const QModelIndex index = m_filter->indexOfEvent(eventId);
    if (!index.isValid())
        return;
    m_selection->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void TimelineView::selectRow(int sourceRow)
{
    const auto *events = qobject_cast<const EventModel *>(m_filter->sourceModel());
    if (!events)
        return;
    const QModelIndex index = m_filter->mapFromSource(events->index(sourceRow, 0));
    if (index.isValid())
        m_selection->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

QList<QPoint> TimelineView::markerPositions(const QString &eventId) const
{
    QList<QPoint> positions;
    const int row = sourceRowOf(eventId);
    if (row < 0)
        return positions;
    for (const Shown &shown : m_shown) {
        if (shown.item >= 0 && m_items.at(shown.item).row == row)
            positions.append(toViewport(shown.at.x(), shown.at.y()).toPoint());
    }
    return positions;
}

QList<QPair<QPoint, int>> TimelineView::countMarkers() const
{
    QList<QPair<QPoint, int>> markers;
    for (const Shown &shown : m_shown) {
        if (shown.item < 0)
            markers.append({toViewport(shown.at.x(), shown.at.y()).toPoint(), shown.count});
    }
    return markers;
}

const TimelineView::Shown *TimelineView::shownAt(const QPoint &viewportPosition) const
{
    const QRectF plot = m_chart->plotArea();
    const QPointF position = m_chart->mapFromScene(mapToScene(viewportPosition));
    if (!plot.adjusted(-8, -8, 8, 8).contains(position))
        return nullptr;
    const Shown *best = nullptr;
    double bestDistance = 12; // pixels
    for (const Shown &shown : m_shown) {
        const QPointF centre = toChart(shown.at.x(), shown.at.y());
        double distance = QLineF(centre, position).length();
        if (shown.item >= 0 && m_items.at(shown.item).multiDay) {
            const double a = toChart(shown.x0, shown.at.y()).x();
            const double b = toChart(shown.x1, shown.at.y()).x();
            if (position.x() >= a && position.x() <= b)
                distance = std::min(distance, std::abs(position.y() - centre.y()) + 2);
        }
        if (distance < bestDistance) {
            bestDistance = distance;
            best = &shown;
        }
    }
    return best;
}

int TimelineView::itemAt(const QPoint &viewportPosition) const
{
    const QPointF chartPosition = m_chart->mapFromScene(mapToScene(viewportPosition));
    const QList<TimelineOverlay::Label> &labels = m_overlay->labels();
    for (qsizetype i = 0; i < labels.size(); ++i) {
        if (labels.at(i).rect.contains(chartPosition))
            return m_labelItems.at(i);
    }
    const Shown *shown = shownAt(viewportPosition);
    return shown ? shown->item : -1;
}

QString TimelineView::eventAt(const QPoint &viewportPosition) const
{
    const int item = itemAt(viewportPosition);
    return item >= 0 ? eventIdOf(m_items.at(item)) : QString();
}

QStringList TimelineView::laneLabels() const { return m_laneLabels; }

QStringList TimelineView::shownLabels() const
{
    QStringList texts;
    for (const TimelineOverlay::Label &label : m_overlay->labels())
        texts.append(QString(label.text).replace(u'\n', u' '));
    return texts;
}

QStringList TimelineView::labelledEvents() const
{
    QStringList ids;
    for (int item : m_labelItems)
        ids.append(eventIdOf(m_items.at(item)));
    return ids;
}

QList<QRect> TimelineView::labelRects() const
{
    QList<QRect> rects;
    for (const TimelineOverlay::Label &label : m_overlay->labels())
        rects.append(mapFromScene(m_chart->mapToScene(label.rect)).boundingRect());
    return rects;
}

QString TimelineView::calloutText() const
{
    return m_callout->isVisible() ? m_calloutText->text() : QString();
}

void TimelineView::showCallout(int itemIndex, const QPoint &at)
{
    const Item &item = m_items.at(itemIndex);
    const Event *event = eventOf(item);
    if (!event) {
        hideCallout();
        return;
    }
    const EventDateText dates;
    QString text = PrintableText::oneLine(event->title) + u'\n' + dates.format(event->date);
    if (event->status != EventStatus::Occurred)
        text += QStringLiteral(" · ") + dates.statusName(event->status);
    if (!event->disagreements.isEmpty())
        text += u'\n' + tr("★ sources disagree");
    showCalloutText(text, at);
}

void TimelineView::showCalloutText(const QString &text, const QPoint &at)
{
    m_calloutText->setFont(font());
    m_calloutText->setText(text); // QGraphicsSimpleTextItem never interprets markup
    const QRectF textRect = m_calloutText->boundingRect();
    m_calloutText->setPos(6, 4);
    m_callout->setRect(0, 0, textRect.width() + 12, textRect.height() + 8);
    QPointF position = m_chart->mapFromScene(mapToScene(at)) + QPointF(14, 14);
    const QRectF bounds = m_chart->rect();
    if (position.x() + m_callout->rect().width() > bounds.right())
        position.rx() -= m_callout->rect().width() + 28;
    if (position.y() + m_callout->rect().height() > bounds.bottom())
        position.ry() -= m_callout->rect().height() + 28;
    m_callout->setPos(position);
    m_callout->show();
}

void TimelineView::hideCallout()
{
    if (m_callout)
        m_callout->hide();
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    const QPointF chartPosition = m_chart->mapFromScene(mapToScene(event->position().toPoint()));
    const double anchor = m_chart->mapToValue(chartPosition).x();
    const double steps = event->angleDelta().y() / 120.0;
    if (steps != 0)
        zoomBy(std::pow(1.25, steps), anchor);
    event->accept();
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    m_pressPosition = event->pos();
    if (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier)) {
        setRubberBand(QChartView::HorizontalRubberBand);
        QChartView::mousePressEvent(event);
        return;
    }
    setRubberBand(QChartView::NoRubberBand);
    if (event->button() == Qt::LeftButton) {
        m_panning = true;
        m_lastPanPosition = event->pos();
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const double pixels = event->pos().x() - m_lastPanPosition.x();
        m_lastPanPosition = event->pos();
        const double width = m_chart->plotArea().width();
        if (width > 0 && (event->pos() - m_pressPosition).manhattanLength() > 3) {
            setCursor(Qt::ClosedHandCursor);
            panBy(-pixels / width);
        }
        event->accept();
        return;
    }
    if (const int item = itemAt(event->pos()); item >= 0) {
        showCallout(item, event->pos());
    } else if (const Shown *shown = shownAt(event->pos()); shown && shown->item < 0) {
        showCalloutText(tr("%1 events here\nclick to zoom in").arg(shown->count), event->pos());
    } else {
        hideCallout();
    }
    QChartView::mouseMoveEvent(event);
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning) {
        m_panning = false;
        unsetCursor();
        if ((event->pos() - m_pressPosition).manhattanLength() <= 3) {
            const QString id = eventAt(event->pos());
            if (!id.isEmpty())
                selectEvent(id);
            else
                zoomIntoCount(event->pos());
        }
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
    setRubberBand(QChartView::NoRubberBand);
}

void TimelineView::setFitToHeight(bool fit)
{
    if (m_fitToHeight == fit)
        return;
    m_fitToHeight = fit;
    setMinimumHeight(0);
    scheduleRebuild(); // the legend's words differ
}

int TimelineView::heightForWholeTitles(int width)
{
    const bool fit = m_fitToHeight;
    m_fitToHeight = false; // lanes take the rows they need: the height is what they make
    setMinimumHeight(0);
    resize(width, height());
    settle();
    const int needed = std::max(minimumHeight(), minimumChartHeight());
    m_fitToHeight = fit;
    setMinimumHeight(0);
    return needed;
}

QList<QList<QString>> TimelineView::unlabelledEvents() const
{
    QList<QList<QString>> ids;
    for (const QList<int> &items : m_unlabelled) {
        QList<QString> lane;
        for (int item : items)
            lane.append(eventIdOf(m_items.at(item)));
        ids.append(lane);
    }
    return ids;
}

int TimelineView::unlabelledNoteAt(const QPoint &viewportPosition) const
{
    const QPointF position = m_chart->mapFromScene(mapToScene(viewportPosition));
    for (const auto &[at, lane] : m_unlabelledAt) {
        const QPointF centre = toChart(at.x(), at.y());
        const QFontMetricsF metrics(labelFont());
        const QString note = tr("%n without a label", nullptr, int(m_unlabelled.value(lane).size()));
        const double half = metrics.horizontalAdvance(note) / 2 + 6;
        if (std::abs(position.x() - centre.x()) <= half && std::abs(position.y() - centre.y()) <= metrics.height())
            return lane;
    }
    return -1;
}

void TimelineView::listEvents(const QList<int> &items, const QPoint &viewportPosition, const QString &name)
{
    QMenu menu(this);
    menu.setAccessibleName(name);
    const EventDateText dates;
    const int listed = std::min(int(items.size()), maxListedInCount);
    for (int k = 0; k < listed; ++k) {
        const Item &item = m_items.at(items.at(k));
        const Event *event = eventOf(item);
        if (!event)
            continue;
        // An ampersand in a title is no shortcut, nor a tab the start of a shortcut column.
        const QString text =
            PlainText::actionText(dates.format(event->date) + QStringLiteral(" · ") +
                                  menu.fontMetrics().elidedText(event->title, Qt::ElideRight, 480));
        const int row = item.row;
        menu.addAction(text, this, [this, row] { selectRow(row); });
    }
    if (items.size() > listed) {
        QAction *more = menu.addAction(tr("… and %1 more; zoom in or narrow the filters to list them")
                                           .arg(items.size() - listed));
        more->setEnabled(false);
    }
    m_countMenu = &menu;
    menu.exec(viewport()->mapToGlobal(viewportPosition));
    m_countMenu = nullptr;
}

void TimelineView::zoomIntoCount(const QPoint &viewportPosition)
{
    if (const int lane = unlabelledNoteAt(viewportPosition); lane >= 0) {
        listEvents(m_unlabelled.at(lane), viewportPosition, tr("Events without a label"));
        return;
    }
    const Shown *shown = shownAt(viewportPosition);
    if (!shown || shown->item >= 0)
        return;
    // Open the count up: zoom to the events it holds, with a little room around them.
    const double width = std::max(shown->x1 - shown->x0, minimumRange);
    const double centre = (shown->x0 + shown->x1) / 2;
    if (m_to - m_from > width * 1.2 + 1e-9) {
        setRange(centre - width * 0.6, centre + width * 0.6);
        return;
    }
    // Zoomed in as far as it goes (events of one day): list them to choose from. They are
    // the lane's events in view, in the marker's column (or bucket), without a marker.
    const QRectF plot = m_chart->plotArea();
    const double pixelsPerUnit = plot.width() / (m_to - m_from);
    const int columns = countColumns(plot.width());
    QSet<int> individual;
    for (const Shown &other : std::as_const(m_shown)) {
        if (other.item >= 0 && other.lane == shown->lane)
            individual.insert(other.item);
    }
    QList<int> counted;
    for (int index : m_laneItems.value(shown->lane)) {
        const Item &item = m_items.at(index);
        if (item.x1 <= m_from || item.x0 >= m_to || individual.contains(index))
            continue;
        if (shown->column == -2) { // a density bucket: the events starting in it
            if (std::max(item.x0, m_from) >= shown->x0 && std::max(item.x0, m_from) < shown->x1)
                counted.append(index);
            continue;
        }
        const double markerX = item.multiDay ? item.x0 + (m_markerSize / 2 + 1) / pixelsPerUnit : (item.x0 + item.x1) / 2;
        const double cx = (std::clamp(markerX, m_from, m_to) - m_from) * pixelsPerUnit;
        if (std::clamp(int(std::floor(cx / countSlot)), 0, columns - 1) == shown->column)
            counted.append(index);
    }
    listEvents(counted, viewportPosition, tr("Events in this count marker"));
}

int TimelineView::countColumns(double plotWidth)
{
    return std::max(1, int(std::ceil(plotWidth / countSlot)));
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const QString id = eventAt(event->pos());
    if (!id.isEmpty()) {
        selectEvent(id);
        emit eventActivated(id);
    }
    event->accept();
}

void TimelineView::moveCurrent(int step)
{
    const int rows = m_filter->rowCount();
    if (rows == 0)
        return;
    const QModelIndex current = m_selection->currentIndex();
    const int row = current.isValid() ? std::clamp(current.row() + step, 0, rows - 1) : (step > 0 ? 0 : rows - 1);
    m_selection->setCurrentIndex(m_filter->index(row, 0),
                                 QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomBy(1.5); break;
    case Qt::Key_Minus: zoomBy(1 / 1.5); break;
    case Qt::Key_Left: panBy(-0.2); break;
    case Qt::Key_Right: panBy(0.2); break;
    case Qt::Key_Up: moveCurrent(-1); break;
    case Qt::Key_Down: moveCurrent(1); break;
    case Qt::Key_Home: showWholePeriod(); break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (!currentEventId().isEmpty())
            emit eventActivated(currentEventId());
        break;
    default: QChartView::keyPressEvent(event); return;
    }
    event->accept();
}

void TimelineView::leaveEvent(QEvent *event)
{
    hideCallout();
    QChartView::leaveEvent(event);
}

void TimelineView::focusInEvent(QFocusEvent *event) {
    QChartView::focusInEvent(event);
    viewport()->update(); // the focus frame
}

void TimelineView::focusOutEvent(QFocusEvent *event) {
    QChartView::focusOutEvent(event);
    viewport()->update();
}

void TimelineView::paintEvent(QPaintEvent *event) {
    QChartView::paintEvent(event);
    if (!hasFocus())
        return;
    // A chart has no focus look of its own: without this frame a keyboard user cannot
    // tell that the arrow keys now move through the events.
    QPainter painter(viewport());
    QPen pen(palette().color(QPalette::Highlight), 2);
    pen.setJoinStyle(Qt::MiterJoin);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(QRectF(viewport()->rect()).adjusted(1, 1, -1, -1));
}

void TimelineView::updateAccessibleDescription() {
    const QString usage = tr("Up and Down move between events, Left and Right pan, plus and "
                             "minus zoom, Enter opens the event's first passage.");
    const QModelIndex current = m_selection->currentIndex();
    QString description;
    if (current.isValid()) {
        const QString title =
            PrintableText::oneLine(current.data(EventModel::TitleRole).toString());
        const QString date = current.data(EventModel::DateTextRole).toString();
        description = tr("Current event: %1, %2. %3").arg(title, date, usage);
    } else {
        description = tr("No event selected. %1").arg(usage);
    }
    if (description == accessibleDescription())
        return;
    setAccessibleDescription(description);
    // Tell a screen reader that is already on the chart (no-op without an active one).
    QAccessibleEvent change(this, QAccessible::DescriptionChanged);
    QAccessible::updateAccessibility(&change);
}

} // namespace ntl
