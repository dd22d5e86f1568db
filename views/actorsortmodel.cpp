#include "actorsortmodel.h"

#include "actormodel.h"

namespace ntl {

ActorSortModel::ActorSortModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
}

bool ActorSortModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const auto value = [](const QModelIndex &index, int role) { return index.data(role); };
    switch (left.column()) {
    case ActorModel::SideColumn: {
        const int leftSide = value(left, ActorModel::SideOrderRole).toInt();
        const int rightSide = value(right, ActorModel::SideOrderRole).toInt();
        if (leftSide != rightSide)
            return leftSide < rightSide;
        const int leftCount = value(left, ActorModel::EventCountRole).toInt();
        const int rightCount = value(right, ActorModel::EventCountRole).toInt();
        if (leftCount != rightCount)
            return leftCount > rightCount;
        return QString::localeAwareCompare(value(left, ActorModel::NameRole).toString(),
                                           value(right, ActorModel::NameRole).toString()) < 0;
    }
    case ActorModel::EventsColumn:
        return value(left, ActorModel::EventCountRole).toInt() < value(right, ActorModel::EventCountRole).toInt();
    case ActorModel::FirstColumn:
        return value(left, ActorModel::FirstDateRole).toDate() < value(right, ActorModel::FirstDateRole).toDate();
    case ActorModel::LastColumn:
        return value(left, ActorModel::LastDateRole).toDate() < value(right, ActorModel::LastDateRole).toDate();
    default:
        return QSortFilterProxyModel::lessThan(left, right);
    }
}

} // namespace ntl
