#include "datasetreader.h"
#include "datasetwriter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>

using namespace ntl;

class DatasetWriterTest : public QObject
{
    Q_OBJECT
private slots:
    void writtenDatasetReadsBackTheSame_data();
    void writtenDatasetReadsBackTheSame();
    void failedWriteKeepsTheOldFile();
    void writeFailingPartWayKeepsTheOldFile();
    void targetThatIsNotARegularFileIsRefused();
    void linkToARegularFileIsWrittenThrough();
};

void DatasetWriterTest::writtenDatasetReadsBackTheSame_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("minimal") << QStringLiteral("valid/minimal.json");
    QTest::newRow("emoji") << QStringLiteral("valid/emoji.json");
}

void DatasetWriterTest::writtenDatasetReadsBackTheSame()
{
    QFETCH(QString, file);
    const auto original = DatasetReader::readFile(QStringLiteral(NTL_TEST_DATA_DIR "/") + file);
    QVERIFY(original.ok());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("copy.json"));
    QString error;
    QVERIFY2(DatasetWriter::writeFile(*original.dataset, path, &error), qPrintable(error));

    const auto copy = DatasetReader::readFile(path);
    QVERIFY2(copy.ok() && copy.diagnostics.isEmpty(), "the written file must read back cleanly");
    // Writing the copy again gives the same bytes: nothing was lost or changed.
    QCOMPARE(DatasetWriter::toJson(*copy.dataset), DatasetWriter::toJson(*original.dataset));
    const Dataset &a = *original.dataset;
    const Dataset &b = *copy.dataset;
    QCOMPARE(b.events.size(), a.events.size());
    for (qsizetype i = 0; i < a.events.size(); ++i) {
        QCOMPARE(b.events.at(i).title, a.events.at(i).title);
        QCOMPARE(b.events.at(i).date.end, a.events.at(i).date.end);
        for (qsizetype s = 0; s < a.events.at(i).sources.size(); ++s) {
            QCOMPARE(b.events.at(i).sources.at(s).start, a.events.at(i).sources.at(s).start);
            QCOMPARE(b.events.at(i).sources.at(s).storedStart, a.events.at(i).sources.at(s).storedStart);
        }
    }
}

void DatasetWriterTest::failedWriteKeepsTheOldFile()
{
    const auto original = DatasetReader::readFile(QStringLiteral(NTL_TEST_DATA_DIR "/valid/minimal.json"));
    QVERIFY(original.ok());
    QString error;
    QVERIFY(!DatasetWriter::writeFile(*original.dataset, QStringLiteral("/nonexistent-folder/out.json"), &error));
    QVERIFY2(error.startsWith(QStringLiteral("/nonexistent-folder/out.json: cannot write: ")), qPrintable(error));
}

void DatasetWriterTest::writeFailingPartWayKeepsTheOldFile()
{
    const auto original = DatasetReader::readFile(QStringLiteral(NTL_TEST_DATA_DIR "/valid/minimal.json"));
    QVERIFY(original.ok());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("saved.json"));
    QFile old(path);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("{\"the\": \"old file\"}");
    old.close();

    // Limit file sizes to 2 KiB for this process, as a full disk would: the JSON is larger.
    rlimit saved{};
    QCOMPARE(::getrlimit(RLIMIT_FSIZE, &saved), 0);
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limited = saved;
    limited.rlim_cur = 2048;
    QCOMPARE(::setrlimit(RLIMIT_FSIZE, &limited), 0);
    QString error;
    const bool written = DatasetWriter::writeFile(*original.dataset, path, &error);
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previousHandler);

    QVERIFY(!written);
    QVERIFY2(error.startsWith(path + QStringLiteral(": cannot write: only 2048 of ")),
             qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral(" bytes reached the disk")), qPrintable(error));
    QVERIFY(old.open(QIODevice::ReadOnly));
    QCOMPARE(old.readAll(), QByteArray("{\"the\": \"old file\"}"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("saved.json")});
}

void DatasetWriterTest::targetThatIsNotARegularFileIsRefused() {
    // A link to a FIFO: QSaveFile would follow it and rename over the FIFO (or, as root, a
    // device node). Nothing but a regular file is ever replaced.
    const auto original =
        DatasetReader::readFile(QStringLiteral(NTL_TEST_DATA_DIR "/valid/minimal.json"));
    QVERIFY(original.ok());
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("fifo"));
    const QString link = dir.filePath(QStringLiteral("saved.json"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QVERIFY(QFile::link(fifo, link));
    QString error;
    QVERIFY(!DatasetWriter::writeFile(*original.dataset, link, &error));
    QCOMPARE(error, link + QStringLiteral(": cannot write: ") + link +
                        QStringLiteral(" links to ") + fifo +
                        QStringLiteral(", which is a FIFO, not a regular file"));
    struct stat info {};
    QCOMPARE(::lstat(QFile::encodeName(fifo).constData(), &info), 0);
    QVERIFY(S_ISFIFO(info.st_mode));
    QCOMPARE(QFile::symLinkTarget(link), fifo);
    QCOMPARE(QDir(dir.path())
                 .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                            QDir::Name),
             (QStringList{QStringLiteral("fifo"), QStringLiteral("saved.json")}));
}

void DatasetWriterTest::linkToARegularFileIsWrittenThrough() {
    const auto original =
        DatasetReader::readFile(QStringLiteral(NTL_TEST_DATA_DIR "/valid/minimal.json"));
    QVERIFY(original.ok());
    QTemporaryDir dir;
    const QString real = dir.filePath(QStringLiteral("real.json"));
    const QString link = dir.filePath(QStringLiteral("saved.json"));
    QFile old(real);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("{}");
    old.close();
    QVERIFY(QFile::link(real, link));
    QString error;
    QVERIFY2(DatasetWriter::writeFile(*original.dataset, link, &error), qPrintable(error));
    QCOMPARE(QFile::symLinkTarget(link), real);
    QVERIFY(old.open(QIODevice::ReadOnly));
    QCOMPARE(old.readAll(), DatasetWriter::toJson(*original.dataset));
}

QTEST_GUILESS_MAIN(DatasetWriterTest)
#include "datasetwritertest.moc"
