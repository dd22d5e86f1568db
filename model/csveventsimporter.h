#pragma once

#include "csvmapping.h"
#include "csvtable.h"
#include "importbatch.h"

namespace ntl {

// Reads events from a CSV table through a column mapping (docs/interop.md, CSV), prepared
// against `base`: a row whose id names an event of base updates it (the mapped fields only),
// other rows add events; sides and actors named in cells are those of base (by id, else by
// name, case-insensitively) or created. Dates are ISO (YYYY, YYYY-MM, YYYY-MM-DD), the
// precision taken from the Precision column or else from their form. Every problem is an
// error at "row R, column C (HEADER)"; a batch with one is never applied.
class CsvEventsImporter {
public:
    static constexpr int maxErrors = 200;

    static ImportBatch read(const QByteArray &bytes, const QString &fileName, const Dataset &base,
                            const CsvMapping &mapping);
    static ImportBatch read(const CsvTable &table, const QString &fileName, const Dataset &base,
                            const CsvMapping &mapping);
    // With the mapping guessed from the header (the command line, our own export).
    static ImportBatch read(const QByteArray &bytes, const QString &fileName, const Dataset &base);
};

} // namespace ntl
