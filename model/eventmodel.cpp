#include "eventmodel.h"

#include "eventfiltermodel.h"

#include <algorithm>
#include <numeric>

namespace ntl {

QStringList EventModel::RowIds::idsOfRow(int row) const
{
    QStringList ids;
    ids.reserve(end(row) - begin(row));
    for (const int *number = begin(row); number != end(row); ++number)
        ids.append(m_ids.at(*number));
    return ids;
}

int EventModel::RowIds::numberOf(const QString &id)
{
    if (m_recent.empty())
        m_recent.resize(1024);
    const auto address = reinterpret_cast<quintptr>(id.constData());
    Recent &recent = m_recent[((address >> 4) ^ (address >> 14)) & (m_recent.size() - 1)];
    // Same characters at the same address are the same id (the dataset does not change).
    if (recent.characters == id.constData() && recent.size == id.size())
        return recent.number;
    int number = int(m_ids.size());
    const auto it = m_numberOfId.constFind(id);
    if (it != m_numberOfId.cend()) {
        number = *it;
    } else {
        m_numberOfId.insert(id, number);
        m_ids.append(id);
    }
    recent = {id.constData(), id.size(), number};
    return number;
}

void EventModel::RowIds::endBuilding()
{
    std::vector<Recent>().swap(m_recent);
    m_rowStarts.shrink_to_fit();
    m_numbers.shrink_to_fit();
}

void EventModel::RowIds::appendToRow(int number)
{
    const auto rowBegin = m_numbers.cbegin() + m_rowStarts.back();
    if (std::find(rowBegin, m_numbers.cend(), number) == m_numbers.cend())
        m_numbers.push_back(number);
}

void EventModel::RowIds::clear()
{
    *this = RowIds();
}

EventModel::EventModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

EventModel::~EventModel()
{
    stopBackgroundBuilds();
}

void EventModel::stopBackgroundBuilds()
{
    if (m_searchIndexBuild.valid()) {
        m_cancelSearchIndex->store(true);
        m_searchIndexBuild.wait();
        m_searchIndexBuild = {};
    }
    m_searchIndex = SearchIndex();
    if (m_rowOfEventBuild.valid())
        m_rowOfEventBuild.wait(); // quick: not worth cancelling
    m_rowOfEventBuild = {};
    m_rowOfEvent.clear();
}

void EventModel::setDataset(std::shared_ptr<const Dataset> dataset)
{
    beginResetModel();
    stopBackgroundBuilds();
    m_dataset = std::move(dataset);
    m_rowCount = m_dataset ? int(m_dataset->events.size()) : 0;
    m_dateText = EventDateText(); // the locale as of now, as before
    m_participants.clear();
    m_sides.clear();
    m_articles.clear();
    m_kinds.clear();
    m_rows.clear();
    m_dateRanks.clear();
    m_dateTexts.clear();
    ++m_generation;
    if (m_dataset) {
        const EventList &events = m_dataset->events;
        // Side numbers follow the dataset's side order, so sorting numbers sorts sides.
        for (const Side &side : m_dataset->sides)
            m_sides.numberOf(side.id);
        std::vector<int> sideOfActor; // by participant number; -2 until looked up
        std::vector<int> eventSides;
        m_rows.resize(std::size_t(m_rowCount));
        m_dateTexts.resize(std::size_t(m_rowCount));
        for (int row = 0; row < m_rowCount; ++row) {
            const Event &event = events.at(row);
#if defined(__GNUC__)
            // Each event's lists are heap blocks of their own; fetch a few events ahead.
            if (row + 4 < m_rowCount) {
                const Event &ahead = events.at(row + 4);
                __builtin_prefetch(ahead.participants.constData());
                __builtin_prefetch(ahead.sources.constData());
                __builtin_prefetch(ahead.kind.constData());
            }
#endif
            eventSides.clear();
            for (const Participant &participant : event.participants) {
                const int actor = m_participants.numberOf(participant.actorId);
                m_participants.appendToRow(actor);
                if (std::size_t(actor) >= sideOfActor.size())
                    sideOfActor.resize(std::size_t(actor) + 1, -2);
                if (sideOfActor[actor] == -2) {
                    const QString sideId = m_dataset->effectiveSideId(participant.actorId);
                    // Dataset::eventSideIds() leaves out sides the dataset does not list.
                    sideOfActor[actor] = sideId.isEmpty() ? -1 : m_sides.indexOf(sideId);
                }
                if (sideOfActor[actor] >= 0)
                    eventSides.push_back(sideOfActor[actor]);
            }
            m_participants.endRow();
            std::sort(eventSides.begin(), eventSides.end());
            eventSides.erase(std::unique(eventSides.begin(), eventSides.end()), eventSides.end());
            for (const int side : eventSides)
                m_sides.appendToRow(side);
            m_sides.endRow();
            for (const SourcePassage &source : event.sources)
                m_articles.appendToRow(m_articles.numberOf(source.articleId));
            m_articles.endRow();
            m_kinds.appendToRow(m_kinds.numberOf(event.kind));
            m_kinds.endRow();

            RowFacts &facts = m_rows[std::size_t(row)];
            facts.startDay = event.date.start.toJulianDay();
            facts.endDay = event.date.end.toJulianDay();
            facts.status = int(event.status);
        }

        for (RowIds *ids : {&m_participants, &m_sides, &m_articles, &m_kinds})
            ids->endBuilding();

        std::vector<int> dateOrder(m_rows.size());
        std::iota(dateOrder.begin(), dateOrder.end(), 0);
        std::sort(dateOrder.begin(), dateOrder.end(), [this](int left, int right) {
            const RowFacts &l = m_rows[std::size_t(left)];
            const RowFacts &r = m_rows[std::size_t(right)];
            if (l.startDay != r.startDay)
                return l.startDay < r.startDay;
            if (l.endDay != r.endDay)
                return l.endDay < r.endDay; // the more precise event first
            return left < right;            // file order keeps the sort stable
        });
        m_dateRanks.resize(dateOrder.size());
        for (int rank = 0; rank < m_rowCount; ++rank)
            m_dateRanks[std::size_t(dateOrder[std::size_t(rank)])] = rank;

        // Both read every event's text, scattered over the heap: 20 to 300 ms at 100,000
        // events. Views need not wait for them.
        m_rowOfEventBuild = std::async(std::launch::async, [dataset = m_dataset] {
            QHash<QString, int> rows;
            rows.reserve(dataset->events.size());
            for (int row = 0; row < dataset->events.size(); ++row)
                rows.insert(dataset->events.at(row).id, row);
            return rows;
        });
        m_cancelSearchIndex = std::make_shared<std::atomic_bool>(false);
        m_searchIndexBuild = std::async(
            std::launch::async, [dataset = m_dataset, cancel = m_cancelSearchIndex] {
                SearchIndex index;
                for (const Event &event : dataset->events) {
                    if (cancel->load(std::memory_order_relaxed))
                        break;
                    index.startRow();
                    index.addText(event.title);
                    index.addText(event.summary);
                    for (const SourcePassage &source : event.sources)
                        index.addText(source.exact);
                }
                index.finish();
                return index;
            });
    }
    endResetModel();
}

const SearchIndex &EventModel::searchIndex() const
{
    if (m_searchIndexBuild.valid())
        m_searchIndex = m_searchIndexBuild.get();
    return m_searchIndex;
}

QString EventModel::searchText(const Event &event) const
{
    QStringList haystack{event.title, event.summary};
    for (const SourcePassage &source : event.sources)
        haystack.append(source.exact);
    return haystack.join(u'\n').toCaseFolded();
}

const QString &EventModel::dateText(int row) const
{
    QString &text = m_dateTexts[std::size_t(row)];
    if (text.isNull()) // never empty once formatted
        text = m_dateText.format(m_dataset->events.at(row).date);
    return text;
}

const Event *EventModel::event(int row) const
{
    if (!m_dataset || row < 0 || row >= m_rowCount)
        return nullptr;
    return &m_dataset->events.at(row);
}

QPair<QDate, QDate> EventModel::dateSpan(const QAbstractItemModel *model)
{
    qint64 first = 0;
    qint64 last = 0;
    bool hasFirst = false;
    bool hasLast = false;
    const auto include = [&](qint64 start, qint64 end) {
        const qint64 invalid = QDate().toJulianDay();
        if (start != invalid && (!hasFirst || start < first)) {
            first = start;
            hasFirst = true;
        }
        if (end != invalid && (!hasLast || end > last)) {
            last = end;
            hasLast = true;
        }
    };
    const auto *filter = qobject_cast<const EventFilterModel *>(model);
    if (const EventModel *events = filter ? filter->eventSource() : nullptr) {
        // The proxy's rows are the source rows it accepts; no need to map each one.
        for (int row = 0; row < events->m_rowCount; ++row) {
            if (filter->acceptsSourceRow(row))
                include(events->m_rows[std::size_t(row)].startDay,
                        events->m_rows[std::size_t(row)].endDay);
        }
    } else if (const auto *events = qobject_cast<const EventModel *>(model)) {
        for (const RowFacts &facts : events->m_rows)
            include(facts.startDay, facts.endDay);
    } else {
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            include(index.data(StartDateRole).toDate().toJulianDay(),
                    index.data(EndDateRole).toDate().toJulianDay());
        }
    }
    return {hasFirst ? QDate::fromJulianDay(first) : QDate(),
            hasLast ? QDate::fromJulianDay(last) : QDate()};
}

const QHash<QString, int> &EventModel::rowOfEvent() const
{
    if (m_rowOfEventBuild.valid())
        m_rowOfEvent = m_rowOfEventBuild.get();
    return m_rowOfEvent;
}

QModelIndex EventModel::indexOfEvent(const QString &eventId, int column) const
{
    const QHash<QString, int> &rows = rowOfEvent();
    const auto it = rows.constFind(eventId);
    return it == rows.cend() ? QModelIndex() : index(*it, column);
}

int EventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int EventModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QModelIndex EventModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= m_rowCount || column < 0 || column >= ColumnCount)
        return {};
    return createIndex(row, column);
}

QVariant EventModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const Event &e = m_dataset->events.at(row);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DateColumn: return dateText(row);
        case TitleColumn: return e.title;
        case KindColumn: return e.kind;
        case StatusColumn: return m_dateText.statusName(e.status);
        case PlaceColumn: return e.place;
        case SourcesColumn: return int(e.sources.size());
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == SourcesColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case EventIdRole: return e.id;
    case StartDateRole: return e.date.start;
    case EndDateRole: return e.date.end;
    case PrecisionRole: return int(e.date.precision);
    case TitleRole: return e.title;
    case SummaryRole: return e.summary;
    case KindRole: return e.kind;
    case StatusRole: return int(e.status);
    case PlaceRole: return e.place;
    case ParticipantIdsRole: return m_participants.idsOfRow(row);
    case SideIdsRole: return m_sides.idsOfRow(row);
    case SourceCountRole: return int(e.sources.size());
    case ArticleIdsRole: return m_articles.idsOfRow(row);
    case ArticleCountRole: return int(m_articles.end(row) - m_articles.begin(row));
    case HasDisagreementRole: return !e.disagreements.isEmpty();
    case DateTextRole: return dateText(row);
    case SearchTextRole: return searchText(e);
    }
    return {};
}

QVariant EventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DateColumn: return tr("Date");
    case TitleColumn: return tr("Event");
    case KindColumn: return tr("Kind");
    case StatusColumn: return tr("Status");
    case PlaceColumn: return tr("Place");
    case SourcesColumn: return tr("Passages");
    }
    return {};
}

QHash<int, QByteArray> EventModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names[EventIdRole] = "eventId";
    names[StartDateRole] = "startDate";
    names[EndDateRole] = "endDate";
    names[PrecisionRole] = "precision";
    names[TitleRole] = "title";
    names[SummaryRole] = "summary";
    names[KindRole] = "kind";
    names[StatusRole] = "status";
    names[PlaceRole] = "place";
    names[ParticipantIdsRole] = "participantIds";
    names[SideIdsRole] = "sideIds";
    names[SourceCountRole] = "sourceCount";
    names[ArticleIdsRole] = "articleIds";
    names[ArticleCountRole] = "articleCount";
    names[HasDisagreementRole] = "hasDisagreement";
    names[DateTextRole] = "dateText";
    names[SearchTextRole] = "searchText";
    return names;
}

} // namespace ntl
