#pragma once

#include "timelinelayout.h"
#include "timelinelegend.h"
#include "timelineoverlay.h"

#include <QChartView>
#include <QHash>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QScrollArea>

#include <memory>
#include <vector>

class QCategoryAxis;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;
class QItemSelectionModel;
class QMenu;

namespace ntl {

class EventFilterModel;
class EventModel;
struct Dataset;
struct Event;

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
    // Every event laid out, in order: its id, axis extent and lanes, then each lane's events
    // (for tests: an edit laid out in place must equal a layout from scratch).
    QStringList layoutDump() const;
    // Lays every event out again now, keeping the dates in view, every title wrapped anew
    // (what an edit laid out in place is checked against).
    void relayout();
    // How many edits were laid out in place since the view was made (tests, the benchmark).
    int editsLaidOutInPlace() const { return m_editsInPlace; }
    QStringList laneLabels() const;
    QStringList shownLabels() const;
    // The event of each shown label, in the order of shownLabels() and labelRects().
    QStringList labelledEvents() const;
    // Viewport rectangles of the shown title labels.
    QList<QRect> labelRects() const;
    // Viewport positions of an event's markers (one per lane); empty if not shown.
    QList<QPoint> markerPositions(const QString &eventId) const;
    QString eventAt(const QPoint &viewportPosition) const;
    QString calloutText() const;
    int minimumChartHeight() const;
    // Exports fit every lane into the given height (titles that find no room are cut short
    // or counted); on screen (the default) lanes take the rows they need and the view grows.
    void setFitToHeight(bool fit);
    // The height this view needs at `width` for every lane to have the rows its labels
    // take, with every title whole that can be (lays the view out at that width).
    int heightForWholeTitles(int width);
    // What a density strip's bars count ("events per week; the tallest is 40"); empty when
    // no lane is dense in this frame.
    QString densityScale() const { return m_densityScale; }
    // The lane names drawn at the top of what is in sight, for lanes whose own name (in the
    // middle of the lane) is scrolled away.
    QList<QString> laneTagsShown() const;
    // Per lane, the events in view that have no label in this frame.
    QList<QList<QString>> unlabelledEvents() const;

    // Per lane, how many events in view are drawn as their own marker and how many are
    // counted in count markers ("+N") because they would overlap at this zoom.
    struct LaneSummary {
        int individual = 0;
        int counted = 0;
    };
    QList<LaneSummary> laneSummaries() const { return m_laneSummaries; }
    // Viewport positions of the count markers and the number each holds.
    QList<QPair<QPoint, int>> countMarkers() const;
    // The menu a count marker opens when zooming in cannot separate its events (they
    // share a day), while it is open; null otherwise.
    QMenu *countMenu() const { return m_countMenu; }

signals:
    // The shown events changed (after a filter or dataset change has been laid out).
    void contentChanged();
    // Double-click or Enter on an event: open its first passage.
    void eventActivated(const QString &eventId);
    // The visible range was zoomed or panned; visibleRange() says where to. (A new layout
    // shows the whole period and says contentChanged instead.)
    void visibleRangeChanged();

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
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    // An event shown by the filter, in the filter's (date) order.
    struct Item {
        int row = -1;       // source row
        double x0 = 0;      // axis units
        double x1 = 0;
        int lanesBegin = 0; // range in m_itemLanes
        int lanesEnd = 0;
        bool multiDay = false;
        bool dated = false;
        qint64 firstDay = 0; // julian days, when dated
        qint64 lastDay = 0;
    };

    // One row of the source model edited since the last layout.
    struct SourceEdit {
        enum Kind { Changed, Inserted, Removed } kind;
        int row;
    };

    // What one frame shows: individual markers and count markers, in chart values.
    struct Shown {
        int item = -1;   // index into m_items; -1 for a count marker
        int lane = -1;
        QPointF at;      // marker centre
        int count = 0;   // events in a count marker
        double x0 = 0;   // the count marker's or span's extent, axis units
        double x1 = 0;
        int column = -1; // a count marker's pixel column
    };

    // An event in view in one lane, with the pixels its marker or span takes across.
    struct Candidate {
        int item;
        double left; // pixels from the plot's left edge
        double right;
        double centre; // axis units
    };

    void refreshRows();
    // Facts of a source row, from the model.
    bool isDated(int row) const;
    qint64 lastDay(int row) const;
    int colorIndexOf(int row) const; // the first side's index, -1 for none
    void rebuildWhenShown();
    void releaseContent();
    void scheduleRebuild();
    // A filter or lane change: the rebuild shows the whole period.
    void scheduleRebuildShowingAll();
    void rebuild();
    // The filter's rows changed by an edit: a title alone re-places this frame's labels, other
    // fields lay the events out again (keeping the dates in view).
    void sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                           const QList<int> &roles);
    void rowsChangedByEdit();
    // Lays out one edited row in place (moves, inserts or removes its item, re-reads the axis
    // only if its busy days changed); false when the edit needs a layout from scratch (another
    // lane set or legend, several rows, a lane mode other than by side).
    bool layOutEditInPlace();
    void noteSourceEdit(SourceEdit::Kind kind, int row);
    // The wrapped titles kept by source row follow a row inserted (delta 1) or removed (-1).
    void shiftWraps(int row, int delta);
    void removeItem(int index);
    bool insertItem(int row); // false: its lane is missing or was empty
    void findBusiestWeek();
    void applyPalette();
    void scheduleOverlay();
    void updateOverlay();
    void zoomIntoCount(const QPoint &viewportPosition);
    // The lane whose "N without a label" note is at the position, -1 for none.
    int unlabelledNoteAt(const QPoint &viewportPosition) const;
    // A menu of `items` to select one from (shown modally until closed).
    void listEvents(const QList<int> &items, const QPoint &viewportPosition, const QString &name);
    static int countColumns(double plotWidth);
    const Shown *shownAt(const QPoint &viewportPosition) const;
    int itemAt(const QPoint &viewportPosition) const; // an item, -1 for none
    void updateAxisLabels();
    // Lays out one frame: rows, marks, labels, counts and density strips.
    void placeMarkers();
    void updateLaneTags();
    void updateRings();
    // The accessible description names the current event, for a screen reader.
    void updateAccessibleDescription();
    QFont labelFont() const;
    void setRange(double from, double to);
    void selectEvent(const QString &eventId);
    void selectRow(int sourceRow);
    int currentRow() const; // source row of the current event, -1 for none
    QString currentEventId() const;
    int sourceRowOf(const QString &eventId) const;
    const Event *eventOf(const Item &item) const;
    bool involvesActor(const Item &item, int actorIndex) const;
    QString eventIdOf(const Item &item) const;
    QPointF toChart(double x, double y) const;
    QPointF toViewport(double x, double y) const;
    void showCallout(int item, const QPoint &at);
    void showCalloutText(const QString &text, const QPoint &at);
    void hideCallout();

    EventFilterModel *m_filter;
    QItemSelectionModel *m_selection;
    QChart *m_chart;
    QCategoryAxis *m_axisX;
    QCategoryAxis *m_axisY;
    TimelineLegend m_legend;
    TimelineOverlay *m_overlay = nullptr;

    // Of the dataset the items come from (the model's facts give the rest, by source row).
    std::shared_ptr<const Dataset> m_rowsDataset;
    bool m_rowsStale = true;
    QList<int> m_dateOrder;          // source rows in the filter's (date) order
    QList<int> m_actorOfParticipant; // by the model's participant number: the dataset's actor

    QList<Item> m_items;           // the filter's rows, in its order
    QList<int> m_itemLanes;
    QList<QList<int>> m_laneItems; // per lane, items in start order
    QList<double> m_laneLongest;   // per lane, the longest item, axis units
    QList<int> m_laneColors;
    QList<int> m_laneRows;         // rows each lane has in this frame
    std::vector<std::vector<Candidate>> m_candidates; // per lane, reused between frames
    QList<Shown> m_shown;
    QList<TimelineOverlay::Markers> m_eventMarkers; // this frame's, without the rings
    QList<int> m_labelItems;       // item of each placed label
    struct Wraps {
        QStringList wrapped[3]; // the title on one, two and three lines
        double wrappedWidth[3] = {-1, -1, -1}; // -1: not wrapped yet
    };
    QHash<int, Wraps> m_wraps; // by source row, in labelFont()
    QList<bool> m_denseLanes;  // lanes shown as density strips in this frame
    QString m_densityScale;    // what a density strip's bars count, when there are some
    QList<QList<int>> m_unlabelled; // per lane, items in view without a label
    QList<QPair<QPointF, int>> m_unlabelledAt; // where each lane's "N without a label" is
    bool m_fitToHeight = false; // rows fit the view (exports) instead of growing it
    bool m_growing = false;     // setting the height the rows need
    // The axis range whose events are placed (on screen: the view and a view's width on each
    // side), and the scale it was placed at; 0: none yet.
    double m_windowFrom = 0;
    double m_windowTo = 0;
    double m_windowScale = 0;
    QList<double> m_laneTops; // in rows, of this frame
    QPointer<QScrollArea> m_scrollArea; // the one the view is in, if any
    QList<LaneSummary> m_laneSummaries;
    QDate m_busiestWeekStart;
    int m_busiestWeekCount = 0;
    double m_markerSize = 11;
    double m_rowsInView = 1;
    LaneMode m_laneMode = LaneMode::Side;
    QString m_highlightedActor;
    TimelineLayout m_layout;
    QStringList m_laneLabels;

    QMenu *m_countMenu = nullptr; // open while a count marker lists its events
    QGraphicsRectItem *m_callout = nullptr;
    QGraphicsSimpleTextItem *m_calloutText = nullptr;
    bool m_rebuildPending = false;
    bool m_rebuilding = false; // laying out anew: the range it sets is no zoom
    // The next rebuild shows the whole period (new data, another filter, another lane mode);
    // an edit's rebuild keeps the dates in view instead.
    bool m_showWholeOnRebuild = true;
    // The source's rows edited since the last layout, and whether anything else changed too.
    QList<SourceEdit> m_sourceEdits;
    bool m_editsUnknown = true;
    int m_editsInPlace = 0;
    // An edit inserted or removed rows: the items' source rows are stale until rebuilt.
    bool m_rowsShifted = false;
    bool m_overlayPending = false;
    bool m_updatingAxis = false;
    bool m_panning = false;
    QPoint m_lastPanPosition;
    QPoint m_pressPosition;
    double m_from = 0;
    double m_to = 1;
};

} // namespace ntl
