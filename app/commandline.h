#pragma once

#include <QString>
#include <QStringList>

#include <cstdio>

namespace ntl {

// Parses the command line before any QApplication exists, so that --check,
// --help and --version run without a display.
class CommandLine
{
public:
    enum class Action { OpenViewer, Check, ShowHelp, ShowVersion, UsageError };

    static constexpr int exitOk = 0;
    static constexpr int exitProblems = 1;
    static constexpr int exitUsage = 2;

    static const QString defaultDatasetPath;

    void parse(const QStringList &arguments);

    Action action() const { return m_action; }
    QString datasetPath() const { return m_datasetPath; } // empty: the embedded default
    QString usageError() const { return m_usageError; }
    QString helpText() const { return m_helpText; }

    // Prints every problem of the dataset, one a line, and a summary; returns the exit code.
    static int runCheck(const QString &path, std::FILE *out);

private:
    Action m_action = Action::OpenViewer;
    QString m_datasetPath;
    QString m_usageError;
    QString m_helpText;
};

} // namespace ntl
