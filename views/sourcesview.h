#pragma once

#include "passagehighlights.h"

#include <QBitArray>
#include <QHash>
#include <QSet>
#include <QWidget>

#include <memory>

class QAction;
class QItemSelectionModel;
class QToolBar;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QTableView;

namespace ntl {

class ArticleModel;
class CitedArticlesModel;
struct Dataset;
struct Event;
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
    // Shows this article's text (selecting it in the article list when listed).
    // Returns false if the dataset has no such article.
    bool showArticle(const QString &articleId);

    QTableView *articleList() const;
    QPlainTextEdit *textView() const;
    // The passages of the shown article, in text order, each naming its event.
    QListWidget *passageList() const;

    // Authoring: `actions` go on a bar above the article text and on its context menu.
    void addTextActions(const QList<QAction *> &actions);
    // The passage list's current entry (a passage of the shown article), if any.
    bool currentPassage(QString *eventId, int *sourceIndex) const;

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // A cited passage of a shown event inside the shown article.
    struct Passage {
        QString eventId;
        int sourceIndex = 0;
        int start = 0;
        int end = 0;
    };

    // A passage of the dataset: an event (source row) and the index of its source.
    struct CitedPassage {
        int row = 0;
        int sourceIndex = 0;
    };

    const Event *eventById(const QString &eventId) const;
    QString currentEventId() const;
    // Refreshes now when shown; a hidden view (another tab) catches up when it is shown.
    void refresh();
    void refreshNow();
    QList<CitedPassage> citedPassages(const QString &articleId) const;
    QBitArray shownRows() const;
    void refreshCitedArticles(const QBitArray &shown);
    // `inserted`: the events added since the last refresh, when nothing else changed: their
    // passages are put into the list instead of rebuilding it.
    void setArticle(const QString &articleId, const QStringList *inserted = nullptr);
    // After events were only added: their articles join the cited ones and their passages
    // the list, without a pass over every event. False when that cannot be done (an event
    // the filter hides may have made an article cited): then a full refresh.
    bool refreshInsertions();
    void insertPassages(const QStringList &eventIds);
    void syncArticleSelection();
    void rebuildPassages();
    void updateHighlights();
    int passageOf(const QString &eventId, int sourceIndex = -1) const;
    void selectPassageItem(int passage);
    void currentEventChanged();
    void followCurrentEvent();
    void activatePassage(int passage, bool scroll);
    void selectEvent(const QString &eventId);
    void scrollToRange(int start, int end, bool select);
    bool activatePassageAt(const QPoint &viewportPos);
    QList<int> passagesAt(const QPoint &viewportPos) const;
    void showTextMenu(const QPoint &viewportPos);
    // Event edits arrive as several model signals: one refresh after them all.
    void scheduleRefresh();
    // A change other than added events: the next refresh goes through every event.
    void scheduleFullRefresh();

    EventModel *m_events;
    EventFilterModel *m_filter;
    QItemSelectionModel *m_selection;
    ArticleModel *m_articles;
    CitedArticlesModel *m_cited;
    QTableView *m_table;
    QLabel *m_heading;
    QPlainTextEdit *m_text;
    QListWidget *m_passages;
    QToolBar *m_textBar = nullptr;
    QList<QAction *> m_textActions;
    bool m_refreshScheduled = false;
    QStringList m_insertedIds; // events added since the last refresh (scheduleRefresh)
    bool m_fullRefresh = true; // something else changed too

    std::shared_ptr<const Dataset> m_textDataset; // the dataset the shown text comes from
    QString m_articleId;
    QString m_lastEventId;
    QSet<QString> m_citedIds;
    bool m_refreshPending = false;
    bool m_eventChangePending = false;
    QList<Passage> m_shown; // in text order
    PassageHighlights m_highlights; // m_shown's, in the same order
    // Set while this view changes the shared selection, so it does not react to itself.
    bool m_selecting = false;
    // Set while the passage list is refilled or synced, so that is no user choice.
    bool m_syncingList = false;
    bool m_syncingTable = false;
};

} // namespace ntl
