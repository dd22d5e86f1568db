#include "dataexportcontroller.h"

#include "atomicwrite.h"
#include "dataformat.h"
#include "document.h"
#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "mainwindow.h"
#include "plaintext.h"
#include "printabletext.h"
#include "session.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

namespace ntl {

namespace {
const QString lastFolderKey = QStringLiteral("exportData/lastFolder");
const QString lastFilterKey = QStringLiteral("exportData/lastFilter");
} // namespace

DataExportController::DataExportController(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_export(new QAction(tr("Export &Data…"), this)) {
    m_export->setObjectName(QStringLiteral("exportDataAction"));
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_E));
    m_export->setStatusTip(tr("Save the filtered events for TimelineJS, a spreadsheet or an "
                              "annotation tool"));
    connect(m_export, &QAction::triggered, this, &DataExportController::chooseAndExport);
    EventFilterModel *filter = m_window->session()->filterModel();
    connect(filter, &QAbstractItemModel::modelReset, this, &DataExportController::updateAction);
    connect(filter, &QAbstractItemModel::rowsInserted, this, &DataExportController::updateAction);
    connect(filter, &QAbstractItemModel::rowsRemoved, this, &DataExportController::updateAction);
    connect(filter, &QAbstractItemModel::layoutChanged, this, &DataExportController::updateAction);
    updateAction();
}

void DataExportController::updateAction() {
    const bool open = m_window->session()->hasDataset();
    const bool events = open && m_window->session()->filterModel()->rowCount() > 0;
    m_export->setEnabled(events);
    m_export->setToolTip(events ? QString()
                         : open ? tr("No event passes the filters")
                                : tr("Open a dataset first"));
}

void DataExportController::chooseAndExport() {
    QString path;
    bool byteOrderMark = false;
    if (m_chooser) {
        path = m_chooser();
    } else {
        QSettings settings;
        QFileDialog dialog(m_window, tr("Export Data"), settings.value(lastFolderKey).toString());
        dialog.setObjectName(QStringLiteral("exportDataDialog"));
        dialog.setAcceptMode(QFileDialog::AcceptSave);
        dialog.setNameFilters(DataFormat::exportFilters());
        const QString lastFilter = settings.value(lastFilterKey).toString();
        if (DataFormat::exportFilters().contains(lastFilter))
            dialog.selectNameFilter(lastFilter);
        if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
            return;
        path = dialog.selectedFiles().first();
        // The type list picks the format: a name without its suffix gets it.
        const DataFormat::Format chosen =
            DataFormat::exportFilterFormat(dialog.selectedNameFilter());
        if (DataFormat::forExport(path) != chosen)
            path += DataFormat::exportSuffix(chosen);
        settings.setValue(lastFolderKey, QFileInfo(path).absolutePath());
        settings.setValue(lastFilterKey, dialog.selectedNameFilter());
        byteOrderMark = DataFormat::exportFilterWantsByteOrderMark(dialog.selectedNameFilter());
    }
    if (!path.isEmpty())
        exportTo(path, byteOrderMark);
}

bool DataExportController::exportTo(const QString &path, bool byteOrderMark) {
    const DataFormat::Format format = DataFormat::forExport(path);
    const QString name = PrintableText::escaped(QFileInfo(path).fileName());
    if (!DataFormat::canExport(format)) {
        report(true, format == DataFormat::Format::Unknown
                         ? tr("Cannot tell the format of %1: use a .timelinejs.json, .csv, "
                              ".tsv, .passages.csv or .jsonld name.")
                               .arg(name)
                         : tr("%1: %2 is not yet supported in this version.")
                               .arg(name, DataFormat::name(format)));
        return false;
    }
    EventFilterModel *filter = m_window->session()->filterModel();
    QStringList eventIds;
    eventIds.reserve(filter->rowCount());
    for (int row = 0; row < filter->rowCount(); ++row)
        eventIds.append(filter->index(row, 0).data(EventModel::EventIdRole).toString());
    QString error;
    const QByteArray bytes = DataFormat::exportBytes(
        format, m_window->session()->document()->dataset(), eventIds, &error, byteOrderMark);
    if ((bytes.isEmpty() && !error.isEmpty()) || !AtomicWrite::writeFile(path, bytes, &error)) {
        report(true, tr("%1 could not be saved: %2").arg(name, PrintableText::escaped(error)));
        return false;
    }
    report(false,
           (eventIds.size() == 1 ? tr("Exported 1 event to %2") : tr("Exported %1 events to %2"))
               .arg(QString::number(eventIds.size()), name));
    return true;
}

void DataExportController::report(bool failed, const QString &text) {
    m_lastReport = text;
    m_window->statusBar()->showMessage(text, 10000);
    if (!failed || !m_window->isInteractive())
        return;
    QMessageBox box(QMessageBox::Warning, tr("Not exported"), QString(), QMessageBox::Ok, m_window);
    box.setObjectName(QStringLiteral("dataExportReportBox"));
    PlainText::messageBox(&box, text);
    box.exec();
}

} // namespace ntl
