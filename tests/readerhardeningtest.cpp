#include "boundeddom.h"
#include "datasetreader.h"
#include "filebuffer.h"
#include "regularfile.h"
#include "utf8.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace ntl;

// What the reader promises of hostile files (docs/security.md): only regular files, read
// through no link out of the dataset's folder, never blocking, bounded while read, noticed
// when they change; article texts of well-formed UTF-8; and a document tree bounded in
// memory whatever the input.
class ReaderHardeningTest : public QObject {
    Q_OBJECT
private slots:
    void specialFilesAreRefusedAsDatasets_data();
    void specialFilesAreRefusedAsDatasets();
    void fifoAsArticleTextIsRefusedAtOnce();
    void nulAfterALinkNameIsRefused();
    void linkInsideTheFolderIsFollowed();
    void linkSwappedForAFolderLinkIsNotFollowedOut();
    void fileChangedWhileReadIsNoticed();
    void fileReplacedWhileReadIsNoticed();
    void folderWithoutSearchPermissionSaysSo();
    void articleTextCutInsideASequenceIsRefusedWithItsOffset();
    void byteOrderMarkOfATextFileIsSkipped();
    void invalidUtf8IsFoundAtItsFirstByte_data();
    void invalidUtf8IsFoundAtItsFirstByte();
    void unknownMembersAreSkippedWithoutBuildingThem();
    void knownArraysOfTinyValuesStopAtTheBudget();
    void containerWhereAStringBelongsIsReadEmpty();
    void hugeUnknownFieldLoadsWithAWarning();
    void hugeKnownArrayIsRefusedNotExhausted();
    void overlongTitleIsRefusedWhereItIs();
    void textFileNamedByManyArticlesIsReadOnce();
    void articleTextsOverTheirBudgetInAllAreRefusedUnread();

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }
    bool write(const QString &name, const QByteArray &bytes) const {
        QFile file(path(name));
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    }
};

namespace {

// A valid dataset whose only article reads its text from `textFile`, and whose event cites
// `quote` at 0..quote.size().
QByteArray datasetWithTextFile(const QByteArray &textFile, const QByteArray &quote = "Talks") {
    return R"({"format":"negotiation-timeline","version":1,"title":"t","offsetUnit":"codepoint",
"sides":[{"id":"s","name":"S"}],
"articles":[{"id":"a","title":"A","published":"2030-01-01","textFile":")" +
           textFile + R"("}],
"actors":[],
"events":[{"id":"e","title":"E","summary":"","kind":"talks","status":"occurred",
  "date":{"start":"2030-01-01","precision":"day","basis":"stated"},"participants":[],
  "sources":[{"article":"a","exact":")" +
           quote + R"(","start":0,"end":)" + QByteArray::number(quote.size()) + "}]}]}";
}

QString firstMessage(const DatasetReader::Result &result) {
    return result.diagnostics.isEmpty() ? QString() : result.diagnostics.first().toString();
}

} // namespace

void ReaderHardeningTest::specialFilesAreRefusedAsDatasets_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("words");
    QTest::newRow("/dev/zero") << QStringLiteral("/dev/zero")
                               << QStringLiteral("is a character device, not a regular file");
    QTest::newRow("/dev/null") << QStringLiteral("/dev/null")
                               << QStringLiteral("is a character device, not a regular file");
    QTest::newRow("a folder") << QStringLiteral("/tmp")
                              << QStringLiteral("is a folder, not a regular file");
    QTest::newRow("a FIFO") << QStringLiteral("fifo")
                            << QStringLiteral("is a FIFO, not a regular file");
    QTest::newRow("a link to /dev/zero")
        << QStringLiteral("zero-link.json") << QStringLiteral("is a character device");
}

void ReaderHardeningTest::specialFilesAreRefusedAsDatasets() {
    QFETCH(QString, file);
    QFETCH(QString, words);
    if (file == QLatin1String("fifo") && !QFile::exists(path(file)))
        QCOMPARE(::mkfifo(QFile::encodeName(path(file)).constData(), 0600), 0);
    if (file == QLatin1String("zero-link.json") && !QFile::exists(path(file)))
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), path(file)));
    const QString target = file.startsWith(u'/') ? file : path(file);
    // A FIFO without a writer would block a reader that opened it the usual way, and
    // /dev/zero never ends: without the check this test hangs until CTest's timeout.
    const auto result = DatasetReader::readFile(target);
    QVERIFY(!result.ok());
    QVERIFY2(firstMessage(result).contains(words), qPrintable(firstMessage(result)));
    QCOMPARE(result.diagnostics.first().file, target);
}

void ReaderHardeningTest::fifoAsArticleTextIsRefusedAtOnce() {
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("fifo-data")));
    QCOMPARE(
        ::mkfifo(QFile::encodeName(path(QStringLiteral("fifo-data/text.txt"))).constData(), 0600),
        0);
    QVERIFY(write(QStringLiteral("fifo-data/d.json"), datasetWithTextFile("text.txt")));
    const auto result = DatasetReader::readFile(path(QStringLiteral("fifo-data/d.json")));
    QVERIFY(!result.ok());
    QCOMPARE(result.diagnostics.first().jsonPath, QStringLiteral("/articles/0/textFile"));
    QVERIFY2(result.diagnostics.first().message.contains(
                 QStringLiteral("is a FIFO, not a regular file")),
             qPrintable(firstMessage(result)));
}

void ReaderHardeningTest::nulAfterALinkNameIsRefused() {
    // The attack of issue 12: "link.txt\u0000" where link.txt leads out of the folder. Qt
    // cuts the name at the NUL and would follow the link.
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("nul-data")));
    QVERIFY(write(QStringLiteral("outside.txt"), "Talks secret"));
    QVERIFY(QFile::link(path(QStringLiteral("outside.txt")),
                        path(QStringLiteral("nul-data/link.txt"))));
    QVERIFY(write(QStringLiteral("nul-data/d.json"), datasetWithTextFile("link.txt\\u0000")));
    const auto result = DatasetReader::readFile(path(QStringLiteral("nul-data/d.json")));
    QVERIFY(!result.ok());
    QCOMPARE(result.diagnostics.first().jsonPath, QStringLiteral("/articles/0/textFile"));
    QVERIFY2(result.diagnostics.first().message.contains(QStringLiteral("control character")),
             qPrintable(firstMessage(result)));
}

void ReaderHardeningTest::linkInsideTheFolderIsFollowed() {
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("in-data/texts")));
    QVERIFY(write(QStringLiteral("in-data/texts/real.txt"), "Talks in the folder"));
    QVERIFY(
        QFile::link(QStringLiteral("texts/real.txt"), path(QStringLiteral("in-data/alias.txt"))));
    QVERIFY(write(QStringLiteral("in-data/d.json"), datasetWithTextFile("alias.txt")));
    const auto result = DatasetReader::readFile(path(QStringLiteral("in-data/d.json")));
    QVERIFY2(result.ok(), qPrintable(firstMessage(result)));
    QCOMPARE(result.dataset->articles.first().text, QStringLiteral("Talks in the folder"));
}

void ReaderHardeningTest::linkSwappedForAFolderLinkIsNotFollowedOut() {
    // A folder on the way that is a link out: refused, naming where it leads.
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("swap-data")));
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("elsewhere")));
    QVERIFY(write(QStringLiteral("elsewhere/t.txt"), "Talks elsewhere"));
    QVERIFY(
        QFile::link(path(QStringLiteral("elsewhere")), path(QStringLiteral("swap-data/texts"))));
    RegularFile file;
    QString error;
    QString target;
    QVERIFY(!file.openInside(path(QStringLiteral("swap-data")), QStringLiteral("texts/t.txt"),
                             &error, &target));
    QVERIFY2(error.contains(QStringLiteral("outside the dataset's folder")), qPrintable(error));
    QCOMPARE(target, QFileInfo(path(QStringLiteral("elsewhere/t.txt"))).canonicalFilePath());
}

void ReaderHardeningTest::fileChangedWhileReadIsNoticed() {
    QVERIFY(write(QStringLiteral("growing.json"), "{\"a\": 1}"));
    auto file = std::make_unique<RegularFile>();
    QString error;
    QVERIFY(file->open(path(QStringLiteral("growing.json")), &error));
    {
        QFile other(path(QStringLiteral("growing.json")));
        QVERIFY(other.open(QIODevice::Append));
        QCOMPARE(other.write(" more"), qint64(5)); // written between open and read
    }
    FileBuffer buffer;
    QVERIFY(!buffer.load(std::move(file), DatasetReader::maxFileSize, &error));
    QCOMPARE(error, QStringLiteral("the file changed while it was read"));
}

void ReaderHardeningTest::fileReplacedWhileReadIsNoticed() {
    QVERIFY(write(QStringLiteral("replaced.json"), "{\"a\": 1}"));
    QVERIFY(write(QStringLiteral("replacement.json"), "{\"b\": 2}"));
    RegularFile file;
    QString error;
    QVERIFY(file.open(path(QStringLiteral("replaced.json")), &error));
    QCOMPARE(::rename(QFile::encodeName(path(QStringLiteral("replacement.json"))).constData(),
                      QFile::encodeName(path(QStringLiteral("replaced.json"))).constData()),
             0);
    QByteArray bytes;
    QVERIFY(!file.readAll(1024, &bytes, &error));
    QCOMPARE(error, QStringLiteral("the file changed while it was read"));
}

void ReaderHardeningTest::folderWithoutSearchPermissionSaysSo() {
    // As root, permissions do not apply: the check then runs as "nobody" in a child.
    QTemporaryDir shared(QStringLiteral("/tmp/ntl-perm-XXXXXX"));
    QVERIFY(shared.isValid());
    QVERIFY(QFile::setPermissions(
        shared.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                           QFileDevice::ReadOther | QFileDevice::ExeOther));
    const QString locked = shared.filePath(QStringLiteral("locked"));
    QVERIFY(QDir().mkpath(locked));
    {
        QFile f(locked + QStringLiteral("/d.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{}");
    }
    QVERIFY(QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    QString error;
    if (::geteuid() != 0) {
        RegularFile file;
        QVERIFY(!file.open(locked + QStringLiteral("/d.json"), &error));
        QCOMPARE(error, QStringLiteral("permission denied"));
        return;
    }
    // Root: the real program, as nobody.
    QProcess process;
    process.start(QStringLiteral("setpriv"),
                  {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                   QStringLiteral("--clear-groups"), QStringLiteral(NTL_APP_PATH),
                   QStringLiteral("--check"), locked + QStringLiteral("/d.json")});
    QVERIFY(process.waitForFinished(60000));
    const QString out =
        QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
    QCOMPARE(process.exitCode(), 1);
    QVERIFY2(out.contains(QStringLiteral("d.json: error: permission denied")), qPrintable(out));
}

void ReaderHardeningTest::articleTextCutInsideASequenceIsRefusedWithItsOffset() {
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("cut-data")));
    // "Talks é" and the first byte of "€" (E2 82 AC): cut after E2.
    QVERIFY(write(QStringLiteral("cut-data/t.txt"), "Talks \xC3\xA9 \xE2"));
    QVERIFY(write(QStringLiteral("cut-data/d.json"), datasetWithTextFile("t.txt")));
    const auto result = DatasetReader::readFile(path(QStringLiteral("cut-data/d.json")));
    QVERIFY(!result.ok());
    QCOMPARE(result.diagnostics.first().jsonPath, QStringLiteral("/articles/0/textFile"));
    QVERIFY2(result.diagnostics.first().message.contains(
                 QStringLiteral("is not valid UTF-8 (at byte 9)")),
             qPrintable(firstMessage(result)));
}

void ReaderHardeningTest::byteOrderMarkOfATextFileIsSkipped() {
    // As docs/format.md says: offsets count from the character after it.
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("bom-data")));
    QVERIFY(write(QStringLiteral("bom-data/t.txt"), "\xEF\xBB\xBFTalks here"));
    QVERIFY(write(QStringLiteral("bom-data/d.json"), datasetWithTextFile("t.txt")));
    const auto result = DatasetReader::readFile(path(QStringLiteral("bom-data/d.json")));
    QVERIFY2(result.ok(), qPrintable(firstMessage(result)));
    QCOMPARE(result.dataset->articles.first().text, QStringLiteral("Talks here"));
}

void ReaderHardeningTest::invalidUtf8IsFoundAtItsFirstByte_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("offset");
    QTest::newRow("ASCII") << QByteArray("plain") << -1;
    QTest::newRow("every length") << QByteArray(
                                         "\x7F\xC2\x80\xE0\xA0\x80\xF0\x90\x80\x80\xF4\x8F\xBF\xBF")
                                  << -1;
    QTest::newRow("lone continuation") << QByteArray("ab\x80") << 2;
    QTest::newRow("overlong two") << QByteArray("a\xC1\xBF") << 1;
    QTest::newRow("overlong three") << QByteArray("a\xE0\x9F\xBF") << 1;
    QTest::newRow("surrogate") << QByteArray("ab\xED\xA0\x80") << 2;
    QTest::newRow("past U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << 0;
    QTest::newRow("cut at the end") << QByteArray("abc\xF0\x9F\x98") << 3;
    QTest::newRow("cut before ASCII") << QByteArray("\xE2\x82z") << 0;
    QTest::newRow("F5") << QByteArray("\xF5\x80\x80\x80") << 0;
}

void ReaderHardeningTest::invalidUtf8IsFoundAtItsFirstByte() {
    QFETCH(QByteArray, bytes);
    QFETCH(int, offset);
    QCOMPARE(invalidUtf8At(bytes), qsizetype(offset));
}

void ReaderHardeningTest::unknownMembersAreSkippedWithoutBuildingThem() {
    // A megabyte of {} under an unknown key: nothing of it is built, so a budget far below
    // what it would cost is enough, and the key stays (to be warned about) as null.
    QByteArray text = R"({"format":"x","colour":[)";
    for (int i = 0; i < 500000; ++i)
        text += i ? ",{}" : "{}";
    text += R"(],"title":"t"})";
    std::atomic<qint64> budget{4096};
    Json dom;
    QCOMPARE(BoundedDom::parse(std::string_view(text.constData(), std::size_t(text.size())),
                               JsonShape::dataset(), budget, dom),
             BoundedDom::Outcome::Parsed);
    QVERIFY(dom["colour"].is_null());
    QCOMPARE(dom["title"].get<JsonString>(), JsonString("t"));
    QVERIFY(budget.load() > 0);
}

void ReaderHardeningTest::knownArraysOfTinyValuesStopAtTheBudget() {
    QByteArray text = R"({"sides":[)";
    for (int i = 0; i < 500000; ++i)
        text += i ? ",{}" : "{}";
    text += "]}";
    std::atomic<qint64> budget{1024 * 1024}; // far less than 500,000 objects cost
    Json dom;
    QCOMPARE(BoundedDom::parse(std::string_view(text.constData(), std::size_t(text.size())),
                               JsonShape::dataset(), budget, dom),
             BoundedDom::Outcome::TooLarge);
    // The same text with a syntax error is reported as one, however large.
    text.chop(1);
    std::atomic<qint64> ample{qint64(1) << 40};
    QCOMPARE(BoundedDom::parse(std::string_view(text.constData(), std::size_t(text.size())),
                               JsonShape::dataset(), ample, dom),
             BoundedDom::Outcome::SyntaxError);
}

void ReaderHardeningTest::containerWhereAStringBelongsIsReadEmpty() {
    const QByteArray text =
        R"({"title":[[1,2],{"a":[3]}],"sides":[{"id":{"x":1},"name":"N","extra":[1,2,3]}]})";
    std::atomic<qint64> budget{1024 * 1024};
    Json dom;
    QCOMPARE(BoundedDom::parse(std::string_view(text.constData(), std::size_t(text.size())),
                               JsonShape::dataset(), budget, dom),
             BoundedDom::Outcome::Parsed);
    QVERIFY(dom["title"].is_array());
    QVERIFY(dom["title"].empty());
    QVERIFY(dom["sides"][0]["id"].is_object());
    QVERIFY(dom["sides"][0]["id"].empty());
    QCOMPARE(dom["sides"][0]["name"].get<JsonString>(), JsonString("N"));
    QVERIFY(dom["sides"][0]["extra"].is_null());
}

void ReaderHardeningTest::hugeUnknownFieldLoadsWithAWarning() {
    QByteArray text = datasetWithTextFile("t.txt");
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("big-data")));
    QVERIFY(write(QStringLiteral("big-data/t.txt"), "Talks"));
    QByteArray filler = R"("colour":[)";
    filler.reserve(8 * 1024 * 1024);
    for (int i = 0; i < 3000000; ++i)
        filler += i ? ",{}" : "{}";
    filler += "],";
    text.insert(1, filler);
    QVERIFY(write(QStringLiteral("big-data/d.json"), text));
    const auto result = DatasetReader::readFile(path(QStringLiteral("big-data/d.json")));
    QVERIFY2(result.ok(), qPrintable(firstMessage(result)));
    QCOMPARE(result.diagnostics.size(), 1);
    QCOMPARE(result.diagnostics.first().message,
             QStringLiteral("unknown field \"colour\" ignored"));
}

void ReaderHardeningTest::hugeKnownArrayIsRefusedNotExhausted() {
    // 36 MB of {} as sides: about 2 GB as a plain DOM; refused at the budget instead.
    QByteArray text = R"({"format":"negotiation-timeline","version":1,"title":"t","sides":[)";
    text.reserve(40 * 1024 * 1024);
    for (int i = 0; i < 12000000; ++i)
        text += i ? ",{}" : "{}";
    text += R"(],"articles":[],"actors":[],"events":[]})";
    const auto result = DatasetReader::readBytes(text, QStringLiteral("sides.json"), m_dir.path());
    QVERIFY(!result.ok());
    QCOMPARE(result.diagnostics.size(), 1);
    QCOMPARE(result.diagnostics.first().jsonPath, QStringLiteral("/"));
    QVERIFY2(result.diagnostics.first().message.startsWith(QStringLiteral("too large to read")),
             qPrintable(firstMessage(result)));
}

void ReaderHardeningTest::overlongTitleIsRefusedWhereItIs() {
    QByteArray text = datasetWithTextFile("t.txt");
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("long-data")));
    QVERIFY(write(QStringLiteral("long-data/t.txt"), "Talks"));
    text.replace(R"("title":"E")", R"("title":")" + QByteArray(1001, 'x') + '"');
    text.replace(R"("id":"s")", R"("id":")" + QByteArray(201, 's') + '"');
    QVERIFY(write(QStringLiteral("long-data/d.json"), text));
    const auto result = DatasetReader::readFile(path(QStringLiteral("long-data/d.json")));
    QVERIFY(!result.ok());
    QStringList lines;
    for (const Diagnostic &d : result.diagnostics)
        lines.append(d.toString());
    QVERIFY2(
        lines.contains(
            path(QStringLiteral("long-data/d.json")) +
            QStringLiteral(": /sides/0/id: error: expected at most 200 characters, found 201")),
        qPrintable(lines.join(u'\n')));
    QVERIFY2(lines.contains(
                 path(QStringLiteral("long-data/d.json")) +
                 QStringLiteral(
                     ": /events/0/title: error: expected at most 1000 characters, found 1001")),
             qPrintable(lines.join(u'\n')));
}

namespace {

// A dataset whose articles read their texts from `textFiles`, one article each; its event
// cites the first.
QByteArray datasetWithTextFiles(const QList<QByteArray> &textFiles) {
    QByteArray articles;
    for (qsizetype i = 0; i < textFiles.size(); ++i)
        articles += (i ? "," : "") + QByteArray(R"({"id":"a)") + QByteArray::number(i) +
                    R"(","title":"A","published":"2030-01-01","textFile":")" + textFiles.at(i) +
                    R"("})";
    return R"({"format":"negotiation-timeline","version":1,"title":"t","offsetUnit":"codepoint",
"sides":[{"id":"s","name":"S"}],"articles":[)" +
           articles + R"(],"actors":[],
"events":[{"id":"e","title":"E","summary":"","kind":"talks","status":"occurred",
  "date":{"start":"2030-01-01","precision":"day","basis":"stated"},"participants":[],
  "sources":[{"article":"a0","exact":"Talks","start":0,"end":5}]}]})";
}

} // namespace

void ReaderHardeningTest::textFileNamedByManyArticlesIsReadOnce() {
    // Forty articles naming one big file cost what one does: it is read once (found by
    // what is opened, so a hard link to it is the same file) and its text shared.
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("shared-text")));
    const QByteArray text = "Talks " + QByteArray(1024 * 1024, 'x');
    QVERIFY(write(QStringLiteral("shared-text/big.txt"), text));
    QVERIFY(QFile::link(QStringLiteral("big.txt"), path(QStringLiteral("shared-text/link.txt"))));
    QCOMPARE(::link(QFile::encodeName(path(QStringLiteral("shared-text/big.txt"))).constData(),
                    QFile::encodeName(path(QStringLiteral("shared-text/hard.txt"))).constData()),
             0);
    QList<QByteArray> names(40, QByteArray("big.txt"));
    names[10] = "./big.txt";
    names[20] = "link.txt";
    names[30] = "hard.txt";
    const qint64 before = DatasetReader::articleTextBytesRead();
    const auto result = DatasetReader::readBytes(
        datasetWithTextFiles(names), QStringLiteral("d.json"), path(QStringLiteral("shared-text")));
    QVERIFY2(result.ok(), qPrintable(firstMessage(result)));
    QCOMPARE(DatasetReader::articleTextBytesRead() - before, qint64(text.size()));
    QCOMPARE(result.dataset->articles.size(), 40);
    for (const Article &article : result.dataset->articles) {
        QCOMPARE(article.text.size(), text.size());
        QCOMPARE(article.text.constData(), result.dataset->articles.first().text.constData());
    }
}

void ReaderHardeningTest::articleTextsOverTheirBudgetInAllAreRefusedUnread() {
    // Each under the 64 MiB of one text, five of them over the 256 MiB of all: the fifth
    // is refused before it is read, where it is named. Sparse files: no disk is used.
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("many-texts")));
    constexpr qint64 size = 60 * 1024 * 1024;
    QList<QByteArray> names;
    for (int i = 0; i < 5; ++i) {
        names.append("t" + QByteArray::number(i) + ".txt");
        QFile file(path(QStringLiteral("many-texts/") + QString::fromLatin1(names.last())));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write("Talks") == 5 && file.resize(size));
    }
    names.append("t0.txt"); // read already: costs nothing more
    const qint64 before = DatasetReader::articleTextBytesRead();
    const auto result = DatasetReader::readBytes(
        datasetWithTextFiles(names), QStringLiteral("d.json"), path(QStringLiteral("many-texts")));
    QVERIFY(!result.ok());
    QCOMPARE(DatasetReader::articleTextBytesRead() - before, 4 * size);
    qsizetype errors = 0;
    for (const Diagnostic &diagnostic : result.diagnostics) {
        if (diagnostic.severity != Diagnostic::Severity::Error)
            continue;
        ++errors;
        QCOMPARE(diagnostic.jsonPath, QStringLiteral("/articles/4/textFile"));
        QVERIFY2(diagnostic.message.contains(
                     QStringLiteral("article texts of this dataset exceed 256 MiB in all")),
                 qPrintable(diagnostic.toString()));
    }
    QCOMPARE(errors, 1);
}

QTEST_GUILESS_MAIN(ReaderHardeningTest)
#include "readerhardeningtest.moc"
