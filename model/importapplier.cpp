#include "importapplier.h"

#include "commands/editactorcommand.h"
#include "commands/editarticlecommand.h"
#include "commands/editsidecommand.h"
#include "commands/importeventscommand.h"
#include "datasetvalidator.h"
#include "document.h"
#include "editcheck.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QMultiHash>
#include <QSet>

namespace ntl {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("ntl::ImportApplier", text);
}

// A finding of the validator about the merged dataset, told about the imported item: its
// in-memory JSON pointer means nothing to the user, who knows the file and the item.
Diagnostic about(const Diagnostic &finding, const QString &file, const QString &what,
                 const QString &id) {
    Diagnostic d = finding;
    d.file = file;
    d.line = 0;
    d.column = 0;
    d.jsonPath.clear();
    d.message = tr("imported %1 \"%2\": %3").arg(what, id, finding.message);
    return d;
}

Diagnostic error(const QString &file, const QString &message) {
    Diagnostic d;
    d.file = file;
    d.message = message;
    return d;
}

} // namespace

Dataset ImportApplier::merged(const Dataset &base, const ImportBatch &batch) {
    Dataset result = base;
    result.sides.append(batch.sides);
    result.actors.append(batch.actors);
    result.articles.append(batch.articles);
    if (!batch.updatedEvents.isEmpty()) {
        QHash<QString, int> rows;
        for (int i = 0; i < result.events.size(); ++i)
            rows.insert(result.events.at(i).id, i);
        for (const Event &event : batch.updatedEvents) {
            const auto it = rows.constFind(event.id);
            if (it != rows.cend())
                result.events.replace(*it, event);
        }
    }
    for (const Event &event : batch.newEvents)
        result.events.append(event);
    result.reindex();
    return result;
}

Diagnostics ImportApplier::check(const Dataset &base, const ImportBatch &batch) {
    const QString file = batch.sourceName;
    Diagnostics problems;
    const Dataset all = merged(base, batch);
    const auto keep = [&](const Diagnostics &found, const QString &what, const QString &id) {
        for (const Diagnostic &d : found) {
            if (d.isError()) // warnings are the importer's to say, in its own words
                problems.append(about(d, file, what, id));
        }
    };
    qsizetype index = base.sides.size();
    for (const Side &side : batch.sides)
        keep(DatasetValidator::checkSide(all, index++), tr("side"), side.id);
    index = base.actors.size();
    for (const Actor &actor : batch.actors)
        keep(DatasetValidator::checkActor(all, index++), tr("actor"), actor.id);
    index = base.articles.size();
    for (const Article &article : batch.articles)
        keep(DatasetValidator::checkArticle(all, index++), tr("article"), article.id);

    // Ids among everything: the new items' against base's and each other's.
    const auto unique = [&](const auto &items, const QString &what) {
        QSet<QString> seen;
        for (const auto &item : items) {
            if (seen.contains(item.id))
                problems.append(
                    error(file, tr("imported %1 \"%2\": the id is used twice").arg(what, item.id)));
            seen.insert(item.id);
        }
    };
    unique(all.sides, tr("side"));
    unique(all.actors, tr("actor"));
    unique(all.articles, tr("article"));

    // The rules the import's command applies as well (EditCheck): a passage must stand at its
    // offsets, where the reader's rules would re-anchor it. Checked here, a refusal names the
    // item before anything is applied.
    const auto edits = [&](const Event &event) {
        const QString refusal = EditCheck::event(all, event);
        if (!refusal.isEmpty())
            problems.append(error(file, tr("imported event \"%1\": %2").arg(event.id, refusal)));
    };
    QMultiHash<QString, qsizetype> rowsById;
    rowsById.reserve(all.events.size());
    for (qsizetype i = 0; i < all.events.size(); ++i)
        rowsById.insert(all.events.at(i).id, i);
    QSet<QString> baseIds;
    for (const Event &event : base.events)
        baseIds.insert(event.id);
    QSet<QString> updated;
    for (const Event &event : batch.updatedEvents) {
        // Two updates of one event: applying both would silently lose the first.
        if (updated.contains(event.id)) {
            problems.append(error(
                file, tr("imported event \"%1\": updated twice in one import").arg(event.id)));
            continue;
        }
        updated.insert(event.id);
        const auto it = rowsById.constFind(event.id);
        if (!baseIds.contains(event.id) || it == rowsById.cend()) {
            problems.append(
                error(file, tr("imported event \"%1\": no such event to update").arg(event.id)));
            continue;
        }
        keep(DatasetValidator::checkEvent(all, event, *it, &rowsById), tr("event"), event.id);
        edits(event);
    }
    index = base.events.size();
    for (const Event &event : batch.newEvents) {
        keep(DatasetValidator::checkEvent(all, event, index++, &rowsById), tr("event"), event.id);
        edits(event);
    }
    // A batch of thousands of refused items lists the first ones and counts the rest: the
    // user fixes the pattern, not each row.
    constexpr qsizetype maxListed = 200;
    if (problems.size() > maxListed) {
        const qsizetype more = problems.size() - maxListed;
        problems.resize(maxListed);
        problems.append(error(file, tr("%1 more errors not listed").arg(more)));
    }
    return problems;
}

ImportApplier::Result ImportApplier::apply(Document &document, const ImportBatch &batch) {
    Result result;
    result.diagnostics = batch.diagnostics;
    if (batch.hasErrors())
        return result;
    const Diagnostics problems = check(document.dataset(), batch);
    if (hasErrors(problems)) {
        result.diagnostics.append(problems);
        return result;
    }
    if (batch.isEmpty())
        return result;

    QUndoStack *stack = document.undoStack();
    stack->beginMacro(tr("Import %1").arg(QFileInfo(batch.sourceName).fileName()));
    QString refusal;
    const auto push = [&](DocumentCommand *command) {
        if (refusal.isEmpty() && !document.push(command))
            refusal = document.lastError();
        else if (!refusal.isEmpty())
            delete command;
    };
    for (const Side &side : batch.sides)
        push(new EditSideCommand(&document, side.id, side, tr("Add Side")));
    for (const Actor &actor : batch.actors)
        push(new EditActorCommand(&document, actor.id, actor, tr("Add Actor")));
    for (const Article &article : batch.articles)
        push(new EditArticleCommand(&document, article.id, article, tr("Add Article")));
    // The events as one command: one notification for all of them, not one per event (each
    // made every model rescan at 100,000 events: docs/performance.md).
    if (!batch.newEvents.isEmpty() || !batch.updatedEvents.isEmpty())
        push(new ImportEventsCommand(&document, batch.newEvents, batch.updatedEvents,
                                     tr("Import Events")));
    stack->endMacro();
    if (!refusal.isEmpty()) {
        // The checks above should have caught it; the part pushed is taken back all the same,
        // and dropped: redo() deletes an obsolete command unapplied, so no half import waits
        // on the redo stack.
        stack->undo();
        if (stack->index() < stack->count()) {
            const_cast<QUndoCommand *>(stack->command(stack->index()))->setObsolete(true);
            stack->redo();
        }
        result.diagnostics.append(error(batch.sourceName, refusal));
        return result;
    }
    result.applied = true;
    return result;
}

std::optional<Dataset> ImportApplier::newDataset(const ImportBatch &batch, const QString &title,
                                                 Diagnostics *diagnostics) {
    Diagnostics found = batch.diagnostics;
    std::optional<Dataset> dataset;
    if (!batch.hasErrors()) {
        Dataset base;
        base.title = title;
        const Diagnostics problems = check(base, batch);
        found.append(problems);
        if (!hasErrors(problems)) {
            dataset = merged(base, batch);
            dataset->title = title;
        }
    }
    if (diagnostics)
        *diagnostics = found;
    return dataset;
}

} // namespace ntl
