#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QAction;

namespace ntl {

class MainWindow;

// File → Export Data…: the filtered events, in the order the views show them, as a data file
// (TimelineJS JSON, CSV, Web Annotations: DataFormat), the format picked by the dialog's type
// list (or the name typed). Written whole or not at all.
class DataExportController : public QObject {
    Q_OBJECT
public:
    explicit DataExportController(MainWindow *window);

    QAction *exportAction() const { return m_export; }

    // Writes the filtered events to `path` in the format its name says; false (lastReport()
    // says why) when it cannot.
    // `byteOrderMark`: a CSV table starts with a UTF-8 byte-order mark (for spreadsheet programs).
    bool exportTo(const QString &path, bool byteOrderMark = false);
    QString lastReport() const { return m_lastReport; }
    // Tests: replaces the file dialog (returns the path; empty: cancelled).
    void setFileChooser(std::function<QString()> chooser) { m_chooser = std::move(chooser); }

private:
    void chooseAndExport();
    void updateAction();
    void report(bool failed, const QString &text);

    MainWindow *m_window;
    QAction *m_export;
    QString m_lastReport;
    std::function<QString()> m_chooser;
};

} // namespace ntl
