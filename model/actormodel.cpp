#include "actormodel.h"

#include "document.h"
#include "itemdiff.h"

#include <QLocale>
#include <QSet>

namespace ntl {

ActorModel::ActorModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ActorModel::setDataset(std::shared_ptr<const Dataset> dataset)
{
    beginResetModel();
    m_dataset = std::move(dataset);
    m_actors.clear();
    m_stats.clear();
    if (m_dataset) {
        m_actors = m_dataset->actors;
        for (const Actor &actor : std::as_const(m_actors))
            m_stats.append(Stats{m_dataset->effectiveSideId(actor.id), 0, QDate(), QDate()});
        for (const Event &event : m_dataset->events) {
            QSet<int> counted; // an actor with two roles in one event counts once
            for (const Participant &participant : event.participants) {
                const int row = rowOfActor(participant.actorId);
                if (row < 0 || counted.contains(row))
                    continue;
                counted.insert(row);
                Stats &stats = m_stats[row];
                ++stats.eventCount;
                if (event.date.start.isValid() && (!stats.first.isValid() || event.date.start < stats.first))
                    stats.first = event.date.start;
                if (event.date.end.isValid() && (!stats.last.isValid() || event.date.end > stats.last))
                    stats.last = event.date.end;
            }
        }
    }
    endResetModel();
}

void ActorModel::setDocument(Document *document) {
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (!document) {
        setDataset(nullptr);
        return;
    }
    connect(document, &Document::datasetReset, this,
            [this] { setDataset(m_document->snapshot()); });
    connect(document, &Document::eventsChanged, this,
            [this](const QStringList &ids) { onEventsChanged(ids); });
    connect(document, &Document::eventInserted, this, &ActorModel::onEventInserted);
    connect(document, &Document::eventRemoved, this, &ActorModel::onEventRemoved);
    connect(document, &Document::eventsInserted, this, &ActorModel::onEventsInserted);
    connect(document, &Document::eventsRemoved, this, &ActorModel::onEventsRemoved);
    connect(document, &Document::actorsChanged, this, &ActorModel::onActorsOrSidesChanged);
    connect(document, &Document::sidesChanged, this, &ActorModel::onActorsOrSidesChanged);
    // Articles are no part of an actor's row; the snapshot is kept current all the same.
    connect(document, &Document::articlesChanged, this,
            [this] { m_dataset = m_document->snapshot(); });
    connect(document, &QObject::destroyed, this, [this] { setDataset(nullptr); });
    setDataset(document->snapshot());
}

int ActorModel::rowOfActor(const QString &actorId) const {
    // The dataset's lookup points into its list, which m_actors shares between edits.
    const Actor *found = m_dataset ? m_dataset->actor(actorId) : nullptr;
    return found ? int(found - m_dataset->actors.constData()) : -1;
}

void ActorModel::account(const Event &event, int sign, Touched &touched, QSet<int> &dirty) {
    QSet<int> counted;
    for (const Participant &participant : event.participants) {
        const int row = rowOfActor(participant.actorId);
        if (row < 0 || counted.contains(row))
            continue;
        counted.insert(row);
        Stats &stats = m_stats[row];
        if (!touched.contains(row))
            touched.insert(row, stats);
        stats.eventCount += sign;
        const QDate start = event.date.start;
        const QDate end = event.date.end;
        if (sign > 0) {
            if (start.isValid() && (!stats.first.isValid() || start < stats.first))
                stats.first = start;
            if (end.isValid() && (!stats.last.isValid() || end > stats.last))
                stats.last = end;
        } else if ((start.isValid() && start == stats.first) ||
                   (end.isValid() && end == stats.last)) {
            dirty.insert(row); // another event may hold the same date, or none: look again
        }
    }
}

void ActorModel::findDatesAgain(const QSet<int> &rows) {
    if (rows.isEmpty())
        return;
    // One pass over the events for all of them (rare: only when an edge date went away).
    for (const int row : rows)
        m_stats[row].first = m_stats[row].last = QDate();
    for (const Event &event : m_dataset->events) {
        for (const Participant &participant : event.participants) {
            const int row = rowOfActor(participant.actorId);
            if (!rows.contains(row))
                continue;
            Stats &stats = m_stats[row];
            if (event.date.start.isValid() &&
                (!stats.first.isValid() || event.date.start < stats.first))
                stats.first = event.date.start;
            if (event.date.end.isValid() && (!stats.last.isValid() || event.date.end > stats.last))
                stats.last = event.date.end;
        }
    }
}

void ActorModel::emitTouched(const Touched &touched) {
    QList<int> rows = touched.keys();
    std::sort(rows.begin(), rows.end());
    for (const int row : std::as_const(rows)) {
        const Stats &before = touched.value(row);
        const Stats &after = m_stats.at(row);
        QList<int> roles;
        int lastColumn = 0;
        const auto changed = [&](int role, int column) {
            roles.append(role);
            lastColumn = std::max(lastColumn, column);
        };
        if (before.eventCount != after.eventCount)
            changed(EventCountRole, EventsColumn);
        if (before.first != after.first)
            changed(FirstDateRole, FirstColumn);
        if (before.last != after.last)
            changed(LastDateRole, LastColumn);
        if (roles.isEmpty())
            continue;
        roles.append(Qt::DisplayRole);
        // The role data is the same in every column: the range starts at column 0 for it.
        emit dataChanged(index(row, 0), index(row, lastColumn), roles);
    }
}

void ActorModel::onEventsChanged(const QStringList &eventIds) {
    const std::shared_ptr<const Dataset> next = m_document->snapshot();
    Touched touched;
    QSet<int> dirty;
    QList<int> rows;
    for (const QString &id : eventIds) {
        const int row = m_document->eventRow(id);
        // An edit keeps every event's row: the old event is at the same one.
        if (row < 0 || !m_dataset || row >= m_dataset->events.size() ||
            m_dataset->events.at(row).id != id) {
            setDataset(next); // not what this model showed: start over (never while following)
            return;
        }
        rows.append(row);
        account(m_dataset->events.at(row), -1, touched, dirty);
    }
    m_dataset = next;
    for (const int row : std::as_const(rows))
        account(m_dataset->events.at(row), 1, touched, dirty);
    findDatesAgain(dirty);
    emitTouched(touched);
}

void ActorModel::onEventInserted(const QString &eventId, int row) {
    Q_UNUSED(eventId)
    m_dataset = m_document->snapshot();
    Touched touched;
    QSet<int> dirty;
    account(m_dataset->events.at(row), 1, touched, dirty);
    emitTouched(touched);
}

void ActorModel::onEventRemoved(const QString &eventId, int row) {
    const std::shared_ptr<const Dataset> next = m_document->snapshot();
    if (!m_dataset || row >= m_dataset->events.size() || m_dataset->events.at(row).id != eventId) {
        setDataset(next);
        return;
    }
    Touched touched;
    QSet<int> dirty;
    account(m_dataset->events.at(row), -1, touched, dirty);
    m_dataset = next;
    findDatesAgain(dirty);
    emitTouched(touched);
}

void ActorModel::onEventsInserted(int first, int count) {
    m_dataset = m_document->snapshot();
    Touched touched;
    QSet<int> dirty;
    for (int row = first; row < first + count; ++row)
        account(m_dataset->events.at(row), 1, touched, dirty);
    emitTouched(touched);
}

void ActorModel::onEventsRemoved(int first, const QStringList &eventIds) {
    const std::shared_ptr<const Dataset> next = m_document->snapshot();
    if (!m_dataset || !m_dataset->holdsEventsAt(first, eventIds)) {
        setDataset(next); // not what this model showed: start over
        return;
    }
    const qsizetype end = first + eventIds.size();
    Touched touched;
    QSet<int> dirty;
    for (qsizetype row = first; row < end; ++row)
        account(m_dataset->events.at(row), -1, touched, dirty);
    m_dataset = next;
    findDatesAgain(dirty);
    emitTouched(touched);
}

QList<int> ActorModel::valueRoles() {
    return {ActorIdRole,       NameRole,       ActorTitleRole, KindRole,     SideIdRole,
            AffiliationIdRole, EventCountRole, FirstDateRole,  LastDateRole, SideOrderRole};
}

QVariantList ActorModel::rowValues(int row) const {
    QVariantList values;
    for (int column = 0; column < ColumnCount; ++column)
        values.append(index(row, column).data(Qt::DisplayRole));
    for (const int role : valueRoles())
        values.append(index(row, 0).data(role));
    return values;
}

void ActorModel::onActorsOrSidesChanged() {
    const std::shared_ptr<const Dataset> next = m_document->snapshot();
    if (!m_dataset) {
        setDataset(next);
        return;
    }
    const ItemDiff diff = ItemDiff::of(m_dataset->actors, next->actors,
                                       [](const Actor &, const Actor &) { return true; });
    if (diff.reordered) {
        setDataset(next);
        return;
    }
    // What every row shows now: an affiliation or a side edited changes other actors' rows.
    QList<QVariantList> before;
    for (int row = 0; row < m_actors.size(); ++row)
        before.append(rowValues(row));
    for (const int row : diff.removed) {
        beginRemoveRows(QModelIndex(), row, row);
        m_actors.removeAt(row);
        m_stats.removeAt(row);
        before.removeAt(row);
        endRemoveRows();
    }
    // The rows left are the new list without the inserted ones, in the same order.
    QList<Actor> kept;
    kept.reserve(m_actors.size());
    for (int row = 0, insert = 0; row < next->actors.size(); ++row) {
        if (insert < diff.inserted.size() && diff.inserted.at(insert) == row)
            ++insert;
        else
            kept.append(next->actors.at(row));
    }
    m_actors = kept;
    m_dataset = next;
    // A new actor normally takes part in nothing yet; an undone merge's does until its
    // events follow: count them in one pass.
    QHash<QString, Stats> added;
    for (const int row : diff.inserted)
        added.insert(next->actors.at(row).id, Stats());
    if (!added.isEmpty()) {
        for (const Event &event : next->events) {
            QSet<QString> counted;
            for (const Participant &participant : event.participants) {
                const auto it = added.find(participant.actorId);
                if (it == added.end() || counted.contains(participant.actorId))
                    continue;
                counted.insert(participant.actorId);
                ++it->eventCount;
                if (event.date.start.isValid() &&
                    (!it->first.isValid() || event.date.start < it->first))
                    it->first = event.date.start;
                if (event.date.end.isValid() && (!it->last.isValid() || event.date.end > it->last))
                    it->last = event.date.end;
            }
        }
    }
    for (const int row : diff.inserted) {
        beginInsertRows(QModelIndex(), row, row);
        const Actor &actor = next->actors.at(row);
        m_actors.insert(row, actor);
        Stats stats = added.value(actor.id);
        m_stats.insert(row, stats);
        before.insert(row, QVariantList());
        endInsertRows();
    }
    m_actors = next->actors; // shared again
    for (int row = 0; row < m_actors.size(); ++row)
        m_stats[row].sideId = next->effectiveSideId(m_actors.at(row).id);
    const QList<int> roles = valueRoles();
    for (int row = 0; row < m_actors.size(); ++row) {
        if (before.at(row).isEmpty())
            continue;
        const QVariantList after = rowValues(row);
        QList<int> changed;
        for (int column = 0; column < ColumnCount; ++column) {
            if (after.at(column) != before.at(row).at(column) && !changed.contains(Qt::DisplayRole))
                changed.append(Qt::DisplayRole);
        }
        for (int i = 0; i < roles.size(); ++i) {
            if (after.at(ColumnCount + i) != before.at(row).at(ColumnCount + i))
                changed.append(roles.at(i));
        }
        if (!changed.isEmpty())
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1), changed);
    }
}

const Actor *ActorModel::actor(int row) const
{
    if (row < 0 || row >= m_actors.size())
        return nullptr;
    return &m_actors.at(row);
}

QModelIndex ActorModel::indexOfActor(const QString &actorId, int column) const
{
    const int row = rowOfActor(actorId);
    return row >= 0 && row < m_actors.size() ? index(row, column) : QModelIndex();
}

int ActorModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_actors.size());
}

int ActorModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActorModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Actor &a = m_actors.at(index.row());
    const Stats &stats = m_stats.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: return a.name;
        case TitleColumn: return a.title;
        case SideColumn: {
            const Side *side = m_dataset->side(stats.sideId);
            return side ? side->name : QString();
        }
        case EventsColumn: return stats.eventCount;
        case FirstColumn: return QLocale().toString(stats.first, QStringLiteral("d MMM yyyy"));
        case LastColumn: return QLocale().toString(stats.last, QStringLiteral("d MMM yyyy"));
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == EventsColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case ActorIdRole: return a.id;
    case NameRole: return a.name;
    case ActorTitleRole: return a.title;
    case KindRole: return int(a.kind);
    case SideIdRole: return stats.sideId;
    case AffiliationIdRole: return a.affiliationId;
    case EventCountRole: return stats.eventCount;
    case FirstDateRole: return stats.first;
    case LastDateRole: return stats.last;
    case SideOrderRole: {
        const int index = m_dataset->sideIndex(stats.sideId);
        return index < 0 ? int(m_dataset->sides.size()) : index;
    }
    }
    return {};
}

QVariant ActorModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Name");
    case TitleColumn: return tr("Title");
    case SideColumn: return tr("Side");
    case EventsColumn: return tr("Events");
    case FirstColumn: return tr("First");
    case LastColumn: return tr("Last");
    }
    return {};
}

QHash<int, QByteArray> ActorModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names[ActorIdRole] = "actorId";
    names[NameRole] = "name";
    names[ActorTitleRole] = "actorTitle";
    names[KindRole] = "kind";
    names[SideIdRole] = "sideId";
    names[AffiliationIdRole] = "affiliationId";
    names[EventCountRole] = "eventCount";
    names[FirstDateRole] = "firstDate";
    names[LastDateRole] = "lastDate";
    names[SideOrderRole] = "sideOrder";
    return names;
}

} // namespace ntl
