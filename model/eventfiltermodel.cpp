#include "eventfiltermodel.h"

#include "eventdatetext.h"
#include "eventmodel.h"

#include <QRegularExpression>
#include <QSet>

#include <utility>
#include <vector>

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

// One flag per id number of `table`: whether the filter lists that id.
std::vector<char> wantedNumbers(const QSet<QString> &ids, const EventModel::RowIds &table)
{
    std::vector<char> wanted(std::size_t(table.count()), 0);
    for (const QString &id : ids) {
        const int number = table.indexOf(id);
        if (number >= 0)
            wanted[std::size_t(number)] = 1;
    }
    return wanted;
}

bool rowHasWanted(const EventModel::RowIds &table, int row, const std::vector<char> &wanted)
{
    for (const int *number = table.begin(row); number != table.end(row); ++number) {
        if (wanted[std::size_t(*number)])
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

void EventFilterModel::setSourceModel(QAbstractItemModel *sourceModel)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_sourceConnections))
        disconnect(connection);
    m_sourceConnections.clear();
    m_events = qobject_cast<const EventModel *>(sourceModel);
    m_acceptedRowsStale = true;
    if (m_events) {
        // Connected before QSortFilterProxyModel's own handlers, so that the verdicts are
        // current when it asks filterAcceptsRow() about the changed rows.
        const EventModel *events = m_events.data();
        m_sourceConnections = {
            connect(events, &EventModel::rowFactsAboutToChange, this,
                    &EventFilterModel::sourceFactsAboutToChange),
            connect(events, &QAbstractItemModel::dataChanged, this,
                    &EventFilterModel::sourceDataChanged),
            connect(events, &QAbstractItemModel::rowsAboutToBeInserted, this,
                    &EventFilterModel::sourceRowsAboutToBeInserted),
            connect(events, &QAbstractItemModel::rowsInserted, this,
                    &EventFilterModel::sourceRowsInserted),
            connect(events, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                    &EventFilterModel::sourceRowsAboutToBeRemoved),
            connect(events, &QAbstractItemModel::rowsRemoved, this,
                    &EventFilterModel::sourceRowsRemoved),
        };
    }
    QSortFilterProxyModel::setSourceModel(sourceModel);
}

bool EventFilterModel::verdictsCurrent() const {
    return m_events && !m_acceptedRowsStale && m_acceptedGeneration == m_events->generation() &&
           m_failed.size() == std::size_t(m_events->rowCount());
}

void EventFilterModel::sourceFactsAboutToChange(const QList<int> &rows) {
    m_followingEdit = verdictsCurrent();
    m_changingRows = rows;
    if (!m_followingEdit)
        return;
    for (const int row : rows)
        m_facetCounts.removeRow(*m_events, row, m_failed[std::size_t(row)]);
}

void EventFilterModel::sourceDataChanged(const QModelIndex &, const QModelIndex &) {
    // Every row of the edit at once: the source updated them all before its first signal.
    const QList<int> rows = std::exchange(m_changingRows, {});
    const bool following = std::exchange(m_followingEdit, false);
    if (!following || rows.isEmpty()) {
        if (m_events && m_acceptedGeneration != m_events->generation())
            m_acceptedRowsStale = true;
        return;
    }
    const Wanted wanted = wantedIds();
    for (const int row : rows) {
        const unsigned failed = failedFilters(row, wanted, nullptr);
        m_failed[std::size_t(row)] = quint8(failed);
        m_facetCounts.addRow(*m_events, row, failed);
    }
    m_acceptedGeneration = m_events->generation();
}

void EventFilterModel::sourceRowsAboutToBeInserted() {
    m_followingEdit = verdictsCurrent();
}

void EventFilterModel::sourceRowsInserted(const QModelIndex &parent, int first, int last) {
    if (!std::exchange(m_followingEdit, false) || parent.isValid()) {
        m_acceptedRowsStale = true;
        return;
    }
    m_failed.insert(m_failed.begin() + first, std::size_t(last - first + 1), 0);
    const Wanted wanted = wantedIds();
    for (int row = first; row <= last; ++row) {
        const unsigned failed = failedFilters(row, wanted, nullptr);
        m_failed[std::size_t(row)] = quint8(failed);
        m_facetCounts.addRow(*m_events, row, failed);
    }
    m_acceptedGeneration = m_events->generation();
}

void EventFilterModel::sourceRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last) {
    m_followingEdit = verdictsCurrent() && !parent.isValid();
    if (!m_followingEdit)
        return;
    for (int row = first; row <= last; ++row) // the source's facts are still the old ones
        m_facetCounts.removeRow(*m_events, row, m_failed[std::size_t(row)]);
}

void EventFilterModel::sourceRowsRemoved(const QModelIndex &, int first, int last) {
    if (!std::exchange(m_followingEdit, false)) {
        m_acceptedRowsStale = true;
        return;
    }
    m_failed.erase(m_failed.begin() + first, m_failed.begin() + last + 1);
    m_acceptedGeneration = m_events->generation();
}

void EventFilterModel::changed()
{
    m_acceptedRowsStale = true;
    // invalidateFilter() would remove and insert the changed rows range by range, each range
    // rebuilding the whole mapping: thousands of times at 100,000 events. invalidate() filters
    // and sorts everything once and reports it as one layout change.
    invalidate();
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
    // Each distinct word once, and at most maxSearchWords of them: every word is one pass
    // over the index, so a pasted page of "e e e …" would otherwise take minutes.
    QStringList words;
    QSet<QString> seen;
    for (const QString &word : text.toCaseFolded().split(whitespace, Qt::SkipEmptyParts)) {
        if (words.size() == maxSearchWords)
            break;
        if (!seen.contains(word)) {
            seen.insert(word);
            words.append(word);
        }
    }
    if (words == m_searchWords) {
        emit filtersChanged(); // only spacing changed: the same rows pass
        return;
    }
    m_searchWords = words;
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

QList<EventFilterModel::ActiveFilter> EventFilterModel::activeFilters() const {
    using Field = ActiveFilter::Field;
    const std::shared_ptr<const Dataset> dataset = m_events ? m_events->dataset() : nullptr;
    QList<ActiveFilter> filters;
    // Sorted, so the same filters read the same whatever order they were set in.
    const auto add = [&](Field field, const QString &name, QStringList values) {
        if (values.isEmpty())
            return;
        values.sort(Qt::CaseInsensitive);
        filters.append({field, name, values.join(QStringLiteral(", "))});
    };
    const auto names = [](const QSet<QString> &ids, auto nameOf) {
        QStringList values;
        for (const QString &id : ids) {
            const QString name = nameOf(id);
            values.append(name.isEmpty() ? id : name);
        }
        return values;
    };
    add(Field::Side, tr("side"), names(m_sideIds, [&](const QString &id) {
            const Side *side = dataset ? dataset->side(id) : nullptr;
            return side ? side->name : QString();
        }));
    add(Field::Actor, tr("actor"), names(m_actorIds, [&](const QString &id) {
            const Actor *actor = dataset ? dataset->actor(id) : nullptr;
            return actor ? actor->name : QString();
        }));
    add(Field::Kind, tr("kind"), QStringList(m_kinds.cbegin(), m_kinds.cend()));
    const EventDateText dateText;
    QStringList statuses;
    for (int status : m_statuses)
        statuses.append(dateText.statusName(EventStatus(status)));
    add(Field::Status, tr("status"), statuses);
    if (!m_searchWords.isEmpty())
        filters.append({Field::Search, tr("search"), m_searchText.simplified()});
    add(Field::Article, tr("article"), names(m_articleIds, [&](const QString &id) {
            const Article *article = dataset ? dataset->article(id) : nullptr;
            return article ? article->title : QString();
        }));
    if (m_from.isValid())
        filters.append({Field::From, tr("from"), m_from.toString(Qt::ISODate)});
    if (m_to.isValid())
        filters.append({Field::To, tr("to"), m_to.toString(Qt::ISODate)});
    return filters;
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

bool EventFilterModel::acceptsSourceRow(int sourceRow) const
{
    if (!m_events)
        return acceptsByRoles(sourceRow, QModelIndex());
    if (m_acceptedRowsStale || m_acceptedGeneration != m_events->generation())
        updateAcceptedRows();
    return sourceRow >= 0 && std::size_t(sourceRow) < m_failed.size() &&
           m_failed[std::size_t(sourceRow)] == 0;
}

EventFilterModel::Wanted EventFilterModel::wantedIds() const {
    const EventModel &events = *m_events;
    Wanted wanted;
    wanted.actors = wantedNumbers(m_actorIds, events.participants());
    wanted.sides = wantedNumbers(m_sideIds, events.sides());
    wanted.kinds = wantedNumbers(m_kinds, events.kinds());
    wanted.articles = wantedNumbers(m_articleIds, events.articles());
    wanted.fromDay = m_from.toJulianDay();
    wanted.toDay = m_to.toJulianDay();
    return wanted;
}

unsigned EventFilterModel::failedFilters(int row, const Wanted &wanted,
                                         const QBitArray *searchMatches) const {
    const EventModel &events = *m_events;
    const auto bit = [](FacetCounts::Facet facet) {
        return FacetCounts::facetBit(facet);
    };
    const qint64 invalidDay = QDate().toJulianDay();
    unsigned failed = 0;
    if (!m_actorIds.isEmpty() && !rowHasWanted(events.participants(), row, wanted.actors))
        failed |= bit(FacetCounts::Actor);
    if (!m_sideIds.isEmpty() && !rowHasWanted(events.sides(), row, wanted.sides))
        failed |= bit(FacetCounts::Side);
    if (!m_kinds.isEmpty() && !rowHasWanted(events.kinds(), row, wanted.kinds))
        failed |= bit(FacetCounts::Kind);
    if (!m_statuses.isEmpty() && !m_statuses.contains(events.status(row)))
        failed |= bit(FacetCounts::Status);
    if (!m_articleIds.isEmpty() && !rowHasWanted(events.articles(), row, wanted.articles))
        failed |= bit(FacetCounts::Article);
    const qint64 endDay = events.endDay(row);
    if (wanted.fromDay != invalidDay && endDay != invalidDay && endDay < wanted.fromDay)
        failed |= FacetCounts::otherBit;
    const qint64 startDay = events.startDay(row);
    if (wanted.toDay != invalidDay && startDay != invalidDay && startDay > wanted.toDay)
        failed |= FacetCounts::otherBit;
    if (!m_searchWords.isEmpty() &&
        !(searchMatches ? searchMatches->testBit(row) : events.rowContainsAll(row, m_searchWords)))
        failed |= FacetCounts::otherBit;
    return failed;
}

void EventFilterModel::updateAcceptedRows() const
{
    const EventModel &events = *m_events;
    const int rowCount = events.rowCount();
    m_failed.assign(std::size_t(rowCount), 0);
    m_acceptedRowsStale = false;
    m_acceptedGeneration = events.generation();

    const Wanted wanted = wantedIds();
    const QBitArray searchMatches =
        m_searchWords.isEmpty() ? QBitArray() : events.rowsContainingAll(m_searchWords);
    // One pass decides every row and counts the facets: a row's failed filters say both.
    m_facetCounts.reset(events);
    for (int row = 0; row < rowCount; ++row) {
        const unsigned failed = failedFilters(row, wanted, &searchMatches);
        m_failed[std::size_t(row)] = quint8(failed);
        m_facetCounts.addRow(events, row, failed);
    }
}

int EventFilterModel::facetCount(FacetCounts::Facet facet, const QString &key) const {
    if (!m_events)
        return -1;
    if (const EventModel::RowIds *ids = facetIds(facet))
        return facetCountOfNumber(facet, ids->indexOf(key));
    if (facet != FacetCounts::Status)
        return 0;
    bool ok = false;
    const int status = key.toInt(&ok);
    return ok ? facetCountOfNumber(facet, status) : 0;
}

const EventModel::RowIds *EventFilterModel::facetIds(FacetCounts::Facet facet) const {
    if (!m_events)
        return nullptr;
    switch (facet) {
    case FacetCounts::Side:
        return &m_events->sides();
    case FacetCounts::Actor:
        return &m_events->participants();
    case FacetCounts::Kind:
        return &m_events->kinds();
    case FacetCounts::Article:
        return &m_events->articles();
    case FacetCounts::Status:
    case FacetCounts::FacetCount:
        break;
    }
    return nullptr;
}

int EventFilterModel::facetCountOfNumber(FacetCounts::Facet facet, int number) const {
    if (!m_events)
        return -1;
    if (m_acceptedRowsStale || m_acceptedGeneration != m_events->generation())
        updateAcceptedRows();
    return m_facetCounts.count(facet, number);
}

bool EventFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!sourceParent.isValid() && m_events)
        return acceptsSourceRow(sourceRow);
    return acceptsByRoles(sourceRow, sourceParent);
}

bool EventFilterModel::acceptsByRoles(int sourceRow, const QModelIndex &sourceParent) const
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
    // Called some 1.7 million times when 100,000 rows are shown: only a rank lookup.
    const EventModel *events = m_events.data();
    if (events && left.model() == events && right.model() == events)
        return events->dateRank(left.row()) < events->dateRank(right.row());
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
