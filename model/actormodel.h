#pragma once

#include "dataset.h"

#include <QAbstractTableModel>
#include <QDate>

#include <memory>

namespace ntl {

// One row per actor, with how often and when the actor takes part in events.
class ActorModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, TitleColumn, SideColumn, EventsColumn, FirstColumn, LastColumn, ColumnCount };

    enum Role {
        ActorIdRole = Qt::UserRole + 1, // QString
        NameRole,                       // QString
        ActorTitleRole,                 // QString, "Army Secretary"; empty when none
        KindRole,                       // int, ntl::ActorKind
        SideIdRole,                     // QString, the effective side (own or affiliation's)
        AffiliationIdRole,              // QString
        EventCountRole,                 // int, events the actor takes part in
        FirstDateRole,                  // QDate, start of the earliest event; invalid if none
        LastDateRole,                   // QDate, end of the latest event; invalid if none
        SideOrderRole,                  // int, the side's index in the dataset; sides count if none
    };
    Q_ENUM(Role)

    explicit ActorModel(QObject *parent = nullptr);

    void setDataset(std::shared_ptr<const Dataset> dataset);
    const Actor *actor(int row) const;
    QModelIndex indexOfActor(const QString &actorId, int column = 0) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Stats {
        QString sideId;
        int eventCount = 0;
        QDate first;
        QDate last;
    };

    std::shared_ptr<const Dataset> m_dataset;
    QList<Stats> m_stats;
};

} // namespace ntl
