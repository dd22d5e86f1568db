#include "actormodel.h"

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
    m_stats.clear();
    if (m_dataset) {
        QHash<QString, int> rowOfActor;
        for (const Actor &actor : m_dataset->actors) {
            rowOfActor.insert(actor.id, int(m_stats.size()));
            m_stats.append(Stats{m_dataset->effectiveSideId(actor.id), 0, QDate(), QDate()});
        }
        for (const Event &event : m_dataset->events) {
            QSet<int> counted; // an actor with two roles in one event counts once
            for (const Participant &participant : event.participants) {
                const int row = rowOfActor.value(participant.actorId, -1);
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

const Actor *ActorModel::actor(int row) const
{
    if (!m_dataset || row < 0 || row >= m_dataset->actors.size())
        return nullptr;
    return &m_dataset->actors.at(row);
}

QModelIndex ActorModel::indexOfActor(const QString &actorId, int column) const
{
    if (!m_dataset)
        return {};
    const Actor *found = m_dataset->actor(actorId);
    return found ? index(int(found - m_dataset->actors.constData()), column) : QModelIndex();
}

int ActorModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_dataset ? 0 : int(m_dataset->actors.size());
}

int ActorModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActorModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Actor &a = m_dataset->actors.at(index.row());
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
