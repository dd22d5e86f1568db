#include "commandline.h"
#include "mainwindow.h"

#include <QApplication>
#include <QIcon>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("NegotiationTimeline"));
    QCoreApplication::setApplicationName(QStringLiteral("negotiation-timeline"));
    QCoreApplication::setApplicationVersion(QStringLiteral(NTL_VERSION));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    ntl::CommandLine commandLine;
    commandLine.parse(arguments);
    switch (commandLine.action()) {
    case ntl::CommandLine::Action::UsageError:
        // The error may quote an argument: printLine escapes what it holds.
        ntl::CommandLine::printLine(stderr, QStringLiteral("negotiation-timeline: ") +
                                                commandLine.usageError());
        std::fputs("Try 'negotiation-timeline --help'.\n", stderr);
        return ntl::CommandLine::exitUsage;
    case ntl::CommandLine::Action::ShowHelp:
        std::fputs(qPrintable(commandLine.helpText()), stdout);
        return ntl::CommandLine::exitOk;
    case ntl::CommandLine::Action::ShowVersion:
        std::printf("negotiation-timeline %s\n", NTL_VERSION);
        return ntl::CommandLine::exitOk;
    case ntl::CommandLine::Action::Check: {
        QCoreApplication app(argc, argv); // no display needed
        return ntl::CommandLine::runCheck(commandLine.datasetPath(), stdout);
    }
    case ntl::CommandLine::Action::SaveAs: {
        QCoreApplication app(argc, argv); // no display, no window, no settings
        return ntl::CommandLine::runSaveAs(commandLine.datasetPath(), commandLine.saveAsPath(),
                                           commandLine.saveOptions(), stdout, stderr,
                                           commandLine.importPaths());
    }
    case ntl::CommandLine::Action::ExportData: {
        QCoreApplication app(argc, argv); // events as data: no display, no window
        return ntl::CommandLine::runExportData(commandLine.datasetPath(),
                                               commandLine.exportRequest(), stdout, stderr);
    }
    case ntl::CommandLine::Action::NewDataset: {
        QCoreApplication app(argc, argv); // no display, no window, no settings
        return ntl::CommandLine::runNew(commandLine.newPath(), commandLine.importPaths(),
                                        commandLine.newTitle(), stdout, stderr);
    }
    case ntl::CommandLine::Action::Screenshot:
    case ntl::CommandLine::Action::Export: {
        // Exporting needs no display: choose the offscreen platform unless told otherwise.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        ntl::CommandLine::installHeadlessMessageFilter();
        QApplication app(argc, argv);
        QApplication::setApplicationDisplayName(QObject::tr("Negotiation Timeline"));
        if (commandLine.action() == ntl::CommandLine::Action::Screenshot)
            return ntl::CommandLine::runScreenshot(commandLine.datasetPath(), commandLine.exportRequest(), stderr);
        return ntl::CommandLine::runExport(commandLine.datasetPath(), commandLine.exportRequest(), stdout, stderr);
    }
    case ntl::CommandLine::Action::OpenViewer:
        break;
    }

    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QObject::tr("Negotiation Timeline"));
    QGuiApplication::setDesktopFileName(QStringLiteral(NTL_APP_ID));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/" NTL_APP_ID ".svg")));
    ntl::MainWindow window;
    // --theme for this run only; without it, the one chosen from View → Theme.
    const ntl::ThemePalette::Theme theme = commandLine.viewerTheme();
    window.setTheme(
        theme != ntl::ThemePalette::Theme::System ? theme : ntl::MainWindow::storedTheme(), false);
    window.openAtStartup(commandLine.datasetPath());
    window.show();
    return app.exec();
}
