#pragma once

#include "dataset.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>

#include <memory>

namespace ntl {

class Document;

// One row per article, with how many passages and events cite it. On a Document it follows
// the edits: an event's edit updates the counts of the articles it cites (dataChanged for
// those rows and roles), articles added or removed are rows inserted or removed.
class ArticleModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TitleColumn, PublisherColumn, PublishedColumn, PassagesColumn, EventsColumn, ColumnCount };

    enum Role {
        ArticleIdRole = Qt::UserRole + 1, // QString
        TitleRole,                        // QString
        PublisherRole,                    // QString, empty when unknown
        PublishedRole,                    // QDate
        PublishedInferredRole,            // bool, the date was inferred, not stated
        UrlRole,                          // QString, empty when unknown
        PassageCountRole,                 // int, source passages citing the article
        EventCountRole,                   // int, events citing the article
        TextRole,                         // QString, the full article text
    };
    Q_ENUM(Role)

    explicit ArticleModel(QObject *parent = nullptr);

    // Shows `dataset` as it is (a reset).
    void setDataset(std::shared_ptr<const Dataset> dataset);
    // Shows the document's dataset and follows its edits without resets.
    void setDocument(Document *document);
    const Article *article(int row) const;
    QModelIndex indexOfArticle(const QString &articleId, int column = 0) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Counts {
        int passages = 0;
        int events = 0;
    };

    // Rows whose counts an edit touched, with their counts before it.
    using Touched = QHash<int, Counts>;

    void onEventsChanged(const QStringList &eventIds);
    void onEventInserted(const QString &eventId, int row);
    void onEventRemoved(const QString &eventId, int row);
    // A batch (an import, its undo): every event accounted, the rows told once.
    void onEventsInserted(int first, int count);
    void onEventsRemoved(int first, const QStringList &eventIds);
    void onArticlesChanged();
    int rowOfArticle(const QString &articleId) const;
    void account(const Event &event, int sign, Touched &touched);
    void emitTouched(const Touched &touched);
    QVariantList rowValues(int row) const;
    static QList<int> valueRoles();

    std::shared_ptr<const Dataset> m_dataset;
    // The rows' articles: the dataset's list, except in the middle of following an edit.
    QList<Article> m_articles;
    QList<Counts> m_counts;
    QPointer<Document> m_document;
};

} // namespace ntl
