#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "mainwindow.h"
#include "navigationcontroller.h"
#include "sourcesview.h"
#include "testwindow.h"
#include "timelineview.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QItemSelectionModel>
#include <QListWidget>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolBar>

using namespace ntl;

// Go → Back and Forward in the main window, driven as a user does: keys, the mouse's
// back and forward buttons, the toolbar.
class NavigationTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void backAndForwardAcrossEventsTabsAndZoom();
    void showInArticleThenBackReturnsToTheTimeline();
    void newNavigationClearsForward();
    void zoomStepsCoalesce();
    void actionsAndToolbarFollowTheHistory();
    void mouseBackAndForwardButtons();
    void filteredOutEventRestoresTheRest();
    void anotherDatasetStartsAnewHistory();
    void anotherArticleIsAStep();
    void recordingLeavesAHiddenSourcesViewAlone();

private:
    QString currentId() const;
    QPair<double, double> range() const { return m_window->timeline()->visibleRange(); }
    void settle() const;
    void selectRow(int row);
    void altKey(Qt::Key key);
    MainWindow *m_window = nullptr;
};

static QString dataset() {
    return shippedDatasetPath();
}

void NavigationTest::initTestCase() {
    useTestSettings("navigationtest"); // never the user's settings
}

void NavigationTest::init() {
    m_window = new MainWindow;
    m_window->setInteractive(false);
    QVERIFY(m_window->openDataset(dataset()));
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    m_window->tabs()->setCurrentIndex(MainWindow::TimelineTab);
    settle();
    QVERIFY(range().first <= range().second); // laid out
}

void NavigationTest::cleanup() {
    delete m_window;
    m_window = nullptr;
}

QString NavigationTest::currentId() const {
    return m_window->selectionModel()->currentIndex().data(EventModel::EventIdRole).toString();
}

void NavigationTest::settle() const {
    settleEvents();
}

void NavigationTest::selectRow(int row) {
    selectShownRow(m_window, row);
}

void NavigationTest::altKey(Qt::Key key) {
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : m_window, key,
                    Qt::AltModifier);
    settle();
}

static bool sameRange(QPair<double, double> a, QPair<double, double> b) {
    return qAbs(a.first - b.first) < 1e-6 && qAbs(a.second - b.second) < 1e-6;
}

void NavigationTest::backAndForwardAcrossEventsTabsAndZoom() {
    const auto whole = range();
    m_window->timeline()->setFocus();
    QTest::keyClick(m_window->timeline(), Qt::Key_Down); // the first event
    settle();
    const QString first = currentId();
    QTest::keyClick(m_window->timeline(), Qt::Key_Down);
    settle();
    const QString second = currentId();
    QVERIFY(!first.isEmpty() && second != first);
    const auto beforeZoom = range();
    QTest::keyClick(m_window->timeline(), Qt::Key_Plus);
    settle();
    const auto zoomed = range();
    QVERIFY(zoomed.second - zoomed.first < beforeZoom.second - beforeZoom.first);
    QTest::keyClick(m_window, Qt::Key_3, Qt::ControlModifier);
    settle();
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::SourcesTab));

    altKey(Qt::Key_Left); // the tab
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::TimelineTab));
    QCOMPARE(currentId(), second);
    QVERIFY(sameRange(range(), zoomed));
    altKey(Qt::Key_Left); // the zoom
    QCOMPARE(currentId(), second);
    QVERIFY(sameRange(range(), beforeZoom));
    altKey(Qt::Key_Left); // the second event
    QCOMPARE(currentId(), first);
    altKey(Qt::Key_Left); // where the window opened
    QCOMPARE(currentId(), QString());
    QVERIFY(sameRange(range(), whole));
    QVERIFY(!m_window->navigation()->backAction()->isEnabled());

    altKey(Qt::Key_Right);
    QCOMPARE(currentId(), first);
    altKey(Qt::Key_Right);
    altKey(Qt::Key_Right);
    QCOMPARE(currentId(), second);
    QVERIFY(sameRange(range(), zoomed));
    altKey(Qt::Key_Right);
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::SourcesTab));
    QVERIFY(!m_window->navigation()->forwardAction()->isEnabled());
}

void NavigationTest::showInArticleThenBackReturnsToTheTimeline() {
    // An event with a passage, in the middle of the period.
    selectRow(0);
    const QString before = currentId();
    int row = m_window->filterModel()->rowCount() / 2;
    while (m_window->filterModel()->index(row, 0).data(EventModel::SourceCountRole).toInt() == 0)
        ++row;
    selectRow(row);
    const QString id = currentId();
    m_window->timeline()->zoomBy(3);
    settle();
    QScrollBar *lanes =
        qobject_cast<QScrollArea *>(m_window->tabs()->widget(MainWindow::TimelineTab))
            ->verticalScrollBar();
    lanes->setValue(lanes->maximum() / 2);
    settle();
    const int scroll = lanes->value();
    QVERIFY(scroll > 0); // Back has a scroll position to bring back
    const auto zoomed = range();

    QAbstractButton *show = nullptr;
    for (QAbstractButton *button : m_window->findChildren<QAbstractButton *>()) {
        if (button->accessibleName() == QStringLiteral("Show quote 1 in its article"))
            show = button;
    }
    QVERIFY(show);
    QTest::mouseClick(show, Qt::LeftButton);
    settle();
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::SourcesTab));
    const QString article = m_window->sourcesView()->currentArticleId();
    QVERIFY(!article.isEmpty());
    QVERIFY(!m_window->sourcesView()->textView()->textCursor().selectedText().isEmpty());
    // The reader scrolls on; Forward comes back to where they were reading.
    QScrollBar *text = m_window->sourcesView()->textView()->verticalScrollBar();
    QVERIFY(text->maximum() > 3);
    text->setValue(text->value() == text->maximum() / 3 ? text->maximum() / 2
                                                        : text->maximum() / 3);
    settle();
    const int reading = text->value();

    altKey(Qt::Key_Left);
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::TimelineTab));
    QCOMPARE(currentId(), id);
    QVERIFY(sameRange(range(), zoomed));
    QCOMPARE(lanes->value(), scroll);

    altKey(Qt::Key_Right);
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::SourcesTab));
    QCOMPARE(m_window->sourcesView()->currentArticleId(), article);
    QCOMPARE(currentId(), id);
    QCOMPARE(text->value(), reading);
    // A passage of another article, then back to the reading place in the first one.
    QString other;
    for (int i = 0; i < m_window->filterModel()->rowCount() && other.isEmpty(); ++i) {
        const QModelIndex index = m_window->filterModel()->index(i, 0);
        const QStringList articles = index.data(EventModel::ArticleIdsRole).toStringList();
        if (!articles.isEmpty() && articles.first() != article)
            other = index.data(EventModel::EventIdRole).toString();
    }
    QVERIFY(!other.isEmpty());
    m_window->showPassage(other, 0);
    settle();
    QVERIFY(m_window->sourcesView()->currentArticleId() != article);
    altKey(Qt::Key_Left);
    QCOMPARE(m_window->sourcesView()->currentArticleId(), article);
    QCOMPARE(currentId(), id);
    QCOMPARE(text->value(), reading);
    // Further back: the event chosen before, at the top of the lanes where it was chosen.
    altKey(Qt::Key_Left);
    altKey(Qt::Key_Left);
    altKey(Qt::Key_Left);
    QCOMPARE(currentId(), before);
    QCOMPARE(lanes->value(), 0);
}

void NavigationTest::newNavigationClearsForward() {
    selectRow(1);
    selectRow(2);
    selectRow(3);
    altKey(Qt::Key_Left);
    altKey(Qt::Key_Left);
    QCOMPARE(m_window->selectionModel()->currentIndex().row(), 1);
    QVERIFY(m_window->navigation()->forwardAction()->isEnabled());
    selectRow(5);
    QVERIFY(!m_window->navigation()->forwardAction()->isEnabled());
    altKey(Qt::Key_Right); // nothing to go forward to: stays
    QCOMPARE(m_window->selectionModel()->currentIndex().row(), 5);
    altKey(Qt::Key_Left);
    QCOMPARE(m_window->selectionModel()->currentIndex().row(), 1);
}

void NavigationTest::zoomStepsCoalesce() {
    selectRow(0);
    const auto before = range();
    const int entries = m_window->navigation()->history().size();
    m_window->timeline()->setFocus();
    for (int i = 0; i < 5; ++i) { // as a wheel does: steps in quick succession
        QTest::keyClick(m_window->timeline(), Qt::Key_Plus);
        settle();
    }
    const auto zoomed = range();
    QCOMPARE(m_window->navigation()->history().size(), entries + 1);
    // A pause ends the gesture: the next step is an entry of its own.
    QTest::qWait(int(NavigationHistory::glideWindowMs) + 200);
    QTest::keyClick(m_window->timeline(), Qt::Key_Minus);
    settle();
    QCOMPARE(m_window->navigation()->history().size(), entries + 2);
    altKey(Qt::Key_Left);
    QVERIFY(sameRange(range(), zoomed));
    altKey(Qt::Key_Left);
    QVERIFY(sameRange(range(), before));
    QCOMPARE(currentId(),
             m_window->filterModel()->index(0, 0).data(EventModel::EventIdRole).toString());
}

void NavigationTest::actionsAndToolbarFollowTheHistory() {
    NavigationController *navigation = m_window->navigation();
    QVERIFY(!navigation->backAction()->isEnabled()); // a new dataset: nowhere to go yet
    QVERIFY(!navigation->forwardAction()->isEnabled());
    QCOMPARE(navigation->backAction()->shortcut(), QKeySequence(QKeySequence::Back));
    QCOMPARE(navigation->forwardAction()->shortcut(), QKeySequence(QKeySequence::Forward));
    auto *toolBar = m_window->findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    QVERIFY(toolBar);
    QWidget *backButton = toolBar->widgetForAction(navigation->backAction());
    QWidget *forwardButton = toolBar->widgetForAction(navigation->forwardAction());
    QVERIFY(backButton && forwardButton && backButton->isVisible());
    QVERIFY(!backButton->isEnabled());
    // In the Go menu, after View.
    QStringList menus;
    for (QAction *action : m_window->menuBar()->actions())
        menus.append(action->text());
    QVERIFY(menus.indexOf(QStringLiteral("&Go")) == menus.indexOf(QStringLiteral("&View")) + 1);

    selectRow(2);
    QVERIFY(navigation->backAction()->isEnabled());
    QVERIFY(backButton->isEnabled());
    QVERIFY(!forwardButton->isEnabled());
    QTest::mouseClick(backButton, Qt::LeftButton);
    settle();
    QCOMPARE(currentId(), QString());
    QVERIFY(!backButton->isEnabled());
    QVERIFY(forwardButton->isEnabled());
    QTest::mouseClick(forwardButton, Qt::LeftButton);
    settle();
    QCOMPARE(m_window->selectionModel()->currentIndex().row(), 2);
}

void NavigationTest::mouseBackAndForwardButtons() {
    selectRow(1);
    m_window->tabs()->setCurrentIndex(MainWindow::ActorsTab);
    settle();
    // Pressed over any widget of the window: here the Actors view's table, then the tab bar.
    QWidget *over = m_window->tabs()->currentWidget();
    QTest::mouseClick(over, Qt::BackButton);
    settle();
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::TimelineTab));
    QCOMPARE(m_window->selectionModel()->currentIndex().row(), 1);
    QTest::mouseClick(m_window->timeline()->viewport(), Qt::BackButton);
    settle();
    QCOMPARE(currentId(), QString());
    QTest::mouseClick(m_window->timeline()->viewport(), Qt::ForwardButton);
    settle();
    QCOMPARE(m_window->selectionModel()->currentIndex().row(), 1);
}

void NavigationTest::filteredOutEventRestoresTheRest() {
    selectRow(0);
    const QString first = currentId();
    m_window->tabs()->setCurrentIndex(MainWindow::ActorsTab);
    settle();
    selectRow(m_window->filterModel()->rowCount() - 1);
    const QString last = currentId();
    m_window->tabs()->setCurrentIndex(MainWindow::TimelineTab);
    settle();
    // Only the last event passes the filter now.
    m_window->filterModel()->setDateRange(
        m_window->selectionModel()->currentIndex().data(EventModel::StartDateRole).toDate(),
        QDate());
    settle();
    QVERIFY(m_window->eventModel()->indexOfEvent(first).isValid());
    QVERIFY(!m_window->filterModel()
                 ->mapFromSource(m_window->eventModel()->indexOfEvent(first))
                 .isValid());
    altKey(Qt::Key_Left); // to the Actors tab with the last event
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::ActorsTab));
    QCOMPARE(currentId(), last);
    // The first event's entries: the tab comes back, the event cannot (nothing is selected
    // rather than another event).
    altKey(Qt::Key_Left);
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::ActorsTab));
    QCOMPARE(currentId(), QString());
    altKey(Qt::Key_Left);
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::TimelineTab));
    QCOMPARE(currentId(), QString());
    QVERIFY(m_window->navigation()->backAction()->isEnabled());
    altKey(Qt::Key_Right);
    altKey(Qt::Key_Right);
    QCOMPARE(currentId(), last);
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::ActorsTab));
}

void NavigationTest::anotherDatasetStartsAnewHistory() {
    selectRow(1);
    selectRow(2);
    QVERIFY(m_window->navigation()->backAction()->isEnabled());
    // The old places name the old dataset's events: none of them is a place to go back to.
    QVERIFY(m_window->openDataset(dataset()));
    settle();
    QVERIFY(!m_window->navigation()->backAction()->isEnabled());
    QVERIFY(!m_window->navigation()->forwardAction()->isEnabled());
    selectRow(3);
    altKey(Qt::Key_Left);
    QCOMPARE(currentId(), QString());
    QVERIFY(!m_window->navigation()->backAction()->isEnabled());
}

void NavigationTest::anotherArticleIsAStep() {
    QTest::keyClick(m_window, Qt::Key_3, Qt::ControlModifier);
    settle();
    SourcesView *sources = m_window->sourcesView();
    const QString first = sources->currentArticleId();
    QVERIFY(!first.isEmpty());
    // The reader picks another article from the list (the event stays as it is).
    QModelIndex other;
    for (int row = 0; row < sources->articleList()->model()->rowCount() && !other.isValid();
         ++row) {
        const QModelIndex index = sources->articleList()->model()->index(row, 0);
        if (sources->articleList()->visualRect(index).isValid() && row > 0)
            other = index;
    }
    QVERIFY(other.isValid());
    QTest::mouseClick(sources->articleList()->viewport(), Qt::LeftButton, {},
                      sources->articleList()->visualRect(other).center());
    settle();
    const QString second = sources->currentArticleId();
    QVERIFY(second != first);
    altKey(Qt::Key_Left);
    QCOMPARE(sources->currentArticleId(), first);
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::SourcesTab));
    altKey(Qt::Key_Right);
    QCOMPARE(sources->currentArticleId(), second);
}

void NavigationTest::recordingLeavesAHiddenSourcesViewAlone() {
    // The Sources view catches up when shown; recording where the reader is must not make a
    // hidden one re-read every cited article on each filter change (a third of a filter
    // change's time at 100,000 events).
    m_window->tabs()->setCurrentIndex(MainWindow::SourcesTab);
    settle();
    QListWidget *passages = m_window->sourcesView()->passageList();
    const int all = passages->count();
    QVERIFY(all > 0);
    m_window->tabs()->setCurrentIndex(MainWindow::TimelineTab);
    settle();
    selectRow(2); // a step: recorded
    m_window->timeline()->zoomBy(1.5); // a glide: recorded
    m_window->filterModel()->setSearchText(QStringLiteral("Geneva"));
    settle();
    QVERIFY(m_window->navigation()->history().size() >= 2);
    QCOMPARE(passages->count(), all); // still as it was: hidden, nothing re-read
    m_window->tabs()->setCurrentIndex(MainWindow::SourcesTab);
    settle();
    QVERIFY(passages->count() < all); // shown, it catches up
}

QTEST_MAIN(NavigationTest)
#include "navigationtest.moc"
