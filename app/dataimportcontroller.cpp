#include "dataimportcontroller.h"

#include "articleimportcontroller.h"
#include "dataformat.h"
#include "document.h"
#include "eventfiltermodel.h"
#include "importapplier.h"
#include "mainwindow.h"
#include "plaintext.h"
#include "printabletext.h"
#include "session.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

namespace ntl {

namespace {

const QString lastFolderKey = QStringLiteral("import/lastFolder");

// The same lists one after the other: what several files bring, as one batch.
void append(ImportBatch &into, const ImportBatch &batch) {
    into.sides.append(batch.sides);
    into.actors.append(batch.actors);
    into.articles.append(batch.articles);
    into.newEvents.append(batch.newEvents);
    into.updatedEvents.append(batch.updatedEvents);
}

} // namespace

DataImportController::DataImportController(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_import(new QAction(tr("&Import…"), this)) {
    m_import->setObjectName(QStringLiteral("importAction"));
    // The one import: Import Articles… had this shortcut, and articles come in here too.
    m_import->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    m_import->setStatusTip(tr("Add articles (text, HTML, PDF) or data (TimelineJS, CSV, Web "
                              "Annotations) to the dataset"));
    connect(m_import, &QAction::triggered, this, &DataImportController::chooseAndImport);
    Document *document = m_window->session()->document();
    connect(document, &Document::datasetReset, this, &DataImportController::updateAction);
    updateAction();
}

void DataImportController::updateAction() {
    const bool open = m_window->session()->hasDataset();
    m_import->setEnabled(open);
    m_import->setToolTip(open ? QString() : tr("Open or create a dataset first"));
}

void DataImportController::chooseAndImport() {
    QStringList paths;
    if (m_chooser) {
        paths = m_chooser();
    } else {
        QSettings settings;
        QFileDialog dialog(m_window, tr("Import"), settings.value(lastFolderKey).toString());
        dialog.setObjectName(QStringLiteral("importDialog"));
        dialog.setFileMode(QFileDialog::ExistingFiles);
        dialog.setNameFilters(DataFormat::importFilters());
        if (dialog.exec() != QDialog::Accepted)
            return;
        paths = dialog.selectedFiles();
        if (!paths.isEmpty())
            settings.setValue(lastFolderKey, QFileInfo(paths.first()).absolutePath());
    }
    if (!paths.isEmpty())
        importFiles(paths);
}

bool DataImportController::importFiles(const QStringList &paths) {
    if (!m_window->session()->hasDataset() || paths.isEmpty())
        return false;
    bool articlesOnly = true;
    for (const QString &path : paths)
        articlesOnly = articlesOnly && ArticleImportController::isArticleFile(path);
    if (articlesOnly) {
        const bool imported = m_window->articleImport()->importFiles(paths);
        m_lastReport = m_window->articleImport()->lastReport();
        m_lastDiagnostics.clear();
        return imported;
    }

    Document *document = m_window->session()->document();
    Dataset working = document->dataset();
    ImportBatch all;
    all.sourceName = paths.size() == 1 ? paths.first() : tr("%1 files").arg(paths.size());
    Diagnostics findings;
    int failed = 0;
    for (const QString &path : paths) {
        const ImportBatch batch = DataFormat::importFile(path, working);
        Diagnostics found = batch.diagnostics;
        if (!batch.hasErrors())
            found.append(ImportApplier::check(working, batch));
        findings.append(found);
        if (hasErrors(found)) {
            ++failed; // every file is still read, so one report names every problem
            continue;
        }
        working = ImportApplier::merged(working, batch);
        append(all, batch);
    }
    if (failed) {
        const QString text =
            paths.size() == 1
                ? tr("Nothing was imported: %1 has errors.")
                      .arg(PrintableText::escaped(QFileInfo(paths.first()).fileName()))
                : tr("Nothing was imported: %1 of the %2 files have errors.")
                      .arg(failed)
                      .arg(paths.size());
        report(true, text, findings);
        return false;
    }
    if (all.isEmpty()) {
        report(false, tr("Nothing new to import."), findings);
        return false;
    }
    const ImportApplier::Result result = ImportApplier::apply(*document, all);
    if (!result.applied) {
        findings.append(result.diagnostics);
        report(true, tr("Nothing was imported."), findings);
        return false;
    }
    QStringList parts;
    if (!all.newEvents.isEmpty())
        parts.append(tr("%n event(s)", nullptr, int(all.newEvents.size())));
    if (!all.updatedEvents.isEmpty())
        parts.append(tr("%n event(s) updated", nullptr, int(all.updatedEvents.size())));
    if (!all.articles.isEmpty())
        parts.append(tr("%n article(s)", nullptr, int(all.articles.size())));
    if (!all.sides.isEmpty())
        parts.append(tr("%n side(s)", nullptr, int(all.sides.size())));
    report(false, tr("Imported %1.").arg(parts.join(QStringLiteral(", "))), findings);
    // The first new event, selected where the user looks: the import is in view.
    if (!all.newEvents.isEmpty()) {
        const QModelIndex index =
            m_window->session()->filterModel()->indexOfEvent(all.newEvents.first().id);
        if (index.isValid())
            m_window->session()->selectionModel()->setCurrentIndex(
                index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    return true;
}

void DataImportController::report(bool failed, const QString &text,
                                  const Diagnostics &diagnostics) {
    m_lastReport = text;
    m_lastDiagnostics = diagnostics;
    m_window->statusBar()->showMessage(text, 10000);
    QStringList errors;
    QStringList warnings;
    for (const Diagnostic &d : diagnostics)
        (d.isError() ? errors : warnings).append(d.toString());
    // A clean success says so in the status bar; errors and warnings need reading.
    if (!m_window->isInteractive() || (!failed && warnings.isEmpty()))
        return;
    QString informative;
    if (!errors.isEmpty())
        informative =
            tr("%n error(s); the dataset is unchanged. The first:", nullptr, int(errors.size())) +
            u'\n' + errors.first();
    else
        informative = tr("%n note(s) to check, such as events that cite no article:", nullptr,
                         int(warnings.size())) +
                      u'\n' + warnings.first();
    QMessageBox box(failed ? QMessageBox::Warning : QMessageBox::Information,
                    failed ? tr("Not imported") : tr("Imported"), QString(), QMessageBox::Ok,
                    m_window);
    box.setObjectName(QStringLiteral("dataImportReportBox"));
    PlainText::messageBox(&box, text, informative, (errors + warnings).join(u'\n'));
    box.exec();
}

} // namespace ntl
