#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// Checks the default dataset and the fixtures against docs/negotiation-timeline.schema.json
// with an independent validator (python3-jsonschema), so that the schema and our loader
// cannot drift apart.
class SchemaValidationTest : public QObject
{
    Q_OBJECT
private slots:
    void fileMatchesTheSchema_data();
    void fileMatchesTheSchema();
    void schemaRejectsWhatTheLoaderRejects_data();
    void schemaRejectsWhatTheLoaderRejects();

private:
    static QString schemaPath() { return QStringLiteral(NTL_SOURCE_DIR "/docs/negotiation-timeline.schema.json"); }
    static int validate(const QString &file, QString *output);
};

int SchemaValidationTest::validate(const QString &file, QString *output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("python3"), {QStringLiteral(NTL_SCHEMA_VALIDATOR), schemaPath(), file});
    if (!process.waitForFinished(120000))
        return -1;
    *output = QString::fromUtf8(process.readAll());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

void SchemaValidationTest::fileMatchesTheSchema_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("default dataset") << QStringLiteral(NTL_SOURCE_DIR "/resources/datasets/peace-talks-2025/dataset.json");
    const QDir valid(QStringLiteral(NTL_TEST_DATA_DIR "/valid"));
    for (const QString &name : valid.entryList({QStringLiteral("*.json")}, QDir::Files))
        QTest::newRow(qPrintable(name)) << valid.filePath(name);
    QTest::newRow("textfile/dataset.json") << valid.filePath(QStringLiteral("textfile/dataset.json"));
}

void SchemaValidationTest::fileMatchesTheSchema()
{
    QFETCH(QString, file);
    QString output;
    const int exitCode = validate(file, &output);
    QVERIFY2(exitCode == 0, qPrintable(output));
}

void SchemaValidationTest::schemaRejectsWhatTheLoaderRejects_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("expected");
    QTest::newRow("status") << QByteArray("\"status\": \"planned\"") << QByteArray("\"status\": \"soon\"") << QStringLiteral("/events/2/status");
    QTest::newRow("version") << QByteArray("\"version\": 1") << QByteArray("\"version\": 2") << QStringLiteral("/version");
    QTest::newRow("date") << QByteArray("\"start\": \"2030-03-11\"") << QByteArray("\"start\": \"11 March\"") << QStringLiteral("/events/2/date/start");
    QTest::newRow("offset") << QByteArray("\"start\": 0,") << QByteArray("\"start\": -1,") << QStringLiteral("/events/0/sources/0/start");
    QTest::newRow("side colour") << QByteArray("\"name\": \"North\"")
                                 << QByteArray("\"name\": \"North\", \"color\": \"blue\"")
                                 << QStringLiteral("/sides/0/color");
    QTest::newRow("kind") << QByteArray("\"kind\": \"organisation\"") << QByteArray("\"kind\": \"club\"") << QStringLiteral("/actors/3/kind");
}

void SchemaValidationTest::schemaRejectsWhatTheLoaderRejects()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, expected);
    QFile original(QStringLiteral(NTL_TEST_DATA_DIR "/valid/minimal.json"));
    QVERIFY(original.open(QIODevice::ReadOnly));
    QByteArray bytes = original.readAll();
    QVERIFY2(bytes.count(from) >= 1, from.constData());
    bytes.replace(bytes.indexOf(from), from.size(), to);
    QTemporaryDir dir;
    QFile broken(dir.filePath(QStringLiteral("broken.json")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write(bytes);
    broken.close();
    QString output;
    QCOMPARE(validate(broken.fileName(), &output), 1);
    QVERIFY2(output.contains(expected), qPrintable(output));
}

QTEST_GUILESS_MAIN(SchemaValidationTest)
#include "schemavalidationtest.moc"
