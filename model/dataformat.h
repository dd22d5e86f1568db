#pragma once

#include "dataset.h"
#include "importbatch.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace ntl {

// The data formats a dataset travels in and out of (docs/interop.md), which one a file is,
// and the one place that sends a file to its importer or the events to its exporter. The
// window's File → Import… / Export Data… and the command line's --import / --export all go
// through here. A format declared but not yet connected says so instead of importing.
class DataFormat {
public:
    enum class Format {
        Unknown,
        TimelineJsJson, // .timelinejs.json, or JSON with TimelineJS's events
        TimelineJsCsv,  // TimelineJS's spreadsheet, recognised by its header
        CsvEvents,      // our events table, one row per event (.csv; .tsv read tab-separated)
        TsvEvents,      // export only: the events table tab-separated (.tsv)
        CsvPassages,    // our passages table, one row per passage (.passages.csv)
        WebAnnotation,  // W3C Web Annotation (.jsonld) or Hypothesis's export
        Article,        // a news article: text, HTML or PDF (ArticleImporter)
        Dataset,        // one of our datasets: opened, not imported
    };

    // Largest data file read (as for articles).
    static constexpr qint64 maxFileSize = 64 * 1024 * 1024;

    // What `bytes` (the file's content, or its first part) named `fileName` is, for import:
    // by content first (a TimelineJS header or JSON members), then by name.
    static Format forImport(const QString &fileName, const QByteArray &bytes);
    // What an export to `fileName` writes, by its name only; Unknown for another name.
    static Format forExport(const QString &fileName);

    // "TimelineJS JSON", … for messages.
    static QString name(Format format);
    // Whether the format is connected in this build (the others say "not yet supported").
    static bool canImport(Format format);
    static bool canExport(Format format);
    // The file dialog's type list for Export Data…, one entry per format that can be
    // written ("TimelineJS (*.timelinejs.json)"), and the format of an entry.
    static QStringList exportFilters();
    static Format exportFilterFormat(const QString &filter);
    // Whether the entry is CSV events with a UTF-8 byte-order mark, which spreadsheet
    // programs need to read the file as UTF-8.
    static bool exportFilterWantsByteOrderMark(const QString &filter);
    // The suffix an export of `format` is given when the name typed has none.
    static QString exportSuffix(Format format);
    // The file dialog's type list for Import….
    static QStringList importFilters();

    // Reads `path` (a regular file, at most maxFileSize) and prepares its import into `base`.
    // An article file makes a batch of one article (or none, with a note, when base has its
    // text already). Errors name the file and where.
    static ImportBatch importFile(const QString &path, const Dataset &base);
    // The same for bytes in memory.
    static ImportBatch importBytes(const QByteArray &bytes, const QString &fileName,
                                   const Dataset &base);
    // The events `eventIds` of `dataset` (in that order) in `format`; empty with `error` set
    // when the format cannot be written.
    // `byteOrderMark`: a CSV table starts with one (--bom; the type list's spreadsheet entry).
    static QByteArray exportBytes(Format format, const Dataset &dataset,
                                  const QStringList &eventIds, QString *error,
                                  bool byteOrderMark = false);

    // Reads `path` as importFile() does: a regular file of at most maxFileSize bytes.
    static bool readFile(const QString &path, QByteArray *bytes, QString *why);
private:
    static QString bomFilter();
};

} // namespace ntl
