// Data files on the command line (issue 17): --export OUT.timelinejs.json without a window,
// --new OUT --import DATA…, FILE --import DATA --save-as OUT; all or nothing; located
// errors. Run as a child process like importcommandlinetest.
#include "apprun.h"
#include "csveventsexporter.h"
#include "datasetreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString fixture(const char *name) {
    return QStringLiteral(NTL_TEST_DATA_DIR "/") + QLatin1String(name);
}

QJsonArray slides(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll())
        .object()
        .value(QLatin1String("events"))
        .toArray();
}

} // namespace

class DataCommandLineTest : public QObject {
    Q_OBJECT

private slots:
    void exportsFilteredEventsWithoutAWindow() {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("talks.timelinejs.json"));
        // No display at all: a data export needs none.
        const AppRun run = runApp({fixture("valid/minimal.json"), QStringLiteral("--export"), out,
                                   QStringLiteral("--kind"), QStringLiteral("talks")},
                                  QStringLiteral("xcb")); // and no DISPLAY: any window would fail
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out.trimmed(), out + QStringLiteral(": 2 of 3 events"));
        const QJsonArray events = slides(out);
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).toObject().value(QLatin1String("unique_id")).toString(),
                 QStringLiteral("ev-talks"));
        QCOMPARE(events.at(1).toObject().value(QLatin1String("unique_id")).toString(),
                 QStringLiteral("ev-second-round"));
    }

    // The other data formats by file name, through the program: CSV tables (a byte-order
    // mark only with --bom), Web Annotations; our own events table read back updates the
    // events it names instead of adding them.
    void exportsEveryDataFormatByName() {
        QTemporaryDir dir;
        const auto bytesOf = [](const QString &path) {
            QFile file(path);
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        };
        const QString events = dir.filePath(QStringLiteral("events.csv"));
        const QString bom = dir.filePath(QStringLiteral("bom.csv"));
        const QString passages = dir.filePath(QStringLiteral("talks.passages.csv"));
        const QString annotations = dir.filePath(QStringLiteral("talks.jsonld"));
        for (const QStringList &extra :
             {QStringList{QStringLiteral("--export"), events},
              QStringList{QStringLiteral("--export"), bom, QStringLiteral("--bom")},
              QStringList{QStringLiteral("--export"), passages},
              QStringList{QStringLiteral("--export"), annotations}}) {
            const AppRun run = runApp(QStringList{fixture("valid/minimal.json")} + extra);
            QVERIFY2(run.exitCode == 0, qPrintable(extra.join(u' ') + run.err));
            QVERIFY2(run.out.contains(QStringLiteral("3 of 3 events")), qPrintable(run.out));
        }
        const QByteArray table = bytesOf(events);
        QVERIFY(table.startsWith(ntl::CsvEventsExporter::eventsHeader().first().toUtf8()));
        QCOMPARE(table.count("\r\n"), 4); // the header and three events, RFC 4180 line ends
        QCOMPARE(bytesOf(bom), QByteArray("\xEF\xBB\xBF") + table);
        QVERIFY(bytesOf(passages).startsWith(
            ntl::CsvEventsExporter::passagesHeader().first().toUtf8()));
        QCOMPARE(bytesOf(passages).count("\r\n"), 6); // the header and five passages
        const QJsonObject collection = QJsonDocument::fromJson(bytesOf(annotations)).object();
        QCOMPARE(collection.value(QLatin1String("type")).toString(),
                 QStringLiteral("AnnotationCollection"));
        QCOMPARE(collection.value(QLatin1String("total")).toInt(), 5);

        // A byte-order mark is for CSV only.
        const AppRun refused = runApp({fixture("valid/minimal.json"), QStringLiteral("--export"),
                                       annotations, QStringLiteral("--bom")});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(
            refused.err.contains(QStringLiteral("--bom goes with --export to a .csv or .tsv file")),
            qPrintable(refused.err));

        const QString again = dir.filePath(QStringLiteral("again.ntl.json"));
        const AppRun reimport = runApp({fixture("valid/minimal.json"), QStringLiteral("--import"),
                                        events, QStringLiteral("--save-as"), again});
        QVERIFY2(reimport.exitCode == 0, qPrintable(reimport.err));
        const ntl::DatasetReader::Result read = ntl::DatasetReader::readFile(again);
        QVERIFY(read.ok());
        QCOMPARE(read.dataset->events.size(), 3);
    }

    void viewOptionsDoNotGoWithData() {
        const AppRun run =
            runApp({QStringLiteral("--export"), QStringLiteral("/tmp/x.timelinejs.json"),
                    QStringLiteral("--size"), QStringLiteral("800x600")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("--size is for exports of a view")),
                 qPrintable(run.err));
    }

    void newDatasetFromTimelineJs() {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("harbour.ntl.json"));
        const AppRun run = runApp({QStringLiteral("--new"), out, QStringLiteral("--import"),
                                   fixture("interop/talks.timelinejs.json"),
                                   QStringLiteral("--import"), fixture("interop/sheet.csv")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out.trimmed(),
                 out + QStringLiteral(": a new dataset with 0 articles, 5 events, 3 sides"));
        // The unsourced events are listed, by file and slide.
        QVERIFY2(run.err.contains(fixture("interop/talks.timelinejs.json") +
                                  QStringLiteral(": /events/1: warning: event \"Shuttle "
                                                 "diplomacy\" has no passage")),
                 qPrintable(run.err));
        const AppRun check = runApp({QStringLiteral("--check"), out});
        QVERIFY2(check.exitCode == 0, qPrintable(check.out));
        const ntl::DatasetReader::Result read = ntl::DatasetReader::readFile(out);
        QVERIFY(read.ok());
        const ntl::Event &first = read.dataset->events.at(0);
        QCOMPARE(first.id, QStringLiteral("talks-open"));
        QCOMPARE(first.title, QStringLiteral("Talks open in Harbour"));
        QCOMPARE(first.summary, QStringLiteral("Delegations met & talked."));
        QCOMPARE(read.dataset->events.at(1).date.precision, ntl::DatePrecision::Month);
        QCOMPARE(read.dataset->events.at(1).date.end, QDate(2030, 5, 31));
        QCOMPARE(read.dataset->events.at(2).date.note,
                 QStringLiteral("TimelineJS display date: early June"));
        // The spreadsheet's North is the JSON's North: one side, not two.
        QStringList sides;
        for (const ntl::Side &side : read.dataset->sides)
            sides.append(side.name);
        QCOMPARE(sides, (QStringList{QStringLiteral("North"), QStringLiteral("Mediators"),
                                     QStringLiteral("South")}));
        QCOMPARE(read.dataset->eventSideIds(read.dataset->events.at(3)),
                 read.dataset->eventSideIds(first));
    }

    void addsToADatasetWithSaveAs() {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("more.ntl.json"));
        const AppRun run = runApp({fixture("valid/minimal.json"), QStringLiteral("--import"),
                                   fixture("interop/sheet.csv"), QStringLiteral("--save-as"), out});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const ntl::DatasetReader::Result read = ntl::DatasetReader::readFile(out);
        QVERIFY(read.ok());
        QCOMPARE(read.dataset->events.size(), 5);
        QCOMPARE(read.dataset->sides.size(), 3); // North and South are the fixture's
        QCOMPARE(read.dataset->events.at(3).participants.first().actorId,
                 QStringLiteral("north-state"));
    }

    // A .tsv file is tab-separated, in and out: commas inside its cells are text.
    void tabSeparatedTablesInAndOut() {
        QTemporaryDir dir;
        const QString tsv = dir.filePath(QStringLiteral("talks.tsv"));
        QFile file(tsv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Headline\tDate\tPlace\r\nSummit, first round\t2031-02-03\tGeneva, Palais\r\n"
                   "Call\t2031-03\t\r\n");
        file.close();
        const QString out = dir.filePath(QStringLiteral("o.ntl.json"));
        const AppRun run = runApp({QStringLiteral("--new"), out, QStringLiteral("--import"), tsv});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const ntl::DatasetReader::Result read = ntl::DatasetReader::readFile(out);
        QVERIFY(read.ok());
        QCOMPARE(read.dataset->events.size(), 2);
        QCOMPARE(read.dataset->events.at(0).title, QStringLiteral("Summit, first round"));
        QCOMPARE(read.dataset->events.at(0).place, QStringLiteral("Geneva, Palais"));

        const QString exported = dir.filePath(QStringLiteral("back.tsv"));
        const AppRun back = runApp({out, QStringLiteral("--export"), exported});
        QVERIFY2(back.exitCode == 0, qPrintable(back.err));
        QFile written(exported);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = written.readAll().split('\n');
        QCOMPARE(lines.first(), ntl::CsvEventsExporter::eventsHeader().join(u'\t').toUtf8() + "\r");
        QVERIFY2(lines.at(1).contains("\tSummit, first round\t"), lines.at(1).constData());
    }

    void impossibleDatesWriteNothing() {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("out.ntl.json"));
        const QString bad = fixture("interop/bad-dates.timelinejs.json");
        const AppRun run = runApp({QStringLiteral("--new"), out, QStringLiteral("--import"),
                                   fixture("interop/sheet.csv"), QStringLiteral("--import"), bad});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(bad + QStringLiteral(": /events/1/start_date/month: error: "
                                                       "month 13 does not exist")),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(bad + QStringLiteral(": /events/2/start_date/day: error: "
                                                       "February 2030 has no day 31")),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("1 file could not be imported; nothing written")),
                 qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(out));

        const QString saved = dir.filePath(QStringLiteral("saved.ntl.json"));
        const AppRun saveAs = runApp({fixture("valid/minimal.json"), QStringLiteral("--import"),
                                      bad, QStringLiteral("--save-as"), saved});
        QCOMPARE(saveAs.exitCode, 1);
        QVERIFY(!QFileInfo::exists(saved));
    }

    void raggedCsvIsLocated() {
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("ragged.csv"));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Year,Month,Day,Headline,Text\n2030,1,2,Fine,\n2030,1,3,Too,many,fields\n");
        file.close();
        const AppRun run =
            runApp({QStringLiteral("--new"), dir.filePath(QStringLiteral("o.ntl.json")),
                    QStringLiteral("--import"), csv});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(csv + QStringLiteral(":3:6: error: row 3 has 6 fields, the "
                                                       "header has 5")),
                 qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(DataCommandLineTest)
#include "datacommandlinetest.moc"
