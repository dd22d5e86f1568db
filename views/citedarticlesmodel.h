#pragma once

#include <QSet>
#include <QSortFilterProxyModel>
#include <QString>

namespace ntl {

// The articles (an ArticleModel's rows) that the shown events cite, for the Sources view's
// table. A set of ids looked up per row: a regular expression of thousands of alternatives,
// as before, was compiled (pcre2_jit_compile) on every filter change and matched per row.
class CitedArticlesModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit CitedArticlesModel(QObject *parent = nullptr);

    // Refilters only when the set differs. Until first set, every article passes.
    void setCitedIds(const QSet<QString> &ids);
    QSet<QString> citedIds() const { return m_ids; }
    bool isFiltering() const { return m_filtering; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QSet<QString> m_ids;
    bool m_filtering = false;
};

} // namespace ntl
