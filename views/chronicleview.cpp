#include "chronicleview.h"

#include "chronicledelegate.h"
#include "eventfiltermodel.h"
#include "eventmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>

namespace ntl {

namespace {
// Scroll bar units per row: the bar counts rows, with a fraction for the offset into one.
constexpr int unitsPerRow = 100;
} // namespace

ChronicleView::ChronicleView(EventFilterModel *filter, QItemSelectionModel *selection,
                             QWidget *parent)
    : QAbstractItemView(parent)
    , m_filter(filter)
    , m_delegate(new ChronicleDelegate(this)) {
    setModel(filter);
    QItemSelectionModel *own = QAbstractItemView::selectionModel();
    setSelectionModel(selection);
    delete own; // setModel() made one; the views share `selection`
    setItemDelegate(m_delegate);
    setSelectionMode(SingleSelection);
    setSelectionBehavior(SelectRows);
    setEditTriggers(NoEditTriggers);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Chronicle"));
    setObjectName(QStringLiteral("chronicleView"));

    connect(filter, &QAbstractItemModel::layoutAboutToBeChanged, this,
            &ChronicleView::rememberAnchor);
    connect(filter, &QAbstractItemModel::layoutChanged, this, &ChronicleView::restoreAnchor);
    // rowsAboutToBeRemoved() kept the top row and the measured heights of the rows left.
    connect(filter, &QAbstractItemModel::rowsRemoved, this, &ChronicleView::relayout);
    // The selection model drops a filtered-out current event without a signal.
    connect(filter, &EventFilterModel::filtersChanged, this, [this] {
        updateAccessibleText();
        viewport()->update();
    });
}

QStyleOptionViewItem ChronicleView::itemOption() const {
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.state &= ~(QStyle::State_Selected | QStyle::State_HasFocus);
    option.rect = QRect(0, 0, viewport()->width(), 0);
    return option;
}

int ChronicleView::rowHeight(int row) const {
    const int rows = model()->rowCount(rootIndex());
    const int width = viewport()->width();
    if (width != m_heightsWidth || int(m_heights.size()) != rows) {
        m_heights.assign(std::size_t(rows), 0);
        m_heightsWidth = width;
        m_measured = 0;
    }
    if (row < 0 || row >= rows)
        return 0;
    int &height = m_heights[std::size_t(row)];
    if (height == 0) {
        height = std::max(
            1, m_delegate->sizeHint(itemOption(), model()->index(row, 0, rootIndex())).height());
        ++m_measured;
    }
    return height;
}

int ChronicleView::measuredRowCount() const {
    rowHeight(-1); // drops heights of another width or row count
    return m_measured;
}

void ChronicleView::invalidateHeights() {
    m_heightsWidth = -1;
    m_shownStale = true;
}

void ChronicleView::clampPosition() {
    const int rows = model()->rowCount(rootIndex());
    if (rows == 0) {
        m_topRow = 0;
        m_topOffset = 0;
        return;
    }
    m_topRow = std::clamp(m_topRow, 0, rows - 1);
    while (m_topOffset < 0 && m_topRow > 0)
        m_topOffset += rowHeight(--m_topRow);
    m_topOffset = std::max(0, m_topOffset);
    while (m_topRow < rows - 1 && m_topOffset >= rowHeight(m_topRow))
        m_topOffset -= rowHeight(m_topRow++);
    m_topOffset = std::min(m_topOffset, rowHeight(m_topRow) - 1);
    // The last row's bottom stays at the bottom edge or below it.
    const int height = viewport()->height();
    int bottom = -m_topOffset;
    for (int row = m_topRow; row < rows && bottom < height; ++row)
        bottom += rowHeight(row);
    if (bottom < height) {
        m_topOffset -= height - bottom;
        while (m_topOffset < 0 && m_topRow > 0)
            m_topOffset += rowHeight(--m_topRow);
        m_topOffset = std::max(0, m_topOffset);
    }
}

const std::vector<ChronicleView::Shown> &ChronicleView::shown() const {
    if (m_heightsWidth != viewport()->width())
        m_shownStale = true;
    if (!m_shownStale)
        return m_shown;
    m_shown.clear();
    const int rows = model()->rowCount(rootIndex());
    const int height = viewport()->height();
    int y = -m_topOffset;
    for (int row = m_topRow; row < rows && y < height; ++row) {
        const int h = rowHeight(row);
        m_shown.push_back({row, y, h});
        y += h;
    }
    m_shownStale = false;
    return m_shown;
}

QList<int> ChronicleView::shownRows() const {
    QList<int> rows;
    for (const Shown &s : shown())
        rows.append(s.row);
    return rows;
}

QModelIndex ChronicleView::topIndex() const {
    return model()->rowCount(rootIndex()) > 0 ? model()->index(m_topRow, 0, rootIndex())
                                              : QModelIndex();
}

void ChronicleView::positionChanged() {
    m_shownStale = true;
    updateScrollBar();
    viewport()->update();
}

void ChronicleView::updateScrollBar() {
    const int rows = model()->rowCount(rootIndex());
    QScrollBar *bar = verticalScrollBar();
    m_updatingScrollBar = true;
    if (rows == 0) {
        bar->setRange(0, 0);
    } else {
        // The highest top: rows from the end that just fill the viewport.
        const int height = viewport()->height();
        int maxRow = rows - 1;
        int sum = rowHeight(maxRow);
        while (sum < height && maxRow > 0)
            sum += rowHeight(--maxRow);
        const int maxOffset = std::max(0, sum - height);
        const auto units = [this](int row, int offset) {
            return row * unitsPerRow + offset * unitsPerRow / std::max(1, rowHeight(row));
        };
        bar->setRange(0, units(maxRow, maxOffset));
        const int shownCount = std::max<int>(1, int(shown().size()) - 1);
        bar->setPageStep(shownCount * unitsPerRow);
        bar->setSingleStep(unitsPerRow / 4);
        bar->setValue(units(m_topRow, m_topOffset));
    }
    m_updatingScrollBar = false;
}

void ChronicleView::scrollContentsBy(int, int) {
    if (m_updatingScrollBar)
        return;
    m_followCurrent = false;
    const int value = verticalScrollBar()->value();
    m_topRow = value / unitsPerRow;
    m_topOffset = 0;
    clampPosition();
    m_topOffset = (value % unitsPerRow) * rowHeight(m_topRow) / unitsPerRow;
    clampPosition();
    m_shownStale = true;
    viewport()->update();
}

void ChronicleView::scrollByPixels(int pixels) {
    m_followCurrent = false;
    m_topOffset += pixels;
    clampPosition();
    positionChanged();
}

void ChronicleView::placeRow(int row, int y) {
    m_topRow = row;
    m_topOffset = -y;
    clampPosition();
    positionChanged();
}

QRect ChronicleView::visualRect(const QModelIndex &index) const {
    if (!index.isValid() || index.model() != model())
        return {};
    for (const Shown &s : shown()) {
        if (s.row == index.row())
            return QRect(0, s.y, viewport()->width(), s.height);
    }
    return {};
}

QModelIndex ChronicleView::indexAt(const QPoint &point) const {
    for (const Shown &s : shown()) {
        if (point.y() >= s.y && point.y() < s.y + s.height)
            return model()->index(s.row, 0, rootIndex());
    }
    return {};
}

void ChronicleView::scrollTo(const QModelIndex &index, ScrollHint hint) {
    if (!index.isValid() || index.model() != model())
        return;
    m_followCurrent = index == currentIndex();
    const int row = index.row();
    const int height = viewport()->height();
    const int h = rowHeight(row);
    switch (hint) {
    case PositionAtTop:
        placeRow(row, 0);
        return;
    case PositionAtBottom:
        placeRow(row, height - h);
        return;
    case PositionAtCenter:
        placeRow(row, (height - h) / 2);
        return;
    case EnsureVisible:
        break;
    }
    const QRect rect = visualRect(index);
    if (rect.isValid() && rect.top() >= 0 && rect.bottom() < height)
        return;
    if (row <= m_topRow || h >= height)
        placeRow(row, 0);
    else
        placeRow(row, height - h);
}

QModelIndex ChronicleView::moveCursor(CursorAction action, Qt::KeyboardModifiers) {
    const int rows = model()->rowCount(rootIndex());
    if (rows == 0)
        return {};
    const QModelIndex current = currentIndex();
    const int row = current.isValid() ? current.row() : -1;
    const int height = viewport()->height();
    int target = row;
    switch (action) {
    case MoveUp:
    case MovePrevious:
        target = row < 0 ? m_topRow : std::max(0, row - 1);
        break;
    case MoveDown:
    case MoveNext:
        target = row < 0 ? m_topRow : std::min(rows - 1, row + 1);
        break;
    case MoveHome:
        target = 0;
        break;
    case MoveEnd:
        target = rows - 1;
        break;
    case MovePageUp: {
        // The row a page above: as many rows as fit the viewport, one at least.
        target = std::max(row, 0);
        int sum = 0;
        while (target > 0 && sum + rowHeight(target - 1) <= height)
            sum += rowHeight(--target);
        if (target == row && row > 0)
            --target;
        break;
    }
    case MovePageDown: {
        target = std::max(row, 0);
        int sum = 0;
        while (target < rows - 1 && sum + rowHeight(target + 1) <= height)
            sum += rowHeight(++target);
        if (target == row && row < rows - 1)
            ++target;
        break;
    }
    case MoveLeft:
    case MoveRight:
        return current;
    }
    return model()->index(target, 0, rootIndex());
}

void ChronicleView::setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command) {
    const QRect area = rect.normalized();
    QItemSelection selection;
    for (const Shown &s : shown()) {
        if (s.y + s.height <= area.top() || s.y > area.bottom())
            continue;
        const QModelIndex index = model()->index(s.row, 0, rootIndex());
        if (selectionMode() == SingleSelection)
            selection.clear();
        selection.select(index, index);
    }
    selectionModel()->select(selection, command | QItemSelectionModel::Rows);
}

QRegion ChronicleView::visualRegionForSelection(const QItemSelection &selection) const {
    QRegion region;
    for (const Shown &s : shown()) {
        if (selection.contains(model()->index(s.row, 0, rootIndex())))
            region += QRect(0, s.y, viewport()->width(), s.height);
    }
    return region;
}

void ChronicleView::updateGeometries() {
    QAbstractItemView::updateGeometries();
    relayout();
}

void ChronicleView::relayout() {
    m_shownStale = true;
    if (!isVisible()) {
        m_relayoutPending = true;
        return;
    }
    clampPosition();
    positionChanged();
}

bool ChronicleView::event(QEvent *event) {
    // Before QAbstractItemView's own Show handling, which scrolls to the current event.
    if (event->type() == QEvent::Show) {
        const bool anchor = m_anchorPending;
        const bool layout = m_relayoutPending;
        m_anchorPending = false;
        m_relayoutPending = false;
        if (anchor)
            restoreAnchor();
        else if (layout)
            relayout();
        if ((anchor || layout) && m_followCurrent && currentIndex().isValid())
            scrollTo(currentIndex());
    }
    return QAbstractItemView::event(event);
}

void ChronicleView::reset() {
    QAbstractItemView::reset();
    m_topRow = 0;
    m_topOffset = 0;
    m_anchor = QPersistentModelIndex();
    m_anchorPending = false;
    invalidateHeights();
    relayout();
    updateAccessibleText();
}

// Edits insert, remove and change rows one at a time: the rows on screen stay where they are
// (the top row and its offset follow their event) and only the changed rows are measured again.
void ChronicleView::rowsInserted(const QModelIndex &parent, int start, int end) {
    QAbstractItemView::rowsInserted(parent, start, end);
    const int count = end - start + 1;
    const int rows = model()->rowCount(rootIndex());
    if (!parent.isValid() && m_heightsWidth == viewport()->width() &&
        int(m_heights.size()) + count == rows)
        m_heights.insert(m_heights.begin() + start, std::size_t(count), 0);
    else
        invalidateHeights();
    // Rows above the top row keep what is on screen in place. Rows right at the top edge (the
    // top row shown whole) are shown: an undone removal of the top row brings it back there.
    if (!parent.isValid() && rows > count &&
        (start < m_topRow || (start == m_topRow && m_topOffset > 0)))
        m_topRow += count;
    m_shownStale = true;
    relayout();
}

void ChronicleView::rowsAboutToBeRemoved(const QModelIndex &parent, int start, int end) {
    QAbstractItemView::rowsAboutToBeRemoved(parent, start, end);
    if (parent.isValid())
        return;
    const int count = end - start + 1;
    if (m_heightsWidth == viewport()->width() &&
        int(m_heights.size()) == model()->rowCount(rootIndex())) {
        const auto first = m_heights.begin() + start;
        m_measured -= int(std::count_if(first, first + count, [](int h) { return h != 0; }));
        m_heights.erase(first, first + count);
    } else {
        invalidateHeights();
    }
    if (end < m_topRow) {
        m_topRow -= count;
    } else if (start <= m_topRow) {
        m_topRow = start; // the top row went: the one after it takes its place
        m_topOffset = 0;
    }
    m_shownStale = true;
}

void ChronicleView::dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                const QList<int> &roles) {
    QAbstractItemView::dataChanged(topLeft, bottomRight, roles);
    m_delegate->clearCache();
    if (m_heightsWidth == viewport()->width() &&
        int(m_heights.size()) == model()->rowCount(rootIndex())) {
        for (int row = std::max(0, topLeft.row());
             row <= bottomRight.row() && row < int(m_heights.size()); ++row) {
            if (std::exchange(m_heights[std::size_t(row)], 0) != 0)
                --m_measured;
        }
    } else {
        invalidateHeights();
    }
    m_shownStale = true;
    relayout();
}

void ChronicleView::rememberAnchor() {
    if (!isVisible()) {
        // Hidden (another tab): what was on screen when last laid out, measuring nothing.
        // The first anchor of several changes stays; its persistent index follows them all.
        if (m_anchorPending)
            return;
        const QModelIndex current = currentIndex();
        m_anchor = QPersistentModelIndex();
        for (const Shown &s : m_shown) {
            if (current.isValid() && s.row == current.row()) {
                m_anchor = current;
                m_anchorY = s.y;
                return;
            }
        }
        if (m_topRow < model()->rowCount(rootIndex())) {
            m_anchor = model()->index(m_topRow, 0, rootIndex());
            m_anchorY = -m_topOffset;
        }
        return;
    }
    // The current event keeps its place when it was on screen, else the top row does. After
    // a resize the rows laid out at the old size say where they were.
    const std::vector<Shown> &rows = m_shownStale ? shown() : m_shown;
    const QModelIndex current = currentIndex();
    m_anchor = QPersistentModelIndex();
    for (const Shown &s : rows) {
        if (current.isValid() && s.row == current.row()) {
            m_anchor = current;
            m_anchorY = s.y;
            return;
        }
    }
    if (!rows.empty()) {
        m_anchor = model()->index(m_topRow, 0, rootIndex());
        m_anchorY = -m_topOffset;
    }
}

void ChronicleView::restoreAnchor() {
    invalidateHeights();
    if (!isVisible()) {
        // Laid out when shown, as the other tabs catch up: a hidden Chronicle costs a filter
        // change nothing.
        m_anchorPending = true;
        m_shownStale = true;
        updateAccessibleText();
        return;
    }
    const QModelIndex current = currentIndex();
    if (m_anchor.isValid()) {
        placeRow(m_anchor.row(), m_anchorY);
    } else if (current.isValid()) {
        placeRow(current.row(), 0);
    } else {
        m_topRow = 0;
        m_topOffset = 0;
        clampPosition();
        positionChanged();
    }
    m_anchor = QPersistentModelIndex();
    updateAccessibleText();
}

void ChronicleView::currentChanged(const QModelIndex &current, const QModelIndex &previous) {
    QAbstractItemView::currentChanged(current, previous);
    updateAccessibleText();
    viewport()->update();
}

QString ChronicleView::entryText(const QModelIndex &index) const {
    if (!index.isValid())
        return {};
    QStringList texts = m_delegate->drawnTexts(index);
    if (!m_delegate->headingText(index).isEmpty())
        texts.removeFirst(); // the date line says the date
    return texts.join(u'\n');
}

void ChronicleView::updateAccessibleText() {
    const QString description = entryText(currentIndex());
    if (description != accessibleDescription())
        setAccessibleDescription(description);
}

void ChronicleView::paintEvent(QPaintEvent *) {
    QPainter painter(viewport());
    const QModelIndex current = currentIndex();
    if (model()->rowCount(rootIndex()) == 0) {
        QColor muted = palette().color(QPalette::PlaceholderText);
        painter.setPen(muted);
        painter.drawText(viewport()->rect(), Qt::AlignCenter | Qt::TextWordWrap,
                         tr("No events to show"));
    }
    QStyleOptionViewItem option = itemOption();
    const QItemSelectionModel *selection = selectionModel();
    for (const Shown &s : shown()) {
        const QModelIndex index = model()->index(s.row, 0, rootIndex());
        QStyleOptionViewItem itemOption = option;
        itemOption.rect = QRect(0, s.y, viewport()->width(), s.height);
        if (selection && selection->isSelected(index))
            itemOption.state |= QStyle::State_Selected;
        if (hasFocus() && current.isValid() && current.row() == s.row)
            itemOption.state |= QStyle::State_HasFocus;
        m_delegate->paint(&painter, itemOption, index);
    }
    // With no current event, the focus frame goes round the whole view.
    if (hasFocus() && !current.isValid()) {
        painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(viewport()->rect()).adjusted(1, 1, -1, -1));
    }
}

void ChronicleView::resizeEvent(QResizeEvent *event) {
    const bool follow = m_followCurrent;
    rememberAnchor();
    QAbstractItemView::resizeEvent(event);
    restoreAnchor();
    if (follow && isVisible() && currentIndex().isValid())
        scrollTo(currentIndex());
}

void ChronicleView::wheelEvent(QWheelEvent *event) {
    int pixels = -event->pixelDelta().y();
    if (pixels == 0)
        pixels = -event->angleDelta().y() * QApplication::wheelScrollLines() *
                 fontMetrics().lineSpacing() / 120;
    if (pixels == 0) {
        event->ignore();
        return;
    }
    scrollByPixels(pixels);
    event->accept();
}

void ChronicleView::keyPressEvent(QKeyEvent *event) {
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        const QModelIndex current = currentIndex();
        if (current.isValid()) {
            emit eventActivated(current.data(EventModel::EventIdRole).toString());
            event->accept();
            return;
        }
    }
    if (event->matches(QKeySequence::Copy) && currentIndex().isValid()) {
        // The entry as plain text, for a report (the exports give the whole Chronicle).
        QGuiApplication::clipboard()->setText(entryText(currentIndex()));
        event->accept();
        return;
    }
    QAbstractItemView::keyPressEvent(event);
}

void ChronicleView::mouseDoubleClickEvent(QMouseEvent *event) {
    QAbstractItemView::mouseDoubleClickEvent(event);
    const QModelIndex index = indexAt(event->position().toPoint());
    if (index.isValid() && event->button() == Qt::LeftButton)
        emit eventActivated(index.data(EventModel::EventIdRole).toString());
}

void ChronicleView::focusInEvent(QFocusEvent *event) {
    // Not QAbstractItemView's, which makes the first row current: focusing the Chronicle
    // (Ctrl+4) must not change the event every view shares. The frame shows the focus.
    QAbstractScrollArea::focusInEvent(event);
    viewport()->update();
}

void ChronicleView::focusOutEvent(QFocusEvent *event) {
    QAbstractItemView::focusOutEvent(event);
    viewport()->update();
}

void ChronicleView::changeEvent(QEvent *event) {
    QAbstractItemView::changeEvent(event);
    switch (event->type()) {
    case QEvent::FontChange:
    case QEvent::StyleChange:
    case QEvent::LocaleChange:
    case QEvent::PaletteChange:
        m_delegate->clearCache();
        invalidateHeights();
        relayout();
        break;
    default:
        break;
    }
}

} // namespace ntl
