#pragma once

#include <QDate>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStringList>

namespace ntl {

// Filters and date-sorts an EventModel (or any model with EventModel's roles).
// Filters combine with AND; within one filter any listed value matches.
// An empty set means "no filter on this".
class EventFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit EventFilterModel(QObject *parent = nullptr);

    void setActorIds(const QSet<QString> &actorIds);
    void setSideIds(const QSet<QString> &sideIds);
    void setKinds(const QSet<QString> &kinds);
    void setStatuses(const QSet<int> &statuses); // ntl::EventStatus values
    void setArticleIds(const QSet<QString> &articleIds);
    // Events overlapping [from, to]; an invalid date leaves that end open.
    void setDateRange(const QDate &from, const QDate &to);
    // Every word must occur (case-insensitively) in the title, summary or a passage.
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
    bool isFiltering() const;

    // The source model's row of an event id, mapped through this proxy; invalid if filtered out.
    QModelIndex indexOfEvent(const QString &eventId) const;

signals:
    void filtersChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void changed();

    QSet<QString> m_actorIds;
    QSet<QString> m_sideIds;
    QSet<QString> m_kinds;
    QSet<int> m_statuses;
    QSet<QString> m_articleIds;
    QDate m_from;
    QDate m_to;
    QString m_searchText;
    QStringList m_searchWords; // case-folded
};

} // namespace ntl
