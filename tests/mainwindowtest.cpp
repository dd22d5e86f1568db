#include "actorsview.h"
#include "document.h"
#include "emptystatepage.h"
#include "eventdetailspanel.h"
#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "exportdialog.h"
#include "filterchipsbar.h"
#include "filterpanel.h"
#include "mainwindow.h"
#include "problemsmodel.h"
#include "problemspanel.h"
#include "session.h"
#include "sourcesview.h"
#include "testwindow.h"
#include "themestyle.h"
#include "timelineview.h"

#include <QAction>
#include <QApplication>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QPushButton>
#include <QScopeGuard>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTextEdit>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QWindow>

using namespace ntl;

// The whole window on the offscreen platform: the views share one filtered model and
// one selection, and every interaction goes through the real widgets.
class MainWindowTest : public QObject
{
    Q_OBJECT
private slots:
    void detailsTakeRoomOnlyWhileAnEventIsSelected();
    void laneNamesStayInSightWhileScrolling();
    void initTestCase();
    void init();
    void cleanup();
    void settingsAreTheTestsOwn();
    void selectingInTheTimelineSelectsInEveryView();
    void clickingAQuoteShowsExactlyThatPassageInTheSources();
    void eachFilterChangesWhatEveryViewShows();
    void searchFindsAnEventByAWordOnlyInItsQuote();
    void brokenFileKeepsTheDatasetAndListsTheErrors();
    void keyboardMovesBetweenEventsAndViews();
    void markupFromTheDatasetIsShownLiterally();
    void windowStateIsKeptInSettings();
    void actorLanesShowTheirNames();
    void busiestWeekTooltipNeverShowsStaleDates();
    void refusedDatasetDialogShowsItsMarkupAsText();
    void warningsListShowsMarkupAndControlsAsText();
    void warningsCountFollowsEdits();
    void windowTitleShowsTheDatasetTitleLiterally();
    void statusBarAndRecentMenuShowFileNamesLiterally();
    void hostileRecentFilesAreBoundedAndShownAsText();
    void statusBarShowsTheDatasetTitleOnOneLineUnreordered();
    void printOpensAPreviewOfTheView();
    void exportDialogPreviewFollowsThePageSize();
    void themeMenuSwitchesTheWindowAndIsRemembered();
    void systemThemeFollowsADesktopPaletteChange();
    void brokenFileAtStartupOpensTheDefaultDataset();
    void firstWindowFitsTheAvailableScreen();
    void chipsNameEachActiveFilterAndRemoveJustThatOne();
    void chipsAreRemovedByKeyboardAndClearedAll();
    void showOnlyThisActorIsAChip();
    void chipsShowMarkupLiterally();
    void filterMatchingNothingSaysSoAndClearsFromThere();
    void datasetWithoutEventsSaysSo();

private:
    bool openWithTitle(const QTemporaryDir &dir, const QByteArray &title);
    QString currentId() const;
    // The Sources view's article list, read with that view shown (hidden views catch up
    // when shown); the tab shown before is shown again.
    QStringList shownArticles();

    MainWindow *m_window = nullptr;
};

static QString fixture(const char *name) { return QStringLiteral(NTL_TEST_DATA_DIR "/") + QString::fromUtf8(name); }

void MainWindowTest::initTestCase()
{
    useTestSettings("mainwindowtest"); // never the user's settings
}

void MainWindowTest::settingsAreTheTestsOwn() {
    // The window records recent files and export choices: in the test location, never in
    // the settings of the developer running the tests.
    const QString location =
        QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    QVERIFY2(location.contains(QLatin1String("/.qttest/")), qPrintable(location));
    QVERIFY2(QSettings().fileName().startsWith(location + u'/'),
             qPrintable(QSettings().fileName()));
}

void MainWindowTest::init()
{
    m_window = new MainWindow;
    m_window->setInteractive(false);
    QVERIFY(m_window->openDataset(fixture("valid/minimal.json")));
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_window->tabs()->setCurrentIndex(MainWindow::TimelineTab);
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
}

void MainWindowTest::cleanup()
{
    delete m_window;
    m_window = nullptr;
}

QString MainWindowTest::currentId() const
{
    return m_window->selectionModel()->currentIndex().data(EventModel::EventIdRole).toString();
}

QStringList MainWindowTest::shownArticles()
{
    const int tab = m_window->tabs()->currentIndex();
    m_window->tabs()->setCurrentIndex(MainWindow::SourcesTab);
    const QScopeGuard back([&] { m_window->tabs()->setCurrentIndex(tab); });
    QStringList titles;
    QAbstractItemModel *model = m_window->sourcesView()->articleList()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        titles.append(model->index(row, 0).data().toString());
    return titles;
}

void MainWindowTest::laneNamesStayInSightWhileScrolling()
{
    m_window->openDataset(shippedDatasetPath());
    TimelineView *timeline = m_window->timeline();
    m_window->resize(700, 420); // lanes taller than the window: the view scrolls
    QCoreApplication::processEvents();
    timeline->settle();
    QCoreApplication::processEvents();
    auto *scroll = qobject_cast<QScrollArea *>(timeline->parentWidget()->parentWidget());
    QVERIFY(scroll);
    QScrollBar *bar = scroll->verticalScrollBar();
    QVERIFY2(bar->maximum() > 0, "the lanes must be taller than the window for this test");
    QSet<QString> tagged;
    for (int value = 0; value <= bar->maximum(); value += std::max(1, bar->pageStep() / 4)) {
        bar->setValue(value);
        QCoreApplication::processEvents();
        for (const QString &name : timeline->laneTagsShown()) {
            QVERIFY(timeline->laneLabels().contains(name));
            tagged.insert(name);
        }
    }
    QVERIFY2(!tagged.isEmpty(), "a lane whose name scrolled away shows it at the top of what is in sight");
}

void MainWindowTest::detailsTakeRoomOnlyWhileAnEventIsSelected()
{
    QVERIFY(!m_window->detailsPanel()->isVisible());
    const int timelineWidth = m_window->tabs()->width();
    TimelineView *timeline = m_window->timeline();
    const QPoint marker = timeline->markerPositions(QStringLiteral("ev-statement")).first();
    QTest::mouseClick(timeline->viewport(), Qt::LeftButton, {}, marker);
    QVERIFY(m_window->detailsPanel()->isVisible());
    QTRY_VERIFY(m_window->tabs()->width() < timelineWidth); // the room it takes is the views'
    m_window->selectionModel()->clearCurrentIndex();
    QVERIFY(!m_window->detailsPanel()->isVisible());
}

void MainWindowTest::selectingInTheTimelineSelectsInEveryView()
{
    TimelineView *timeline = m_window->timeline();
    const QPoint marker = timeline->markerPositions(QStringLiteral("ev-statement")).first();
    QTest::mouseClick(timeline->viewport(), Qt::LeftButton, {}, marker);
    QCOMPARE(currentId(), QStringLiteral("ev-statement"));
    // The details panel, the actors chart and the sources view follow the one selection.
    QCOMPARE(m_window->detailsPanel()->currentEventId(), QStringLiteral("ev-statement"));
    QCOMPARE(m_window->sourcesView()->currentArticleId(), QStringLiteral("art-a"));
    m_window->tabs()->setCurrentIndex(MainWindow::SourcesTab);
    QTRY_VERIFY(m_window->sourcesView()->textView()->isVisible());
    const QString text = m_window->sourcesView()->textView()->toPlainText();
    QVERIFY(text.contains(QStringLiteral("The League said the talks were constructive.")));
    // The actors view's chart rings the same event.
    m_window->tabs()->setCurrentIndex(MainWindow::ActorsTab);
    QTRY_VERIFY(!m_window->actorsView()->chart()->markerPositions(QStringLiteral("ev-statement")).isEmpty());
    QCOMPARE(m_window->actorsView()->chart()->markerPositions(QStringLiteral("ev-statement")).size(), 2); // envoy, League
}

void MainWindowTest::clickingAQuoteShowsExactlyThatPassageInTheSources()
{
    m_window->selectionModel()->setCurrentIndex(m_window->filterModel()->indexOfEvent(QStringLiteral("ev-talks")),
                                                QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QList<QLabel *> quotes;
    QTRY_VERIFY((quotes = m_window->detailsPanel()->findChildren<QLabel *>(QStringLiteral("quote"))).size() == 2);
    QLabel *second = quotes.at(1);
    QVERIFY(second->text().contains(QStringLiteral("Officials said the Lakeside talks took place on Tuesday.")));
    QTest::mouseClick(second, Qt::LeftButton, {}, QPoint(10, second->height() / 2));
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::SourcesTab));
    QCOMPARE(m_window->sourcesView()->currentArticleId(), QStringLiteral("art-b"));
    QCOMPARE(m_window->sourcesView()->textView()->textCursor().selectedText(),
             QStringLiteral("Officials said the Lakeside talks took place on Tuesday."));
}

void MainWindowTest::eachFilterChangesWhatEveryViewShows()
{
    FilterPanel *panel = m_window->filterPanel();
    QTreeWidget *kinds = panel->kindList();
    QTreeWidgetItem *statement = kinds->findItems(QStringLiteral("statement"), Qt::MatchExactly).first();
    kinds->setFocus();
    kinds->setCurrentItem(statement);
    QTest::keyClick(kinds, Qt::Key_Space);
    QCOMPARE(m_window->filterModel()->rowCount(), 1);
    QCoreApplication::processEvents();
    // Timeline and actor lanes show only the statement; the sources only its articles.
    QVERIFY(m_window->timeline()->markerPositions(QStringLiteral("ev-talks")).isEmpty());
    QVERIFY(!m_window->timeline()->markerPositions(QStringLiteral("ev-statement")).isEmpty());
    m_window->tabs()->setCurrentIndex(MainWindow::ActorsTab); // hidden views catch up when shown
    QTRY_COMPARE(m_window->actorsView()->chart()->laneLabels(), (QStringList{QStringLiteral("Ana Envoy"), QStringLiteral("The League")}));
    QVERIFY(m_window->actorsView()->chart()->markerPositions(QStringLiteral("ev-second-round")).isEmpty());
    m_window->tabs()->setCurrentIndex(MainWindow::TimelineTab);
    QCOMPARE(shownArticles(), (QStringList{QStringLiteral("Lakeside talks open"), QStringLiteral("Officials on Lakeside")}));

    // By article: the events citing art-b (both also cite art-a).
    QTest::mouseClick(panel->clearButton(), Qt::LeftButton);
    QTreeWidget *articles = panel->articleList();
    articles->setFocus();
    articles->setCurrentItem(articles->findItems(QStringLiteral("Officials on Lakeside"), Qt::MatchExactly).first());
    QTest::keyClick(articles, Qt::Key_Space);
    QCoreApplication::processEvents();
    QVERIFY(m_window->timeline()->markerPositions(QStringLiteral("ev-second-round")).isEmpty());
    QCOMPARE(m_window->timeline()->markerPositions(QStringLiteral("ev-talks")).size(), 3);

    // By status: only the planned second round, cited by art-a alone.
    QTest::mouseClick(panel->clearButton(), Qt::LeftButton);
    QTreeWidget *statuses = panel->statusList();
    statuses->setFocus();
    statuses->setCurrentItem(statuses->findItems(QStringLiteral("planned"), Qt::MatchExactly).first());
    QTest::keyClick(statuses, Qt::Key_Space);
    QCoreApplication::processEvents();
    QCOMPARE(shownArticles(), QStringList{QStringLiteral("Lakeside talks open")});
    QCOMPARE(m_window->timeline()->markerPositions(QStringLiteral("ev-second-round")).size(), 2);
    m_window->tabs()->setCurrentIndex(MainWindow::ActorsTab);
    QTRY_VERIFY(!m_window->actorsView()->chart()->markerPositions(QStringLiteral("ev-second-round")).isEmpty());
    QVERIFY(m_window->actorsView()->chart()->markerPositions(QStringLiteral("ev-talks")).isEmpty());
}

void MainWindowTest::searchFindsAnEventByAWordOnlyInItsQuote()
{
    QTest::keyClick(m_window, Qt::Key_F, Qt::ControlModifier);
    QLineEdit *search = m_window->filterPanel()->searchField();
    QTRY_VERIFY(search->hasFocus());
    // "called" occurs only in the passage "The northern envoy called the talks constructive."
    QTest::keyClicks(search, QStringLiteral("called"));
    QCOMPARE(m_window->filterModel()->rowCount(), 1);
    QCOMPARE(m_window->filterModel()->index(0, 0).data(EventModel::EventIdRole).toString(), QStringLiteral("ev-statement"));
    QCoreApplication::processEvents();
    QVERIFY(m_window->timeline()->markerPositions(QStringLiteral("ev-talks")).isEmpty());
    QCOMPARE(m_window->filterPanel()->countText(), QStringLiteral("1 of 3 events"));
}

void MainWindowTest::brokenFileKeepsTheDatasetAndListsTheErrors()
{
    const auto before = m_window->eventModel()->dataset();
    QVERIFY(!m_window->openDataset(fixture("bad/end-before-start.json")));
    QCOMPARE(m_window->eventModel()->dataset(), before);
    QCOMPARE(m_window->eventModel()->rowCount(), 3);
    QCOMPARE(m_window->currentPath(), fixture("valid/minimal.json"));
    QVERIFY(!m_window->lastErrors().isEmpty());
    QCOMPARE(m_window->lastErrors().first().toString(),
             fixture("bad/end-before-start.json") +
                 QStringLiteral(": /events/2/date/end: error: expected an end on or after the start 2030-03-11, found 2030-03-10"));
    QVERIFY(!m_window->timeline()->markerPositions(QStringLiteral("ev-talks")).isEmpty());
}

void MainWindowTest::keyboardMovesBetweenEventsAndViews()
{
    m_window->timeline()->setFocus();
    QTest::keyClick(m_window->timeline(), Qt::Key_Down);
    QCOMPARE(currentId(), QStringLiteral("ev-talks"));
    QTest::keyClick(m_window->timeline(), Qt::Key_Down);
    QCOMPARE(currentId(), QStringLiteral("ev-statement"));
    QTest::keyClick(m_window->timeline(), Qt::Key_Return); // opens its first quote
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::SourcesTab));
    QCOMPARE(m_window->sourcesView()->textView()->textCursor().selectedText(),
             QStringLiteral("The League said the talks were constructive."));
    QTest::keyClick(m_window, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::ActorsTab));
    QTest::keyClick(m_window, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::TimelineTab));
}

void MainWindowTest::markupFromTheDatasetIsShownLiterally()
{
    QVERIFY(m_window->openDataset(fixture("bad/markup-in-title.json")));
    const QString title = QStringLiteral("<b>x</b><img src=\"file:///etc/passwd\"><a href=\"https://example.invalid\">click</a>");
    m_window->selectionModel()->setCurrentIndex(m_window->filterModel()->indexOfEvent(QStringLiteral("ev-talks")),
                                                QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QLabel *shown = nullptr;
    QTRY_VERIFY((shown = m_window->detailsPanel()->findChild<QLabel *>(QStringLiteral("title"))) != nullptr);
    QCOMPARE(shown->text(), title);
    QCOMPARE(shown->textFormat(), Qt::PlainText); // the angle brackets show; nothing is fetched
    QCOMPARE(shown->openExternalLinks(), false);
    QTRY_VERIFY(m_window->timeline()->shownLabels().join(QString()).contains(QStringLiteral("<b>x</b>")));
    for (QLabel *label : m_window->findChildren<QLabel *>()) {
        if (label->text().contains(QStringLiteral("<script>")) || label->text().contains(QStringLiteral("<b>x</b>")))
            QCOMPARE(label->textFormat(), Qt::PlainText);
    }
}

// The lane names the chart draws: its visible text items left of the plot (the legend,
// above it, names the sides too).
static QStringList drawnLaneNames(TimelineView *chart)
{
    QStringList names;
    const QRectF plot = chart->chart()->mapRectToScene(chart->chart()->plotArea());
    for (QGraphicsItem *item : chart->chart()->scene()->items()) {
        const auto *text = dynamic_cast<QGraphicsTextItem *>(item);
        if (!text || !text->isVisible() || text->sceneBoundingRect().right() > plot.left() + 1)
            continue;
        // Repeated names carry invisible suffixes; long ones are elided.
        QString shown = text->toPlainText();
        shown.remove(QChar(0x200B));
        if (shown.endsWith(QChar(0x2026)))
            shown.chop(1);
        for (const QString &name : chart->laneLabels()) {
            if (!shown.isEmpty() && name.startsWith(shown) && !names.contains(name)) {
                names.append(name);
                break;
            }
        }
    }
    return names;
}

void MainWindowTest::actorLanesShowTheirNames()
{
    // Shown for the first time after the dataset was opened: laid out then, every name drawn.
    QVERIFY(m_window->openDataset(QStringLiteral(":/datasets/peace-talks-2025/dataset.json")));
    QCoreApplication::processEvents();
    m_window->tabs()->setCurrentIndex(MainWindow::ActorsTab);
    TimelineView *chart = m_window->actorsView()->chart();
    QTRY_VERIFY(chart->laneLabels().size() > 10);
    // The United States' actors, the top lanes: the first was once lost when the view
    // was first laid out while shown.
    const QStringList top = chart->laneLabels().mid(0, 10);
    QVERIFY(top.contains(QStringLiteral("United States")) && top.contains(QStringLiteral("Lindsey Graham")));
    for (const QString &name : top)
        QTRY_VERIFY2(drawnLaneNames(chart).contains(name), qPrintable(name));
}

void MainWindowTest::busiestWeekTooltipNeverShowsStaleDates()
{
    QAction *busiest = nullptr;
    for (QAction *action : m_window->findChildren<QAction *>()) {
        if (action->text() == QStringLiteral("&Busiest Week"))
            busiest = action;
    }
    QVERIFY(busiest);
    QTRY_VERIFY2(busiest->toolTip().contains(QStringLiteral("Mar")), qPrintable(busiest->toolTip()));
    const QString whole = busiest->toolTip();
    // Filtered with the timeline hidden: it lays out when shown, and says no dates till then.
    m_window->tabs()->setCurrentIndex(MainWindow::SourcesTab);
    m_window->filterModel()->setKinds({QStringLiteral("statement")});
    QCoreApplication::processEvents();
    QCOMPARE(busiest->toolTip(), QStringLiteral("Busiest week"));
    m_window->tabs()->setCurrentIndex(MainWindow::TimelineTab);
    QTRY_VERIFY2(busiest->toolTip().contains(QStringLiteral("1 event")), qPrintable(busiest->toolTip()));
    QVERIFY(busiest->toolTip() != whole);
}

void MainWindowTest::windowStateIsKeptInSettings()
{
    m_window->tabs()->setCurrentIndex(MainWindow::SourcesTab);
    m_window->close();
    QSettings settings;
    QCOMPARE(settings.value(QStringLiteral("window/tab")).toInt(), int(MainWindow::SourcesTab));
    QVERIFY(!settings.value(QStringLiteral("window/geometry")).toByteArray().isEmpty());
    QVERIFY(!settings.value(QStringLiteral("window/splitter")).toByteArray().isEmpty());
    QCOMPARE(settings.value(QStringLiteral("session/lastFile")).toString(), fixture("valid/minimal.json"));
    MainWindow again;
    QCOMPARE(again.tabs()->currentIndex(), int(MainWindow::SourcesTab));
}

// What a label puts on screen: its text as is when plain, the rendered text when rich.
static QString shownText(const QLabel *label) {
    const bool rich = label->textFormat() == Qt::RichText ||
                      (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text()));
    if (!rich)
        return label->text();
    QTextDocument document;
    document.setHtml(label->text());
    return document.toPlainText();
}

static const QString hostileMarkup =
    QStringLiteral("<h1 style=color:red>X</h1><a "
                   "href=\"https://example.org\">link</a><table><tr><td>cell</td></tr></table>");

void MainWindowTest::refusedDatasetDialogShowsItsMarkupAsText() {
    // The corpus file whose unknown actor id holds markup, an escape and a forged line.
    m_window->setInteractive(true);
    QString text, informative, detailed;
    bool linksOpen = true;
    bool seen = false;
    QTimer poll; // the dialog runs its own event loop: read it from there, then close it
    connect(&poll, &QTimer::timeout, this, [&] {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            auto *box = qobject_cast<QMessageBox *>(widget);
            if (!box || !box->isVisible())
                continue;
            const auto *main = box->findChild<QLabel *>(QStringLiteral("qt_msgbox_label"));
            const auto *info =
                box->findChild<QLabel *>(QStringLiteral("qt_msgbox_informativelabel"));
            const auto *details = box->findChild<QTextEdit *>();
            if (main && info && details) {
                text = shownText(main);
                informative = shownText(info);
                linksOpen = info->openExternalLinks() || main->openExternalLinks();
                detailed = details->toPlainText();
            }
            seen = true;
            box->done(QMessageBox::Ok);
        }
    });
    poll.start(20);
    QVERIFY(!m_window->openDataset(fixture("bad/hostile-actor-id.json")));
    poll.stop();
    QVERIFY(seen);
    QCOMPARE(text, QStringLiteral("hostile-actor-id.json could not be opened: 1 problem. The "
                                  "dataset on screen is unchanged."));
    const QString problem = QStringLiteral("unknown actor id \"") + hostileMarkup +
                            QStringLiteral("\\u001b[31m\\nfake.json:1:1: error: forged\\u202e\"");
    // In words above (the tags show; nothing is rendered), the file's location under Details.
    const QString inWords = QStringLiteral("Event 1, participant 1, actor: “") + hostileMarkup +
                            QStringLiteral("\\u001b[31m\\nfake.json:1:1: error: forged\\u202e” "
                                           "is not in the list of actors");
    QCOMPARE(informative, inWords);
    QVERIFY2(detailed.contains(problem), qPrintable(detailed));
    QVERIFY2(detailed.contains(QStringLiteral(": /events/0/participants/0/actor: error: ")),
             qPrintable(detailed));
    QCOMPARE(informative.count(u'\n'), 0); // one problem, one line: nothing forged
    QVERIFY(!informative.contains(QChar(0x1b)) && !detailed.contains(QChar(0x1b)));
    QVERIFY(!linksOpen);
}

void MainWindowTest::warningsListShowsMarkupAndControlsAsText() {
    // Loads, with one warning quoting the unknown field's name.
    QVERIFY(m_window->openDataset(fixture("bad/hostile-field-name.json")));
    QCOMPARE(m_window->lastWarnings().size(), 1);
    QToolButton *button = nullptr;
    for (QToolButton *candidate : m_window->findChildren<QToolButton *>()) {
        if (candidate->isVisible() && candidate->text().contains(QStringLiteral("1 warning")))
            button = candidate;
    }
    QVERIFY(button);
    auto *panel = m_window->findChild<ProblemsPanel *>();
    QVERIFY(panel);
    QVERIFY(panel->isHidden());
    button->click(); // opens the Problems panel, which lists the warnings
    QVERIFY(panel->isVisible());
    const QScopeGuard close([&] { panel->hide(); });
    QTreeView *list = panel->view();
    QCOMPARE(list->model()->rowCount(), 1);
    // In words, the event named by its title; the JSON pointer in its own column.
    const QString shown = list->model()->index(0, ProblemsModel::MessageColumn).data().toString();
    QCOMPARE(shown, QStringLiteral("Event “Talks in Lakeside”: unknown field \"") + hostileMarkup +
                        QStringLiteral("\\u001b[2J\\u2028\" ignored"));
    QVERIFY(!shown.contains(QChar(0x1b)) && !shown.contains(QChar(0x2028)));
    QVERIFY(!shown.contains(u'\n'));
    // A QTreeView draws its items as plain text: the markup is never interpreted.
    QCOMPARE(list->model()->index(0, ProblemsModel::LocationColumn).data().toString(),
             QStringLiteral("/events/0"));
    const QString technical =
        list->model()->index(0, 0).data(ProblemsModel::TechnicalRole).toString();
    // Its tooltip is escaped HTML of the same: Qt would render a tooltip that looks like markup.
    const QString toolTip = list->model()->index(0, 0).data(Qt::ToolTipRole).toString();
    QVERIFY(toolTip.contains(technical.toHtmlEscaped()));
    QVERIFY(!toolTip.contains(hostileMarkup));
    QVERIFY2(technical.endsWith(QStringLiteral(": /events/0: warning: unknown field \"") +
                                hostileMarkup + QStringLiteral("\\u001b[2J\\u2028\" ignored")),
             qPrintable(technical));
    QVERIFY(!technical.contains(QChar(0x1b)) && !technical.contains(QChar(0x2028)));
}

void MainWindowTest::warningsCountFollowsEdits() {
    QVERIFY(m_window->openDataset(fixture("valid/minimal.json")));
    QToolButton *button = nullptr;
    for (QToolButton *candidate : m_window->findChildren<QToolButton *>()) {
        if (candidate->accessibleName() == QStringLiteral("Show the dataset's warnings"))
            button = candidate;
    }
    QVERIFY(button);
    QVERIFY(button->isHidden()); // nothing to say of minimal.json
    Document *document = m_window->session()->document();
    const QString statement = QStringLiteral("ev-statement");
    const QList<SourcePassage> sources =
        document->dataset().events.at(document->eventRow(statement)).sources;
    for (qsizetype i = sources.size() - 1; i >= 0; --i)
        QVERIFY(document->removePassage(statement, int(i)));
    QVERIFY(button->isVisible());
    QCOMPARE(button->text(), QStringLiteral("⚠ 1 warning"));
    document->undoStack()->undo();
    QVERIFY(button->isHidden());
}

// Opens a copy of the minimal fixture whose title is `title` (JSON string content), in `dir`.
bool MainWindowTest::openWithTitle(const QTemporaryDir &dir, const QByteArray &title) {
    QFile minimal(fixture("valid/minimal.json"));
    if (!minimal.open(QIODevice::ReadOnly))
        return false;
    QByteArray bytes = minimal.readAll();
    const QByteArray fixtureTitle = "\"Lakeside talks (test fixture)\"";
    if (!bytes.contains(fixtureTitle))
        return false;
    bytes.replace(fixtureTitle, '"' + title + '"');
    QFile copy(dir.filePath(QStringLiteral("titled.json")));
    if (!copy.open(QIODevice::WriteOnly) || copy.write(bytes) != bytes.size())
        return false;
    copy.close();
    return m_window->openDataset(copy.fileName());
}

void MainWindowTest::windowTitleShowsTheDatasetTitleLiterally() {
    // "[*]" is Qt's placeholder for the modified marker; an escape and a newline follow.
    QTemporaryDir dir;
    QVERIFY(openWithTitle(dir, "Talks [*] <b>x</b>\\u001b[31m\\nnext"));
    QCOMPARE(m_window->windowHandle()->title(),
             QStringLiteral("titled.json — Talks [*] <b>x</b>\\u001b[31m\\nnext — "
                            "Negotiation Timeline"));
}

void MainWindowTest::statusBarShowsTheDatasetTitleOnOneLineUnreordered() {
    QTemporaryDir dir;
    QVERIFY(openWithTitle(dir, "Talks\\nnext \\u202eRTL\\u202c \\u2066x\\u2069\\u0085\\u001b[31m"));
    QStringList shown;
    for (const QLabel *label : m_window->statusBar()->findChildren<QLabel *>()) {
        if (label->text().startsWith(QStringLiteral("Talks")))
            shown.append(label->text());
    }
    QCOMPARE(shown, QStringList{QStringLiteral("Talks next RTL x \uFFFD[31m")});
}

void MainWindowTest::statusBarAndRecentMenuShowFileNamesLiterally() {
    QTemporaryDir dir;
    // An ampersand would be a menu shortcut; the escape would show as a box.
    const QString name = QStringLiteral("a&b\x1b[31m.json");
    QVERIFY(QFile::copy(fixture("valid/minimal.json"), dir.filePath(name)));
    QVERIFY(m_window->openDataset(dir.filePath(name)));
    QMenu *recent = nullptr;
    for (QMenu *menu : m_window->findChildren<QMenu *>()) {
        if (menu->title() == QStringLiteral("Open &Recent"))
            recent = menu;
    }
    QVERIFY(recent);
    QVERIFY(!recent->actions().isEmpty());
    QCOMPARE(recent->actions().first()->text(), QStringLiteral("&1 a&&b\\u001b[31m.json"));

    const QString refused = QStringLiteral("c\x1b[31m.json");
    QVERIFY(QFile::copy(fixture("bad/end-before-start.json"), dir.filePath(refused)));
    QVERIFY(!m_window->openDataset(dir.filePath(refused)));
    QCOMPARE(m_window->statusBar()->currentMessage(),
             QStringLiteral("Could not open ") + dir.path() + QStringLiteral("/c\\u001b[31m.json"));
}

void MainWindowTest::hostileRecentFilesAreBoundedAndShownAsText() {
    // A settings file is anyone's to edit: 200,000 recent files took a minute to list.
    QStringList stored{QStringLiteral("/x/") + QString(100000, u'a'), // longer than any path
                       QStringLiteral("/x/a\nforged line\u202eRTL.json")};
    for (int i = 0; i < 5000; ++i)
        stored.append(QStringLiteral("/x/f%1.json").arg(i));
    QSettings().setValue(QStringLiteral("session/recentFiles"), stored);
    const auto restore =
        qScopeGuard([] { QSettings().remove(QStringLiteral("session/recentFiles")); });
    MainWindow window;
    QMenu *recent = nullptr;
    for (QMenu *menu : window.findChildren<QMenu *>()) {
        if (menu->title() == QStringLiteral("Open &Recent"))
            recent = menu;
    }
    QVERIFY(recent);
    // Of the first 8 entries, the overlong one is dropped.
    QCOMPARE(recent->actions().size(), 7);
    QCOMPARE(recent->actions().first()->text(),
             QStringLiteral("&1 a\\nforged line\\u202eRTL.json"));
    QCOMPARE(recent->actions().first()->statusTip(),
             QStringLiteral("/x/a\\nforged line\\u202eRTL.json"));
    QCOMPARE(recent->actions().last()->statusTip(), QStringLiteral("/x/f5.json"));
}

void MainWindowTest::printOpensAPreviewOfTheView()
{
    // File → Print… (the platform's Print shortcut) opens a preview of the view laid out
    // as an export; it is closed from a timer, as a user would close it.
    QAction *print = nullptr;
    for (QAction *action : m_window->findChildren<QAction *>()) {
        if (action->shortcut() == QKeySequence(QKeySequence::Print))
            print = action;
    }
    QVERIFY(print);
    bool sawPreview = false;
    int pages = 0;
    QTimer::singleShot(0, this, [&] {
        auto *preview = qobject_cast<QPrintPreviewDialog *>(QApplication::activeModalWidget());
        if (!preview)
            return;
        sawPreview = true;
        if (auto *widget = preview->findChild<QPrintPreviewWidget *>())
            pages = widget->pageCount();
        preview->reject();
    });
    print->trigger();
    QVERIFY(sawPreview);
    QCOMPARE(pages, 1); // paintRequested drew the page
}

void MainWindowTest::exportDialogPreviewFollowsThePageSize()
{
    ExportDialog dialog(m_window);
    QList<QSize> painted;
    dialog.setPreviewPainter([&](QPainter *, const QSize &size, const ExportOptions &options) {
        painted.append(size);
        QVERIFY(options.isPhysical() || options.size == size);
    });
    auto *size = dialog.findChildren<QComboBox *>().at(1); // view, size, …
    size->setCurrentIndex(size->findText(QStringLiteral("A4 page")));
    QVERIFY(size->currentIndex() >= 0);
    QTRY_VERIFY(!painted.isEmpty() && painted.last() == QSize(1123, 794)); // 297 x 210 mm at 96 to the inch
    const QImage thumbnail = dialog.previewImage();
    QVERIFY(!thumbnail.isNull());
    QVERIFY(qAbs(double(thumbnail.width()) / thumbnail.height() - 297.0 / 210.0) < 0.02);
    QCOMPARE(dialog.options().pixelSize(ExportOptions::Format::Png), QSize(3508, 2480)); // 300 dpi
}

static QAction *menuAction(QWidget *window, const QString &menuTitle, const QString &text) {
    for (QMenu *menu : window->findChildren<QMenu *>()) {
        if (menu->title() != menuTitle)
            continue;
        for (QAction *action : menu->actions()) {
            if (action->text() == text)
                return action;
        }
    }
    return nullptr;
}

// The style under the ThemeStyle proxy, if any: the one whose name the desktop chose.
static QString baseStyleName() {
    const QStyle *style = QApplication::style();
    if (auto *proxy = qobject_cast<const ThemeStyle *>(style))
        style = proxy->baseStyle();
    return style->name();
}

void MainWindowTest::themeMenuSwitchesTheWindowAndIsRemembered() {
    const QString systemStyle = baseStyleName();
    const QPalette systemPalette = QApplication::palette();
    QAction *dark = menuAction(m_window, QStringLiteral("T&heme"), QStringLiteral("&Dark"));
    QAction *system = menuAction(m_window, QStringLiteral("T&heme"), QStringLiteral("&System"));
    QVERIFY(dark && system);
    QVERIFY(system->isChecked());
    const QScopeGuard restore([&] { system->trigger(); });

    dark->trigger();
    QVERIFY(dark->isChecked());
    // Fusion, with ThemeStyle's check boxes.
    auto *style = qobject_cast<ThemeStyle *>(QApplication::style());
    QVERIFY(style);
    QCOMPARE(style->baseStyle()->name(), QStringLiteral("fusion"));
    const QPalette darkPalette = ThemePalette::palette(ThemePalette::Theme::Dark);
    // The widgets take the application's palette as its change event reaches them.
    QTRY_COMPARE(m_window->palette().color(QPalette::Window), darkPalette.color(QPalette::Window));
    QTRY_COMPARE(m_window->filterPanel()->palette().color(QPalette::Base),
                 darkPalette.color(QPalette::Base));
    QCOMPARE(QSettings().value(QStringLiteral("view/theme")).toString(), QStringLiteral("dark"));
    QCOMPARE(MainWindow::storedTheme(), ThemePalette::Theme::Dark);

    // --theme (setTheme without remembering) is for one run: the stored choice stays.
    m_window->setTheme(ThemePalette::Theme::Light, false);
    QTRY_COMPARE(m_window->palette().color(QPalette::Window),
                 ThemePalette::palette(ThemePalette::Theme::Light).color(QPalette::Window));
    QVERIFY(menuAction(m_window, QStringLiteral("T&heme"), QStringLiteral("&Light"))->isChecked());
    QCOMPARE(MainWindow::storedTheme(), ThemePalette::Theme::Dark);

    // A new window (the next start) takes the stored theme again.
    {
        MainWindow next;
        QCOMPARE(next.theme(), ThemePalette::Theme::Dark);
        QVERIFY(menuAction(&next, QStringLiteral("T&heme"), QStringLiteral("&Dark"))->isChecked());
        QTRY_COMPARE(m_window->palette().color(QPalette::Window),
                     darkPalette.color(QPalette::Window));
    }

    system->trigger();
    QCOMPARE(baseStyleName(), systemStyle);
    // No colour of the app's own: Qt re-reads the desktop's palette when it changes.
    QCOMPARE(QApplication::palette().resolveMask(), QPalette::ResolveMask(0));
    QVERIFY(!QCoreApplication::testAttribute(Qt::AA_SetPalette));
    QTRY_COMPARE(m_window->palette().color(QPalette::Window),
                 systemPalette.color(QPalette::Window));
    QCOMPARE(MainWindow::storedTheme(), ThemePalette::Theme::System);
}

// Under System the desktop may switch to dark while the app runs: Qt sets a new application
// palette, and the chart, drawn with colours of its own, must re-read it.
void MainWindowTest::systemThemeFollowsADesktopPaletteChange() {
    QCOMPARE(m_window->theme(), ThemePalette::Theme::System);
    const QPalette before = QApplication::palette();
    const QScopeGuard restore([&] { QApplication::setPalette(before); });
    QChart *chart = m_window->timeline()->chart();
    QCOMPARE(chart->backgroundBrush().color(), before.color(QPalette::Base));

    QPalette desktop = ThemePalette::palette(ThemePalette::Theme::Dark);
    desktop.setColor(QPalette::Base, QColor(0x12, 0x34, 0x56));
    QApplication::setPalette(desktop);
    QTRY_COMPARE(chart->backgroundBrush().color(), QColor(0x12, 0x34, 0x56));
    QCOMPARE(m_window->timeline()->backgroundBrush().color(), QColor(0x12, 0x34, 0x56));
    // The axis labels follow too (text on the new base).
    const auto *axis = chart->axes(Qt::Horizontal).value(0);
    QVERIFY(axis);
    QCOMPARE(axis->labelsColor(), desktop.color(QPalette::Text));
}

void MainWindowTest::brokenFileAtStartupOpensTheDefaultDataset() {
    MainWindow window; // nothing on screen yet
    QString text;
    bool seen = false;
    QTimer poll; // the dialog runs its own event loop: read it from there, then close it
    connect(&poll, &QTimer::timeout, this, [&] {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            auto *box = qobject_cast<QMessageBox *>(widget);
            if (!box || !box->isVisible())
                continue;
            if (const auto *label = box->findChild<QLabel *>(QStringLiteral("qt_msgbox_label")))
                text = label->text();
            seen = true;
            box->done(QMessageBox::Ok);
        }
    });
    poll.start(20);
    window.openAtStartup(fixture("bad/end-before-start.json"));
    poll.stop();
    QVERIFY(seen);
    // No "dataset on screen is unchanged": there was none.
    QCOMPARE(text, QStringLiteral("end-before-start.json could not be opened: 1 problem."));
    QCOMPARE(window.currentPath(), QStringLiteral(":/datasets/peace-talks-2025/dataset.json"));
    QVERIFY(window.eventModel()->rowCount() > 0);
    QCOMPARE(window.filterModel()->rowCount(), window.eventModel()->rowCount());
    QVERIFY(!window.lastErrors().isEmpty()); // those of the file asked for
    const QString status = window.statusBar()->currentMessage();
    QVERIFY2(status.contains(QStringLiteral("Could not open ")) &&
                 status.contains(fixture("bad/end-before-start.json")),
             qPrintable(status));
    // The date fields hold the dataset's dates, not QDateEdit's 1 Jan 2000.
    const QList<QDateEdit *> dates = window.filterPanel()->findChildren<QDateEdit *>();
    QVERIFY(!dates.isEmpty());
    for (const QDateEdit *edit : dates)
        QVERIFY2(edit->date().year() == 2025, qPrintable(edit->date().toString(Qt::ISODate)));

    // A broken file opened later keeps what is on screen, and says so.
    seen = false;
    poll.start(20);
    window.setInteractive(true);
    QVERIFY(!window.openDataset(fixture("bad/end-before-start.json")));
    poll.stop();
    QVERIFY(seen);
    QCOMPARE(text, QStringLiteral("end-before-start.json could not be opened: 1 problem. The "
                                  "dataset on screen is unchanged."));
}

void MainWindowTest::firstWindowFitsTheAvailableScreen() {
    // The offscreen platform's screen: 800x600 unless told otherwise.
    const QSize available = QGuiApplication::primaryScreen()->availableGeometry().size();
    QVERIFY(available.width() < 1280 / 0.9 && available.height() < 800 / 0.9);
    const QSize most(int(available.width() * 0.9), int(available.height() * 0.9));
    QSettings().remove(QStringLiteral("window/geometry"));
    {
        MainWindow first;
        QVERIFY2(first.width() <= most.width() && first.height() <= most.height(),
                 qPrintable(QStringLiteral("%1x%2").arg(first.width()).arg(first.height())));
        // A geometry saved on a bigger screen is fitted too.
        first.resize(1600, 1000);
        QSettings().setValue(QStringLiteral("window/geometry"), first.saveGeometry());
    }
    MainWindow restored;
    QVERIFY2(restored.width() <= most.width() && restored.height() <= most.height(),
             qPrintable(QStringLiteral("%1x%2").arg(restored.width()).arg(restored.height())));
    QSettings().remove(QStringLiteral("window/geometry"));
}

namespace {
// Checks the panel's row `text` of `tree` with the keyboard, as a user would.
void checkInPanel(QTreeWidget *tree, const QString &text) {
    for (QTreeWidgetItem *found : tree->findItems(text, Qt::MatchExactly | Qt::MatchRecursive)) {
        if (!(found->flags() & Qt::ItemIsUserCheckable))
            continue; // a side heading among the actors
        tree->setFocus();
        tree->setCurrentItem(found);
        QTest::keyClick(tree, Qt::Key_Space);
        return;
    }
    QFAIL(qPrintable(text));
}

QTreeWidgetItem *panelRow(QTreeWidget *tree, const QString &text) {
    for (QTreeWidgetItem *found : tree->findItems(text, Qt::MatchExactly | Qt::MatchRecursive)) {
        if (found->flags() & Qt::ItemIsUserCheckable)
            return found;
    }
    return nullptr;
}

// Rows a filter with only these settings shows, counted apart from the window's filter.
int rowsWith(EventModel *events, const std::function<void(EventFilterModel &)> &apply) {
    EventFilterModel filter;
    filter.setSourceModel(events);
    apply(filter);
    return filter.rowCount();
}
} // namespace

void MainWindowTest::chipsNameEachActiveFilterAndRemoveJustThatOne() {
    FilterChipsBar *bar = m_window->filterChipsBar();
    FilterPanel *panel = m_window->filterPanel();
    EventFilterModel *filter = m_window->filterModel();
    QVERIFY(!bar->isVisible()); // nothing filtered: no bar

    QTest::keyClicks(panel->searchField(), QStringLiteral("talks"));
    checkInPanel(panel->sideList(), QStringLiteral("South"));
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->chipTexts(),
             (QStringList{QStringLiteral("Side: South"), QStringLiteral("Search: talks")}));
    QCOMPARE(bar->removeButtons().size(), 2);
    for (QToolButton *remove : bar->removeButtons()) {
        QVERIFY(!remove->accessibleName().isEmpty());
        QVERIFY(!remove->parentWidget()->accessibleName().isEmpty()); // the chip itself
    }
    QCOMPARE(filter->rowCount(), rowsWith(m_window->eventModel(), [](EventFilterModel &f) {
                 f.setSearchText(QStringLiteral("talks"));
                 f.setSideIds({QStringLiteral("south")});
             }));

    // The side's ×: the side filter goes, the search stays; the panel follows.
    QTest::mouseClick(bar->removeButtons().at(0), Qt::LeftButton);
    QVERIFY(filter->sideIds().isEmpty());
    QCOMPARE(filter->searchText(), QStringLiteral("talks"));
    QCOMPARE(panelRow(panel->sideList(), QStringLiteral("South"))->checkState(0), Qt::Unchecked);
    QCOMPARE(filter->rowCount(), rowsWith(m_window->eventModel(), [](EventFilterModel &f) {
                 f.setSearchText(QStringLiteral("talks"));
             }));
    QCOMPARE(bar->chipTexts(), QStringList{QStringLiteral("Search: talks")});

    // Dates and an article (by its title), then the search's ×: the field empties.
    checkInPanel(panel->articleList(), QStringLiteral("Officials on Lakeside"));
    filter->setDateRange(QDate(2030, 3, 1), QDate());
    QCOMPARE(bar->chipTexts(), (QStringList{QStringLiteral("Search: talks"),
                                            QStringLiteral("Article: Officials on Lakeside"),
                                            QStringLiteral("From 1 Mar 2030")}));
    QTest::mouseClick(bar->removeButtons().at(0), Qt::LeftButton);
    QCOMPARE(panel->searchField()->text(), QString());
    QVERIFY(filter->searchWords().isEmpty());
    QCOMPARE(filter->articleIds(), QSet<QString>{QStringLiteral("art-b")});
    QTest::mouseClick(bar->removeButtons().at(1), Qt::LeftButton); // From
    QVERIFY(!filter->fromDate().isValid());
    QVERIFY(!panel->fromEnabled()->isChecked());
    QCOMPARE(bar->chipTexts(), QStringList{QStringLiteral("Article: Officials on Lakeside")});
    QTest::mouseClick(bar->removeButtons().at(0), Qt::LeftButton);
    QVERIFY(!filter->isFiltering());
    QCOMPARE(filter->rowCount(), m_window->eventModel()->rowCount());
    QVERIFY(!bar->isVisible());
}

void MainWindowTest::chipsAreRemovedByKeyboardAndClearedAll() {
    FilterChipsBar *bar = m_window->filterChipsBar();
    FilterPanel *panel = m_window->filterPanel();
    EventFilterModel *filter = m_window->filterModel();
    checkInPanel(panel->actorList(), QStringLiteral("Ana Envoy"));
    checkInPanel(panel->actorList(), QStringLiteral("The League"));
    checkInPanel(panel->kindList(), QStringLiteral("statement"));
    QCOMPARE(bar->chipTexts(),
             (QStringList{QStringLiteral("Actor: Ana Envoy"), QStringLiteral("Actor: The League"),
                          QStringLiteral("Kind: statement")}));
    // Delete on a focused chip removes that value alone; focus stays on the next chip.
    bar->removeButtons().at(0)->setFocus();
    QTest::keyClick(bar->removeButtons().at(0), Qt::Key_Delete);
    QCOMPARE(filter->actorIds(), QSet<QString>{QStringLiteral("league")});
    QCOMPARE(panelRow(panel->actorList(), QStringLiteral("Ana Envoy"))->checkState(0),
             Qt::Unchecked);
    QCOMPARE(panelRow(panel->actorList(), QStringLiteral("The League"))->checkState(0),
             Qt::Checked);
    QVERIFY(bar->removeButtons().at(0)->hasFocus());
    QTest::keyClick(bar->removeButtons().at(0), Qt::Key_Backspace);
    QVERIFY(filter->actorIds().isEmpty());
    QCOMPARE(bar->chipTexts(), QStringList{QStringLiteral("Kind: statement")});

    // Many values of one filter make one chip, whose × takes them all away.
    QSet<QString> many;
    for (int i = 0; i < 20; ++i)
        many.insert(QStringLiteral("no-such-actor-%1").arg(i));
    filter->setActorIds(many);
    QCOMPARE(bar->chipTexts(),
             (QStringList{QStringLiteral("Actor: 20 chosen"), QStringLiteral("Kind: statement")}));
    QTest::mouseClick(bar->removeButtons().at(0), Qt::LeftButton);
    QVERIFY(filter->actorIds().isEmpty());
    QCOMPARE(filter->kinds(), QSet<QString>{QStringLiteral("statement")});

    QTest::keyClicks(panel->searchField(), QStringLiteral("league"));
    QCOMPARE(bar->chipTexts().size(), 2);
    QTest::mouseClick(bar->clearAllButton(), Qt::LeftButton);
    QVERIFY(!filter->isFiltering());
    QCOMPARE(panel->searchField()->text(), QString());
    QCOMPARE(panelRow(panel->kindList(), QStringLiteral("statement"))->checkState(0),
             Qt::Unchecked);
    QCOMPARE(filter->rowCount(), m_window->eventModel()->rowCount());
    QVERIFY(!bar->isVisible());
}

void MainWindowTest::showOnlyThisActorIsAChip() {
    // One stray click in the Actors view must not filter out of sight.
    m_window->tabs()->setCurrentIndex(MainWindow::ActorsTab);
    ActorsView *actors = m_window->actorsView();
    QTableView *table = actors->findChild<QTableView *>();
    QVERIFY(table);
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, 0));
    QVERIFY(actors->filterButton()->isEnabled());
    const QString actorName = table->model()->index(0, 0).data().toString();
    QTest::mouseClick(actors->filterButton(), Qt::LeftButton);
    QCOMPARE(m_window->filterModel()->actorIds().size(), 1);
    QVERIFY(m_window->filterChipsBar()->isVisible());
    QCOMPARE(m_window->filterChipsBar()->chipTexts(),
             QStringList{QStringLiteral("Actor: ") + actorName});
}

void MainWindowTest::chipsShowMarkupLiterally() {
    // A search is the user's text, shown as typed: never bold, never a link.
    QTest::keyClicks(m_window->filterPanel()->searchField(), QStringLiteral("<b>talks</b>"));
    FilterChipsBar *bar = m_window->filterChipsBar();
    QCOMPARE(bar->chipTexts(), QStringList{QStringLiteral("Search: <b>talks</b>")});
    QLabel *label = bar->removeButtons().first()->parentWidget()->findChild<QLabel *>();
    QVERIFY(label);
    QCOMPARE(label->textFormat(), Qt::PlainText);
    QCOMPARE(label->text(), QStringLiteral("Search: <b>talks</b>"));
    QVERIFY2(label->toolTip().contains(QStringLiteral("&lt;b&gt;")), qPrintable(label->toolTip()));
}

void MainWindowTest::filterMatchingNothingSaysSoAndClearsFromThere() {
    EmptyStatePage *page = m_window->emptyStatePage();
    FilterPanel *panel = m_window->filterPanel();
    const int all = m_window->eventModel()->rowCount();
    QVERIFY(!page->isVisible());
    QVERIFY(m_window->tabs()->isVisible());

    checkInPanel(panel->sideList(), QStringLiteral("North"));
    QTest::keyClicks(panel->searchField(), QStringLiteral("zanzibar"));
    QCOMPARE(m_window->filterModel()->rowCount(), 0);
    // Over every tab: the message, naming the filters, instead of an empty chart.
    QVERIFY(page->isVisible());
    QVERIFY(!m_window->tabs()->isVisible());
    QCOMPARE(page->state(), EmptyStatePage::State::NoMatch);
    QCOMPARE(page->title(), QStringLiteral("No events match the filters"));
    QVERIFY2(page->message().contains(QStringLiteral("Search: zanzibar")),
             qPrintable(page->message()));
    QVERIFY2(page->message().contains(QStringLiteral("Side: North")), qPrintable(page->message()));
    QVERIFY(page->clearButton()->isVisible());
    QVERIFY(!page->openButton()->isVisible());
    QVERIFY(m_window->filterChipsBar()->isVisible()); // the chips stay in sight to remove one
    // A button per filter whose removal alone would show events, saying how many.
    const int northOnly = rowsWith(m_window->eventModel(), [](EventFilterModel &f) {
        f.setSideIds({QStringLiteral("north")});
    });
    QVERIFY(northOnly > 0);
    // Removing the side alone still shows nothing (no event holds "zanzibar"): no button.
    QCOMPARE(page->removeButtons().size(), 1);
    QCOMPARE(page->removeButtons().at(0)->text(),
             QStringLiteral("Remove Search: zanzibar (%1 events)").arg(northOnly));
    QTest::mouseClick(page->removeButtons().at(0), Qt::LeftButton);
    QCOMPARE(m_window->filterModel()->rowCount(), northOnly);
    QCOMPARE(m_window->filterModel()->sideIds(), QSet<QString>{QStringLiteral("north")});
    QCOMPARE(panel->searchField()->text(), QString());
    QVERIFY(!page->isVisible());
    QTest::keyClicks(panel->searchField(), QStringLiteral("zanzibar"));
    QVERIFY(page->isVisible());

    QTest::mouseClick(page->clearButton(), Qt::LeftButton);
    QVERIFY(!m_window->filterModel()->isFiltering());
    QCOMPARE(m_window->filterModel()->rowCount(), all);
    QCOMPARE(panel->searchField()->text(), QString());
    QVERIFY(!page->isVisible());
    QVERIFY(m_window->tabs()->isVisible());
    QCoreApplication::processEvents();
    QVERIFY(!m_window->timeline()->markerPositions(QStringLiteral("ev-talks")).isEmpty());
}

void MainWindowTest::datasetWithoutEventsSaysSo() {
    QFile minimal(fixture("valid/minimal.json"));
    QVERIFY(minimal.open(QIODevice::ReadOnly));
    QJsonObject root = QJsonDocument::fromJson(minimal.readAll()).object();
    root.insert(QStringLiteral("events"), QJsonArray());
    QTemporaryDir dir;
    QFile empty(dir.filePath(QStringLiteral("empty.json")));
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.write(QJsonDocument(root).toJson());
    empty.close();
    // A filter of the dataset before does not follow to another one.
    m_window->filterModel()->setSearchText(QStringLiteral("talks"));
    QVERIFY(m_window->openDataset(empty.fileName()));
    QCOMPARE(m_window->eventModel()->rowCount(), 0);
    QVERIFY(!m_window->filterModel()->isFiltering());

    // Its articles are where events come from (issue 16): the views show, on the Sources tab.
    EmptyStatePage *page = m_window->emptyStatePage();
    QVERIFY(!page->isVisible());
    QVERIFY(m_window->tabs()->isVisible());
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::SourcesTab));
    QVERIFY(!m_window->filterChipsBar()->isVisible());

    // Without articles either, the page says what to do first, with the button that does it.
    root.insert(QStringLiteral("articles"), QJsonArray());
    QFile bare(dir.filePath(QStringLiteral("bare.json")));
    QVERIFY(bare.open(QIODevice::WriteOnly));
    bare.write(QJsonDocument(root).toJson());
    bare.close();
    QVERIFY(m_window->openDataset(bare.fileName()));
    QVERIFY(page->isVisible());
    QCOMPARE(page->state(), EmptyStatePage::State::NoArticles);
    QCOMPARE(page->title(), QStringLiteral("Import articles to begin"));
    QVERIFY(page->importButton()->isVisible());
    QVERIFY(!page->openButton()->isVisible());
    QVERIFY(!page->clearButton()->isVisible());
    QVERIFY(!m_window->filterChipsBar()->isVisible());

    QVERIFY(m_window->openDataset(fixture("valid/minimal.json")));
    QVERIFY(!page->isVisible());
    QVERIFY(m_window->tabs()->isVisible());
}

QTEST_MAIN(MainWindowTest)
#include "mainwindowtest.moc"
