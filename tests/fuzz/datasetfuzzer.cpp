// libFuzzer target for the dataset reader and passage anchoring.
// Input: a dataset document, read with the default dataset's folder as its base, so
// `textFile` references load real articles and passages get anchored. An input that
// starts with byte 0x01 instead drives PassageAnchor directly: text, quote, prefix and
// suffix separated by 0x00 bytes.
//
// Differential: the reader parses a document in parts (each event on its own, articles in
// parallel); whatever the input, its verdict on whether the text is JSON must be that of
// nlohmann's whole-document parse.
#include "datasetreader.h"
#include "passageanchor.h"

#include <nlohmann/json.hpp>

#include <QByteArray>
#include <QList>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    if (!bytes.isEmpty() && bytes.at(0) == '\x01') {
        const QList<QByteArray> parts = bytes.mid(1).split('\0');
        const QString text = QString::fromUtf8(parts.value(0));
        const QString exact = QString::fromUtf8(parts.value(1));
        const int stored = parts.size() > 4 ? parts.at(4).toInt() : 0;
        qint64 budget = 50 * 1000 * 1000;
        const auto result = ntl::PassageAnchor::anchor(text, exact, QString::fromUtf8(parts.value(2)),
                                                       QString::fromUtf8(parts.value(3)), stored, &budget);
        if (result.outcome != ntl::PassageAnchor::Outcome::NotFound &&
            result.outcome != ntl::PassageAnchor::Outcome::TooCostly &&
            (result.start < 0 || result.end > text.size() || result.start > result.end))
            __builtin_trap(); // an anchor must lie inside the text
        ntl::PassageAnchor::codePointToUtf16(text, stored);
        return 0;
    }
    const auto result = ntl::DatasetReader::readBytes(bytes, QStringLiteral("fuzz.json"), QStringLiteral(NTL_FUZZ_BASE_DIR));
    const bool wholeDocumentParses = nlohmann::json::accept(bytes.cbegin(), bytes.cend());
    if (!wholeDocumentParses && result.dataset)
        __builtin_trap(); // accepted what is not JSON
    if (wholeDocumentParses) {
        for (const ntl::Diagnostic &d : result.diagnostics) {
            if (d.message.startsWith(QLatin1String("not valid JSON")) ||
                d.message.startsWith(QLatin1String("cannot parse")))
                __builtin_trap(); // refused valid JSON as if it were not
        }
    }
    if (result.dataset) {
        for (const ntl::Event &event : result.dataset->events) {
            for (const ntl::SourcePassage &source : event.sources) {
                const ntl::Article *article = result.dataset->article(source.articleId);
                if (!article || source.start < 0 || source.end > article->text.size() || source.start > source.end)
                    __builtin_trap(); // a loaded dataset's passages all lie inside their texts
            }
        }
    }
    return 0;
}
