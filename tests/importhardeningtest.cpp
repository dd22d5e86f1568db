// Hostile inputs for issue 17's import paths (CSV table, CSV events, TimelineJS, the applier):
// each one once made the import quadratic, unbounded in memory or in its list of messages, or
// accepted what it should refuse. The time bounds are generous for a loaded CI machine: the
// quadratic paths ran past 100 s on these inputs, the fixed ones take well under 8 s.
#include "csveventsimporter.h"
#include "csvtable.h"
#include "datasetreader.h"
#include "importapplier.h"
#include "timelinejsimporter.h"

#include <QElapsedTimer>
#include <QTest>

using namespace ntl;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 generousMs = 15000;

int errors(const Diagnostics &diagnostics) {
    return int(std::count_if(diagnostics.cbegin(), diagnostics.cend(),
                             [](const Diagnostic &d) { return d.isError(); }));
}

QString messages(const Diagnostics &diagnostics) {
    QStringList out;
    for (const Diagnostic &d : diagnostics.mid(0, 5))
        out.append(d.file + u':' + QString::number(d.line) + u':' + QString::number(d.column) +
                   u' ' + d.jsonPath + u' ' + d.message);
    return out.join(u'\n');
}

} // namespace

class ImportHardeningTest : public QObject {
    Q_OBJECT

private slots:
    // A run of blank lines before one last record: each record used to scan the whole rest of
    // the file for the blank tail.
    void csvBlankLinesAreLinear() {
        const QByteArray bytes = "a\n" + QByteArray(400000, '\n') + "x\n";
        QElapsedTimer timer;
        timer.start();
        const CsvTable table = CsvTable::parse(bytes, u"blank.csv"_s);
        QVERIFY2(timer.elapsed() < generousMs, QByteArray::number(timer.elapsed()));
        QVERIFY(table.ok());
        QCOMPARE(table.rows.size(), 400001);
        QCOMPARE(table.rows.last().first(), u"x"_s);
    }

    // Unquoted fields in a file without a quote: each used to search the rest of the file for
    // a double quote.
    void csvUnquotedFieldsAreLinear() {
        QByteArray bytes = "a,b\n";
        for (int i = 0; i < 300000; ++i)
            bytes += "1,2\n";
        QElapsedTimer timer;
        timer.start();
        const CsvTable table = CsvTable::parse(bytes, u"plain.csv"_s);
        QVERIFY2(timer.elapsed() < generousMs, QByteArray::number(timer.elapsed()));
        QVERIFY(table.ok());
        QCOMPARE(table.rows.size(), 300000);
    }

    // A wide header and a few thousand blank lines is a small file but millions of cells:
    // refused, naming the row where the bound is passed.
    void csvCellsAreBounded() {
        const QByteArray header = QByteArray(CsvTable::maxColumns - 1, ',') + '\n';
        const qsizetype rows = CsvTable::maxCells / CsvTable::maxColumns + 10;
        const QByteArray bytes = header + QByteArray(rows, '\n') + "x" +
                                 QByteArray(CsvTable::maxColumns - 1, ',') + '\n';
        QVERIFY(bytes.size() < 2 * 1024 * 1024);
        const CsvTable table = CsvTable::parse(bytes, u"wide.csv"_s);
        QVERIFY(!table.ok());
        QVERIFY(table.rows.size() * CsvTable::maxColumns <= CsvTable::maxCells);
        const Diagnostic &d = table.diagnostics.first();
        QCOMPARE(d.file, u"wide.csv"_s);
        QCOMPARE(d.line, int(CsvTable::maxCells / CsvTable::maxColumns) + 2);
        QVERIFY2(d.message.contains(u"cells"_s), qPrintable(d.message));
    }

    // Line ends only (after a byte-order mark or not) hold no header: an error, not an empty
    // table that imports as nothing.
    void csvOnlyLineEndsIsAnError() {
        for (const QByteArray &bytes : {QByteArray("\r\n\r\n"), QByteArray("\n"),
                                        QByteArray("\xEF\xBB\xBF\r"), QByteArray("\r\r\r")}) {
            const CsvTable table = CsvTable::parse(bytes, u"blank.csv"_s);
            QVERIFY2(!table.ok(), bytes.toHex().constData());
            QCOMPARE(table.diagnostics.first().file, u"blank.csv"_s);
            QCOMPARE(table.diagnostics.first().line, 1);
        }
    }

    // Many rows of the same title: each new id used to count up from 2 again.
    void csvEventsSameTitleIsLinear() {
        QByteArray bytes = "Start,Title\n";
        for (int i = 0; i < 60000; ++i)
            bytes += "2024-01-01,Meeting\n";
        QElapsedTimer timer;
        timer.start();
        const ImportBatch batch = CsvEventsImporter::read(bytes, u"same.csv"_s, Dataset());
        QVERIFY2(timer.elapsed() < generousMs, QByteArray::number(timer.elapsed()));
        QVERIFY2(!batch.hasErrors(), qPrintable(messages(batch.diagnostics)));
        QCOMPARE(batch.newEvents.size(), 60000);
        QSet<QString> ids;
        for (const Event &event : batch.newEvents)
            ids.insert(event.id);
        QCOMPARE(ids.size(), 60000);
    }

    // One cell naming tens of thousands of sides: ordering them, and checking each takes part,
    // used to be quadratic in their number.
    void csvEventsManySidesIsLinear() {
        QStringList sides;
        for (int i = 0; i < 30000; ++i)
            sides.append(u"Side %1"_s.arg(i));
        const QByteArray bytes =
            "Start,Title,Sides\n2024-01-01,Talks,\"" + sides.join(u"; "_s).toUtf8() + "\"\n";
        QElapsedTimer timer;
        timer.start();
        const ImportBatch batch = CsvEventsImporter::read(bytes, u"sides.csv"_s, Dataset());
        QVERIFY2(timer.elapsed() < generousMs, QByteArray::number(timer.elapsed()));
        QVERIFY2(!batch.hasErrors(), qPrintable(messages(batch.diagnostics)));
        QCOMPARE(batch.sides.size(), 30000);
        QCOMPARE(batch.sides.first().name, u"Side 0"_s);
        QCOMPARE(batch.sides.last().name, u"Side 29999"_s);
        QCOMPARE(batch.newEvents.first().participants.size(), 30000);
    }

    // Slides each with a group of its own, and all with one headline: looking a group up used
    // to scan every side and actor made so far, and each id counted up from 2 again.
    void timelineJsManyGroupsIsLinear() {
        QByteArray bytes = "Year,Month,Headline,Group\n";
        for (int i = 0; i < 20000; ++i)
            bytes += "2024,1,Talks,Group " + QByteArray::number(i) + '\n';
        QElapsedTimer timer;
        timer.start();
        const ImportBatch batch = TimelineJsImporter::readCsv(bytes, u"groups.csv"_s, Dataset());
        QVERIFY2(timer.elapsed() < generousMs, QByteArray::number(timer.elapsed()));
        QVERIFY2(!batch.hasErrors(), qPrintable(messages(batch.diagnostics)));
        QCOMPARE(batch.newEvents.size(), 20000);
        QCOMPARE(batch.sides.size(), 20000);
        QCOMPARE(batch.actors.size(), 20000);
        QCOMPARE(batch.sides.last().name, u"Group 19999"_s);
        // Same name, other case: the same side.
        const ImportBatch again = TimelineJsImporter::readCsv(
            "Year,Month,Headline,Group\n2024,1,A,Mediators\n2024,2,B,MEDIATORS\n", u"g.csv"_s,
            Dataset());
        QCOMPARE(again.sides.size(), 1);
        QCOMPARE(again.actors.size(), 1);
    }

    // Every slide wrong: the errors listed are bounded, and the last says how many more.
    void timelineJsErrorsAreBounded() {
        QByteArray bytes = "Year,Month,Headline,Group\n";
        for (int i = 0; i < 5000; ++i)
            bytes += "20x4,1,Talks,\n";
        const ImportBatch batch = TimelineJsImporter::readCsv(bytes, u"bad.csv"_s, Dataset());
        QVERIFY(batch.hasErrors());
        QVERIFY2(batch.diagnostics.size() <= 201, QByteArray::number(batch.diagnostics.size()));
        QCOMPARE(batch.diagnostics.first().line, 2);
        QCOMPARE(batch.diagnostics.first().column, 1);
        QVERIFY2(batch.diagnostics.last().message.contains(u"more"_s),
                 qPrintable(batch.diagnostics.last().message));
    }

    // A year written as a huge or infinite number is an error, not a conversion the language
    // leaves undefined (UBSan flags it).
    void timelineJsHugeNumbers() {
        for (const char *year : {"1e300", "inf", "-inf", "nan", "9.3e18"}) {
            const ImportBatch batch = TimelineJsImporter::readCsv(
                "Year,Month,Headline,Group\n" + QByteArray(year) + ",1,Talks,\n", u"big.csv"_s,
                Dataset());
            QVERIFY2(batch.hasErrors(), year);
            QCOMPARE(batch.diagnostics.first().line, 2);
            QVERIFY2(batch.diagnostics.first().message.contains(u"whole number"_s) ||
                         batch.diagnostics.first().message.contains(u"does not exist"_s),
                     qPrintable(batch.diagnostics.first().message));
        }
    }

    // A JSON file of a million empty slides is small on disk but a large tree: refused
    // before it is built, by the bounded tree the other readers use.
    void timelineJsJsonTreeIsBounded() {
        QByteArray bytes = "{\"events\":[";
        for (int i = 0; i < 2'000'000; ++i)
            bytes += i ? ",[]" : "[]";
        bytes += "]}";
        QVERIFY(bytes.size() < TimelineJsImporter::maxJsonSize);
        const ImportBatch batch = TimelineJsImporter::readJson(bytes, u"huge.json"_s, Dataset());
        QVERIFY(batch.hasErrors());
        QCOMPARE(errors(batch.diagnostics), 1);
        QVERIFY2(batch.diagnostics.first().message.contains(u"memory"_s),
                 qPrintable(batch.diagnostics.first().message));
        // The bound leaves real files alone.
        const ImportBatch fine = TimelineJsImporter::readJson(
            R"({"events":[{"start_date":{"year":"2024","month":3},"text":{"headline":"<b>A</b>"},
               "unique_id":"a1","ignored":{"deep":[1,2,3]}}]})",
            u"fine.json"_s, Dataset());
        QVERIFY2(!fine.hasErrors(), qPrintable(messages(fine.diagnostics)));
        QCOMPARE(fine.newEvents.size(), 1);
        QCOMPARE(fine.newEvents.first().id, u"a1"_s);
        QCOMPARE(fine.newEvents.first().title, u"A"_s);
    }

    // A batch whose every event the format refuses: the applier lists a bounded number of
    // errors, the last saying how many more, and applies nothing.
    void applierErrorsAreBounded() {
        ImportBatch batch;
        batch.sourceName = u"many.csv"_s;
        for (int i = 0; i < 3000; ++i) {
            Event event;
            event.id = u"e%1"_s.arg(i);
            event.title = u"Bad"_s;
            event.kind = u"event"_s;
            event.date.start = QDate(2024, 2, 1);
            event.date.end = QDate(2024, 1, 1); // before the start
            batch.newEvents.append(event);
        }
        const Diagnostics problems = ImportApplier::check(Dataset(), batch);
        QVERIFY(errors(problems) > 100);
        QVERIFY2(problems.size() <= 201, QByteArray::number(problems.size()));
        QCOMPARE(problems.first().file, u"many.csv"_s);
        QVERIFY2(problems.last().message.contains(u"more"_s), qPrintable(problems.last().message));
        Diagnostics found;
        QVERIFY(!ImportApplier::newDataset(batch, u"T"_s, &found));
    }

    // The same event updated twice in one batch: refused (one of the two would be lost).
    void applierRefusesTwoUpdatesOfOneEvent() {
        Dataset base;
        Event event;
        event.id = u"e1"_s;
        event.title = u"Talks"_s;
        event.kind = u"event"_s;
        event.date.start = event.date.end = QDate(2024, 1, 1);
        base.events.append(event);
        base.reindex();
        ImportBatch batch;
        batch.sourceName = u"twice.json"_s;
        Event first = event;
        first.title = u"First"_s;
        Event second = event;
        second.title = u"Second"_s;
        batch.updatedEvents = {first, second};
        const Diagnostics problems = ImportApplier::check(base, batch);
        QVERIFY2(hasErrors(problems), "two updates of e1 were accepted");
        QCOMPARE(problems.first().file, u"twice.json"_s);
        QVERIFY(problems.first().message.contains(u"e1"_s));
    }
};

QTEST_GUILESS_MAIN(ImportHardeningTest)
#include "importhardeningtest.moc"
