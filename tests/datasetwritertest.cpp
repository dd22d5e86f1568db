#include "datasetreader.h"
#include "datasetwriter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ntl;

class DatasetWriterTest : public QObject
{
    Q_OBJECT
private slots:
    void writtenDatasetReadsBackTheSame_data();
    void writtenDatasetReadsBackTheSame();
    void failedWriteKeepsTheOldFile();
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

QTEST_GUILESS_MAIN(DatasetWriterTest)
#include "datasetwritertest.moc"
