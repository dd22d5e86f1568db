#include "commandline.h"

#include "datasetreader.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace ntl {

const QString CommandLine::defaultDatasetPath =
    QStringLiteral(":/datasets/peace-talks-2025/dataset.json");

namespace {
QString tr(const char *text) { return QCoreApplication::translate("CommandLine", text); }
} // namespace

void CommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Follow a negotiation through the news: dated events, who took part, and the "
           "article passages that report them."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption checkOption(
        QStringLiteral("check"),
        tr("Check FILE (or the embedded default dataset) and print each problem on its own "
           "line. Exit code 0: no errors, 1: errors, 2: bad usage."));
    parser.addOption(checkOption);
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 tr("Dataset to open; without it, the embedded default dataset."),
                                 QStringLiteral("[FILE]"));
    m_helpText = parser.helpText();

    if (!parser.parse(arguments)) {
        m_action = Action::UsageError;
        m_usageError = parser.errorText();
        return;
    }
    if (parser.isSet(helpOption)) {
        m_action = Action::ShowHelp;
        return;
    }
    if (parser.isSet(versionOption)) {
        m_action = Action::ShowVersion;
        return;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        m_action = Action::UsageError;
        m_usageError = tr("expected at most one FILE, got %1").arg(positional.size());
        return;
    }
    m_datasetPath = positional.value(0);
    m_action = parser.isSet(checkOption) ? Action::Check : Action::OpenViewer;
}

int CommandLine::runCheck(const QString &path, std::FILE *out)
{
    const QString file = path.isEmpty() ? defaultDatasetPath : path;
    const DatasetReader::Result result = DatasetReader::readFile(file);
    int errors = 0;
    int warnings = 0;
    for (const Diagnostic &diagnostic : result.diagnostics) {
        (diagnostic.isError() ? errors : warnings)++;
        std::fprintf(out, "%s\n", qPrintable(diagnostic.toString()));
    }
    if (result.ok()) {
        std::fprintf(out, "%s\n",
                     qPrintable(tr("%1: %2 events, %3 actors, %4 articles; %5 warnings")
                                    .arg(file)
                                    .arg(result.dataset->events.size())
                                    .arg(result.dataset->actors.size())
                                    .arg(result.dataset->articles.size())
                                    .arg(warnings)));
        return exitOk;
    }
    std::fprintf(out, "%s\n",
                 qPrintable(tr("%1: %2 errors, %3 warnings; not loaded").arg(file).arg(errors).arg(warnings)));
    return exitProblems;
}

} // namespace ntl
