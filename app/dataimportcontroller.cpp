#include "dataimportcontroller.h"

#include "articleimportcontroller.h"
#include "csveventsimporter.h"
#include "csvmappingdialog.h"
#include "csvtable.h"
#include "dataformat.h"
#include "document.h"
#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "importapplier.h"
#include "mainwindow.h"
#include "plaintext.h"
#include "printabletext.h"
#include "session.h"
#include "webannotationimporter.h"

#include <QAction>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QMessageBox>
#include <QPushButton>
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

// "1 event", "3 events": English plurals without a translation file.
QString counted(qsizetype n, const char *one, const char *many) {
    return QCoreApplication::translate("ntl::DataImportController", n == 1 ? one : many).arg(n);
}

// A finding on one line, the file by its name: the dialog is narrow, the path is known.
QString shortLine(const Diagnostic &d) {
    Diagnostic shown = d;
    shown.file = QFileInfo(d.file).fileName();
    return shown.toString();
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
        const std::optional<ImportBatch> prepared = prepare(path, working);
        if (!prepared) {
            report(false, tr("Import cancelled: nothing was imported."), {});
            return false;
        }
        const ImportBatch &batch = *prepared;
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
        parts.append(counted(all.newEvents.size(), "%1 event", "%1 events"));
    if (!all.updatedEvents.isEmpty())
        parts.append(counted(all.updatedEvents.size(), "%1 event updated", "%1 events updated"));
    if (!all.articles.isEmpty())
        parts.append(counted(all.articles.size(), "%1 article", "%1 articles"));
    if (!all.sides.isEmpty())
        parts.append(counted(all.sides.size(), "%1 side", "%1 sides"));
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

std::optional<ImportBatch> DataImportController::prepare(const QString &path,
                                                         const Dataset &base) {
    const bool ask = m_mappingChooser || m_annotationTargetChooser || m_window->isInteractive();
    QByteArray bytes;
    QString why;
    if (!ask || !DataFormat::readFile(path, &bytes, &why))
        return DataFormat::importFile(path, base);
    const DataFormat::Format format = DataFormat::forImport(path, bytes);
    if (format == DataFormat::Format::WebAnnotation) {
        // Annotations made while reading about one event may name none: with an event
        // current, the user may attach every passage to it.
        const QModelIndex current = m_window->session()->selectionModel()->currentIndex();
        const QString currentId =
            current.isValid() ? current.data(EventModel::EventIdRole).toString() : QString();
        if (currentId.isEmpty())
            return DataFormat::importFile(path, base);
        const std::optional<QString> target = askAnnotationTarget(path, currentId);
        if (!target)
            return std::nullopt;
        WebAnnotationImporter::Options options;
        options.eventId = *target;
        return WebAnnotationImporter::read(bytes, path, base, options);
    }
    if (format != DataFormat::Format::CsvEvents)
        return DataFormat::importFile(path, base);
    const CsvTable table = CsvTable::parse(bytes, path);
    if (hasErrors(table.diagnostics))
        return DataFormat::importFile(path, base); // the same located errors, reported below
    const std::optional<CsvMapping> mapping =
        m_mappingChooser ? m_mappingChooser(table, path)
                         : CsvMappingDialog::ask(m_window, table, base, path);
    if (!mapping)
        return std::nullopt;
    return CsvEventsImporter::read(table, path, base, *mapping);
}

std::optional<QString> DataImportController::askAnnotationTarget(const QString &path,
                                                                 const QString &eventId) {
    if (m_annotationTargetChooser)
        return m_annotationTargetChooser(path, eventId);
    if (!m_window->isInteractive())
        return QString();
    const QModelIndex current = m_window->session()->selectionModel()->currentIndex();
    const QString title = PrintableText::oneLine(current.data(EventModel::TitleRole).toString());
    QMessageBox box(QMessageBox::Question, tr("Import Annotations"), QString(),
                    QMessageBox::NoButton, m_window);
    box.setObjectName(QStringLiteral("annotationTargetBox"));
    PlainText::messageBox(
        &box, tr("Where do the passages of “%1” go?").arg(QFileInfo(path).fileName()),
        tr("Each annotation that names an event goes to it, and each other one to a new event; "
           "or every passage goes to the current event, “%1”.")
            .arg(title));
    QPushButton *asSaid = box.addButton(tr("As the &Annotations Say"), QMessageBox::AcceptRole);
    QPushButton *toCurrent = box.addButton(tr("To the &Current Event"), QMessageBox::ActionRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(asSaid);
    box.exec();
    if (box.clickedButton() == asSaid)
        return QString();
    if (box.clickedButton() == toCurrent)
        return eventId;
    return std::nullopt;
}

void DataImportController::report(bool failed, const QString &text,
                                  const Diagnostics &diagnostics) {
    m_lastReport = text;
    m_lastDiagnostics = diagnostics;
    m_window->statusBar()->showMessage(text, 10000);
    QStringList errors;
    QStringList warnings;
    for (const Diagnostic &d : diagnostics)
        (d.isError() ? errors : warnings).append(shortLine(d));
    // A clean success says so in the status bar; errors and warnings need reading.
    if (!m_window->isInteractive() || (!failed && warnings.isEmpty()))
        return;
    // The first few in the box, all of them under Show Details.
    const QStringList &listed = errors.isEmpty() ? warnings : errors;
    QString informative = errors.isEmpty()
                              ? counted(warnings.size(), "%1 note to check:", "%1 notes to check:")
                              : counted(errors.size(), "%1 error; the dataset is unchanged:",
                                        "%1 errors; the dataset is unchanged:");
    informative += u'\n' + listed.mid(0, 4).join(u'\n');
    if (listed.size() > 4)
        informative += u'\n' + tr("… and %1 more (Show Details)").arg(listed.size() - 4);
    QMessageBox box(failed ? QMessageBox::Warning : QMessageBox::Information,
                    failed ? tr("Not imported") : tr("Imported"), QString(), QMessageBox::Ok,
                    m_window);
    box.setObjectName(QStringLiteral("dataImportReportBox"));
    PlainText::messageBox(&box, text, informative, (errors + warnings).join(u'\n'));
    box.exec();
}

} // namespace ntl
