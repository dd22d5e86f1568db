#include "csveventsexporter.h"

#include "codepointindex.h"
#include "csvcelllist.h"
#include "csvmapping.h"
#include "csvtable.h"
#include "eventdatetext.h"

#include <QHash>
#include <QSet>

#include <memory>

namespace ntl {

namespace {

QHash<QString, const Event *> eventsById(const Dataset &dataset) {
    QHash<QString, const Event *> byId;
    for (const Event &event : dataset.events)
        byId.insert(event.id, &event);
    return byId;
}

// Guarded cells: every one of dataset text.
QStringList guarded(const QStringList &cells) {
    QStringList out;
    out.reserve(cells.size());
    for (const QString &cell : cells)
        out.append(CsvTable::guardFormula(cell));
    return out;
}

// How each item is named in cells, for all items at once (one pass, not one per cell).
template <typename Item> QHash<QString, QString> cellNames(const QList<Item> &items) {
    QHash<QString, int> nameCount;
    QSet<QString> ids;
    for (const Item &item : items) {
        ++nameCount[item.name.toCaseFolded()];
        ids.insert(item.id);
    }
    QHash<QString, QString> names;
    for (const Item &item : items) {
        const bool ambiguous = nameCount.value(item.name.toCaseFolded()) > 1 ||
                               (ids.contains(item.name) && item.name != item.id);
        names.insert(item.id, ambiguous ? item.id : item.name);
    }
    return names;
}

} // namespace

QStringList CsvEventsExporter::eventsHeader() {
    using F = CsvMapping;
    return {F::headerName(F::Id),
            F::headerName(F::Start),
            F::headerName(F::End),
            F::headerName(F::Precision),
            QStringLiteral("Date"),
            F::headerName(F::Title),
            F::headerName(F::Summary),
            F::headerName(F::Kind),
            F::headerName(F::Status),
            F::headerName(F::Sides),
            F::headerName(F::Actors),
            F::headerName(F::Place),
            QStringLiteral("Articles"),
            QStringLiteral("Number of articles"),
            QStringLiteral("First quote"),
            F::headerName(F::Note),
            F::headerName(F::DateExpression),
            F::headerName(F::DateBasis),
            F::headerName(F::DateAnchor),
            F::headerName(F::DateNote)};
}

QStringList CsvEventsExporter::passagesHeader() {
    return {QStringLiteral("Event ID"),      QStringLiteral("Article ID"),
            QStringLiteral("Article title"), QStringLiteral("Quote"),
            QStringLiteral("Start"),         QStringLiteral("End")};
}

QString CsvEventsExporter::actorName(const Dataset &dataset, const Actor &actor) {
    return cellNames(dataset.actors).value(actor.id, actor.name);
}

QString CsvEventsExporter::sideName(const Dataset &dataset, const Side &side) {
    return cellNames(dataset.sides).value(side.id, side.name);
}

QByteArray CsvEventsExporter::write(const Dataset &dataset, const QStringList &eventIds,
                                    bool byteOrderMark, char separator) {
    // English month names whatever the desktop's language: a file is read elsewhere.
    const EventDateText dateText{QLocale::c()};
    const auto byId = eventsById(dataset);
    const QHash<QString, QString> actorNames = cellNames(dataset.actors);
    const QHash<QString, QString> sideNames = cellNames(dataset.sides);
    QByteArray out;
    if (byteOrderMark)
        out += "\xEF\xBB\xBF";
    out += CsvTable::writeRecord(eventsHeader(), separator);
    for (const QString &id : eventIds) {
        const Event *event = byId.value(id);
        if (!event)
            continue;
        QStringList sides;
        for (const QString &sideId : dataset.eventSideIds(*event))
            if (const Side *side = dataset.side(sideId))
                sides.append(sideNames.value(side->id));
        QStringList actors;
        for (const Participant &participant : event->participants) {
            const Actor *actor = dataset.actor(participant.actorId);
            if (!actor)
                continue;
            const Side *side = dataset.side(dataset.effectiveSideId(actor->id));
            actors.append(CsvCellList::actor(actorNames.value(actor->id),
                                             jsonName(participant.role),
                                             side ? sideNames.value(side->id) : QString()));
        }
        QStringList articles;
        const QStringList articleIds = Dataset::eventArticleIds(*event);
        for (const QString &articleId : articleIds) {
            const Article *article = dataset.article(articleId);
            articles.append(article ? article->title : articleId);
        }
        const EventDate &date = event->date;
        QStringList row =
            guarded({event->id,
                     date.start.toString(Qt::ISODate),
                     date.end.toString(Qt::ISODate),
                     jsonName(date.precision),
                     dateText.format(date),
                     event->title,
                     event->summary,
                     event->kind,
                     jsonName(event->status),
                     CsvCellList::join(sides),
                     actors.join(QStringLiteral("; ")),
                     event->place,
                     CsvCellList::join(articles),
                     QString(),
                     event->sources.isEmpty() ? QString() : event->sources.first().exact,
                     event->note,
                     date.expression,
                     jsonName(date.basis),
                     date.anchorArticleId,
                     date.note});
        row[13] = QString::number(articleIds.size()); // a number, not dataset text
        out += CsvTable::writeRecord(row, separator);
    }
    return out;
}

QByteArray CsvEventsExporter::writePassages(const Dataset &dataset, const QStringList &eventIds,
                                            bool byteOrderMark) {
    const auto byId = eventsById(dataset);
    // One index per article, built once: code points from the UTF-16 offsets the dataset keeps.
    QHash<QString, std::shared_ptr<CodePointIndex>> indexes;
    QByteArray out;
    if (byteOrderMark)
        out += "\xEF\xBB\xBF";
    out += CsvTable::writeRecord(passagesHeader());
    for (const QString &id : eventIds) {
        const Event *event = byId.value(id);
        if (!event)
            continue;
        for (const SourcePassage &passage : event->sources) {
            const Article *article = dataset.article(passage.articleId);
            qint64 start = passage.storedStart;
            qint64 end = passage.storedEnd;
            if (article && passage.start >= 0 && passage.end >= passage.start) {
                auto &index = indexes[article->id];
                if (!index)
                    index = std::make_shared<CodePointIndex>(article->text);
                start = index->toCodePoint(passage.start);
                end = index->toCodePoint(passage.end);
            }
            QStringList row =
                guarded({event->id, passage.articleId, article ? article->title : QString(),
                         passage.exact, QString(), QString()});
            row[4] = QString::number(start);
            row[5] = QString::number(end);
            out += CsvTable::writeRecord(row);
        }
    }
    return out;
}

} // namespace ntl
