#pragma once

#include "dataset.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace ntl {

// Writes a dataset as a `negotiation-timeline` version 1 document in its canonical form
// (docs/format.md, section 10.5). The document is streamed event by event from the
// dataset into a CheckedSaveFile, a megabyte at a time: no whole-document DOM and no
// whole-document buffer, so a save of 100,000 events costs little memory and can run on
// any thread (SaveJob runs it on a worker). Anchored passages are written with their
// current offsets, converted back to code points.
class DatasetWriter {
public:
    // Where article texts go.
    enum class ArticleTexts {
        AsRead, // as each article was read: inline stays inline, a `textFile` stays a file
        Inline, // every text inline in the dataset
        Files,  // every text in a file beside the dataset (its `textFile`, else articles/ID.txt)
    };
    struct Options {
        ArticleTexts texts = ArticleTexts::AsRead;
    };
    // Called on the writing thread with the events written so far and their total;
    // returning false cancels the save (the old file is kept).
    using Progress = std::function<bool(qsizetype done, qsizetype total)>;

    // The canonical document in memory (tests and small datasets). With
    // ArticleTexts::Files or AsRead, the `textFile` names are those write() uses (but for
    // one that would be the dataset's own file name, which only write() knows).
    static QByteArray toJson(const Dataset &dataset, const Options &options);
    static QByteArray toJson(const Dataset &dataset) { return toJson(dataset, Options()); }

    // Writes the text files (first, each all or nothing), then the dataset, all or
    // nothing: on failure the old dataset file is byte for byte as it was. Returns false
    // and sets `error` (naming the file and the reason) on failure. Thread-safe: reads
    // the dataset only.
    static bool write(const Dataset &dataset, const QString &path, const Options &options,
                      QString *error, const Progress &progress = {});
    static bool write(const std::shared_ptr<const Dataset> &snapshot, const QString &path,
                      const Options &options, QString *error, const Progress &progress = {});
    // write() with the default options.
    static bool writeFile(const Dataset &dataset, const QString &path,
                          QString *errorMessage = nullptr);

    // The `textFile` each article is written with ("" for inline), in the order of
    // `dataset.articles`: safe names the reader accepts, one text per name, never the
    // dataset file itself (`datasetFileName`, relative to its folder).
    static QStringList textFileNames(const Dataset &dataset, const Options &options,
                                     const QString &datasetFileName);
};

} // namespace ntl
