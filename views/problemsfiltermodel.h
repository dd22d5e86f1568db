#pragma once

#include <QSortFilterProxyModel>

namespace ntl {

// The Problems panel's rows through its filter box (words in the message or the place, any
// case), each with its severity's icon: the model stays free of widgets and their styles.
class ProblemsFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit ProblemsFilterModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
};

} // namespace ntl
