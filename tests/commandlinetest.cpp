#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "apprun.h"

// Runs the real executable: `--check`, `--version`, `--help` and bad usage.
class CommandLineTest : public QObject
{
    Q_OBJECT
private slots:
    void checkOfTheDefaultDatasetReportsNoErrors();
    void checkOfAValidFileExitsZero();
    void checkOfABrokenFileListsEveryProblemAndExitsOne();
    void checkOfInvalidJsonNamesLineAndColumn();
    void checkOfAMissingFileExitsOne();
    void badUsageExitsTwo_data();
    void badUsageExitsTwo();
    void versionAndHelp();
    void checkEscapesControlCharactersOfTheDatasetAndItsName();
    void usageAndExportErrorsEscapeTheArgument();
    void qtStandardOptionsAreLeftToQt();
    void helpNamesTheProgram();
    void headlessRunsPrintNoPlatformNoise();
    void themeIsAnOptionOfTheViewerToo();

private:
};


void CommandLineTest::checkOfTheDefaultDatasetReportsNoErrors()
{
    const AppRun r = runApp({QStringLiteral("--check")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY2(!r.out.contains(QStringLiteral(": error: ")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral(":/datasets/peace-talks-2025/dataset.json: ")), qPrintable(r.out));
}

void CommandLineTest::checkOfAValidFileExitsZero()
{
    const AppRun r = runApp({QStringLiteral("--check"), QStringLiteral(NTL_TEST_DATA_DIR "/valid/minimal.json")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.trimmed(), QStringLiteral(NTL_TEST_DATA_DIR "/valid/minimal.json: 3 events, 4 actors, 2 articles; 0 warnings"));
}

void CommandLineTest::checkOfABrokenFileListsEveryProblemAndExitsOne()
{
    QFile original(QStringLiteral(NTL_TEST_DATA_DIR "/valid/minimal.json"));
    QVERIFY(original.open(QIODevice::ReadOnly));
    QByteArray bytes = original.readAll();
    bytes.replace("\"status\": \"planned\"", "\"status\": \"soon\"");
    bytes.replace("\"start\": \"2030-03-04\"", "\"start\": \"2030-02-30\"");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.json"));
    QFile broken(path);
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write(bytes);
    broken.close();

    const AppRun r = runApp({QStringLiteral("--check"), path});
    QCOMPARE(r.exitCode, 1);
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.contains(path + QStringLiteral(": /events/2/status: error: expected one of \"occurred\", \"planned\", \"reported\", \"cancelled\", found \"soon\"")),
             qPrintable(r.out));
    QVERIFY2(lines.contains(path + QStringLiteral(": /events/0/date/start: error: expected a calendar date YYYY-MM-DD, found \"2030-02-30\"")),
             qPrintable(r.out));
    QVERIFY2(lines.last().endsWith(QStringLiteral(": 3 errors, 0 warnings; not loaded")), qPrintable(r.out));
}

void CommandLineTest::checkOfInvalidJsonNamesLineAndColumn()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\n  \"format\": \"negotiation-timeline\",\n  \"version\": 1,,\n}\n");
    file.close();
    const AppRun r = runApp({QStringLiteral("--check"), path});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.startsWith(path + QStringLiteral(":3:16: error: not valid JSON: ")), qPrintable(r.out));
}

void CommandLineTest::checkOfAMissingFileExitsOne()
{
    const AppRun r = runApp({QStringLiteral("--check"), QStringLiteral("/nonexistent/x.json")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.startsWith(QStringLiteral("/nonexistent/x.json: error: no such file")));
}

void CommandLineTest::badUsageExitsTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")} << QStringLiteral("Unknown option 'frobnicate'");
    QTest::newRow("two files") << QStringList{QStringLiteral("--check"), QStringLiteral("a.json"), QStringLiteral("b.json")}
                               << QStringLiteral("expected at most one FILE, got 2");
}

void CommandLineTest::badUsageExitsTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const AppRun r = runApp(arguments);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.err.contains(QStringLiteral("--help")));
}

void CommandLineTest::versionAndHelp()
{
    const AppRun version = runApp({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.out.trimmed(), QStringLiteral("negotiation-timeline " NTL_VERSION));
    const AppRun help = runApp({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(QStringLiteral("--check")));
    QVERIFY(help.out.contains(QStringLiteral("[FILE]")));
    // --new and --import say that data files go in too, not only articles (wrapping aside).
    const QString flowing = help.out.simplified();
    QVERIFY2(!flowing.contains(QStringLiteral("no events yet")), qPrintable(help.out));
    QVERIFY2(flowing.contains(QStringLiteral("each data file brings its events")),
             qPrintable(help.out));
    QVERIFY2(flowing.contains(QStringLiteral("a CSV or TSV events table; a passages CSV")),
             qPrintable(help.out));
}

void CommandLineTest::qtStandardOptionsAreLeftToQt() {
    // Each form QApplication reads: option and value, option=value, a flag, two dashes.
    const AppRun version =
        runApp({QStringLiteral("-platform"), QStringLiteral("offscreen"), QStringLiteral("-style"),
                QStringLiteral("Fusion"), QStringLiteral("--version")});
    QVERIFY2(version.exitCode == 0, qPrintable(version.err));
    QCOMPARE(version.out.trimmed(), QStringLiteral("negotiation-timeline " NTL_VERSION));
    const AppRun check = runApp(
        {QStringLiteral("-reverse"), QStringLiteral("-qwindowgeometry"), QStringLiteral("640x480"),
         QStringLiteral("-style=Fusion"), QStringLiteral("--stylesheet"), QStringLiteral("x.qss"),
         QStringLiteral("--check"), QStringLiteral(NTL_TEST_DATA_DIR "/valid/minimal.json")});
    QVERIFY2(check.exitCode == 0, qPrintable(check.err));
    QVERIFY2(check.out.contains(QStringLiteral("minimal.json: 3 events")), qPrintable(check.out));
    // QApplication takes -platform itself: without QT_QPA_PLATFORM it is what lets an
    // export run at all, and the value is not taken for the FILE.
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("out.png"));
    const AppRun exported = runApp({QStringLiteral("-platform"), QStringLiteral("offscreen"),
                                    QStringLiteral("--export"), out,
                                    QStringLiteral(NTL_TEST_DATA_DIR "/valid/minimal.json")},
                                   QString());
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
    QVERIFY(QFile::exists(out));
    // Our own options keep their meaning: --title is the export's, not Qt's -title.
    const AppRun titled = runApp({QStringLiteral("--title"), QStringLiteral("T")});
    QCOMPARE(titled.exitCode, 2);
    QVERIFY2(titled.err.contains(QStringLiteral("--title goes with --export")),
             qPrintable(titled.err));
}

void CommandLineTest::helpNamesTheProgram() {
    const AppRun help = runApp({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QCOMPARE(help.out.section(u'\n', 0, 0),
             QStringLiteral("Usage: negotiation-timeline [options] [FILE]"));
}

void CommandLineTest::headlessRunsPrintNoPlatformNoise() {
    QTemporaryDir dir;
    QProcessEnvironment environment = appEnvironment();
    environment.remove(QStringLiteral("XDG_RUNTIME_DIR")); // Qt warns when it is unset
    // An unknown style: a warning of Qt's that is not noise, and must still show.
    const QStringList styled{QStringLiteral("-style"), QStringLiteral("NoSuchStyle")};
    for (const QStringList &arguments :
         {QStringList{QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("s.png")),
                      QStringLiteral("--size"), QStringLiteral("800x600")},
          QStringList{QStringLiteral("--export"), dir.filePath(QStringLiteral("e.png"))}}) {
        const AppRun r = runProgram(QStringLiteral(NTL_APP_PATH), styled + arguments, environment);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("propagateSizeHints")), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("XDG_RUNTIME_DIR")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("NoSuchStyle")), qPrintable(r.err));
    }
}

void CommandLineTest::themeIsAnOptionOfTheViewerToo() {
    // Checked like the export's, before a window opens.
    const AppRun unknown = runApp({QStringLiteral("--theme"), QStringLiteral("purple")});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(
        unknown.err.contains(QStringLiteral("unknown theme \"purple\": expected light or dark")),
        qPrintable(unknown.err));
    const AppRun check =
        runApp({QStringLiteral("--theme"), QStringLiteral("dark"), QStringLiteral("--check")});
    QVERIFY2(check.exitCode == 0, qPrintable(check.err));
}

// Every line shows what the file holds: nothing reaches the terminal unescaped.
static void verifyNothingUnescaped(const QString &output) {
    QVERIFY2(!output.contains(QChar(0x1b)), qPrintable(output));
    QVERIFY2(!output.contains(QChar(0x202e)), qPrintable(output));
    QVERIFY2(!output.contains(u'\r'), qPrintable(output));
    for (const QString &line : output.split(u'\n'))
        QVERIFY2(!line.startsWith(QStringLiteral("fake.json")), qPrintable(output));
}

void CommandLineTest::checkEscapesControlCharactersOfTheDatasetAndItsName() {
    // The corpus file: an unknown actor id with a colour escape, a newline followed by a
    // forged diagnostic, and a right-to-left override.
    QFile hostile(QStringLiteral(NTL_TEST_DATA_DIR "/bad/hostile-actor-id.json"));
    QVERIFY(hostile.open(QIODevice::ReadOnly));
    QTemporaryDir dir;
    // The file name too: a name may hold any byte but '/' and NUL.
    const QString name = QStringLiteral("evil\x1b[2J\nfake.json:9:9: error: name.json");
    QFile copy(dir.filePath(name));
    QVERIFY(copy.open(QIODevice::WriteOnly));
    copy.write(hostile.readAll());
    copy.close();

    const AppRun r = runApp({QStringLiteral("--check"), dir.filePath(name)});
    QCOMPARE(r.exitCode, 1);
    verifyNothingUnescaped(r.out);
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2); // the error and the summary, nothing forged in between
    const QString shownName =
        dir.path() + QStringLiteral("/evil\\u001b[2J\\nfake.json:9:9: error: name.json");
    QCOMPARE(lines.at(0),
             shownName +
                 QStringLiteral(
                     ": /events/0/participants/0/actor: error: unknown actor id \"<h1 "
                     "style=color:red>X</h1>"
                     "<a href=\"https://example.org\">link</a><table><tr><td>cell</td></tr></table>"
                     "\\u001b[31m\\nfake.json:1:1: error: forged\\u202e\""));
    QCOMPARE(lines.at(1), shownName + QStringLiteral(": 1 error, 0 warnings; not loaded"));
}

void CommandLineTest::usageAndExportErrorsEscapeTheArgument() {
    const AppRun unknown = runApp({QStringLiteral("--fro\x1b[31mb")});
    QCOMPARE(unknown.exitCode, 2);
    verifyNothingUnescaped(unknown.err);
    QVERIFY2(unknown.err.contains(QStringLiteral("Unknown option 'fro\\u001b[31mb'")),
             qPrintable(unknown.err));

    const AppRun format = runApp(
        {QStringLiteral("--export"), QStringLiteral("out\x1b[31m\nfake.json:1:1: error: x.gif")});
    QCOMPARE(format.exitCode, 2);
    verifyNothingUnescaped(format.err);
    QVERIFY2(
        format.err.contains(QStringLiteral("\"out\\u001b[31m\\nfake.json:1:1: error: x.gif\"")),
        qPrintable(format.err));

    QTemporaryDir dir;
    const AppRun actor =
        runApp({QStringLiteral("--export"), dir.filePath(QStringLiteral("out.svg")),
                QStringLiteral("--actor"), QStringLiteral("x\x1b[31m\u202e"),
                QStringLiteral(NTL_TEST_DATA_DIR "/valid/minimal.json")});
    QCOMPARE(actor.exitCode, 2);
    verifyNothingUnescaped(actor.err);
    QVERIFY2(actor.err.contains(QStringLiteral("unknown actor \"x\\u001b[31m\\u202e\"")),
             qPrintable(actor.err));
}

QTEST_GUILESS_MAIN(CommandLineTest)
#include "commandlinetest.moc"
