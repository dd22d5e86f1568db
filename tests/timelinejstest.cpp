// TimelineJS3 in and out (docs/interop.md): export → import keeps titles, dates, precision
// and groups; every dataset string is escaped; the spreadsheet CSV; impossible dates located;
// the CSV table underneath; which format a file is.
#include "csvtable.h"
#include "dataformat.h"
#include "document.h"
#include "importapplier.h"
#include "testdataset.h"
#include "timelinejsexporter.h"
#include "timelinejsimporter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ntl;

Q_DECLARE_METATYPE(ntl::DataFormat::Format)

namespace {

Event dated(const QString &id, const QString &title, const QDate &start, const QDate &end,
            DatePrecision precision, const QString &actorId) {
    Event event;
    event.id = id;
    event.title = title;
    event.summary = QStringLiteral("Summary of ") + title + QStringLiteral("\nSecond line.");
    event.kind = QStringLiteral("talks");
    event.date.start = start;
    event.date.end = end;
    event.date.precision = precision;
    event.date.basis = DateBasis::External;
    if (!actorId.isEmpty())
        event.participants.append({actorId, ParticipantRole::Party});
    return event;
}

// The minimal fixture plus an event at each precision, on one side, on none and on several.
Dataset sampleDataset() {
    Dataset dataset = *loadFixture("valid/minimal.json");
    const QList<Event> more{
        dated(QStringLiteral("ev-days"), QStringLiteral("Two days of talks"), QDate(2030, 3, 9),
              QDate(2030, 3, 10), DatePrecision::Days, QStringLiteral("south-state")),
        dated(QStringLiteral("ev-month"), QStringLiteral("A month of shuttle diplomacy"),
              QDate(2030, 4, 1), QDate(2030, 4, 30), DatePrecision::Month,
              QStringLiteral("league")),
        dated(QStringLiteral("ev-months"), QStringLiteral("Spring consultations"),
              QDate(2030, 4, 1), QDate(2030, 6, 30), DatePrecision::Month,
              QStringLiteral("league")),
        dated(QStringLiteral("ev-year"), QStringLiteral("The year of the accord"),
              QDate(2031, 1, 1), QDate(2031, 12, 31), DatePrecision::Year, QString()),
        dated(QStringLiteral("ev-unknown"), QStringLiteral("A call some day that week"),
              QDate(2030, 5, 4), QDate(2030, 5, 6), DatePrecision::Unknown,
              QStringLiteral("north-envoy")),
    };
    Event both =
        dated(QStringLiteral("ev-both"), QStringLiteral("North and South sign"), QDate(2030, 7, 1),
              QDate(2030, 7, 1), DatePrecision::Day, QStringLiteral("north-state"));
    both.participants.append({QStringLiteral("south-state"), ParticipantRole::Party});
    for (const Event &event : more)
        dataset.events.append(event);
    dataset.events.append(both);
    dataset.reindex();
    return dataset;
}

QStringList allIds(const Dataset &dataset) {
    QStringList ids;
    for (const Event &event : dataset.events)
        ids.append(event.id);
    return ids;
}

QString groupOf(const Dataset &dataset, const Event &event) {
    const QStringList sides = dataset.eventSideIds(event);
    if (sides.size() > 1)
        return QStringLiteral("(several)");
    return sides.isEmpty() ? QString() : dataset.side(sides.first())->name;
}

// JSON written with single quotes, read with double ones (moc reads no raw strings).
QByteArray j(const char *text) {
    return QByteArray(text).replace('\'', '"');
}

QString messages(const Diagnostics &diagnostics) {
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines.append(d.toString());
    return lines.join(u'\n');
}

const Diagnostic *findError(const Diagnostics &diagnostics) {
    for (const Diagnostic &d : diagnostics) {
        if (d.isError())
            return &d;
    }
    return nullptr;
}

} // namespace

class TimelineJsTest : public QObject {
    Q_OBJECT

private slots:
    void exportWritesTimelineJsSlides() {
        const Dataset dataset = sampleDataset();
        const QByteArray bytes = TimelineJsExporter::write(
            dataset,
            {QStringLiteral("ev-talks"), QStringLiteral("ev-month"), QStringLiteral("ev-year"),
             QStringLiteral("ev-both"), QStringLiteral("no-such-event")},
            QLocale(QLocale::English));
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(bytes, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(root.value(QLatin1String("title"))
                     .toObject()
                     .value(QLatin1String("text"))
                     .toObject()
                     .value(QLatin1String("headline"))
                     .toString(),
                 dataset.title);
        const QJsonArray events = root.value(QLatin1String("events")).toArray();
        QCOMPARE(events.size(), 4); // the unknown id is skipped; the order is the caller's
        const QJsonObject talks = events.at(0).toObject();
        QCOMPARE(talks.value(QLatin1String("unique_id")).toString(), QStringLiteral("ev-talks"));
        QCOMPARE(talks.value(QLatin1String("start_date")).toObject(),
                 QJsonObject({{QStringLiteral("year"), 2030},
                              {QStringLiteral("month"), 3},
                              {QStringLiteral("day"), 4}}));
        QVERIFY(!talks.contains(QLatin1String("end_date")));
        QCOMPARE(talks.value(QLatin1String("display_date")).toString(),
                 QStringLiteral("Mon 4 Mar 2030"));
        QCOMPARE(talks.value(QLatin1String("text"))
                     .toObject()
                     .value(QLatin1String("headline"))
                     .toString(),
                 QStringLiteral("Talks in Lakeside"));
        // The event's participants stand on three sides.
        QCOMPARE(talks.value(QLatin1String("group")).toString(),
                 TimelineJsExporter::severalSidesGroup());
        const QString html =
            talks.value(QLatin1String("text")).toObject().value(QLatin1String("text")).toString();
        QVERIFY2(html.contains(QLatin1String("<blockquote")), qPrintable(html));
        QVERIFY2(html.contains(QLatin1String("Lakeside talks open")), qPrintable(html)); // article

        const QJsonObject month = events.at(1).toObject();
        QCOMPARE(month.value(QLatin1String("start_date")).toObject(),
                 QJsonObject({{QStringLiteral("year"), 2030}, {QStringLiteral("month"), 4}}));
        QVERIFY(!month.contains(QLatin1String("end_date")));
        QCOMPARE(month.value(QLatin1String("group")).toString(), QStringLiteral("The League"));
        const QJsonObject year = events.at(2).toObject();
        QCOMPARE(year.value(QLatin1String("start_date")).toObject(),
                 QJsonObject({{QStringLiteral("year"), 2031}}));
        QVERIFY(!year.contains(QLatin1String("group"))); // no participant, no side
        QCOMPARE(events.at(3).toObject().value(QLatin1String("group")).toString(),
                 TimelineJsExporter::severalSidesGroup());
    }

    void roundTripKeepsTitlesDatesPrecisionAndGroups() {
        const Dataset original = sampleDataset();
        const QByteArray bytes = TimelineJsExporter::write(original, allIds(original));
        const ImportBatch batch =
            TimelineJsImporter::readJson(bytes, QStringLiteral("out.timelinejs.json"), Dataset());
        QVERIFY2(!batch.hasErrors(), qPrintable(messages(batch.diagnostics)));
        Diagnostics diagnostics;
        const std::optional<Dataset> back =
            ImportApplier::newDataset(batch, QStringLiteral("Back"), &diagnostics);
        QVERIFY2(back, qPrintable(messages(diagnostics)));
        QCOMPARE(back->events.size(), original.events.size());
        for (qsizetype i = 0; i < original.events.size(); ++i) {
            const Event &before = original.events.at(i);
            const Event &after = back->events.at(i);
            QCOMPARE(after.id, before.id);
            QCOMPARE(after.title, before.title);
            QCOMPARE(after.summary, before.summary);
            QCOMPARE(after.date.start, before.date.start);
            QCOMPARE(after.date.end, before.date.end);
            QCOMPARE(after.date.precision, before.date.precision);
            QVERIFY(after.date.note.isEmpty()); // display_date said what we would say
            const QString group = groupOf(original, before);
            QCOMPARE(groupOf(*back, after),
                     group == QLatin1String("(several)") ? QString() : group);
        }
        // TimelineJS holds no passages: each event is listed as unsourced.
        int unsourced = 0;
        for (const Diagnostic &d : batch.diagnostics)
            unsourced += d.message.contains(QLatin1String("listed as unsourced")) ? 1 : 0;
        QCOMPARE(unsourced, int(original.events.size()));
    }

    void importReusesSidesOfTheBase() {
        const Dataset base = *loadFixture("valid/minimal.json");
        const QByteArray json = j("{'events': [\n"
                                  "            {'start_date': {'year': 2030, 'month': 3, 'day': "
                                  "20}, 'text': {'headline': 'A'},\n"
                                  "             'group': 'south'},\n"
                                  "            {'start_date': {'year': '2030', 'month': '3'}, "
                                  "'text': {'headline': 'B'},\n"
                                  "             'group': 'Observers'}]}");
        const ImportBatch batch =
            TimelineJsImporter::readJson(json, QStringLiteral("in.json"), base);
        QVERIFY2(!batch.hasErrors(), qPrintable(messages(batch.diagnostics)));
        QCOMPARE(batch.sides.size(), 1); // "south" is base's South, case aside
        QCOMPARE(batch.sides.first().name, QStringLiteral("Observers"));
        QCOMPARE(batch.newEvents.at(0).participants.first().actorId, QStringLiteral("south-state"));
        QCOMPARE(batch.newEvents.at(1).date.precision, DatePrecision::Month);
        QCOMPARE(batch.newEvents.at(1).date.end, QDate(2030, 3, 31));
        Document document;
        document.load(std::make_shared<const Dataset>(base), QStringLiteral("minimal.json"));
        QVERIFY(ImportApplier::apply(document, batch).applied);
        QCOMPARE(document.dataset().eventSideIds(document.dataset().events.last()),
                 QStringList{batch.sides.first().id});
    }

    void everyDatasetStringIsEscaped() {
        Dataset dataset = sampleDataset();
        const QString hostile = QStringLiteral("<script>alert(1)</script> & \"co\"");
        Event &event = dataset.events[0];
        event.title = QStringLiteral("Talks <script>x</script> & more");
        event.summary = QStringLiteral("Sum <b>bold</b> & <img src=x onerror=alert(1)>");
        Article &article = dataset.articles[0];
        article.title = hostile;
        article.publisher = QStringLiteral("Wire <i>&</i>");
        article.url = QStringLiteral("javascript:alert(1)");
        dataset.sides[2].name = QStringLiteral("League <b>");
        dataset.reindex();
        const QByteArray bytes = TimelineJsExporter::write(dataset, allIds(dataset));
        const QJsonObject slide = QJsonDocument::fromJson(bytes)
                                      .object()
                                      .value(QLatin1String("events"))
                                      .toArray()
                                      .at(0)
                                      .toObject();
        const QJsonObject text = slide.value(QLatin1String("text")).toObject();
        const QString headline = text.value(QLatin1String("headline")).toString();
        const QString html = text.value(QLatin1String("text")).toString();
        QCOMPARE(headline, QStringLiteral("Talks &lt;script&gt;x&lt;/script&gt; &amp; more"));
        for (const char *raw : {"<script", "<b>", "<img", "<i>", "javascript:"})
            QVERIFY2(!html.contains(QLatin1String(raw)), qPrintable(html));
        QVERIFY2(html.contains(QLatin1String("&lt;script&gt;alert(1)&lt;/script&gt; &amp; "
                                             "&quot;co&quot;")) ||
                     html.contains(QLatin1String("&lt;script&gt;alert(1)&lt;/script&gt; &amp; "
                                                 "&#34;co&#34;")),
                 qPrintable(html));
        QVERIFY2(html.contains(QLatin1String("Sum &lt;b&gt;bold&lt;/b&gt; &amp; &lt;img")),
                 qPrintable(html));
        // The group is text, not HTML, in TimelineJS: as it is.
        QVERIFY(!QJsonDocument::fromJson(bytes)
                     .object()
                     .value(QLatin1String("events"))
                     .toArray()
                     .at(1)
                     .toObject()
                     .value(QLatin1String("group"))
                     .toString()
                     .isEmpty());
        // And back: the words as they were.
        const ImportBatch batch =
            TimelineJsImporter::readJson(bytes, QStringLiteral("x.timelinejs.json"), Dataset());
        QVERIFY2(!batch.hasErrors(), qPrintable(messages(batch.diagnostics)));
        QCOMPARE(batch.newEvents.at(0).title, event.title);
        QCOMPARE(batch.newEvents.at(0).summary, event.summary);
    }

    void readsTheSpreadsheetCsv() {
        // As Google Sheets saves TimelineJS's template: BOM, CRLF, quoted text with commas,
        // quotes and a line break, a title row and an era row.
        const QByteArray csv =
            "\xEF\xBB\xBFYear,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,"
            "Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Alt Text,Type,Group,"
            "Background\r\n"
            ",,,,,,,,,Peace talks,\"<p>The story, told</p>\",,,,,,title,,\r\n"
            "2030,3,4,10:00,,,,,,Talks <b>open</b>,\"<p>They met, \"\"at "
            "last\"\".</p>\r\n<p>More.</p>\","
            ",,,,,,North,\r\n"
            "2030,4,,,,,,,,Shuttle month,,,,,,,,The League,\r\n"
            "2030,5,1,,2030,5,3,,,Three days,,,,,,,,,\r\n"
            "2031,,,,,,,,,Accord year,,,,,,,,,\r\n"
            "2030,,,,2031,,,,,An era,,,,,,,era,,\r\n"
            ",,,,,,,,,,,,,,,,,,\r\n";
        const Dataset base = *loadFixture("valid/minimal.json");
        QCOMPARE(DataFormat::forImport(QStringLiteral("sheet.csv"), csv),
                 DataFormat::Format::TimelineJsCsv);
        const ImportBatch batch = DataFormat::importBytes(csv, QStringLiteral("sheet.csv"), base);
        QVERIFY2(!batch.hasErrors(), qPrintable(messages(batch.diagnostics)));
        QCOMPARE(batch.newEvents.size(), 4);
        const Event &open = batch.newEvents.at(0);
        QCOMPARE(open.title, QStringLiteral("Talks open"));
        QCOMPARE(open.summary, QStringLiteral("They met, \"at last\".\nMore."));
        QCOMPARE(open.date.precision, DatePrecision::Day);
        QCOMPARE(open.date.start, QDate(2030, 3, 4));
        QCOMPARE(open.participants.first().actorId, QStringLiteral("north-state"));
        QCOMPARE(batch.newEvents.at(1).date.precision, DatePrecision::Month);
        QCOMPARE(batch.newEvents.at(1).participants.first().actorId, QStringLiteral("league"));
        QCOMPARE(batch.newEvents.at(2).date.precision, DatePrecision::Days);
        QCOMPARE(batch.newEvents.at(2).date.end, QDate(2030, 5, 3));
        QCOMPARE(batch.newEvents.at(3).date.precision, DatePrecision::Year);
        QVERIFY(batch.sides.isEmpty()); // North and The League are base's
        bool eraNoted = false;
        for (const Diagnostic &d : batch.diagnostics)
            eraNoted = eraNoted || d.message.contains(QLatin1String("era"));
        QVERIFY(eraNoted);
    }

    void impossibleDatesAreLocated_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("words");
        const QByteArray good = j("{'start_date': {'year': 2030}, 'text': {'headline': 'ok'}}");
        QTest::newRow("month 13")
            << QByteArray(
                   j("{'events': [") + good +
                   j(", {'start_date': {'year': 2030, 'month': 13}, 'text': {'headline': 'x'}}]}"))
            << QStringLiteral("/events/1/start_date/month") << QStringLiteral("month 13");
        QTest::newRow("31 February")
            << QByteArray(j("{'events': [{'start_date': {'year': 2030, 'month': 2, 'day': 31}, "
                            "'text': {'headline': 'x'}}]}"))
            << QStringLiteral("/events/0/start_date/day")
            << QStringLiteral("February 2030 has no day 31");
        QTest::newRow("end before start")
            << QByteArray(j("{'events': [{'start_date': {'year': 2030, 'month': 5, 'day': 2},\n"
                            "                 'end_date': {'year': 2030, 'month': 5, 'day': 1}, "
                            "'text': {'headline': 'x'}}]}"))
            << QStringLiteral("/events/0/end_date") << QStringLiteral("before the start");
        QTest::newRow("not a number")
            << QByteArray(j("{'events': [") + good + "," + good +
                          j(", {'start_date': {'year': 'soon'}, 'text': {'headline': 'x'}}]}"))
            << QStringLiteral("/events/2/start_date/year") << QStringLiteral("\"soon\"");
        QTest::newRow("no start") << QByteArray(j("{'events': [{'text': {'headline': 'x'}}]}"))
                                  << QStringLiteral("/events/0/start_date")
                                  << QStringLiteral("start_date");
    }
    void impossibleDatesAreLocated() {
        QFETCH(QByteArray, json);
        QFETCH(QString, pointer);
        QFETCH(QString, words);
        const ImportBatch batch =
            TimelineJsImporter::readJson(json, QStringLiteral("bad.timelinejs.json"), Dataset());
        const Diagnostic *error = findError(batch.diagnostics);
        QVERIFY(error);
        QCOMPARE(error->file, QStringLiteral("bad.timelinejs.json"));
        QCOMPARE(error->jsonPath, pointer);
        QVERIFY2(error->message.contains(words), qPrintable(error->message));
        // All or nothing: the good slides do not go in either.
        Document document;
        document.load(loadFixture("valid/minimal.json"), QStringLiteral("minimal.json"));
        const auto before = document.snapshot();
        QVERIFY(!ImportApplier::apply(document, batch).applied);
        QCOMPARE(document.snapshot(), before);
        QCOMPARE(document.undoStack()->count(), 0);
    }

    void impossibleCsvDatesAreLocated() {
        const QByteArray csv = "Year,Month,Day,End Year,End Month,End Day,Headline,Text\n"
                               "2030,1,5,,,,Fine,\n"
                               "2030,13,1,,,,Bad month,\n"
                               "2030,2,29,,,,Not a leap year,\n"
                               "2030,6,1,2030,5,,Ends first,\n";
        const ImportBatch batch =
            TimelineJsImporter::readCsv(csv, QStringLiteral("t.csv"), Dataset());
        QStringList errors;
        for (const Diagnostic &d : batch.diagnostics) {
            if (d.isError())
                errors.append(QStringLiteral("%1:%2 %3").arg(d.line).arg(d.column).arg(d.message));
        }
        QCOMPARE(errors.size(), 3);
        QVERIFY2(errors.at(0).startsWith(QLatin1String("3:2 row 3, column 2 (Month): month 13")),
                 qPrintable(errors.at(0)));
        QVERIFY2(errors.at(1).startsWith(QLatin1String("4:3 row 4, column 3 (Day): February 2030 "
                                                       "has no day 29")),
                 qPrintable(errors.at(1)));
        QVERIFY2(errors.at(2).startsWith(QLatin1String("5:4 row 5, column 4 (End Year): the end")),
                 qPrintable(errors.at(2)));
    }

    void csvTableReadsRfc4180() {
        const QByteArray bytes = "\xEF\xBB\xBF"
                                 "a,\"b, c\",d\r\n"
                                 "1,\"say \"\"hi\"\"\",\"two\nlines\"\r\n"
                                 "\r\n"
                                 "x,,z\n";
        const CsvTable table = CsvTable::parse(bytes, QStringLiteral("t.csv"));
        QVERIFY2(!table.hasErrors(), qPrintable(messages(table.diagnostics)));
        QCOMPARE(table.header,
                 (QStringList{QStringLiteral("a"), QStringLiteral("b, c"), QStringLiteral("d")}));
        QCOMPARE(table.rows.size(), 3);
        QCOMPARE(table.rows.at(0), (QStringList{QStringLiteral("1"), QStringLiteral("say \"hi\""),
                                                QStringLiteral("two\nlines")}));
        QCOMPARE(table.rows.at(1), QStringList(3, QString())); // the blank line, row 3
        QCOMPARE(table.rows.at(2),
                 (QStringList{QStringLiteral("x"), QString(), QStringLiteral("z")}));
    }

    void csvTableRefusesBadInput_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("words");
        QTest::newRow("latin-1") << QByteArray("a,b\nok,caf\xE9\n") << 2 << 2
                                 << QStringLiteral("not UTF-8 at byte offset 10");
        QTest::newRow("ragged") << QByteArray("a,b\n1,2\n1,2,3\n") << 3 << 3
                                << QStringLiteral("row 3 has 3 fields, the header has 2");
        QTest::newRow("short") << QByteArray("a,b\n\"multi\nline\",2\n1\n") << 3 << 1
                               << QStringLiteral("row 3 has 1 fields");
        QTest::newRow("open quote")
            << QByteArray("a,b\n1,\"never closed\n") << 2 << 2 << QStringLiteral("never closes");
        QTest::newRow("stray quote")
            << QByteArray("a,b\n1,ab\"c\n") << 2 << 2 << QStringLiteral("a double quote inside a field");
    }
    void csvTableRefusesBadInput() {
        QFETCH(QByteArray, bytes);
        QFETCH(int, row);
        QFETCH(int, column);
        QFETCH(QString, words);
        const CsvTable table = CsvTable::parse(bytes, QStringLiteral("bad.csv"));
        QVERIFY(table.hasErrors());
        QVERIFY(!table.ok());
        const Diagnostic &d = table.diagnostics.first();
        QCOMPARE(d.file, QStringLiteral("bad.csv"));
        QCOMPARE(d.line, row);
        QCOMPARE(d.column, column);
        QVERIFY2(d.message.contains(words), qPrintable(d.message));
    }

    void recognisesFormats_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<DataFormat::Format>("format");
        using F = DataFormat::Format;
        QTest::newRow("timelinejs by name")
            << QStringLiteral("t.timelinejs.json") << QByteArray("{}") << F::TimelineJsJson;
        QTest::newRow("timelinejs by content")
            << QStringLiteral("export.json")
            << QByteArray(j("{'title': {}, 'events': [{'start_date': {'year': 1}}]}"))
            << F::TimelineJsJson;
        QTest::newRow("timelinejs csv")
            << QStringLiteral("s.CSV") << QByteArray("Year,Month,Day,Headline,Text\n")
            << F::TimelineJsCsv;
        QTest::newRow("our csv") << QStringLiteral("events.csv")
                                 << QByteArray("id,start,end,precision,title\n") << F::CsvEvents;
        QTest::newRow("passages csv")
            << QStringLiteral("p.passages.csv") << QByteArray("event id\n") << F::CsvPassages;
        QTest::newRow("jsonld") << QStringLiteral("a.jsonld") << QByteArray("{}")
                                << F::WebAnnotation;
        QTest::newRow("annotation collection")
            << QStringLiteral("a.json")
            << QByteArray(j("{'@context': 'http://www.w3.org/ns/anno.jsonld', 'type': "
                            "'AnnotationCollection'}"))
            << F::WebAnnotation;
        QTest::newRow("hypothesis")
            << QStringLiteral("h.json")
            << QByteArray(j("[{'uri': 'u', 'target': [{'source': 'u', 'selector': []}]}]"))
            << F::WebAnnotation;
        QTest::newRow("dataset") << QStringLiteral("d.json")
                                 << QByteArray(j("{'format': 'negotiation-timeline'}"))
                                 << F::Dataset;
        QTest::newRow("html") << QStringLiteral("page.HTM") << QByteArray("<html>") << F::Article;
        QTest::newRow("pdf") << QStringLiteral("a.pdf") << QByteArray("%PDF-1.7") << F::Article;
        QTest::newRow("text") << QStringLiteral("a.txt") << QByteArray("{\"events\"") << F::Article;
        QTest::newRow("unknown") << QStringLiteral("a.docx") << QByteArray("PK") << F::Unknown;
    }
    void recognisesFormats() {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(DataFormat::Format, format);
        QCOMPARE(DataFormat::forImport(name, bytes), format);
    }

    void exportFormatsByName() {
        using F = DataFormat::Format;
        QCOMPARE(DataFormat::forExport(QStringLiteral("/x/a.timelinejs.json")), F::TimelineJsJson);
        QCOMPARE(DataFormat::forExport(QStringLiteral("a.csv")), F::CsvEvents);
        QCOMPARE(DataFormat::forExport(QStringLiteral("a.passages.csv")), F::CsvPassages);
        QCOMPARE(DataFormat::forExport(QStringLiteral("a.jsonld")), F::WebAnnotation);
        QCOMPARE(DataFormat::forExport(QStringLiteral("a.json")), F::Unknown);
        QCOMPARE(DataFormat::exportFilterFormat(DataFormat::exportFilters().first()),
                 F::TimelineJsJson);
        // Every format the type list offers is connected, and the spreadsheet entry asks
        // for a byte-order mark.
        for (const QString &filter : DataFormat::exportFilters()) {
            const F format = DataFormat::exportFilterFormat(filter);
            QVERIFY2(DataFormat::canExport(format), qPrintable(filter));
            QString error;
            const QByteArray bytes = DataFormat::exportBytes(
                format, sampleDataset(), {}, &error,
                DataFormat::exportFilterWantsByteOrderMark(filter));
            QVERIFY2(!bytes.isEmpty() && error.isEmpty(), qPrintable(filter + error));
            QCOMPARE(bytes.startsWith("\xEF\xBB\xBF"),
                     DataFormat::exportFilterWantsByteOrderMark(filter));
        }
        QCOMPARE(DataFormat::forExport(QStringLiteral("a.TSV")), F::TsvEvents);
        QCOMPARE(DataFormat::forImport(QStringLiteral("a.tsv"), "Title\tStart\n"), F::CsvEvents);
        QCOMPARE(DataFormat::exportFilters().size(), 6); // TSV events is the sixth
    }
};

QTEST_MAIN(TimelineJsTest)
#include "timelinejstest.moc"
