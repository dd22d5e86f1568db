#include "dataformat.h"

#include "articleimporter.h"
#include "csveventsexporter.h"
#include "csveventsimporter.h"
#include "csvpassagesimporter.h"
#include "csvtable.h"
#include "regularfile.h"
#include "timelinejsexporter.h"
#include "timelinejsimporter.h"
#include "webannotationexporter.h"
#include "webannotationimporter.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace ntl {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("ntl::DataFormat", text);
}

bool endsWith(const QString &fileName, const char *suffix) {
    return fileName.endsWith(QLatin1String(suffix), Qt::CaseInsensitive);
}

// The JSON members that tell the formats apart, looked for in the file's first part: the
// importer then reads the whole and says where it is not what it seemed.
DataFormat::Format jsonFormat(const QByteArray &bytes) {
    const QByteArray head = bytes.left(256 * 1024);
    qsizetype first = 0;
    if (head.startsWith("\xEF\xBB\xBF"))
        first = 3;
    while (first < head.size() && QChar::isSpace(uchar(head.at(first))))
        ++first;
    if (first >= head.size())
        return DataFormat::Format::Unknown;
    const char opening = head.at(first);
    if (opening != '{' && opening != '[')
        return DataFormat::Format::Unknown;
    const auto has = [&](const char *text) {
        return head.contains(text);
    };
    if (has("\"negotiation-timeline\""))
        return DataFormat::Format::Dataset;
    if (WebAnnotationImporter::looksLikeAnnotations(bytes) ||
        has("\"AnnotationCollection\"") || has("\"Annotation\"") ||
        has("http://www.w3.org/ns/anno.jsonld") || (has("\"target\"") && has("\"selector\"")))
        return DataFormat::Format::WebAnnotation;
    if (opening == '{' && has("\"events\"") && (has("\"start_date\"") || has("\"text\"")))
        return DataFormat::Format::TimelineJsJson;
    return DataFormat::Format::Unknown;
}

ImportBatch refused(const QString &fileName, const QString &message) {
    ImportBatch batch;
    batch.sourceName = fileName;
    Diagnostic d;
    d.file = fileName;
    d.message = message;
    batch.diagnostics.append(d);
    return batch;
}

} // namespace

DataFormat::Format DataFormat::forImport(const QString &fileName, const QByteArray &bytes) {
    const QString name = QFileInfo(fileName).fileName();
    if (endsWith(name, ".csv") || endsWith(name, ".tsv")) {
        if (endsWith(name, ".passages.csv") || endsWith(name, ".passages.tsv"))
            return Format::CsvPassages;
        // The header only: the first line is enough (TimelineJS's has no line breaks).
        QByteArray first = bytes.left(64 * 1024);
        const qsizetype end = first.indexOf('\n');
        if (end >= 0)
            first.truncate(end + 1);
        const CsvTable header = CsvTable::parse(first, fileName);
        if (TimelineJsImporter::isTimelineJsHeader(header.header))
            return Format::TimelineJsCsv;
        return CsvPassagesImporter::isPassagesHeader(header.header) ? Format::CsvPassages
                                                                    : Format::CsvEvents;
    }
    const Format json = jsonFormat(bytes);
    if (json != Format::Unknown)
        return json;
    if (endsWith(name, ".timelinejs.json"))
        return Format::TimelineJsJson;
    if (endsWith(name, ".jsonld"))
        return Format::WebAnnotation;
    for (const char *suffix : {".txt", ".text", ".html", ".htm", ".xhtml", ".pdf"}) {
        if (endsWith(name, suffix))
            return Format::Article;
    }
    if (bytes.startsWith("%PDF-"))
        return Format::Article;
    return Format::Unknown;
}

DataFormat::Format DataFormat::forExport(const QString &fileName) {
    const QString name = QFileInfo(fileName).fileName();
    if (endsWith(name, ".timelinejs.json"))
        return Format::TimelineJsJson;
    if (endsWith(name, ".passages.csv"))
        return Format::CsvPassages;
    if (endsWith(name, ".csv"))
        return Format::CsvEvents;
    if (endsWith(name, ".tsv") && !endsWith(name, ".passages.tsv"))
        return Format::TsvEvents;
    if (endsWith(name, ".jsonld"))
        return Format::WebAnnotation;
    return Format::Unknown;
}

QString DataFormat::name(Format format) {
    switch (format) {
    case Format::Unknown:
        return tr("an unknown format");
    case Format::TimelineJsJson:
        return tr("TimelineJS JSON");
    case Format::TimelineJsCsv:
        return tr("TimelineJS spreadsheet (CSV)");
    case Format::CsvEvents:
        return tr("CSV events");
    case Format::TsvEvents:
        return tr("TSV events");
    case Format::CsvPassages:
        return tr("CSV passages");
    case Format::WebAnnotation:
        return tr("W3C Web Annotation");
    case Format::Article:
        return tr("an article");
    case Format::Dataset:
        return tr("a Negotiation Timeline dataset");
    }
    return {};
}

bool DataFormat::canImport(Format format) {
    switch (format) {
    case Format::TimelineJsJson:
    case Format::TimelineJsCsv:
    case Format::Article:
    case Format::CsvEvents:
    case Format::CsvPassages: // re-anchors the passages of events the dataset holds
        return true;
    case Format::WebAnnotation:
        return true;
    case Format::TsvEvents: // a .tsv file is read as CsvEvents (forImport)
    case Format::Dataset:
    case Format::Unknown:
        return false;
    }
    return false;
}

bool DataFormat::canExport(Format format) {
    switch (format) {
    case Format::TimelineJsJson:
    case Format::CsvEvents:
    case Format::TsvEvents:
    case Format::CsvPassages:
    case Format::WebAnnotation:
        return true;
    default:
        return false;
    }
}

QStringList DataFormat::exportFilters() {
    QStringList filters;
    for (const Format format : {Format::TimelineJsJson, Format::CsvEvents, Format::TsvEvents,
                                Format::CsvPassages, Format::WebAnnotation}) {
        if (!canExport(format))
            continue;
        filters.append(QStringLiteral("%1 (*%2)").arg(name(format), exportSuffix(format)));
        if (format == Format::CsvEvents)
            filters.append(bomFilter());
    }
    return filters;
}

QString DataFormat::bomFilter() {
    return tr("CSV events with a byte-order mark, for spreadsheet programs (*.csv)");
}

bool DataFormat::exportFilterWantsByteOrderMark(const QString &filter) {
    return filter == bomFilter();
}

DataFormat::Format DataFormat::exportFilterFormat(const QString &filter) {
    const qsizetype open = filter.lastIndexOf(QLatin1String("(*"));
    if (open < 0)
        return Format::Unknown;
    return forExport(QStringLiteral("x") + filter.mid(open + 2).chopped(1));
}

QString DataFormat::exportSuffix(Format format) {
    switch (format) {
    case Format::TimelineJsJson:
        return QStringLiteral(".timelinejs.json");
    case Format::CsvEvents:
        return QStringLiteral(".csv");
    case Format::TsvEvents:
        return QStringLiteral(".tsv");
    case Format::CsvPassages:
        return QStringLiteral(".passages.csv");
    case Format::WebAnnotation:
        return QStringLiteral(".jsonld");
    default:
        return {};
    }
}

QStringList DataFormat::importFilters() {
    return {tr("Articles and data (*.txt *.text *.html *.htm *.xhtml *.pdf *.json *.csv *.tsv "
               "*.jsonld)"),
            tr("Articles (*.txt *.text *.html *.htm *.xhtml *.pdf)"),
            tr("TimelineJS (*.json *.csv)"),
            tr("CSV and TSV tables (*.csv *.tsv)"),
            tr("Web Annotations (*.jsonld *.json)"),
            tr("All files (*)")};
}

bool DataFormat::readFile(const QString &path, QByteArray *bytes, QString *why) {
    RegularFile file;
    return file.open(path, why) && file.readAll(maxFileSize, bytes, why);
}

ImportBatch DataFormat::importFile(const QString &path, const Dataset &base) {
    QString why;
    QByteArray bytes;
    if (!readFile(path, &bytes, &why))
        return refused(path, tr("cannot read the file: %1").arg(why));
    if (forImport(path, bytes) == Format::Article) {
        // The article importer reads the file itself: it dates a saved page by the file.
        ImportBatch batch;
        batch.sourceName = path;
        ArticleImporter::Result result = ArticleImporter::importFile(path);
        batch.diagnostics = result.diagnostics;
        if (!result.ok())
            return batch;
        Article article = *result.article;
        const QString duplicate = ArticleImporter::duplicateOf(base, article.text);
        if (!duplicate.isEmpty()) {
            Diagnostic note;
            note.severity = Diagnostic::Severity::Warning;
            note.file = path;
            note.message = tr("the same text as article \"%1\"; not imported twice").arg(duplicate);
            batch.diagnostics.append(note);
            return batch;
        }
        article.id = ArticleImporter::newArticleId(base, article.title);
        batch.articles.append(article);
        return batch;
    }
    return importBytes(bytes, path, base);
}

ImportBatch DataFormat::importBytes(const QByteArray &bytes, const QString &fileName,
                                    const Dataset &base) {
    const Format format = forImport(fileName, bytes);
    switch (format) {
    case Format::TimelineJsJson:
        return TimelineJsImporter::readJson(bytes, fileName, base);
    case Format::TimelineJsCsv:
        return TimelineJsImporter::readCsv(bytes, fileName, base);
    case Format::CsvEvents: // the columns guessed from the header (File → Import… asks)
        return CsvEventsImporter::read(bytes, fileName, base);
    case Format::WebAnnotation:
        return WebAnnotationImporter::read(bytes, fileName, base);
    case Format::CsvPassages:
        return CsvPassagesImporter::read(bytes, fileName, base);
    case Format::Article: {
        ImportBatch batch;
        batch.sourceName = fileName;
        ArticleImporter::Result result = ArticleImporter::importBytes(bytes, fileName);
        batch.diagnostics = result.diagnostics;
        if (result.ok() && ArticleImporter::duplicateOf(base, result.article->text).isEmpty()) {
            Article article = *result.article;
            article.id = ArticleImporter::newArticleId(base, article.title);
            batch.articles.append(article);
        }
        return batch;
    }
    case Format::Dataset:
        return refused(fileName, tr("this is a Negotiation Timeline dataset: open it (File → "
                                    "Open) rather than import it"));
    case Format::TsvEvents: // forImport() says CsvEvents for a .tsv
    case Format::Unknown:
        break;
    }
    return refused(fileName,
                   tr("cannot tell what this file holds: expected TimelineJS JSON "
                      "(.timelinejs.json), a CSV or TSV table (.csv, .tsv), Web Annotations "
                      "(.jsonld), or an article (.txt, .html, .pdf)"));
}

QByteArray DataFormat::exportBytes(Format format, const Dataset &dataset,
                                   const QStringList &eventIds, QString *error,
                                   bool byteOrderMark) {
    switch (format) {
    case Format::TimelineJsJson:
        return TimelineJsExporter::write(dataset, eventIds);
    case Format::CsvEvents:
        return CsvEventsExporter::write(dataset, eventIds, byteOrderMark);
    case Format::TsvEvents:
        return CsvEventsExporter::write(dataset, eventIds, byteOrderMark, '\t');
    case Format::CsvPassages:
        return CsvEventsExporter::writePassages(dataset, eventIds, byteOrderMark);
    case Format::WebAnnotation:
        return WebAnnotationExporter::write(dataset, eventIds);
    default:
        break;
    }
    if (error)
        *error = tr("cannot tell the format: use a .timelinejs.json, .csv, .tsv, .passages.csv "
                    "or .jsonld file name");
    return {};
}

} // namespace ntl
