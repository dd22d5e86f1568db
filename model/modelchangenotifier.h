#pragma once

#include <QObject>

class QAbstractItemModel;

namespace ntl {

// Says once, from the event loop, that watched models changed their rows or data: an edit,
// its undo or a whole import emits many rowsInserted()/rowsRemoved()/dataChanged() (in the
// source and in each proxy), and a count or summary shown beside the views needs working out
// once for all of them, after the models are consistent again. Model resets and layout
// changes (filter changes) are left to their own handlers, which already run once per change.
class ModelChangeNotifier : public QObject {
    Q_OBJECT
public:
    explicit ModelChangeNotifier(QObject *parent = nullptr);

    void watch(const QAbstractItemModel *model);
    bool isPending() const { return m_pending; }

signals:
    void changed();

private:
    void schedule();
    void deliver();

    bool m_pending = false;
};

} // namespace ntl
