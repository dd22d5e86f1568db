#include "eventfiltermodel.h"

#include "eventmodel.h"

#include <QRegularExpression>

namespace ntl {

namespace {
bool intersects(const QSet<QString> &wanted, const QStringList &present)
{
    for (const QString &value : present) {
        if (wanted.contains(value))
            return true;
    }
    return false;
}
} // namespace

EventFilterModel::EventFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    sort(0, Qt::AscendingOrder);
}

void EventFilterModel::changed()
{
    invalidateFilter();
    emit filtersChanged();
}

void EventFilterModel::setActorIds(const QSet<QString> &actorIds)
{
    if (actorIds == m_actorIds)
        return;
    m_actorIds = actorIds;
    changed();
}

void EventFilterModel::setSideIds(const QSet<QString> &sideIds)
{
    if (sideIds == m_sideIds)
        return;
    m_sideIds = sideIds;
    changed();
}

void EventFilterModel::setKinds(const QSet<QString> &kinds)
{
    if (kinds == m_kinds)
        return;
    m_kinds = kinds;
    changed();
}

void EventFilterModel::setStatuses(const QSet<int> &statuses)
{
    if (statuses == m_statuses)
        return;
    m_statuses = statuses;
    changed();
}

void EventFilterModel::setArticleIds(const QSet<QString> &articleIds)
{
    if (articleIds == m_articleIds)
        return;
    m_articleIds = articleIds;
    changed();
}

void EventFilterModel::setDateRange(const QDate &from, const QDate &to)
{
    if (from == m_from && to == m_to)
        return;
    m_from = from;
    m_to = to;
    changed();
}

void EventFilterModel::setSearchText(const QString &text)
{
    if (text == m_searchText)
        return;
    m_searchText = text;
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    m_searchWords = text.toCaseFolded().split(whitespace, Qt::SkipEmptyParts);
    changed();
}

void EventFilterModel::clearFilters()
{
    if (!isFiltering())
        return;
    m_actorIds.clear();
    m_sideIds.clear();
    m_kinds.clear();
    m_statuses.clear();
    m_articleIds.clear();
    m_from = {};
    m_to = {};
    m_searchText.clear();
    m_searchWords.clear();
    changed();
}

bool EventFilterModel::isFiltering() const
{
    return !m_actorIds.isEmpty() || !m_sideIds.isEmpty() || !m_kinds.isEmpty() ||
           !m_statuses.isEmpty() || !m_articleIds.isEmpty() || m_from.isValid() || m_to.isValid() ||
           !m_searchWords.isEmpty();
}

QModelIndex EventFilterModel::indexOfEvent(const QString &eventId) const
{
    const auto *events = qobject_cast<const EventModel *>(sourceModel());
    return events ? mapFromSource(events->indexOfEvent(eventId)) : QModelIndex();
}

bool EventFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto value = [&](int role) { return index.data(role); };
    if (!m_actorIds.isEmpty() &&
        !intersects(m_actorIds, value(EventModel::ParticipantIdsRole).toStringList()))
        return false;
    if (!m_sideIds.isEmpty() && !intersects(m_sideIds, value(EventModel::SideIdsRole).toStringList()))
        return false;
    if (!m_kinds.isEmpty() && !m_kinds.contains(value(EventModel::KindRole).toString()))
        return false;
    if (!m_statuses.isEmpty() && !m_statuses.contains(value(EventModel::StatusRole).toInt()))
        return false;
    if (!m_articleIds.isEmpty() &&
        !intersects(m_articleIds, value(EventModel::ArticleIdsRole).toStringList()))
        return false;
    if (m_from.isValid() || m_to.isValid()) {
        const QDate start = value(EventModel::StartDateRole).toDate();
        const QDate end = value(EventModel::EndDateRole).toDate();
        if (m_from.isValid() && end.isValid() && end < m_from)
            return false;
        if (m_to.isValid() && start.isValid() && start > m_to)
            return false;
    }
    if (!m_searchWords.isEmpty()) {
        const QString haystack = value(EventModel::SearchTextRole).toString();
        for (const QString &word : m_searchWords) {
            if (!haystack.contains(word))
                return false;
        }
    }
    return true;
}

bool EventFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QDate leftStart = left.data(EventModel::StartDateRole).toDate();
    const QDate rightStart = right.data(EventModel::StartDateRole).toDate();
    if (leftStart != rightStart)
        return leftStart < rightStart;
    const QDate leftEnd = left.data(EventModel::EndDateRole).toDate();
    const QDate rightEnd = right.data(EventModel::EndDateRole).toDate();
    if (leftEnd != rightEnd)
        return leftEnd < rightEnd; // the more precise event first
    return left.row() < right.row(); // file order keeps the sort stable
}

} // namespace ntl
