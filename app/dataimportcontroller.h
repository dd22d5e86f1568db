#pragma once

#include "csvmapping.h"
#include "csvtable.h"
#include "diagnostic.h"
#include "importbatch.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <optional>

class QAction;

namespace ntl {

class MainWindow;

// File → Import… (Ctrl+Shift+I): articles and data files (TimelineJS, CSV, Web Annotations:
// DataFormat) into the window's document. Articles alone go on to the article import (which
// shows the first in Sources); with data, every file is prepared against the dataset with
// the earlier files in it, and the whole is applied as ONE undoable step, all or nothing
// (ImportApplier). Errors name the file and where, and nothing changes; warnings (unsourced
// events, eras left out…) are listed to the user.
class DataImportController : public QObject {
    Q_OBJECT
public:
    explicit DataImportController(MainWindow *window);

    QAction *importAction() const { return m_import; }

    // Imports `paths` as one step; false when nothing was imported (lastDiagnostics() says why).
    bool importFiles(const QStringList &paths);

    // The last import's report (plain text) and its findings, errors and warnings.
    QString lastReport() const { return m_lastReport; }
    Diagnostics lastDiagnostics() const { return m_lastDiagnostics; }
    // Tests: replaces the file dialog (returns the chosen files; empty: cancelled).
    void setFileChooser(std::function<QStringList()> chooser) { m_chooser = std::move(chooser); }
    // Tests: replaces the column-mapping dialog of a CSV events table (nullopt: cancelled).
    using MappingChooser = std::function<std::optional<CsvMapping>(const CsvTable &, const QString &)>;
    void setMappingChooser(MappingChooser chooser) { m_mappingChooser = std::move(chooser); }
    // Tests: replaces the question where a Web Annotation file's passages go while an event is
    // current (arguments: the file, that event's id). Returns the event to attach every
    // passage to, an empty string for "as the annotations say", nullopt: cancelled.
    using AnnotationTargetChooser =
        std::function<std::optional<QString>(const QString &, const QString &)>;
    void setAnnotationTargetChooser(AnnotationTargetChooser chooser) {
        m_annotationTargetChooser = std::move(chooser);
    }

private:
    void chooseAndImport();
    void updateAction();
    void report(bool failed, const QString &text, const Diagnostics &diagnostics);
    // `path` prepared against `base`; a CSV events table through the column mapping the
    // user chooses (nullopt: they cancelled, and the whole import stops).
    std::optional<ImportBatch> prepare(const QString &path, const Dataset &base);
    // Where a Web Annotation file's passages go while `eventId` is current (see the setter).
    std::optional<QString> askAnnotationTarget(const QString &path, const QString &eventId);

    MainWindow *m_window;
    QAction *m_import;
    QString m_lastReport;
    Diagnostics m_lastDiagnostics;
    std::function<QStringList()> m_chooser;
    MappingChooser m_mappingChooser;
    AnnotationTargetChooser m_annotationTargetChooser;
};

} // namespace ntl
