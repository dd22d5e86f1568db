#include "articlemodel.h"

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
    m_counts.clear();
    if (m_dataset) {
        QHash<QString, int> rowOfArticle;
        for (const Article &article : m_dataset->articles) {
            rowOfArticle.insert(article.id, int(m_counts.size()));
            m_counts.append(Counts());
        }
        for (const Event &event : m_dataset->events) {
            for (const SourcePassage &source : event.sources) {
                const int row = rowOfArticle.value(source.articleId, -1);
                if (row >= 0)
                    ++m_counts[row].passages;
            }
            for (const QString &articleId : Dataset::eventArticleIds(event)) {
                const int row = rowOfArticle.value(articleId, -1);
                if (row >= 0)
                    ++m_counts[row].events;
            }
        }
    }
    endResetModel();
}

const Article *ArticleModel::article(int row) const
{
    if (!m_dataset || row < 0 || row >= m_dataset->articles.size())
        return nullptr;
    return &m_dataset->articles.at(row);
}

QModelIndex ArticleModel::indexOfArticle(const QString &articleId, int column) const
{
    if (!m_dataset)
        return {};
    const Article *found = m_dataset->article(articleId);
    return found ? index(int(found - m_dataset->articles.constData()), column) : QModelIndex();
}

int ArticleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_dataset ? 0 : int(m_dataset->articles.size());
}

int ArticleModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ArticleModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Article &a = m_dataset->articles.at(index.row());
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
