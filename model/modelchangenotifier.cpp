#include "modelchangenotifier.h"

#include <QAbstractItemModel>

namespace ntl {

ModelChangeNotifier::ModelChangeNotifier(QObject *parent)
    : QObject(parent) {}

void ModelChangeNotifier::watch(const QAbstractItemModel *model) {
    connect(model, &QAbstractItemModel::rowsInserted, this, &ModelChangeNotifier::schedule);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &ModelChangeNotifier::schedule);
    connect(model, &QAbstractItemModel::rowsMoved, this, &ModelChangeNotifier::schedule);
    connect(model, &QAbstractItemModel::dataChanged, this, &ModelChangeNotifier::schedule);
}

void ModelChangeNotifier::schedule() {
    if (m_pending)
        return;
    m_pending = true;
    // Queued: the signals of one edit (or one import's macro) arrive before it runs.
    QMetaObject::invokeMethod(this, &ModelChangeNotifier::deliver, Qt::QueuedConnection);
}

void ModelChangeNotifier::deliver() {
    m_pending = false;
    emit changed();
}

} // namespace ntl
