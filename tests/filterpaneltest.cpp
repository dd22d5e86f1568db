#include "filterpanel.h"
#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "testdataset.h"
#include "themepalette.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QScrollArea>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

#include <functional>

using namespace ntl;

// Drives the filter panel's real widgets and checks what the filtered model shows.
class FilterPanelTest : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void listsShowEveryValueWithItsCount();
    void checkingASideFilters();
    void checkingAnActorFilters();
    void kindStatusAndArticleFilter();
    void dateRangeFilters();
    void typingSearchesAndTheCountFollows();
    void clearButtonResetsEverything();
    void filterSetElsewhereIsReflected();
    void countsAreWhatEachValueWouldShowUnderASearch();
    void countsLeaveOutTheirOwnFacetAndFollowAChange();
    void articlesAreNamedByTheirTitles();
    void narrowPanelKeepsEveryCountInSight();

private:
    QTreeWidgetItem *item(QTreeWidget *tree, const QString &text) const;
    void clickCheck(QTreeWidget *tree, const QString &text);
    QStringList shownIds() const;
    // The events of the dataset (all rows, no filter) for which `match` holds.
    int eventsWhere(const std::function<bool(const QModelIndex &)> &match) const;
    // Checks every side, actor and article count against the events that have the value and
    // pass `others` (the active filters but that facet's own), counted from the rows' roles.
    void compareCounts(const std::function<bool(const QModelIndex &)> &otherThanSides,
                       const std::function<bool(const QModelIndex &)> &otherThanActors,
                       const std::function<bool(const QModelIndex &)> &otherThanArticles);
    bool isDimmed(QTreeWidgetItem *item) const;

    EventModel *m_events = nullptr;
    EventFilterModel *m_filter = nullptr;
    FilterPanel *m_panel = nullptr;
};

void FilterPanelTest::init()
{
    m_events = new EventModel;
    m_filter = new EventFilterModel;
    m_filter->setSourceModel(m_events);
    m_panel = new FilterPanel(m_events, m_filter);
    m_events->setDataset(loadFixture("valid/minimal.json"));
    m_panel->resize(300, 900);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel));
}

void FilterPanelTest::cleanup()
{
    delete m_panel;
    delete m_filter;
    delete m_events;
}

QTreeWidgetItem *FilterPanelTest::item(QTreeWidget *tree, const QString &text) const
{
    // Side headings in the actor list share names with actors; the checkable row is the filter.
    for (QTreeWidgetItem *found : tree->findItems(text, Qt::MatchExactly | Qt::MatchRecursive)) {
        if (found->flags() & Qt::ItemIsUserCheckable)
            return found;
    }
    return nullptr;
}

void FilterPanelTest::clickCheck(QTreeWidget *tree, const QString &text)
{
    QTreeWidgetItem *target = item(tree, text);
    QVERIFY2(target, qPrintable(text));
    tree->scrollToItem(target);
    const QRect rect = tree->visualItemRect(target);
    // Keyboard: focus the row and toggle its check box with Space, as a user would.
    tree->setFocus();
    tree->setCurrentItem(target);
    QTest::keyClick(tree, Qt::Key_Space);
    QVERIFY(rect.isValid());
}

QStringList FilterPanelTest::shownIds() const
{
    QStringList ids;
    for (int row = 0; row < m_filter->rowCount(); ++row)
        ids.append(m_filter->index(row, 0).data(EventModel::EventIdRole).toString());
    return ids;
}

void FilterPanelTest::listsShowEveryValueWithItsCount()
{
    QCOMPARE(m_panel->sideList()->topLevelItemCount(), 3);
    QCOMPARE(item(m_panel->sideList(), QStringLiteral("North"))->text(1), QStringLiteral("3"));
    QCOMPARE(item(m_panel->actorList(), QStringLiteral("Ana Envoy"))->parent()->text(0), QStringLiteral("North"));
    QCOMPARE(item(m_panel->actorList(), QStringLiteral("The League"))->text(1), QStringLiteral("2"));
    QCOMPARE(item(m_panel->kindList(), QStringLiteral("talks"))->text(1), QStringLiteral("2"));
    QCOMPARE(item(m_panel->statusList(), QStringLiteral("planned"))->text(1), QStringLiteral("1"));
    QCOMPARE(item(m_panel->articleList(), QStringLiteral("Officials on Lakeside"))->text(1), QStringLiteral("2"));
    QCOMPARE(m_panel->countText(), QStringLiteral("3 of 3 events"));
    QVERIFY(!m_panel->clearButton()->isEnabled());
}

void FilterPanelTest::checkingASideFilters()
{
    clickCheck(m_panel->sideList(), QStringLiteral("South"));
    QCOMPARE(shownIds(), (QStringList{QStringLiteral("ev-talks"), QStringLiteral("ev-second-round")}));
    QCOMPARE(m_panel->countText(), QStringLiteral("2 of 3 events"));
    QVERIFY(m_panel->clearButton()->isEnabled());
}

void FilterPanelTest::checkingAnActorFilters()
{
    clickCheck(m_panel->actorList(), QStringLiteral("Ana Envoy"));
    QCOMPARE(shownIds(), (QStringList{QStringLiteral("ev-statement")}));
}

void FilterPanelTest::kindStatusAndArticleFilter()
{
    clickCheck(m_panel->kindList(), QStringLiteral("talks"));
    QCOMPARE(shownIds().size(), 2);
    clickCheck(m_panel->statusList(), QStringLiteral("planned"));
    QCOMPARE(shownIds(), (QStringList{QStringLiteral("ev-second-round")}));
    clickCheck(m_panel->statusList(), QStringLiteral("planned"));
    clickCheck(m_panel->articleList(), QStringLiteral("Officials on Lakeside"));
    QCOMPARE(shownIds(), (QStringList{QStringLiteral("ev-talks")}));
}

void FilterPanelTest::dateRangeFilters()
{
    m_panel->fromDate()->setDate(QDate(2030, 3, 10));
    QCOMPARE(shownIds().size(), 3); // not applied until enabled
    QTest::mouseClick(m_panel->fromEnabled(), Qt::LeftButton, {}, QPoint(6, m_panel->fromEnabled()->height() / 2));
    QVERIFY(m_panel->fromEnabled()->isChecked());
    QCOMPARE(shownIds(), (QStringList{QStringLiteral("ev-second-round")}));
}

void FilterPanelTest::typingSearchesAndTheCountFollows()
{
    QTest::keyClicks(m_panel->searchField(), QStringLiteral("envoy called"));
    QCOMPARE(shownIds(), (QStringList{QStringLiteral("ev-statement")}));
    QCOMPARE(m_panel->countText(), QStringLiteral("1 of 3 events"));
}

void FilterPanelTest::clearButtonResetsEverything()
{
    QTest::keyClicks(m_panel->searchField(), QStringLiteral("talks"));
    clickCheck(m_panel->sideList(), QStringLiteral("North"));
    QTest::mouseClick(m_panel->toEnabled(), Qt::LeftButton, {}, QPoint(6, m_panel->toEnabled()->height() / 2));
    QVERIFY(m_filter->isFiltering());
    QTest::mouseClick(m_panel->clearButton(), Qt::LeftButton);
    QVERIFY(!m_filter->isFiltering());
    QCOMPARE(shownIds().size(), 3);
    QCOMPARE(m_panel->searchField()->text(), QString());
    QCOMPARE(item(m_panel->sideList(), QStringLiteral("North"))->checkState(0), Qt::Unchecked);
    QVERIFY(!m_panel->toEnabled()->isChecked());
}

void FilterPanelTest::filterSetElsewhereIsReflected()
{
    m_filter->setActorIds({QStringLiteral("league")});
    QCOMPARE(item(m_panel->actorList(), QStringLiteral("The League"))->checkState(0), Qt::Checked);
    QCOMPARE(m_panel->countText(), QStringLiteral("2 of 3 events"));
}

int FilterPanelTest::eventsWhere(const std::function<bool(const QModelIndex &)> &match) const {
    int count = 0;
    for (int row = 0; row < m_events->rowCount(); ++row)
        count += match(m_events->index(row, 0)) ? 1 : 0;
    return count;
}

void FilterPanelTest::compareCounts(
    const std::function<bool(const QModelIndex &)> &otherThanSides,
    const std::function<bool(const QModelIndex &)> &otherThanActors,
    const std::function<bool(const QModelIndex &)> &otherThanArticles) {
    const auto has = [](int role, const QString &id) {
        return [role, id](const QModelIndex &index) {
            return index.data(role).toStringList().contains(id);
        };
    };
    const auto both = [](auto a, auto b) {
        return [a, b](const QModelIndex &index) {
            return a(index) && b(index);
        };
    };
    const std::shared_ptr<const Dataset> dataset = m_events->dataset();
    for (const Side &side : dataset->sides) {
        const int expected =
            eventsWhere(both(has(EventModel::SideIdsRole, side.id), otherThanSides));
        QTreeWidgetItem *row = item(m_panel->sideList(), side.name);
        QCOMPARE(row->text(1), QString::number(expected));
        QCOMPARE(isDimmed(row), expected == 0);
    }
    for (const Actor &actor : dataset->actors) {
        const int expected =
            eventsWhere(both(has(EventModel::ParticipantIdsRole, actor.id), otherThanActors));
        QTreeWidgetItem *row = item(m_panel->actorList(), actor.name);
        QCOMPARE(row->text(1), QString::number(expected));
        QCOMPARE(isDimmed(row), expected == 0);
    }
    for (const Article &article : dataset->articles) {
        const int expected =
            eventsWhere(both(has(EventModel::ArticleIdsRole, article.id), otherThanArticles));
        QCOMPARE(item(m_panel->articleList(), article.title)->text(1), QString::number(expected));
    }
}

bool FilterPanelTest::isDimmed(QTreeWidgetItem *item) const {
    return item->foreground(0).color() == m_panel->palette().color(QPalette::PlaceholderText) &&
           item->foreground(1).color() == item->foreground(0).color() &&
           item->foreground(0).style() != Qt::NoBrush;
}

void FilterPanelTest::countsAreWhatEachValueWouldShowUnderASearch() {
    QTest::keyClicks(m_panel->searchField(), QStringLiteral("round"));
    const auto searched = [](const QModelIndex &index) {
        return index.data(EventModel::SearchTextRole).toString().contains(QStringLiteral("round"));
    };
    QVERIFY(eventsWhere(searched) > 0);
    QVERIFY(eventsWhere(searched) < m_events->rowCount()); // the search narrows the counts
    compareCounts(searched, searched, searched);
    // "Ana Envoy" is in no event about a round: dimmed at 0, still checkable.
    QTreeWidgetItem *envoy = item(m_panel->actorList(), QStringLiteral("Ana Envoy"));
    QCOMPARE(envoy->text(1), QStringLiteral("0"));
    QVERIFY(isDimmed(envoy));
    QVERIFY(envoy->flags() & Qt::ItemIsUserCheckable);
    // Dimmed in a dark window too, where disabled text is as bright as text.
    m_panel->setPalette(ThemePalette::palette(ThemePalette::Theme::Dark));
    QVERIFY(isDimmed(envoy));
    QVERIFY(envoy->foreground(0).color() != m_panel->palette().color(QPalette::Text));
    QVERIFY(!isDimmed(item(m_panel->actorList(), QStringLiteral("North"))));
    clickCheck(m_panel->actorList(), QStringLiteral("Ana Envoy"));
    QCOMPARE(envoy->checkState(0), Qt::Checked);
    QCOMPARE(m_filter->actorIds(), QSet<QString>{QStringLiteral("north-envoy")});
    QCOMPARE(m_panel->countText(), QStringLiteral("0 of 3 events"));
}

void FilterPanelTest::countsLeaveOutTheirOwnFacetAndFollowAChange() {
    clickCheck(m_panel->sideList(), QStringLiteral("South"));
    const auto south = [](const QModelIndex &index) {
        return index.data(EventModel::SideIdsRole).toStringList().contains(QStringLiteral("south"));
    };
    const auto any = [](const QModelIndex &) {
        return true;
    };
    // Sides count under every filter but the side filter: the totals here.
    compareCounts(any, south, south);
    QVERIFY(isDimmed(item(m_panel->actorList(), QStringLiteral("Ana Envoy"))));

    // A second facet narrows the sides' counts, and the actors' by the side alone still.
    clickCheck(m_panel->statusList(), QStringLiteral("planned"));
    const auto planned = [](const QModelIndex &index) {
        return index.data(EventModel::StatusRole).toInt() == int(EventStatus::Planned);
    };
    const auto southPlanned = [&](const QModelIndex &index) {
        return south(index) && planned(index);
    };
    compareCounts(planned, southPlanned, southPlanned);
    QCOMPARE(item(m_panel->statusList(), QStringLiteral("occurred"))->text(1),
             QString::number(eventsWhere([&](const QModelIndex &index) {
                 return south(index) &&
                        index.data(EventModel::StatusRole).toInt() == int(EventStatus::Occurred);
             })));

    // Unchecked again: back to the totals, nothing dimmed.
    clickCheck(m_panel->statusList(), QStringLiteral("planned"));
    clickCheck(m_panel->sideList(), QStringLiteral("South"));
    compareCounts(any, any, any);
    QVERIFY(!isDimmed(item(m_panel->actorList(), QStringLiteral("Ana Envoy"))));
}

void FilterPanelTest::articlesAreNamedByTheirTitles() {
    QStringList shown;
    for (int i = 0; i < m_panel->articleList()->topLevelItemCount(); ++i)
        shown.append(m_panel->articleList()->topLevelItem(i)->text(0));
    QStringList titles;
    for (const Article &article : m_events->dataset()->articles)
        titles.append(article.title);
    QCOMPARE(shown, titles);
    QVERIFY(!shown.contains(QStringLiteral("art-a")));
}

void FilterPanelTest::narrowPanelKeepsEveryCountInSight()
{
    // A small screen narrows the panel: names are elided, counts stay whole and in sight.
    m_panel->resize(170, 900);
    QTRY_COMPARE(m_panel->width(), 170);
    auto *scroller = m_panel->findChild<QScrollArea *>();
    QVERIFY(scroller && scroller->widget()->isAncestorOf(m_panel->sideList()));
    for (QTreeWidget *tree : {m_panel->sideList(), m_panel->actorList(), m_panel->kindList(),
                              m_panel->statusList(), m_panel->articleList()}) {
        QTreeWidgetItemIterator it(tree);
        QVERIFY(*it);
        for (; *it; ++it) {
            QTreeWidgetItem *row = *it;
            if (row->text(1).isEmpty())
                continue;
            const QRect count = tree->visualItemRect(row).isValid()
                                    ? tree->visualRect(tree->indexFromItem(row, 1))
                                    : QRect();
            if (count.isEmpty())
                continue; // scrolled out of the list's own view
            // Within the list, and within the panel's scrolled area that shows the list.
            QWidget *shown = scroller->viewport();
            const QPoint right = tree->viewport()->mapTo(shown, count.topRight());
            QVERIFY2(count.right() < tree->viewport()->width() && right.x() < shown->width(),
                     qPrintable(QStringLiteral("%1: count of %2 ends at %3 (list %4, panel %5)")
                                    .arg(tree->accessibleName(), row->text(0))
                                    .arg(right.x())
                                    .arg(tree->viewport()->width())
                                    .arg(shown->width())));
            QVERIFY(tree->fontMetrics().horizontalAdvance(row->text(1)) <= count.width());
        }
    }
}

QTEST_MAIN(FilterPanelTest)
#include "filterpaneltest.moc"
