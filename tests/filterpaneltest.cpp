#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "filterpanel.h"
#include "testdataset.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

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

private:
    QTreeWidgetItem *item(QTreeWidget *tree, const QString &text) const;
    void clickCheck(QTreeWidget *tree, const QString &text);
    QStringList shownIds() const;

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

QTEST_MAIN(FilterPanelTest)
#include "filterpaneltest.moc"
