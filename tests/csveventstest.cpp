#include "csvcelllist.h"
#include "csveventsexporter.h"
#include "csveventsimporter.h"
#include "csvpassagesimporter.h"
#include "csvtable.h"
#include "dataformat.h"
#include "datasetreader.h"
#include "datasetvalidator.h"
#include "selectionpassage.h"

#include <QTest>

using namespace ntl;
using namespace Qt::StringLiterals;

namespace {

// What applying a batch does (the importer's promise; D's ImportApplier does it for real).
Dataset applied(const Dataset &base, const ImportBatch &batch) {
    Dataset result = base;
    result.sides += batch.sides;
    result.actors += batch.actors;
    result.articles += batch.articles;
    for (const Event &event : batch.updatedEvents) {
        for (qsizetype i = 0; i < result.events.size(); ++i)
            if (result.events.at(i).id == event.id)
                result.events.replace(i, event);
    }
    for (const Event &event : batch.newEvents)
        result.events.append(event);
    result.reindex();
    return result;
}

QStringList allIds(const Dataset &dataset) {
    QStringList ids;
    for (const Event &event : dataset.events)
        ids.append(event.id);
    return ids;
}

QString messages(const Diagnostics &diagnostics) {
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines.append(d.toString());
    return lines.join(u'\n');
}

std::shared_ptr<const Dataset> defaultDataset() {
    const auto result = DatasetReader::readFile(u":/datasets/peace-talks-2025/dataset.json"_s);
    if (!result.ok())
        qFatal("the default dataset does not load");
    return result.dataset;
}

// A small dataset: an article with an emoji before its passage, sides, actors, one event.
Dataset smallDataset() {
    Dataset d;
    d.title = u"Small"_s;
    d.sides = {{u"north"_s, u"North"_s, {}}, {u"south"_s, u"South; and more"_s, {}}};
    Article article;
    article.id = u"art"_s;
    article.title = u"=Talks 🙂 report"_s;
    article.text = u"Talks 🙂 then 🏳️‍🌈 the envoys met in Lakeside today."_s;
    d.articles = {article};
    Actor north{u"north-state"_s, u"North"_s, ActorKind::Country, u"north"_s, {}, {}};
    Actor envoy{u"envoy"_s, u"Ana (the envoy), Jr."_s, ActorKind::Person, {}, u"north-state"_s, {}};
    Actor south{u"south-state"_s, u"South"_s, ActorKind::Country, u"south"_s, {}, {}};
    d.actors = {north, envoy, south};
    Event e;
    e.id = u"ev-1"_s;
    e.title = u"-Talks, \"first\""_s;
    e.summary = u"Line one\nline two"_s;
    e.kind = u"talks"_s;
    e.date.start = QDate(2030, 3, 4);
    e.date.end = QDate(2030, 3, 5);
    e.date.precision = DatePrecision::Days;
    e.participants = {{u"envoy"_s, ParticipantRole::Speaker},
                      {u"south-state"_s, ParticipantRole::Party}};
    const int start = int(article.text.indexOf(u"the envoys"_s));
    e.sources = {SelectionPassage::make(article, start, start + 10)};
    e.note = u"@note"_s;
    d.events.append(e);
    d.reindex();
    return d;
}

} // namespace

class CsvEventsTest : public QObject {
    Q_OBJECT

private slots:
    void cellListsAreReversible() {
        const QStringList items = {u"a; b"_s, u"c, d"_s, u"(e)"_s, u"back\\slash"_s, u"plain"_s};
        QCOMPARE(CsvCellList::split(CsvCellList::join(items)), items);
        QString name, role, side;
        CsvCellList::parseActor(
            CsvCellList::actor(u"Ana (the envoy), Jr."_s, u"speaker"_s, u"South; x"_s), &name,
            &role, &side);
        QCOMPARE(name, u"Ana (the envoy), Jr."_s);
        QCOMPARE(role, u"speaker"_s);
        QCOMPARE(side, u"South; x"_s);
        CsvCellList::parseActor(u"Just a name"_s, &name, &role, &side);
        QCOMPARE(name, u"Just a name"_s);
        QVERIFY(role.isEmpty() && side.isEmpty());
    }

    void exportsTheEventsColumns() {
        const Dataset d = smallDataset();
        const CsvTable table =
            CsvTable::parse(CsvEventsExporter::write(d, {u"ev-1"_s}, false), u"e.csv"_s);
        QVERIFY(table.ok());
        QCOMPARE(table.header, (QStringList{u"ID"_s,
                                            u"Start"_s,
                                            u"End"_s,
                                            u"Precision"_s,
                                            u"Date"_s,
                                            u"Title"_s,
                                            u"Summary"_s,
                                            u"Kind"_s,
                                            u"Status"_s,
                                            u"Sides"_s,
                                            u"Actors"_s,
                                            u"Place"_s,
                                            u"Articles"_s,
                                            u"Number of articles"_s,
                                            u"First quote"_s,
                                            u"Note"_s,
                                            u"Date expression"_s,
                                            u"Date basis"_s,
                                            u"Date anchor"_s,
                                            u"Date note"_s}));
        QCOMPARE(table.rows.size(), 1);
        const QStringList row = table.rows.at(0);
        QCOMPARE(row.at(0), u"ev-1"_s);
        QCOMPARE(row.at(1), u"2030-03-04"_s);
        QCOMPARE(row.at(2), u"2030-03-05"_s);
        QCOMPARE(row.at(3), u"days"_s);
        QVERIFY2(row.at(4).contains(u"Mar 2030"_s), qPrintable(row.at(4)));
        QCOMPARE(row.at(5), u"'-Talks, \"first\""_s); // guarded: starts with -
        QCOMPARE(row.at(6), u"Line one\nline two"_s);
        QCOMPARE(row.at(8), u"occurred"_s);
        // Sides in the dataset's order, the separator inside a name escaped.
        QCOMPARE(row.at(9), u"North; South\\; and more"_s);
        QCOMPARE(row.at(10), u"Ana \\(the envoy\\)\\, Jr. (speaker, North); "_s
                             u"South (party, South\\; and more)"_s);
        QCOMPARE(row.at(12), u"'=Talks 🙂 report"_s);
        QCOMPARE(row.at(13), u"1"_s);
        QCOMPARE(row.at(14), u"the envoys"_s);
        QCOMPARE(row.at(15), u"'@note"_s);
        QCOMPARE(row.at(17), u"stated"_s);
    }

    void exportsPassagesInCodePoints() {
        const Dataset d = smallDataset();
        const Article &article = d.articles.at(0);
        const SourcePassage &p = d.events.at(0).sources.at(0);
        // u"Talks 🙂 then 🏳️‍🌈 the"_s: the emoji count 1 code point each, 2 UTF-16
        // units.
        const qint64 codePoints = article.text.left(p.start).toUcs4().size();
        QVERIFY(codePoints < p.start);
        const CsvTable table =
            CsvTable::parse(CsvEventsExporter::writePassages(d, {u"ev-1"_s}, false), u"p.csv"_s);
        QVERIFY(table.ok());
        QCOMPARE(table.header, (QStringList{u"Event ID"_s, u"Article ID"_s, u"Article title"_s,
                                            u"Quote"_s, u"Start"_s, u"End"_s}));
        QCOMPARE(table.rows.size(), 1);
        QCOMPARE(table.rows.at(0),
                 (QStringList{u"ev-1"_s, u"art"_s, u"'=Talks 🙂 report"_s, u"the envoys"_s,
                              QString::number(codePoints), QString::number(codePoints + 10)}));
        // And back: the passage lands where it was.
        Dataset base = d;
        base.events[0].sources.clear();
        const ImportBatch batch = CsvPassagesImporter::read(
            CsvEventsExporter::writePassages(d, {u"ev-1"_s}, true), u"p.csv"_s, base);
        QVERIFY2(!batch.hasErrors(), qPrintable(messages(batch.diagnostics)));
        QCOMPARE(batch.updatedEvents.size(), 1);
        const SourcePassage &back = batch.updatedEvents.at(0).sources.at(0);
        QCOMPARE(back.start, p.start);
        QCOMPARE(back.end, p.end);
        QCOMPARE(back.storedStart, codePoints);
        QCOMPARE(back.prefix, p.prefix);
        QCOMPARE(back.suffix, p.suffix);
    }

    void passagesTableErrorsAreLocated() {
        const Dataset d = smallDataset();
        const QByteArray bytes = "Event ID,Article ID,Article title,Quote,Start,End\r\n"
                                 "ev-1,art,x,not in the text,0,5\r\n"
                                 "ev-x,art,x,the envoys,0,5\r\n";
        const ImportBatch batch = CsvPassagesImporter::read(bytes, u"p.csv"_s, d);
        QCOMPARE(errorCount(batch.diagnostics), 2);
        QCOMPARE(batch.diagnostics.at(0).line, 2);
        QVERIFY2(batch.diagnostics.at(0).message.startsWith(u"row 2, column 4 (Quote)"_s),
                 qPrintable(batch.diagnostics.at(0).message));
        QVERIFY(batch.diagnostics.at(1).message.startsWith(u"row 3, column 1 (Event ID)"_s));
    }

    void mappingGuessesHeaders() {
        const CsvMapping ours = CsvMapping::guess(CsvEventsExporter::eventsHeader());
        const QStringList header = CsvEventsExporter::eventsHeader();
        for (int f = 0; f < CsvMapping::FieldCount; ++f) {
            const auto field = CsvMapping::Field(f);
            QCOMPARE(ours.column(field), int(header.indexOf(CsvMapping::headerName(field))));
        }
        const CsvMapping theirs = CsvMapping::guess(
            {u"Headline"_s, u"start_date"_s, u"End Date"_s, u"DESCRIPTION"_s, u"Group"_s, u"x"_s});
        QCOMPARE(theirs.column(CsvMapping::Title), 0);
        QCOMPARE(theirs.column(CsvMapping::Start), 1);
        QCOMPARE(theirs.column(CsvMapping::End), 2);
        QCOMPARE(theirs.column(CsvMapping::Summary), 3);
        QCOMPARE(theirs.column(CsvMapping::Sides), 4);
        QCOMPARE(theirs.column(CsvMapping::Id), -1);
        QVERIFY(theirs.missing().isEmpty());
        const CsvMapping plainDate = CsvMapping::guess({u"Date"_s, u"Title"_s});
        QCOMPARE(plainDate.column(CsvMapping::Start), 0);
        QVERIFY(!CsvMapping::guess({u"Title"_s}).missing().isEmpty());
        CsvMapping back;
        QVERIFY(CsvMapping::fromSettingsValue(theirs.toSettingsValue(), &back));
        QVERIFY(back == theirs);
        QVERIFY(!CsvMapping::fromSettingsValue(u"1,2"_s, &back));
        QVERIFY(CsvMapping::headerKey({u"a,b"_s, u"c"_s}) !=
                CsvMapping::headerKey({u"a"_s, u"b,c"_s}));
    }

    void importsForeignRowsWithDatesFromTheirForm() {
        Dataset base = smallDataset();
        const QByteArray bytes = "Headline,Date,End date,Group,Who\r\n"
                                 "Summit,2031,,North,\r\n"
                                 "Call,2031-02,,,New Person (speaker)\r\n"
                                 "Talks,2031-02-03,2031-02-04,Westland,\r\n"
                                 "Deadline,2031-02-03,,,\r\n";
        const ImportBatch batch = CsvEventsImporter::read(bytes, u"t.csv"_s, base);
        QVERIFY2(!batch.hasErrors(), qPrintable(messages(batch.diagnostics)));
        QCOMPARE(batch.newEvents.size(), 4);
        const Event &summit = batch.newEvents.at(0);
        QCOMPARE(summit.date.precision, DatePrecision::Year);
        QCOMPARE(summit.date.end, QDate(2031, 12, 31));
        QCOMPARE(summit.participants.size(), 1);
        QCOMPARE(summit.participants.at(0).actorId, u"north-state"_s); // North's own
        QCOMPARE(batch.newEvents.at(1).date.precision, DatePrecision::Month);
        QCOMPARE(batch.newEvents.at(1).date.end, QDate(2031, 2, 28));
        QCOMPARE(batch.newEvents.at(2).date.precision, DatePrecision::Days);
        QCOMPARE(batch.newEvents.at(3).date.precision, DatePrecision::Day);
        // Westland is new: a side and an actor standing for it; New Person is a new actor.
        QCOMPARE(batch.sides.size(), 1);
        QCOMPARE(batch.sides.at(0).name, u"Westland"_s);
        QCOMPARE(batch.actors.size(), 2);
        QCOMPARE(batch.actors.at(0).name, u"New Person"_s);
        QCOMPARE(batch.newEvents.at(1).participants.at(0).role, ParticipantRole::Speaker);
        QCOMPARE(batch.actors.at(1).sideId, batch.sides.at(0).id);
        // New ids, unique and from the titles; the table lists them as unsourced.
        QCOMPARE(batch.newEvents.at(0).id, u"ev-summit"_s);
        QVERIFY(!hasErrors(batch.diagnostics) && !batch.diagnostics.isEmpty());
    }

    // The same table tab-separated: commas inside cells are text, and "a.tsv" says so.
    void importsTabSeparatedRows() {
        const Dataset base = smallDataset();
        const QByteArray bytes = "Headline\tDate\tPlace\r\n"
                                 "Summit, first round\t2031\tGeneva, Palais\r\n"
                                 "\"Talks\tagain\"\t2031-02-03\t\r\n";
        const ImportBatch batch = CsvEventsImporter::read(bytes, u"a.tsv"_s, base);
        QVERIFY2(!batch.hasErrors(), qPrintable(messages(batch.diagnostics)));
        QCOMPARE(batch.newEvents.size(), 2);
        QCOMPARE(batch.newEvents.at(0).title, u"Summit, first round"_s);
        QCOMPARE(batch.newEvents.at(0).place, u"Geneva, Palais"_s);
        QCOMPARE(batch.newEvents.at(0).date.start, QDate(2031, 1, 1));
        QCOMPARE(batch.newEvents.at(1).title, u"Talks\tagain"_s);
        QCOMPARE(DataFormat::forImport(u"a.tsv"_s, bytes), DataFormat::Format::CsvEvents);
        // Our own events table written tab-separated reads back as it was written.
        const QByteArray ours =
            DataFormat::exportBytes(DataFormat::forExport(u"o.tsv"_s), base, allIds(base), nullptr);
        QVERIFY(ours.startsWith(CsvEventsExporter::eventsHeader().join(u'\t').toUtf8() + "\r\n"));
        QCOMPARE(
            CsvTable::parse(ours, u"o.tsv"_s).rows,
            CsvTable::parse(CsvEventsExporter::write(base, allIds(base), false), u"o.csv"_s).rows);
    }

    void anIdColumnUpdatesExistingEvents() {
        const Dataset base = smallDataset();
        const QByteArray bytes = "ID,Title,Start,Place\r\n"
                                 "ev-1,Renamed talks,2030-03-04,Lakeside\r\n"
                                 "ev-new,Another,2030-04-01,\r\n";
        const ImportBatch batch = CsvEventsImporter::read(bytes, u"u.csv"_s, base);
        QVERIFY2(!batch.hasErrors(), qPrintable(messages(batch.diagnostics)));
        QCOMPARE(batch.updatedEvents.size(), 1);
        QCOMPARE(batch.newEvents.size(), 1);
        const Event &updated = batch.updatedEvents.at(0);
        QCOMPARE(updated.id, u"ev-1"_s);
        QCOMPARE(updated.title, u"Renamed talks"_s);
        QCOMPARE(updated.place, u"Lakeside"_s);
        QCOMPARE(updated.date.precision, DatePrecision::Day);
        // Fields without a column stay as they were: summary, participants, passages, note.
        const Event &before = base.events.at(0);
        QCOMPARE(updated.summary, before.summary);
        QCOMPARE(updated.participants.size(), before.participants.size());
        QCOMPARE(updated.sources.size(), 1);
        QCOMPARE(updated.note, before.note);
        QCOMPARE(batch.newEvents.at(0).id, u"ev-new"_s);
    }

    void errorsAreLocatedAndNothingIsImported() {
        const Dataset base = smallDataset();
        const QByteArray bytes = "ID,Title,Start,End,Status,Actors\r\n"
                                 "a,Fine,2030-01-01,,,\r\n"
                                 "b,Backwards,2030-01-05,2030-01-04,,\r\n"
                                 "c,,2030-13-01,,maybe,X (boss)\r\n"
                                 "a,Again,2030-01-01,,,\r\n";
        const ImportBatch batch = CsvEventsImporter::read(bytes, u"bad.csv"_s, base);
        QVERIFY(batch.hasErrors());
        QStringList errors;
        for (const Diagnostic &d : batch.diagnostics)
            if (d.isError())
                errors.append(d.message);
        QVERIFY2(errors.contains(u"row 5, column 1 (ID): the id \"a\" is already used at row 2"_s),
                 qPrintable(errors.join(u'\n')));
        QVERIFY(errors.contains(
            u"row 3, column 4 (End): the end 2030-01-04 is before the start 2030-01-05"_s));
        QVERIFY(errors.contains(u"row 4, column 2 (Title): an event needs a title"_s));
        QVERIFY(errors.contains(u"row 4, column 3 (Start): expected a date YYYY, "_s
                                u"YYYY-MM or YYYY-MM-DD, found \"2030-13-01\""_s));
        QVERIFY(errors.join(u'\n').contains(u"row 4, column 5 (Status)"_s));
        QVERIFY(errors.join(u'\n').contains(u"row 4, column 6 (Actors)"_s));
        QCOMPARE(batch.diagnostics.at(0).line, 5);
        QCOMPARE(batch.diagnostics.at(0).column, 1);
        // A ragged or badly encoded file: the table's own located error, nothing read.
        const ImportBatch ragged =
            CsvEventsImporter::read("Title,Start\r\nx\r\n", u"r.csv"_s, base);
        QVERIFY(ragged.hasErrors());
        QVERIFY(ragged.newEvents.isEmpty());
        const ImportBatch latin =
            CsvEventsImporter::read("Title,Start\r\nd\xE9j\xE0,2030\r\n", u"l.csv"_s, base);
        QVERIFY(latin.hasErrors());
        QVERIFY(latin.diagnostics.at(0).message.contains(u"row 2, column 1 (Title)"_s));
        QVERIFY(latin.newEvents.isEmpty());
        // A mapping without a title column imports nothing and says why.
        const ImportBatch untitled = CsvEventsImporter::read("Start\r\n2030\r\n", u"n.csv"_s, base);
        QVERIFY(untitled.hasErrors());
    }

    void guardedAndEscapedCellsRoundTrip() {
        // Formula-like title and note, separators in names, an emoji before the passage.
        const Dataset original = smallDataset();
        const QByteArray events = CsvEventsExporter::write(original, {u"ev-1"_s}, true);
        const QByteArray passages = CsvEventsExporter::writePassages(original, {u"ev-1"_s}, true);
        Dataset base;
        base.title = original.title;
        base.articles = original.articles;
        base.reindex();
        const ImportBatch batch = CsvEventsImporter::read(events, u"e.csv"_s, base);
        QVERIFY2(!batch.hasErrors(), qPrintable(messages(batch.diagnostics)));
        const Dataset withEvents = applied(base, batch);
        const ImportBatch passageBatch =
            CsvPassagesImporter::read(passages, u"p.csv"_s, withEvents);
        QVERIFY2(!passageBatch.hasErrors(), qPrintable(messages(passageBatch.diagnostics)));
        const Dataset result = applied(withEvents, passageBatch);
        const Event &event = result.events.at(0);
        QCOMPARE(event.title, original.events.at(0).title);
        QCOMPARE(event.note, original.events.at(0).note);
        QCOMPARE(event.summary, original.events.at(0).summary);
        QCOMPARE(result.actors.at(0).name, u"Ana (the envoy), Jr."_s);
        QCOMPARE(result.sides.size(), 2);
        QCOMPARE(result.sides.at(1).name, u"South; and more"_s);
        QCOMPARE(event.sources.at(0).start, original.events.at(0).sources.at(0).start);
        QCOMPARE(CsvEventsExporter::write(result, {u"ev-1"_s}, true), events);
        QCOMPARE(CsvEventsExporter::writePassages(result, {u"ev-1"_s}, true), passages);
    }

    void defaultDatasetRoundTripsThroughCsv() {
        const auto original = defaultDataset();
        const QStringList ids = allIds(*original);
        const QByteArray events = CsvEventsExporter::write(*original, ids, true);
        const QByteArray passages = CsvEventsExporter::writePassages(*original, ids, true);

        // Into an empty dataset that has the articles only.
        Dataset base;
        base.title = original->title;
        base.articles = original->articles;
        base.reindex();
        const ImportBatch batch = CsvEventsImporter::read(events, u"events.csv"_s, base);
        QVERIFY2(!batch.hasErrors(), qPrintable(messages(batch.diagnostics)));
        QCOMPARE(batch.newEvents.size(), original->events.size());
        QVERIFY(batch.updatedEvents.isEmpty());
        const Dataset withEvents = applied(base, batch);
        const ImportBatch passageBatch =
            CsvPassagesImporter::read(passages, u"passages.csv"_s, withEvents);
        QVERIFY2(!passageBatch.hasErrors(), qPrintable(messages(passageBatch.diagnostics)));
        QCOMPARE(passageBatch.diagnostics.size(), 0); // every quote at its offsets
        const Dataset result = applied(withEvents, passageBatch);
        QVERIFY2(!hasErrors(DatasetValidator::validate(result)),
                 qPrintable(messages(DatasetValidator::validate(result))));

        // Every column of both tables again, byte for byte.
        const QList<QByteArray> before = events.split('\n');
        const QList<QByteArray> after = CsvEventsExporter::write(result, ids, true).split('\n');
        QCOMPARE(after.size(), before.size());
        for (qsizetype i = 0; i < before.size(); ++i)
            QCOMPARE(after.at(i), before.at(i));
        QCOMPARE(CsvEventsExporter::writePassages(result, ids, true), passages);

        // And the event fields themselves.
        for (qsizetype i = 0; i < ids.size(); ++i) {
            const Event &a = original->events.at(i);
            const Event &b = result.events.at(i);
            QCOMPARE(b.id, a.id);
            QCOMPARE(b.title, a.title);
            QCOMPARE(b.summary, a.summary);
            QCOMPARE(b.kind, a.kind);
            QCOMPARE(b.status, a.status);
            QCOMPARE(b.place, a.place);
            QCOMPARE(b.note, a.note);
            QCOMPARE(b.date.start, a.date.start);
            QCOMPARE(b.date.end, a.date.end);
            QCOMPARE(b.date.precision, a.date.precision);
            QCOMPARE(b.date.expression, a.date.expression);
            QCOMPARE(b.date.basis, a.date.basis);
            QCOMPARE(b.date.anchorArticleId, a.date.anchorArticleId);
            QCOMPARE(b.date.note, a.date.note);
            QCOMPARE(b.participants.size(), a.participants.size());
            QCOMPARE(b.sources.size(), a.sources.size());
            for (qsizetype s = 0; s < a.sources.size(); ++s) {
                QCOMPARE(b.sources.at(s).articleId, a.sources.at(s).articleId);
                QCOMPARE(b.sources.at(s).exact, a.sources.at(s).exact);
                QCOMPARE(b.sources.at(s).start, a.sources.at(s).start);
                QCOMPARE(b.sources.at(s).end, a.sources.at(s).end);
            }
            QCOMPARE(result.eventSideIds(b).size(), original->eventSideIds(a).size());
        }
    }
};

QTEST_GUILESS_MAIN(CsvEventsTest)
#include "csveventstest.moc"
