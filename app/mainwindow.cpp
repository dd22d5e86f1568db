#include "mainwindow.h"

#include "actormodel.h"
#include "articlemodel.h"
#include "datasetreader.h"
#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "eventtableview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

namespace ntl {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_events(new EventModel(this))
    , m_actors(new ActorModel(this))
    , m_articles(new ArticleModel(this))
    , m_filter(new EventFilterModel(this))
    , m_table(new EventTableView)
    , m_search(new QLineEdit)
    , m_countLabel(new QLabel)
{
    m_filter->setSourceModel(m_events);
    m_table->setModel(m_filter);

    m_search->setPlaceholderText(tr("Search titles, summaries and quoted passages"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search events"));
    connect(m_search, &QLineEdit::textChanged, m_filter, &EventFilterModel::setSearchText);
    connect(m_filter, &EventFilterModel::filtersChanged, this, &MainWindow::updateCounts);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &MainWindow::updateCounts);

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_search);
    layout->addWidget(m_table);
    setCentralWidget(central);
    statusBar()->addPermanentWidget(m_countLabel);

    createActions();
    resize(1280, 800);
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *open = fileMenu->addAction(tr("&Open…"), this, &MainWindow::chooseAndOpen);
    open->setShortcut(QKeySequence::Open);
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction *find = editMenu->addAction(tr("&Find…"), this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    QAction *clear = editMenu->addAction(tr("&Clear Filters"), m_filter, [this] {
        m_search->clear();
        m_filter->clearFilters();
    });
    clear->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
}

bool MainWindow::openDataset(const QString &path)
{
    const DatasetReader::Result result = DatasetReader::readFile(path);
    if (!result.ok()) {
        QStringList lines;
        for (const Diagnostic &diagnostic : result.diagnostics)
            lines.append(diagnostic.toString());
        QMessageBox box(QMessageBox::Warning, tr("Cannot open dataset"),
                        tr("The dataset could not be opened; the one on screen is unchanged."),
                        QMessageBox::Ok, this);
        box.setTextFormat(Qt::PlainText);
        box.setDetailedText(lines.join(u'\n'));
        box.exec();
        return false;
    }
    m_events->setDataset(result.dataset);
    m_actors->setDataset(result.dataset);
    m_articles->setDataset(result.dataset);
    m_currentPath = path;
    setWindowTitle(result.dataset->title);
    if (!path.startsWith(u':'))
        QSettings().setValue(QStringLiteral("session/lastFile"), path);
    int warnings = 0;
    for (const Diagnostic &diagnostic : result.diagnostics)
        warnings += diagnostic.isError() ? 0 : 1;
    if (warnings > 0)
        statusBar()->showMessage(tr("Opened with %1 warnings").arg(warnings), 10000);
    updateCounts();
    return true;
}

void MainWindow::chooseAndOpen()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Dataset"), QString(), tr("Negotiation timeline datasets (*.json);;All files (*)"));
    if (!path.isEmpty())
        openDataset(path);
}

void MainWindow::updateCounts()
{
    m_countLabel->setText(tr("%1 of %2 events").arg(m_filter->rowCount()).arg(m_events->rowCount()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings().setValue(QStringLiteral("window/geometry"), saveGeometry());
    event->accept();
}

} // namespace ntl
