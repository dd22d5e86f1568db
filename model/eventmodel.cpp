#include "eventmodel.h"

#include "eventdatetext.h"

namespace ntl {

EventModel::EventModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void EventModel::setDataset(std::shared_ptr<const Dataset> dataset)
{
    beginResetModel();
    m_dataset = std::move(dataset);
    m_derived.clear();
    m_rowOfEvent.clear();
    if (m_dataset) {
        const EventDateText dateText;
        m_derived.reserve(m_dataset->events.size());
        for (const Event &event : m_dataset->events) {
            Derived derived;
            for (const Participant &participant : event.participants) {
                if (!derived.participantIds.contains(participant.actorId))
                    derived.participantIds.append(participant.actorId);
            }
            derived.sideIds = m_dataset->eventSideIds(event);
            derived.articleIds = Dataset::eventArticleIds(event);
            derived.dateText = dateText.format(event.date);
            QStringList haystack{event.title, event.summary};
            for (const SourcePassage &source : event.sources)
                haystack.append(source.exact);
            derived.searchText = haystack.join(u'\n').toCaseFolded();
            m_rowOfEvent.insert(event.id, int(m_derived.size()));
            m_derived.append(derived);
        }
    }
    endResetModel();
}

const Event *EventModel::event(int row) const
{
    if (!m_dataset || row < 0 || row >= m_dataset->events.size())
        return nullptr;
    return &m_dataset->events.at(row);
}

QPair<QDate, QDate> EventModel::dateSpan(const QAbstractItemModel *model)
{
    QDate first;
    QDate last;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        const QDate start = index.data(StartDateRole).toDate();
        const QDate end = index.data(EndDateRole).toDate();
        if (start.isValid() && (!first.isValid() || start < first))
            first = start;
        if (end.isValid() && (!last.isValid() || end > last))
            last = end;
    }
    return {first, last};
}

QModelIndex EventModel::indexOfEvent(const QString &eventId, int column) const
{
    const auto it = m_rowOfEvent.constFind(eventId);
    return it == m_rowOfEvent.cend() ? QModelIndex() : index(*it, column);
}

int EventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_dataset ? 0 : int(m_dataset->events.size());
}

int EventModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Event &e = m_dataset->events.at(index.row());
    const Derived &derived = m_derived.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DateColumn: return derived.dateText;
        case TitleColumn: return e.title;
        case KindColumn: return e.kind;
        case StatusColumn: return EventDateText().statusName(e.status);
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
    case ParticipantIdsRole: return derived.participantIds;
    case SideIdsRole: return derived.sideIds;
    case SourceCountRole: return int(e.sources.size());
    case ArticleIdsRole: return derived.articleIds;
    case ArticleCountRole: return int(derived.articleIds.size());
    case HasDisagreementRole: return !e.disagreements.isEmpty();
    case DateTextRole: return derived.dateText;
    case SearchTextRole: return derived.searchText;
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
