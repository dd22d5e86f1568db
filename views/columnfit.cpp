#include "columnfit.h"

#include <QAbstractItemModel>
#include <QEvent>
#include <QHeaderView>
#include <QTableView>
#include <QTimer>

namespace ntl {

namespace {
// More changed rows than this are measured as Qt measures a column (bounded by its
// resizeContentsPrecision) rather than one by one.
constexpr int MostRowsMeasuredOneByOne = 64;
} // namespace

ColumnFit::ColumnFit(QAbstractItemView *view, QHeaderView *header, const QList<int> &columns)
    : QObject(view)
    , m_view(view)
    , m_header(header)
    , m_columns(columns) {
    view->installEventFilter(this);
    modeAgain();
    connectModel();
    // Columns inserted get the header's default mode.
    connect(m_header, &QHeaderView::sectionCountChanged, this, [this] {
        modeAgain();
        scheduleFitAll();
    });
    if (view->isVisible())
        fitAll();
}

void ColumnFit::connectModel() {
    QAbstractItemModel *model = m_view->model();
    if (!model)
        return;
    const auto whole = [this] { scheduleFitAll(); };
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        modeAgain(); // a reset gives every column the header's default mode again
        scheduleFitAll();
    });
    connect(model, &QAbstractItemModel::layoutChanged, this, whole);
    connect(model, &QAbstractItemModel::rowsRemoved, this, whole);
    connect(model, &QAbstractItemModel::rowsMoved, this, whole);
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                if (topLeft.isValid() && bottomRight.isValid())
                    measure(topLeft.row(), bottomRight.row(), topLeft.column(),
                            bottomRight.column(), topLeft.parent());
            });
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &parent, int first, int last) {
                measure(first, last, 0, m_header->count() - 1, parent);
            });
}

void ColumnFit::modeAgain() {
    for (const int column : std::as_const(m_columns))
        if (column < m_header->count() &&
            m_header->sectionResizeMode(column) != QHeaderView::Interactive)
            m_header->setSectionResizeMode(column, QHeaderView::Interactive);
}

bool ColumnFit::eventFilter(QObject *watched, QEvent *event) {
    // Fitted at once when shown, so the first frame shows the columns fitted.
    if (watched == m_view && event->type() == QEvent::Show && m_dirty)
        fitAll();
    // Another font or style measures every cell anew (Qt's ResizeToContents did so too).
    else if (watched == m_view &&
             (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange))
        scheduleFitAll();
    return QObject::eventFilter(watched, event);
}

void ColumnFit::scheduleFitAll() {
    m_dirty = true;
    if (!m_view->isVisible() || m_fitQueued)
        return;
    m_fitQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_fitQueued = false;
        if (m_dirty && m_view->isVisible())
            fitAll();
    });
}

void ColumnFit::fitAll() {
    m_dirty = false;
    for (const int column : std::as_const(m_columns)) {
        if (column >= m_header->count() || m_header->isSectionHidden(column))
            continue;
        m_header->resizeSection(
            column, std::max(m_view->sizeHintForColumn(column), m_header->sectionSizeHint(column)));
    }
}

void ColumnFit::measure(int firstRow, int lastRow, int firstColumn, int lastColumn,
                        const QModelIndex &parent) {
    if (m_dirty || !m_view->isVisible()) {
        m_dirty = true; // measured when shown
        return;
    }
    if (parent != m_view->rootIndex())
        return;
    if (lastRow - firstRow >= MostRowsMeasuredOneByOne) {
        scheduleFitAll();
        return;
    }
    const QAbstractItemModel *model = m_view->model();
    for (const int column : std::as_const(m_columns)) {
        if (column < firstColumn || column > lastColumn || column >= m_header->count() ||
            m_header->isSectionHidden(column))
            continue;
        int widest = m_header->sectionSize(column);
        for (int row = firstRow; row <= lastRow; ++row)
            widest = std::max(widest, cellWidth(model->index(row, column, parent)));
        if (widest > m_header->sectionSize(column))
            m_header->resizeSection(column, widest);
    }
}

int ColumnFit::cellWidth(const QModelIndex &index) const {
    // As QTableView::sizeHintForColumn counts a cell: its hint, and the grid line.
    const auto *table = qobject_cast<const QTableView *>(m_view);
    return m_view->sizeHintForIndex(index).width() + (table && table->showGrid() ? 1 : 0);
}

} // namespace ntl
