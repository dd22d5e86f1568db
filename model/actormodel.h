#pragma once

#include "dataset.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QHash>
#include <QPointer>
#include <QSet>

#include <memory>

namespace ntl {

class Document;

// One row per actor, with how often and when the actor takes part in events. On a Document
// it follows the edits: an event's edit updates the actors it names (dataChanged for those
// rows and the roles that changed), actors added or removed are rows inserted or removed.
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

    // Shows `dataset` as it is (a reset).
    void setDataset(std::shared_ptr<const Dataset> dataset);
    // Shows the document's dataset and follows its edits without resets.
    void setDocument(Document *document);
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
    // Rows whose counts an edit touched, with their stats before it.
    using Touched = QHash<int, Stats>;

    void onEventsChanged(const QStringList &eventIds);
    void onEventInserted(const QString &eventId, int row);
    void onEventRemoved(const QString &eventId, int row);
    // A batch (an import, its undo): every event accounted, the rows told once.
    void onEventsInserted(int first, int count);
    void onEventsRemoved(int first, const QStringList &eventIds);
    void onActorsOrSidesChanged();
    int rowOfActor(const QString &actorId) const;
    // Adds (sign 1) or takes away (-1) `event`'s part in its actors' stats; a date taken away
    // at an actor's first or last one makes the actor `dirty` (its dates are found again).
    void account(const Event &event, int sign, Touched &touched, QSet<int> &dirty);
    void findDatesAgain(const QSet<int> &rows);
    void emitTouched(const Touched &touched);
    // Every value a row shows, to tell what a side's or an affiliation's edit changed.
    QVariantList rowValues(int row) const;
    static QList<int> valueRoles();

    std::shared_ptr<const Dataset> m_dataset;
    // The rows' actors: the dataset's list, except in the middle of following an edit.
    QList<Actor> m_actors;
    QList<Stats> m_stats;
    QPointer<Document> m_document;
};

} // namespace ntl
