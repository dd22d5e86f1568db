#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QRadioButton>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <poppler-qt6.h>

#include "apprun.h"
#include "chronicleentry.h"
#include "chronicleheading.h"
#include "datasetreader.h"
#include "datasetwriter.h"
#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "exportoptions.h"
#include "exportdialog.h"
#include "syntheticdataset.h"
#include "viewexporter.h"

// Runs the real executable's Chronicle exports (--export FILE --view chronicle) and reads
// what they hold: the PDF's text through Poppler, the PNG's size, the Markdown and HTML
// as text and as XML. Dataset text with markup in it must come out escaped.
class ChronicleExportTest : public QObject {
    Q_OBJECT
private slots:
    void pdfHoldsEveryTitleWholeOnNumberedA4Pages();
    void letterGivesLetterPages();
    void markdownAndHtmlHoldEveryTitleWhole();
    void markupInTheDatasetIsEscaped();
    void pngHasTheWidthAskedAndGrowsWithTheEvents();
    void pngTooTallForItsScaleIsDrawnAtALowerOne();
    void pngTallerThanTheLimitsIsRefused();
    void filtersLimitTheEntries();
    void textFormatsAreTheChroniclesOnly();
    void failedWriteLeavesNoFileAndReports_data();
    void failedWriteLeavesNoFileAndReports();
    void exportDialogChoosesTheChronicleAndPreviewsIt();

private:
    static AppRun runExport(const QStringList &arguments) { return runApp(arguments, QString()); }
    static QString defaultDataset() {
        return QStringLiteral(NTL_SOURCE_DIR "/resources/datasets/peace-talks-2025/dataset.json");
    }
    static QStringList titlesOf(const QString &path);
    QString markupDataset();
    QTemporaryDir m_dir;
};

namespace {
// Whitespace collapsed (a title may wrap anywhere), a hyphen at a line's end joined.
QString normalised(QString text) {
    text.replace(QRegularExpression(QStringLiteral("-\\s*\\n\\s*")), QStringLiteral("-"));
    text.replace(QChar(0x00ad), QString()); // soft hyphen
    // Compatibility forms: a PDF's text gives the "ffi" ligature as one character.
    return text.normalized(QString::NormalizationForm_KC).simplified();
}

struct PdfText {
    int pages = 0;
    QList<QSizeF> pageSizes; // points
    QStringList pageTexts;
    QString body; // every page's text, the page numbers taken out, normalised
};

bool readPdf(const QString &path, PdfText *pdf, QString *problem) {
    std::unique_ptr<Poppler::Document> document = Poppler::Document::load(path);
    if (!document || document->isLocked()) {
        *problem = QStringLiteral("Poppler cannot read %1").arg(path);
        return false;
    }
    pdf->pages = document->numPages();
    QString all;
    static const QRegularExpression pageNumber(QStringLiteral("Page \\d+ of \\d+"));
    for (int i = 0; i < pdf->pages; ++i) {
        std::unique_ptr<Poppler::Page> page = document->page(i);
        if (!page) {
            *problem = QStringLiteral("no page %1 in %2").arg(i).arg(path);
            return false;
        }
        pdf->pageSizes.append(page->pageSizeF());
        const QString text = page->text(QRectF());
        pdf->pageTexts.append(text);
        all += QString(text).remove(pageNumber) + u'\n';
    }
    pdf->body = normalised(all);
    return true;
}

QString readText(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// The text a browser would show: the document parsed as XML, element text joined.
bool htmlText(const QString &html, QString *text, QString *problem) {
    QXmlStreamReader xml(html);
    QString all;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isCharacters())
            all += xml.text();
        else if (xml.isStartElement() || xml.isEndElement())
            all += u' ';
    }
    if (xml.hasError()) {
        *problem = QStringLiteral("not well-formed at line %1: %2")
                       .arg(xml.lineNumber())
                       .arg(xml.errorString());
        return false;
    }
    *text = normalised(all);
    return true;
}

// Markdown's backslash escapes undone: what a renderer shows of literal text.
QString markdownUnescaped(const QString &markdown) {
    static const QRegularExpression escape(
        QStringLiteral("\\\\([!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~])"));
    return normalised(QString(markdown).replace(escape, QStringLiteral("\\1")));
}
} // namespace

QStringList ChronicleExportTest::titlesOf(const QString &path) {
    const ntl::DatasetReader::Result result = ntl::DatasetReader::readFile(path);
    QStringList titles;
    if (result.ok()) {
        for (const ntl::Event &event : result.dataset->events)
            titles.append(event.title);
    }
    return titles;
}

// The test fixture, with markup and link tricks in its titles, names and URLs.
QString ChronicleExportTest::markupDataset() {
    QFile file(QStringLiteral(NTL_TEST_DATA_DIR "/valid/minimal.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    QJsonArray events = root.value(QStringLiteral("events")).toArray();
    QJsonObject first = events.at(0).toObject();
    first.insert(QStringLiteral("title"),
                 QStringLiteral("<script>alert(1)</script> & *bold* [x](y)"));
    first.insert(QStringLiteral("summary"),
                 QStringLiteral("# not a heading _em_ `code` <img src=x onerror=alert(2)>"));
    events.replace(0, first);
    root.insert(QStringLiteral("events"), events);
    QJsonArray articles = root.value(QStringLiteral("articles")).toArray();
    QJsonObject a = articles.at(0).toObject();
    a.insert(QStringLiteral("title"), QStringLiteral("<b>Wire</b> \"quoted\" 'single'"));
    a.insert(QStringLiteral("url"), QStringLiteral("javascript:alert(3)"));
    articles.replace(0, a);
    QJsonObject b = articles.at(1).toObject();
    b.insert(QStringLiteral("url"),
             QStringLiteral("https://example.org/a b?x=1&y=\"><script>alert(4)</script>"));
    articles.replace(1, b);
    root.insert(QStringLiteral("articles"), articles);
    const QString path = m_dir.filePath(QStringLiteral("markup.json"));
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return {};
    out.write(QJsonDocument(root).toJson());
    return path;
}

void ChronicleExportTest::pdfHoldsEveryTitleWholeOnNumberedA4Pages() {
    const QString out = m_dir.filePath(QStringLiteral("chronicle.pdf"));
    const AppRun r = runExport(
        {QStringLiteral("--export"), out, QStringLiteral("--view"), QStringLiteral("chronicle")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    PdfText pdf;
    QString problem;
    QVERIFY2(readPdf(out, &pdf, &problem), qPrintable(problem));
    QVERIFY2(pdf.pages > 1, qPrintable(QString::number(pdf.pages)));
    const QStringList titles = titlesOf(defaultDataset());
    QVERIFY(titles.size() > 20);
    for (const QString &title : titles)
        QVERIFY2(pdf.body.contains(normalised(title)), qPrintable(title));
    // A4 portrait (595 × 842 pt), each page numbered "Page N of M".
    for (int i = 0; i < pdf.pages; ++i) {
        QVERIFY2(qAbs(pdf.pageSizes.at(i).width() - 595.3) < 1.5 &&
                     qAbs(pdf.pageSizes.at(i).height() - 841.9) < 1.5,
                 qPrintable(QStringLiteral("%1x%2")
                                .arg(pdf.pageSizes.at(i).width())
                                .arg(pdf.pageSizes.at(i).height())));
        QVERIFY2(normalised(pdf.pageTexts.at(i))
                     .contains(QStringLiteral("Page %1 of %2").arg(i + 1).arg(pdf.pages)),
                 qPrintable(pdf.pageTexts.at(i).right(200)));
    }
    // The title block and the references at the end, with the articles' titles.
    const ntl::DatasetReader::Result dataset = ntl::DatasetReader::readFile(defaultDataset());
    QVERIFY(pdf.body.startsWith(normalised(dataset.dataset->title)));
    QVERIFY(pdf.body.contains(QStringLiteral("%1 events").arg(titles.size())));
    const int references = int(pdf.body.lastIndexOf(QStringLiteral("References")));
    QVERIFY2(references > pdf.body.size() / 2, qPrintable(pdf.body.right(300)));
    for (const ntl::Article &article : dataset.dataset->articles)
        QVERIFY2(pdf.body.indexOf(normalised(article.title), references) > references,
                 qPrintable(article.title));
    // No line drawn twice across a page break: each title occurs as often as in the
    // Markdown export, which has no pages (a title may also occur in another's quote).
    const QString md = m_dir.filePath(QStringLiteral("same.md"));
    const AppRun markdownRun = runExport(
        {QStringLiteral("--export"), md, QStringLiteral("--view"), QStringLiteral("chronicle")});
    QVERIFY2(markdownRun.exitCode == 0, qPrintable(markdownRun.err));
    const QString markdown = markdownUnescaped(readText(md));
    // Pages break before a heading or an entry's date line, so check those as well.
    QStringList lines = titles;
    for (const ntl::Event &event : dataset.dataset->events) {
        const ntl::ChronicleEntry entry = ntl::ChronicleEntry::of(*dataset.dataset, event);
        lines.append(ntl::ChronicleHeading::of(event.date).text());
        lines.append(entry.dateText + QStringLiteral(" · ") +
                     entry.sideNames.join(QStringLiteral(", ")));
    }
    for (const QString &line : std::as_const(lines)) {
        const QString whole = normalised(line);
        QVERIFY2(pdf.body.count(whole) == markdown.count(whole),
                 qPrintable(QStringLiteral("%1: %2 in the PDF, %3 in Markdown")
                                .arg(line)
                                .arg(pdf.body.count(whole))
                                .arg(markdown.count(whole))));
    }
}

void ChronicleExportTest::letterGivesLetterPages() {
    const QString out = m_dir.filePath(QStringLiteral("letter.pdf"));
    const AppRun r = runExport({QStringLiteral("--export"), out, QStringLiteral("--view"),
                                QStringLiteral("chronicle"), QStringLiteral("--page"),
                                QStringLiteral("Letter")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    PdfText pdf;
    QString problem;
    QVERIFY2(readPdf(out, &pdf, &problem), qPrintable(problem));
    QVERIFY(pdf.pages > 1);
    for (const QSizeF &size : pdf.pageSizes)
        QVERIFY2(qAbs(size.width() - 612) < 1.5 && qAbs(size.height() - 792) < 1.5,
                 qPrintable(QStringLiteral("%1x%2").arg(size.width()).arg(size.height())));
}

void ChronicleExportTest::markdownAndHtmlHoldEveryTitleWhole() {
    const QString md = m_dir.filePath(QStringLiteral("chronicle.md"));
    const QString html = m_dir.filePath(QStringLiteral("chronicle.html"));
    for (const QString &out : {md, html}) {
        const AppRun r = runExport({QStringLiteral("--export"), out, QStringLiteral("--view"),
                                    QStringLiteral("chronicle")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    const QString markdown = markdownUnescaped(readText(md));
    QString shown;
    QString problem;
    const QString page = readText(html);
    QVERIFY2(htmlText(page, &shown, &problem), qPrintable(problem));
    const QStringList titles = titlesOf(defaultDataset());
    QVERIFY(titles.size() > 20);
    for (const QString &title : titles) {
        QVERIFY2(markdown.contains(normalised(title)), qPrintable(title));
        QVERIFY2(shown.contains(normalised(title)), qPrintable(title));
    }
    QVERIFY(markdown.contains(QStringLiteral("References")));
    // Self-contained: UTF-8, inline style only; nothing fetched, nothing run.
    QVERIFY(page.contains(QStringLiteral("<meta charset=\"utf-8\"")));
    for (const char *outside : {"<script", "<link", "<img", "<iframe", "@import", "url(", " src="})
        QVERIFY2(!page.contains(QLatin1String(outside), Qt::CaseInsensitive), outside);
}

void ChronicleExportTest::markupInTheDatasetIsEscaped() {
    const QString input = markupDataset();
    QVERIFY(!input.isEmpty());
    QVERIFY2(titlesOf(input).contains(QStringLiteral("<script>alert(1)</script> & *bold* [x](y)")),
             "the fixture does not load");
    const QString md = m_dir.filePath(QStringLiteral("markup.md"));
    const QString html = m_dir.filePath(QStringLiteral("markup.html"));
    for (const QString &out : {md, html}) {
        const AppRun r = runExport({input, QStringLiteral("--export"), out,
                                    QStringLiteral("--view"), QStringLiteral("chronicle")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    // Markdown: every markup character of the title escaped, so it reads as written.
    const QString markdown = readText(md);
    QVERIFY2(markdown.contains(
                 QStringLiteral("\\<script\\>alert(1)\\</script\\> \\& \\*bold\\* \\[x\\](y)")),
             qPrintable(markdown));
    QVERIFY(markdown.contains(QStringLiteral("\\# not a heading \\_em\\_ \\`code\\` \\<img")));
    // No tag the data wrote is left unescaped: each '<' of it has its backslash.
    static const QRegularExpression rawTag(QStringLiteral("(?<!\\\\)<(script|img|b>|/)"));
    QVERIFY2(!rawTag.match(markdown).hasMatch(), qPrintable(rawTag.match(markdown).captured()));
    // A link only for an http(s) URL, percent-encoded; a javascript: URL is never linked.
    QVERIFY(!markdown.contains(QStringLiteral("](javascript")) &&
            !markdown.contains(QStringLiteral("](<javascript")));
    QVERIFY2(markdown.contains(QStringLiteral(
                 "](<https://example.org/a%20b?x=1&y=%22%3E%3Cscript%3Ealert(4)%3C/script%3E>)")),
             qPrintable(markdown));

    // HTML: well-formed, no element from the data, the text shown exactly as written.
    const QString page = readText(html);
    QString shown;
    QString problem;
    QVERIFY2(htmlText(page, &shown, &problem), qPrintable(problem));
    QVERIFY(!page.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
    QVERIFY(!page.contains(QStringLiteral("<img"), Qt::CaseInsensitive));
    QVERIFY(!page.contains(QStringLiteral("<b>")));
    QVERIFY(
        page.contains(QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt; &amp; *bold* [x](y)")));
    QVERIFY(shown.contains(QStringLiteral("<script>alert(1)</script> & *bold* [x](y)")));
    QVERIFY(shown.contains(QStringLiteral("<b>Wire</b> \"quoted\" 'single'")));
    QVERIFY(!page.contains(QStringLiteral("href=\"javascript"), Qt::CaseInsensitive));
    // Every attribute value is what the writer meant: only http(s) links, no handlers.
    QXmlStreamReader xml(page);
    int links = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        for (const QXmlStreamAttribute &attribute : xml.attributes()) {
            QVERIFY2(!attribute.name().startsWith(QLatin1String("on")),
                     qPrintable(attribute.name().toString()));
            if (attribute.name() == QLatin1String("href")) {
                ++links;
                QVERIFY2(attribute.value().startsWith(
                             QLatin1String("https://example.org/a%20b?x=1&y=%22%3E%3Cscript")),
                         qPrintable(attribute.value().toString()));
            }
        }
    }
    QCOMPARE(links, 1);
}

void ChronicleExportTest::pngHasTheWidthAskedAndGrowsWithTheEvents() {
    const QString all = m_dir.filePath(QStringLiteral("all.png"));
    const QString some = m_dir.filePath(QStringLiteral("some.png"));
    AppRun r =
        runExport({QStringLiteral("--export"), all, QStringLiteral("--view"),
                   QStringLiteral("chronicle"), QStringLiteral("--size"),
                   QStringLiteral("800xauto"), QStringLiteral("--scale"), QStringLiteral("1")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = runExport({QStringLiteral("--export"), some, QStringLiteral("--view"),
                   QStringLiteral("chronicle"), QStringLiteral("--size"),
                   QStringLiteral("800xauto"), QStringLiteral("--scale"), QStringLiteral("1"),
                   QStringLiteral("--from"), QStringLiteral("2025-11-20")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QImage allImage(all);
    const QImage someImage(some);
    QCOMPARE(allImage.width(), 800);
    QCOMPARE(someImage.width(), 800);
    QVERIFY2(allImage.height() > someImage.height() + 200 && someImage.height() > 200,
             qPrintable(QStringLiteral("%1 vs %2").arg(allImage.height()).arg(someImage.height())));
    // Twice the scale: twice the pixels, the same layout.
    const QString sharp = m_dir.filePath(QStringLiteral("sharp.png"));
    r = runExport({QStringLiteral("--export"), sharp, QStringLiteral("--view"),
                   QStringLiteral("chronicle"), QStringLiteral("--size"),
                   QStringLiteral("800xauto"), QStringLiteral("--scale"), QStringLiteral("2"),
                   QStringLiteral("--from"), QStringLiteral("2025-11-20")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QImage sharpImage(sharp);
    QCOMPARE(sharpImage.width(), 1600);
    QVERIFY2(
        qAbs(sharpImage.height() - 2 * someImage.height()) <= 2,
        qPrintable(QStringLiteral("%1 vs %2").arg(sharpImage.height()).arg(someImage.height())));
}

void ChronicleExportTest::pngTooTallForItsScaleIsDrawnAtALowerOne() {
    // The default dataset at 4× is taller than a PNG may be; at a lower scale it fits: a PNG
    // a little less sharp, rather than none.
    const QString out = m_dir.filePath(QStringLiteral("scaled.png"));
    const AppRun r =
        runExport({QStringLiteral("--export"), out, QStringLiteral("--view"),
                   QStringLiteral("chronicle"), QStringLiteral("--size"),
                   QStringLiteral("800xauto"), QStringLiteral("--scale"), QStringLiteral("4")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QImage image(out);
    QVERIFY(!image.isNull());
    QVERIFY2(image.width() == 800 || image.width() == 1600 || image.width() == 2400,
             qPrintable(QString::number(image.width())));
    QVERIFY(image.height() <= ntl::ExportOptions::maxSide);
    QVERIFY(qint64(image.width()) * image.height() <= ntl::ExportOptions::maxPixels);
    // Drawn whole: as tall, for its scale, as the same export at 1×.
    const QString one = m_dir.filePath(QStringLiteral("one.png"));
    QCOMPARE(runExport({QStringLiteral("--export"), one, QStringLiteral("--view"),
                        QStringLiteral("chronicle"), QStringLiteral("--size"),
                        QStringLiteral("800xauto"), QStringLiteral("--scale"), QStringLiteral("1")})
                 .exitCode,
             0);
    const int scale = image.width() / 800;
    QVERIFY(qAbs(image.height() - scale * QImage(one).height()) <= scale);
}

void ChronicleExportTest::pngTallerThanTheLimitsIsRefused() {
    const auto dataset = ntl::makeSyntheticDataset(3000, 7);
    const QString input = m_dir.filePath(QStringLiteral("many.json"));
    QVERIFY(ntl::DatasetWriter::writeFile(*dataset, input));
    const QString out = m_dir.filePath(QStringLiteral("many.png"));
    const AppRun r =
        runExport({input, QStringLiteral("--export"), out, QStringLiteral("--view"),
                   QStringLiteral("chronicle"), QStringLiteral("--scale"), QStringLiteral("2")});
    QVERIFY2(r.exitCode != 0 && r.exitCode != -1, qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("taller than a PNG may be")) && r.err.contains(out),
             qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(out));
    // The same events fit in a PDF, page after page.
    const QString pdf = m_dir.filePath(QStringLiteral("many.pdf"));
    const AppRun ok = runExport({input, QStringLiteral("--export"), pdf, QStringLiteral("--view"),
                                 QStringLiteral("chronicle")});
    QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
}

void ChronicleExportTest::filtersLimitTheEntries() {
    // What the filter model shows for the search is what the export lists.
    const ntl::DatasetReader::Result result = ntl::DatasetReader::readFile(defaultDataset());
    QVERIFY(result.ok());
    ntl::EventModel events;
    events.setDataset(result.dataset);
    ntl::EventFilterModel filter;
    filter.setSourceModel(&events);
    filter.setSearchText(QStringLiteral("Geneva"));
    QSet<QString> shown;
    for (int row = 0; row < filter.rowCount(); ++row)
        shown.insert(filter.index(row, 0).data(ntl::EventModel::EventIdRole).toString());
    QVERIFY(!shown.isEmpty() && shown.size() < result.dataset->events.size());

    const QString md = m_dir.filePath(QStringLiteral("geneva.md"));
    const QString pdfPath = m_dir.filePath(QStringLiteral("geneva.pdf"));
    for (const QString &out : {md, pdfPath}) {
        const AppRun r = runExport({QStringLiteral("--export"), out, QStringLiteral("--view"),
                                    QStringLiteral("chronicle"), QStringLiteral("--search"),
                                    QStringLiteral("Geneva")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    const QString markdown = markdownUnescaped(readText(md));
    PdfText pdf;
    QString problem;
    QVERIFY2(readPdf(pdfPath, &pdf, &problem), qPrintable(problem));
    QVERIFY(markdown.contains(QStringLiteral("search: Geneva")));
    QVERIFY(pdf.body.contains(QStringLiteral("search: Geneva")));
    QVERIFY(pdf.body.contains(QStringLiteral("%1 events").arg(shown.size())));
    for (const ntl::Event &event : result.dataset->events) {
        const QString title = normalised(event.title);
        // A title that is part of another shown one cannot be told apart: skipped.
        bool partOfShown = false;
        for (const ntl::Event &other : result.dataset->events)
            partOfShown |=
                &other != &event && shown.contains(other.id) && other.title.contains(event.title);
        if (shown.contains(event.id)) {
            QVERIFY2(markdown.contains(title), qPrintable(event.title));
            QVERIFY2(pdf.body.contains(title), qPrintable(event.title));
        } else if (!partOfShown) {
            QVERIFY2(!markdown.contains(QStringLiteral("**") + title + QStringLiteral("**")),
                     qPrintable(event.title));
            QVERIFY2(!pdf.body.contains(title), qPrintable(event.title));
        }
    }
}

void ChronicleExportTest::textFormatsAreTheChroniclesOnly() {
    for (const char *name : {"timeline.md", "actors.html"}) {
        const QString out = m_dir.filePath(QLatin1String(name));
        const QString view = QLatin1String(name).left(QLatin1String(name).indexOf(u'.'));
        const AppRun r =
            runExport({QStringLiteral("--export"), out, QStringLiteral("--view"), view});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("chronicle")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(out));
    }
    const QString svg = m_dir.filePath(QStringLiteral("chronicle.svg"));
    const AppRun r = runExport(
        {QStringLiteral("--export"), svg, QStringLiteral("--view"), QStringLiteral("chronicle")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(!QFileInfo::exists(svg));
}

void ChronicleExportTest::failedWriteLeavesNoFileAndReports_data() {
    QTest::addColumn<QString>("name");
    for (const char *name : {"c.pdf", "c.png", "c.md", "c.html"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void ChronicleExportTest::failedWriteLeavesNoFileAndReports() {
    QFETCH(QString, name);
    const QString folder = m_dir.filePath(QStringLiteral("no-such-folder"));
    const QString out = folder + u'/' + name;
    const AppRun r = runExport(
        {QStringLiteral("--export"), out, QStringLiteral("--view"), QStringLiteral("chronicle")});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains(out), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(folder));
}

void ChronicleExportTest::exportDialogChoosesTheChronicleAndPreviewsIt() {
    // File → Export View…: the dialog offers the Chronicle, and the window's exporter
    // writes and previews it from the dialog's options.
    const ntl::DatasetReader::Result result = ntl::DatasetReader::readFile(defaultDataset());
    QVERIFY(result.ok());
    ntl::EventModel events;
    events.setDataset(result.dataset);
    ntl::EventFilterModel filter;
    filter.setSourceModel(&events);
    filter.setSearchText(QStringLiteral("Geneva"));
    QItemSelectionModel selection(&filter);
    const ntl::ViewExporter exporter(&filter, &selection);

    ntl::ExportDialog dialog;
    auto *view = dialog.findChildren<QComboBox *>().at(0);
    const int chronicle = view->findText(QStringLiteral("Chronicle"), Qt::MatchStartsWith);
    QVERIFY(chronicle >= 0);
    view->setCurrentIndex(chronicle);
    QCOMPARE(dialog.options().view, ntl::ExportOptions::View::Chronicle);
    // Every filtered event is listed: there is no range to choose.
    for (const QRadioButton *button : dialog.findChildren<QRadioButton *>())
        QVERIFY2(!button->isEnabled(), qPrintable(button->text()));

    bool previewed = false;
    dialog.setPreviewPainter(
        [&](QPainter *painter, const QSize &size, const ntl::ExportOptions &options) {
            exporter.paint(painter, size, options);
            previewed = true;
        });
    QTRY_VERIFY(previewed);
    // The thumbnail shows text: dark pixels on the page.
    const QImage thumbnail = dialog.previewImage().convertToFormat(QImage::Format_RGB32);
    QVERIFY(!thumbnail.isNull());
    int dark = 0;
    for (int y = 0; y < thumbnail.height(); ++y)
        for (int x = 0; x < thumbnail.width(); ++x)
            dark += qGray(thumbnail.pixel(x, y)) < 128;
    QVERIFY2(dark > 200, qPrintable(QString::number(dark)));

    const QString md = m_dir.filePath(QStringLiteral("dialog.md"));
    QString error;
    QVERIFY2(exporter.write(md, dialog.options(), &error), qPrintable(error));
    const QString markdown = markdownUnescaped(readText(md));
    QVERIFY(markdown.contains(QStringLiteral("search: Geneva")));
    for (int row = 0; row < filter.rowCount(); ++row)
        QVERIFY(markdown.contains(
            normalised(filter.index(row, 0).data(ntl::EventModel::TitleRole).toString())));
}

QTEST_MAIN(ChronicleExportTest)
#include "chronicleexporttest.moc"
