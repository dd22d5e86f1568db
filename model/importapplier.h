#pragma once

#include "dataset.h"
#include "diagnostic.h"
#include "importbatch.h"

#include <optional>

namespace ntl {

class Document;

// Applies what a data import prepared (ImportBatch) all or nothing: checked first as part of
// the dataset it goes into, then pushed as ONE undoable step named "Import FILE" (a macro of
// the item commands and one ImportEventsCommand for all the events, so the models follow in
// one pass and the recovery journal records it like any other edit), or made
// into a new dataset (`--new`). A batch with an error, or that the checks refuse, changes
// nothing.
class ImportApplier {
public:
    struct Result {
        bool applied = false;
        // The batch's own diagnostics (its warnings: unsourced events…) and, when it was
        // refused, the errors, each naming the import's file.
        Diagnostics diagnostics;
    };

    // `base` with the batch in it: new sides, actors and articles appended, new events
    // appended, updated events in their rows.
    static Dataset merged(const Dataset &base, const ImportBatch &batch);
    // The format's rules over the items the batch adds or changes, as they would stand in
    // `base`: errors name the batch's file and the item ("event \"ID\": …").
    static Diagnostics check(const Dataset &base, const ImportBatch &batch);

    // Pushes the batch onto `document` as one step; nothing when it has or makes an error.
    static Result apply(Document &document, const ImportBatch &batch);
    // A new dataset titled `title` holding only the batch; nullopt (and the errors in
    // `diagnostics`) when it has or makes an error.
    static std::optional<Dataset> newDataset(const ImportBatch &batch, const QString &title,
                                             Diagnostics *diagnostics);
};

} // namespace ntl
