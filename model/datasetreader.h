#pragma once

#include "dataset.h"
#include "diagnostic.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace ntl {

// Reads a `negotiation-timeline` version 1 document (docs/format.md): parses the
// JSON, checks every field, resolves references, loads article texts and anchors
// every passage. Reports every problem it finds, each with its location; never throws.
class DatasetReader
{
public:
    struct Result {
        std::shared_ptr<const Dataset> dataset; // null when there are errors
        Diagnostics diagnostics;

        bool ok() const { return dataset != nullptr; }
    };

    static constexpr qint64 maxFileSize = 256 * 1024 * 1024;
    static constexpr int maxNestingDepth = 64;
    static constexpr int maxReportedDiagnostics = 500;
    static constexpr qint64 maxArticleTextSize = 64 * 1024 * 1024; // bytes, per article
    // Bytes of article text files one load reads in all: many articles may name big files.
    static constexpr qint64 maxArticleTextsSize = 256 * 1024 * 1024;
    static constexpr qsizetype maxEvents = 1000000;
    // Steps the approximate passage search may take in one load (about a second).
    static constexpr qint64 approximateSearchBudget = 1000 * 1000 * 1000;

    // Longest strings a dataset may hold, in UTF-16 units: ids and references; titles,
    // names and other one-line fields; summaries, notes and what a claim says.
    static constexpr qsizetype maxIdLength = 200;
    static constexpr qsizetype maxNameLength = 1000;
    static constexpr qsizetype maxTextFieldLength = 20000;
    static qsizetype maxFieldLength(const char *key);

    // `path` may be a file system path or a Qt resource path (":/…").
    static Result readFile(const QString &path);
    // `displayName` names the document in messages; `baseDirectory` resolves `textFile`.
    static Result readBytes(const QByteArray &bytes, const QString &displayName,
                            const QString &baseDirectory);

    // Bytes of article text files read by every load in this process (for tests and benchmarks).
    static qint64 articleTextBytesRead();
};

} // namespace ntl
