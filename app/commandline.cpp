#include "commandline.h"

#include "articleimporter.h"
#include "atomicwrite.h"
#include "dataformat.h"
#include "document.h"
#include "eventmodel.h"
#include "importapplier.h"
#include "datasetreader.h"
#include "datasetvalidator.h"
#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "mainwindow.h"
#include "printabletext.h"
#include "session.h"
#include "viewexporter.h"

#include <QApplication>
#include <QBuffer>
#include <QItemSelectionModel>
#include <QStyleFactory>
#include <QTabWidget>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

namespace ntl {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("CommandLine", text); }
QString count(int n, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(n).arg(tr(n == 1 ? one : many));
}
} // namespace

void CommandLine::printLine(std::FILE *out, const QString &line) {
    // Every line may hold dataset text, a file name or an argument: escaped, it can
    // neither drive the terminal nor forge a line of its own. Escaping is idempotent,
    // so a Diagnostic::toString() line passes unchanged.
    std::fprintf(out, "%s\n", PrintableText::escaped(line).toLocal8Bit().constData());
}

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
    const QCommandLineOption exportOption(
        QStringLiteral("export"),
        tr("Export the view to OUT (.png, .svg or .pdf; the chronicle also .md or .html), or "
           "the filtered events as data (.timelinejs.json: TimelineJS; .csv: events; .tsv: "
           "events, tab-separated; .passages.csv: passages; .jsonld: W3C Web Annotations), "
           "without opening a window, and exit."),
        QStringLiteral("OUT"));
    const QCommandLineOption viewOption(
        QStringLiteral("view"),
        tr("View to export: timeline (default), actors, sources or chronicle (the events in "
           "order, in full: a paginated PDF, a PNG as tall as it needs, Markdown "
           "or HTML)."),
        QStringLiteral("VIEW"), QStringLiteral("timeline"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
                                        tr("Image size: pixels (default 1920x1080), WIDTHxauto (as "
                                           "tall as every title needs), or a print "
                                           "size such as 297x210mm, 17x10cm or 11x8.5in."),
                                        QStringLiteral("WxH"), QStringLiteral("1920x1080"));
    const QCommandLineOption dpiOption(QStringLiteral("dpi"),
                                       tr("Dots per inch of a print size (--size in mm, cm or in, "
                                          "or --page): %1 to %2, default 300.")
                                           .arg(ExportOptions::minDpi)
                                           .arg(ExportOptions::maxDpi),
                                       QStringLiteral("N"));
    const QCommandLineOption pageOption(QStringLiteral("page"),
                                        tr("A named page to print on: A4, A3 or Letter."),
                                        QStringLiteral("PAGE"));
    const QCommandLineOption landscapeOption(
        QStringLiteral("landscape"),
        tr("With --page: landscape (the default, but for the chronicle)."));
    const QCommandLineOption portraitOption(
        QStringLiteral("portrait"), tr("With --page: portrait (the default for the chronicle)."));
    const QCommandLineOption scaleOption(QStringLiteral("scale"), tr("Pixels per point for PNG: 1 to 4, default 2."),
                                         QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption fromOption(QStringLiteral("from"), tr("Only events on or after this date."), QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption toOption(QStringLiteral("to"), tr("Only events on or before this date."), QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption actorOption(QStringLiteral("actor"), tr("Only events with this actor (repeatable)."), QStringLiteral("ID"));
    const QCommandLineOption sideOption(QStringLiteral("side"), tr("Only events with this side (repeatable)."), QStringLiteral("ID"));
    const QCommandLineOption kindOption(QStringLiteral("kind"), tr("Only events of this kind (repeatable)."), QStringLiteral("KIND"));
    const QCommandLineOption searchOption(QStringLiteral("search"), tr("Only events whose title, summary or quotes contain TEXT."), QStringLiteral("TEXT"));
    const QCommandLineOption articleOption(QStringLiteral("article"), tr("Only events citing this article; the article shown by --view sources."), QStringLiteral("ID"));
    const QCommandLineOption themeOption(QStringLiteral("theme"), tr("light or dark: the theme of the window for this run, or of an export (default light)."), QStringLiteral("THEME"), QStringLiteral("light"));
    const QCommandLineOption wholeOption(QStringLiteral("whole-period"), tr("Export the whole filtered period (the default without a window)."));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
        tr("Save a PNG screenshot of the whole window (with --view, --size, --theme, --select and the filter options) and exit."), QStringLiteral("OUT"));
    const QCommandLineOption selectOption(QStringLiteral("select"), tr("With --screenshot: the event to select."), QStringLiteral("ID"));
    const QCommandLineOption titleOption(
        QStringLiteral("title"),
        tr("Title printed above the export; default: the dataset's title. With --new: the new "
           "dataset's title; default: OUT's name."),
        QStringLiteral("TEXT"));
    const QCommandLineOption saveAsOption(
        QStringLiteral("save-as"),
        tr("Open FILE (or the embedded default dataset) and write it to OUT in the canonical "
           "form, without opening a window, and exit. Exit code 0: saved, 1: FILE has errors, "
           "3: OUT could not be written (an existing OUT is then left as it was)."),
        QStringLiteral("OUT"));
    const QCommandLineOption textsOption(
        QStringLiteral("texts"),
        tr("With --save-as: where article texts go: inline (in OUT), files (text files beside "
           "OUT) or as-read (the default: each as it was read)."),
        QStringLiteral("WHERE"));
    parser.addOptions({saveAsOption, textsOption});
    const QCommandLineOption bomOption(
        QStringLiteral("bom"),
        tr("With --export to a .csv or .tsv file: begin it with a UTF-8 byte-order mark, which "
           "spreadsheet programs need to read it as UTF-8."));
    parser.addOption(bomOption);
    const QCommandLineOption newOption(
        QStringLiteral("new"),
        tr("Create a new dataset OUT from the files given with --import, without opening a "
           "window, and exit: each article becomes one of its articles, each data file brings "
           "its events with the sides and actors they name (with no --import, OUT is an empty "
           "dataset). All or nothing: if any FILE cannot be imported, nothing is written. Exit "
           "code 0: written, 1: a file could not be imported, 3: OUT exists or could not be "
           "written."),
        QStringLiteral("OUT"));
    const QCommandLineOption importOption(
        QStringLiteral("import"),
        tr("With --new or --save-as: a file to import (repeatable), in the order given: an "
           "article (plain text, UTF-8 or UTF-16 with a byte-order mark; an HTML page saved "
           "from a browser; a PDF) or a data file (TimelineJS JSON or spreadsheet CSV; a CSV "
           "or TSV events table; a passages CSV, re-anchoring the passages of events already "
           "in the dataset; W3C Web Annotations or Hypothesis's export). The format is told "
           "by content and name. All or nothing."),
        QStringLiteral("FILE"));
    parser.addOptions({newOption, importOption});
    parser.addOptions({exportOption, viewOption,      sizeOption,       dpiOption,
                       pageOption,   landscapeOption, portraitOption,   scaleOption,
                       fromOption,   toOption,        actorOption,      sideOption,
                       kindOption,   searchOption,    articleOption,    themeOption,
                       wholeOption,  titleOption,     screenshotOption, selectOption});
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 tr("Dataset to open; without it, the embedded default dataset."),
                                 QStringLiteral("[FILE]"));
    // Before a QCoreApplication exists the parser names the program "<executable_name>",
    // after it the full path: the usage line names the program as a user types it.
    m_helpText = parser.helpText();
    const qsizetype usageEnd = m_helpText.indexOf(QLatin1String(" [options]"));
    if (m_helpText.startsWith(QLatin1String("Usage: ")) && usageEnd > 0 &&
        usageEnd < m_helpText.indexOf(u'\n'))
        m_helpText.replace(7, usageEnd - 7, QStringLiteral("negotiation-timeline"));

    if (!parser.parse(withoutQtOptions(arguments))) {
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
    if (parser.isSet(bomOption)) {
        const DataFormat::Format format = DataFormat::forExport(parser.value(exportOption));
        if (!parser.isSet(exportOption) ||
            (format != DataFormat::Format::CsvEvents && format != DataFormat::Format::TsvEvents &&
             format != DataFormat::Format::CsvPassages)) {
            m_action = Action::UsageError;
            m_usageError = tr("--bom goes with --export to a .csv or .tsv file");
            return;
        }
        m_export.byteOrderMark = true;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        m_action = Action::UsageError;
        m_usageError = tr("expected at most one FILE, got %1").arg(positional.size());
        return;
    }
    m_datasetPath = positional.value(0);
    m_action = parser.isSet(checkOption) ? Action::Check : Action::OpenViewer;
    if (parser.isSet(importOption) && !parser.isSet(newOption) && !parser.isSet(saveAsOption)) {
        m_action = Action::UsageError;
        m_usageError = tr("--import goes with --new or --save-as");
        return;
    }
    if (parser.isSet(newOption)) {
        const auto usage = [this](const QString &message) {
            m_action = Action::UsageError;
            m_usageError = message;
        };
        if (!positional.isEmpty())
            return usage(
                tr("--new makes a new dataset: it opens no FILE (give articles and data files with "
                   "--import)"));
        for (const QCommandLineOption *other :
             {&checkOption, &exportOption, &screenshotOption, &saveAsOption, &textsOption,
              &themeOption, &selectOption}) {
            if (parser.isSet(*other))
                return usage(tr("--new and --%1 cannot be combined").arg(other->names().first()));
        }
        for (const QCommandLineOption &option :
             {viewOption, sizeOption, dpiOption, pageOption, landscapeOption, portraitOption,
              scaleOption, fromOption, toOption, actorOption, sideOption, kindOption, searchOption,
              articleOption, wholeOption}) {
            if (parser.isSet(option))
                return usage(tr("--%1 goes with --export").arg(option.names().first()));
        }
        m_newPath = parser.value(newOption);
        if (m_newPath.isEmpty())
            return usage(tr("--new needs a file name"));
        m_importPaths = parser.values(importOption);
        m_newTitle = parser.value(titleOption);
        m_action = Action::NewDataset;
        return;
    }

    const QList<QCommandLineOption> exportOnly{
        viewOption,   sizeOption,    dpiOption,   pageOption,  landscapeOption, portraitOption,
        scaleOption,  fromOption,    toOption,    actorOption, sideOption,      kindOption,
        searchOption, articleOption, wholeOption, titleOption};
    const bool screenshot = parser.isSet(screenshotOption);
    if (parser.isSet(textsOption) && !parser.isSet(saveAsOption)) {
        m_action = Action::UsageError;
        m_usageError = tr("--texts goes with --save-as");
        return;
    }
    if (parser.isSet(saveAsOption)) {
        const auto usage = [this](const QString &message) {
            m_action = Action::UsageError;
            m_usageError = message;
        };
        for (const QCommandLineOption *other :
             {&checkOption, &exportOption, &screenshotOption, &themeOption, &selectOption}) {
            if (parser.isSet(*other))
                return usage(
                    tr("--save-as and --%1 cannot be combined").arg(other->names().first()));
        }
        for (const QCommandLineOption &option : exportOnly) {
            if (parser.isSet(option))
                return usage(tr("--%1 goes with --export").arg(option.names().first()));
        }
        m_saveAsPath = parser.value(saveAsOption);
        if (m_saveAsPath.isEmpty())
            return usage(tr("--save-as needs a file name"));
        m_importPaths = parser.values(importOption);
        const QString texts = parser.value(textsOption);
        if (texts == QLatin1String("inline"))
            m_saveOptions.texts = DatasetWriter::ArticleTexts::Inline;
        else if (texts == QLatin1String("files"))
            m_saveOptions.texts = DatasetWriter::ArticleTexts::Files;
        else if (texts.isEmpty() || texts == QLatin1String("as-read"))
            m_saveOptions.texts = DatasetWriter::ArticleTexts::AsRead;
        else
            return usage(
                tr("unknown --texts \"%1\": expected inline, files or as-read").arg(texts));
        m_action = Action::SaveAs;
        return;
    }
    if (parser.isSet(selectOption) && !screenshot) {
        m_action = Action::UsageError;
        m_usageError = tr("--select goes with --screenshot");
        return;
    }
    if (!parser.isSet(exportOption) && !screenshot) {
        // The viewer opens in the theme asked for; --check ignores it.
        if (parser.isSet(themeOption) &&
            (!ThemePalette::fromName(parser.value(themeOption), &m_viewerTheme) ||
             m_viewerTheme == ThemePalette::Theme::System)) {
            m_action = Action::UsageError;
            m_usageError =
                tr("unknown theme \"%1\": expected light or dark").arg(parser.value(themeOption));
            return;
        }
        for (const QCommandLineOption &option : exportOnly) {
            if (parser.isSet(option)) {
                m_action = Action::UsageError;
                m_usageError = tr("--%1 goes with --export").arg(option.names().first());
                return;
            }
        }
        return;
    }
    if (parser.isSet(checkOption)) {
        m_action = Action::UsageError;
        m_usageError = tr("--check and --export cannot be combined");
        return;
    }
    const auto usage = [this](const QString &message) {
        m_action = Action::UsageError;
        m_usageError = message;
    };
    ExportRequest &request = m_export;
    if (parser.isSet(exportOption) && screenshot)
        return usage(tr("--export and --screenshot cannot be combined"));
    request.outputPath = parser.value(screenshot ? screenshotOption : exportOption);
    request.selectEventId = parser.value(selectOption);
    // --from … --search: which events an export holds, for a view or a data file alike.
    const auto readFilters = [&]() -> bool {
        for (const auto &[option, date] :
             {std::pair(&fromOption, &request.from), std::pair(&toOption, &request.to)}) {
            if (!parser.isSet(*option))
                continue;
            *date = QDate::fromString(parser.value(*option), Qt::ISODate);
            if (!date->isValid() || parser.value(*option).size() != 10) {
                usage(tr("bad date \"%1\" for --%2: expected YYYY-MM-DD")
                          .arg(parser.value(*option), option->names().first()));
                return false;
            }
        }
        if (request.from.isValid() && request.to.isValid() && request.to < request.from) {
            usage(tr("--to %1 is before --from %2")
                      .arg(request.to.toString(Qt::ISODate), request.from.toString(Qt::ISODate)));
            return false;
        }
        request.actorIds = parser.values(actorOption);
        request.sideIds = parser.values(sideOption);
        request.kinds = parser.values(kindOption);
        request.search = parser.value(searchOption);
        request.articleId = parser.value(articleOption);
        return true;
    };
    // A data file (TimelineJS, CSV, Web Annotation) holds the filtered events, not a view.
    if (!screenshot && DataFormat::forExport(request.outputPath) != DataFormat::Format::Unknown) {
        for (const QCommandLineOption *option :
             {&viewOption, &sizeOption, &dpiOption, &pageOption, &landscapeOption, &portraitOption,
              &scaleOption, &themeOption, &wholeOption, &titleOption}) {
            if (parser.isSet(*option))
                return usage(tr("--%1 is for exports of a view; \"%2\" is a data file")
                                 .arg(option->names().first(), request.outputPath));
        }
        const DataFormat::Format format = DataFormat::forExport(request.outputPath);
        if (!DataFormat::canExport(format))
            return usage(tr("\"%1\": %2 is not yet supported in this version")
                             .arg(request.outputPath, DataFormat::name(format)));
        if (!readFilters())
            return;
        m_action = Action::ExportData;
        return;
    }
    ExportOptions::Format format;
    if (screenshot && !request.outputPath.endsWith(QLatin1String(".png"), Qt::CaseInsensitive))
        return usage(tr("--screenshot writes PNG: \"%1\" does not end in .png").arg(request.outputPath));
    if (!ExportOptions::formatForPath(request.outputPath, &format))
        return usage(tr("cannot tell the format of \"%1\": use a .png, .svg or .pdf file name "
                        "(or .md or .html with --view chronicle), or a data file: "
                        ".timelinejs.json, .csv, .passages.csv or .jsonld")
                         .arg(request.outputPath));
    if (!ExportOptions::viewFromName(parser.value(viewOption), &request.options.view))
        return usage(tr("unknown view \"%1\": expected timeline, actors, sources or chronicle")
                         .arg(parser.value(viewOption)));
    const bool chronicle = request.options.view == ExportOptions::View::Chronicle;
    if (ExportOptions::isText(format) && !chronicle)
        return usage(tr("\"%1\": Markdown and HTML are exports of the chronicle only; add --view "
                        "chronicle, or use a .png, .svg or .pdf file name")
                         .arg(request.outputPath));
    if (chronicle && format == ExportOptions::Format::Svg)
        return usage(tr("\"%1\": the chronicle exports as .pdf, .png, .md or .html, not SVG")
                         .arg(request.outputPath));
    QString sizeProblem;
    if (screenshot) {
        if (!ExportOptions::sizeFromText(parser.value(sizeOption), &request.options.size))
            return usage(tr("bad size \"%1\": expected WIDTHxHEIGHT, each from 200 to 16384")
                             .arg(parser.value(sizeOption)));
        for (const QCommandLineOption *option :
             {&dpiOption, &pageOption, &landscapeOption, &portraitOption}) {
            if (parser.isSet(*option))
                return usage(tr("--%1 goes with --export").arg(option->names().first()));
        }
    } else if (!request.options.setSizeText(parser.value(sizeOption), &sizeProblem)) {
        return usage(sizeProblem);
    } else if (chronicle && !parser.isSet(sizeOption)) {
        // A column a reader can follow; a PNG of it is as tall as the events need.
        request.options.size.setWidth(ExportOptions::chronicleWidth);
    }
    if (parser.isSet(landscapeOption) && parser.isSet(portraitOption))
        return usage(tr("--landscape and --portrait cannot be combined"));
    if ((parser.isSet(landscapeOption) || parser.isSet(portraitOption)) &&
        !parser.isSet(pageOption))
        return usage(tr("--%1 goes with --page")
                         .arg(parser.isSet(landscapeOption) ? QStringLiteral("landscape")
                                                            : QStringLiteral("portrait")));
    if (parser.isSet(pageOption)) {
        if (parser.isSet(sizeOption))
            return usage(tr("--page and --size cannot be combined"));
        QSizeF page;
        // The chronicle is a document read down the page: portrait unless asked otherwise.
        const bool landscape =
            chronicle ? parser.isSet(landscapeOption) : !parser.isSet(portraitOption);
        if (!ExportOptions::pageFromName(parser.value(pageOption), landscape, &page))
            return usage(
                tr("unknown page \"%1\": expected A4, A3 or Letter").arg(parser.value(pageOption)));
        request.options.paperSize = page;
        request.options.pageName = parser.value(pageOption);
    }
    if (parser.isSet(dpiOption)) {
        if (!request.options.isPhysical())
            return usage(tr("--dpi goes with a print size (--size in mm, cm or in, or --page)"));
        bool dpiOk = false;
        request.options.dpi = parser.value(dpiOption).toInt(&dpiOk);
        if (!dpiOk || request.options.dpi < ExportOptions::minDpi ||
            request.options.dpi > ExportOptions::maxDpi)
            return usage(tr("bad dpi \"%1\": expected a whole number from %2 to %3")
                             .arg(parser.value(dpiOption))
                             .arg(ExportOptions::minDpi)
                             .arg(ExportOptions::maxDpi));
    }
    if (request.options.isPhysical() && parser.isSet(scaleOption))
        return usage(tr("--scale is for sizes in pixels; a print size takes --dpi"));
    bool scaleOk = false;
    request.options.scale = parser.value(scaleOption).toInt(&scaleOk);
    if (!scaleOk || request.options.scale < 1 || request.options.scale > 4)
        return usage(tr("bad scale \"%1\": expected a whole number from 1 to 4").arg(parser.value(scaleOption)));
    if (!ThemePalette::fromName(parser.value(themeOption), &request.options.theme) ||
        request.options.theme == ThemePalette::Theme::System)
        return usage(tr("unknown theme \"%1\": expected light or dark").arg(parser.value(themeOption)));
    if (!readFilters())
        return;
    request.options.wholePeriod = true; // without a window there is no other visible range
    request.options.title = parser.value(titleOption);
    // Refused here, before a dataset is read or a pixel drawn. A screenshot is a PNG of
    // the window at its size, without --scale.
    ExportOptions limited = request.options;
    if (screenshot)
        limited.scale = 1;
    QString problem;
    if (!limited.withinLimits(screenshot ? ExportOptions::Format::Png : format, &problem))
        return usage(screenshot ? tr("--size %1: %2").arg(parser.value(sizeOption), problem)
                                : tr("cannot export: %1").arg(problem));
    m_action = screenshot ? Action::Screenshot : Action::Export;
}

QStringList CommandLine::withoutQtOptions(const QStringList &arguments) {
    // Qt's options as QGuiApplication and QApplication read them (one dash or two), those
    // that take a value first. QApplication removes them from argv; our parser sees them
    // only because it reads the arguments before any application exists.
    static const QStringList withValue{QStringLiteral("platform"),
                                       QStringLiteral("platformpluginpath"),
                                       QStringLiteral("platformtheme"),
                                       QStringLiteral("plugin"),
                                       QStringLiteral("qwindowgeometry"),
                                       QStringLiteral("geometry"),
                                       QStringLiteral("qwindowtitle"),
                                       QStringLiteral("title"),
                                       QStringLiteral("qwindowicon"),
                                       QStringLiteral("icon"),
                                       QStringLiteral("style"),
                                       QStringLiteral("stylesheet"),
                                       QStringLiteral("session"),
                                       QStringLiteral("display"),
                                       QStringLiteral("name"),
                                       QStringLiteral("visual"),
                                       QStringLiteral("ncols"),
                                       QStringLiteral("qmljsdebugger")};
    static const QStringList flags{QStringLiteral("reverse"),    QStringLiteral("widgetcount"),
                                   QStringLiteral("nograb"),     QStringLiteral("dograb"),
                                   QStringLiteral("sync"),       QStringLiteral("cmap"),
                                   QStringLiteral("testability")};
    QStringList kept = arguments.mid(0, 1); // the program
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--")) {
            kept.append(arguments.mid(i)); // only file names from here on
            break;
        }
        if (!argument.startsWith(u'-')) {
            kept.append(argument);
            continue;
        }
        // --title is ours (the export's); -title, as Qt reads it, is Qt's.
        const bool doubleDash = argument.startsWith(QLatin1String("--"));
        const QString name = argument.mid(doubleDash ? 2 : 1).section(u'=', 0, 0);
        const bool ours = doubleDash && name == QLatin1String("title");
        if (!ours && flags.contains(name) && !argument.contains(u'='))
            continue;
        if (!ours && withValue.contains(name)) {
            if (!argument.contains(u'='))
                ++i; // the value follows
            continue;
        }
        kept.append(argument);
    }
    return kept;
}

bool CommandLine::isHeadlessNoise(const QString &message) {
    return message == QLatin1String("This plugin does not support propagateSizeHints()") ||
           message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set"));
}

void CommandLine::installHeadlessMessageFilter() {
    static QtMessageHandler previous = nullptr;
    previous = qInstallMessageHandler(
        [](QtMsgType type, const QMessageLogContext &context, const QString &message) {
            if (type != QtFatalMsg && isHeadlessNoise(message))
                return;
            previous(type, context, message);
        });
}

int CommandLine::runSaveAs(const QString &datasetPath, const QString &outputPath,
                           const DatasetWriter::Options &options, std::FILE *out, std::FILE *err,
                           const QStringList &importPaths) {
    Session session;
    if (!session.open(datasetPath.isEmpty() ? Session::defaultDatasetPath : datasetPath)) {
        for (const Diagnostic &diagnostic : session.errors())
            printLine(err, diagnostic.toString());
        return exitProblems;
    }
    // Each FILE --import X as the window imports it: one step each, all or nothing.
    int failed = 0;
    for (const QString &path : importPaths) {
        const ImportBatch batch = DataFormat::importFile(path, session.document()->dataset());
        const ImportApplier::Result result = ImportApplier::apply(*session.document(), batch);
        for (const Diagnostic &diagnostic : result.diagnostics)
            printLine(err, diagnostic.toString());
        if (!result.applied && (hasErrors(result.diagnostics) || !batch.isEmpty()))
            ++failed; // every file is still tried, so one run names every problem
    }
    if (failed) {
        printLine(err, QStringLiteral("negotiation-timeline: ") +
                           tr("%1; nothing written")
                               .arg(count(failed, "file could not be imported",
                                          "files could not be imported")));
        return exitProblems;
    }
    const std::shared_ptr<const Dataset> dataset = session.dataset();
    QString error;
    if (!DatasetWriter::write(dataset, outputPath, options, &error)) {
        printLine(err, QStringLiteral("negotiation-timeline: ") + error);
        return exitWriteFailed;
    }
    printLine(out, tr("%1: %2 events, %3 actors, %4 articles saved")
                       .arg(outputPath, QString::number(dataset->events.size()),
                            QString::number(dataset->actors.size()),
                            QString::number(dataset->articles.size())));
    return exitOk;
}

int CommandLine::runNew(const QString &outputPath, const QStringList &importPaths,
                        const QString &title, std::FILE *out, std::FILE *err) {
    const auto fail = [err](const QString &message) {
        printLine(err, QStringLiteral("negotiation-timeline: ") + message);
    };
    // A new dataset never replaces a file: --save-as is the way to overwrite.
    const QFileInfo target(outputPath);
    if (target.exists() || target.isSymLink()) {
        fail(tr("%1 already exists; --new does not replace a file").arg(outputPath));
        return exitWriteFailed;
    }
    Dataset dataset;
    dataset.title = ArticleImporter::oneLine(title);
    if (dataset.title.isEmpty()) {
        QString name = target.fileName();
        for (const QLatin1String suffix : {QLatin1String(".ntl.json"), QLatin1String(".json")}) {
            if (name.endsWith(suffix, Qt::CaseInsensitive)) {
                name.chop(suffix.size());
                break;
            }
        }
        dataset.title = ArticleImporter::oneLine(name);
    }
    if (dataset.title.isEmpty())
        dataset.title = tr("Untitled dataset");

    int failed = 0;
    for (const QString &path : importPaths) {
        // Each file against the dataset with the earlier ones in it: ids stay unique, an
        // article comes in once, a group names the side an earlier file made.
        const ImportBatch batch = DataFormat::importFile(path, dataset);
        Diagnostics diagnostics = batch.diagnostics;
        if (!batch.hasErrors())
            diagnostics.append(ImportApplier::check(dataset, batch));
        for (const Diagnostic &diagnostic : std::as_const(diagnostics))
            printLine(err, diagnostic.toString());
        if (hasErrors(diagnostics)) {
            ++failed; // every file is still tried, so one run names every problem
            continue;
        }
        dataset = ImportApplier::merged(dataset, batch);
    }
    if (failed) {
        fail(tr("%1; nothing written")
                 .arg(count(failed, "file could not be imported", "files could not be imported")));
        return exitProblems;
    }
    // What the importers made must be a dataset the reader takes: checked before writing.
    const Diagnostics problems = DatasetValidator::validate(dataset);
    if (hasErrors(problems)) {
        for (const Diagnostic &diagnostic : problems)
            printLine(err, diagnostic.toString());
        fail(tr("the imported files do not make a valid dataset; nothing written"));
        return exitProblems;
    }
    QString error;
    DatasetWriter::Options options;
    options.texts = DatasetWriter::ArticleTexts::Inline;
    if (!DatasetWriter::write(dataset, outputPath, options, &error)) {
        fail(error);
        return exitWriteFailed;
    }
    QStringList held{count(int(dataset.articles.size()), "article", "articles")};
    if (!dataset.events.isEmpty())
        held.append(count(int(dataset.events.size()), "event", "events"));
    if (!dataset.sides.isEmpty())
        held.append(count(int(dataset.sides.size()), "side", "sides"));
    printLine(out, tr("%1: a new dataset with %2").arg(outputPath, held.join(QStringLiteral(", "))));
    return exitOk;
}

int CommandLine::runCheck(const QString &path, std::FILE *out)
{
    const QString file = path.isEmpty() ? Session::defaultDatasetPath : path;
    const DatasetReader::Result result = DatasetReader::readFile(file);
    int errors = 0;
    int warnings = 0;
    for (const Diagnostic &diagnostic : result.diagnostics) {
        (diagnostic.isError() ? errors : warnings)++;
        printLine(out, diagnostic.toString());
    }
    if (result.ok()) {
        // One multi-argument arg(): a "%2" in the file name stays as it is.
        printLine(out, tr("%1: %2 events, %3 actors, %4 articles; %5")
                           .arg(file, QString::number(result.dataset->events.size()),
                                QString::number(result.dataset->actors.size()),
                                QString::number(result.dataset->articles.size()),
                                count(warnings, "warning", "warnings")));
        return exitOk;
    }
    printLine(out, tr("%1: %2, %3; not loaded")
                       .arg(file, count(errors, "error", "errors"),
                            count(warnings, "warning", "warnings")));
    return exitProblems;
}

} // namespace ntl

namespace ntl {

int CommandLine::runExport(const QString &datasetPath, const ExportRequest &request, std::FILE *out, std::FILE *err)
{
    // A session and the exporter, no window: an export reads no window settings and
    // writes no recent files. A fresh window's state is the exporter's default (lanes by
    // side, the whole period, the first cited article).
    Session session;
    if (!session.open(datasetPath.isEmpty() ? Session::defaultDatasetPath : datasetPath)) {
        for (const Diagnostic &diagnostic : session.errors())
            printLine(err, diagnostic.toString());
        return exitProblems;
    }
    if (!applyFilters(session, request, err))
        return exitUsage;
    EventFilterModel *filter = session.filterModel();
    const std::shared_ptr<const Dataset> dataset = session.dataset();

    ViewExporter exporter(filter, session.selectionModel());
    exporter.setArticleId(request.articleId);
    QString error;
    if (!exporter.write(request.outputPath, request.options, &error)) {
        printLine(err, QStringLiteral("negotiation-timeline: ") + error);
        return exitWriteFailed;
    }
    printLine(out, tr("%1: %2 of %3 events")
                       .arg(request.outputPath, QString::number(filter->rowCount()),
                            QString::number(dataset->events.size())));
    return exitOk;
}

} // namespace ntl

namespace ntl {

int CommandLine::runExportData(const QString &datasetPath, const ExportRequest &request,
                               std::FILE *out, std::FILE *err) {
    Session session;
    if (!session.open(datasetPath.isEmpty() ? Session::defaultDatasetPath : datasetPath)) {
        for (const Diagnostic &diagnostic : session.errors())
            printLine(err, diagnostic.toString());
        return exitProblems;
    }
    if (!applyFilters(session, request, err))
        return exitUsage;
    // The filtered events in the order the views show them.
    EventFilterModel *filter = session.filterModel();
    QStringList eventIds;
    eventIds.reserve(filter->rowCount());
    for (int row = 0; row < filter->rowCount(); ++row)
        eventIds.append(filter->index(row, 0).data(EventModel::EventIdRole).toString());
    const std::shared_ptr<const Dataset> dataset = session.dataset();
    QString error;
    const QByteArray bytes = DataFormat::exportBytes(DataFormat::forExport(request.outputPath),
                                                     *dataset, eventIds, &error,
                                                     request.byteOrderMark);
    if ((bytes.isEmpty() && !error.isEmpty()) ||
        !AtomicWrite::writeFile(request.outputPath, bytes, &error)) {
        printLine(err, QStringLiteral("negotiation-timeline: ") +
                           tr("cannot save %1: %2").arg(request.outputPath, error));
        return exitWriteFailed;
    }
    printLine(out, tr("%1: %2 of %3 events")
                       .arg(request.outputPath, QString::number(eventIds.size()),
                            QString::number(dataset->events.size())));
    return exitOk;
}

bool CommandLine::applyFilters(Session &session, const ExportRequest &request, std::FILE *err)
{
    const std::shared_ptr<const Dataset> dataset = session.dataset();

    // Every id must name something in the dataset: a typo would silently export nothing.
    QStringList problems;
    const auto check = [&](const QStringList &ids, const char *option, auto exists, const QStringList &known) {
        for (const QString &id : ids) {
            if (!exists(id))
                problems.append(tr("unknown %1 \"%2\"; the dataset has: %3")
                                    .arg(QLatin1String(option), id, known.mid(0, 12).join(QStringLiteral(", ")) +
                                                                        (known.size() > 12 ? QStringLiteral(", …") : QString())));
        }
    };
    QStringList actorIds, sideIds, articleIds, kinds;
    for (const Actor &actor : dataset->actors)
        actorIds.append(actor.id);
    for (const Side &side : dataset->sides)
        sideIds.append(side.id);
    for (const Article &article : dataset->articles)
        articleIds.append(article.id);
    for (const Event &event : dataset->events) {
        if (!kinds.contains(event.kind))
            kinds.append(event.kind);
    }
    check(request.actorIds, "actor", [&](const QString &id) { return dataset->actor(id) != nullptr; }, actorIds);
    check(request.sideIds, "side", [&](const QString &id) { return dataset->side(id) != nullptr; }, sideIds);
    check(request.kinds, "kind", [&](const QString &id) { return kinds.contains(id); }, kinds);
    if (!request.articleId.isEmpty())
        check({request.articleId}, "article", [&](const QString &id) { return dataset->article(id) != nullptr; }, articleIds);
    if (!problems.isEmpty()) {
        for (const QString &problem : problems)
            printLine(err, QStringLiteral("negotiation-timeline: ") + problem);
        return false;
    }

    EventFilterModel *filter = session.filterModel();
    filter->setActorIds(QSet<QString>(request.actorIds.cbegin(), request.actorIds.cend()));
    filter->setSideIds(QSet<QString>(request.sideIds.cbegin(), request.sideIds.cend()));
    filter->setKinds(QSet<QString>(request.kinds.cbegin(), request.kinds.cend()));
    if (!request.articleId.isEmpty())
        filter->setArticleIds({request.articleId});
    filter->setDateRange(request.from, request.to);
    filter->setSearchText(request.search);
    return true;
}

int CommandLine::runScreenshot(const QString &datasetPath, const ExportRequest &request, std::FILE *err)
{
    // Fusion draws every widget from the palette, so a dark screenshot is dark throughout.
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(ThemePalette::palette(request.options.theme));
    MainWindow window;
    window.setInteractive(false);
    if (!window.openDataset(datasetPath.isEmpty() ? Session::defaultDatasetPath : datasetPath)) {
        for (const Diagnostic &diagnostic : window.lastErrors())
            printLine(err, diagnostic.toString());
        return exitProblems;
    }
    if (!applyFilters(*window.session(), request, err))
        return exitUsage;
    window.resize(request.options.size);
    window.show();
    window.tabs()->setCurrentIndex(int(request.options.view));
    QCoreApplication::processEvents();
    if (!request.selectEventId.isEmpty()) {
        const QModelIndex index = window.filterModel()->indexOfEvent(request.selectEventId);
        if (!index.isValid()) {
            printLine(err, QStringLiteral("negotiation-timeline: ") +
                               tr("unknown event \"%1\"").arg(request.selectEventId));
            return exitUsage;
        }
        window.selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents(); // let deferred layouts settle
    const QImage image = window.grab().toImage();
    // Encoded in memory, then written whole or not at all.
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QString reason;
    if (!image.save(&buffer, "PNG"))
        reason = tr("could not encode the PNG");
    if (!reason.isEmpty() || !AtomicWrite::writeFile(request.outputPath, bytes, &reason)) {
        printLine(err, QStringLiteral("negotiation-timeline: ") +
                           tr("cannot save %1: %2").arg(request.outputPath, reason));
        return exitWriteFailed;
    }
    return exitOk;
}

} // namespace ntl
