#include "navigationcontroller.h"

#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "mainwindow.h"
#include "sourcesview.h"
#include "timelineview.h"

#include <QAction>
#include <QApplication>
#include <QItemSelectionModel>
#include <QMenu>
#include <QMenuBar>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

#include <cmath>

namespace ntl {

NavigationController::NavigationController(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_timelineScroll(qobject_cast<QScrollArea *>(window->tabs()->widget(MainWindow::TimelineTab)))
    , m_back(new QAction(tr("&Back"), this))
    , m_forward(new QAction(tr("&Forward"), this)) {
    m_clock.start();
    QStyle *style = window->style();
    m_back->setIcon(
        QIcon::fromTheme(QStringLiteral("go-previous"), style->standardIcon(QStyle::SP_ArrowBack)));
    m_forward->setIcon(
        QIcon::fromTheme(QStringLiteral("go-next"), style->standardIcon(QStyle::SP_ArrowForward)));
    m_back->setShortcut(QKeySequence::Back);
    m_forward->setShortcut(QKeySequence::Forward);
    m_back->setStatusTip(tr("Go back to the previous event, tab or zoom"));
    m_forward->setStatusTip(tr("Go forward again"));
    m_back->setToolTip(tr("Back (%1)").arg(m_back->shortcut().toString(QKeySequence::NativeText)));
    m_forward->setToolTip(
        tr("Forward (%1)").arg(m_forward->shortcut().toString(QKeySequence::NativeText)));
    connect(m_back, &QAction::triggered, this, &NavigationController::goBack);
    connect(m_forward, &QAction::triggered, this, &NavigationController::goForward);

    // Go comes after View, as in a browser or a file manager.
    auto *go = new QMenu(tr("&Go"), window);
    go->addAction(m_back);
    go->addAction(m_forward);
    QMenuBar *bar = window->menuBar();
    const QList<QAction *> menus = bar->actions();
    QAction *before = nullptr;
    for (int i = 0; i + 1 < menus.size() && !before; ++i) {
        if (menus.at(i)->menu() && menus.at(i)->menu()->title() == MainWindow::tr("&View"))
            before = menus.at(i + 1);
    }
    bar->insertMenu(before, go);

    if (auto *toolBar = window->findChild<QToolBar *>(QStringLiteral("mainToolBar"))) {
        QAction *first = toolBar->actions().value(0);
        toolBar->insertAction(first, m_back);
        toolBar->insertAction(first, m_forward);
        if (first)
            toolBar->insertSeparator(first);
        // The toolbar is text only; these two also have their arrows, as everywhere.
        for (QAction *action : {m_back, m_forward}) {
            if (auto *button = qobject_cast<QToolButton *>(toolBar->widgetForAction(action)))
                button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        }
    }

    QItemSelectionModel *selection = window->selectionModel();
    connect(selection, &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                // Losing the event to a filter is no place the user went to.
                note(current.isValid() ? NavigationHistory::Change::Step
                                       : NavigationHistory::Change::Touch);
            });
    connect(window->tabs(), &QTabWidget::currentChanged, this,
            [this] { note(NavigationHistory::Change::Step); });
    connect(window->timeline(), &TimelineView::visibleRangeChanged, this,
            [this] { note(NavigationHistory::Change::Glide); });
    // A filter's new layout shows the whole period: where the user is, but not a place gone to.
    connect(window->timeline(), &TimelineView::contentChanged, this,
            [this] { note(NavigationHistory::Change::Touch); });
    if (m_timelineScroll)
        connect(m_timelineScroll->verticalScrollBar(), &QScrollBar::valueChanged, this,
                [this] { note(NavigationHistory::Change::Touch); });
    QPlainTextEdit *text = window->sourcesView()->textView();
    // The text is set again for many reasons (a new dataset, a filter); another article is a step.
    connect(text, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_restoring)
            m_articlePending = true;
        note(NavigationHistory::Change::Touch);
    });
    connect(text->verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this] { note(NavigationHistory::Change::Touch); });
    // Another dataset: the old places are gone; the new one starts a new history.
    connect(window->eventModel(), &QAbstractItemModel::modelReset, this, [this] {
        m_history.clear();
        updateActions();
        note(NavigationHistory::Change::Touch);
    });

    // The mouse's back and forward buttons go back and forward wherever they are pressed.
    qApp->installEventFilter(this);
    updateActions();
}

NavigationState NavigationController::currentState() const {
    NavigationState state;
    state.eventId =
        m_window->selectionModel()->currentIndex().data(EventModel::EventIdRole).toString();
    state.tab = m_window->tabs()->currentIndex();
    const QPair<double, double> range = m_window->timeline()->visibleRange();
    if (range.first <= range.second) {
        state.fromDay = dayAt(range.first);
        state.toDay = dayAt(range.second);
    }
    state.timelineScroll = m_timelineScroll ? m_timelineScroll->verticalScrollBar()->value() : 0;
    // A hidden Sources view catches up only when shown: asking it for its article would make
    // it re-read every cited article on each filter change (35 ms at 100,000 events). Shown, it
    // is up to date; hidden, its article is the one last recorded.
    if (state.tab == MainWindow::SourcesTab) {
        state.articleId = m_window->sourcesView()->currentArticleId();
        state.articleScroll = m_window->sourcesView()->textView()->verticalScrollBar()->value();
    } else if (!m_history.isEmpty()) {
        const NavigationState last = m_history.current();
        state.articleId = last.articleId;
        state.articleScroll = last.articleScroll;
    }
    return state;
}

void NavigationController::note(NavigationHistory::Change change) {
    if (m_restoring)
        return; // the restore's own echoes are no navigation
    m_stepPending |= change == NavigationHistory::Change::Step;
    m_glidePending |= change == NavigationHistory::Change::Glide;
    if (m_recordPending)
        return;
    m_recordPending = true;
    QTimer::singleShot(0, this, &NavigationController::recordPending);
}

void NavigationController::recordPending() {
    if (!m_recordPending)
        return;
    const NavigationState state = currentState();
    NavigationHistory::Change change = NavigationHistory::Change::Touch;
    if (m_stepPending || (m_articlePending && state.articleId != m_history.current().articleId &&
                          !m_history.isEmpty()))
        change = NavigationHistory::Change::Step;
    else if (m_glidePending && m_history.current().hasRange())
        change = NavigationHistory::Change::Glide; // the first layout is no zoom
    m_recordPending = m_stepPending = m_glidePending = m_articlePending = false;
    m_history.record(state, change, m_clock.elapsed());
    updateActions();
}

void NavigationController::goBack() {
    recordPending(); // where the user is now, so Forward comes back to it
    if (m_history.canGoBack())
        restore(m_history.back());
}

void NavigationController::goForward() {
    recordPending();
    if (m_history.canGoForward())
        restore(m_history.forward());
}

void NavigationController::restore(const NavigationState &state) {
    m_restoring = true;
    m_recordPending = m_stepPending = m_glidePending = m_articlePending = false;
    m_window->tabs()->setCurrentIndex(state.tab);
    // By id: the event may be filtered out now (then nothing is selected) or gone.
    const QModelIndex source = m_window->eventModel()->indexOfEvent(state.eventId);
    const QModelIndex row =
        source.isValid() ? m_window->filterModel()->mapFromSource(source) : QModelIndex();
    if (row.isValid())
        m_window->selectionModel()->setCurrentIndex(row, QItemSelectionModel::ClearAndSelect |
                                                             QItemSelectionModel::Rows);
    else
        m_window->selectionModel()->clear();
    TimelineView *timeline = m_window->timeline();
    const QPair<double, double> laidOut = timeline->visibleRange();
    if (state.hasRange() && laidOut.first <= laidOut.second)
        timeline->setVisibleRange(xAt(state.fromDay), xAt(state.toDay));
    if (!state.articleId.isEmpty() && state.tab == MainWindow::SourcesTab)
        m_window->sourcesView()->showArticle(state.articleId);
    restoreScrolls(state);
    // The lanes' height and the article's layout settle on posted events: scroll again
    // then, and only then listen again.
    QTimer::singleShot(0, this, [this, state] {
        restoreScrolls(state);
        m_recordPending = m_stepPending = m_glidePending = m_articlePending = false;
        m_restoring = false;
        updateActions();
    });
    updateActions();
}

void NavigationController::restoreScrolls(const NavigationState &state) {
    if (m_timelineScroll)
        m_timelineScroll->verticalScrollBar()->setValue(state.timelineScroll);
    if (state.tab == MainWindow::SourcesTab &&
        m_window->sourcesView()->currentArticleId() == state.articleId)
        m_window->sourcesView()->textView()->verticalScrollBar()->setValue(state.articleScroll);
}

void NavigationController::updateActions() {
    m_back->setEnabled(m_history.canGoBack());
    m_forward->setEnabled(m_history.canGoForward());
}

double NavigationController::dayAt(double x) const {
    const TimelineLayout &layout = m_window->timeline()->layout();
    const QDate date = layout.dateAt(x);
    const double start = layout.x(date);
    const double width = layout.x(date.addDays(1)) - start;
    const double fraction = width > 0 ? (x - start) / width : 0;
    return double(date.toJulianDay()) + fraction;
}

double NavigationController::xAt(double day) const {
    const TimelineLayout &layout = m_window->timeline()->layout();
    const qint64 whole = qint64(std::floor(day));
    const double start = layout.x(whole);
    return start + (day - double(whole)) * (layout.x(whole + 1) - start);
}

bool NavigationController::eventFilter(QObject *watched, QEvent *event) {
    if (event->type() == QEvent::MouseButtonPress && watched->isWidgetType()) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        const bool back = mouse->button() == Qt::BackButton;
        const bool forward = mouse->button() == Qt::ForwardButton;
        if ((back || forward) && static_cast<QWidget *>(watched)->window() == m_window) {
            back ? goBack() : goForward();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace ntl
