#include "timelineview.h"

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
#include <QLineSeries>
#include <QScatterSeries>
#include <QTimer>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace ntl {

namespace {

constexpr double rangeMargin = 0.6; // axis units beyond the first and last day
constexpr double minimumRange = 1.5;
constexpr int minimumRowPixels = 13;
constexpr int labelGap = 4;
constexpr double markerHalf = 7;
constexpr double markerClearance = markerHalf + labelGap + 1;

QString uniqueLabel(QString label, QSet<QString> &used)
{
    // QCategoryAxis keys categories by label, so repeated labels get invisible suffixes.
    while (used.contains(label))
        label.append(QChar(0x200B));
    used.insert(label);
    return label;
}

void hideFromLegend(QChart *chart, QAbstractSeries *series)
{
    for (QLegendMarker *marker : chart->legend()->markers(series))
        marker->setVisible(false);
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
    connect(filter, &QAbstractItemModel::rowsInserted, this, &TimelineView::scheduleRebuild);
    connect(filter, &QAbstractItemModel::rowsRemoved, this, &TimelineView::scheduleRebuild);
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
    m_markerSeries.clear();
    m_items.clear();
    m_laneLabels.clear();

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

    // Events and the lanes they sit in.
    QList<TimelineLayout::Input> inputs;
    for (int row = 0; row < rows; ++row) {
        const QModelIndex index = m_filter->index(row, 0);
        Item item;
        item.eventId = index.data(EventModel::EventIdRole).toString();
        item.title = index.data(EventModel::TitleRole).toString();
        item.dateText = index.data(EventModel::DateTextRole).toString();
        item.status = index.data(EventModel::StatusRole).toInt();
        item.disagreement = index.data(EventModel::HasDisagreementRole).toBool();
        item.precision = index.data(EventModel::PrecisionRole).toInt();
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
            if (lane >= 0)
                input.lanes.append(lane);
        }
        inputs.append(input);
        m_items.append(item);
    }
    m_layout.compute(inputs, int(laneKeys.size()));

    // Series: spans and joins first, markers on top.
    const QColor neutral = palette().color(QPalette::PlaceholderText);
    const QColor base = palette().color(QPalette::Base);
    QHash<QString, QList<QPointF>> joinPoints;
    QHash<int, QScatterSeries *> filledSeries;
    QHash<int, QScatterSeries *> hollowSeries;
    auto *stars = new QScatterSeries;
    stars->setName(tr("sources disagree"));
    stars->setMarkerShape(QScatterSeries::MarkerShapeStar);
    stars->setMarkerSize(9);
    stars->setColor(palette().color(QPalette::Text));
    stars->setBorderColor(palette().color(QPalette::Text));

    const auto laneColor = [&](int lane, const Item &item) {
        const int index = m_laneMode == LaneMode::Kind ? item.colorIndex : laneColors.value(lane, -1);
        return std::pair(index, colors.color(index));
    };
    for (const TimelineLayout::Placement &placement : m_layout.placements()) {
        const Item &item = m_items.at(placement.input);
        const auto [colorIndex, color] = laneColor(placement.lane, item);
        const bool planned = item.status == int(EventStatus::Planned) || item.status == int(EventStatus::Cancelled);
        const double centre = (placement.x0 + placement.x1) / 2;
        if (item.multiDay) {
            auto *span = new QLineSeries;
            // A known run of days is solid; "some time in this range" is a translucent band.
            QColor spanColor = color;
            if (item.precision != int(DatePrecision::Days))
                spanColor.setAlphaF(0.45);
            QPen pen(spanColor, 5, planned ? Qt::DashLine : Qt::SolidLine, Qt::FlatCap);
            span->setPen(pen);
            span->append({{placement.x0 + 0.08, placement.y}, {placement.x1 - 0.08, placement.y}});
            m_chart->addSeries(span);
        }
        joinPoints[item.eventId].append(QPointF(centre, placement.y));
        QHash<int, QScatterSeries *> &group = planned ? hollowSeries : filledSeries;
        QScatterSeries *series = group.value(colorIndex);
        if (!series) {
            series = new QScatterSeries;
            series->setMarkerSize(11);
            m_markerSeries.append(series);
            series->setColor(planned ? base : color);
            series->setBorderColor(color);
            series->setPen(QPen(color, planned ? 2 : 1));
            group.insert(colorIndex, series);
        }
        series->append(centre, placement.y);
        if (item.disagreement)
            stars->append(centre, placement.y - 0.42); // just above the marker
    }
    for (auto it = joinPoints.cbegin(); it != joinPoints.cend(); ++it) {
        if (it->size() < 2)
            continue;
        QList<QPointF> points = *it;
        std::sort(points.begin(), points.end(), [](QPointF a, QPointF b) { return a.y() < b.y(); });
        auto *join = new QLineSeries;
        join->setPen(QPen(neutral, 1.5));
        join->append(points);
        m_chart->addSeries(join);
    }
    // Legend order: sides (filled) first, then what the marks mean.
    QList<int> colorKeys = filledSeries.keys();
    for (int key : hollowSeries.keys()) {
        if (!colorKeys.contains(key))
            colorKeys.append(key);
    }
    std::sort(colorKeys.begin(), colorKeys.end());
    QScatterSeries *plannedLegend = nullptr;
    for (int key : colorKeys) {
        if (QScatterSeries *series = filledSeries.value(key)) {
            m_chart->addSeries(series);
            if (dataset && key >= 0 && key < dataset->sides.size())
                series->setName(dataset->sides.at(key).name);
        }
        if (QScatterSeries *series = hollowSeries.value(key)) {
            m_chart->addSeries(series);
            if (!plannedLegend) {
                plannedLegend = series;
                series->setName(tr("planned (hollow)"));
            }
        }
    }
    m_chart->addSeries(stars);

    m_selectionRing = new QScatterSeries;
    m_selectionRing->setMarkerSize(22);
    m_selectionRing->setColor(Qt::transparent);
    m_selectionRing->setPen(QPen(palette().color(QPalette::Highlight), 3));
    m_chart->addSeries(m_selectionRing);
    m_actorRing = new QScatterSeries;
    m_actorRing->setMarkerSize(18);
    m_actorRing->setColor(Qt::transparent);
    m_actorRing->setPen(QPen(palette().color(QPalette::Text), 1.5, Qt::DotLine));
    m_chart->addSeries(m_actorRing);

    for (QAbstractSeries *series : m_chart->series()) {
        series->attachAxis(m_axisX);
        series->attachAxis(m_axisY);
        const bool inLegend = (series == plannedLegend) || (series == stars && stars->count() > 0) ||
                              (filledSeries.values().contains(static_cast<QScatterSeries *>(series)) &&
                               !series->name().isEmpty() && m_laneMode != LaneMode::Kind);
        if (!inLegend)
            hideFromLegend(m_chart, series);
    }

    // Lane axis.
    m_updatingAxis = true;
    for (const QString &label : m_axisY->categoriesLabels())
        m_axisY->remove(label);
    QSet<QString> used;
    m_axisY->setStartValue(0);
    for (int lane = 0; lane < m_layout.lanes().size(); ++lane) {
        const TimelineLayout::Lane &l = m_layout.lanes().at(lane);
        // Long lane names would squeeze the plot; the full name is in the filter panel.
        const QString label = QFontMetrics(font()).elidedText(m_laneLabels.at(lane), Qt::ElideRight, 150);
        m_axisY->append(uniqueLabel(label, used), l.top + l.rows);
    }
    m_axisY->setRange(0, std::max(1.0, m_layout.totalRows()));
    m_updatingAxis = false;

    setMinimumHeight(minimumChartHeight());
    applyPalette();
    showWholePeriod();
    updateRings();
}

int TimelineView::minimumChartHeight() const
{
    // Enough height for every stacked row to keep its markers apart.
    return int(m_layout.totalRows() * minimumRowPixels) + 100;
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
    updateMarkerSizes();
    updateTextLabels();
}

void TimelineView::updateMarkerSizes()
{
    // Rows can be tight when a lane stacks many events: markers shrink to stay apart.
    const double rowPixels = m_chart->plotArea().height() / std::max(1.0, m_layout.totalRows());
    const double size = std::clamp(rowPixels - 3, 7.0, 11.0);
    for (QScatterSeries *series : std::as_const(m_markerSeries))
        series->setMarkerSize(size);
    if (m_selectionRing)
        m_selectionRing->setMarkerSize(size + 9);
    if (m_actorRing)
        m_actorRing->setMarkerSize(size + 6);
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

void TimelineView::updateTextLabels()
{
    for (QGraphicsSimpleTextItem *label : std::as_const(m_textLabels))
        delete label->parentItem();
    m_textLabels.clear();
    const QRectF plot = m_chart->plotArea();
    if (plot.width() <= 0 || m_layout.placements().isEmpty())
        return;
    const QFontMetrics metrics(labelFont());
    const double rowPixels = plot.height() / std::max(1.0, m_layout.totalRows());
    if (rowPixels < metrics.height() - 1)
        return; // rows too tight for text: the callout names each event

    // Markers are obstacles; labels go right of their marker, else left, else not at all.
    QList<QRectF> taken;
    struct Candidate {
        QPointF marker;
        double barStart;
        double barEnd;
        const Item *item;
    };
    QList<Candidate> candidates;
    for (const TimelineLayout::Placement &placement : m_layout.placements()) {
        const double centre = (placement.x0 + placement.x1) / 2;
        const QPointF marker = m_chart->mapToPosition(QPointF(centre, placement.y));
        const double barStart = m_chart->mapToPosition(QPointF(placement.x0, placement.y)).x();
        const double barEnd = m_chart->mapToPosition(QPointF(placement.x1, placement.y)).x();
        taken.append(QRectF(marker.x() - markerHalf, marker.y() - markerHalf, 2 * markerHalf, 2 * markerHalf));
        if (m_items.at(placement.input).multiDay)
            taken.append(QRectF(barStart, marker.y() - 3, barEnd - barStart, 6)); // spans are obstacles too
        if (marker.x() >= plot.left() && marker.x() <= plot.right())
            candidates.append({marker, barStart, barEnd, &m_items.at(placement.input)});
    }
    std::sort(candidates.begin(), candidates.end(),
              [](const Candidate &a, const Candidate &b) { return a.marker.x() < b.marker.x(); });
    const int maximumWidth = 220;
    for (const Candidate &candidate : candidates) {
        const QString full = candidate.item->title;
        QRectF placed;
        QString text;
        for (int width : {maximumWidth, 140, 80}) {
            text = metrics.elidedText(full, Qt::ElideRight, width);
            if (text == QStringLiteral("…"))
                break;
            const double textWidth = metrics.horizontalAdvance(text);
            const double startRight = std::max(candidate.marker.x() + markerClearance, candidate.item->multiDay ? candidate.barEnd + labelGap : 0.0);
            const QRectF right(startRight, candidate.marker.y() - metrics.height() / 2.0, textWidth, metrics.height());
            const double endLeft = std::min(candidate.marker.x() - markerClearance,
                                            candidate.item->multiDay ? candidate.barStart - labelGap : qInf());
            const QRectF left(endLeft - textWidth, right.top(), textWidth, metrics.height());
            for (const QRectF &option : {right, left}) {
                if (!plot.contains(option))
                    continue;
                const bool clear = std::none_of(taken.cbegin(), taken.cend(), [&](const QRectF &r) {
                    return r.adjusted(-labelGap, 0, labelGap, 0).intersects(option);
                });
                if (clear) {
                    placed = option;
                    break;
                }
            }
            if (!placed.isNull())
                break;
        }
        if (placed.isNull())
            continue;
        taken.append(placed);
        // A backing in the base colour keeps the text legible over grid lines.
        auto *backing = new QGraphicsRectItem(QRectF(-2, 0, placed.width() + 4, placed.height()), m_chart);
        QColor base = palette().color(QPalette::Base);
        base.setAlpha(210);
        backing->setBrush(base);
        backing->setPen(Qt::NoPen);
        backing->setPos(placed.topLeft());
        backing->setZValue(4);
        auto *label = new QGraphicsSimpleTextItem(text, backing); // plain text by construction
        label->setFont(labelFont());
        label->setBrush(palette().color(QPalette::Text));
        label->setData(0, candidate.item->eventId);
        m_textLabels.append(label);
    }
}

void TimelineView::updateRings()
{
    if (!m_selectionRing || !m_actorRing)
        return;
    const QString current = currentEventId();
    QList<QPointF> selected;
    QList<QPointF> actor;
    for (const TimelineLayout::Placement &placement : m_layout.placements()) {
        const Item &item = m_items.at(placement.input);
        const QPointF point((placement.x0 + placement.x1) / 2, placement.y);
        if (item.eventId == current)
            selected.append(point);
        if (!m_highlightedActor.isEmpty() && item.participantIds.contains(m_highlightedActor))
            actor.append(point);
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
    for (const TimelineLayout::Placement &placement : m_layout.placements()) {
        if (m_items.at(placement.input).eventId == eventId)
            positions.append(toViewport((placement.x0 + placement.x1) / 2, placement.y).toPoint());
    }
    return positions;
}

QString TimelineView::eventAt(const QPoint &viewportPosition) const
{
    const QRectF plot = m_chart->plotArea();
    const QPointF chartPosition = m_chart->mapFromScene(mapToScene(viewportPosition));
    if (!plot.adjusted(-8, -8, 8, 8).contains(chartPosition))
        return {};
    QString best;
    double bestDistance = 12; // pixels
    for (const TimelineLayout::Placement &placement : m_layout.placements()) {
        const QPointF a = m_chart->mapToPosition(QPointF(placement.x0, placement.y));
        const QPointF b = m_chart->mapToPosition(QPointF(placement.x1, placement.y));
        const QPointF centre = (a + b) / 2;
        double distance = QLineF(centre, chartPosition).length();
        if (m_items.at(placement.input).multiDay && chartPosition.x() >= a.x() && chartPosition.x() <= b.x())
            distance = std::min(distance, std::abs(chartPosition.y() - centre.y()) + 2);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = m_items.at(placement.input).eventId;
        }
    }
    for (const QGraphicsSimpleTextItem *label : m_textLabels) {
        if (label->sceneBoundingRect().contains(mapToScene(viewportPosition)))
            return label->data(0).toString();
    }
    return best;
}

QStringList TimelineView::laneLabels() const { return m_laneLabels; }

QStringList TimelineView::shownLabels() const
{
    QStringList texts;
    for (const QGraphicsSimpleTextItem *label : m_textLabels)
        texts.append(label->text());
    return texts;
}

QList<QRect> TimelineView::labelRects() const
{
    QList<QRect> rects;
    for (const QGraphicsSimpleTextItem *label : m_textLabels)
        rects.append(mapFromScene(label->sceneBoundingRect()).boundingRect());
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
    if (id.isEmpty())
        hideCallout();
    else
        showCallout(id, event->pos());
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
        }
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
    setRubberBand(QChartView::NoRubberBand);
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
