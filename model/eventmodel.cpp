#include "eventmodel.h"

#include "document.h"
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

int EventModel::RowIds::numberOfEdited(const QString &id) {
    // No address cache: after an edit, freed characters may be reused for another id.
    const auto it = m_numberOfId.constFind(id);
    if (it != m_numberOfId.cend())
        return *it;
    const int number = int(m_ids.size());
    m_numberOfId.insert(id, number);
    m_ids.append(id);
    return number;
}

void EventModel::RowIds::replaceRow(int row, const std::vector<int> &numbers) {
    const quint32 begin = m_rowStarts[std::size_t(row)];
    const quint32 end = m_rowStarts[std::size_t(row) + 1];
    const qint64 delta = qint64(numbers.size()) - qint64(end - begin);
    if (delta == 0) {
        std::copy(numbers.cbegin(), numbers.cend(), m_numbers.begin() + begin);
        return;
    }
    m_numbers.erase(m_numbers.begin() + begin, m_numbers.begin() + end);
    m_numbers.insert(m_numbers.begin() + begin, numbers.cbegin(), numbers.cend());
    for (std::size_t next = std::size_t(row) + 1; next < m_rowStarts.size(); ++next)
        m_rowStarts[next] = quint32(qint64(m_rowStarts[next]) + delta);
}

void EventModel::RowIds::insertRow(int row, const std::vector<int> &numbers) {
    // An empty row at `row`, then filled.
    m_rowStarts.insert(m_rowStarts.begin() + row, m_rowStarts[std::size_t(row)]);
    replaceRow(row, numbers);
}

void EventModel::RowIds::removeRow(int row) {
    replaceRow(row, {});
    m_rowStarts.erase(m_rowStarts.begin() + row);
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

void EventModel::setDocument(Document *document) {
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (!document) {
        setDataset(nullptr);
        return;
    }
    connect(document, &Document::datasetReset, this,
            [this] { setDataset(m_document->snapshot()); });
    connect(document, &Document::eventsChanged, this, &EventModel::onEventsChanged);
    connect(document, &Document::eventInserted, this, &EventModel::onEventInserted);
    connect(document, &Document::eventRemoved, this, &EventModel::onEventRemoved);
    connect(document, &Document::eventsInserted, this, &EventModel::onEventsInserted);
    connect(document, &Document::eventsRemoved, this, &EventModel::onEventsRemoved);
    connect(document, &Document::sidesChanged, this, &EventModel::onSidesOrActorsChanged);
    connect(document, &Document::actorsChanged, this, &EventModel::onSidesOrActorsChanged);
    // Articles' own fields are no role of an event's; events read them through dataset().
    connect(document, &Document::articlesChanged, this, &EventModel::takeSnapshot);
    connect(document, &QObject::destroyed, this, [this] { setDataset(nullptr); });
    setDataset(document->snapshot());
}

Document *EventModel::document() const {
    return m_document.data();
}

void EventModel::takeSnapshot() {
    m_dataset = m_document->snapshot();
    ++m_generation;
}

EventModel::RowNumbers EventModel::rowNumbers(const Event &event) {
    RowNumbers numbers;
    const auto addOnce = [](std::vector<int> &list, int number) {
        if (std::find(list.cbegin(), list.cend(), number) == list.cend())
            list.push_back(number);
    };
    for (const Participant &participant : event.participants) {
        addOnce(numbers.participants, m_participants.numberOfEdited(participant.actorId));
        const QString sideId = m_dataset->effectiveSideId(participant.actorId);
        const int side = sideId.isEmpty() ? -1 : m_sides.indexOf(sideId);
        if (side >= 0)
            numbers.sides.push_back(side);
    }
    std::sort(numbers.sides.begin(), numbers.sides.end());
    numbers.sides.erase(std::unique(numbers.sides.begin(), numbers.sides.end()),
                        numbers.sides.end());
    for (const SourcePassage &source : event.sources)
        addOnce(numbers.articles, m_articles.numberOfEdited(source.articleId));
    numbers.kinds.push_back(m_kinds.numberOfEdited(event.kind));
    return numbers;
}

void EventModel::setRowFacts(int row, const Event &event) {
    RowFacts &facts = m_rows[std::size_t(row)];
    facts.startDay = event.date.start.toJulianDay();
    facts.endDay = event.date.end.toJulianDay();
    facts.status = int(event.status);
}

bool EventModel::dateLess(int left, int right) const {
    const RowFacts &l = m_rows[std::size_t(left)];
    const RowFacts &r = m_rows[std::size_t(right)];
    if (l.startDay != r.startDay)
        return l.startDay < r.startDay;
    if (l.endDay != r.endDay)
        return l.endDay < r.endDay; // the more precise event first
    return left < right;            // file order keeps the sort stable
}

int EventModel::rankAmongOthers(int row) const {
    // One linear pass (about 0.1 ms at 100,000 rows) instead of sorting again.
    int rank = 0;
    for (int other = 0; other < m_rowCount; ++other) {
        if (other != row && dateLess(other, row))
            ++rank;
    }
    return rank;
}

void EventModel::moveRank(int row) {
    const int from = m_dateRanks[std::size_t(row)];
    const int to = rankAmongOthers(row);
    if (from == to)
        return;
    for (int &rank : m_dateRanks) {
        if (from < to && rank > from && rank <= to)
            --rank;
        else if (to < from && rank >= to && rank < from)
            ++rank;
    }
    m_dateRanks[std::size_t(row)] = to;
}

void EventModel::ensureIndexRows() {
    if (!m_indexRowsMapped) {
        m_indexRowsMapped = true;
        m_indexRows.resize(std::size_t(m_rowCount));
        std::iota(m_indexRows.begin(), m_indexRows.end(), 0);
    }
}

void EventModel::markUnindexed(int row) {
    ensureIndexRows();
    m_indexRows[std::size_t(row)] = -1;
}

void EventModel::onEventsChanged(const QStringList &eventIds, const EventFields &fields) {
    const std::shared_ptr<const Dataset> next = m_document->snapshot();
    QList<int> rows;
    for (const QString &id : eventIds) {
        const int row = m_document->eventRow(id);
        if (row >= 0 && row < m_rowCount)
            rows.append(row);
    }
    std::sort(rows.begin(), rows.end());
    if (rows.isEmpty()) { // not ours to show (cannot happen while following the document)
        m_dataset = next;
        ++m_generation;
        return;
    }
    const auto has = [&fields](std::initializer_list<EventField> wanted) {
        return std::any_of(wanted.begin(), wanted.end(),
                           [&fields](EventField field) { return fields.contains(field); });
    };
    // The roles each field shows in. A date's include DisplayRole (the date column's text, and
    // the proxy's sort role: a proxy may skip re-sorting a row when its sort role is not
    // among the changed roles).
    QList<int> roles;
    const auto addRoles = [&roles](std::initializer_list<int> more) {
        for (const int role : more) {
            if (!roles.contains(role))
                roles.append(role);
        }
    };
    using F = EventField;
    if (has({F::Title}))
        addRoles({TitleRole, Qt::DisplayRole, SearchTextRole});
    if (has({F::Summary}))
        addRoles({SummaryRole, SearchTextRole});
    if (has({F::Kind}))
        addRoles({KindRole, Qt::DisplayRole});
    if (has({F::Status}))
        addRoles({StatusRole, Qt::DisplayRole});
    if (has({F::DateStart, F::DateEnd, F::DatePrecision, F::DateExpression, F::DateBasis,
             F::DateAnchor, F::DateNote}))
        addRoles({StartDateRole, EndDateRole, PrecisionRole, DateTextRole, Qt::DisplayRole});
    if (has({F::Place}))
        addRoles({PlaceRole, Qt::DisplayRole});
    if (has({F::Participants}))
        addRoles({ParticipantIdsRole, SideIdsRole});
    if (has({F::Sources}))
        addRoles(
            {SourceCountRole, ArticleIdsRole, ArticleCountRole, SearchTextRole, Qt::DisplayRole});
    if (has({F::Disagreements}))
        addRoles({HasDisagreementRole});
    // Fields without a role of their own (a note) leave `roles` empty, which means every role:
    // readers of event() refresh too.
    const bool idsChange = has({F::Participants, F::Sources, F::Kind});
    const bool textChanges = has({F::Title, F::Summary, F::Sources});
    const bool datesChange = has({F::DateStart, F::DateEnd, F::DatePrecision, F::DateExpression,
                                  F::DateBasis, F::DateAnchor, F::DateNote});

    emit rowFactsAboutToChange(rows);
    m_dataset = next;
    for (const int row : rows) {
        const Event &event = m_dataset->events.at(row);
        if (idsChange) {
            const RowNumbers numbers = rowNumbers(event);
            m_participants.replaceRow(row, numbers.participants);
            m_sides.replaceRow(row, numbers.sides);
            m_articles.replaceRow(row, numbers.articles);
            m_kinds.replaceRow(row, numbers.kinds);
        }
        const RowFacts before = m_rows[std::size_t(row)];
        setRowFacts(row, event);
        const RowFacts &after = m_rows[std::size_t(row)];
        if (before.startDay != after.startDay || before.endDay != after.endDay)
            moveRank(row);
        if (datesChange)
            m_dateTexts[std::size_t(row)] = QString();
        if (textChanges)
            markUnindexed(row);
    }
    ++m_generation;
    for (const int row : rows)
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1), roles);
}

void EventModel::onEventInserted(const QString &eventId, int row) {
    Q_UNUSED(eventId)
    beginInsertRows(QModelIndex(), row, row);
    m_dataset = m_document->snapshot();
    const Event &event = m_dataset->events.at(row);
    ensureIndexRows();
    ++m_rowCount;
    m_rows.insert(m_rows.begin() + row, RowFacts());
    setRowFacts(row, event);
    m_dateTexts.insert(m_dateTexts.begin() + row, QString());
    const RowNumbers numbers = rowNumbers(event);
    m_participants.insertRow(row, numbers.participants);
    m_sides.insertRow(row, numbers.sides);
    m_articles.insertRow(row, numbers.articles);
    m_kinds.insertRow(row, numbers.kinds);
    m_indexRows.insert(m_indexRows.begin() + row, -1);
    // The rows after keep their order among themselves: ranks from the new one's up shift.
    m_dateRanks.insert(m_dateRanks.begin() + row, 0);
    const int rank = rankAmongOthers(row);
    for (int &other : m_dateRanks) {
        if (other >= rank)
            ++other;
    }
    m_dateRanks[std::size_t(row)] = rank;
    m_rowOfEventStale = true;
    ++m_generation;
    endInsertRows();
}

void EventModel::onEventRemoved(const QString &eventId, int row) {
    Q_UNUSED(eventId)
    beginRemoveRows(QModelIndex(), row, row);
    m_dataset = m_document->snapshot();
    ensureIndexRows();
    m_indexRows.erase(m_indexRows.begin() + row);
    --m_rowCount;
    m_rows.erase(m_rows.begin() + row);
    m_dateTexts.erase(m_dateTexts.begin() + row);
    m_participants.removeRow(row);
    m_sides.removeRow(row);
    m_articles.removeRow(row);
    m_kinds.removeRow(row);
    const int rank = m_dateRanks[std::size_t(row)];
    m_dateRanks.erase(m_dateRanks.begin() + row);
    for (int &other : m_dateRanks) {
        if (other > rank)
            --other;
    }
    m_rowOfEventStale = true;
    ++m_generation;
    endRemoveRows();
}

void EventModel::rankAll() {
    std::vector<int> dateOrder(static_cast<std::size_t>(m_rowCount));
    std::iota(dateOrder.begin(), dateOrder.end(), 0);
    std::sort(dateOrder.begin(), dateOrder.end(),
              [this](int left, int right) { return dateLess(left, right); });
    m_dateRanks.resize(dateOrder.size());
    for (int rank = 0; rank < m_rowCount; ++rank)
        m_dateRanks[std::size_t(dateOrder[std::size_t(rank)])] = rank;
}

void EventModel::onEventsInserted(int first, int count) {
    const int last = first + count - 1;
    beginInsertRows(QModelIndex(), first, last);
    m_dataset = m_document->snapshot();
    ensureIndexRows();
    m_rowCount += count;
    m_rows.insert(m_rows.begin() + first, std::size_t(count), RowFacts());
    m_dateTexts.insert(m_dateTexts.begin() + first, std::size_t(count), QString());
    m_indexRows.insert(m_indexRows.begin() + first, std::size_t(count), -1);
    for (int row = first; row <= last; ++row) {
        const Event &event = m_dataset->events.at(row);
        setRowFacts(row, event);
        const RowNumbers numbers = rowNumbers(event);
        m_participants.insertRow(row, numbers.participants);
        m_sides.insertRow(row, numbers.sides);
        m_articles.insertRow(row, numbers.articles);
        m_kinds.insertRow(row, numbers.kinds);
    }
    rankAll();
    m_rowOfEventStale = true;
    ++m_generation;
    endInsertRows();
}

void EventModel::onEventsRemoved(int first, const QStringList &eventIds) {
    const int count = int(eventIds.size());
    const int last = first + count - 1;
    beginRemoveRows(QModelIndex(), first, last);
    m_dataset = m_document->snapshot();
    ensureIndexRows();
    m_indexRows.erase(m_indexRows.begin() + first, m_indexRows.begin() + last + 1);
    m_rowCount -= count;
    m_rows.erase(m_rows.begin() + first, m_rows.begin() + last + 1);
    m_dateTexts.erase(m_dateTexts.begin() + first, m_dateTexts.begin() + last + 1);
    for (int row = last; row >= first; --row) {
        m_participants.removeRow(row);
        m_sides.removeRow(row);
        m_articles.removeRow(row);
        m_kinds.removeRow(row);
    }
    m_dateRanks.erase(m_dateRanks.begin() + first, m_dateRanks.begin() + last + 1);
    rankAll();
    m_rowOfEventStale = true;
    ++m_generation;
    endRemoveRows();
}

void EventModel::onSidesOrActorsChanged() {
    // An actor's side (or a side itself) changes the sides of every event it takes part in:
    // renumber the sides in the dataset's order, every row again (rare, one linear pass).
    m_dataset = m_document->snapshot();
    RowIds sides;
    for (const Side &side : m_dataset->sides)
        sides.numberOfEdited(side.id);
    for (int row = 0; row < m_rowCount; ++row) {
        std::vector<int> numbers;
        for (const int *actor = m_participants.begin(row); actor != m_participants.end(row);
             ++actor) {
            const QString sideId = m_dataset->effectiveSideId(m_participants.id(*actor));
            const int side = sideId.isEmpty() ? -1 : sides.indexOf(sideId);
            if (side >= 0)
                numbers.push_back(side);
        }
        std::sort(numbers.begin(), numbers.end());
        numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
        for (const int side : numbers)
            sides.m_numbers.push_back(side);
        sides.endRow();
    }
    m_sides = std::move(sides);
    ++m_generation; // the filter counts and decides every row again
    if (m_rowCount > 0)
        emit dataChanged(index(0, 0), index(m_rowCount - 1, ColumnCount - 1), {SideIdsRole});
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
    m_indexRows.clear();
    m_indexRowsMapped = false;
    m_rowOfEventStale = false;
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

QBitArray EventModel::rowsContainingAll(const QStringList &words) const {
    const QBitArray indexed = searchIndex().rowsContainingAll(words);
    if (!m_indexRowsMapped)
        return indexed;
    // Rows edited or added since the index was built are searched in their text; the rest
    // map back to the index's rows. Linear, as the filter's pass over the rows is anyway.
    QBitArray rows(m_rowCount);
    for (int row = 0; row < m_rowCount; ++row) {
        const int indexRow = m_indexRows[std::size_t(row)];
        if (indexRow >= 0 ? indexed.testBit(indexRow) : rowContainsAll(row, words))
            rows.setBit(row);
    }
    return rows;
}

bool EventModel::rowContainsAll(int row, const QStringList &words) const {
    // A word holds no whitespace, so it occurs in the text exactly when the index finds it
    // in one of the text's tokens (SearchIndex), and both fold case one code point at a time.
    const QString text = searchText(m_dataset->events.at(row));
    return std::all_of(words.cbegin(), words.cend(),
                       [&text](const QString &word) { return text.contains(word); });
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
    // Rows added or removed: the Document keeps its id → row table current without rebuilding.
    if (m_rowOfEventStale && m_document && m_document->snapshot() == m_dataset)
        return index(m_document->eventRow(eventId), column);
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
