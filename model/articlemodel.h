#pragma once

#include "dataset.h"

#include <QAbstractTableModel>

#include <memory>

namespace ntl {

// One row per article, with how many passages and events cite it.
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

    void setDataset(std::shared_ptr<const Dataset> dataset);
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

    std::shared_ptr<const Dataset> m_dataset;
    QList<Counts> m_counts;
};

} // namespace ntl
