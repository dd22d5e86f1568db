#pragma once

#include "dataset.h"
#include "diagnostic.h"

#include <QList>
#include <QString>

namespace ntl {

// What one data import (TimelineJS, CSV, W3C Web Annotation, Hypothesis) brings into a
// dataset, prepared against that dataset (`base`, empty for a new one) by the format's
// importer: every id is already unique in base + batch, and every reference (a side, an
// actor, an article, an event to update) names an item of base or of the batch. Applying
// it is all or nothing: one undoable step in a Document, or a new dataset; a batch with an
// error diagnostic is never applied.
struct ImportBatch {
    QString sourceName;          // the file's name, for messages and the undo step's text
    QList<Side> sides;           // new sides (a group or a side column naming no side of base)
    QList<Actor> actors;         // new actors
    QList<Article> articles;     // new articles (text and its SHA-256 set)
    QList<Event> newEvents;      // events added, in this order
    QList<Event> updatedEvents;  // each replaces the event of base with the same id
    Diagnostics diagnostics;     // errors (then nothing is applied) and warnings (listed)

    bool hasErrors() const { return ntl::hasErrors(diagnostics); }
    bool isEmpty() const {
        return sides.isEmpty() && actors.isEmpty() && articles.isEmpty() && newEvents.isEmpty() &&
               updatedEvents.isEmpty();
    }
};

} // namespace ntl
