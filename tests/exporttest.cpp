#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include "apprun.h"
#include "datasetwriter.h"
#include "syntheticdataset.h"

#include <unistd.h>

// Runs the real executable's headless export: formats, sizes, filters, bad arguments
// and a write that must fail without touching the existing file.
class ExportTest : public QObject
{
    Q_OBJECT
private slots:
    void pngHasTheRequestedSizeTimesScale_data();
    void pngHasTheRequestedSizeTimesScale();
    void pngShowsTheChartsColoursAndText();
    void darkThemeHasADarkBackground();
    void actorsExportKeepsEveryLaneNameReadable();
    void filteredExportDiffersFromUnfiltered();
    void sourcesViewExportsTheArticle();
    void svgIsXmlWithTheShownTitles();
    void pdfHasAPage();
    void footerOfManyArticlesNamesAFewAndCountsTheRest();
    void badArgumentsAreRefused_data();
    void badArgumentsAreRefused();
    void unwritableFolderFailsCleanly();
    void writeFailingPartWayKeepsTheOldFile();

private:
    static AppRun runExport(const QStringList &arguments) { return runApp(arguments, QString()); } // export picks offscreen itself
    static QString fixture() { return QStringLiteral(NTL_TEST_DATA_DIR "/valid/minimal.json"); }
    QTemporaryDir m_dir;
};


// The text an SVG shows, its <text> elements joined by spaces, white space folded.
static QString svgText(const QByteArray &bytes)
{
    QXmlStreamReader xml(bytes);
    QStringList texts;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("text"))
            texts.append(xml.readElementText(QXmlStreamReader::IncludeChildElements));
    }
    return texts.join(u' ').simplified();
}

void ExportTest::pngHasTheRequestedSizeTimesScale_data()
{
    QTest::addColumn<QString>("size");
    QTest::addColumn<QString>("scale");
    QTest::addColumn<QSize>("expected");
    QTest::newRow("1280x800 at 2x") << QStringLiteral("1280x800") << QStringLiteral("2") << QSize(2560, 1600);
    QTest::newRow("800x600 at 1x") << QStringLiteral("800x600") << QStringLiteral("1") << QSize(800, 600);
}

void ExportTest::pngHasTheRequestedSizeTimesScale()
{
    QFETCH(QString, size);
    QFETCH(QString, scale);
    QFETCH(QSize, expected);
    const QString out = m_dir.filePath(QStringLiteral("size-%1-%2.png").arg(size, scale));
    const AppRun r = runExport({fixture(), QStringLiteral("--export"), out, QStringLiteral("--size"), size, QStringLiteral("--scale"), scale});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(QImage(out).size(), expected);
}

static int countNear(const QImage &image, QColor color, int tolerance)
{
    int count = 0;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - color.red()) <= tolerance && std::abs(c.green() - color.green()) <= tolerance &&
                std::abs(c.blue() - color.blue()) <= tolerance)
                ++count;
        }
    }
    return count;
}

void ExportTest::pngShowsTheChartsColoursAndText()
{
    const QString out = m_dir.filePath(QStringLiteral("colours.png"));
    const AppRun r = runExport({fixture(), QStringLiteral("--export"), out, QStringLiteral("--size"), QStringLiteral("1280x800"),
                       QStringLiteral("--scale"), QStringLiteral("1")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QImage image(out);
    QVERIFY(countNear(image, Qt::white, 0) > image.width() * image.height() / 8); // light background
    QVERIFY(countNear(image, QColor(0x00, 0x72, 0xB2), 20) > 20); // the first side's colour
    QVERIFY(countNear(image, QColor(0xE6, 0x9F, 0x00), 20) > 20); // the second side's colour
    QVERIFY(countNear(image, QColor(0x1a, 0x1a, 0x1a), 40) > 200); // text
}

void ExportTest::darkThemeHasADarkBackground()
{
    const QString out = m_dir.filePath(QStringLiteral("dark.png"));
    const AppRun r = runExport({fixture(), QStringLiteral("--export"), out, QStringLiteral("--theme"), QStringLiteral("dark"),
                       QStringLiteral("--size"), QStringLiteral("1280x800"), QStringLiteral("--scale"), QStringLiteral("1")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QImage image(out);
    QVERIFY(countNear(image, QColor(0x2a, 0x2a, 0x2a), 0) > image.width() * image.height() / 8);
    QVERIFY(countNear(image, QColor(0xe6, 0xe6, 0xe6), 40) > 200); // light text on it
}

void ExportTest::actorsExportKeepsEveryLaneNameReadable()
{
    // The built-in dataset has 37 actor lanes, more than fit an image's height at a readable
    // size: the chart is laid out as tall as its lanes need and scaled into the image, so
    // every name is drawn in full rather than cut to "…".
    const QString out = m_dir.filePath(QStringLiteral("actors.svg"));
    const AppRun r = runExport({QStringLiteral("--export"), out, QStringLiteral("--view"), QStringLiteral("actors"),
                                QStringLiteral("--size"), QStringLiteral("1280x800")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = svgText(file.readAll());
    for (const char *name : {"Donald Trump", "Lindsey Graham", "Volodymyr Zelensky", "Sergei Lavrov", "Financial Times"})
        QVERIFY2(text.contains(QLatin1String(name)), name);
}

void ExportTest::filteredExportDiffersFromUnfiltered()
{
    const QString all = m_dir.filePath(QStringLiteral("all.png"));
    const QString south = m_dir.filePath(QStringLiteral("south.png"));
    const QStringList common{QStringLiteral("--size"), QStringLiteral("1000x600"), QStringLiteral("--scale"), QStringLiteral("1")};
    QCOMPARE(runExport(QStringList{fixture(), QStringLiteral("--export"), all} + common).exitCode, 0);
    const AppRun r = runExport(QStringList{fixture(), QStringLiteral("--export"), south, QStringLiteral("--side"), QStringLiteral("south")} + common);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("2 of 3 events")), qPrintable(r.out));
    QVERIFY(QImage(all) != QImage(south));
}

void ExportTest::sourcesViewExportsTheArticle()
{
    const QString out = m_dir.filePath(QStringLiteral("sources.svg"));
    const AppRun r = runExport({fixture(), QStringLiteral("--export"), out, QStringLiteral("--view"), QStringLiteral("sources"),
                       QStringLiteral("--article"), QStringLiteral("art-b")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString svg = QString::fromUtf8(file.readAll());
    QVERIFY(svg.contains(QStringLiteral("Officials on Lakeside"))); // the article's title in the subtitle
    QVERIFY(svg.contains(QStringLiteral("constructive"))); // its text
    QVERIFY(!svg.contains(QStringLiteral("the article continues"))); // a short article fits

    // A long article in a small image says it goes on rather than being cut off silently.
    const QString small = m_dir.filePath(QStringLiteral("sources-small.svg"));
    const AppRun cut = runExport({QStringLiteral("--export"), small, QStringLiteral("--view"), QStringLiteral("sources"),
                                  QStringLiteral("--article"), QStringLiteral("a002-parallel-talks"), QStringLiteral("--size"), QStringLiteral("800x400")});
    QVERIFY2(cut.exitCode == 0, qPrintable(cut.err));
    QFile smallFile(small);
    QVERIFY(smallFile.open(QIODevice::ReadOnly));
    QVERIFY(smallFile.readAll().contains("the article continues"));
}

void ExportTest::svgIsXmlWithTheShownTitles()
{
    const QString out = m_dir.filePath(QStringLiteral("timeline.svg"));
    const AppRun r = runExport({fixture(), QStringLiteral("--export"), out, QStringLiteral("--kind"), QStringLiteral("talks")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QXmlStreamReader xml(bytes);
    int elements = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement)
            ++elements;
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(elements > 50);
    QVERIFY(bytes.contains("Talks in Lakeside"));
    QVERIFY(bytes.contains("Second round announced"));
    QVERIFY(!bytes.contains("League calls talks constructive")); // a statement: filtered out
    // The chart is laid out before it is drawn: legend, lane names, dates on the axis.
    const QString text = svgText(bytes);
    QVERIFY2(text.contains(QStringLiteral("planned (hollow)")), qPrintable(text));
    for (const char *lane : {"North", "South", "The League"})
        QVERIFY2(text.contains(QLatin1String(lane)), lane);
    QVERIFY2(text.contains(QStringLiteral("Mar")), qPrintable(text)); // "10 Mar", the axis's dates
}

void ExportTest::footerOfManyArticlesNamesAFewAndCountsTheRest()
{
    // 300 synthetic events cite hundreds of articles: naming them all would fill the page.
    const auto dataset = ntl::makeSyntheticDataset(300, 3);
    QSet<QString> cited;
    for (const ntl::Event &event : dataset->events) {
        for (const ntl::SourcePassage &source : event.sources)
            cited.insert(source.articleId);
    }
    QVERIFY(cited.size() > 100);
    const QString input = m_dir.filePath(QStringLiteral("many-articles.json"));
    QVERIFY(ntl::DatasetWriter::writeFile(*dataset, input));
    const QString out = m_dir.filePath(QStringLiteral("many-articles.svg"));
    const AppRun r = runExport({input, QStringLiteral("--export"), out});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = svgText(file.readAll());
    QCOMPARE(text.count(QStringLiteral(" on the negotiation")), 12); // "Report N on the negotiation"
    QVERIFY2(text.contains(QStringLiteral("and %1 more articles").arg(QLocale().toString(cited.size() - 12))),
             qPrintable(text.right(300)));
}

void ExportTest::pdfHasAPage()
{
    const QString out = m_dir.filePath(QStringLiteral("timeline.pdf"));
    const AppRun r = runExport({fixture(), QStringLiteral("--export"), out});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("%PDF"));
    QVERIFY(bytes.contains("/Type /Page"));
}

void ExportTest::badArgumentsAreRefused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QString out = QStringLiteral("/tmp/ntl-export-test.png");
    const auto row = [&](const char *name, QStringList extra, int code, const char *message) {
        QTest::newRow(name) << (QStringList{fixture(), QStringLiteral("--export"), out} + extra) << code << QString::fromUtf8(message);
    };
    row("size", {QStringLiteral("--size"), QStringLiteral("10x10")}, 2, "bad size \"10x10\"");
    row("size text", {QStringLiteral("--size"), QStringLiteral("big")}, 2, "bad size \"big\"");
    row("scale", {QStringLiteral("--scale"), QStringLiteral("9")}, 2, "bad scale \"9\"");
    row("view", {QStringLiteral("--view"), QStringLiteral("map")}, 2, "unknown view \"map\"");
    row("theme", {QStringLiteral("--theme"), QStringLiteral("pink")}, 2, "unknown theme \"pink\"");
    row("date", {QStringLiteral("--from"), QStringLiteral("2030-13-01")}, 2, "bad date \"2030-13-01\" for --from");
    row("reversed dates", {QStringLiteral("--from"), QStringLiteral("2030-03-10"), QStringLiteral("--to"), QStringLiteral("2030-03-01")}, 2, "--to 2030-03-01 is before --from 2030-03-10");
    row("actor", {QStringLiteral("--actor"), QStringLiteral("ghost")}, 2, "unknown actor \"ghost\"; the dataset has: north-state");
    row("side", {QStringLiteral("--side"), QStringLiteral("west")}, 2, "unknown side \"west\"");
    row("kind", {QStringLiteral("--kind"), QStringLiteral("party")}, 2, "unknown kind \"party\"");
    row("article", {QStringLiteral("--article"), QStringLiteral("art-z")}, 2, "unknown article \"art-z\"");
    QTest::newRow("format") << QStringList{fixture(), QStringLiteral("--export"), QStringLiteral("/tmp/x.gif")} << 2
                            << QStringLiteral("cannot tell the format of \"/tmp/x.gif\"");
    QTest::newRow("option without export") << QStringList{fixture(), QStringLiteral("--theme"), QStringLiteral("dark")} << 2
                                           << QStringLiteral("--theme goes with --export");
    QTest::newRow("broken dataset") << QStringList{QStringLiteral("/nonexistent.json"), QStringLiteral("--export"), out} << 1
                                    << QStringLiteral("/nonexistent.json: error: no such file");
}

void ExportTest::badArgumentsAreRefused()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QFile::remove(QStringLiteral("/tmp/ntl-export-test.png"));
    const AppRun r = runExport(arguments);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(!QFile::exists(QStringLiteral("/tmp/ntl-export-test.png")));
}

void ExportTest::unwritableFolderFailsCleanly()
{
    const QString folder = m_dir.filePath(QStringLiteral("locked"));
    QVERIFY(QDir().mkpath(folder));
    const QString out = folder + QStringLiteral("/existing.png");
    QFile existing(out);
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.write("the old export");
    existing.close();
    // Lock the folder: permissions for a normal user; root ignores those, so also
    // make it immutable (ext4 and friends). The test needs one of the two to hold.
    QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
    bool immutable = false;
    if (::geteuid() == 0)
        immutable = QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("+i"), folder}) == 0;
    QFile probe(folder + QStringLiteral("/probe"));
    const bool locked = !probe.open(QIODevice::WriteOnly);
    probe.close();
    probe.remove();

    const AppRun r = locked ? runExport({fixture(), QStringLiteral("--export"), out}) : AppRun();
    if (immutable)
        QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("-i"), folder});
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QVERIFY2(locked, "could not make a folder unwritable on this machine");

    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains(QStringLiteral("cannot export to %1: ").arg(out)), qPrintable(r.err));
    QVERIFY(existing.open(QIODevice::ReadOnly));
    QCOMPARE(existing.readAll(), QByteArray("the old export"));
    QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("existing.png")});
}

void ExportTest::writeFailingPartWayKeepsTheOldFile()
{
    // A file size limit makes the write fail in the middle, as a full disk would.
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("big.png"));
    QFile existing(out);
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.write("the old export");
    existing.close();
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    process.setProcessEnvironment(environment);
    // SIGXFSZ ignored, so the write returns an error instead of killing the process.
    process.start(QStringLiteral("bash"), {QStringLiteral("-c"), QStringLiteral("trap '' XFSZ; ulimit -f 64; exec \"$0\" \"$@\""),
                                          QStringLiteral(NTL_APP_PATH), fixture(), QStringLiteral("--export"), out,
                                          QStringLiteral("--size"), QStringLiteral("3840x2160"), QStringLiteral("--scale"), QStringLiteral("2")});
    QVERIFY(process.waitForFinished(120000));
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QCOMPARE(process.exitCode(), 3);
    QVERIFY2(err.contains(QStringLiteral("cannot export to %1: ").arg(out)), qPrintable(err));
    QVERIFY(existing.open(QIODevice::ReadOnly));
    QCOMPARE(existing.readAll(), QByteArray("the old export"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("big.png")});
}

QTEST_GUILESS_MAIN(ExportTest)
#include "exporttest.moc"
