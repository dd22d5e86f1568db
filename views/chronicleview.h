#pragma once

#include <QAbstractItemView>
#include <QPersistentModelIndex>

#include <vector>

class QItemSelectionModel;

namespace ntl {

class ChronicleDelegate;
class EventFilterModel;

// The Chronicle: the filtered events in date order, one entry each, grouped under day
// headings (spans and imprecise dates under their own), drawn by ChronicleDelegate. It
// shares the selection with the other views; Enter or a double-click opens the event's
// first passage (eventActivated); Ctrl+C copies the current entry as plain text.
//
// Rows have different heights (titles and summaries wrap), and measuring 100,000 of them
// on every layout, as QListView does, takes seconds. So the view measures only the rows it
// shows (heights kept per width until the model or the width changes) and keeps its place
// as a row and a pixel offset into it, never as a pixel position in a total height it does
// not know: the scroll bar counts rows, and a measurement never moves what is on screen.
class ChronicleView : public QAbstractItemView {
    Q_OBJECT
public:
    ChronicleView(EventFilterModel *filter, QItemSelectionModel *selection,
                  QWidget *parent = nullptr);

    ChronicleDelegate *chronicleDelegate() const { return m_delegate; }

    QRect visualRect(const QModelIndex &index) const override;
    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;
    QModelIndex indexAt(const QPoint &point) const override;

    // Scrolls by `pixels` (positive: down), as a wheel or a page step does.
    void scrollByPixels(int pixels);
    // The first row shown, even partly, and how many pixels of it are scrolled off.
    QModelIndex topIndex() const;
    int topOffset() const { return m_topOffset; }
    // The rows shown now, in order (inspection for tests and the benchmark).
    QList<int> shownRows() const;
    // How many rows have a height measured at the current width: the view stays lazy.
    int measuredRowCount() const;
    // The height of a row at the current width.
    int rowHeight(int row) const;
    // An entry's words without its group heading, one line each: the accessible description
    // of the current entry, and what Ctrl+C copies.
    QString entryText(const QModelIndex &index) const;

signals:
    void eventActivated(const QString &eventId);

protected:
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    int horizontalOffset() const override { return 0; }
    int verticalOffset() const override { return 0; }
    bool isIndexHidden(const QModelIndex &) const override { return false; }
    void setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command) override;
    QRegion visualRegionForSelection(const QItemSelection &selection) const override;
    void updateGeometries() override;
    bool event(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void reset() override;
    void rowsInserted(const QModelIndex &parent, int start, int end) override;
    void rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end) override;
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                     const QList<int> &roles = QList<int>()) override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;

    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Shown {
        int row;
        int y;
        int height;
    };
    // Forgets every measured height (rows changed, width changed) and the shown rows.
    void invalidateHeights();
    // Keeps the top row and offset inside the rows, and the last row from rising above the
    // bottom edge.
    void clampPosition();
    const std::vector<Shown> &shown() const;
    // Puts `row`'s top at `y` in the viewport.
    void placeRow(int row, int y);
    void positionChanged();
    // clampPosition() and positionChanged(), or on the next show when hidden.
    void relayout();
    void updateScrollBar();
    void updateAccessibleText();
    void rememberAnchor();
    void restoreAnchor();
    QStyleOptionViewItem itemOption() const;

    EventFilterModel *m_filter;
    ChronicleDelegate *m_delegate;
    mutable std::vector<int> m_heights; // per row, 0: not measured
    mutable int m_heightsWidth = -1;
    mutable int m_measured = 0;
    int m_topRow = 0;
    int m_topOffset = 0;
    mutable std::vector<Shown> m_shown;
    mutable bool m_shownStale = true;
    bool m_updatingScrollBar = false;
    // Set by scrollTo(), cleared when the reader scrolls: a resize (the tab first shown,
    // the window resized) keeps the current event in view.
    bool m_followCurrent = false;
    // Across a filter change: the row whose place on screen stays, and that place.
    QPersistentModelIndex m_anchor;
    int m_anchorY = 0;
    bool m_anchorPending = false;   // a layout change while hidden: restore when shown
    bool m_relayoutPending = false; // other changes while hidden
};

} // namespace ntl
