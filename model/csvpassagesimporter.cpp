#include "csvpassagesimporter.h"

#include "codepointindex.h"
#include "csvtable.h"
#include "passageanchor.h"
#include "selectionpassage.h"

#include <QCoreApplication>
#include <QHash>

#include <memory>

namespace ntl {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("ntl::CsvPassagesImporter", text);
}

int columnOf(const QStringList &header, const QString &name) {
    for (int i = 0; i < header.size(); ++i)
        if (header.at(i).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

// The passage [start, end) of the article with up to 32 code points of context either side,
// as SelectionPassage makes it but without trimming: the quote is kept as the file has it.
SourcePassage passageAt(const Article &article, const CodePointIndex &index, int start, int end) {
    const QStringView text(article.text);
    int prefixStart = start;
    for (int n = 0; n < SelectionPassage::ContextLength && prefixStart > 0; ++n) {
        --prefixStart;
        if (prefixStart > 0 && text.at(prefixStart).isLowSurrogate() &&
            text.at(prefixStart - 1).isHighSurrogate())
            --prefixStart;
    }
    int suffixEnd = end;
    for (int n = 0; n < SelectionPassage::ContextLength && suffixEnd < text.size(); ++n) {
        ++suffixEnd;
        if (suffixEnd < text.size() && text.at(suffixEnd).isLowSurrogate() &&
            text.at(suffixEnd - 1).isHighSurrogate())
            ++suffixEnd;
    }
    SourcePassage passage;
    passage.articleId = article.id;
    passage.exact = text.mid(start, end - start).toString();
    passage.prefix = text.mid(prefixStart, start - prefixStart).toString();
    passage.suffix = text.mid(end, suffixEnd - end).toString();
    passage.storedStart = index.toCodePoint(start);
    passage.storedEnd = index.toCodePoint(end);
    passage.start = start;
    passage.end = end;
    return passage;
}

} // namespace

QStringList CsvPassagesImporter::requiredColumns() {
    return {QStringLiteral("Event ID"), QStringLiteral("Article ID"), QStringLiteral("Quote"),
            QStringLiteral("Start"), QStringLiteral("End")};
}

bool CsvPassagesImporter::isPassagesHeader(const QStringList &header) {
    for (const QString &name : requiredColumns())
        if (columnOf(header, name) < 0)
            return false;
    return true;
}

ImportBatch CsvPassagesImporter::read(const QByteArray &bytes, const QString &fileName,
                                      const Dataset &base) {
    ImportBatch batch;
    batch.sourceName = fileName;
    const CsvTable table = CsvTable::parse(bytes, fileName);
    batch.diagnostics = table.diagnostics;
    if (!table.ok())
        return batch;
    auto error = [&](int row, int column, const QString &message,
                     Diagnostic::Severity severity = Diagnostic::Severity::Error) {
        Diagnostic d;
        d.severity = severity;
        d.file = fileName;
        d.line = row;
        d.column = column + 1;
        d.message = row == 0 ? message
                             : tr("row %1, column %2 (%3): %4")
                                   .arg(row)
                                   .arg(column + 1)
                                   .arg(table.header.at(column).left(80), message);
        batch.diagnostics.append(d);
    };
    QList<int> columns;
    for (const QString &name : requiredColumns()) {
        columns.append(columnOf(table.header, name));
        if (columns.last() < 0)
            error(0, -1, tr("the passages table has no column \"%1\"").arg(name));
    }
    if (batch.hasErrors())
        return batch;
    const int eventColumn = columns[0], articleColumn = columns[1], quoteColumn = columns[2],
              startColumn = columns[3], endColumn = columns[4];

    QHash<QString, const Event *> events;
    for (const Event &event : base.events)
        events.insert(event.id, &event);
    QHash<QString, std::shared_ptr<CodePointIndex>> indexes;
    QHash<QString, qsizetype> updated; // event id -> index in batch.updatedEvents
    // Errors counted as they come, not all again per row (a warning per row made it quadratic).
    qsizetype counted = 0;
    int errors = 0;
    for (int i = 0; i < table.rows.size(); ++i) {
        for (; counted < batch.diagnostics.size(); ++counted)
            errors += batch.diagnostics.at(counted).isError() ? 1 : 0;
        if (errors >= 200)
            break;
        const int row = i + 2;
        QStringList cells;
        bool blank = true;
        for (const QString &cell : table.rows.at(i)) {
            cells.append(CsvTable::unguardFormula(cell));
            blank = blank && cell.trimmed().isEmpty();
        }
        if (blank) // a blank line between rows
            continue;
        const QString eventId = cells.at(eventColumn).trimmed();
        const Event *event = events.value(eventId);
        if (!event) {
            error(row, eventColumn, tr("no event of the dataset has the id \"%1\"").arg(eventId));
            continue;
        }
        const QString articleId = cells.at(articleColumn).trimmed();
        const Article *article = base.article(articleId);
        if (!article) {
            error(row, articleColumn,
                  tr("no article of the dataset has the id \"%1\"").arg(articleId));
            continue;
        }
        bool startOk = false, endOk = false;
        const qint64 start = cells.at(startColumn).trimmed().toLongLong(&startOk);
        const qint64 end = cells.at(endColumn).trimmed().toLongLong(&endOk);
        if (!startOk || start < 0) {
            error(row, startColumn,
                  tr("expected a code-point offset (0 or more), found \"%1\"")
                      .arg(cells.at(startColumn)));
            continue;
        }
        if (!endOk || end < start) {
            error(row, endColumn,
                  tr("expected a code-point offset not before the start %1, "
                     "found \"%2\"")
                      .arg(start)
                      .arg(cells.at(endColumn)));
            continue;
        }
        const QString quote = cells.at(quoteColumn);
        if (quote.isEmpty()) {
            error(row, quoteColumn, tr("a passage needs its quote"));
            continue;
        }
        auto &index = indexes[article->id];
        if (!index)
            index = std::make_shared<CodePointIndex>(article->text);
        const int start16 = index->toUtf16(start);
        const int end16 = index->toUtf16(end);
        int at = -1, atEnd = -1;
        if (start16 >= 0 && end16 >= 0 &&
            QStringView(article->text).mid(start16, end16 - start16) == quote) {
            at = start16;
            atEnd = end16;
        } else {
            const PassageAnchor::Result found =
                PassageAnchor::anchor(article->text, quote, {}, {}, start16);
            if (found.outcome == PassageAnchor::Outcome::NotFound ||
                found.outcome == PassageAnchor::Outcome::TooCostly ||
                found.outcome == PassageAnchor::Outcome::Approximate) {
                error(row, quoteColumn,
                      tr("the quote is not at %1..%2 of article \"%3\" and does not occur in it")
                          .arg(start)
                          .arg(end)
                          .arg(articleId));
                continue;
            }
            at = found.start;
            atEnd = found.end;
            error(row, startColumn,
                  tr("the quote is not at %1..%2: anchored at %3..%4, where the article has it")
                      .arg(start)
                      .arg(end)
                      .arg(index->toCodePoint(at))
                      .arg(index->toCodePoint(atEnd)),
                  Diagnostic::Severity::Warning);
        }
        if (!updated.contains(eventId)) {
            updated.insert(eventId, batch.updatedEvents.size());
            Event copy = *event;
            copy.sources.clear();
            batch.updatedEvents.append(copy);
        }
        batch.updatedEvents[updated.value(eventId)].sources.append(
            passageAt(*article, *index, at, atEnd));
    }
    return batch;
}

} // namespace ntl
