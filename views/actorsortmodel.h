#pragma once

#include <QSortFilterProxyModel>

namespace ntl {

// Orders an ActorModel for reading: the side column sorts by the dataset's side order,
// then by number of events (most first), then by name; other columns sort as shown.
class ActorSortModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ActorSortModel(QObject *parent = nullptr);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

} // namespace ntl
