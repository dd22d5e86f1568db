#pragma once

#include <QList>
#include <QObject>

class QAbstractItemView;
class QHeaderView;
class QModelIndex;

namespace ntl {

// Keeps some columns of a view as wide as their contents, at the cost of what changed.
// Qt's ResizeToContents measures up to 1,000 rows of every such column again after any
// change to the model (text shaped for each, shown or not): on a hidden tab that was most
// of an edit's time, and on a shown one an added event (its articles' counts changed) spent
// 11 ms on the Sources table at 100,000 events. Here the columns are Interactive and:
// - a changed or inserted cell is measured alone, and widens its column if it needs to;
// - a reset, a layout change or removed rows fit the columns again (Qt's bounded measure);
// - while the view is hidden nothing is measured; it is fitted when shown, before it paints.
// A column never narrows on a cell's change, so a count that drops does not make it jump.
class ColumnFit : public QObject {
    Q_OBJECT
public:
    // `view` has its model already; `header` is its horizontal header (or a tree's header).
    ColumnFit(QAbstractItemView *view, QHeaderView *header, const QList<int> &columns);

    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void connectModel();
    void modeAgain();
    void fitAll();
    void scheduleFitAll();
    void measure(int firstRow, int lastRow, int firstColumn, int lastColumn,
                 const QModelIndex &parent);
    int cellWidth(const QModelIndex &index) const;

    QAbstractItemView *m_view;
    QHeaderView *m_header;
    QList<int> m_columns;
    bool m_dirty = true;        // to fit in full when next shown
    bool m_fitQueued = false;   // a full fit posted, for several changes at once
};

} // namespace ntl
