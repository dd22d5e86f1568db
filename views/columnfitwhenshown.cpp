#include "columnfitwhenshown.h"

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QEvent>
#include <QHeaderView>

namespace ntl {

ColumnFitWhenShown::ColumnFitWhenShown(QHeaderView *header)
    : QObject(header)
    , m_header(header) {
    // The view's Show and Hide: a header hidden with it gets none when it is itself hidden.
    QWidget *view = header->parentWidget() ? header->parentWidget() : header;
    view->installEventFilter(this);
    // A reset, or columns inserted, give those columns the header's default mode again:
    // Fixed again while hidden.
    const auto again = [this] {
        if (!m_header->isVisible())
            pause();
    };
    if (header->model())
        connect(header->model(), &QAbstractItemModel::modelReset, this, again);
    connect(header, &QHeaderView::sectionCountChanged, this, again);
    if (!view->isVisible())
        pause();
}

bool ColumnFitWhenShown::eventFilter(QObject *watched, QEvent *event) {
    if (event->type() == QEvent::Show)
        resume();
    else if (event->type() == QEvent::Hide)
        pause();
    return QObject::eventFilter(watched, event);
}

void ColumnFitWhenShown::pause() {
    for (int column = 0; column < m_header->count(); ++column) {
        if (m_header->sectionResizeMode(column) == QHeaderView::ResizeToContents) {
            m_header->setSectionResizeMode(column, QHeaderView::Fixed);
            if (!m_paused.contains(column))
                m_paused.append(column);
        }
    }
}

void ColumnFitWhenShown::resume() {
    if (m_paused.isEmpty())
        return;
    for (int column : std::as_const(m_paused))
        if (column < m_header->count())
            m_header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_paused.clear();
    // Fitted now, so the first frame shows them fitted (Qt would on a timer, after a paint);
    // resizeSections() is a protected slot, so called as one.
    QMetaObject::invokeMethod(m_header, "resizeSections", Qt::DirectConnection);
}

} // namespace ntl
