#pragma once

#include "dataset.h"
#include "eventdatetext.h"
#include "eventfield.h"
#include "searchindex.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>
#include <QStringList>

#include <atomic>
#include <future>
#include <memory>
#include <vector>

namespace ntl {

class Document;

// One row per event of a dataset, in file order. Views read it through the roles
// below (the way KD Gantt reads any model); the columns serve table views.
//
// Besides the roles, the model keeps per-row facts as small integers (ids numbered per kind,
// dates as day numbers, the row's place in date order) and a search index, so that
// EventFilterModel filters and sorts 100,000 rows without going through QVariant.
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

    // The distinct ids of one kind (participants' actor ids, side ids, cited article ids or
    // kinds) numbered from 0 in order of first appearance (sides: the dataset's side order),
    // and each row's ids as those numbers, in the order the matching role lists them.
    class RowIds
    {
    public:
        int count() const { return int(m_ids.size()); }
        int indexOf(const QString &id) const { return m_numberOfId.value(id, -1); }
        const QString &id(int number) const { return m_ids.at(number); }
        const int *begin(int row) const { return m_numbers.data() + m_rowStarts[row]; }
        const int *end(int row) const { return m_numbers.data() + m_rowStarts[row + 1]; }
        QStringList idsOfRow(int row) const;

    private:
        friend class EventModel;
        int numberOf(const QString &id); // adds the id when new
        int numberOfEdited(const QString &id); // the same without the address cache
        // One row's numbers replaced, inserted or removed (a splice: the rows after shift).
        void replaceRow(int row, const std::vector<int> &numbers);
        void insertRow(int row, const std::vector<int> &numbers);
        void removeRow(int row);
        void appendToRow(int number);    // to the last row, once
        void endRow() { m_rowStarts.push_back(quint32(m_numbers.size())); }
        void endBuilding();
        void clear();

        // While building: ids seen by the address of their characters. Datasets share one
        // copy of each actor and article id among the events citing it, and looking an id up
        // by address saves reading its characters, scattered over the heap, again and again.
        struct Recent {
            const QChar *characters = nullptr;
            qsizetype size = -1;
            int number = -1;
        };

        QStringList m_ids;
        QHash<QString, int> m_numberOfId;
        std::vector<quint32> m_rowStarts{0};
        std::vector<int> m_numbers;
        std::vector<Recent> m_recent;
    };

    explicit EventModel(QObject *parent = nullptr);
    ~EventModel() override;

    void setDataset(std::shared_ptr<const Dataset> dataset);
    // Follows `document`: its snapshot now, then each edit, undo and redo as dataChanged(),
    // rowsInserted() or rowsRemoved() for the rows concerned (a model reset only on
    // datasetReset()), so views and selections keep their place. Null: stop following.
    void setDocument(Document *document);
    Document *document() const;
    std::shared_ptr<const Dataset> dataset() const { return m_dataset; }

    using QAbstractTableModel::event; // QObject::event(QEvent *) stays visible
    const Event *event(int row) const;
    // The earliest start and latest end over the rows of `model` (this model or a proxy of
    // it); invalid dates when it has no dated rows.
    static QPair<QDate, QDate> dateSpan(const QAbstractItemModel *model);

    // The row of the event with this id, or an invalid index. The lookup table is built in the
    // background by setDataset(); the first call waits for it.
    QModelIndex indexOfEvent(const QString &eventId, int column = 0) const;

    // Per-row facts for fast filters; `row` must be valid.
    const RowIds &participants() const { return m_participants; }
    const RowIds &sides() const { return m_sides; }
    const RowIds &articles() const { return m_articles; }
    const RowIds &kinds() const { return m_kinds; }
    int status(int row) const { return m_rows[row].status; }
    // QDate::toJulianDay(): an invalid date is the smallest number, as in QDate's order.
    qint64 startDay(int row) const { return m_rows[row].startDay; }
    qint64 endDay(int row) const { return m_rows[row].endDay; }
    // The row's position when sorted by start, then end, then file order.
    int dateRank(int row) const { return m_dateRanks[row]; }
    // The index of every row's title, summary and passages (SearchTextRole) as of the last
    // setDataset(). It is built in the background; the first call waits for it. Rows edited,
    // added or removed since are not in it: rowsContainingAll() accounts for them.
    const SearchIndex &searchIndex() const;
    // The rows (in the current numbering) whose SearchTextRole contains every case-folded word.
    QBitArray rowsContainingAll(const QStringList &words) const;
    // The same for one row, from its text.
    bool rowContainsAll(int row, const QStringList &words) const;
    // Changes with every setDataset() and every edit, so caches of the facts above know when
    // they are stale.
    quint64 generation() const { return m_generation; }

signals:
    // Before the facts of these rows change for an edit (dataChanged() follows), while they
    // still hold the old values: EventFilterModel takes the rows out of its facet counts.
    void rowFactsAboutToChange(const QList<int> &rows);

public:
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    // As QAbstractTableModel's, without virtual calls: proxies call it for every comparison.
    QModelIndex index(int row, int column,
                      const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct RowFacts {
        qint64 startDay = 0;
        qint64 endDay = 0;
        int status = 0;
    };

    void stopBackgroundBuilds();
    void onEventsChanged(const QStringList &eventIds, const EventFields &fields);
    void onEventInserted(const QString &eventId, int row);
    void onEventRemoved(const QString &eventId, int row);
    void onEventsInserted(int first, int count);
    void onEventsRemoved(int first, const QStringList &eventIds);
    // Every row's date rank again by one sort (a batch: cheaper than a pass per row).
    void rankAll();
    void onSidesOrActorsChanged();
    void takeSnapshot();
    // The row's participants, sides, articles and kind as id numbers (new ids numbered).
    struct RowNumbers {
        std::vector<int> participants, sides, articles, kinds;
    };
    RowNumbers rowNumbers(const Event &event);
    void setRowFacts(int row, const Event &event);
    bool dateLess(int left, int right) const;
    int rankAmongOthers(int row) const;
    void moveRank(int row);
    void markUnindexed(int row);
    void ensureIndexRows();
    const QHash<QString, int> &rowOfEvent() const;
    QString searchText(const Event &event) const;
    const QString &dateText(int row) const;

    std::shared_ptr<const Dataset> m_dataset;
    int m_rowCount = 0;
    EventDateText m_dateText;
    RowIds m_participants;
    RowIds m_sides;
    RowIds m_articles;
    RowIds m_kinds;
    std::vector<RowFacts> m_rows; // parallel to m_dataset->events
    std::vector<int> m_dateRanks; // apart from m_rows: sorting reads nothing else, at random
    // Formatted when first asked for: formatting all 100,000 up front took longer than the
    // rest of setDataset(), for texts views show a screenful at a time.
    mutable std::vector<QString> m_dateTexts;
    quint64 m_generation = 0;
    QPointer<Document> m_document;
    // Current row → its row in m_searchIndex, -1 for a row edited or added since (searched
    // in its text). Unused (the identity) while no row has moved or changed since setDataset().
    std::vector<int> m_indexRows;
    bool m_indexRowsMapped = false;
    // The id → row table below is of the last setDataset(); rows added or removed since make
    // it stale (a Document, when followed, answers instead).
    bool m_rowOfEventStale = false;

    // Built in the background by setDataset(), waited for on first use (GUI thread only).
    mutable std::future<QHash<QString, int>> m_rowOfEventBuild;
    mutable QHash<QString, int> m_rowOfEvent;
    std::shared_ptr<std::atomic_bool> m_cancelSearchIndex;
    mutable std::future<SearchIndex> m_searchIndexBuild;
    mutable SearchIndex m_searchIndex;
};

} // namespace ntl
