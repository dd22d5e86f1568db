#include "document.h"

#include "commands/addeventcommand.h"
#include "commands/documentcommand.h"
#include "commands/editeventfieldcommand.h"
#include "commands/editparticipantscommand.h"
#include "commands/editpassagescommand.h"
#include "commands/removeeventcommand.h"

#include <QCoreApplication>

namespace ntl {

Document::Document(QObject *parent)
    : QObject(parent)
    , m_dataset(std::make_shared<const Dataset>()) {
    connect(&m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
}

Document::~Document() {
    // The commands point at this document: delete them while it is whole. Nobody hears the
    // stack empty: its listeners may be ending too (the session that owns this document is).
    m_undoStack.disconnect();
    m_undoStack.clear();
}

void Document::load(std::shared_ptr<const Dataset> dataset, const QString &filePath,
                    const Diagnostics &diagnostics) {
    m_undoStack.clear();
    m_dataset = dataset ? std::move(dataset) : std::make_shared<const Dataset>();
    m_diagnostics = diagnostics;
    // The id → row table the first edit needs, built from the snapshot on a worker now
    // (at 100,000 events the first edit after opening built it: docs/performance.md).
    if (m_dataset->events.size() >= 4096)
        m_eventRows.prepare(m_dataset);
    else
        m_eventRows.reset();
    m_lastError.clear();
    setFilePath(filePath);
    m_undoStack.setClean();
    emit datasetReset();
}

void Document::setFilePath(const QString &filePath) {
    if (filePath == m_filePath)
        return;
    m_filePath = filePath;
    setOpenedReadOnly(false); // that was the other file's lock
    emit filePathChanged(filePath);
}

void Document::setOpenedReadOnly(bool readOnly) {
    if (readOnly == m_openedReadOnly)
        return;
    m_openedReadOnly = readOnly;
    emit readOnlyChanged(readOnly);
}

bool Document::isReadOnly() const {
    return m_openedReadOnly || m_filePath.startsWith(QLatin1String(":/")) ||
           m_filePath.startsWith(QLatin1String("qrc:"));
}

bool Document::push(DocumentCommand *command) {
    const QString refusal = command->refusal();
    if (!refusal.isEmpty()) {
        m_lastError = refusal;
        delete command;
        return false;
    }
    m_lastError.clear();
    emit aboutToPush(command);
    m_undoStack.push(command);
    emit pushed();
    return true;
}

bool Document::setEventField(const QString &eventId, EventField field, const QVariant &value) {
    return push(new EditEventFieldCommand(this, eventId, field, value));
}

bool Document::addEvent(const Event &event) {
    return push(new AddEventCommand(this, event));
}

bool Document::removeEvent(const QString &eventId) {
    return push(new RemoveEventCommand(this, eventId));
}

namespace {

// The event's list with one item more or less; false when the event or the index is unknown.
template <typename Item>
bool withItem(const Document &document, const QString &eventId, QList<Item> Event::*member,
              int index, const Item *added, QList<Item> &items) {
    const int row = document.eventRow(eventId);
    if (row < 0)
        return false;
    items = document.dataset().events.at(row).*member;
    if (added) {
        items.insert(index < 0 || index > items.size() ? items.size() : index, *added);
        return true;
    }
    if (index < 0 || index >= items.size())
        return false;
    items.removeAt(index);
    return true;
}

QString noSuchItem(const QString &eventId, int index) {
    return QCoreApplication::translate("ntl::Document",
                                       "event \"%1\" has no item %2, or no such event")
        .arg(eventId)
        .arg(index);
}

} // namespace

bool Document::addPassage(const QString &eventId, const SourcePassage &passage, int index) {
    QList<SourcePassage> items;
    if (!withItem(*this, eventId, &Event::sources, index, &passage, items)) {
        m_lastError = noSuchItem(eventId, index);
        return false;
    }
    return push(new EditPassagesCommand(this, eventId, items, tr("Add Passage")));
}

bool Document::removePassage(const QString &eventId, int index) {
    QList<SourcePassage> items;
    if (!withItem<SourcePassage>(*this, eventId, &Event::sources, index, nullptr, items)) {
        m_lastError = noSuchItem(eventId, index);
        return false;
    }
    return push(new EditPassagesCommand(this, eventId, items, tr("Remove Passage")));
}

bool Document::addParticipant(const QString &eventId, const Participant &participant, int index) {
    QList<Participant> items;
    if (!withItem(*this, eventId, &Event::participants, index, &participant, items)) {
        m_lastError = noSuchItem(eventId, index);
        return false;
    }
    return push(new EditParticipantsCommand(this, eventId, items, tr("Add Participant")));
}

bool Document::removeParticipant(const QString &eventId, int index) {
    QList<Participant> items;
    if (!withItem<Participant>(*this, eventId, &Event::participants, index, nullptr, items)) {
        m_lastError = noSuchItem(eventId, index);
        return false;
    }
    return push(new EditParticipantsCommand(this, eventId, items, tr("Remove Participant")));
}

int Document::eventRow(const QString &eventId, int hint) const {
    const EventList &events = m_dataset->events;
    if (hint >= 0 && hint < events.size() && events.at(hint).id == eventId)
        return hint;
    return m_eventRows.row(events, eventId);
}

std::shared_ptr<Dataset> Document::draft() const {
    // Shallow: the lists are implicitly shared and each event sits in a shared box.
    return std::make_shared<Dataset>(*m_dataset);
}

void Document::replaceEvent(int row, const Event &event, const EventFields &fields) {
    auto next = draft();
    next->events.replace(row, event);
    m_dataset = std::move(next);
    emit eventsChanged({event.id}, fields);
}

void Document::insertEvent(int row, const Event &event) {
    auto next = draft();
    const bool atEnd = row >= next->events.size();
    if (atEnd)
        row = int(next->events.size());
    next->events.insert(row, event);
    m_dataset = std::move(next);
    m_eventRows.inserted(row, event.id);
    emit eventInserted(event.id, row);
}

void Document::removeEventAt(int row) {
    auto next = draft();
    const QString id = next->events.at(row).id;
    next->events.removeAt(row);
    m_dataset = std::move(next);
    m_eventRows.removed(row);
    emit eventRemoved(id, row);
}

void Document::insertEvents(int row, const QList<Event> &events) {
    if (events.isEmpty())
        return;
    auto next = draft();
    if (row < 0 || row > next->events.size())
        row = int(next->events.size());
    for (qsizetype i = 0; i < events.size(); ++i)
        next->events.insert(row + i, events.at(i));
    m_dataset = std::move(next);
    // Past a few, one rebuild of the id table on the next lookup beats a shift per event.
    if (events.size() > 64) {
        m_eventRows.reset();
    } else {
        for (qsizetype i = 0; i < events.size(); ++i)
            m_eventRows.inserted(row + int(i), events.at(i).id);
    }
    emit eventsInserted(row, int(events.size()));
}

void Document::removeEventsAt(int row, int count) {
    if (count <= 0)
        return;
    auto next = draft();
    QStringList ids;
    ids.reserve(count);
    for (int i = 0; i < count; ++i)
        ids.append(next->events.at(row + i).id);
    for (int i = count - 1; i >= 0; --i)
        next->events.removeAt(row + i);
    m_dataset = std::move(next);
    if (count > 64) {
        m_eventRows.reset();
    } else {
        for (int i = count - 1; i >= 0; --i)
            m_eventRows.removed(row + i);
    }
    emit eventsRemoved(row, ids);
}

void Document::replaceEvents(const QHash<QString, Event> &events, const EventFields &fields) {
    auto next = draft();
    QStringList ids;
    for (auto it = events.cbegin(); it != events.cend(); ++it) {
        const int row = eventRow(it.key());
        if (row < 0)
            continue;
        next->events.replace(row, it.value());
        ids.append(it.key());
    }
    m_dataset = std::move(next);
    if (!ids.isEmpty())
        emit eventsChanged(ids, fields);
}

void Document::changePart(Part part, const std::function<void(Dataset &)> &change) {
    auto next = draft();
    change(*next);
    next->reindex();
    m_dataset = std::move(next);
    switch (part) {
    case Part::Sides:
        emit sidesChanged();
        break;
    case Part::Actors:
        emit actorsChanged();
        break;
    case Part::Articles:
        emit articlesChanged();
        break;
    }
}

} // namespace ntl
