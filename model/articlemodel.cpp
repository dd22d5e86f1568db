#include "articlemodel.h"

#include "document.h"
#include "itemdiff.h"

#include <QLocale>

namespace ntl {

ArticleModel::ArticleModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ArticleModel::setDataset(std::shared_ptr<const Dataset> dataset)
{
    beginResetModel();
    m_dataset = std::move(dataset);
    m_articles.clear();
    m_counts.clear();
    if (m_dataset) {
        m_articles = m_dataset->articles;
        m_counts.resize(m_articles.size());
        Touched ignored;
        for (const Event &event : m_dataset->events)
            account(event, 1, ignored);
    }
    endResetModel();
}

void ArticleModel::setDocument(Document *document) {
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
    connect(document, &Document::eventInserted, this, &ArticleModel::onEventInserted);
    connect(document, &Document::eventRemoved, this, &ArticleModel::onEventRemoved);
    connect(document, &Document::eventsInserted, this, &ArticleModel::onEventsInserted);
    connect(document, &Document::eventsRemoved, this, &ArticleModel::onEventsRemoved);
    connect(document, &Document::articlesChanged, this, &ArticleModel::onArticlesChanged);
    // Sides and actors are no part of an article's row; the snapshot is kept current.
    const auto keepSnapshot = [this] {
        m_dataset = m_document->snapshot();
    };
    connect(document, &Document::sidesChanged, this, keepSnapshot);
    connect(document, &Document::actorsChanged, this, keepSnapshot);
    connect(document, &QObject::destroyed, this, [this] { setDataset(nullptr); });
    setDataset(document->snapshot());
}

int ArticleModel::rowOfArticle(const QString &articleId) const {
    // The dataset's lookup points into its list, which m_articles shares between edits.
    const Article *found = m_dataset ? m_dataset->article(articleId) : nullptr;
    return found ? int(found - m_dataset->articles.constData()) : -1;
}

void ArticleModel::account(const Event &event, int sign, Touched &touched) {
    const auto touch = [&](int row) -> Counts & {
        if (!touched.contains(row))
            touched.insert(row, m_counts.at(row));
        return m_counts[row];
    };
    for (const SourcePassage &source : event.sources) {
        const int row = rowOfArticle(source.articleId);
        if (row >= 0)
            touch(row).passages += sign;
    }
    for (const QString &articleId : Dataset::eventArticleIds(event)) {
        const int row = rowOfArticle(articleId);
        if (row >= 0)
            touch(row).events += sign;
    }
}

void ArticleModel::emitTouched(const Touched &touched) {
    QList<int> rows = touched.keys();
    std::sort(rows.begin(), rows.end());
    for (const int row : std::as_const(rows)) {
        const Counts &before = touched.value(row);
        const Counts &after = m_counts.at(row);
        QList<int> roles;
        int lastColumn = 0;
        if (before.passages != after.passages) {
            roles.append(PassageCountRole);
            lastColumn = PassagesColumn;
        }
        if (before.events != after.events) {
            roles.append(EventCountRole);
            lastColumn = EventsColumn;
        }
        if (roles.isEmpty())
            continue;
        roles.append(Qt::DisplayRole);
        emit dataChanged(index(row, 0), index(row, lastColumn), roles);
    }
}

void ArticleModel::onEventsChanged(const QStringList &eventIds) {
    const std::shared_ptr<const Dataset> next = m_document->snapshot();
    Touched touched;
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
        account(m_dataset->events.at(row), -1, touched);
    }
    m_dataset = next;
    for (const int row : std::as_const(rows))
        account(m_dataset->events.at(row), 1, touched);
    emitTouched(touched);
}

void ArticleModel::onEventInserted(const QString &eventId, int row) {
    Q_UNUSED(eventId)
    m_dataset = m_document->snapshot();
    Touched touched;
    account(m_dataset->events.at(row), 1, touched);
    emitTouched(touched);
}

void ArticleModel::onEventRemoved(const QString &eventId, int row) {
    const std::shared_ptr<const Dataset> next = m_document->snapshot();
    if (!m_dataset || row >= m_dataset->events.size() || m_dataset->events.at(row).id != eventId) {
        setDataset(next);
        return;
    }
    Touched touched;
    account(m_dataset->events.at(row), -1, touched);
    m_dataset = next;
    emitTouched(touched);
}

void ArticleModel::onEventsInserted(int first, int count) {
    m_dataset = m_document->snapshot();
    Touched touched;
    for (int row = first; row < first + count; ++row)
        account(m_dataset->events.at(row), 1, touched);
    emitTouched(touched);
}

void ArticleModel::onEventsRemoved(int first, const QStringList &eventIds) {
    const std::shared_ptr<const Dataset> next = m_document->snapshot();
    if (!m_dataset || !m_dataset->holdsEventsAt(first, eventIds)) {
        setDataset(next); // not what this model showed: start over
        return;
    }
    const qsizetype end = first + eventIds.size();
    Touched touched;
    for (qsizetype row = first; row < end; ++row)
        account(m_dataset->events.at(row), -1, touched);
    m_dataset = next;
    emitTouched(touched);
}

QList<int> ArticleModel::valueRoles() {
    return {ArticleIdRole, TitleRole,        PublisherRole,  PublishedRole, PublishedInferredRole,
            UrlRole,       PassageCountRole, EventCountRole, TextRole};
}

QVariantList ArticleModel::rowValues(int row) const {
    QVariantList values;
    for (int column = 0; column < ColumnCount; ++column)
        values.append(index(row, column).data(Qt::DisplayRole));
    for (const int role : valueRoles())
        values.append(index(row, 0).data(role));
    return values;
}

void ArticleModel::onArticlesChanged() {
    const std::shared_ptr<const Dataset> next = m_document->snapshot();
    if (!m_dataset) {
        setDataset(next);
        return;
    }
    const ItemDiff diff = ItemDiff::of(m_dataset->articles, next->articles,
                                       [](const Article &, const Article &) { return true; });
    if (diff.reordered) {
        setDataset(next);
        return;
    }
    QList<QVariantList> before;
    for (int row = 0; row < m_articles.size(); ++row)
        before.append(rowValues(row));
    for (const int row : diff.removed) {
        beginRemoveRows(QModelIndex(), row, row);
        m_articles.removeAt(row);
        m_counts.removeAt(row);
        before.removeAt(row);
        endRemoveRows();
    }
    QList<Article> kept;
    kept.reserve(m_articles.size());
    for (int row = 0, insert = 0; row < next->articles.size(); ++row) {
        if (insert < diff.inserted.size() && diff.inserted.at(insert) == row)
            ++insert;
        else
            kept.append(next->articles.at(row));
    }
    m_articles = kept;
    m_dataset = next;
    // A new article is normally cited by nothing yet; count its citations in one pass if any.
    QHash<QString, Counts> added;
    for (const int row : diff.inserted)
        added.insert(next->articles.at(row).id, Counts());
    if (!added.isEmpty()) {
        for (const Event &event : next->events) {
            for (const SourcePassage &source : event.sources) {
                const auto it = added.find(source.articleId);
                if (it != added.end())
                    ++it->passages;
            }
            for (const QString &articleId : Dataset::eventArticleIds(event)) {
                const auto it = added.find(articleId);
                if (it != added.end())
                    ++it->events;
            }
        }
    }
    for (const int row : diff.inserted) {
        beginInsertRows(QModelIndex(), row, row);
        const Article &article = next->articles.at(row);
        m_articles.insert(row, article);
        m_counts.insert(row, added.value(article.id));
        before.insert(row, QVariantList());
        endInsertRows();
    }
    m_articles = next->articles; // shared again
    const QList<int> roles = valueRoles();
    for (int row = 0; row < m_articles.size(); ++row) {
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

const Article *ArticleModel::article(int row) const
{
    if (row < 0 || row >= m_articles.size())
        return nullptr;
    return &m_articles.at(row);
}

QModelIndex ArticleModel::indexOfArticle(const QString &articleId, int column) const
{
    const int row = rowOfArticle(articleId);
    return row >= 0 && row < m_articles.size() ? index(row, column) : QModelIndex();
}

int ArticleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_articles.size());
}

int ArticleModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ArticleModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Article &a = m_articles.at(index.row());
    const Counts &counts = m_counts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn: return a.title;
        case PublisherColumn: return a.publisher.isEmpty() ? tr("unknown") : a.publisher;
        case PublishedColumn: {
            const QString date = QLocale().toString(a.published, QStringLiteral("d MMM yyyy"));
            return a.publishedInferred ? tr("%1 (inferred)").arg(date) : date;
        }
        case PassagesColumn: return counts.passages;
        case EventsColumn: return counts.events;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == PassagesColumn || index.column() == EventsColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case ArticleIdRole: return a.id;
    case TitleRole: return a.title;
    case PublisherRole: return a.publisher;
    case PublishedRole: return a.published;
    case PublishedInferredRole: return a.publishedInferred;
    case UrlRole: return a.url;
    case PassageCountRole: return counts.passages;
    case EventCountRole: return counts.events;
    case TextRole: return a.text;
    }
    return {};
}

QVariant ArticleModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TitleColumn: return tr("Article");
    case PublisherColumn: return tr("Publisher");
    case PublishedColumn: return tr("Published");
    case PassagesColumn: return tr("Passages");
    case EventsColumn: return tr("Events");
    }
    return {};
}

QHash<int, QByteArray> ArticleModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names[ArticleIdRole] = "articleId";
    names[TitleRole] = "title";
    names[PublisherRole] = "publisher";
    names[PublishedRole] = "published";
    names[PublishedInferredRole] = "publishedInferred";
    names[UrlRole] = "url";
    names[PassageCountRole] = "passageCount";
    names[EventCountRole] = "eventCount";
    names[TextRole] = "text";
    return names;
}

} // namespace ntl
