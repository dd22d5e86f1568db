#pragma once

#include "datasetwriter.h"
#include "exportoptions.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <cstdio>

namespace ntl {

class Session;

// Parses the command line before any QApplication exists, so that --check,
// --help and --version run without a display.
class CommandLine
{
public:
    enum class Action {
        OpenViewer,
        Check,
        Export,
        ExportData,
        Screenshot,
        SaveAs,
        NewDataset,
        ShowHelp,
        ShowVersion,
        UsageError
    };

    // `--export OUT` and the filters and options that go with it.
    struct ExportRequest {
        QString outputPath;
        ExportOptions options;
        QDate from;
        QDate to;
        QStringList actorIds;
        QStringList sideIds;
        QStringList kinds;
        QString search;
        QString articleId;
        QString selectEventId; // --screenshot: the event to select first
        bool byteOrderMark = false; // --bom: a CSV export starts with a UTF-8 byte-order mark
    };

    static constexpr int exitOk = 0;
    static constexpr int exitProblems = 1;
    static constexpr int exitUsage = 2;
    static constexpr int exitWriteFailed = 3;

    // `arguments` may hold Qt's own options (-platform, -style…): they are left to
    // QApplication, which reads them from argv.
    void parse(const QStringList &arguments);
    // `arguments` without Qt's standard options and their values.
    static QStringList withoutQtOptions(const QStringList &arguments);
    // Headless runs (--export, --screenshot) drop the platform's warnings that say nothing
    // to a user without a window; every other message still shows.
    static bool isHeadlessNoise(const QString &message);
    static void installHeadlessMessageFilter();

    Action action() const { return m_action; }
    QString datasetPath() const { return m_datasetPath; } // empty: the embedded default
    QString usageError() const { return m_usageError; }
    QString helpText() const { return m_helpText; }
    const ExportRequest &exportRequest() const { return m_export; }
    // --save-as OUT and --texts.
    QString saveAsPath() const { return m_saveAsPath; }
    DatasetWriter::Options saveOptions() const { return m_saveOptions; }
    // --new OUT (or --save-as OUT), its --import FILEs, and --title.
    QString newPath() const { return m_newPath; }
    QStringList importPaths() const { return m_importPaths; }
    QString newTitle() const { return m_newTitle; }
    // --theme for the viewer; System when not given (the remembered choice then applies).
    ThemePalette::Theme viewerTheme() const { return m_viewerTheme; }

    // Writes `line` and a newline to `out`, control and bidi characters escaped
    // (PrintableText::escaped): every line the program prints goes through here.
    static void printLine(std::FILE *out, const QString &line);
    // Prints every problem of the dataset, one a line, and a summary; returns the exit code.
    static int runCheck(const QString &path, std::FILE *out);
    // Needs a QApplication (offscreen is fine). Messages go to `err`; returns the exit code.
    static int runExport(const QString &datasetPath, const ExportRequest &request, std::FILE *out, std::FILE *err);
    // Opens the dataset in a Session (no window) and writes it to `outputPath` in the
    // canonical form; needs a QCoreApplication. Returns the exit code.
    // With `importPaths` (FILE --import X --save-as OUT): each imported first, as one step;
    // nothing is written if any cannot be.
    static int runSaveAs(const QString &datasetPath, const QString &outputPath,
                         const DatasetWriter::Options &options, std::FILE *out, std::FILE *err,
                         const QStringList &importPaths = {});
    // --export OUT.timelinejs.json (…): the filtered events as a data file (DataFormat);
    // needs a QCoreApplication only. Returns the exit code.
    static int runExportData(const QString &datasetPath, const ExportRequest &request,
                             std::FILE *out, std::FILE *err);
    // --new OUT --import FILE…: imports every FILE (an article, or data: DataFormat), an
    // article already imported (same text) once, and writes a new dataset to OUT; nothing is
    // written if any FILE fails, or if OUT exists. Needs a QCoreApplication. Returns the exit code.
    static int runNew(const QString &outputPath, const QStringList &importPaths,
                      const QString &title, std::FILE *out, std::FILE *err);
    // Needs a QApplication. Opens the main window offscreen at the requested size, shows
    // the view, selects the event and saves a screenshot (for the docs).
    static int runScreenshot(const QString &datasetPath, const ExportRequest &request, std::FILE *err);
    // Sets --actor, --side, --kind, --article, --from, --to and --search on the session's filter;
    // false, with the problems printed, when an id names nothing in the dataset.
    static bool applyFilters(Session &session, const ExportRequest &request, std::FILE *err);

private:
    Action m_action = Action::OpenViewer;
    QString m_datasetPath;
    QString m_usageError;
    QString m_helpText;
    ExportRequest m_export;
    QString m_saveAsPath;
    DatasetWriter::Options m_saveOptions;
    QString m_newPath;
    QStringList m_importPaths;
    QString m_newTitle;
    ThemePalette::Theme m_viewerTheme = ThemePalette::Theme::System;
};

} // namespace ntl
