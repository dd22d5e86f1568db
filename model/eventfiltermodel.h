#pragma once

#include "eventmodel.h"
#include "facetcounts.h"

#include <QBitArray>
#include <QDate>
#include <QPointer>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStringList>

#include <vector>

namespace ntl {



// Filters and date-sorts an EventModel (or any model with EventModel's roles).
// Filters combine with AND; within one filter any listed value matches.
// An empty set means "no filter on this".
//
// A filter change remaps every row at once, as QSortFilterProxyModel::invalidate() does:
// the proxy emits layoutAboutToBeChanged() and layoutChanged() (persistent indexes, such as a
// selection model's current index, follow their rows or become invalid when filtered out),
// then filtersChanged(); never rowsRemoved() or rowsInserted() for it. A selection model
// drops a filtered-out current index and selection without emitting currentChanged() or
// selectionChanged(), so views check them on filtersChanged(). A search text that differs only
// in spacing or case keeps the rows: filtersChanged() alone. Over an EventModel the filters
// read its per-row numbers and search index instead of the roles.
class EventFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit EventFilterModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *sourceModel) override;

    void setActorIds(const QSet<QString> &actorIds);
    void setSideIds(const QSet<QString> &sideIds);
    void setKinds(const QSet<QString> &kinds);
    void setStatuses(const QSet<int> &statuses); // ntl::EventStatus values
    void setArticleIds(const QSet<QString> &articleIds);
    // Events overlapping [from, to]; an invalid date leaves that end open.
    void setDateRange(const QDate &from, const QDate &to);
    // Every word must occur (case-insensitively) in the title, summary or a passage. A word
    // given twice counts once, and only the first maxSearchWords distinct words count.
    static constexpr int maxSearchWords = 32;
    void setSearchText(const QString &text);
    void clearFilters();

    QSet<QString> actorIds() const { return m_actorIds; }
    QSet<QString> sideIds() const { return m_sideIds; }
    QSet<QString> kinds() const { return m_kinds; }
    QSet<int> statuses() const { return m_statuses; }
    QSet<QString> articleIds() const { return m_articleIds; }
    QDate fromDate() const { return m_from; }
    QDate toDate() const { return m_to; }
    QString searchText() const { return m_searchText; }
    // The case-folded words searched for.
    QStringList searchWords() const { return m_searchWords; }
    bool isFiltering() const;

    // One active filter, as an export names it: "side" and "Ukraine, Russia".
    struct ActiveFilter {
        enum class Field { Side, Actor, Kind, Status, Search, Article, From, To };
        Field field;
        QString name; // translated: "side", "actor", "kind", "status", "search", "article", "from",
                      // "to"
        QString value; // display names (the dataset's, else the id), sorted, joined by ", "
    };
    // Every active filter, in the order above; names come from the source EventModel's
    // dataset when there is one. Empty when isFiltering() is false.
    QList<ActiveFilter> activeFilters() const;

    // The source model's row of an event id, mapped through this proxy; invalid if filtered out.
    QModelIndex indexOfEvent(const QString &eventId) const;

    // The source model when it is an EventModel (the fast path), else null.
    const EventModel *eventSource() const { return m_events; }
    // Whether the filters let this source row through (what filterAcceptsRow() says), so
    // callers can walk the shown events in source order without mapping every index.
    bool acceptsSourceRow(int sourceRow) const;
    // How many events the value `key` of `facet` would show under the other active filters
    // (see FacetCounts); a status's key is its ntl::EventStatus value as a number. Worked out
    // with the rows' verdicts, once per filter change. -1 when the source is not an EventModel.
    int facetCount(FacetCounts::Facet facet, const QString &key) const;
    // The same for the value numbered `number` in the EventModel's RowIds of `facet` (a
    // status: its value), for a caller that looks its keys up once, not on every change.
    int facetCountOfNumber(FacetCounts::Facet facet, int number) const;
    // The id numbering of `facet`'s values in the source EventModel; null for statuses (a
    // status is its own number) and when the source is not an EventModel.
    const EventModel::RowIds *facetIds(FacetCounts::Facet facet) const;

signals:
    void filtersChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void changed();
    bool acceptsByRoles(int sourceRow, const QModelIndex &sourceParent) const;
    void updateAcceptedRows() const;
    bool verdictsCurrent() const;
    // The filters a source row fails (FacetCounts' bits); `wanted` from wantedIds().
    struct Wanted {
        std::vector<char> actors, sides, kinds, articles; // by id number: listed or not
        qint64 fromDay = 0;
        qint64 toDay = 0;
    };
    Wanted wantedIds() const;
    unsigned failedFilters(int row, const Wanted &wanted, const QBitArray *searchMatches) const;
    // Edits of the source: the verdicts and counts of those rows only, the rest kept.
    void sourceFactsAboutToChange(const QList<int> &rows);
    void sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void sourceRowsAboutToBeInserted();
    void sourceRowsInserted(const QModelIndex &parent, int first, int last);
    void sourceRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void sourceRowsRemoved(const QModelIndex &parent, int first, int last);

    QSet<QString> m_actorIds;
    QSet<QString> m_sideIds;
    QSet<QString> m_kinds;
    QSet<int> m_statuses;
    QSet<QString> m_articleIds;
    QDate m_from;
    QDate m_to;
    QString m_searchText;
    QStringList m_searchWords; // case-folded

    QPointer<const EventModel> m_events;
    // Over an EventModel: every source row's failed filters (0: accepted), worked out once
    // per filter change and row by row for edits.
    mutable std::vector<quint8> m_failed;
    QList<int> m_changingRows;    // between rowFactsAboutToChange() and dataChanged()
    bool m_followingEdit = false; // the verdicts were current when the edit began
    QList<QMetaObject::Connection> m_sourceConnections;
    mutable bool m_acceptedRowsStale = true;
    mutable quint64 m_acceptedGeneration = 0;
    mutable FacetCounts m_facetCounts;
};

} // namespace ntl
