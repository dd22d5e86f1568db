#include "citedarticlesmodel.h"

#include "articlemodel.h"

namespace ntl {

CitedArticlesModel::CitedArticlesModel(QObject *parent)
    : QSortFilterProxyModel(parent) {}

void CitedArticlesModel::setCitedIds(const QSet<QString> &ids) {
    if (m_filtering && ids == m_ids)
        return;
    m_filtering = true;
    m_ids = ids;
    invalidateFilter();
}

bool CitedArticlesModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    if (!m_filtering)
        return true;
    const QModelIndex index =
        sourceModel()->index(sourceRow, ArticleModel::TitleColumn, sourceParent);
    return m_ids.contains(index.data(ArticleModel::ArticleIdRole).toString());
}

} // namespace ntl
