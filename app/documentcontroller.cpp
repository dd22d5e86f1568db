#include "documentcontroller.h"

#include "document.h"
#include "mainwindow.h"
#include "plaintext.h"
#include "printabletext.h"
#include "savejob.h"
#include "session.h"

#include <QAction>
#include <QDir>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QUndoStack>

namespace ntl {

namespace {
const QString lastFileKey = QStringLiteral("session/lastFile");

// What the user sees of a path: its file name, escaped (a newline would break the line).
QString shownName(const QString &path) {
    return PrintableText::escaped(QFileInfo(path).fileName());
}
} // namespace

DocumentController::DocumentController(MainWindow *window)
    : QObject(window)
    , m_window(window) {
    Document *doc = document();
    QUndoStack *stack = doc->undoStack();
    // "Undo Rename Event": the stack prefixes the command's text.
    m_undo = stack->createUndoAction(this, tr("&Undo"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_redo = stack->createRedoAction(this, tr("&Redo"));
    m_redo->setShortcut(QKeySequence::Redo);

    m_save = new QAction(tr("&Save"), this);
    m_save->setShortcut(QKeySequence::Save);
    m_save->setIcon(QIcon::fromTheme(QStringLiteral("document-save")));
    m_save->setStatusTip(tr("Save the dataset to its file"));
    connect(m_save, &QAction::triggered, this, [this] { save(); });
    m_saveAs = new QAction(tr("Save &As…"), this);
    // QKeySequence::SaveAs has no binding on some desktops (KDE, GNOME): Ctrl+Shift+S then.
    const QList<QKeySequence> saveAsKeys = QKeySequence::keyBindings(QKeySequence::SaveAs);
    m_saveAs->setShortcuts(saveAsKeys.isEmpty()
                               ? QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)}
                               : saveAsKeys);
    m_saveAs->setIcon(QIcon::fromTheme(QStringLiteral("document-save-as")));
    m_saveAs->setStatusTip(tr("Save the dataset to another file"));
    connect(m_saveAs, &QAction::triggered, this, [this] { chooseAndSaveAs(); });

    connect(doc, &Document::modifiedChanged, this, [this] {
        updateTitle();
        updateActions();
    });
    connect(doc, &Document::filePathChanged, this, &DocumentController::updateTitle);
    connect(doc, &Document::datasetReset, this, [this] {
        updateTitle();
        updateActions();
    });
    // A merged edit (typing into one field) keeps the undo index: every change counts.
    const auto changed = [this] {
        m_changedDuringSave = true;
    };
    connect(stack, &QUndoStack::indexChanged, this, changed);
    connect(doc, &Document::eventsChanged, this, changed);
    connect(doc, &Document::eventInserted, this, changed);
    connect(doc, &Document::eventRemoved, this, changed);
    connect(doc, &Document::eventsInserted, this, changed);
    connect(doc, &Document::eventsRemoved, this, changed);
    connect(doc, &Document::sidesChanged, this, changed);
    connect(doc, &Document::actorsChanged, this, changed);
    connect(doc, &Document::articlesChanged, this, changed);
    updateActions();
}

DocumentController::~DocumentController() = default;

Document *DocumentController::document() const {
    return m_window->session()->document();
}

bool DocumentController::save() {
    Document *doc = document();
    if (isSaving() || !m_window->session()->hasDataset())
        return false;
    // The embedded dataset cannot be written; a new one has no file yet.
    if (doc->isReadOnly() || doc->filePath().isEmpty())
        return chooseAndSaveAs();
    return saveAs(doc->filePath());
}

bool DocumentController::chooseAndSaveAs() {
    if (isSaving() || !m_window->session()->hasDataset() || !m_window->isInteractive())
        return false;
    Document *doc = document();
    const QString folder = doc->isReadOnly() || doc->filePath().isEmpty()
                               ? QFileInfo(QSettings().value(lastFileKey).toString()).absolutePath()
                               : QFileInfo(doc->filePath()).absolutePath();
    const QString name = doc->isReadOnly() || doc->filePath().isEmpty()
                             ? QStringLiteral("dataset.ntl.json")
                             : QFileInfo(doc->filePath()).fileName();
    QFileDialog dialog(m_window, tr("Save Dataset As"), QDir(folder).filePath(name));
    dialog.setObjectName(QStringLiteral("saveAsDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setFileMode(QFileDialog::AnyFile);
    dialog.setDefaultSuffix(QStringLiteral("json"));
    // Where the article texts go is a choice of file type, as "Save as type" is elsewhere:
    // it needs no dialog of our own and works with the desktop's native dialog.
    const QStringList filters{
        tr("Negotiation timeline, texts as they are (*.ntl.json *.json)"),
        tr("Negotiation timeline, texts inline (*.ntl.json *.json)"),
        tr("Negotiation timeline, texts in files beside it (*.ntl.json *.json)")};
    dialog.setNameFilters(filters);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return false;
    DatasetWriter::Options options;
    const qsizetype filter = filters.indexOf(dialog.selectedNameFilter());
    options.texts = filter == 1   ? DatasetWriter::ArticleTexts::Inline
                    : filter == 2 ? DatasetWriter::ArticleTexts::Files
                                  : DatasetWriter::ArticleTexts::AsRead;
    return saveAs(dialog.selectedFiles().constFirst(), options);
}

bool DocumentController::saveAs(const QString &path, const DatasetWriter::Options &options) {
    if (isSaving() || path.isEmpty() || !m_window->session()->hasDataset())
        return false;
    Document *doc = document();
    m_savedIndex = doc->undoStack()->index();
    m_changedDuringSave = false;
    // The snapshot never changes: edits made while it is written go to new snapshots.
    m_job = new SaveJob(doc->snapshot(), QFileInfo(path).absoluteFilePath(), options, this);
    connect(m_job, &SaveJob::finished, this, &DocumentController::onSaveFinished);
    connect(m_job, &SaveJob::progress, this, [this](qint64 done, qint64 total) {
        if (m_job && total > 0)
            m_window->statusBar()->showMessage(
                tr("Saving %1… %2%").arg(shownName(m_job->path())).arg(done * 100 / total));
    });
    m_window->statusBar()->showMessage(tr("Saving %1…").arg(shownName(path)));
    updateActions();
    m_job->start();
    return true;
}

void DocumentController::onSaveFinished(bool ok, const QString &message) {
    SaveJob *job = m_job;
    m_job = nullptr;
    const QString path = job->path();
    job->deleteLater();
    m_lastSaveOk = ok;
    Document *doc = document();
    emit wroteFile(path, ok);
    if (ok) {
        m_lastError.clear();
        const bool newFile = path != doc->filePath();
        doc->setFilePath(path);
        // Clean only if what was written is what the document holds now.
        if (!m_changedDuringSave && doc->undoStack()->index() == m_savedIndex)
            doc->setClean();
        m_window->statusBar()->showMessage(tr("Saved %1").arg(shownName(path)), 8000);
        updateActions();
        updateTitle();
        // Only a new file goes into the recent files: writing the settings costs an fsync,
        // 10 to 25 ms on a disk still flushing the dataset, which a plain Save need not pay.
        if (newFile)
            emit savedAs(path);
    } else {
        // The writer's QSaveFile left the old file as it was; the document stays modified.
        m_lastError = message;
        m_window->statusBar()->showMessage(tr("Could not save %1").arg(shownName(path)), 10000);
        updateActions();
        if (m_window->isInteractive()) {
            QMessageBox box(QMessageBox::Warning, tr("Save failed"), QString(), QMessageBox::Ok,
                            m_window);
            box.setObjectName(QStringLiteral("saveFailedBox"));
            PlainText::messageBox(&box,
                                  tr("%1 could not be saved. The file on disk is unchanged.")
                                      .arg(QFileInfo(path).fileName()),
                                  message); // the writer's reason names the file
            box.exec();
        }
    }
    if (m_waiting)
        m_waiting->quit();
}

bool DocumentController::waitForSave() {
    if (!m_job)
        return true;
    QEventLoop loop;
    m_waiting = &loop;
    // Painting and timers go on; clicks and keys wait, so nothing starts another save or a
    // close while this one is awaited.
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    m_waiting = nullptr;
    return m_lastSaveOk;
}

bool DocumentController::maybeSave() {
    // A save already running may be all there is to wait for.
    if (isSaving())
        waitForSave();
    Document *doc = document();
    if (!doc->isModified())
        return true;
    if (!m_window->isInteractive())
        return true; // tests and headless use: nobody to ask, nothing kept (see MainWindow)
    const QString name = doc->isReadOnly()           ? tr("The built-in dataset")
                         : doc->filePath().isEmpty() ? tr("The new dataset")
                                                     : QFileInfo(doc->filePath()).fileName();
    QMessageBox box(QMessageBox::Question, tr("Unsaved changes"), QString(),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, m_window);
    box.setObjectName(QStringLiteral("unsavedChangesBox"));
    box.setDefaultButton(QMessageBox::Save);
    box.setEscapeButton(QMessageBox::Cancel);
    PlainText::messageBox(&box, tr("%1 has unsaved changes. Save them?").arg(name),
                          tr("Discarded changes are lost."));
    switch (box.exec()) {
    case QMessageBox::Discard:
        return true;
    case QMessageBox::Save:
        if (!save())
            return false; // Save As cancelled
        return waitForSave() && !doc->isModified();
    default:
        return false;
    }
}

QString DocumentController::windowTitle() const {
    const Document *doc = document();
    const QString app = tr("Negotiation Timeline");
    if (!m_window->session()->hasDataset())
        return app;
    // Escaped by PlainText::windowTitle: a newline shows as "\n", "[*]" as itself.
    const QString title = doc->dataset().title;
    const QString name = doc->isReadOnly()           ? title
                         : doc->filePath().isEmpty() ? tr("Untitled")
                                                     : QFileInfo(doc->filePath()).fileName();
    QString shown = PlainText::windowTitle(name) + QStringLiteral("[*]");
    if (doc->isReadOnly())
        shown += QLatin1Char(' ') + tr("(read-only)");
    else if (!title.isEmpty())
        shown += QStringLiteral(" — ") + PlainText::windowTitle(title);
    return shown + QStringLiteral(" — ") + app;
}

void DocumentController::refresh() {
    updateTitle();
    updateActions();
}

void DocumentController::updateTitle() {
    m_window->setWindowTitle(windowTitle());
    m_window->setWindowModified(document()->isModified());
}

void DocumentController::updateActions() {
    const bool open = m_window->session()->hasDataset();
    // A modified read-only document may be saved: Save goes to Save As.
    m_save->setEnabled(open && !isSaving() && document()->isModified());
    m_saveAs->setEnabled(open && !isSaving());
}

} // namespace ntl
