#pragma once

#include "dataset.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <memory>

namespace ntl {

// One row per event of a dataset, in file order. Views read it through the roles
// below (the way KD Gantt reads any model); the columns serve table views.
class EventModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { DateColumn, TitleColumn, KindColumn, StatusColumn, PlaceColumn, SourcesColumn, ColumnCount };

    enum Role {
        EventIdRole = Qt::UserRole + 1, // QString
        StartDateRole,                  // QDate, first day (inclusive)
        EndDateRole,                    // QDate, last day (inclusive)
        PrecisionRole,                  // int, ntl::DatePrecision
        TitleRole,                      // QString
        SummaryRole,                    // QString
        KindRole,                       // QString, free text from the file
        StatusRole,                     // int, ntl::EventStatus
        PlaceRole,                      // QString, empty when unknown
        ParticipantIdsRole,             // QStringList of actor ids
        SideIdsRole,                    // QStringList of side ids, in the dataset's side order
        SourceCountRole,                // int, passages cited
        ArticleIdsRole,                 // QStringList, articles cited, first-cited order
        ArticleCountRole,               // int, distinct articles (corroboration)
        HasDisagreementRole,            // bool
        DateTextRole,                   // QString, "Sun 23 Nov 2025", "week of 1 Dec 2025"
        SearchTextRole,                 // QString, case-folded title, summary and passages
    };
    Q_ENUM(Role)

    explicit EventModel(QObject *parent = nullptr);

    void setDataset(std::shared_ptr<const Dataset> dataset);
    std::shared_ptr<const Dataset> dataset() const { return m_dataset; }

    using QAbstractTableModel::event; // QObject::event(QEvent *) stays visible
    const Event *event(int row) const;
    // The earliest start and latest end over the rows of `model` (this model or a proxy of
    // it); invalid dates when it has no dated rows.
    static QPair<QDate, QDate> dateSpan(const QAbstractItemModel *model);

    // The row of the event with this id, or an invalid index.
    QModelIndex indexOfEvent(const QString &eventId, int column = 0) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Derived {
        QStringList participantIds;
        QStringList sideIds;
        QStringList articleIds;
        QString dateText;
        QString searchText;
    };

    std::shared_ptr<const Dataset> m_dataset;
    QList<Derived> m_derived; // parallel to m_dataset->events
    QHash<QString, int> m_rowOfEvent;
};

} // namespace ntl
