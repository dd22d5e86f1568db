// The batch import on the command line (issue 16, item 2): --new OUT --import FILE…, run
// as a child process like commandlinetest does.
#include "apprun.h"
#include "datasetreader.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString fixture(const char *name) {
    return QStringLiteral(NTL_TEST_DATA_DIR "/import/") + QLatin1String(name);
}

} // namespace

class ImportCommandLineTest : public QObject {
    Q_OBJECT

private slots:
    void newDatasetWithImportsChecksClean();
    void anyFailureWritesNothing();
    void sameTextIsImportedOnce();
    void existingFileIsNotReplaced();
    void echoedNamesAreEscaped();
    void importNeedsNew();
};

void ImportCommandLineTest::newDatasetWithImportsChecksClean() {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("geneva-talks.ntl.json"));
    const AppRun run =
        runApp({QStringLiteral("--new"), out, QStringLiteral("--import"),
                fixture("saved-page.html"), QStringLiteral("--import"), fixture("utf16le.txt")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out.trimmed(), out + QStringLiteral(": a new dataset with 2 articles"));

    const AppRun check = runApp({QStringLiteral("--check"), out});
    QCOMPARE(check.exitCode, 0);
    QCOMPARE(check.out.trimmed(),
             out + QStringLiteral(": 0 events, 0 actors, 2 articles; 0 warnings"));

    const ntl::DatasetReader::Result read = ntl::DatasetReader::readFile(out);
    QVERIFY(read.ok());
    QCOMPARE(read.dataset->title, QStringLiteral("geneva-talks")); // from OUT's name
    QVERIFY(read.dataset->sides.isEmpty());
    QCOMPARE(read.dataset->articles.at(0).id, QStringLiteral("a000-talks-resume-in-geneva-after"));
    QCOMPARE(read.dataset->articles.at(0).publisher, QStringLiteral("The Lakeside Herald"));
    QCOMPARE(read.dataset->articles.at(1).id, QStringLiteral("a001-ceasefire-talks"));
    QVERIFY(read.dataset->articles.at(1).publishedInferred);

    // --title names it instead.
    const QString titled = dir.filePath(QStringLiteral("t.ntl.json"));
    QCOMPARE(
        runApp({QStringLiteral("--new"), titled, QStringLiteral("--title"),
                QStringLiteral("Geneva 2025"), QStringLiteral("--import"), fixture("utf16be.txt")})
            .exitCode,
        0);
    QCOMPARE(ntl::DatasetReader::readFile(titled).dataset->title, QStringLiteral("Geneva 2025"));
}

void ImportCommandLineTest::anyFailureWritesNothing() {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("out.ntl.json"));
    const QString missing = dir.filePath(QStringLiteral("missing.txt"));
    const AppRun run = runApp({QStringLiteral("--new"), out, QStringLiteral("--import"),
                               fixture("saved-page.html"), QStringLiteral("--import"),
                               fixture("invalid-utf8.txt"), QStringLiteral("--import"), missing});
    QCOMPARE(run.exitCode, 1);
    // Every failing file is named, where and why; then that nothing was written.
    QVERIFY2(run.err.contains(fixture("invalid-utf8.txt") +
                              QStringLiteral(":2:32: error: not valid UTF-8 (at byte 48)")),
             qPrintable(run.err));
    QVERIFY2(
        run.err.contains(missing + QStringLiteral(": error: cannot read the file: no such file")),
        qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("2 files could not be imported; nothing written")),
             qPrintable(run.err));
    QVERIFY(!QFileInfo::exists(out));
    QVERIFY(QDir(dir.path())
                .entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden)
                .isEmpty());
}

void ImportCommandLineTest::sameTextIsImportedOnce() {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("out.ntl.json"));
    // The same text, once UTF-16 LE and once BE.
    const AppRun run =
        runApp({QStringLiteral("--new"), out, QStringLiteral("--import"), fixture("utf16le.txt"),
                QStringLiteral("--import"), fixture("utf16be.txt")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.err.contains(fixture("utf16be.txt") +
                              QStringLiteral(": warning: the same text as article "
                                             "\"a000-ceasefire-talks\"; not imported twice")),
             qPrintable(run.err));
    QCOMPARE(ntl::DatasetReader::readFile(out).dataset->articles.size(), 1);
}

void ImportCommandLineTest::existingFileIsNotReplaced() {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("out.ntl.json"));
    QFile file(out);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("precious");
    file.close();
    const AppRun run =
        runApp({QStringLiteral("--new"), out, QStringLiteral("--import"), fixture("utf16le.txt")});
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains(QStringLiteral("already exists")), qPrintable(run.err));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("precious"));
}

void ImportCommandLineTest::echoedNamesAreEscaped() {
    QTemporaryDir dir;
    const QString evil = dir.filePath(QStringLiteral("evil\x1b[31m\nforged: ok.txt"));
    QFile file(evil);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("bad \xff byte");
    file.close();
    const AppRun run = runApp({QStringLiteral("--new"), dir.filePath(QStringLiteral("o.ntl.json")),
                               QStringLiteral("--import"), evil});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(!run.err.contains(QChar(0x1b)), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral(
                 "evil\\u001b[31m\\nforged: ok.txt:1:5: error: not valid UTF-8 (at byte 4)")),
             qPrintable(run.err));
}

void ImportCommandLineTest::importNeedsNew() {
    const AppRun run = runApp({QStringLiteral("--import"), fixture("utf16le.txt")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("--import goes with --new")), qPrintable(run.err));
    const AppRun positional = runApp({QStringLiteral("--new"), QStringLiteral("/tmp/x.ntl.json"),
                                      QStringLiteral("some.ntl.json")});
    QCOMPARE(positional.exitCode, 2);
}

QTEST_GUILESS_MAIN(ImportCommandLineTest)
#include "importcommandlinetest.moc"
