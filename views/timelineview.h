#pragma once

#include "timelinelayout.h"

#include <QChartView>
#include <QHash>
#include <QPersistentModelIndex>

class QCategoryAxis;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;
class QItemSelectionModel;
class QScatterSeries;

namespace ntl {
class TimelineOverlay;
}

namespace ntl {

class EventFilterModel;

// The timeline: the filtered events on a date axis, in lanes by side (default), by
// actor or by kind. Busy days keep their width and long empty stretches are squeezed
// into a marked break (TimelineLayout), events that overlap in a lane are stacked, an
// event of several lanes appears in each and is joined by a line. Imprecise dates are
// bars over their whole range; planned events are hollow and dashed; a star marks
// events whose sources disagree; the current event is ringed.
//
// Mouse: hover for a callout, click to select, double-click to open the first passage,
// wheel to zoom, drag to pan, Shift+drag to zoom into a range. Keys: + and − zoom,
// ← and → pan, ↑ and ↓ move to the previous or next event, Home shows the whole
// period, Enter opens the current event's first passage.
class TimelineView : public QChartView
{
    Q_OBJECT
public:
    enum class LaneMode { Side, Actor, Kind };
    Q_ENUM(LaneMode)

    TimelineView(EventFilterModel *filter, QItemSelectionModel *selection, QWidget *parent = nullptr);

    void setLaneMode(LaneMode mode);
    LaneMode laneMode() const { return m_laneMode; }
    // Rings the events of this actor (the Actors view's selection); empty for none.
    void setHighlightedActor(const QString &actorId);

    void showWholePeriod();
    // The seven days with the most event starts, computed from the shown events.
    void showBusiestWeek();
    QString busiestWeekText() const;
    void fitSelection();
    void zoomBy(double factor, double anchorX = qQNaN());
    void panBy(double fractionOfRange);
    void moveCurrent(int step);

    // Inspection, for tests and export.
    QPair<double, double> visibleRange() const;
    // Shows [from, to) in axis units (see TimelineLayout), clamped to the data.
    void setVisibleRange(double from, double to) { setRange(from, to); }
    // Lays out axes and labels now rather than on the next event loop pass (export).
    void settle();
    const TimelineLayout &layout() const { return m_layout; }
    QStringList laneLabels() const;
    QStringList shownLabels() const;
    // Viewport rectangles of the shown title labels.
    QList<QRect> labelRects() const;
    // Viewport positions of an event's markers (one per lane); empty if not shown.
    QList<QPoint> markerPositions(const QString &eventId) const;
    QString eventAt(const QPoint &viewportPosition) const;
    QString calloutText() const;
    int minimumChartHeight() const;

    // Per lane, how many events in view are drawn as their own marker and how many are
    // counted in count markers ("+N") because they would overlap at this zoom.
    struct LaneSummary {
        int individual = 0;
        int counted = 0;
    };
    QList<LaneSummary> laneSummaries() const { return m_laneSummaries; }
    // Viewport positions of the count markers and the number each holds.
    QList<QPair<QPoint, int>> countMarkers() const;

signals:
    // Double-click or Enter on an event: open its first passage.
    void eventActivated(const QString &eventId);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    struct Item {
        QString eventId;
        QString title;
        QString dateText;
        int status = 0;
        int precision = 0;
        bool disagreement = false;
        bool multiDay = false;
        int colorIndex = -1;
        QStringList participantIds;
        QList<int> lanes;
        double x0 = 0; // axis units
        double x1 = 0;
    };

    // What one frame shows: individual markers and count markers, in chart values.
    struct Shown {
        int item = -1;   // index into m_items; -1 for a count marker
        int lane = -1;
        QPointF at;      // marker centre
        int count = 0;   // events in a count marker
        double x0 = 0;   // the count marker's or span's extent, axis units
        double x1 = 0;
    };

    void scheduleRebuild();
    void rebuild();
    void applyPalette();
    void scheduleOverlay();
    void updateOverlay();
    void zoomIntoCount(const QPoint &viewportPosition);
    const Shown *shownAt(const QPoint &viewportPosition) const;
    void updateAxisLabels();
    void placeMarkers();
    void placeLabels();
    void updateRings();
    QFont labelFont() const;
    void setRange(double from, double to);
    void selectEvent(const QString &eventId);
    QString currentEventId() const;
    QPointF toViewport(double x, double y) const;
    void showCallout(const QString &eventId, const QPoint &at);
    void showCalloutText(const QString &text, const QPoint &at);
    void hideCallout();

    EventFilterModel *m_filter;
    QItemSelectionModel *m_selection;
    QChart *m_chart;
    QCategoryAxis *m_axisX;
    QCategoryAxis *m_axisY;
    QScatterSeries *m_selectionRing = nullptr;
    QScatterSeries *m_actorRing = nullptr;
    QHash<int, QScatterSeries *> m_filledSeries; // by colour index
    QHash<int, QScatterSeries *> m_hollowSeries;
    QScatterSeries *m_stars = nullptr;
    QScatterSeries *m_countSeries = nullptr;
    TimelineOverlay *m_below = nullptr; // spans and joins, under the markers
    TimelineOverlay *m_above = nullptr; // labels and counts, over them
    QList<int> m_laneColors;
    QList<int> m_laneRows;                    // rows each lane has in this frame
    QList<Shown> m_shown;
    QStringList m_labelEvents;                // event of each placed label
    QList<LaneSummary> m_laneSummaries;
    double m_markerSize = 11;
    LaneMode m_laneMode = LaneMode::Side;
    QString m_highlightedActor;
    TimelineLayout m_layout;
    QList<Item> m_items; // parallel to the layout's inputs
    QStringList m_laneLabels;

    QGraphicsRectItem *m_callout = nullptr;
    QGraphicsSimpleTextItem *m_calloutText = nullptr;
    bool m_rebuildPending = false;
    bool m_overlayPending = false;
    bool m_updatingAxis = false;
    bool m_panning = false;
    QPoint m_lastPanPosition;
    QPoint m_pressPosition;
    double m_from = 0;
    double m_to = 1;
};

} // namespace ntl
