#include "apprun.h"
#include "testfiles.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

// --save-as OUT [FILE]: the real program, without a window.
class SaveAsTest : public QObject {
    Q_OBJECT
private slots:
    void saveAsTwiceGivesTheSameBytes();
    void textsInlineWritesOneFile();
    void failedSaveAtAFileSizeLimitKeepsTheOldFile_data();
    void failedSaveAtAFileSizeLimitKeepsTheOldFile();
    void failedSaveInAReadOnlyFolderKeepsTheOldFile();
    void datasetWithErrorsIsNotSaved();
    void exportAndSaveAsLeaveTheWindowSettingsAlone();
    void badUsageIsRefused_data();
    void badUsageIsRefused();
    void helpListsSaveAs();
};

void SaveAsTest::saveAsTwiceGivesTheSameBytes() {
    // The embedded default, saved; that copy saved again; the default saved once more:
    // the same bytes each time, and those of the shipped file (it is canonical).
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("a")));
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("b")));
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("c")));
    const QString a = dir.filePath(QStringLiteral("a/d.json"));
    const QString b = dir.filePath(QStringLiteral("b/d.json"));
    const QString c = dir.filePath(QStringLiteral("c/d.json"));
    AppRun r = runApp({QStringLiteral("--save-as"), a});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, a + QStringLiteral(": 47 events, 37 actors, 5 articles saved\n"));
    QVERIFY(r.err.isEmpty());
    r = runApp({QStringLiteral("--save-as"), b, a});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = runApp({QStringLiteral("--save-as"), c});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(fileContents(a), fileContents(shippedDatasetPath()));
    QCOMPARE(fileContents(b), fileContents(a));
    QCOMPARE(fileContents(c), fileContents(a));
    // The article texts went beside it, as the shipped dataset has them.
    const QStringList texts = filesIn(dir.filePath(QStringLiteral("a")));
    QCOMPARE(texts.size(), 6);
    QCOMPARE(filesIn(dir.filePath(QStringLiteral("b"))), texts);
    for (const QString &name : texts) {
        QCOMPARE(fileContents(dir.filePath(QStringLiteral("b/") + name)),
                 fileContents(dir.filePath(QStringLiteral("a/") + name)));
        if (name != QLatin1String("d.json"))
            QCOMPARE(
                fileContents(dir.filePath(QStringLiteral("a/") + name)),
                fileContents(QStringLiteral(NTL_SOURCE_DIR "/resources/datasets/peace-talks-2025/") +
                         name));
    }
    r = runApp({QStringLiteral("--check"), b});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.endsWith(QStringLiteral("0 warnings\n")), qPrintable(r.out));
}

void SaveAsTest::textsInlineWritesOneFile() {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("d.json"));
    AppRun r = runApp(
        {QStringLiteral("--save-as"), out, QStringLiteral("--texts"), QStringLiteral("inline")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(filesIn(dir.path()), QStringList{QStringLiteral("d.json")});
    QVERIFY(!fileContents(out).contains("\"textFile\""));
    r = runApp({QStringLiteral("--check"), out});
    QCOMPARE(r.exitCode, 0);
}

void SaveAsTest::failedSaveAtAFileSizeLimitKeepsTheOldFile_data() {
    QTest::addColumn<QString>("texts");
    QTest::addColumn<QString>("failing");
    // Inline: the dataset itself fails part-way. Files: a text file (written first) fails.
    QTest::newRow("dataset") << QStringLiteral("inline")
                             << QStringLiteral("d.json: cannot write: only ");
    QTest::newRow("text file") << QStringLiteral("files")
                               << QStringLiteral("d.json: cannot write: article text articles/");
}

void SaveAsTest::failedSaveAtAFileSizeLimitKeepsTheOldFile() {
    QFETCH(QString, texts);
    QFETCH(QString, failing);
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("d.json"));
    QVERIFY(putFile(out, "the old file"));
    const AppRun r = runAppWithFileSizeLimit(
        {QStringLiteral("--save-as"), out, QStringLiteral("--texts"), texts}, 8);
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.startsWith(QStringLiteral("negotiation-timeline: ") + dir.path()),
             qPrintable(r.err));
    QVERIFY2(r.err.contains(failing), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("reached the disk (File too large)")),
             qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    QCOMPARE(fileContents(out), QByteArray("the old file"));
    const QStringList left = filesIn(dir.path());
    QVERIFY2(left.size() == 1 || texts == QLatin1String("files"), qPrintable(left.join(u' ')));
    for (const QString &name : left) // texts that fit may stay; no temporary file does
        QVERIFY2(name == QLatin1String("d.json") || name.endsWith(QLatin1String(".txt")),
                 qPrintable(name));
}

void SaveAsTest::failedSaveInAReadOnlyFolderKeepsTheOldFile() {
    // Root ignores folder permissions: then the program runs as "nobody" (as
    // readerhardeningtest does), for whom the folder is read-only.
    QTemporaryDir dir(QStringLiteral("/tmp/ntl-readonly-XXXXXX"));
    QVERIFY(dir.isValid());
    const QString out = dir.filePath(QStringLiteral("d.json"));
    QVERIFY(putFile(out, "the old file"));
    // The file itself is anyone's to write: only the folder refuses (QSaveFile must not
    // fall back to writing the file in place).
    QVERIFY(QFile::setPermissions(out, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                           QFileDevice::ReadOther | QFileDevice::WriteOther));
    QVERIFY(QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner |
                                                  QFileDevice::ReadOther | QFileDevice::ExeOther));
    AppRun r;
    if (::geteuid() != 0) {
        r = runApp({QStringLiteral("--save-as"), out, QStringLiteral("--texts"),
                    QStringLiteral("inline")});
    } else {
        r = runProgram(QStringLiteral("setpriv"),
                       {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                        QStringLiteral("--clear-groups"), QStringLiteral(NTL_APP_PATH),
                        QStringLiteral("--save-as"), out, QStringLiteral("--texts"),
                        QStringLiteral("inline")},
                       appEnvironment());
    }
    QFile::setPermissions(dir.path(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.startsWith(QStringLiteral("negotiation-timeline: ") + out +
                              QStringLiteral(": cannot write: Permission denied")),
             qPrintable(r.err));
    QCOMPARE(fileContents(out), QByteArray("the old file"));
    QCOMPARE(filesIn(dir.path()), QStringList{QStringLiteral("d.json")});
}

void SaveAsTest::datasetWithErrorsIsNotSaved() {
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("d.json"));
    const AppRun r = runApp({QStringLiteral("--save-as"), out,
                             QStringLiteral(NTL_TEST_DATA_DIR "/bad/dangling-actor.json")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("dangling-actor.json")), qPrintable(r.err));
    QVERIFY(filesIn(dir.path()).isEmpty());
}

void SaveAsTest::exportAndSaveAsLeaveTheWindowSettingsAlone() {
    // Neither runs a window: the window's geometry is not read, and the file is not added
    // to the recent files (the window adds every file it opens).
    const QString folder = isolatedHome() + QStringLiteral("/config/NegotiationTimeline");
    QVERIFY(QDir().mkpath(folder));
    const QString settings = folder + QStringLiteral("/negotiation-timeline.conf");
    const QByteArray before = "[session]\nrecentFiles=/tmp/old.json\n\n"
                              "[window]\ngeometry=@ByteArray(not a geometry)\ntab=2\n";
    QVERIFY(putFile(settings, before));
    QTemporaryDir dir;
    const QString input = QStringLiteral(NTL_TEST_DATA_DIR "/valid/minimal.json");
    AppRun r = runApp({input, QStringLiteral("--export"), dir.filePath(QStringLiteral("out.png"))});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(fileContents(settings), before);
    r = runApp({QStringLiteral("--save-as"), dir.filePath(QStringLiteral("out.json")), input});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(fileContents(settings), before);
    QVERIFY(QFile::remove(settings));
}

void SaveAsTest::badUsageIsRefused_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString out = QStringLiteral("/tmp/ntl-never-written.json");
    QTest::newRow("with --export")
        << QStringList{QStringLiteral("--save-as"), out, QStringLiteral("--export"),
                       QStringLiteral("x.png")}
        << QStringLiteral("--save-as and --export cannot be combined");
    QTest::newRow("with --check") << QStringList{QStringLiteral("--save-as"), out,
                                                 QStringLiteral("--check")}
                                  << QStringLiteral("--save-as and --check cannot be combined");
    QTest::newRow("with a filter") << QStringList{QStringLiteral("--save-as"), out,
                                                  QStringLiteral("--actor"), QStringLiteral("x")}
                                   << QStringLiteral("--actor goes with --export");
    QTest::newRow("bad --texts")
        << QStringList{QStringLiteral("--save-as"), out, QStringLiteral("--texts"),
                       QStringLiteral("zip")}
        << QStringLiteral("unknown --texts \"zip\": expected inline, files or as-read");
    QTest::newRow("--texts alone")
        << QStringList{QStringLiteral("--texts"), QStringLiteral("inline")}
        << QStringLiteral("--texts goes with --save-as");
}

void SaveAsTest::badUsageIsRefused() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const AppRun r = runApp(arguments);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith(QStringLiteral("negotiation-timeline: ") + message),
             qPrintable(r.err));
    QVERIFY(!QFile::exists(QStringLiteral("/tmp/ntl-never-written.json")));
}

void SaveAsTest::helpListsSaveAs() {
    const AppRun help = runApp({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.contains(QStringLiteral("--save-as <OUT>")), qPrintable(help.out));
    QVERIFY2(help.out.contains(QStringLiteral("--texts <WHERE>")), qPrintable(help.out));
}

QTEST_GUILESS_MAIN(SaveAsTest)
#include "saveastest.moc"
