#include "mainwindow.h"

#include "actormodel.h"
#include "actorsview.h"
#include "articleimportcontroller.h"
#include "articlemodel.h"
#include "authoringcontroller.h"
#include "chronicleview.h"
#include "datasetreader.h"
#include "diagnostictext.h"
#include "document.h"
#include "documentcontroller.h"
#include "eventeditcontroller.h"
#include "emptystatepage.h"
#include "eventdetailspanel.h"
#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "exportdialog.h"
#include "filewatchcontroller.h"
#include "filterchipsbar.h"
#include "filterpanel.h"
#include "modelchangenotifier.h"
#include "navigationcontroller.h"
#include "newdatasetdialog.h"
#include "plaintext.h"
#include "printabletext.h"
#include "dataexportcontroller.h"
#include "dataimportcontroller.h"
#include "problemsmodel.h"
#include "problemspanel.h"
#include "readonlybar.h"
#include "readonlycontroller.h"
#include "recoverycontroller.h"
#include "session.h"
#include "sourcesview.h"
#include "themestyle.h"
#include "timelineview.h"
#include "viewexporter.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <numeric>

namespace ntl {

namespace {
constexpr int maxRecentFiles = 8;
constexpr qsizetype maxRecentPathLength = 4096; // PATH_MAX: a longer one names no file
const QString recentKey = QStringLiteral("session/recentFiles");
const QString themeKey = QStringLiteral("view/theme");
const QString &defaultDatasetPath = Session::defaultDatasetPath;
constexpr double maxScreenShare = 0.9;

// The style and palette the application had before a theme was chosen: System returns
// to them (the desktop's, or those of -style).
struct SystemLook {
    QString styleName;
    QPalette palette;
};
const SystemLook &systemLook() {
    static const SystemLook look{QApplication::style()->name(), QApplication::palette()};
    return look;
}

// Of the first maxRecentFiles recent files stored, those that can be paths. The settings
// file is anyone's to edit, and a menu of 200,000 entries took a minute to build.
QStringList storedRecentFiles(const QSettings &settings) {
    // As QSettings holds it (an INI list is a QStringList: no copy), then only the first few.
    QStringList recent = settings.value(recentKey).toStringList().mid(0, maxRecentFiles);
    recent.removeIf(
        [](const QString &path) { return path.isEmpty() || path.size() > maxRecentPathLength; });
    return recent;
}

QStringList diagnosticLines(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines.append(d.toString());
    return lines;
}

// The problems in words, naming events and articles by title when the dataset is known; the
// technical lines (diagnosticLines) go under Details.
QStringList plainLines(const Diagnostics &diagnostics, const Dataset *dataset) {
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines.append(DiagnosticText::plain(d, dataset));
    return lines;
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_session(new Session(this))
    , m_events(m_session->eventModel())
    , m_actors(m_session->actorModel())
    , m_articles(m_session->articleModel())
    , m_filter(m_session->filterModel())
    , m_selection(m_session->selectionModel())
    , m_filterPanel(new FilterPanel(m_events, m_filter))
    , m_timeline(new TimelineView(m_filter, m_selection))
    , m_actorsView(new ActorsView(m_actors, m_filter, m_selection))
    , m_sourcesView(new SourcesView(m_events, m_filter, m_selection, m_articles))
    , m_chronicle(new ChronicleView(m_filter, m_selection))
    , m_details(new EventDetailsPanel(m_events, m_filter, m_selection))
    , m_tabs(new QTabWidget)
    , m_chipsBar(new FilterChipsBar(m_events, m_filter))
    , m_emptyPage(new EmptyStatePage)
    , m_viewStack(new QStackedWidget)
    , m_splitter(new QSplitter(Qt::Horizontal))
    , m_warningsButton(new QToolButton)
    , m_statusTitle(new QLabel)
    , m_statusCount(new QLabel)
    , m_statusSpan(new QLabel)
{
    setAcceptDrops(true);

    auto *timelineScroll = new QScrollArea;
    timelineScroll->setWidget(m_timeline);
    timelineScroll->setWidgetResizable(true);
    timelineScroll->setFrameShape(QFrame::NoFrame);
    m_tabs->addTab(timelineScroll, tr("&Timeline"));
    m_tabs->addTab(m_actorsView, tr("&Actors"));
    m_tabs->addTab(m_sourcesView, tr("&Sources"));
    m_tabs->addTab(m_chronicle, tr("&Chronicle"));
    m_tabs->setDocumentMode(true);

    // Narrow enough that both panels leave the views two thirds of a 1024-pixel screen.
    m_filterPanel->setMinimumWidth(170);
    m_details->setMinimumWidth(170);
    m_splitter->addWidget(m_filterPanel);
    // The active filters above the views; in place of views that would show nothing, a page
    // that says why.
    m_viewStack->addWidget(m_tabs);
    m_viewStack->addWidget(m_emptyPage);
    auto *central = new QWidget;
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_readOnlyBar = new ReadOnlyBar); // the built-in dataset, …
    centralLayout->addWidget(m_chipsBar);
    centralLayout->addWidget(m_viewStack, 1);
    m_splitter->addWidget(central);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({230, 730, 320});
    // The side panels can be dragged shut on a small screen; the views cannot. Each says so
    // itself: a splitter state saved by an older version restores "nothing collapses".
    m_splitter->setCollapsible(0, true);
    m_splitter->setCollapsible(1, false);
    m_splitter->setCollapsible(2, true);
    setCentralWidget(m_splitter);
    // The details take room only while there is an event to detail: the views get it back.
    m_details->setVisible(false);
    connect(m_selection, &QItemSelectionModel::currentChanged, m_details,
            [this](const QModelIndex &current) {
                const bool appearing = current.isValid() && m_details->isHidden();
                m_details->setVisible(current.isValid());
                // Once the splitter has given the details their room; a width the user
                // dragged them to since is theirs.
                if (appearing)
                    QTimer::singleShot(0, this, &MainWindow::fitSidePanels);
            });

    m_statusTitle->setTextFormat(Qt::PlainText);
    m_statusCount->setTextFormat(Qt::PlainText);
    m_statusSpan->setTextFormat(Qt::PlainText);
    statusBar()->addWidget(m_statusTitle, 1);
    statusBar()->addPermanentWidget(m_warningsButton);
    statusBar()->addPermanentWidget(m_statusCount);
    statusBar()->addPermanentWidget(m_statusSpan);
    m_warningsButton->setAutoRaise(true);
    m_warningsButton->hide();
    connect(m_warningsButton, &QToolButton::clicked, this, &MainWindow::showWarnings);
    // View → Problems, kept current through edits: the status bar's count follows it.
    m_problems = new ProblemsPanel(m_session, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_problems);
    m_problems->hide();
    connect(m_problems->model(), &ProblemsModel::warningCountChanged, this, [this](int count) {
        m_warningsButton->setText(count == 1 ? tr("⚠ 1 warning") : tr("⚠ %1 warnings").arg(count));
        m_warningsButton->setVisible(count > 0);
    });

    // A filter change removes rows range by range; react once, to filtersChanged.
    connect(m_filter, &EventFilterModel::filtersChanged, this, &MainWindow::updateStatus);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &MainWindow::updateStatus);
    connect(m_filter, &EventFilterModel::filtersChanged, this, &MainWindow::updateEmptyState);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &MainWindow::updateEmptyState);
    // Edits (an add, a removal, an import, an undo) change the count and span too: once per
    // edit, after every row of it.
    auto *edits = new ModelChangeNotifier(this);
    edits->watch(m_events);
    edits->watch(m_filter);
    connect(edits, &ModelChangeNotifier::changed, this, &MainWindow::updateStatus);
    connect(edits, &ModelChangeNotifier::changed, this, &MainWindow::updateEmptyState);
    connect(m_emptyPage, &EmptyStatePage::clearFiltersRequested, m_filter,
            &EventFilterModel::clearFilters);
    connect(m_emptyPage, &EmptyStatePage::openRequested, this, &MainWindow::chooseAndOpen);
    connect(m_emptyPage, &EmptyStatePage::removeFilterRequested, m_chipsBar,
            &FilterChipsBar::removeChip);
    updateEmptyState();
    connect(m_details, &EventDetailsPanel::quoteActivated, this, &MainWindow::showPassage);
    connect(m_timeline, &TimelineView::eventActivated, this, [this](const QString &id) { showPassage(id, 0); });
    connect(m_actorsView, &ActorsView::eventActivated, this, [this](const QString &id) { showPassage(id, 0); });
    connect(m_chronicle, &ChronicleView::eventActivated, this,
            [this](const QString &id) { showPassage(id, 0); });

    m_file = new DocumentController(this);
    connect(m_file, &DocumentController::savedAs, this, &MainWindow::rememberRecentFile);
    connect(m_file, &DocumentController::wroteFile, this, [this](const QString &path) {
        if (m_fileWatch && path == m_session->document()->filePath())
            m_fileWatch->noteOwnWrite();
    });
    m_articleImport = new ArticleImportController(this);
    // File → Import… takes articles and data alike, with Import Articles…' shortcut.
    m_articleImport->importAction()->setShortcut(QKeySequence());
    m_dataImport = new DataImportController(this);
    m_dataExport = new DataExportController(this);
    // Events imported into a dataset without articles bring the views in place of the page.
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateEmptyState);
    connect(m_emptyPage, &EmptyStatePage::importRequested, m_articleImport->importAction(),
            &QAction::trigger);
    // The first articles of a new dataset bring the views (Sources) in place of the page.
    connect(m_session->document(), &Document::articlesChanged, this, &MainWindow::updateEmptyState);
    // A dataset of articles without events opens on them: the other views would be empty.
    connect(m_session->document(), &Document::datasetReset, this, [this] {
        const std::shared_ptr<const Dataset> dataset = m_session->dataset();
        if (dataset->events.isEmpty() && !dataset->articles.isEmpty())
            m_tabs->setCurrentIndex(SourcesTab);
    });
    m_eventEdit = new EventEditController(this);
    createActions();
    m_navigation = new NavigationController(this);
    m_fileWatch = new FileWatchController(this);
    m_recovery = new RecoveryController(this); // the journal, and recovery after a crash
    m_readOnly = new ReadOnlyController(this, m_readOnlyBar);
    setUpKeyboard();
    setWindowTitle(tr("Negotiation Timeline"));
    resize(1280, 800);
    restoreSettings();
    // The theme chosen from View → Theme in an earlier run (main() may override it for one run).
    setTheme(storedTheme(), false);
    fitToScreen();
}

MainWindow::~MainWindow() {
    // The session goes first, while the window, its views and controllers are whole: what it
    // signals as it ends (models reset, counts changed) then reaches a window that is still one,
    // not one half destroyed by ~QWidget, which would delete it first among the children.
    delete m_session;
    m_session = nullptr;
    if (m_eventEdit)
        m_eventEdit->windowClosing();
}

void MainWindow::createActions()
{
    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *newAction = fileMenu->addAction(tr("&New…"), this, &MainWindow::chooseNewDataset);
    newAction->setObjectName(QStringLiteral("newDatasetAction"));
    newAction->setShortcut(QKeySequence::New);
    newAction->setStatusTip(tr("Start a dataset of your own: a title and the sides"));
    QAction *open = fileMenu->addAction(tr("&Open…"), this, &MainWindow::chooseAndOpen);
    open->setShortcut(QKeySequence::Open);
    open->setIcon(QIcon::fromTheme(QStringLiteral("document-open")));
    m_recentMenu = fileMenu->addMenu(tr("Open &Recent"));
    QAction *openDefault = fileMenu->addAction(tr("Open &Default Dataset"), this,
                                               [this] { openDataset(defaultDatasetPath); });
    openDefault->setStatusTip(tr("The US-brokered Russia–Ukraine peace talks of 2025, built in"));
    fileMenu->addSeparator();
    fileMenu->addAction(m_dataImport->importAction());
    fileMenu->addSeparator();
    fileMenu->addActions({m_file->saveAction(), m_file->saveAsAction()});
    fileMenu->addSeparator();
    QAction *exportAction = fileMenu->addAction(tr("&Export View…"), this, &MainWindow::chooseAndExport);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    fileMenu->addAction(m_dataExport->exportAction());
    exportAction->setStatusTip(tr("Save the current view as PNG, SVG or PDF"));
    QAction *printAction = fileMenu->addAction(tr("&Print…"), this, &MainWindow::printView);
    printAction->setShortcut(QKeySequence::Print);
    printAction->setStatusTip(tr("Print the current view, with a preview"));
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    toolBar->addAction(open);
    toolBar->addAction(exportAction);
    updateRecentMenu();

    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    editMenu->addActions({m_file->undoAction(), m_file->redoAction()});
    editMenu->addSeparator();
    editMenu->addActions({m_articleImport->pasteAction(), m_articleImport->propertiesAction()});
    editMenu->addSeparator();
    QAction *find = editMenu->addAction(tr("&Find…"), this, [this] {
        m_filterPanel->searchField()->setFocus(Qt::ShortcutFocusReason);
        m_filterPanel->searchField()->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    QAction *clear = editMenu->addAction(tr("&Clear Filters"), m_filter, &EventFilterModel::clearFilters);
    clear->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    editMenu->addSection(tr("Authoring"));
    m_authoring = new AuthoringController(m_session, m_sourcesView, this);
    editMenu->addActions(m_authoring->actions());
    editMenu->setToolTipsVisible(true); // a disabled action's tooltip says why
    m_sourcesView->addTextActions(m_authoring->actions());
    connect(m_authoring, &AuthoringController::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(m_authoring, &AuthoringController::newActorRequested, m_eventEdit,
            [this](const QString &name) { m_eventEdit->openActorsAndSides({}, name); });
    editMenu->addSeparator();
    editMenu->addActions(m_eventEdit->actions());
    editMenu->addAction(m_eventEdit->actorsAndSidesAction());

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    const QStringList names{tr("&Timeline"), tr("&Actors"), tr("&Sources"), tr("&Chronicle")};
    for (int tab = 0; tab < names.size(); ++tab) {
        QAction *action = viewMenu->addAction(names.at(tab), this, [this, tab] {
            m_tabs->setCurrentIndex(tab);
            if (QWidget *view = tabView(tab)) // the keys go to the view, not to the tab bar
                view->setFocus(Qt::ShortcutFocusReason);
        });
        action->setShortcut(QKeySequence(Qt::CTRL | (Qt::Key_1 + tab)));
    }
    viewMenu->addAction(m_problems->toggleViewAction());
    viewMenu->addSeparator();
    QAction *zoomIn = viewMenu->addAction(tr("Zoom &In"), this, [this] { m_timeline->zoomBy(1.5); });
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    QAction *zoomOut = viewMenu->addAction(tr("Zoom &Out"), this, [this] { m_timeline->zoomBy(1 / 1.5); });
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction *whole = viewMenu->addAction(tr("&Whole Period"), this, [this] { m_timeline->showWholePeriod(); });
    whole->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    QAction *busiest = viewMenu->addAction(tr("&Busiest Week"), this, [this] { m_timeline->showBusiestWeek(); });
    busiest->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    QAction *fit = viewMenu->addAction(tr("&Fit Selection"), this, [this] { m_timeline->fitSelection(); });
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F12));
    // The timeline finds the busiest week as it lays out what the filter shows.
    // Until then (a hidden timeline lays out when shown) it says no stale dates.
    const auto updateBusiest = [this, busiest] { busiest->setToolTip(m_timeline->busiestWeekText()); };
    connect(m_timeline, &TimelineView::contentChanged, busiest, updateBusiest);
    connect(m_filter, &EventFilterModel::filtersChanged, busiest, updateBusiest);
    toolBar->addSeparator();
    toolBar->addAction(whole);
    toolBar->addAction(busiest);
    toolBar->addAction(fit);
    toolBar->addAction(zoomIn);
    toolBar->addAction(zoomOut);

    viewMenu->addSeparator();
    QMenu *lanes = viewMenu->addMenu(tr("&Lanes"));
    auto *laneGroup = new QActionGroup(this);
    const QList<QPair<QString, TimelineView::LaneMode>> modes{
        {tr("By &Side"), TimelineView::LaneMode::Side},
        {tr("By &Actor"), TimelineView::LaneMode::Actor},
        {tr("By &Kind"), TimelineView::LaneMode::Kind}};
    toolBar->addSeparator();
    for (const auto &[name, mode] : modes) {
        QAction *action = lanes->addAction(name, this, [this, mode = mode] { m_timeline->setLaneMode(mode); });
        action->setCheckable(true);
        action->setChecked(mode == TimelineView::LaneMode::Side);
        laneGroup->addAction(action);
        toolBar->addAction(action);
    }

    QMenu *themes = viewMenu->addMenu(tr("T&heme"));
    m_themeGroup = new QActionGroup(this);
    const QList<QPair<QString, ThemePalette::Theme>> themeNames{
        {tr("&System"), ThemePalette::Theme::System},
        {tr("&Light"), ThemePalette::Theme::Light},
        {tr("&Dark"), ThemePalette::Theme::Dark}};
    for (const auto &[name, theme] : themeNames) {
        QAction *action =
            themes->addAction(name, this, [this, theme = theme] { setTheme(theme, true); });
        action->setCheckable(true);
        action->setChecked(theme == m_theme);
        action->setData(int(theme));
        m_themeGroup->addAction(action);
    }
}

ThemePalette::Theme MainWindow::storedTheme() {
    ThemePalette::Theme theme = ThemePalette::Theme::System;
    // The settings file is anyone's to edit: an unknown name is the system's theme.
    if (!ThemePalette::fromName(QSettings().value(themeKey).toString(), &theme))
        theme = ThemePalette::Theme::System;
    return theme;
}

void MainWindow::setTheme(ThemePalette::Theme theme, bool remember) {
    const SystemLook &look = systemLook(); // taken before the first change
    if (theme == m_theme && theme == ThemePalette::Theme::System && !remember) {
        // Nothing chosen yet: leave the desktop's look alone but for Fusion's check boxes.
        if (!qobject_cast<ThemeStyle *>(QApplication::style()) &&
            look.styleName.compare(QLatin1String("Fusion"), Qt::CaseInsensitive) == 0)
            QApplication::setStyle(new ThemeStyle(look.styleName));
        return;
    }
    if (theme == ThemePalette::Theme::System) {
        // Fusion's own check boxes vanish on a dark desktop palette: ThemeStyle draws them.
        if (look.styleName.compare(QLatin1String("Fusion"), Qt::CaseInsensitive) == 0)
            QApplication::setStyle(new ThemeStyle(look.styleName));
        else
            QApplication::setStyle(look.styleName);
        // No colour set: the application palette follows the desktop's while running.
        QPalette follow = look.palette;
        follow.setResolveMask(0);
        QApplication::setPalette(follow);
    } else {
        // Fusion draws every widget from the palette, so a dark window is dark throughout.
        QApplication::setStyle(new ThemeStyle(QStringLiteral("Fusion")));
        QApplication::setPalette(ThemePalette::palette(theme));
    }
    m_theme = theme;
    for (QAction *action : m_themeGroup->actions())
        action->setChecked(action->data().toInt() == int(theme));
    if (remember) {
        static const char *const names[] = {"system", "light", "dark"};
        QSettings().setValue(themeKey, QLatin1String(names[int(theme)]));
    }
}

bool MainWindow::openDataset(const QString &path)
{
    if (!m_file->maybeSave())
        return false;
    const FileWatchController::Opening opening = m_fileWatch->approveOpen(path); // the lock
    if (!opening)
        return false;
    if (!m_session->open(path)) {
        m_errors = m_session->errors();
        if (m_interactive) {
            QMessageBox box(QMessageBox::Warning, tr("Cannot open dataset"), QString(),
                            QMessageBox::Ok, this);
            // The problems quote the dataset (ids, field names): shown as text, never as markup.
            // "Unchanged" only when there is a dataset on screen to keep.
            const bool kept = m_session->hasDataset();
            const int errors = errorCount(m_errors);
            const QString name = QFileInfo(path).fileName();
            QString message;
            if (kept)
                message = errors == 1 ? tr("%1 could not be opened: 1 problem. The dataset on "
                                           "screen is unchanged.")
                                            .arg(name)
                                      : tr("%1 could not be opened: %2 problems. The dataset "
                                           "on screen is unchanged.")
                                            .arg(name, QString::number(errors));
            else
                message = errors == 1 ? tr("%1 could not be opened: 1 problem.").arg(name)
                                      : tr("%1 could not be opened: %2 problems.")
                                            .arg(name, QString::number(errors));
            // In words above; the file's locations (pointer, line:column) under Details.
            PlainText::messageBox(&box, message,
                                  plainLines(m_errors, nullptr).mid(0, 12).join(u'\n'),
                                  diagnosticLines(m_errors).join(u'\n'));
            box.exec();
        }
        // QStatusBar draws plain text; a control character in the name would show as a box.
        statusBar()->showMessage(tr("Could not open %1").arg(PrintableText::escaped(path)), 10000);
        return false;
    }
    m_errors.clear();
    statusBar()->clearMessage(); // a "could not open" of an earlier attempt is stale now
    m_currentPath = m_session->path();
    m_file->refresh();
    m_warnings = m_session->warnings();
    rememberRecentFile(path);
    updateStatus();
    return true;
}

void MainWindow::chooseNewDataset() {
    if (!m_file->maybeSave())
        return;
    NewDatasetDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    newDataset(dialog.datasetTitle(), dialog.sides());
}

void MainWindow::newDataset(const QString &title, const QList<Side> &sides) {
    m_session->newDataset(title, sides);
    m_errors.clear();
    m_warnings.clear();
    statusBar()->clearMessage();
    m_currentPath.clear();
    m_file->refresh();
    updateStatus();
    updateEmptyState();
}

void MainWindow::rememberRecentFile(const QString &path) {
    if (path.startsWith(u':'))
        return;
    QSettings settings;
    QStringList recent = storedRecentFiles(settings);
    recent.removeAll(QFileInfo(path).absoluteFilePath());
    recent.prepend(QFileInfo(path).absoluteFilePath());
    settings.setValue(recentKey, recent.mid(0, maxRecentFiles));
    settings.setValue(QStringLiteral("session/lastFile"), QFileInfo(path).absoluteFilePath());
    updateRecentMenu();
}

void MainWindow::openAtStartup(const QString &path) {
    if (path.isEmpty() || path == defaultDatasetPath) {
        openDataset(defaultDatasetPath);
        return;
    }
    if (openDataset(path))
        return;
    const Diagnostics errors = m_errors; // what the user asked for, not the fallback
    openDataset(defaultDatasetPath);
    m_errors = errors;
    statusBar()->showMessage(
        tr("Could not open %1; showing the built-in dataset").arg(PrintableText::escaped(path)));
}

void MainWindow::showPassage(const QString &eventId, int sourceIndex)
{
    // Enter on an event that cites nothing: say so rather than show an empty Sources view.
    if (m_events->indexOfEvent(eventId).data(EventModel::SourceCountRole).toInt() <= sourceIndex) {
        statusBar()->showMessage(tr("This event cites no passage"), 8000);
        return;
    }
    m_tabs->setCurrentIndex(SourcesTab);
    m_sourcesView->showPassage(eventId, sourceIndex);
}

ViewExporter MainWindow::exporterFor(ExportOptions::View view, const QString &articleId) const {
    ViewExporter exporter(m_filter, m_selection);
    exporter.setLaneMode(m_timeline->laneMode());
    const TimelineView *chart =
        view == ExportOptions::View::Actors ? m_actorsView->chart() : m_timeline;
    const QPair<double, double> range = chart->visibleRange();
    exporter.setVisibleRange(range);
    if (range.second > range.first) {
        // [from, to) in axis units: the last day is the one just before `to`.
        const double last = std::max(range.first, range.second - 1e-6);
        exporter.setVisibleDates(chart->layout().dateAt(range.first), chart->layout().dateAt(last));
    }
    exporter.setArticleId(articleId.isEmpty() ? m_sourcesView->currentArticleId() : articleId);
    return exporter;
}

bool MainWindow::exportView(const QString &path, const ExportOptions &options,
                            const QString &articleId, QString *error) {
    return exporterFor(options.view, articleId).write(path, options, error);
}

void MainWindow::printView() {
    // Laid out 96 logical pixels to the inch, as an export (text and lines stay vectors).
    QPrinter printer(QPrinter::ScreenResolution);
    printer.setResolution(int(ExportOptions::layoutDpi));
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setPageOrientation(QPageLayout::Landscape);
    printer.setDocName(tr("Negotiation Timeline"));
    QPrintPreviewDialog preview(&printer, this);
    preview.setObjectName(QStringLiteral("printPreview"));
    const auto view = ExportOptions::View(m_tabs->currentIndex());
    connect(&preview, &QPrintPreviewDialog::paintRequested, this, [this, view](QPrinter *target) {
        // The same layout as an export at the page's size: 96 logical pixels to the inch,
        // type in points on the paper.
        ExportOptions options;
        options.view = view;
        options.wholePeriod = false; // what is visible, as on screen
        options.paperSize = target->pageLayout().paintRect(QPageLayout::Millimeter).size();
        options.dpi = target->resolution();
        const QSize size = options.logicalSize();
        QPainter painter;
        if (!painter.begin(target))
            return;
        // A printer that kept a resolution of its own: map the layout onto its pixels.
        const qreal ratio = target->resolution() / ExportOptions::layoutDpi;
        painter.scale(ratio, ratio);
        QString problem;
        if (view == ExportOptions::View::Chronicle) // a document: every page, numbered
            exporterFor(view, QString())
                .paintChroniclePages(&painter, target, size, options, &problem);
        else
            exporterFor(view, QString()).paint(&painter, size, options);
        painter.end();
    });
    preview.exec();
}

void MainWindow::chooseAndExport()
{
    ExportDialog dialog(this);
    dialog.setWindowSize(m_tabs->currentWidget()->size());
    dialog.setView(ExportOptions::View(m_tabs->currentIndex()));
    dialog.setPreviewPainter(
        [this](QPainter *painter, const QSize &size, const ExportOptions &options) {
            exporterFor(options.view, QString()).paint(painter, size, options);
        });
    if (dialog.exec() != QDialog::Accepted)
        return;
    QSettings settings;
    const QString folder = settings.value(QStringLiteral("session/exportFolder")).toString();
    // The Chronicle is a document: PDF first, and its text forms.
    const bool chronicle = dialog.options().view == ExportOptions::View::Chronicle;
    const QString suggested = QDir(folder).filePath(
        chronicle ? QStringLiteral("chronicle.pdf") : QStringLiteral("negotiation-timeline.png"));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export View"), suggested,
        chronicle ? tr("PDF document (*.pdf);;PNG image (*.png);;Markdown (*.md *.markdown);;"
                       "HTML page (*.html *.htm)")
                  : tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("session/exportFolder"), QFileInfo(path).absolutePath());
    QString error;
    if (!exportView(path, dialog.options(), QString(), &error)) {
        QMessageBox box(QMessageBox::Warning, tr("Export failed"), QString(), QMessageBox::Ok,
                        this);
        PlainText::messageBox(&box, error); // it names the file
        box.exec();
        return;
    }
    statusBar()->showMessage(tr("Exported %1").arg(PrintableText::escaped(path)), 8000);
}

void MainWindow::chooseAndOpen()
{
    QSettings settings;
    const QString folder = QFileInfo(settings.value(QStringLiteral("session/lastFile")).toString()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Dataset"), folder,
                                                      tr("Negotiation timelines (*.json);;All files (*)"));
    if (!path.isEmpty())
        openDataset(path);
}

void MainWindow::updateRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList recent = storedRecentFiles(QSettings());
    for (int i = 0; i < recent.size(); ++i) {
        const QString path = recent.at(i);
        QAction *action = m_recentMenu->addAction(
            QStringLiteral("&%1 %2").arg(QString::number(i + 1),
                                         PlainText::actionText(QFileInfo(path).fileName())),
            this, [this, path] { openDataset(path); });
        action->setStatusTip(PrintableText::escaped(path));
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::updateStatus()
{
    const std::shared_ptr<const Dataset> dataset = m_events->dataset();
    m_statusTitle->setText(dataset ? PrintableText::oneLine(dataset->title) : tr("No dataset"));
    m_statusCount->setText(tr("%1 of %2 events").arg(m_filter->rowCount()).arg(m_events->rowCount()));
    const auto [first, last] = EventModel::dateSpan(m_filter);
    const QLocale locale;
    m_statusSpan->setText(first.isValid() ? tr("%1 – %2").arg(locale.toString(first, QStringLiteral("d MMM yyyy")),
                                                               locale.toString(last, QStringLiteral("d MMM yyyy")))
                                          : QString());
}

void MainWindow::updateEmptyState() {
    bool empty = m_filter->rowCount() == 0;
    if (empty && m_events->rowCount() > 0) {
        QList<int> without;
        for (int chip = 0; chip < m_chipsBar->chipTexts().size(); ++chip)
            without.append(m_chipsBar->eventsWithout(chip));
        m_emptyPage->showNoMatch(m_chipsBar->chipTexts(), without);
    } else if (empty && m_session->hasDataset() && m_session->dataset()->articles.isEmpty()) {
        m_emptyPage->showNoArticles();
    } else if (empty && m_session->hasDataset()) {
        // Articles but no event yet: the Sources view, where events are made from them.
        empty = false;
        if (m_viewStack->currentWidget() == m_emptyPage)
            m_tabs->setCurrentIndex(SourcesTab);
    } else if (empty) {
        m_emptyPage->showNoEvents(m_session->hasDataset());
    }
    QWidget *shown = empty ? static_cast<QWidget *>(m_emptyPage) : m_tabs;
    if (m_viewStack->currentWidget() == shown)
        return;
    // The focus leaves a page that is hidden for the one shown, not for the window at large.
    const bool hadFocus = m_viewStack->currentWidget()->isAncestorOf(QApplication::focusWidget());
    m_viewStack->setCurrentWidget(shown);
    if (hadFocus && empty)
        m_emptyPage->setFocus();
}

void MainWindow::showWarnings()
{
    // The Problems panel lists them, current after edits, and selects an event on a click.
    m_problems->show();
    m_problems->raise();
    m_problems->view()->setFocus(Qt::OtherFocusReason);
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    m_tabs->setCurrentIndex(settings.value(QStringLiteral("window/tab"), TimelineTab).toInt());
}

void MainWindow::fitToScreen() {
    const QScreen *screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
    if (!screen)
        return;
    const QRect available = screen->availableGeometry();
    const QSize most(int(available.width() * maxScreenShare),
                     int(available.height() * maxScreenShare));
    const QSize wanted = size().boundedTo(most);
    if (wanted != size())
        resize(wanted);
    // A restored position off the screen (a monitor since unplugged) comes back into sight.
    if (!available.intersects(frameGeometry()))
        move(available.topLeft());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_file->maybeSave()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("window/tab"), m_tabs->currentIndex());
    event->accept();
}

// Text, HTML and PDF files dropped are articles to import (all of them, as one step); one
// other file is a dataset to open.
static QStringList droppedArticles(const QList<QUrl> &urls) {
    QStringList paths;
    for (const QUrl &url : urls) {
        if (!url.isLocalFile() || !ArticleImportController::isArticleFile(url.toLocalFile()))
            return {};
        paths.append(url.toLocalFile());
    }
    return paths;
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!droppedArticles(urls).isEmpty() ? m_session->hasDataset()
                                         : urls.size() == 1 && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    const QStringList articles = droppedArticles(urls);
    if (!articles.isEmpty() && m_session->hasDataset()) {
        event->acceptProposedAction();
        // Once the drop is over, as below: a failure's message is modal.
        QTimer::singleShot(0, this, [this, articles] { m_articleImport->importFiles(articles); });
    } else if (articles.isEmpty() && urls.size() == 1 && urls.first().isLocalFile()) {
        event->acceptProposedAction();
        // Once the drop is over: opening may ask about unsaved changes, and a modal question
        // inside the drop would hold the application the file was dragged from.
        QTimer::singleShot(0, this,
                           [this, path = urls.first().toLocalFile()] { openDataset(path); });
    }
}

QWidget *MainWindow::tabView(int tab) const {
    switch (tab) {
    case TimelineTab:
        return m_timeline;
    case ActorsTab:
        return m_actorsView->chart();
    case SourcesTab:
        return m_sourcesView->textView();
    case ChronicleTab:
        return m_chronicle;
    default:
        return nullptr;
    }
}

QList<QWidget *> MainWindow::focusOrder() const {
    // Those that pass focus on to another (a tab widget to its bar) are no stop of their own.
    QList<QWidget *> order = focusChain();
    order.removeIf([](const QWidget *widget) { return widget->focusProxy() != nullptr; });
    return order;
}

QList<QWidget *> MainWindow::focusChain() const {
    // The window's parts in reading order; in each, its controls in their own order. The tab
    // widget hands focus to its bar: it goes just before it. The views' controls top down, as
    // they read (the actors' lanes are above their table).
    QList<QWidget *> parts{m_filterPanel, m_readOnlyBar, m_chipsBar, m_tabs, m_tabs->tabBar(),
                           m_timeline};
    parts << m_actorsView->chart() << m_actorsView->table() << m_actorsView->filterButton();
    parts << m_sourcesView->articleList() << m_sourcesView->textView()
          << m_sourcesView->passageList() << m_chronicle;
    for (int tab = 0; tab < m_tabs->count(); ++tab)
        parts.append(m_tabs->widget(tab)); // any other control of a view
    parts.append(m_emptyPage); // in the views' place when no event is shown
    parts.append({m_details, m_warningsButton});
    // A scroll area's viewport hands focus to the area around it and goes with it.
    const auto stops = [](const QWidget *widget) {
        return (widget->focusPolicy() & Qt::TabFocus) &&
               !(widget->focusProxy() && widget->focusProxy()->isAncestorOf(widget));
    };
    QList<QWidget *> order;
    const auto add = [&order, &stops](QWidget *widget) {
        if (stops(widget) && !order.contains(widget)) // a control listed first keeps its place
            order.append(widget);
    };
    for (QWidget *part : std::as_const(parts)) {
        add(part);
        if (part == m_tabs)
            continue; // its pages are parts of their own
        // The whole chain, not only the run after the part: a control made later (a filter
        // chip) joins the chain elsewhere, and setTabOrder() puts it in its place there.
        QWidget *widget = part;
        while ((widget = widget->nextInFocusChain()) != part) {
            if (part->isAncestorOf(widget))
                add(widget);
        }
        // Not every control follows its container in the chain (built later): collect the rest.
        for (QWidget *child : part->findChildren<QWidget *>())
            add(child);
    }
    return order;
}

void MainWindow::setUpKeyboard() {
    // A scroll area that only holds a view or a panel takes focus and shows none: Tab would
    // seem to stop nowhere. What it holds takes the keys (and scrolls itself into view).
    for (QScrollArea *scroll : findChildren<QScrollArea *>()) {
        if (scroll->metaObject() == &QScrollArea::staticMetaObject)
            scroll->setFocusPolicy(Qt::NoFocus);
    }
    m_tabs->setAccessibleName(tr("Views"));
    m_tabs->tabBar()->setAccessibleName(tr("Views"));
    m_details->setAccessibleDescription(tr("The selected event: date, place, participants and "
                                           "the quoted passages"));
    m_statusTitle->setAccessibleName(tr("Dataset title"));
    m_statusCount->setAccessibleName(tr("Events shown"));
    m_statusSpan->setAccessibleName(tr("Dates of the events shown"));
    m_warningsButton->setAccessibleName(tr("Show the dataset's warnings"));
    m_warningsButton->setFocusPolicy(Qt::TabFocus);
    // Filters, then the views, then the details, then the status bar: left to right. The
    // details are rebuilt for each event, so the order is set again after a selection.
    const auto orderChain = [this] {
        const QList<QWidget *> order = focusChain();
        for (qsizetype i = 1; i < order.size(); ++i)
            QWidget::setTabOrder(order.at(i - 1), order.at(i));
    };
    orderChain();
    connect(m_selection, &QItemSelectionModel::currentChanged, this, orderChain,
            Qt::QueuedConnection);
    // The chips and the empty page's buttons are made for each change of the filters.
    connect(m_filter, &EventFilterModel::filtersChanged, this, orderChain, Qt::QueuedConnection);
    // A control tabbed to in a scrolled panel (a quote's button below the fold) scrolls into
    // sight; a view taller than its scroll area (the lanes) keeps its scroll position.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        for (QWidget *up = now ? now->parentWidget() : nullptr; up && up != this;
             up = up->parentWidget()) {
            auto *scroll = qobject_cast<QScrollArea *>(up);
            if (scroll && now->height() <= scroll->viewport()->height())
                scroll->ensureWidgetVisible(now);
        }
    });
}

void MainWindow::resizeEvent(QResizeEvent *event) {
    QMainWindow::resizeEvent(event);
    // After the splitter has laid out its new width.
    QTimer::singleShot(0, this, &MainWindow::fitSidePanels);
}

void MainWindow::fitSidePanels() {
    constexpr double viewsShare = 2.0 / 3;
    if (!m_splitter->isVisible())
        return;
    QList<int> sizes = m_splitter->sizes();
    const int total = std::accumulate(sizes.cbegin(), sizes.cend(), 0);
    if (sizes.size() != 3 || total <= 0 || sizes.at(1) >= total * viewsShare)
        return;
    // Shrink the shown side panels alike, each no narrower than it can be.
    const int panels = (sizes.at(0) > 0) + (sizes.at(2) > 0);
    const int room = int(total * (1 - viewsShare)) / std::max(1, panels);
    for (const int i : {0, 2}) {
        if (sizes.at(i) > 0)
            sizes[i] = std::max(std::min(sizes.at(i), room), m_splitter->widget(i)->minimumWidth());
    }
    sizes[1] = total - sizes.at(0) - sizes.at(2);
    m_splitter->setSizes(sizes);
}

} // namespace ntl
