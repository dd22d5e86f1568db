#include "timelineview.h"

#include "timelineoverlay.h"

#include "eventdatetext.h"
#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "plaintext.h"
#include "sidepalette.h"

#include <QCategoryAxis>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QItemSelectionModel>
#include <QLegendMarker>
#include <QMap>
#include <QLineSeries>
#include <QScatterSeries>
#include <QTimer>
#include <QWheelEvent>

#include <algorithm>
#include <limits>
#include <numeric>
#include <cmath>

namespace ntl {

namespace {

constexpr double rangeMargin = 0.6; // axis units beyond the first and last day
constexpr double minimumRange = 1.5;
constexpr int minimumRowPixels = 13;
constexpr int labelGap = 4;
constexpr double countMarkerSize = 24;

QString uniqueLabel(QString label, QSet<QString> &used)
{
    // QCategoryAxis keys categories by label, so repeated labels get invisible suffixes.
    while (used.contains(label))
        label.append(QChar(0x200B));
    used.insert(label);
    return label;
}


} // namespace

TimelineView::TimelineView(EventFilterModel *filter, QItemSelectionModel *selection, QWidget *parent)
    : QChartView(parent)
    , m_filter(filter)
    , m_selection(selection)
    , m_chart(new QChart)
    , m_axisX(new QCategoryAxis)
    , m_axisY(new QCategoryAxis)
{
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->legend()->setAlignment(Qt::AlignTop);
    m_chart->setMargins(QMargins(8, 4, 16, 4));
    m_axisX->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_axisY->setReverse(true);
    m_axisY->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    m_chart->addAxis(m_axisX, Qt::AlignBottom);
    m_chart->addAxis(m_axisY, Qt::AlignLeft);
    setChart(m_chart);
    setRenderHint(QPainter::Antialiasing);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Timeline"));
    setAccessibleDescription(tr("Events on a date axis in lanes. Arrow keys pan and move between events, "
                                "plus and minus zoom, Enter opens the event's first passage."));

    // Spans and joins under the markers, labels and counts over them.
    m_below = new TimelineOverlay(m_chart);
    m_below->setZValue(1);
    m_above = new TimelineOverlay(m_chart);
    m_above->setZValue(50);

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

    connect(filter, &QAbstractItemModel::modelReset, this, &TimelineView::scheduleRebuild);
    connect(filter, &QAbstractItemModel::layoutChanged, this, &TimelineView::scheduleRebuild);
    // A filter change removes rows range by range: rebuild once, on filtersChanged.
    connect(filter, &EventFilterModel::filtersChanged, this, &TimelineView::scheduleRebuild);
    connect(filter, &QAbstractItemModel::dataChanged, this, &TimelineView::scheduleRebuild);
    connect(selection, &QItemSelectionModel::currentChanged, this, [this] {
        updateRings();
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
    rebuild();
}

void TimelineView::setLaneMode(LaneMode mode)
{
    if (mode == m_laneMode)
        return;
    m_laneMode = mode;
    rebuild();
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

void TimelineView::rebuild()
{
    m_rebuildPending = false;
    hideCallout();
    m_chart->removeAllSeries();
    m_selectionRing = nullptr;
    m_actorRing = nullptr;
    m_filledSeries.clear();
    m_hollowSeries.clear();
    m_items.clear();
    m_laneLabels.clear();
    m_shown.clear();

    const auto *events = qobject_cast<const EventModel *>(m_filter->sourceModel());
    const std::shared_ptr<const Dataset> dataset = events ? events->dataset() : nullptr;
    const SidePalette colors(palette());

    // Lanes.
    QStringList laneKeys;
    QList<int> laneColors;
    QHash<QString, int> laneOfKey;
    const int rows = m_filter->rowCount();
    QHash<QString, int> actorEventCount;
    QStringList kinds;
    bool anyWithoutSide = false;
    for (int row = 0; row < rows; ++row) {
        const QModelIndex index = m_filter->index(row, 0);
        for (const QString &actor : index.data(EventModel::ParticipantIdsRole).toStringList())
            ++actorEventCount[actor];
        const QString kind = index.data(EventModel::KindRole).toString();
        if (!kinds.contains(kind))
            kinds.append(kind);
        anyWithoutSide |= index.data(EventModel::SideIdsRole).toStringList().isEmpty();
    }
    const auto addLane = [&](const QString &key, const QString &label, int colorIndex) {
        laneOfKey.insert(key, int(laneKeys.size()));
        laneKeys.append(key);
        m_laneLabels.append(label);
        laneColors.append(colorIndex);
    };
    if (dataset) {
        switch (m_laneMode) {
        case LaneMode::Side:
            for (const Side &side : dataset->sides)
                addLane(side.id, side.name, dataset->sideIndex(side.id));
            if (anyWithoutSide)
                addLane(QString(), tr("No side"), -1);
            break;
        case LaneMode::Actor: {
            QList<const Actor *> actors;
            for (const Actor &actor : dataset->actors) {
                if (actorEventCount.value(actor.id) > 0)
                    actors.append(&actor);
            }
            const auto sideOrder = [&](const Actor *a) {
                const int index = dataset->sideIndex(dataset->effectiveSideId(a->id));
                return index < 0 ? int(dataset->sides.size()) : index;
            };
            std::stable_sort(actors.begin(), actors.end(), [&](const Actor *a, const Actor *b) {
                if (sideOrder(a) != sideOrder(b))
                    return sideOrder(a) < sideOrder(b);
                return actorEventCount.value(a->id) > actorEventCount.value(b->id);
            });
            for (const Actor *actor : actors)
                addLane(actor->id, actor->name, dataset->sideIndex(dataset->effectiveSideId(actor->id)));
            break;
        }
        case LaneMode::Kind:
            std::sort(kinds.begin(), kinds.end());
            for (const QString &kind : kinds)
                addLane(kind, kind, -1);
            break;
        }
    }

    m_laneColors = laneColors;

    // Events and the lanes they sit in.
    QList<TimelineLayout::Input> inputs;
    for (int row = 0; row < rows; ++row) {
        const QModelIndex index = m_filter->index(row, 0);
        Item item;
        item.eventId = index.data(EventModel::EventIdRole).toString();
        item.title = index.data(EventModel::TitleRole).toString();
        item.dateText = index.data(EventModel::DateTextRole).toString();
        item.status = index.data(EventModel::StatusRole).toInt();
        item.precision = index.data(EventModel::PrecisionRole).toInt();
        item.disagreement = index.data(EventModel::HasDisagreementRole).toBool();
        item.participantIds = index.data(EventModel::ParticipantIdsRole).toStringList();
        const QStringList sides = index.data(EventModel::SideIdsRole).toStringList();
        item.colorIndex = dataset && !sides.isEmpty() ? dataset->sideIndex(sides.first()) : -1;
        TimelineLayout::Input input;
        input.eventId = item.eventId;
        input.start = index.data(EventModel::StartDateRole).toDate();
        input.end = index.data(EventModel::EndDateRole).toDate();
        item.multiDay = input.end > input.start;
        QStringList keys;
        switch (m_laneMode) {
        case LaneMode::Side: keys = sides.isEmpty() ? QStringList{QString()} : sides; break;
        case LaneMode::Actor: keys = item.participantIds; break;
        case LaneMode::Kind: keys = {index.data(EventModel::KindRole).toString()}; break;
        }
        for (const QString &key : keys) {
            const int lane = laneOfKey.value(key, -1);
            if (lane >= 0 && !item.lanes.contains(lane))
                item.lanes.append(lane);
        }
        input.lanes = item.lanes;
        inputs.append(input);
        m_items.append(item);
    }
    // The layout gives the squeezed time axis; rows are placed per frame (placeMarkers).
    m_layout.compute(inputs, int(laneKeys.size()));
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        const TimelineLayout::Input &input = inputs.at(i);
        if (!input.start.isValid())
            continue;
        m_items[i].x0 = m_layout.x(input.start);
        m_items[i].x1 = m_layout.x(std::max(input.end.isValid() ? input.end : input.start, input.start).addDays(1));
    }

    // Marker series: one per colour and fill, refilled with replace() every frame.
    const QColor base = palette().color(QPalette::Base);
    QList<int> colorKeys;
    for (const Item &item : std::as_const(m_items)) {
        for (int lane : item.lanes) {
            const int key = m_laneMode == LaneMode::Kind ? item.colorIndex : laneColors.value(lane, -1);
            if (!colorKeys.contains(key))
                colorKeys.append(key);
        }
    }
    std::sort(colorKeys.begin(), colorKeys.end());
    QScatterSeries *plannedLegend = nullptr;
    for (int key : std::as_const(colorKeys)) {
        const QColor color = colors.color(key);
        auto *filled = new QScatterSeries;
        filled->setColor(color);
        filled->setBorderColor(color);
        if (dataset && key >= 0 && key < dataset->sides.size() && m_laneMode != LaneMode::Kind)
            filled->setName(dataset->sides.at(key).name);
        auto *hollow = new QScatterSeries;
        hollow->setColor(base);
        hollow->setBorderColor(color);
        hollow->setPen(QPen(color, 2));
        if (!plannedLegend) {
            plannedLegend = hollow;
            hollow->setName(tr("planned (hollow)"));
        }
        m_filledSeries.insert(key, filled);
        m_hollowSeries.insert(key, hollow);
        m_chart->addSeries(filled);
        m_chart->addSeries(hollow);
    }
    m_stars = new QScatterSeries;
    m_stars->setName(tr("sources disagree"));
    m_stars->setMarkerShape(QScatterSeries::MarkerShapeStar);
    m_stars->setColor(palette().color(QPalette::Text));
    m_stars->setBorderColor(palette().color(QPalette::Text));
    m_chart->addSeries(m_stars);
    m_countSeries = new QScatterSeries;
    m_countSeries->setName(tr("several events (click to zoom)"));
    m_countSeries->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    m_countSeries->setColor(palette().color(QPalette::Base));
    m_countSeries->setBorderColor(palette().color(QPalette::Text));
    m_countSeries->setPen(QPen(palette().color(QPalette::Text), 1.5));
    m_chart->addSeries(m_countSeries);
    m_selectionRing = new QScatterSeries;
    m_selectionRing->setColor(Qt::transparent);
    m_selectionRing->setPen(QPen(palette().color(QPalette::Highlight), 3));
    m_chart->addSeries(m_selectionRing);
    m_actorRing = new QScatterSeries;
    m_actorRing->setColor(Qt::transparent);
    m_actorRing->setPen(QPen(palette().color(QPalette::Text), 1.5, Qt::DotLine));
    m_chart->addSeries(m_actorRing);

    // One pass over the legend (asking per series would be quadratic).
    QSet<const QAbstractSeries *> inLegend;
    for (QScatterSeries *series : std::as_const(m_filledSeries)) {
        if (!series->name().isEmpty())
            inLegend.insert(series);
    }
    if (plannedLegend)
        inLegend.insert(plannedLegend);
    for (QAbstractSeries *series : m_chart->series()) {
        series->attachAxis(m_axisX);
        series->attachAxis(m_axisY);
    }
    for (QLegendMarker *marker : m_chart->legend()->markers()) {
        const QAbstractSeries *series = marker->series();
        marker->setVisible(inLegend.contains(series) || (series == m_stars && !m_items.isEmpty()));
    }

    setMinimumHeight(minimumChartHeight());
    applyPalette();
    showWholePeriod();
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
        axis->setLinePenColor(mix(0.45));
        axis->setGridLineColor(mix(0.13));
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
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        rebuild(); // marker colours are baked into the series
}

void TimelineView::showWholePeriod()
{
    setRange(m_layout.minX() - rangeMargin, m_layout.maxX() + rangeMargin);
}

static QPair<QDate, int> busiestWeek(const QList<QDate> &starts)
{
    QList<QDate> sorted = starts;
    std::sort(sorted.begin(), sorted.end());
    QDate best;
    int bestCount = 0;
    qsizetype j = 0;
    for (qsizetype i = 0; i < sorted.size(); ++i) {
        while (sorted.at(i).toJulianDay() - sorted.at(j).toJulianDay() >= 7)
            ++j;
        const int count = int(i - j + 1);
        if (count > bestCount) {
            bestCount = count;
            best = sorted.at(i).addDays(-6);
        }
    }
    // Slide the window to begin at its first event, so the week reads from where it starts.
    for (const QDate &date : sorted) {
        if (date >= best) {
            best = date;
            break;
        }
    }
    return {best, bestCount};
}

void TimelineView::showBusiestWeek()
{
    QList<QDate> starts;
    for (int row = 0; row < m_filter->rowCount(); ++row)
        starts.append(m_filter->index(row, 0).data(EventModel::StartDateRole).toDate());
    const auto [first, count] = busiestWeek(starts);
    if (count == 0)
        return;
    setRange(m_layout.x(first) - 0.2, m_layout.x(first.addDays(7)) + 0.2);
}

QString TimelineView::busiestWeekText() const
{
    QList<QDate> starts;
    for (int row = 0; row < m_filter->rowCount(); ++row)
        starts.append(m_filter->index(row, 0).data(EventModel::StartDateRole).toDate());
    const auto [first, count] = busiestWeek(starts);
    if (count == 0)
        return tr("Busiest week");
    const QLocale locale;
    const QString from = locale.toString(first, QStringLiteral("d MMM"));
    const QString to = locale.toString(first.addDays(6), QStringLiteral("d MMM"));
    return count == 1 ? tr("Busiest week (%1 – %2, 1 event)").arg(from, to)
                      : tr("Busiest week (%1 – %2, %3 events)").arg(from, to, QString::number(count));
}

void TimelineView::fitSelection()
{
    const QString id = currentEventId();
    double from = qInf();
    double to = -qInf();
    for (const TimelineLayout::Placement &placement : m_layout.placements()) {
        if (m_items.at(placement.input).eventId == id) {
            from = std::min(from, placement.x0);
            to = std::max(to, placement.x1);
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
    const double highest = m_layout.maxX() + rangeMargin;
    const double shift = std::clamp(delta, lowest - m_from, highest - m_to);
    setRange(m_from + shift, m_to + shift);
}

void TimelineView::setRange(double from, double to)
{
    const double lowest = m_layout.minX() - rangeMargin;
    const double highest = m_layout.maxX() + rangeMargin;
    double width = std::clamp(to - from, minimumRange, highest - lowest);
    from = std::clamp(from, lowest, highest - width);
    m_from = from;
    m_to = from + width;
    m_updatingAxis = true;
    m_axisX->setRange(m_from, m_to);
    m_updatingAxis = false;
    updateOverlay();
}

QPair<double, double> TimelineView::visibleRange() const { return {m_from, m_to}; }

void TimelineView::settle()
{
    if (m_rebuildPending)
        rebuild();
    m_overlayPending = false;
    updateOverlay(); // the plot area may move as the axis labels change; do it twice
    updateOverlay();
}

void TimelineView::showEvent(QShowEvent *event)
{
    QChartView::showEvent(event);
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
    updateAxisLabels();
    placeMarkers();
    placeLabels();
    updateRings();
}

void TimelineView::placeMarkers()
{
    const QRectF plot = m_chart->plotArea();
    if (plot.width() <= 0 || plot.height() <= 0 || !m_below)
        return;
    const int laneCount = int(m_laneLabels.size());
    const double pixelsPerUnit = plot.width() / (m_to - m_from);
    const double slot = m_markerSize + 4; // pixels a marker needs across
    constexpr double countSlot = 30;      // a count marker holds up to three digits

    // Which events of each lane are in view, and their pixel extent.
    struct Candidate {
        int item;
        double left;   // pixels
        double right;
        double centre; // axis units
    };
    QList<QList<Candidate>> lanes(laneCount);
    for (int i = 0; i < m_items.size(); ++i) {
        const Item &item = m_items.at(i);
        if (item.x1 <= m_from || item.x0 >= m_to)
            continue;
        const double centre = (item.x0 + item.x1) / 2;
        const double cx = (centre - m_from) * pixelsPerUnit;
        const double left = std::min((item.x0 - m_from) * pixelsPerUnit, cx - slot / 2);
        const double right = std::max((item.x1 - m_from) * pixelsPerUnit, cx + slot / 2);
        for (int lane : item.lanes)
            lanes[lane].append({i, left, right, centre});
    }

    // Rows: stack what overlaps in pixels; a lane that would need more rows than it can
    // have keeps its last row for count markers of what does not fit.
    const int availableRows = std::max(laneCount * 2, int(plot.height() / minimumRowPixels));
    QList<int> needed(laneCount, 1);
    QList<QList<int>> rowOf(laneCount);
    const auto stack = [](const QList<Candidate> &candidates, int rowLimit, QList<int> &rows) {
        QList<double> rowEnds;
        int used = 1;
        rows.fill(-1, candidates.size());
        for (int c = 0; c < candidates.size(); ++c) {
            int row = 0;
            while (row < rowEnds.size() && rowEnds.at(row) > candidates.at(c).left)
                ++row;
            if (row >= rowLimit)
                continue; // does not fit: counted
            if (row == rowEnds.size())
                rowEnds.append(0);
            rowEnds[row] = candidates.at(c).right;
            rows[c] = row;
            used = std::max(used, row + 1);
        }
        return used;
    };
    for (int lane = 0; lane < laneCount; ++lane) {
        std::sort(lanes[lane].begin(), lanes[lane].end(),
                  [](const Candidate &a, const Candidate &b) { return a.left < b.left; });
        needed[lane] = stack(lanes.at(lane), std::numeric_limits<int>::max(), rowOf[lane]);
    }
    int total = std::accumulate(needed.cbegin(), needed.cend(), 0);
    m_laneRows = needed;
    if (total > availableRows) {
        // Share the rows: lanes that need few keep them, the rest split what is left.
        QList<int> order(laneCount);
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&](int a, int b) { return needed.at(a) < needed.at(b); });
        int left = availableRows;
        for (int k = 0; k < laneCount; ++k) {
            const int lane = order.at(k);
            const int share = std::max(2, left / (laneCount - k));
            m_laneRows[lane] = std::min(needed.at(lane), share);
            left -= m_laneRows.at(lane);
        }
    }

    // Lane axis: categories follow the rows each lane has in this frame.
    QList<double> laneTop(laneCount, 0);
    double top = 0;
    for (int lane = 0; lane < laneCount; ++lane) {
        laneTop[lane] = top;
        top += m_laneRows.at(lane);
    }
    m_updatingAxis = true;
    QStringList wanted;
    for (const QString &label : m_axisY->categoriesLabels())
        m_axisY->remove(label);
    QSet<QString> used;
    m_axisY->setStartValue(0);
    for (int lane = 0; lane < laneCount; ++lane) {
        // Long lane names would squeeze the plot; the full name is in the filter panel.
        const QString label = QFontMetrics(font()).elidedText(m_laneLabels.at(lane), Qt::ElideRight, 150);
        m_axisY->append(uniqueLabel(label, used), laneTop.at(lane) + m_laneRows.at(lane));
    }
    m_axisY->setRange(0, std::max(1.0, top));
    m_updatingAxis = false;
    const double rowPixels = plot.height() / std::max(1.0, top);
    m_markerSize = std::clamp(rowPixels - 3, 7.0, 11.0);

    // Markers, spans, joins and counts.
    m_shown.clear();
    m_laneSummaries = QList<LaneSummary>(laneCount);
    QHash<int, QList<QPointF>> filledPoints;
    QHash<int, QList<QPointF>> hollowPoints;
    QList<QPointF> starPoints;
    QList<QPointF> countPoints;
    QList<TimelineOverlay::Line> lines;
    QList<TimelineOverlay::Count> counts;
    QHash<int, QList<QPointF>> joins; // item → its markers
    const QColor neutral = palette().color(QPalette::PlaceholderText);
    const SidePalette colors(palette());
    for (int lane = 0; lane < laneCount; ++lane) {
        const QList<Candidate> &candidates = lanes.at(lane);
        QList<int> rows;
        const int limit = m_laneRows.at(lane);
        if (needed.at(lane) > limit)
            stack(candidates, limit - 1, rows);
        else
            rows = rowOf.at(lane);
        QMap<qint64, Shown> buckets; // count markers by pixel column
        for (int c = 0; c < candidates.size(); ++c) {
            const Candidate &candidate = candidates.at(c);
            const Item &item = m_items.at(candidate.item);
            if (rows.at(c) < 0) {
                const double cx = (candidate.centre - m_from) * pixelsPerUnit;
                Shown &bucket = buckets[qint64(std::floor(cx / countSlot))];
                if (bucket.count == 0) {
                    bucket.lane = lane;
                    bucket.x0 = item.x0;
                    bucket.x1 = item.x1;
                    bucket.at = QPointF(m_from + (std::floor(cx / countSlot) + 0.5) * countSlot / pixelsPerUnit,
                                        laneTop.at(lane) + limit - 0.5);
                }
                bucket.x0 = std::min(bucket.x0, item.x0);
                bucket.x1 = std::max(bucket.x1, item.x1);
                ++bucket.count;
                ++m_laneSummaries[lane].counted;
                continue;
            }
            ++m_laneSummaries[lane].individual;
            const QPointF at(candidate.centre, laneTop.at(lane) + rows.at(c) + 0.5);
            m_shown.append({candidate.item, lane, at, 0, item.x0, item.x1});
            const int colorKey = m_laneMode == LaneMode::Kind ? item.colorIndex : m_laneColors.value(lane, -1);
            const bool planned = item.status == int(EventStatus::Planned) || item.status == int(EventStatus::Cancelled);
            (planned ? hollowPoints : filledPoints)[colorKey].append(at);
            if (item.disagreement)
                starPoints.append(QPointF(at.x(), at.y() - 0.42)); // just above the marker
            if (item.multiDay) {
                // A known run of days is solid; "some time in this range" is a translucent band.
                QColor color = colors.color(colorKey);
                if (item.precision != int(DatePrecision::Days))
                    color.setAlphaF(0.45);
                lines.append({QPointF(item.x0 + 0.08, at.y()), QPointF(item.x1 - 0.08, at.y()),
                              QPen(color, 5, planned ? Qt::DashLine : Qt::SolidLine, Qt::FlatCap)});
            }
            joins[candidate.item].append(at);
        }
        for (const Shown &bucket : std::as_const(buckets)) {
            m_shown.append(bucket);
            countPoints.append(bucket.at);
            counts.append({bucket.at, bucket.count > 999 ? QStringLiteral("1k+") : QString::number(bucket.count)});
        }
    }
    for (auto it = joins.cbegin(); it != joins.cend(); ++it) {
        if (it->size() < 2)
            continue;
        double low = qInf();
        double high = -qInf();
        for (const QPointF &point : *it) {
            low = std::min(low, point.y());
            high = std::max(high, point.y());
        }
        lines.prepend({QPointF(it->first().x(), low), QPointF(it->first().x(), high), QPen(neutral, 1.5)});
    }
    // Qt Charts restyles every point on a size change: only set sizes that changed.
    const auto refill = [this](QScatterSeries *series, const QList<QPointF> &points) {
        if (!qFuzzyCompare(series->markerSize(), m_markerSize))
            series->setMarkerSize(m_markerSize);
        series->replace(points);
    };
    for (auto it = m_filledSeries.cbegin(); it != m_filledSeries.cend(); ++it)
        refill(it.value(), filledPoints.value(it.key()));
    for (auto it = m_hollowSeries.cbegin(); it != m_hollowSeries.cend(); ++it)
        refill(it.value(), hollowPoints.value(it.key()));
    if (!qFuzzyCompare(m_stars->markerSize(), std::max(7.0, m_markerSize - 2)))
        m_stars->setMarkerSize(std::max(7.0, m_markerSize - 2));
    m_stars->replace(starPoints);
    if (!qFuzzyCompare(m_countSeries->markerSize(), countMarkerSize))
        m_countSeries->setMarkerSize(countMarkerSize);
    m_countSeries->replace(countPoints);
    // The legend explains count markers only while there are some.
    for (QLegendMarker *marker : m_chart->legend()->markers(m_countSeries))
        marker->setVisible(!countPoints.isEmpty());
    m_below->setLines(lines);
    QFont countFont = labelFont();
    countFont.setPointSizeF(countFont.pointSizeF() * 0.85);
    countFont.setBold(true);
    m_above->setCounts(counts, countFont, palette().color(QPalette::Text));
}

void TimelineView::placeLabels()
{
    const QRectF plot = m_chart->plotArea();
    QColor backing = palette().color(QPalette::Base);
    backing.setAlpha(210);
    QList<TimelineOverlay::Label> placed;
    m_labelEvents.clear();
    const QFontMetrics metrics(labelFont());
    const double rowPixels = plot.height() / std::max(1.0, m_axisY->max());
    constexpr int maximumLabelled = 600; // beyond this, titles would not fit anyway
    int individual = 0;
    for (const Shown &shown : std::as_const(m_shown))
        individual += shown.item >= 0 ? 1 : 0;
    if (plot.width() <= 0 || rowPixels < metrics.height() - 1 || individual > maximumLabelled) {
        m_above->setLabels({}, labelFont(), palette().color(QPalette::Text), backing);
        return;
    }

    // Obstacles in a coarse grid, so each test looks at a few neighbours only.
    constexpr double cell = 48;
    QHash<quint64, QList<QRectF>> grid;
    const auto key = [](int x, int y) { return (quint64(quint32(x)) << 32) | quint32(y); };
    const auto add = [&](const QRectF &rect) {
        for (int x = int(std::floor(rect.left() / cell)); x <= int(std::floor(rect.right() / cell)); ++x)
            for (int y = int(std::floor(rect.top() / cell)); y <= int(std::floor(rect.bottom() / cell)); ++y)
                grid[key(x, y)].append(rect);
    };
    const auto clear = [&](const QRectF &rect) {
        const QRectF padded = rect.adjusted(-labelGap, 0, labelGap, 0);
        for (int x = int(std::floor(padded.left() / cell)); x <= int(std::floor(padded.right() / cell)); ++x)
            for (int y = int(std::floor(padded.top() / cell)); y <= int(std::floor(padded.bottom() / cell)); ++y)
                for (const QRectF &taken : grid.value(key(x, y)))
                    if (taken.intersects(padded))
                        return false;
        return true;
    };
    struct Candidate {
        QPointF marker;
        double barStart;
        double barEnd;
        const Item *item;
    };
    QList<Candidate> candidates;
    const double half = m_markerSize / 2;
    for (const Shown &shown : std::as_const(m_shown)) {
        const QPointF marker = m_chart->mapToPosition(shown.at);
        if (shown.item < 0) {
            const double size = countMarkerSize / 2;
            add(QRectF(marker.x() - size, marker.y() - size, 2 * size, 2 * size));
            continue;
        }
        const Item &item = m_items.at(shown.item);
        add(QRectF(marker.x() - half, marker.y() - half, 2 * half, 2 * half));
        const double barStart = m_chart->mapToPosition(QPointF(item.x0, shown.at.y())).x();
        const double barEnd = m_chart->mapToPosition(QPointF(item.x1, shown.at.y())).x();
        if (item.multiDay)
            add(QRectF(barStart, marker.y() - 3, barEnd - barStart, 6)); // spans are obstacles too
        if (marker.x() >= plot.left() && marker.x() <= plot.right())
            candidates.append({marker, barStart, barEnd, &item});
    }
    std::sort(candidates.begin(), candidates.end(),
              [](const Candidate &a, const Candidate &b) { return a.marker.x() < b.marker.x(); });
    const double clearance = half + labelGap + 1;
    for (const Candidate &candidate : std::as_const(candidates)) {
        QRectF chosen;
        QString text;
        for (int width : {220, 140, 80}) {
            text = metrics.elidedText(candidate.item->title, Qt::ElideRight, width);
            if (text == QStringLiteral("…"))
                break;
            const double textWidth = metrics.horizontalAdvance(text);
            const double startRight = std::max(candidate.marker.x() + clearance,
                                               candidate.item->multiDay ? candidate.barEnd + labelGap : 0.0);
            const QRectF right(startRight, candidate.marker.y() - metrics.height() / 2.0, textWidth, metrics.height());
            const double endLeft = std::min(candidate.marker.x() - clearance,
                                            candidate.item->multiDay ? candidate.barStart - labelGap : qInf());
            const QRectF left(endLeft - textWidth, right.top(), textWidth, metrics.height());
            for (const QRectF &option : {right, left}) {
                if (plot.contains(option) && clear(option)) {
                    chosen = option;
                    break;
                }
            }
            if (!chosen.isNull())
                break;
        }
        if (chosen.isNull())
            continue;
        add(chosen);
        placed.append({chosen, text});
        m_labelEvents.append(candidate.item->eventId);
    }
    m_above->setLabels(placed, labelFont(), palette().color(QPalette::Text), backing);
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
    for (const QString &label : m_axisX->categoriesLabels())
        m_axisX->remove(label);
    m_axisX->setStartValue(m_from);
    QSet<QString> used;
    const QLocale locale;
    QDate day = m_layout.dateAt(m_from);
    const QDate last = m_layout.dateAt(m_to);
    double lastPosition = -qInf();
    int breakIndex = 0;
    for (; day <= last; day = day.addDays(1)) {
        const double position = m_layout.x(day) + 0.5;
        if (position <= m_from || position >= m_to)
            continue;
        if (m_layout.isSqueezed(day)) {
            // One mark per break, in its middle.
            for (const TimelineLayout::Break &b : m_layout.breaks()) {
                if (b.first == day) {
                    const double middle = (b.x0 + b.x1) / 2;
                    if ((middle - lastPosition) * pixelsPerUnit >= labelWidth && middle > m_from && middle < m_to) {
                        m_axisX->append(uniqueLabel(QStringLiteral("≈"), used), middle);
                        lastPosition = middle;
                    }
                    ++breakIndex;
                }
            }
            continue;
        }
        // Steps count from the first busy day, so the data's first day gets a label.
        const qint64 fromFirst = day.toJulianDay() - m_layout.dateAt(m_layout.minX() + 0.5).toJulianDay();
        const bool onStep = step == 1 || (step < 30 ? (fromFirst % step == 0) : day.day() == 1);
        if (!onStep || (position - lastPosition) * pixelsPerUnit < labelWidth)
            continue;
        const QString format = step >= 30 ? QStringLiteral("MMM yyyy") : QStringLiteral("d MMM");
        m_axisX->append(uniqueLabel(locale.toString(day, format), used), position);
        lastPosition = position;
    }
    m_axisX->setRange(m_from, m_to);
    m_updatingAxis = false;
}

QPointF TimelineView::toViewport(double x, double y) const
{
    return mapFromScene(m_chart->mapToScene(m_chart->mapToPosition(QPointF(x, y))));
}

void TimelineView::updateRings()
{
    if (!m_selectionRing || !m_actorRing)
        return;
    const QString current = currentEventId();
    QList<QPointF> selected;
    QList<QPointF> actor;
    for (const Shown &shown : std::as_const(m_shown)) {
        if (shown.item < 0)
            continue;
        const Item &item = m_items.at(shown.item);
        if (item.eventId == current)
            selected.append(shown.at);
        if (!m_highlightedActor.isEmpty() && item.participantIds.contains(m_highlightedActor))
            actor.append(shown.at);
    }
    if (!qFuzzyCompare(m_selectionRing->markerSize(), m_markerSize + 9)) {
        m_selectionRing->setMarkerSize(m_markerSize + 9);
        m_actorRing->setMarkerSize(m_markerSize + 6);
    }
    m_selectionRing->replace(selected);
    m_actorRing->replace(actor);
}

QString TimelineView::currentEventId() const
{
    return m_selection->currentIndex().data(EventModel::EventIdRole).toString();
}

void TimelineView::selectEvent(const QString &eventId)
{
    const QModelIndex index = m_filter->indexOfEvent(eventId);
    if (!index.isValid())
        return;
    m_selection->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

QList<QPoint> TimelineView::markerPositions(const QString &eventId) const
{
    QList<QPoint> positions;
    for (const Shown &shown : m_shown) {
        if (shown.item >= 0 && m_items.at(shown.item).eventId == eventId)
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
        const QPointF centre = m_chart->mapToPosition(shown.at);
        double distance = QLineF(centre, position).length();
        if (shown.item >= 0 && m_items.at(shown.item).multiDay) {
            const double a = m_chart->mapToPosition(QPointF(shown.x0, shown.at.y())).x();
            const double b = m_chart->mapToPosition(QPointF(shown.x1, shown.at.y())).x();
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

QString TimelineView::eventAt(const QPoint &viewportPosition) const
{
    const QPointF scenePosition = mapToScene(viewportPosition);
    const QPointF chartPosition = m_chart->mapFromScene(scenePosition);
    const QList<TimelineOverlay::Label> &labels = m_above->labels();
    for (qsizetype i = 0; i < labels.size(); ++i) {
        if (labels.at(i).rect.contains(chartPosition))
            return m_labelEvents.value(i);
    }
    const Shown *shown = shownAt(viewportPosition);
    return shown && shown->item >= 0 ? m_items.at(shown->item).eventId : QString();
}

QStringList TimelineView::laneLabels() const { return m_laneLabels; }

QStringList TimelineView::shownLabels() const
{
    QStringList texts;
    for (const TimelineOverlay::Label &label : m_above->labels())
        texts.append(label.text);
    return texts;
}

QList<QRect> TimelineView::labelRects() const
{
    QList<QRect> rects;
    for (const TimelineOverlay::Label &label : m_above->labels())
        rects.append(mapFromScene(m_chart->mapToScene(label.rect)).boundingRect());
    return rects;
}

QString TimelineView::calloutText() const
{
    return m_callout->isVisible() ? m_calloutText->text() : QString();
}

void TimelineView::showCallout(const QString &eventId, const QPoint &at)
{
    const auto it = std::find_if(m_items.cbegin(), m_items.cend(), [&](const Item &i) { return i.eventId == eventId; });
    if (it == m_items.cend()) {
        hideCallout();
        return;
    }
    QString text = it->title + u'\n' + it->dateText;
    if (it->status != int(EventStatus::Occurred))
        text += QStringLiteral(" · ") + EventDateText().statusName(EventStatus(it->status));
    if (it->disagreement)
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
    const QString id = eventAt(event->pos());
    if (!id.isEmpty()) {
        showCallout(id, event->pos());
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

void TimelineView::zoomIntoCount(const QPoint &viewportPosition)
{
    const Shown *shown = shownAt(viewportPosition);
    if (!shown || shown->item >= 0)
        return;
    // Open the count up: zoom to the events it holds, with a little room around them.
    const double width = std::max(shown->x1 - shown->x0, minimumRange);
    const double centre = (shown->x0 + shown->x1) / 2;
    setRange(centre - width * 0.6, centre + width * 0.6);
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

} // namespace ntl
