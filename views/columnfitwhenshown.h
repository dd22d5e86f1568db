#pragma once

#include <QObject>

class QHeaderView;

namespace ntl {

// Keeps a header's ResizeToContents columns fitted only while its view is shown. Qt fits
// them after every change to the model, shown or not (up to 1,000 rows measured per column,
// text shaped for each): on a hidden tab that was most of an edit's time. While the view is
// hidden those columns are Fixed; when it is shown they are fitted at once, before it paints,
// and follow the model again.
class ColumnFitWhenShown : public QObject {
    Q_OBJECT
public:
    // `header` belongs to a view whose ResizeToContents columns are set already.
    explicit ColumnFitWhenShown(QHeaderView *header);

    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void pause();
    void resume();

    QHeaderView *m_header;
    QList<int> m_paused; // the columns Fixed while hidden, ResizeToContents when shown
};

} // namespace ntl
