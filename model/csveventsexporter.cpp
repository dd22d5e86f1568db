#include "csveventsexporter.h"

#include "codepointindex.h"
#include "csvcelllist.h"
#include "csvmapping.h"
#include "csvtable.h"
#include "eventdatetext.h"

#include <QHash>

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

template <typename Item> QString nameOrId(const QList<Item> &items, const Item &item) {
    const QString folded = item.name.toCaseFolded();
    for (const Item &other : items) {
        if (other.id == item.id)
            continue;
        if (other.name.toCaseFolded() == folded || other.id == item.name)
            return item.id;
    }
    return item.name;
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
    return nameOrId(dataset.actors, actor);
}

QString CsvEventsExporter::sideName(const Dataset &dataset, const Side &side) {
    return nameOrId(dataset.sides, side);
}

QByteArray CsvEventsExporter::write(const Dataset &dataset, const QStringList &eventIds,
                                    bool byteOrderMark) {
    // English month names whatever the desktop's language: a file is read elsewhere.
    const EventDateText dateText{QLocale::c()};
    const auto byId = eventsById(dataset);
    QByteArray out;
    if (byteOrderMark)
        out += "\xEF\xBB\xBF";
    out += CsvTable::writeRecord(eventsHeader());
    for (const QString &id : eventIds) {
        const Event *event = byId.value(id);
        if (!event)
            continue;
        QStringList sides;
        for (const QString &sideId : dataset.eventSideIds(*event))
            if (const Side *side = dataset.side(sideId))
                sides.append(sideName(dataset, *side));
        QStringList actors;
        for (const Participant &participant : event->participants) {
            const Actor *actor = dataset.actor(participant.actorId);
            if (!actor)
                continue;
            const Side *side = dataset.side(dataset.effectiveSideId(actor->id));
            actors.append(CsvCellList::actor(actorName(dataset, *actor), jsonName(participant.role),
                                             side ? sideName(dataset, *side) : QString()));
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
        out += CsvTable::writeRecord(row);
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
