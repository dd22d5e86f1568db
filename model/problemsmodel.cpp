#include "problemsmodel.h"

#include "datasetvalidator.h"
#include "diagnostictext.h"
#include "document.h"
#include "itemdiff.h"

#include <algorithm>

namespace ntl {

namespace {

const char *listName(int list) {
    static const char *const names[] = {nullptr, "sides", "articles", "actors", "events"};
    return names[list];
}

// Whether an edit changed the item: the side, actor or article lists say only that they did.
bool same(const Side &a, const Side &b) {
    return a.id == b.id && a.name == b.name && a.color == b.color;
}
bool same(const Actor &a, const Actor &b) {
    return a.id == b.id && a.name == b.name && a.kind == b.kind && a.sideId == b.sideId &&
           a.affiliationId == b.affiliationId && a.title == b.title;
}
bool same(const Article &a, const Article &b) {
    return a.id == b.id && a.title == b.title && a.publisher == b.publisher && a.url == b.url &&
           a.published == b.published && a.publishedInferred == b.publishedInferred &&
           a.textFile == b.textFile && a.textSha256 == b.textSha256 && a.text == b.text;
}

} // namespace

bool ProblemsModel::Problem::operator==(const Problem &other) const {
    return diagnostic.severity == other.diagnostic.severity &&
           diagnostic.message == other.diagnostic.message &&
           diagnostic.line == other.diagnostic.line &&
           diagnostic.column == other.diagnostic.column && list == other.list &&
           item == other.item && within == other.within && fromFile == other.fromFile;
}

ProblemsModel::ProblemsModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void ProblemsModel::setDocument(Document *document) {
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (document) {
        connect(document, &Document::datasetReset, this, &ProblemsModel::reload);
        connect(document, &Document::eventsChanged, this,
                [this](const QStringList &ids) { onEventsChanged(ids); });
        connect(document, &Document::eventInserted, this, &ProblemsModel::onEventInserted);
        connect(document, &Document::eventRemoved, this, &ProblemsModel::onEventRemoved);
        // A batch, event by event: its per-event rechecks are cheap (only the dataset-wide
        // models paid per event), and in this order each row is the one the snapshot holds.
        connect(document, &Document::eventsInserted, this, [this](int first, int count) {
            for (int row = first; row < first + count; ++row)
                onEventInserted(m_document->dataset().events.at(row).id, row);
        });
        connect(document, &Document::eventsRemoved, this,
                [this](int first, const QStringList &ids) {
                    for (qsizetype i = ids.size() - 1; i >= 0; --i)
                        onEventRemoved(ids.at(i), first + int(i));
                });
        connect(document, &Document::sidesChanged, this, [this] { onPartChanged(List::Sides); });
        connect(document, &Document::actorsChanged, this, [this] { onPartChanged(List::Actors); });
        connect(document, &Document::articlesChanged, this,
                [this] { onPartChanged(List::Articles); });
        connect(document, &QObject::destroyed, this, &ProblemsModel::reload);
    }
    reload();
}

Document *ProblemsModel::document() const {
    return m_document.data();
}

void ProblemsModel::reload() {
    beginResetModel();
    m_rows.clear();
    m_removedNotes.clear();
    m_dataset = m_document ? m_document->snapshot() : nullptr;
    if (m_document) {
        // Set on a document already edited, the reading's list may be out of date and which
        // items changed is not known: the rules over the whole dataset say what holds now.
        const bool edited = m_document->undoStack()->count() > 0;
        const Diagnostics diagnostics =
            edited ? DatasetValidator::validate(*m_dataset) : m_document->diagnostics();
        for (Diagnostic diagnostic : diagnostics) {
            if (edited)
                diagnostic.file = m_document->filePath();
            Problem problem = located(diagnostic);
            problem.fromFile = !edited;
            m_rows.append(problem);
        }
        // The reader reports in file order, nearly: make it exactly the order rowsOf() needs.
        std::stable_sort(m_rows.begin(), m_rows.end(), [](const Problem &a, const Problem &b) {
            return std::pair(a.list, a.item) < std::pair(b.list, b.item);
        });
    }
    endResetModel();
    countWarnings();
}

ProblemsModel::Problem ProblemsModel::located(const Diagnostic &diagnostic) {
    Problem problem;
    problem.diagnostic = diagnostic;
    const QString &path = diagnostic.jsonPath;
    // "/events/12/sources/0" → the events, item 12, "/sources/0".
    const qsizetype second = path.indexOf(u'/', 1);
    if (!path.startsWith(u'/') || second < 0)
        return problem;
    const qsizetype third = path.indexOf(u'/', second + 1);
    bool ok = false;
    const int item =
        QStringView(path).mid(second + 1, third < 0 ? -1 : third - second - 1).toInt(&ok);
    if (!ok || item < 0)
        return problem;
    const QStringView name = QStringView(path).mid(1, second - 1);
    for (int list = int(List::Sides); list <= int(List::Events); ++list) {
        if (name == QLatin1String(listName(list))) {
            problem.list = List(list);
            problem.item = item;
            problem.within = third < 0 ? QString() : path.mid(third);
            break;
        }
    }
    return problem;
}

QString ProblemsModel::pathOf(const Problem &problem) const {
    if (problem.list == List::None)
        return problem.diagnostic.jsonPath;
    return u'/' + QLatin1String(listName(int(problem.list))) + u'/' +
           QString::number(problem.item) + problem.within;
}

Diagnostics ProblemsModel::check(const Dataset &dataset, List list, int item) {
    switch (list) {
    case List::Sides:
        return DatasetValidator::checkSide(dataset, item);
    case List::Articles:
        return DatasetValidator::checkArticle(dataset, item);
    case List::Actors:
        return DatasetValidator::checkActor(dataset, item);
    case List::Events: {
        // The commands refuse a second event with an id: no pass over 100,000 for one.
        static const QMultiHash<QString, qsizetype> noOtherIds;
        return DatasetValidator::checkEvent(dataset, dataset.events.at(item), item, &noOtherIds);
    }
    case List::None:
        break;
    }
    return {};
}

std::pair<int, int> ProblemsModel::rowsOf(List list, int item) const {
    const auto key = std::pair(list, item);
    const auto less = [](const Problem &problem, const std::pair<List, int> &k) {
        return std::pair(problem.list, problem.item) < k;
    };
    const auto first = std::lower_bound(m_rows.cbegin(), m_rows.cend(), key, less);
    auto last = first;
    while (last != m_rows.cend() && last->list == list && last->item == item)
        ++last;
    return {int(first - m_rows.cbegin()), int(last - m_rows.cbegin())};
}

void ProblemsModel::replaceRows(List list, int item, const QList<Problem> &wanted) {
    const auto [first, last] = rowsOf(list, item);
    const int had = last - first;
    const int kept = std::min<int>(had, int(wanted.size()));
    // Each kept row changes, if only its words: the edited item's name may be in them.
    for (int i = 0; i < kept; ++i)
        m_rows[first + i] = wanted.at(i);
    if (kept > 0)
        emit dataChanged(index(first, 0), index(first + kept - 1, ColumnCount - 1));
    if (had > kept) {
        beginRemoveRows(QModelIndex(), first + kept, last - 1);
        m_rows.remove(first + kept, had - kept);
        endRemoveRows();
    } else if (int(wanted.size()) > kept) {
        beginInsertRows(QModelIndex(), first + kept, first + int(wanted.size()) - 1);
        for (int i = kept; i < wanted.size(); ++i)
            m_rows.insert(first + i, wanted.at(i));
        endInsertRows();
    }
}

QList<ProblemsModel::Problem> ProblemsModel::readersOwn(List list, const Dataset *before,
                                                        int itemBefore, int item) const {
    // What the rules said of the item before the edit: the rows from reading that say the
    // same are the rules' (they go, or come back from the check now); the others are the
    // reader's own (an unknown field) and stay, without their file position.
    QList<Problem> said;
    if (before) {
        for (const Diagnostic &diagnostic : check(*before, list, itemBefore))
            said.append(located(diagnostic));
    }
    QList<Problem> own;
    const auto [first, last] = rowsOf(list, item);
    for (int row = first; row < last; ++row) {
        const Problem &problem = m_rows.at(row);
        if (!problem.fromFile)
            continue;
        const bool rules = std::any_of(said.cbegin(), said.cend(), [&](const Problem &p) {
            return p.diagnostic.severity == problem.diagnostic.severity &&
                   p.diagnostic.message == problem.diagnostic.message && p.within == problem.within;
        });
        if (rules)
            continue;
        Problem stays = problem;
        stays.diagnostic.line = stays.diagnostic.column = 0;
        own.append(stays);
    }
    return own;
}

void ProblemsModel::recheck(List list, const Dataset *before, int itemBefore, const Dataset &after,
                            int item, const QList<Problem> &restored) {
    QList<Problem> wanted = restored;
    if (before)
        wanted += readersOwn(list, before, itemBefore, item);
    for (Problem &problem : wanted)
        problem.item = item;
    for (const Diagnostic &diagnostic : check(after, list, item)) {
        Problem found = located(diagnostic);
        found.diagnostic.file = m_document->filePath();
        found.list = list; // the rules name the item checked, at `item`
        found.item = item;
        wanted.append(found);
    }
    replaceRows(list, item, wanted);
}

void ProblemsModel::shiftItems(List list, int from, int by) {
    // Ordered rows stay ordered: every item from `from` on moves by the same amount.
    for (Problem &problem : m_rows) {
        if (problem.list == list && problem.item >= from)
            problem.item += by;
    }
}

void ProblemsModel::removeItemRows(List list, int item) {
    const auto [first, last] = rowsOf(list, item);
    if (first == last)
        return;
    beginRemoveRows(QModelIndex(), first, last - 1);
    m_rows.remove(first, last - first);
    endRemoveRows();
}

void ProblemsModel::onEventsChanged(const QStringList &eventIds) {
    const std::shared_ptr<const Dataset> before = m_dataset;
    m_dataset = m_document->snapshot();
    for (const QString &id : eventIds) {
        const int row = m_document->eventRow(id);
        if (row < 0)
            continue;
        // An edit keeps every event's row.
        const bool known = before && row < before->events.size() && before->events.at(row).id == id;
        recheck(List::Events, known ? before.get() : nullptr, row, *m_dataset, row);
    }
    countWarnings();
}

void ProblemsModel::onEventInserted(const QString &eventId, int row) {
    m_dataset = m_document->snapshot();
    shiftItems(List::Events, row, 1);
    // Rows after it now name their events' new places.
    const int first = rowsOf(List::Events, row + 1).first;
    if (first < m_rows.size())
        emit dataChanged(index(first, 0), index(int(m_rows.size()) - 1, ColumnCount - 1),
                         {Qt::DisplayRole, MessageRole, JsonPathRole, TechnicalRole});
    // An event back by an undo brings back the reader's notes on it.
    recheck(List::Events, nullptr, -1, *m_dataset, row, m_removedNotes.take(eventId));
    countWarnings();
}

void ProblemsModel::onEventRemoved(const QString &eventId, int row) {
    const std::shared_ptr<const Dataset> before = m_dataset;
    m_dataset = m_document->snapshot();
    if (before && row < before->events.size() && before->events.at(row).id == eventId) {
        const QList<Problem> notes = readersOwn(List::Events, before.get(), row, row);
        if (!notes.isEmpty())
            m_removedNotes.insert(eventId, notes);
    }
    removeItemRows(List::Events, row);
    shiftItems(List::Events, row + 1, -1);
    const int first = rowsOf(List::Events, row).first;
    if (first < m_rows.size())
        emit dataChanged(index(first, 0), index(int(m_rows.size()) - 1, ColumnCount - 1),
                         {Qt::DisplayRole, MessageRole, JsonPathRole, TechnicalRole});
    countWarnings();
}

void ProblemsModel::onPartChanged(List list) {
    const std::shared_ptr<const Dataset> before = m_dataset;
    m_dataset = m_document->snapshot();
    if (!before)
        return reload();
    ItemDiff diff;
    switch (list) {
    case List::Sides:
        diff = ItemDiff::of(before->sides, m_dataset->sides,
                            [](const Side &a, const Side &b) { return same(a, b); });
        break;
    case List::Actors:
        diff = ItemDiff::of(before->actors, m_dataset->actors,
                            [](const Actor &a, const Actor &b) { return same(a, b); });
        break;
    case List::Articles:
        diff = ItemDiff::of(before->articles, m_dataset->articles,
                            [](const Article &a, const Article &b) { return same(a, b); });
        break;
    default:
        return;
    }
    if (diff.reordered)
        return reload();
    // Old rows first (descending, so each index is still the old one), then the new ones
    // (ascending): each step leaves the items' places as the list has them at that point.
    for (const int item : std::as_const(diff.removed)) {
        removeItemRows(list, item);
        shiftItems(list, item + 1, -1);
    }
    for (const int item : std::as_const(diff.inserted)) {
        shiftItems(list, item, 1);
        recheck(list, nullptr, -1, *m_dataset, item);
    }
    // Changed items: their place before is found by id (the rows were kept in order).
    for (const int item : std::as_const(diff.changed)) {
        const QString &id = list == List::Sides    ? m_dataset->sides.at(item).id
                            : list == List::Actors ? m_dataset->actors.at(item).id
                                                   : m_dataset->articles.at(item).id;
        int itemBefore = -1;
        if (list == List::Sides) {
            itemBefore = before->sideIndex(id);
        } else if (list == List::Actors) {
            const Actor *actor = before->actor(id);
            itemBefore = actor ? int(actor - before->actors.constData()) : -1;
        } else {
            const Article *article = before->article(id);
            itemBefore = article ? int(article - before->articles.constData()) : -1;
        }
        recheck(list, itemBefore >= 0 ? before.get() : nullptr, itemBefore, *m_dataset, item);
    }
    if (!diff.removed.isEmpty() || !diff.inserted.isEmpty()) {
        const int first = rowsOf(list, 0).first;
        const int last = rowsOf(List(int(list) + 1), 0).first;
        if (first < last)
            emit dataChanged(index(first, 0), index(last - 1, ColumnCount - 1),
                             {Qt::DisplayRole, MessageRole, JsonPathRole, TechnicalRole});
    }
    countWarnings();
}

void ProblemsModel::countWarnings() {
    const int count = int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Problem &p) {
        return p.diagnostic.severity == Diagnostic::Severity::Warning;
    }));
    if (count == m_warningCount)
        return;
    m_warningCount = count;
    emit warningCountChanged(count);
}

QModelIndex ProblemsModel::indexOfEvent(const QString &eventId) const {
    if (!m_document)
        return {};
    const int row = m_document->eventRow(eventId);
    if (row < 0)
        return {};
    const auto [first, last] = rowsOf(List::Events, row);
    return first < last ? index(first, 0) : QModelIndex();
}

int ProblemsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProblemsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProblemsModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Problem &problem = m_rows.at(index.row());
    const Diagnostic &found = problem.diagnostic;
    const auto inWords = [&] {
        // The place in words ("Event “Talks”, source passage 1") where it is now; the file
        // position has a column of its own.
        Diagnostic now = found;
        now.jsonPath = pathOf(problem);
        now.line = now.column = 0;
        return DiagnosticText::plain(now, m_dataset.get());
    };
    const auto lineColumn = [&] {
        return found.line > 0 ? QStringLiteral("%1:%2").arg(found.line).arg(found.column)
                              : QString();
    };
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == LocationColumn) {
            const QString position = lineColumn();
            return position.isEmpty() ? pathOf(problem) : position;
        }
        return inWords();
    case Qt::ToolTipRole: {
        Diagnostic now = found;
        now.jsonPath = pathOf(problem);
        return now.toString();
    }
    case SeverityRole:
        return int(found.severity);
    case MessageRole:
        return inWords();
    case EventIdRole:
        return problem.list == List::Events && m_dataset && problem.item < m_dataset->events.size()
                   ? m_dataset->events.at(problem.item).id
                   : QString();
    case JsonPathRole:
        return pathOf(problem);
    case LineRole:
        return found.line;
    case ColumnRole:
        return found.column;
    case LineColumnRole:
        return lineColumn();
    case TechnicalRole: {
        Diagnostic now = found;
        now.jsonPath = pathOf(problem);
        return now.toString();
    }
    }
    return {};
}

QVariant ProblemsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == MessageColumn ? tr("Problem") : tr("Where");
}

QHash<int, QByteArray> ProblemsModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names[SeverityRole] = "severity";
    names[MessageRole] = "message";
    names[EventIdRole] = "eventId";
    names[JsonPathRole] = "jsonPath";
    names[LineRole] = "line";
    names[ColumnRole] = "column";
    names[LineColumnRole] = "lineColumn";
    names[TechnicalRole] = "technical";
    return names;
}

} // namespace ntl
