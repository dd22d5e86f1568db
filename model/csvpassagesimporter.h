#pragma once

#include "importbatch.h"

namespace ntl {

// Reads our passages table (CsvEventsExporter::writePassages) back onto the events of `base`:
// each row's quote is anchored in its article at its code-point offsets (or, when the text
// there differs, where the reader's anchoring finds it, with a warning), with 32 code points
// of context either side; an event named in the table gets exactly the table's passages, in
// its order (ImportBatch::updatedEvents). Columns are found by name: Event ID, Article ID,
// Quote, Start, End (Article title is informative). Errors at "row R, column C (HEADER)".
class CsvPassagesImporter {
public:
    static QStringList requiredColumns();
    // The header holds every required column (so a file is recognised as a passages table).
    static bool isPassagesHeader(const QStringList &header);
    static ImportBatch read(const QByteArray &bytes, const QString &fileName, const Dataset &base);
};

} // namespace ntl
