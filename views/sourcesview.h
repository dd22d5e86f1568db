#pragma once

#include <QWidget>

class QItemSelectionModel;
class QPlainTextEdit;
class QTableView;

namespace ntl {

class ArticleModel;
class EventFilterModel;
class EventModel;

// The Sources view: a list of the articles cited by the shown events, and the
// selected article's text, read-only and plain, with every cited passage of a shown
// event highlighted and the current event's passages emphasised. A list beside the
// text names the event of each passage. Clicking a highlighted passage selects its event.
class SourcesView : public QWidget
{
    Q_OBJECT
public:
    // `selection` is the one selection model over `filter`, shared by all views.
    SourcesView(EventModel *events, EventFilterModel *filter, QItemSelectionModel *selection,
                ArticleModel *articles, QWidget *parent = nullptr);

    // Opens the article of the event's source number `sourceIndex`, selects exactly that
    // passage's text and scrolls it into view. Returns false if there is no such passage.
    bool showPassage(const QString &eventId, int sourceIndex);
    QString currentArticleId() const;

    QTableView *articleList() const;
    QPlainTextEdit *textView() const;
};

} // namespace ntl
