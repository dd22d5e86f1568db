#include "sourcesview.h"
// Stub: being implemented.
namespace ntl {
SourcesView::SourcesView(EventModel *, EventFilterModel *, QItemSelectionModel *, ArticleModel *, QWidget *parent) : QWidget(parent) {}
bool SourcesView::showPassage(const QString &, int) { return false; }
QString SourcesView::currentArticleId() const { return {}; }
QTableView *SourcesView::articleList() const { return nullptr; }
QPlainTextEdit *SourcesView::textView() const { return nullptr; }
}
