// The article importers (issue 16, item 2): plain text, HTML saved from a browser and PDF,
// on fixtures in tests/data/import/ and on files the tests make themselves.
#include "articleimporter.h"
#include "datasetreader.h"
#include "datasetwriter.h"
#include "htmlimporter.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace ntl;

namespace {

QString fixture(const char *name) {
    return QStringLiteral(NTL_TEST_DATA_DIR "/import/") + QLatin1String(name);
}

QString messages(const Diagnostics &diagnostics) {
    QStringList lines;
    for (const Diagnostic &diagnostic : diagnostics)
        lines.append(diagnostic.toString());
    return lines.join(u'\n');
}

// A PDF written by Qt, with `pages` each holding its lines of text (none: a drawing only).
QByteArray makePdf(const QList<QStringList> &pages, const QString &title = QString()) {
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setTitle(title);
        writer.setResolution(72);
        QPainter painter(&writer);
        painter.setFont(QFont(QStringLiteral("DejaVu Sans"), 12));
        for (qsizetype p = 0; p < pages.size(); ++p) {
            if (p > 0)
                writer.newPage();
            painter.drawRect(40, 40, 200, 100);
            int y = 200;
            for (const QString &line : pages.at(p)) {
                painter.drawText(60, y, line);
                y += 30;
            }
        }
    }
    return bytes;
}

} // namespace

class ArticleImporterTest : public QObject {
    Q_OBJECT

private slots:
    void htmlKeepsTheArticleAndLeavesOutTheRest();
    void htmlMetadataFromThePage();
    void htmlMetadataFallbacks_data();
    void htmlMetadataFallbacks();
    void htmlInTheCharsetItDeclares();
    void htmlPageWithoutTextIsRefused();
    void htmlDeepNestingIsBounded();
    void htmlLargerThanTheBoundIsRefused();
    void utf16ByItsByteOrderMark_data();
    void utf16ByItsByteOrderMark();
    void utf8ByteOrderMarkIsStripped();
    void invalidUtf8IsRefusedAtItsByteOffset();
    void loneUtf16SurrogateIsRefusedAtItsByteOffset();
    void nulIsRefusedOtherControlsRemoved();
    void pastedTextIsNormalised();
    void pdfMadeHereReadsBackInOrder();
    void pdfWithoutTextSaysSo();
    void brokenPdfGivesAMessage();
    void otherKindsAreRefusedByName_data();
    void otherKindsAreRefusedByName();
    void onlyRegularFilesAreRead();
    void duplicateIsFoundByTextHash();
    void newIdFollowsTheConventionAndIsUnique();
    void importedArticleLoadsWithoutWarnings();
};

void ArticleImporterTest::htmlKeepsTheArticleAndLeavesOutTheRest() {
    const ArticleImporter::Result result = ArticleImporter::importFile(fixture("saved-page.html"));
    QVERIFY2(result.ok(), qPrintable(messages(result.diagnostics)));
    // The headline once, then each paragraph and list item on its own line, entities decoded.
    QCOMPARE(
        result.article->text,
        QStringLiteral("Talks resume in Geneva\n"
                       "The delegations met again on Sunday, Nov. 23, after a week\u2019s pause.\n"
                       "\u201cWe are closer than ever,\u201d the mediator said & left the room.\n"
                       "A second round is planned for next week <if all goes well>.\n"
                       "Ceasefire lines\n"
                       "Prisoner exchanges\n"));
    // Every marker the fixture puts in boilerplate, scripts, comments and the teaser.
    for (const char *marker : {"SCRIPT", "COOKIE", "HEADER", "NAV", "SHARE", "AD TEXT", "COMMENT",
                               "NOSCRIPT", "RELATED", "FORM", "SUBSCRIBE", "IFRAME", "MOST READ",
                               "FOOTER", "teaser", "Advertisement", "byline", "By A. Reporter"})
        QVERIFY2(!result.article->text.contains(QLatin1String(marker), Qt::CaseInsensitive),
                 marker);
}

void ArticleImporterTest::htmlMetadataFromThePage() {
    const ArticleImporter::Result result = ArticleImporter::importFile(fixture("saved-page.html"));
    QVERIFY(result.ok());
    const Article &article = *result.article;
    QCOMPARE(article.title,
             QStringLiteral("Talks resume in Geneva after a week\u2019s pause")); // og:title
    QCOMPARE(article.publisher, QStringLiteral("The Lakeside Herald"));           // og:site_name
    QCOMPARE(article.url, QStringLiteral("https://herald.example/world/talks-resume")); // canonical
    QCOMPARE(article.published, QDate(2025, 11, 23)); // JSON-LD, before <time> (the 22nd)
    QVERIFY(!article.publishedInferred);
    QCOMPARE(article.textSha256, ArticleImporter::textSha256(article.text));
    QVERIFY(article.id.isEmpty());
    QVERIFY2(result.diagnostics.isEmpty(), qPrintable(messages(result.diagnostics)));
}

void ArticleImporterTest::htmlMetadataFallbacks_data() {
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("publisher");
    QTest::addColumn<QDate>("published");
    QTest::addColumn<QString>("url");

    const QByteArray paragraph = "<p>The talks went on.</p>";
    QTest::newRow("JSON-LD publisher through @id, date, url")
        << QByteArray(
               R"(<script type="application/ld+json">{"@graph":[{"@type":"Organization","@id":"#o","name":"Herald &amp; Co"},)"
               R"({"@type":["NewsArticle"],"headline":"LD headline","datePublished":"2025-03-04T23:30:00-05:00","publisher":{"@id":"#o"},"mainEntityOfPage":{"@id":"https://h.example/a"}}]}</script>)")
        << QByteArray("<h1>Heading</h1>") + paragraph << QStringLiteral("LD headline")
        << QStringLiteral("Herald &amp; Co") << QDate(2025, 3, 4)
        << QStringLiteral("https://h.example/a");
    QTest::newRow("article:published_time, og:url, application-name, h1 over <title>")
        << QByteArray(
               R"(<title>Page title | Site</title><meta name="application-name" content="App Name">)"
               R"(<meta property="article:published_time" content="2024-02-29"><meta property="og:url" content="https://o.example/x">)")
        << QByteArray("<h1>The h1 &eacute;</h1>") + paragraph << QStringLiteral("The h1 \u00e9")
        << QStringLiteral("App Name") << QDate(2024, 2, 29)
        << QStringLiteral("https://o.example/x");
    QTest::newRow("<time datetime>, <title>, no web URL")
        << QByteArray(
               R"x(<title> Only   a title </title><link rel="canonical" href="javascript:alert(1)">)x")
        << QByteArray(R"(<p>By me <time datetime="2023-07-01T10:00">Saturday</time></p>)") +
               paragraph
        << QStringLiteral("Only a title") << QString() << QDate(2023, 7, 1) << QString();
    QTest::newRow("broken JSON-LD is passed over")
        << QByteArray(
               R"(<script type="application/ld+json">{"datePublished": "2020-01-01",</script>)")
        << QByteArray("<h1>H</h1><time datetime='2021-05-06'></time>") + paragraph
        << QStringLiteral("H") << QString() << QDate(2021, 5, 6) << QString();
}

void ArticleImporterTest::htmlMetadataFallbacks() {
    QFETCH(QByteArray, head);
    QFETCH(QByteArray, body);
    const QByteArray page = "<html><head>" + head + "</head><body>" + body + "</body></html>";
    const ArticleImporter::Result result =
        ArticleImporter::importBytes(page, QStringLiteral("page.html"), QDate(2030, 1, 1));
    QVERIFY2(result.ok(), qPrintable(messages(result.diagnostics)));
    QTEST(result.article->title, "title");
    QTEST(result.article->publisher, "publisher");
    QTEST(result.article->published, "published");
    QVERIFY(!result.article->publishedInferred);
    QTEST(result.article->url, "url");
    QVERIFY(result.article->text.endsWith(QLatin1String("\nThe talks went on.\n")));
}

void ArticleImporterTest::htmlInTheCharsetItDeclares() {
    // Windows-1252 curly quotes and an e acute: not UTF-8, so the page's own charset decides.
    const ArticleImporter::Result result = ArticleImporter::importBytes(
        "<html><head><meta charset=\"windows-1252\"><title>Caf\xe9</title></head>"
        "<body><p>\x93Quoted\x94 in the caf\xe9.</p></body></html>",
        QStringLiteral("cp1252.html"), QDate(2030, 1, 1));
    QVERIFY2(result.ok(), qPrintable(messages(result.diagnostics)));
    QCOMPARE(result.article->title, QStringLiteral("Caf\u00e9"));
    QCOMPARE(result.article->text,
             QStringLiteral("Caf\u00e9\n\u201cQuoted\u201d in the caf\u00e9.\n"));

    // UTF-16 with its byte-order mark.
    const QString page = QStringLiteral(
        "<html><body><h1>\u041f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u044b</h1>"
        "<p>Text.</p></body></html>");
    QByteArray utf16("\xff\xfe", 2);
    utf16.append(reinterpret_cast<const char *>(page.utf16()), page.size() * 2);
    const ArticleImporter::Result wide =
        ArticleImporter::importBytes(utf16, QStringLiteral("wide.html"), QDate(2030, 1, 1));
    QVERIFY2(wide.ok(), qPrintable(messages(wide.diagnostics)));
    QCOMPARE(
        wide.article->text,
        QStringLiteral("\u041f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u044b\nText.\n"));
}

void ArticleImporterTest::htmlPageWithoutTextIsRefused() {
    const ArticleImporter::Result result = ArticleImporter::importBytes(
        "<html><head><title>App</title><script>render()</script></head><body><div id=root></div>"
        "<nav><p>Home</p></nav></body></html>",
        QStringLiteral("app.html"));
    QVERIFY(!result.ok());
    QCOMPARE(result.diagnostics.size(), 1);
    QVERIFY(result.diagnostics.first().isError());
    QCOMPARE(result.diagnostics.first().file, QStringLiteral("app.html"));
    QVERIFY2(result.diagnostics.first().message.contains(QLatin1String("no article text")),
             qPrintable(messages(result.diagnostics)));
}

void ArticleImporterTest::htmlDeepNestingIsBounded() {
    const int depth = 100000;
    QByteArray page = "<html><body><p>Top paragraph.</p>";
    for (int i = 0; i < depth; ++i)
        page += "<span>";
    page += "deep";
    page += "</body></html>";
    const ArticleImporter::Result result =
        ArticleImporter::importBytes(page, QStringLiteral("deep.html"), QDate(2030, 1, 1));
    QVERIFY2(result.ok(), qPrintable(messages(result.diagnostics)));
    QCOMPARE(result.article->text, QStringLiteral("Top paragraph.\n"));
    QVERIFY2(messages(result.diagnostics).contains(QLatin1String("nested deeper than 256")),
             qPrintable(messages(result.diagnostics)));
}

void ArticleImporterTest::htmlLargerThanTheBoundIsRefused() {
    QByteArray page = "<html><body><p>";
    page += QByteArray(HtmlImporter::maxHtmlSize, 'x');
    page += "</p></body></html>";
    const ArticleImporter::Result result =
        ArticleImporter::importBytes(page, QStringLiteral("huge.html"));
    QVERIFY(!result.ok());
    QVERIFY2(
        messages(result.diagnostics).startsWith(QLatin1String("huge.html: error: the page is ")),
        qPrintable(messages(result.diagnostics)));
}

void ArticleImporterTest::utf16ByItsByteOrderMark_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("little-endian") << fixture("utf16le.txt");
    QTest::newRow("big-endian") << fixture("utf16be.txt");
}

void ArticleImporterTest::utf16ByItsByteOrderMark() {
    QFETCH(QString, file);
    const ArticleImporter::Result result = ArticleImporter::importFile(file);
    QVERIFY2(result.ok(), qPrintable(messages(result.diagnostics)));
    // The CR LF of the second line is one "\n".
    QCOMPARE(
        result.article->text,
        QStringLiteral("Ceasefire talks\nThe envoys met in Geneva on Monday.\n"
                       "They spoke of \u201cprogress\u201d \u2014 and of Kyiv\u2019s terms.\n"));
    QCOMPARE(result.article->title, QStringLiteral("Ceasefire talks"));
    // No date in a text: the file's, marked inferred, with a warning saying so.
    QVERIFY(result.article->publishedInferred);
    QCOMPARE(result.article->published, QFileInfo(file).lastModified().date());
    QVERIFY(messages(result.diagnostics).contains(QLatin1String("no publication date found")));
}

void ArticleImporterTest::utf8ByteOrderMarkIsStripped() {
    const ArticleImporter::Result result = ArticleImporter::importBytes(
        "\xef\xbb\xbfHeadline\r\rBody \xe2\x80\x94 text\r\n", QStringLiteral("bom.txt"));
    QVERIFY2(result.ok(), qPrintable(messages(result.diagnostics)));
    QCOMPARE(result.article->text, QStringLiteral("Headline\n\nBody \u2014 text\n"));
}

void ArticleImporterTest::invalidUtf8IsRefusedAtItsByteOffset() {
    const QString file = fixture("invalid-utf8.txt");
    const ArticleImporter::Result result = ArticleImporter::importFile(file);
    QVERIFY(!result.ok());
    QCOMPARE(result.diagnostics.size(), 1);
    const Diagnostic &error = result.diagnostics.first();
    QVERIFY(error.isError());
    QCOMPARE(error.file, file);
    // "Première ligne\n" is 16 bytes, "Second line with an é and then " 32: the 0xFF is byte 48,
    // on line 2, column 32 (counted in characters).
    QVERIFY2(error.message.startsWith(QLatin1String("not valid UTF-8 (at byte 48)")),
             qPrintable(error.message));
    QCOMPARE(error.line, 2);
    QCOMPARE(error.column, 32);
}

void ArticleImporterTest::loneUtf16SurrogateIsRefusedAtItsByteOffset() {
    QByteArray bytes("\xff\xfe", 2);
    bytes += QByteArray("A\0B\0", 4);
    bytes += QByteArray("\x00\xdc", 2); // a low surrogate alone, at byte 6
    bytes += QByteArray("C\0", 2);
    const ArticleImporter::Result result =
        ArticleImporter::importBytes(bytes, QStringLiteral("s.txt"));
    QVERIFY(!result.ok());
    QVERIFY2(result.diagnostics.first().message.startsWith(
                 QLatin1String("not valid UTF-16 LE (at byte 6)")),
             qPrintable(messages(result.diagnostics)));
    const ArticleImporter::Result odd =
        ArticleImporter::importBytes(QByteArray("\xfe\xff\0A\0", 5), QStringLiteral("o.txt"));
    QVERIFY(!odd.ok());
    QVERIFY2(odd.diagnostics.first().message.startsWith(
                 QLatin1String("not valid UTF-16 BE (at byte 4)")),
             qPrintable(messages(odd.diagnostics)));
}

void ArticleImporterTest::nulIsRefusedOtherControlsRemoved() {
    const ArticleImporter::Result nul =
        ArticleImporter::importBytes(QByteArray("Line one\nab\0c\n", 14), QStringLiteral("n.txt"));
    QVERIFY(!nul.ok());
    QCOMPARE(nul.diagnostics.first().line, 2);
    QCOMPARE(nul.diagnostics.first().column, 3);
    QVERIFY2(nul.diagnostics.first().message.contains(QLatin1String("NUL character (at byte 11)")),
             qPrintable(messages(nul.diagnostics)));

    const ArticleImporter::Result controls =
        ArticleImporter::importBytes("Title\nA\x1b[31mB\x07\tC\x7f\xc2\x85"
                                     "D\xe2\x80\xa8"
                                     "E\x0c"
                                     "F\n",
                                     QStringLiteral("c.txt"));
    QVERIFY2(controls.ok(), qPrintable(messages(controls.diagnostics)));
    // ESC, BEL and DEL removed; tab kept; NEL, LINE SEPARATOR and form feed are line breaks.
    QCOMPARE(controls.article->text, QStringLiteral("Title\nA[31mB\tC\nD\nE\nF\n"));
    QVERIFY2(
        messages(controls.diagnostics)
            .contains(QLatin1String("3 control characters removed, the first at line 2, column 2")),
        qPrintable(messages(controls.diagnostics)));
}

void ArticleImporterTest::pastedTextIsNormalised() {
    const ArticleImporter::Result result =
        ArticleImporter::importText(QStringLiteral("Envoys meet\r\nIn Geneva\u001b today.\r"),
                                    QStringLiteral("Clipboard"), QDate(2025, 11, 23));
    QVERIFY2(result.ok(), qPrintable(messages(result.diagnostics)));
    QCOMPARE(result.article->text, QStringLiteral("Envoys meet\nIn Geneva today.\n"));
    QCOMPARE(result.article->title, QStringLiteral("Envoys meet"));
    QCOMPARE(result.article->published, QDate(2025, 11, 23));
    QCOMPARE(result.article->textSha256, ArticleImporter::textSha256(result.article->text));
    QVERIFY(
        !ArticleImporter::importText(QStringLiteral(" \n\t\n"), QStringLiteral("Clipboard")).ok());
}

void ArticleImporterTest::pdfMadeHereReadsBackInOrder() {
    const QByteArray pdf =
        makePdf({{QStringLiteral("Envoys meet in Geneva"), QStringLiteral("The first paragraph.")},
                 {QStringLiteral("The second page follows.")}},
                QStringLiteral("Geneva report"));
    const ArticleImporter::Result result =
        ArticleImporter::importBytes(pdf, QStringLiteral("report.pdf"), QDate(2030, 1, 1));
    QVERIFY2(result.ok(), qPrintable(messages(result.diagnostics)));
    const QString &text = result.article->text;
    const qsizetype first = text.indexOf(QLatin1String("Envoys meet in Geneva"));
    const qsizetype second = text.indexOf(QLatin1String("The first paragraph."));
    const qsizetype third = text.indexOf(QLatin1String("The second page follows."));
    QVERIFY2(first >= 0 && second > first && third > second, qPrintable(text));
    QVERIFY(text.mid(second, third - second).contains(QLatin1String("\n\n"))); // a page break
    QCOMPARE(result.article->title, QStringLiteral("Geneva report"));
    // The creation date is today's, and only a guess.
    QCOMPARE(result.article->published, QDate::currentDate());
    QVERIFY(result.article->publishedInferred);
}

void ArticleImporterTest::pdfWithoutTextSaysSo() {
    const ArticleImporter::Result result =
        ArticleImporter::importBytes(makePdf({{}, {}}), QStringLiteral("scan.pdf"));
    QVERIFY(!result.ok());
    QCOMPARE(result.diagnostics.size(), 1);
    QVERIFY2(result.diagnostics.first().toString().startsWith(
                 QLatin1String("scan.pdf: error: the PDF has no text")),
             qPrintable(messages(result.diagnostics)));
}

void ArticleImporterTest::brokenPdfGivesAMessage() {
    QByteArray pdf = makePdf({{QStringLiteral("Some text")}});
    pdf.truncate(pdf.size() / 3);
    pdf.replace("obj", "xxx");
    const ArticleImporter::Result result =
        ArticleImporter::importBytes(pdf, QStringLiteral("broken.pdf"));
    QVERIFY(!result.ok());
    QVERIFY2(result.diagnostics.first().message.contains(QLatin1String("not a readable PDF")),
             qPrintable(messages(result.diagnostics)));
    // Named .pdf but not one at all.
    const ArticleImporter::Result fake =
        ArticleImporter::importBytes("just words", QStringLiteral("fake.pdf"));
    QVERIFY(!fake.ok());
    QVERIFY(fake.diagnostics.first().message.contains(QLatin1String("not a readable PDF")));
}

void ArticleImporterTest::otherKindsAreRefusedByName_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("message");
    QTest::newRow("docx") << QByteArray("PK\x03\x04rest") << QStringLiteral("a.docx")
                          << QStringLiteral("word-processor document");
    QTest::newRow("mhtml") << QByteArray("MIME-Version: 1.0") << QStringLiteral("a.mhtml")
                           << QStringLiteral("web archive");
}

void ArticleImporterTest::otherKindsAreRefusedByName() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, name);
    QFETCH(QString, message);
    const ArticleImporter::Result result = ArticleImporter::importBytes(bytes, name);
    QVERIFY(!result.ok());
    QCOMPARE(result.diagnostics.first().file, name);
    QVERIFY2(result.diagnostics.first().message.contains(message),
             qPrintable(messages(result.diagnostics)));
}

void ArticleImporterTest::onlyRegularFilesAreRead() {
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("pipe.txt"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    // Refused at once, without blocking on the FIFO.
    const ArticleImporter::Result result = ArticleImporter::importFile(fifo);
    QVERIFY(!result.ok());
    QVERIFY2(result.diagnostics.first().toString().startsWith(
                 fifo + QLatin1String(": error: cannot read the file: ")),
             qPrintable(messages(result.diagnostics)));
    QVERIFY(result.diagnostics.first().message.contains(QLatin1String("FIFO")));
    const ArticleImporter::Result folder = ArticleImporter::importFile(dir.path());
    QVERIFY(!folder.ok());
    QVERIFY(folder.diagnostics.first().message.contains(QLatin1String("folder")));
}

void ArticleImporterTest::duplicateIsFoundByTextHash() {
    Dataset dataset;
    Article existing;
    existing.id = QStringLiteral("a000-first");
    existing.text = QStringLiteral("The envoys met.\n");
    dataset.articles.append(existing);
    Article other;
    other.id = QStringLiteral("a001-other");
    other.text = QStringLiteral("Something else.\n");
    dataset.articles.append(other);
    dataset.reindex();
    QCOMPARE(ArticleImporter::duplicateOf(dataset, QStringLiteral("Something else.\n")),
             QStringLiteral("a001-other"));
    QCOMPARE(ArticleImporter::duplicateOf(dataset, QStringLiteral("The envoys met.\n")),
             QStringLiteral("a000-first"));
    QVERIFY(ArticleImporter::duplicateOf(dataset, QStringLiteral("The envoys met!\n")).isEmpty());

    // The same text by two routes (UTF-16 LE and BE files) is found as one.
    const ArticleImporter::Result le = ArticleImporter::importFile(fixture("utf16le.txt"));
    const ArticleImporter::Result be = ArticleImporter::importFile(fixture("utf16be.txt"));
    QVERIFY(le.ok() && be.ok());
    Article first = *le.article;
    first.id = QStringLiteral("a002-le");
    dataset.articles.append(first);
    dataset.reindex();
    QCOMPARE(ArticleImporter::duplicateOf(dataset, be.article->text), QStringLiteral("a002-le"));
    QCOMPARE(be.article->textSha256, le.article->textSha256);
}

void ArticleImporterTest::newIdFollowsTheConventionAndIsUnique() {
    Dataset dataset;
    QCOMPARE(ArticleImporter::newArticleId(
                 dataset, QStringLiteral("Talks Resume in Genève: the envoys' plan, again")),
             QStringLiteral("a000-talks-resume-in-geneve-the"));
    QCOMPARE(ArticleImporter::newArticleId(dataset, QStringLiteral("«»")), QStringLiteral("a000"));
    Article taken;
    taken.id = QStringLiteral("a001-talks");
    dataset.articles.append(Article{});
    dataset.articles.first().id = QStringLiteral("x");
    dataset.articles.append(taken);
    dataset.reindex();
    // Number 2 is next; an id already there is never given again.
    QCOMPARE(ArticleImporter::newArticleId(dataset, QStringLiteral("Talks")),
             QStringLiteral("a002-talks"));
    dataset.articles[0].id = QStringLiteral("a002-talks");
    dataset.reindex();
    QCOMPARE(ArticleImporter::newArticleId(dataset, QStringLiteral("Talks")),
             QStringLiteral("a003-talks"));
}

void ArticleImporterTest::importedArticleLoadsWithoutWarnings() {
    // What an import makes is an article the reader takes as it is: hash and all.
    Dataset dataset;
    dataset.title = QStringLiteral("Imported");
    for (const char *name : {"saved-page.html", "utf16le.txt"}) {
        const ArticleImporter::Result result = ArticleImporter::importFile(fixture(name));
        QVERIFY(result.ok());
        Article article = *result.article;
        article.id = ArticleImporter::newArticleId(dataset, article.title);
        dataset.articles.append(article);
        dataset.reindex();
    }
    QByteArray json = DatasetWriter::toJson(dataset);
    const DatasetReader::Result read =
        DatasetReader::readBytes(json, QStringLiteral("mem.json"), QString());
    QVERIFY2(read.ok(), qPrintable(messages(read.diagnostics)));
    QVERIFY2(read.diagnostics.isEmpty(), qPrintable(messages(read.diagnostics)));
    QCOMPARE(read.dataset->articles.size(), 2);
    QCOMPARE(read.dataset->articles.at(0).text, dataset.articles.at(0).text);
    QCOMPARE(read.dataset->articles.at(1).textSha256, dataset.articles.at(1).textSha256);
}

QTEST_MAIN(ArticleImporterTest)
#include "articleimportertest.moc"
