// libFuzzer target for issue 17's import paths: the CSV table, the CSV events and passages
// tables, TimelineJS (JSON and CSV) and Web Annotation, each into the default dataset, and the
// applier's checks over what they prepared. The first byte picks the path; the rest is the
// file. Invariants: no crash, leak or undefined behaviour; every diagnostic names the file;
// a table that parsed has rows as wide as its header.
#include "csveventsimporter.h"
#include "csvpassagesimporter.h"
#include "csvtable.h"
#include "datasetreader.h"
#include "importapplier.h"
#include "timelinejsimporter.h"
#include "webannotationimporter.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <optional>

namespace {

const ntl::Dataset &base() {
    static const ntl::Dataset dataset = [] {
        const auto result =
            ntl::DatasetReader::readFile(QStringLiteral(NTL_FUZZ_BASE_DIR "/dataset.json"));
        return result.dataset ? *result.dataset : ntl::Dataset();
    }();
    return dataset;
}

void checkNamed(const ntl::Diagnostics &diagnostics, const QString &file) {
    for (const ntl::Diagnostic &d : diagnostics)
        if (d.file != file)
            __builtin_trap(); // every message names the file
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    if (size == 0)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const QString file = QStringLiteral("fuzz.in");
    std::optional<ntl::ImportBatch> batch;
    switch (data[0] % 6) {
    case 0: {
        const ntl::CsvTable table = ntl::CsvTable::parse(bytes, file);
        checkNamed(table.diagnostics, file);
        if (table.ok())
            for (const QStringList &row : table.rows)
                if (row.size() != table.header.size())
                    __builtin_trap(); // a ragged row got through
        return 0;
    }
    case 1:
        batch = ntl::CsvEventsImporter::read(bytes, file, base());
        break;
    case 2:
        batch = ntl::CsvPassagesImporter::read(bytes, file, base());
        break;
    case 3:
        batch = ntl::TimelineJsImporter::readJson(bytes, file, base());
        break;
    case 4:
        batch = ntl::TimelineJsImporter::readCsv(bytes, file, base());
        break;
    default:
        batch = ntl::WebAnnotationImporter::read(bytes, file, base());
        break;
    }
    batch->sourceName = file;
    checkNamed(batch->diagnostics, file);
    if (!batch->hasErrors())
        checkNamed(ntl::ImportApplier::check(base(), *batch), file);
    return 0;
}
