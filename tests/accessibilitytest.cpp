#include "actorsview.h"
#include "emptystatepage.h"
#include "eventdetailspanel.h"
#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "filterpanel.h"
#include "mainwindow.h"
#include "sourcesview.h"
#include "testwindow.h"
#include "timelineview.h"

#include <QAccessible>
#include <QApplication>
#include <QFile>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace ntl;

// The keyboard and a screen reader reach everything in the main window; it fits a small
// screen. Driven as a user does: keys, Tab, the window's size.
class AccessibilityTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void ctrlNumberFocusesTheView();
    void tabWalksTheDocumentedOrder();
    void tabInTheOtherViewsReadsTopDown();
    void tabReachesTheFilterChipsAndTheEmptyPage();
    void focusableWidgetsHaveAccessibleNames();
    void timelineShowsKeyboardFocus();
    void timelineDescriptionNamesTheCurrentEvent();
    void chartKeepsSixtyPercentAt1024();
    void enterWithoutPassageStaysAndSaysSo();

private:
    void settle() const;
    void selectRow(int row);
    MainWindow *m_window = nullptr;
};

void AccessibilityTest::initTestCase() {
    useTestSettings("accessibilitytest"); // never the user's settings
}

void AccessibilityTest::init() {
    m_window = new MainWindow;
    m_window->setInteractive(false);
    QVERIFY(m_window->openDataset(
        shippedDatasetPath()));
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    m_window->tabs()->setCurrentIndex(MainWindow::TimelineTab);
    settle();
}

void AccessibilityTest::cleanup() {
    delete m_window;
    m_window = nullptr;
}

void AccessibilityTest::settle() const {
    settleEvents();
}

void AccessibilityTest::selectRow(int row) {
    selectShownRow(m_window, row);
}

// What a screen reader says for a focus stop: its own name, or that of the control it is
// part of (a date edit's text field).
static QString spokenName(QWidget *widget) {
    QWidget *named = widget;
    if (widget->parentWidget() && widget->parentWidget()->focusProxy() == widget)
        named = widget->parentWidget();
    QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(named);
    return accessible ? accessible->text(QAccessible::Name) : QString();
}

// The name the window gives a focus stop (a tab bar's spoken name is its current tab's).
static QString givenName(QWidget *widget) {
    if (widget->parentWidget() && widget->parentWidget()->focusProxy() == widget)
        return widget->parentWidget()->accessibleName();
    return widget->accessibleName();
}

// The part of a widget inside all its parents, in window coordinates (a scroll area's
// view beyond the scrolled part is not shown).
static QRect shownArea(QWidget *widget) {
    QRect area = widget->rect();
    for (QWidget *w = widget; w->parentWidget(); w = w->parentWidget())
        area = area.translated(w->pos()) & w->parentWidget()->rect();
    return area;
}

void AccessibilityTest::ctrlNumberFocusesTheView() {
    m_window->filterPanel()->searchField()->setFocus();
    QTRY_VERIFY(m_window->filterPanel()->searchField()->hasFocus());
    QTest::keyClick(m_window, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::ActorsTab));
    QTRY_COMPARE(QApplication::focusWidget(), m_window->actorsView()->chart());
    QTest::keyClick(m_window, Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::SourcesTab));
    QTRY_COMPARE(QApplication::focusWidget(), m_window->sourcesView()->textView());
    QTest::keyClick(m_window, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::TimelineTab));
    QTRY_COMPARE(QApplication::focusWidget(), m_window->timeline());
    // The chart takes the keys at once: Down selects the first event.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
    QCOMPARE(m_window->selectionModel()->currentIndex().row(), 0);
}

void AccessibilityTest::tabWalksTheDocumentedOrder() {
    selectRow(3); // the details panel shows, with its quote buttons
    QVERIFY(m_window->detailsPanel()->isVisible());
    QLineEdit *search = m_window->filterPanel()->searchField();
    search->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(search->hasFocus());
    // docs/accessibility.md: the filters, the tab bar, the view, then the details.
    const QStringList documented{QStringLiteral("Search events"),
                                 QStringLiteral("Filter by sides"),
                                 QStringLiteral("Filter by actors"),
                                 QStringLiteral("Filter by kinds"),
                                 QStringLiteral("Filter by status"),
                                 QStringLiteral("Filter by articles"),
                                 QStringLiteral("Only events from a date"),
                                 QStringLiteral("Only events up to a date"),
                                 QStringLiteral("Views"),
                                 QStringLiteral("Timeline")};
    QStringList walked;
    QList<QWidget *> stops;
    for (int i = 0; i < 100; ++i) {
        QWidget *focus = QApplication::focusWidget();
        QVERIFY(focus);
        if (!stops.isEmpty() && focus == stops.first())
            break; // round again
        stops.append(focus);
        walked.append(givenName(focus));
        // Every stop is a control one can see, inside the window.
        QVERIFY2(focus->isVisible() && !shownArea(focus).isEmpty(), qPrintable(walked.last()));
        QVERIFY2(focus->window() == m_window, qPrintable(walked.last()));
        QTest::keyClick(focus, Qt::Key_Tab);
    }
    QCOMPARE(walked.mid(0, documented.size()), documented);
    // After the view, the details panel's controls, and then round to the search field.
    QVERIFY(stops.size() > documented.size());
    for (QWidget *stop : stops.mid(documented.size()))
        QVERIFY2(m_window->detailsPanel()->isAncestorOf(stop), qPrintable(spokenName(stop)));
    QVERIFY(walked.contains(QStringLiteral("Show quote 1 in its article")));
    QVERIFY(!walked.contains(QString())); // every stop has a name
    // The window's own account of its order says the same, for the stops that can take
    // focus now.
    QList<QWidget *> expected = m_window->focusOrder();
    expected.removeIf([](QWidget *widget) { return !widget->isVisible() || !widget->isEnabled(); });
    QCOMPARE(stops, expected);
}

// Walks Tab from the search field round the window once; the names of the stops.
static QList<QWidget *> walkFromSearch(MainWindow *window) {
    QLineEdit *search = window->filterPanel()->searchField();
    search->setFocus(Qt::TabFocusReason);
    QList<QWidget *> stops;
    for (int i = 0; i < 100; ++i) {
        QWidget *focus = QApplication::focusWidget();
        if (!focus || (!stops.isEmpty() && focus == search))
            break; // round again
        stops.append(focus);
        QTest::keyClick(focus, Qt::Key_Tab);
    }
    return stops;
}

void AccessibilityTest::tabReachesTheFilterChipsAndTheEmptyPage() {
    // The chips bar is above the views: after the filters, before the tab bar.
    QLineEdit *search = m_window->filterPanel()->searchField();
    search->setFocus(Qt::TabFocusReason);
    QTest::keyClicks(search, QStringLiteral("Geneva"));
    settle();
    QList<QWidget *> stops = walkFromSearch(m_window);
    QStringList walked;
    for (QWidget *stop : std::as_const(stops))
        walked.append(givenName(stop));
    const qsizetype chip = walked.indexOf(QStringLiteral("Remove filter Search: Geneva"));
    QVERIFY2(chip > walked.indexOf(QStringLiteral("Only events up to a date")),
             qPrintable(walked.join(QStringLiteral(", "))));
    QVERIFY2(walked.value(chip + 1) == QStringLiteral("Clear all filters"), qPrintable(walked.join(QStringLiteral(", "))));
    QCOMPARE(walked.value(chip + 2), QStringLiteral("Views"));

    // Nothing matches: the views give way to a page whose buttons Tab reaches.
    search->selectAll();
    QTest::keyClicks(search, QStringLiteral("zzzqqq"));
    settle();
    QVERIFY(m_window->emptyStatePage()->isVisible());
    stops = walkFromSearch(m_window);
    const auto onPage = std::find_if(stops.cbegin(), stops.cend(), [this](QWidget *stop) {
        return m_window->emptyStatePage()->isAncestorOf(stop) &&
               stop->accessibleName() == QStringLiteral("Clear all filters");
    });
    QVERIFY(onPage != stops.cend());
    QTest::keyClick(*onPage, Qt::Key_Space);
    settle();
    QCOMPARE(m_window->filterModel()->rowCount(), m_window->eventModel()->rowCount());
}

void AccessibilityTest::tabInTheOtherViewsReadsTopDown() {
    // From the tab bar, through each view from the top, as docs/accessibility.md says.
    const QList<QPair<int, QStringList>> views{
        {MainWindow::ActorsTab, {QStringLiteral("Actor lanes"), QStringLiteral("Actors")}},
        {MainWindow::SourcesTab,
         {QStringLiteral("Articles"), QStringLiteral("Article text"),
          QStringLiteral("Passages in this article")}}};
    for (const auto &[tab, documented] : views) {
        m_window->tabs()->setCurrentIndex(tab);
        settle();
        QTabBar *bar = m_window->tabs()->tabBar();
        bar->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(bar->hasFocus());
        QStringList walked;
        for (int i = 0; i < documented.size(); ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            walked.append(givenName(QApplication::focusWidget()));
        }
        QCOMPARE(walked, documented);
    }
}

void AccessibilityTest::focusableWidgetsHaveAccessibleNames() {
    selectRow(3);
    for (int tab = 0; tab < m_window->tabs()->count(); ++tab) {
        m_window->tabs()->setCurrentIndex(tab);
        settle();
        for (QWidget *widget : m_window->findChildren<QWidget *>()) {
            if (!widget->isVisible() || !(widget->focusPolicy() & Qt::TabFocus) ||
                widget->focusProxy())
                continue;
            QVERIFY2(!spokenName(widget).isEmpty(),
                     qPrintable(QStringLiteral("%1 %2 on tab %3")
                                    .arg(QString::fromLatin1(widget->metaObject()->className()),
                                         widget->objectName(), QString::number(tab))));
        }
    }
    for (QWidget *label : {static_cast<QWidget *>(m_window->timeline()),
                           static_cast<QWidget *>(m_window->detailsPanel())}) {
        QVERIFY(!label->accessibleName().isEmpty());
        QVERIFY(!label->accessibleDescription().isEmpty());
    }
    // The status bar's labels say what they show.
    QStringList statusNames;
    for (QLabel *child : m_window->statusBar()->findChildren<QLabel *>())
        if (child->isVisible())
            statusNames.append(child->accessibleName());
    QVERIFY2(statusNames.contains(QStringLiteral("Events shown")),
             qPrintable(statusNames.join(u',')));
    QVERIFY(statusNames.contains(QStringLiteral("Dataset title")));
    QVERIFY(!statusNames.contains(QString()));
}

void AccessibilityTest::timelineShowsKeyboardFocus() {
    TimelineView *timeline = m_window->timeline();
    const QColor highlight = timeline->palette().color(QPalette::Highlight);
    const auto edge = [timeline] {
        const QImage image = timeline->viewport()->grab().toImage();
        return image.pixelColor(1, image.height() / 2);
    };
    m_window->filterPanel()->searchField()->setFocus();
    QTRY_VERIFY(!timeline->hasFocus());
    QVERIFY(edge() != highlight);
    timeline->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(timeline->hasFocus());
    QCOMPARE(edge(), highlight);
}

void AccessibilityTest::timelineDescriptionNamesTheCurrentEvent() {
    TimelineView *timeline = m_window->timeline();
    QVERIFY(timeline->accessibleDescription().startsWith(QStringLiteral("No event selected")));
    for (const int row : {2, 7}) {
        selectRow(row);
        const QModelIndex current = m_window->selectionModel()->currentIndex();
        const QString title = current.data(EventModel::TitleRole).toString();
        const QString date = current.data(EventModel::DateTextRole).toString();
        QVERIFY(!title.isEmpty() && !date.isEmpty());
        QVERIFY2(timeline->accessibleDescription().startsWith(
                     QStringLiteral("Current event: %1, %2.").arg(title, date)),
                 qPrintable(timeline->accessibleDescription()));
    }
}

void AccessibilityTest::chartKeepsSixtyPercentAt1024() {
    m_window->resize(1024, 768);
    settle();
    selectRow(4); // the details panel appears
    settle();
    QVERIFY(m_window->detailsPanel()->isVisible());
    QVERIFY(m_window->filterPanel()->isVisible());
    QCOMPARE(m_window->width(), 1024);
    QVERIFY2(m_window->timeline()->width() >= 0.6 * m_window->width(),
             qPrintable(QString::number(m_window->timeline()->width())));
    // The window fitToScreen gives a 1024×768 screen: 90% of it.
    m_window->resize(921, 691);
    settle();
    QVERIFY2(m_window->timeline()->width() >= 0.6 * m_window->width(),
             qPrintable(QString::number(m_window->timeline()->width())));
    QVERIFY(m_window->detailsPanel()->width() > 0 && m_window->filterPanel()->width() > 0);
    m_window->resize(1024, 768);
    settle();
    // The side panels can be dragged shut, the views cannot; also with a splitter state
    // saved when nothing could collapse.
    auto *splitter = qobject_cast<QSplitter *>(m_window->centralWidget());
    QVERIFY(splitter);
    splitter->setChildrenCollapsible(false);
    splitter->restoreState(splitter->saveState());
    QVERIFY(splitter->isCollapsible(0));
    QVERIFY(!splitter->isCollapsible(1));
    QVERIFY(splitter->isCollapsible(2));
    // And after growing and shrinking again.
    m_window->resize(1400, 900);
    settle();
    m_window->resize(1024, 768);
    settle();
    QVERIFY2(m_window->timeline()->width() >= 0.6 * m_window->width(),
             qPrintable(QString::number(m_window->timeline()->width())));
}

void AccessibilityTest::enterWithoutPassageStaysAndSaysSo() {
    // minimal.json with its last event's only passage taken away.
    QFile original(QStringLiteral(NTL_TEST_DATA_DIR "/valid/minimal.json"));
    QVERIFY(original.open(QIODevice::ReadOnly));
    QByteArray json = original.readAll();
    const qsizetype quote = json.indexOf("\"exact\": \"A second round");
    const qsizetype open = json.lastIndexOf("\"sources\": [", quote);
    const qsizetype close = json.indexOf(']', quote);
    QVERIFY(quote > 0 && open > 0 && close > quote);
    json.replace(open, close + 1 - open, "\"sources\": []");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile copy(dir.filePath(QStringLiteral("unsourced.json")));
    QVERIFY(copy.open(QIODevice::WriteOnly));
    QCOMPARE(copy.write(json), json.size());
    copy.close();
    QVERIFY(m_window->openDataset(copy.fileName()));
    settle();

    TimelineView *timeline = m_window->timeline();
    timeline->setFocus();
    QTRY_VERIFY(timeline->hasFocus());
    QTest::keyClick(timeline, Qt::Key_Up); // from no event: the last one
    const QModelIndex current = m_window->selectionModel()->currentIndex();
    QCOMPARE(current.data(EventModel::TitleRole).toString(),
             QStringLiteral("Second round announced"));
    QCOMPARE(current.data(EventModel::SourceCountRole).toInt(), 0);
    QTest::keyClick(timeline, Qt::Key_Return);
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::TimelineTab));
    QCOMPARE(m_window->statusBar()->currentMessage(),
             QStringLiteral("This event cites no passage"));
    // The event before it has its passage: Enter opens it.
    QTest::keyClick(timeline, Qt::Key_Up);
    QTest::keyClick(timeline, Qt::Key_Return);
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::SourcesTab));
    QVERIFY(!m_window->sourcesView()->textView()->textCursor().selectedText().isEmpty());
}

QTEST_MAIN(AccessibilityTest)
#include "accessibilitytest.moc"
