#include <QTest>

#include "exportoptions.h"

using ntl::ExportOptions;

// What `--size`, `--page` and `--dpi` accept, and what a print size becomes in pixels.
class ExportOptionsTest : public QObject {
    Q_OBJECT
private slots:
    void sizeTextForms_data();
    void sizeTextForms();
    void badSizeTextIsRefused_data();
    void badSizeTextIsRefused();
    void namedPages_data();
    void namedPages();
    void printSizeInPixels();
    void printLimits_data();
    void printLimits();
    void formatsByExtensionAndTheChronicle();
};

void ExportOptionsTest::sizeTextForms_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QSize>("pixels"); // size, when not a print size
    QTest::addColumn<QSizeF>("paper"); // millimetres, invalid for pixels
    QTest::addColumn<bool>("autoHeight");
    QTest::newRow("pixels") << QStringLiteral("1280x800") << QSize(1280, 800) << QSizeF() << false;
    QTest::newRow("auto") << QStringLiteral("1920xauto") << QSize(1920, 1080) << QSizeF() << true;
    QTest::newRow("mm") << QStringLiteral("297x210mm") << QSize() << QSizeF(297, 210) << false;
    QTest::newRow("cm") << QStringLiteral("17x10cm") << QSize() << QSizeF(170, 100) << false;
    QTest::newRow("in") << QStringLiteral("11x8.5in") << QSize() << QSizeF(279.4, 215.9) << false;
}

void ExportOptionsTest::sizeTextForms() {
    QFETCH(QString, text);
    QFETCH(QSize, pixels);
    QFETCH(QSizeF, paper);
    QFETCH(bool, autoHeight);
    ExportOptions options;
    QString problem;
    QVERIFY2(options.setSizeText(text, &problem), qPrintable(problem));
    QCOMPARE(options.isPhysical(), paper.isValid());
    QCOMPARE(options.autoHeight, autoHeight);
    if (paper.isValid()) {
        QVERIFY(qAbs(options.paperSize.width() - paper.width()) < 1e-6);
        QVERIFY(qAbs(options.paperSize.height() - paper.height()) < 1e-6);
    } else {
        QCOMPARE(options.size, pixels);
    }
}

void ExportOptionsTest::badSizeTextIsRefused_data() {
    QTest::addColumn<QString>("text");
    for (const char *text : {"", "big", "10x10", "20000x200", "297x199", "297x210km", "297mm",
                             "x210mm", "0x0mm", "5x5mm", "3000x210mm", "297x-210mm", "autox1080",
                             "100xauto", "1920xautomm", "1e3x2e3mm", "297,5x210mm"})
        QTest::newRow(text) << QString::fromLatin1(text);
}

void ExportOptionsTest::badSizeTextIsRefused() {
    QFETCH(QString, text);
    ExportOptions options;
    const ExportOptions before = options;
    QString problem;
    QVERIFY(!options.setSizeText(text, &problem));
    QVERIFY2(problem.contains(QStringLiteral("bad size")), qPrintable(problem));
    QCOMPARE(options.size, before.size); // refused: nothing changed
    QVERIFY(!options.isPhysical());
}

void ExportOptionsTest::namedPages_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("landscape");
    QTest::addColumn<QSizeF>("mm");
    QTest::newRow("A4 landscape") << QStringLiteral("A4") << true << QSizeF(297, 210);
    QTest::newRow("a4 portrait") << QStringLiteral("a4") << false << QSizeF(210, 297);
    QTest::newRow("A3 landscape") << QStringLiteral("A3") << true << QSizeF(420, 297);
    QTest::newRow("Letter portrait") << QStringLiteral("Letter") << false << QSizeF(215.9, 279.4);
}

void ExportOptionsTest::namedPages() {
    QFETCH(QString, name);
    QFETCH(bool, landscape);
    QFETCH(QSizeF, mm);
    QSizeF page;
    QVERIFY(ExportOptions::pageFromName(name, landscape, &page));
    QCOMPARE(page, mm);
    QVERIFY(!ExportOptions::pageFromName(QStringLiteral("A5"), landscape, &page));
    QVERIFY(!ExportOptions::pageFromName(QStringLiteral("tabloid"), landscape, &page));
}

void ExportOptionsTest::printSizeInPixels() {
    ExportOptions options;
    QVERIFY(ExportOptions::pageFromName(QStringLiteral("A4"), true, &options.paperSize));
    options.dpi = 300;
    // 297 x 210 mm at 300 dpi, rounded.
    QCOMPARE(options.pixelSize(ExportOptions::Format::Png), QSize(3508, 2480));
    // Laid out at 96 to the inch; SVG and PDF are drawn at that size.
    QCOMPARE(options.logicalSize(), QSize(1123, 794));
    QCOMPARE(options.pixelSize(ExportOptions::Format::Svg), QSize(1123, 794));
    QCOMPARE(options.pixelRatio(), 300.0 / 96.0);
    QString problem;
    QVERIFY2(options.withinLimits(ExportOptions::Format::Png, &problem), qPrintable(problem));
    // A pixel export keeps its size and scale.
    ExportOptions pixels;
    pixels.size = QSize(1280, 800);
    pixels.scale = 2;
    QCOMPARE(pixels.pixelSize(ExportOptions::Format::Png), QSize(2560, 1600));
    QCOMPARE(pixels.logicalSize(), QSize(1280, 800));
}

void ExportOptionsTest::printLimits_data() {
    QTest::addColumn<QSizeF>("mm");
    QTest::addColumn<int>("dpi");
    QTest::addColumn<QString>("message"); // empty: accepted
    QTest::newRow("A4 at 300") << QSizeF(297, 210) << 300 << QString();
    QTest::newRow("A4 at 1200") << QSizeF(297, 210) << 1200 << QString(); // 14031 x 9921
    QTest::newRow("dpi too high") << QSizeF(297, 210) << 1201
                                  << QStringLiteral("1201 dpi is out of range");
    QTest::newRow("dpi too low") << QSizeF(297, 210) << 71
                                 << QStringLiteral("71 dpi is out of range");
    QTest::newRow("too many pixels")
        << QSizeF(2000, 2000) << 300
        << QStringLiteral("2000x2000 mm at 300 dpi is 23622x23622 pixels");
    QTest::newRow("A3 at 1200") << QSizeF(420, 297) << 1200
                                << QStringLiteral("pixels; the limit is 16384");
    QTest::newRow("too small") << QSizeF(10, 210) << 300 << QStringLiteral("out of range");
}

void ExportOptionsTest::printLimits() {
    QFETCH(QSizeF, mm);
    QFETCH(int, dpi);
    QFETCH(QString, message);
    ExportOptions options;
    options.paperSize = mm;
    options.dpi = dpi;
    QString problem;
    const bool ok = options.withinLimits(ExportOptions::Format::Png, &problem);
    QCOMPARE(ok, message.isEmpty());
    if (!ok)
        QVERIFY2(problem.contains(message), qPrintable(problem));
}

void ExportOptionsTest::formatsByExtensionAndTheChronicle() {
    const QList<QPair<QString, ExportOptions::Format>> known{
        {QStringLiteral("a.png"), ExportOptions::Format::Png},
        {QStringLiteral("a.SVG"), ExportOptions::Format::Svg},
        {QStringLiteral("a.pdf"), ExportOptions::Format::Pdf},
        {QStringLiteral("a.md"), ExportOptions::Format::Markdown},
        {QStringLiteral("a.Markdown"), ExportOptions::Format::Markdown},
        {QStringLiteral("a.html"), ExportOptions::Format::Html},
        {QStringLiteral("a.HTM"), ExportOptions::Format::Html}};
    for (const auto &[path, expected] : known) {
        ExportOptions::Format format = ExportOptions::Format::Png;
        QVERIFY2(ExportOptions::formatForPath(path, &format), qPrintable(path));
        QCOMPARE(format, expected);
        QCOMPARE(ExportOptions::isText(format), expected == ExportOptions::Format::Markdown ||
                                                    expected == ExportOptions::Format::Html);
    }
    ExportOptions::Format format;
    QVERIFY(!ExportOptions::formatForPath(QStringLiteral("a.txt"), &format));
    ExportOptions::View view = ExportOptions::View::Timeline;
    QVERIFY(ExportOptions::viewFromName(QStringLiteral("chronicle"), &view));
    QCOMPARE(view, ExportOptions::View::Chronicle);
    // A text export has no pixels: a size past the PNG limits does not refuse it.
    ExportOptions options;
    options.size = QSize(16384, 16384);
    options.scale = 4;
    QString problem;
    QVERIFY(!options.withinLimits(ExportOptions::Format::Png, &problem));
    QVERIFY(options.withinLimits(ExportOptions::Format::Markdown, &problem));
}

QTEST_GUILESS_MAIN(ExportOptionsTest)
#include "exportoptionstest.moc"
