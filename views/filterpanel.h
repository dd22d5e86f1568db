#pragma once

#include "dataset.h"
#include "facetcounts.h"

#include <QDate>
#include <QStringList>
#include <QWidget>

class QCheckBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace ntl {

class EventFilterModel;
class EventModel;
class ModelChangeNotifier;

// Filters for all views: a search field, sides, actors grouped by side, kinds, status,
// articles (each with the number of events it would show under the other filters), a date range, "N
// of M events" and one button to clear everything. Reflects filter changes made elsewhere (e.g. the
// Actors view), and follows every edit of the events (an add, a removal, an import, an undo):
// once per edit, from the event loop, the counts again and, when the values listed changed, the
// lists.
class FilterPanel : public QWidget
{
    Q_OBJECT
public:
    FilterPanel(EventModel *events, EventFilterModel *filter, QWidget *parent = nullptr);

    QLineEdit *searchField() const { return m_search; }
    QTreeWidget *sideList() const { return m_sides; }
    QTreeWidget *actorList() const { return m_actors; }
    QTreeWidget *kindList() const { return m_kinds; }
    QTreeWidget *statusList() const { return m_statuses; }
    QTreeWidget *articleList() const { return m_articles; }
    QCheckBox *fromEnabled() const { return m_fromEnabled; }
    QDateEdit *fromDate() const { return m_from; }
    QCheckBox *toEnabled() const { return m_toEnabled; }
    QDateEdit *toDate() const { return m_to; }
    QPushButton *clearButton() const { return m_clear; }
    QString countText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void populate();
    // The number beside each value: the events it would show under the other filters
    // (EventFilterModel::facetCount); a value at 0 is dimmed.
    void updateFacetCounts();
    void updateCountColumnWidth();
    void applyChecks();
    void syncFromFilter();
    void updateCount();
    // After the edits of one event-loop pass: the counts, and the lists when their values did.
    void followEdits();
    // What the lists show: each value's key and name (an actor's with its side), the kinds and
    // statuses that occur, the dates' span. Equal listings need no new lists.
    struct Listing {
        QStringList sides, actors, kinds, statuses, articles;
        QDate first, last;
        // The snapshot's lists the names were read from (held, so that their data cannot be
        // freed and its address reused): the same data, the same names.
        QList<Side> sidesRead;
        QList<Actor> actorsRead;
        QList<Article> articlesRead;
        bool operator==(const Listing &other) const {
            return sides == other.sides && actors == other.actors && kinds == other.kinds &&
                   statuses == other.statuses && articles == other.articles &&
                   first == other.first && last == other.last;
        }
        bool operator!=(const Listing &other) const { return !(*this == other); }
    };
    Listing listing() const;
    QTreeWidget *addSection(const QString &title, QWidget *container);
    static QSet<QString> checkedKeys(QTreeWidget *tree);
    static void setChecked(QTreeWidget *tree, const QSet<QString> &keys);

    EventModel *m_events;
    EventFilterModel *m_filter;
    QLineEdit *m_search;
    QLabel *m_count;
    QPushButton *m_clear;
    QTreeWidget *m_sides;
    QTreeWidget *m_actors;
    QTreeWidget *m_kinds;
    QTreeWidget *m_statuses;
    QTreeWidget *m_articles;
    QCheckBox *m_fromEnabled;
    QDateEdit *m_from;
    QCheckBox *m_toEnabled;
    QDateEdit *m_to;
    ModelChangeNotifier *m_edits;
    Listing m_listing;
    // Each list's checkable items with their value's number (looked up once per listing) and
    // the count they show: a change of the counts touches only the items whose count changed
    // (at 2,000 articles, reading every item's key and count took 2 ms of each edit).
    struct FacetItem {
        QTreeWidgetItem *item = nullptr;
        QString key;
        int number = -1; // -1: no event has this value yet
        int shown = -2;  // the count shown; -2: none yet
    };
    QList<FacetItem> m_facetItems[FacetCounts::FacetCount];
    bool m_facetItemsBuilt = false;
    bool m_syncing = false;
};

} // namespace ntl
