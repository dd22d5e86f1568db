#pragma once

#include "dataset.h"
#include "diagnostic.h"
#include "exportoptions.h"

#include <QMainWindow>

class QAction;
class QActionGroup;
class QItemSelectionModel;
class QLabel;
class QMenu;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QToolButton;

namespace ntl {

class ViewExporter;

class ActorModel;
class ActorsView;
class ArticleImportController;
class ArticleModel;
class DataExportController;
class DataImportController;
class ChronicleView;
class AuthoringController;
class DocumentController;
class EmptyStatePage;
class EventDetailsPanel;
class EventEditController;
class EventFilterModel;
class ProblemsPanel;
class EventModel;
class FilterChipsBar;
class FileWatchController;
class FilterPanel;
class NavigationController;
class ReadOnlyBar;
class ReadOnlyController;
class RecoveryController;
class Session;
class SourcesView;
class TimelineView;

// The main window: filters on the left, the Timeline, Actors, Sources and Chronicle views in tabs,
// the current event's details on the right; all over one filtered model and one
// selection model.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum Tab { TimelineTab, ActorsTab, SourcesTab, ChronicleTab };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Loads a dataset; on errors lists them in a dialog and keeps the current dataset.
    bool openDataset(const QString &path);
    // The dataset named on the command line (empty: the embedded default). One that
    // cannot be opened is reported, and the embedded default opens instead: the window
    // never starts empty.
    void openAtStartup(const QString &path);
    // File → New: a dataset with this title and these sides and nothing else, untitled (Save
    // asks where). The caller has asked about unsaved changes (chooseNewDataset does).
    void newDataset(const QString &title, const QList<Side> &sides);
    // File → New…: Save / Discard / Cancel when modified, then the New Dataset dialog.
    void chooseNewDataset();
    // Light and Dark: Fusion with ThemePalette's colours; System: the style and palette
    // the application started with. `remember`: kept in the settings for the next start.
    void setTheme(ThemePalette::Theme theme, bool remember);
    ThemePalette::Theme theme() const { return m_theme; }
    // The theme last chosen from View → Theme (System when none was).
    static ThemePalette::Theme storedTheme();
    // Shows passage `sourceIndex` of the event in the Sources view.
    void showPassage(const QString &eventId, int sourceIndex);
    // Exports the current view as it is on screen (filters, lanes, visible range,
    // selection) with `options`; `articleId` picks the article of a Sources export
    // (empty: the one shown). Returns false with a message on failure.
    bool exportView(const QString &path, const ExportOptions &options, const QString &articleId, QString *error);
    // File → Print…: a preview of the current view laid out as an export at the printer's
    // page, then the print dialog.
    void printView();

    QString currentPath() const { return m_currentPath; }
    Diagnostics lastWarnings() const { return m_warnings; }
    Diagnostics lastErrors() const { return m_errors; }
    // When false, load errors are not shown in a modal dialog (tests, headless use).
    // Nor is a question asked before unsaved changes are discarded.
    void setInteractive(bool interactive) { m_interactive = interactive; }
    bool isInteractive() const { return m_interactive; }

    // The dataset, its models, the filter and the selection, which the views show.
    Session *session() const { return m_session; }
    EventModel *eventModel() const { return m_events; }
    EventFilterModel *filterModel() const { return m_filter; }
    QItemSelectionModel *selectionModel() const { return m_selection; }
    QTabWidget *tabs() const { return m_tabs; }
    FilterPanel *filterPanel() const { return m_filterPanel; }
    TimelineView *timeline() const { return m_timeline; }
    ActorsView *actorsView() const { return m_actorsView; }
    SourcesView *sourcesView() const { return m_sourcesView; }
    ChronicleView *chronicleView() const { return m_chronicle; }
    EventDetailsPanel *detailsPanel() const { return m_details; }
    NavigationController *navigation() const { return m_navigation; }
    // Undo, Redo, Save, Save As and the question before unsaved changes are lost.
    DocumentController *documentController() const { return m_file; }
    // From words selected in the Sources view to events, passages and claims.
    AuthoringController *authoring() const { return m_authoring; }
    // Edit → Edit Event, Delete, Duplicate, Actors and Sides…; the event editor's dock.
    EventEditController *eventEditing() const { return m_eventEdit; }
    // The lock beside the open file, and its changes on disk by other writers.
    FileWatchController *fileWatch() const { return m_fileWatch; }
    ReadOnlyBar *readOnlyBar() const { return m_readOnlyBar; }
    ReadOnlyController *readOnly() const { return m_readOnly; }
    RecoveryController *recovery() const { return m_recovery; }
    // Import Articles, Paste as Article, Article Properties and dropped article files.
    ArticleImportController *articleImport() const { return m_articleImport; }
    DataImportController *dataImport() const { return m_dataImport; }
    DataExportController *dataExport() const { return m_dataExport; }
    // The widget that takes the keyboard in a tab (View → Timeline… focus it).
    QWidget *tabView(int tab) const;
    // The Tab key's order through the window, as docs/accessibility.md lists it.
    QList<QWidget *> focusOrder() const;
    FilterChipsBar *filterChipsBar() const { return m_chipsBar; }
    // Shown instead of the tabs when no event is shown (none matches, or the dataset has none).
    EmptyStatePage *emptyStatePage() const { return m_emptyPage; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void createActions();
    void chooseAndOpen();
    void chooseAndExport();
    // An exporter set up with the on-screen state (lanes, visible range, article).
    ViewExporter exporterFor(ExportOptions::View view, const QString &articleId) const;
    void updateRecentMenu();
    void rememberRecentFile(const QString &path);
    void updateStatus();
    // The views, or the empty state page when they would show nothing.
    void updateEmptyState();
    void showWarnings();
    void restoreSettings();
    // At most 90% of the available screen: the first window fits a small screen.
    void fitToScreen();
    // Tab order, accessible names, no invisible focus stops.
    void setUpKeyboard();
    // focusOrder() with the widgets that hand focus on (they need their place too).
    QList<QWidget *> focusChain() const;
    // On a small window the side panels give way until the views have two thirds of it.
    void fitSidePanels();

    Session *m_session;
    EventModel *m_events;
    ActorModel *m_actors;
    ArticleModel *m_articles;
    EventFilterModel *m_filter;
    QItemSelectionModel *m_selection;
    FilterPanel *m_filterPanel;
    TimelineView *m_timeline;
    ActorsView *m_actorsView;
    AuthoringController *m_authoring = nullptr;
    SourcesView *m_sourcesView;
    ChronicleView *m_chronicle;
    EventDetailsPanel *m_details;
    QTabWidget *m_tabs;
    FilterChipsBar *m_chipsBar;
    EmptyStatePage *m_emptyPage;
    QStackedWidget *m_viewStack;
    QSplitter *m_splitter;
    QMenu *m_recentMenu = nullptr;
    QToolButton *m_warningsButton;
    ProblemsPanel *m_problems = nullptr;
    QLabel *m_statusTitle;
    QLabel *m_statusCount;
    QLabel *m_statusSpan;
    QString m_currentPath;
    Diagnostics m_warnings;
    Diagnostics m_errors;
    bool m_interactive = true;
    ThemePalette::Theme m_theme = ThemePalette::Theme::System;
    QActionGroup *m_themeGroup = nullptr;
    NavigationController *m_navigation = nullptr;
    DocumentController *m_file = nullptr;
    EventEditController *m_eventEdit = nullptr;
    FileWatchController *m_fileWatch = nullptr;
    ReadOnlyBar *m_readOnlyBar = nullptr;
    ReadOnlyController *m_readOnly = nullptr;
    RecoveryController *m_recovery = nullptr;
    ArticleImportController *m_articleImport = nullptr;
    DataImportController *m_dataImport = nullptr;
    DataExportController *m_dataExport = nullptr;
};

} // namespace ntl
