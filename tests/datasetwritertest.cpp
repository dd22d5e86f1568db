#include "datasetequality.h"
#include "datasetreader.h"
#include "datasetwriter.h"
#include "savejob.h"
#include "syntheticdataset.h"
#include "testfiles.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
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

    void shippedDatasetIsCanonical();
    void stringsAreEscapedAsJson();
    void sideColorIsWrittenOnlyWhenSet();
    void savingTwiceGivesTheSameBytes_data();
    void savingTwiceGivesTheSameBytes();
    void openSaveOpenKeepsEveryField_data();
    void openSaveOpenKeepsEveryField();
    void textsWrittenAsFilesBesideReadBack();
    void textsWrittenInlineReadBack();
    void textFileNamesAreSafeAndDistinct();
    void failedTextFileLeavesTheDatasetUntouched();
    void largeSaveFailingPartWayKeepsTheOldFile();
    void asyncSaveEmitsFinishedWithTheSameBytes();
    void cancelledAsyncSaveKeepsTheOldFile();
};

namespace {
// A save writes the anchored offsets (the stored ones are the file's): compare as anchored.
const datasetequality::Compare saved{false, true};
// Texts written under other names (as files, or inline): all that may change is textFile.
const datasetequality::Compare savedTextsRenamed{false, false};
QString dataFile(const QString &name) {
    return QStringLiteral(NTL_TEST_DATA_DIR "/") + name;
}
} // namespace

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

void DatasetWriterTest::shippedDatasetIsCanonical() {
    // The embedded dataset is in the writer's form: saving it unedited changes no byte.
    const auto read = DatasetReader::readFile(shippedDatasetPath());
    QVERIFY(read.ok());
    QCOMPARE(DatasetWriter::toJson(*read.dataset), fileContents(shippedDatasetPath()));
}

void DatasetWriterTest::sideColorIsWrittenOnlyWhenSet() {
    // A side's own colour is written after its name, as read; a side without one has no
    // "color" member, so files written before colours existed keep their bytes.
    const auto original = DatasetReader::readFile(dataFile(QStringLiteral("valid/minimal.json")));
    QVERIFY(original.ok());
    Dataset dataset = *original.dataset;
    const QByteArray plain = DatasetWriter::toJson(dataset);
    QVERIFY(!plain.contains("\"color\""));
    // (shippedDatasetIsCanonical: a canonical file without colours keeps every byte.)
    dataset.sides[1].color = QStringLiteral("#a1B2c3");
    const QByteArray json = DatasetWriter::toJson(dataset);
    QVERIFY2(json.contains("\"name\": \"South\",\n      \"color\": \"#a1B2c3\"\n"),
             json.left(400).constData());
    QCOMPARE(json.count("\"color\""), 1);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("colored.json"));
    QVERIFY(putFile(path, json));
    const auto copy = DatasetReader::readFile(path);
    QVERIFY2(copy.ok(), qPrintable(copy.diagnostics.value(0).toString()));
    QCOMPARE(copy.dataset->sides.at(1).color, QStringLiteral("#a1B2c3"));
    QCOMPARE(copy.dataset->sides.at(0).color, QString());
}

void DatasetWriterTest::stringsAreEscapedAsJson() {
    // Only '"', '\\' and control characters are escaped (short forms where JSON has them,
    // else \u00xx); everything else is written as UTF-8, in ASCII and non-ASCII strings.
    const auto original = DatasetReader::readFile(dataFile(QStringLiteral("valid/minimal.json")));
    QVERIFY(original.ok());
    Dataset dataset = *original.dataset;
    dataset.title = QStringLiteral("q\" b\\ \b\f\n\r\t \x01\x1f\x7f /");
    dataset.events[0].title = QStringLiteral("é\"\n😀\x02");
    const QByteArray json = DatasetWriter::toJson(dataset);
    QVERIFY2(json.contains(R"("title": "q\" b\\ \b\f\n\r\t \u0001\u001f)"
                           "\x7f"
                           R"( /")"),
             json.left(200).constData());
    QVERIFY(json.contains("\"title\": \"\xC3\xA9\\\"\\n\xF0\x9F\x98\x80\\u0002\""));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("escaped.json"));
    QVERIFY(putFile(path, json));
    const auto copy = DatasetReader::readFile(path);
    QVERIFY2(copy.ok(), qPrintable(copy.diagnostics.value(0).toString()));
    QCOMPARE(copy.dataset->title, dataset.title);
    QCOMPARE(copy.dataset->events[0].title, dataset.events[0].title);
}

void DatasetWriterTest::savingTwiceGivesTheSameBytes_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("default") << shippedDatasetPath();
    for (const char *name : {"valid/minimal.json", "valid/emoji.json", "valid/side-colors.json",
                             "valid/busy-weeks/dataset.json", "valid/textfile/dataset.json"})
        QTest::newRow(name) << dataFile(QLatin1String(name));
}

void DatasetWriterTest::savingTwiceGivesTheSameBytes() {
    // read → write → read → write: the second write gives the first's bytes, and so does
    // read → write of a file the writer wrote, text files included.
    QFETCH(QString, file);
    QTemporaryDir first, second;
    const auto original = DatasetReader::readFile(file);
    QVERIFY(original.ok());
    QString error;
    const QString a = first.filePath(QStringLiteral("dataset.json"));
    QVERIFY2(DatasetWriter::write(original.dataset, a, {}, &error), qPrintable(error));
    const auto reread = DatasetReader::readFile(a);
    QVERIFY(reread.ok());
    const QString b = second.filePath(QStringLiteral("dataset.json"));
    QVERIFY2(DatasetWriter::write(reread.dataset, b, {}, &error), qPrintable(error));
    QCOMPARE(fileContents(b), fileContents(a));
    QCOMPARE(filesIn(second.path()), filesIn(first.path()));
    for (const QString &name : filesIn(first.path()))
        QCOMPARE(fileContents(second.filePath(name)), fileContents(first.filePath(name)));
    // In memory too: toJson is what write() puts on disk.
    QCOMPARE(DatasetWriter::toJson(*reread.dataset), fileContents(a));
}

void DatasetWriterTest::openSaveOpenKeepsEveryField_data() {
    savingTwiceGivesTheSameBytes_data();
}

void DatasetWriterTest::openSaveOpenKeepsEveryField() {
    QFETCH(QString, file);
    const auto original = DatasetReader::readFile(file);
    QVERIFY(original.ok());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("saved.json"));
    QString error;
    QVERIFY2(DatasetWriter::write(original.dataset, path, {}, &error), qPrintable(error));
    const auto copy = DatasetReader::readFile(path);
    QVERIFY2(copy.ok(), qPrintable(copy.diagnostics.value(0).toString()));
    QCOMPARE(copy.diagnostics.size(), original.diagnostics.size());
    const QString difference = datasetequality::difference(*original.dataset, *copy.dataset, saved);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

void DatasetWriterTest::textsWrittenAsFilesBesideReadBack() {
    // Inline texts saved as files: each in a file beside the dataset, named in textFile,
    // which the reader accepts and reads back the same.
    const auto original = DatasetReader::readFile(dataFile(QStringLiteral("valid/emoji.json")));
    QVERIFY(original.ok());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("saved.json"));
    DatasetWriter::Options options;
    options.texts = DatasetWriter::ArticleTexts::Files;
    QString error;
    QVERIFY2(DatasetWriter::write(original.dataset, path, options, &error), qPrintable(error));
    const auto copy = DatasetReader::readFile(path);
    QVERIFY2(copy.ok() && copy.diagnostics.isEmpty(),
             qPrintable(copy.diagnostics.value(0).toString()));
    QStringList expected{QStringLiteral("saved.json")};
    for (const Article &article : copy.dataset->articles) {
        QVERIFY(!article.textFile.isEmpty());
        QVERIFY(!expected.contains(article.textFile));
        expected.append(article.textFile);
        QCOMPARE(QString::fromUtf8(fileContents(dir.filePath(article.textFile))), article.text);
    }
    expected.sort();
    QCOMPARE(filesIn(dir.path()), expected);
    QVERIFY(!fileContents(path).contains("\"text\""));
    const QString difference = datasetequality::difference(*original.dataset, *copy.dataset, savedTextsRenamed);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

void DatasetWriterTest::textsWrittenInlineReadBack() {
    const auto original = DatasetReader::readFile(shippedDatasetPath());
    QVERIFY(original.ok());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("saved.json"));
    DatasetWriter::Options options;
    options.texts = DatasetWriter::ArticleTexts::Inline;
    QString error;
    QVERIFY2(DatasetWriter::write(original.dataset, path, options, &error), qPrintable(error));
    QCOMPARE(filesIn(dir.path()), QStringList{QStringLiteral("saved.json")});
    const auto copy = DatasetReader::readFile(path);
    QVERIFY(copy.ok());
    for (const Article &article : copy.dataset->articles)
        QVERIFY(article.textFile.isEmpty());
    const QString difference = datasetequality::difference(*original.dataset, *copy.dataset, savedTextsRenamed);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

void DatasetWriterTest::textFileNamesAreSafeAndDistinct() {
    // Names from the data that would leave the folder, hit the dataset itself or merge two
    // different texts are replaced by articles/ID.txt, made safe and distinct.
    Dataset dataset;
    const auto article = [](const QString &id, const QString &file, const QString &text) {
        Article a;
        a.id = id;
        a.textFile = file;
        a.text = text;
        return a;
    };
    dataset.articles = {
        article(QStringLiteral("a"), QStringLiteral("../outside.txt"), QStringLiteral("1")),
        article(QStringLiteral("b"), QStringLiteral("/etc/passwd"), QStringLiteral("2")),
        article(QStringLiteral("c"), QStringLiteral("saved.json"), QStringLiteral("3")),
        article(QStringLiteral("d"), QStringLiteral("t.txt"), QStringLiteral("4")),
        article(QStringLiteral("e"), QStringLiteral("T.txt"), QStringLiteral("5")),
        article(QStringLiteral("f"), QStringLiteral("t.txt"), QStringLiteral("4")),
        article(QStringLiteral("../x\n"), QString(), QStringLiteral("6")),
        article(QStringLiteral("a"), QString(), QStringLiteral("7"))};
    dataset.reindex();
    DatasetWriter::Options options;
    options.texts = DatasetWriter::ArticleTexts::Files;
    QCOMPARE(
        DatasetWriter::textFileNames(dataset, options, QStringLiteral("saved.json")),
        (QStringList{QStringLiteral("articles/a.txt"), QStringLiteral("articles/b.txt"),
                     QStringLiteral("articles/c.txt"), QStringLiteral("t.txt"),
                     QStringLiteral("articles/e.txt"), QStringLiteral("t.txt"),
                     QStringLiteral("articles/_._x_.txt"), QStringLiteral("articles/a-2.txt")}));
    options.texts = DatasetWriter::ArticleTexts::AsRead;
    QCOMPARE(DatasetWriter::textFileNames(dataset, options, QStringLiteral("saved.json")).mid(6),
             (QStringList{QString(), QString()}));
}

void DatasetWriterTest::failedTextFileLeavesTheDatasetUntouched() {
    // Text files are written before the dataset: when one cannot be, the dataset on disk
    // is not touched (it would name a text that is not there).
    const auto original = DatasetReader::readFile(shippedDatasetPath());
    QVERIFY(original.ok());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("saved.json"));
    QVERIFY(putFile(path, "{\"the\": \"old file\"}"));
    // "articles" is a file, so no text can go into an articles/ folder.
    QVERIFY(putFile(dir.filePath(QStringLiteral("articles")), "not a folder"));
    QString error;
    QVERIFY(!DatasetWriter::write(original.dataset, path, {}, &error));
    QVERIFY2(error.startsWith(path + QStringLiteral(": cannot write: article text articles/")),
             qPrintable(error));
    QCOMPARE(fileContents(path), QByteArray("{\"the\": \"old file\"}"));
    QCOMPARE(filesIn(dir.path()),
             (QStringList{QStringLiteral("articles"), QStringLiteral("saved.json")}));
}

void DatasetWriterTest::largeSaveFailingPartWayKeepsTheOldFile() {
    // Streamed a megabyte at a time: a write refused after several of them still leaves
    // the old file and no temporary file.
    const auto dataset = makeSyntheticDataset(5000);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("saved.json"));
    QVERIFY(putFile(path, "old"));
    rlimit saved{};
    QCOMPARE(::getrlimit(RLIMIT_FSIZE, &saved), 0);
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limited = saved;
    limited.rlim_cur = 3 * 1024 * 1024 + 100;
    QCOMPARE(::setrlimit(RLIMIT_FSIZE, &limited), 0);
    QString error;
    const bool written = DatasetWriter::write(*dataset, path, {}, &error);
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previousHandler);
    QVERIFY(DatasetWriter::toJson(*dataset).size() > 4 * 1024 * 1024);
    QVERIFY(!written);
    QVERIFY2(error.startsWith(path + QStringLiteral(": cannot write: only 3145828 of ")),
             qPrintable(error));
    QCOMPARE(fileContents(path), QByteArray("old"));
    QCOMPARE(filesIn(dir.path()), QStringList{QStringLiteral("saved.json")});
}

void DatasetWriterTest::asyncSaveEmitsFinishedWithTheSameBytes() {
    const std::shared_ptr<const Dataset> dataset = makeSyntheticDataset(3000);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("saved.json"));
    SaveJob job(dataset, path);
    QSignalSpy finished(&job, &SaveJob::finished);
    QSignalSpy progress(&job, &SaveJob::progress);
    job.start();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(0).toBool(), true);
    QVERIFY(finished.first().at(1).toString().isEmpty());
    QVERIFY(!job.isRunning());
    QVERIFY(progress.count() >= 3);
    QCOMPARE(progress.last().at(0).toLongLong(), 3000);
    QCOMPARE(progress.last().at(1).toLongLong(), 3000);
    QCOMPARE(fileContents(path), DatasetWriter::toJson(*dataset));
}

void DatasetWriterTest::cancelledAsyncSaveKeepsTheOldFile() {
    const std::shared_ptr<const Dataset> dataset = makeSyntheticDataset(3000);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("saved.json"));
    QVERIFY(putFile(path, "old"));
    SaveJob job(dataset, path);
    QSignalSpy finished(&job, &SaveJob::finished);
    job.cancel(); // before it starts: it stops at the first progress report
    job.start();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().at(0).toBool(), false);
    QCOMPARE(finished.first().at(1).toString(), path + QStringLiteral(": cannot write: cancelled"));
    QCOMPARE(fileContents(path), QByteArray("old"));
    QCOMPARE(filesIn(dir.path()), QStringList{QStringLiteral("saved.json")});
}

QTEST_GUILESS_MAIN(DatasetWriterTest)
#include "datasetwritertest.moc"
