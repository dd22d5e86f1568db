#include "themepalette.h"
#include "sidepalette.h"
#include "themestyle.h"

#include <QApplication>
#include <QCheckBox>
#include <QImage>
#include <QPushButton>
#include <QRadioButton>
#include <QStyle>
#include <QStyleOptionButton>
#include <QTest>

#include <cmath>
#include <memory>

using namespace ntl;

namespace {

// WCAG 2 relative luminance of an sRGB colour.
double luminance(const QColor &c) {
    auto channel = [](double v) {
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b) {
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QString describe(const char *what, QPalette::ColorGroup group, double ratio) {
    static const char *const groups[] = {"Active", "Disabled", "Inactive"};
    return QStringLiteral("%1 in %2: %3:1")
        .arg(QLatin1String(what), QLatin1String(groups[group]))
        .arg(ratio, 0, 'f', 2);
}

void addThemes() {
    QTest::addColumn<ThemePalette::Theme>("theme");
    QTest::newRow("light") << ThemePalette::Theme::Light;
    QTest::newRow("dark") << ThemePalette::Theme::Dark;
}

// Renders `widget` as the app shows it: on its parent's Window background.
QImage render(QWidget *widget, QStyle *style, const QPalette &palette) {
    widget->setStyle(style);
    widget->setPalette(palette);
    widget->setAutoFillBackground(true);
    widget->setBackgroundRole(QPalette::Window);
    widget->ensurePolished();
    widget->resize(widget->sizeHint());
    QImage image(widget->size(), QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    widget->render(&image);
    return image;
}

// The highest contrast to `background` among the pixels of `rect` in `image`.
double bestContrast(const QImage &image, const QRect &rect, const QColor &background) {
    double best = 1.0;
    for (int y = rect.top(); y <= rect.bottom(); ++y)
        for (int x = rect.left(); x <= rect.right(); ++x)
            best = std::max(best, contrast(image.pixelColor(x, y), background));
    return best;
}

} // namespace

// Issue 14: in the dark window disabled controls looked enabled and check boxes were nearly
// invisible. Reads the fixed palettes by WCAG contrast ratios and renders widgets with
// ThemeStyle, as the app draws them.
class ThemePaletteTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void enabledTextReadsAndDisabledTextIsDimmer_data();
    void enabledTextReadsAndDisabledTextIsDimmer();
    void disabledFieldsAndButtonsLookFlat_data() { addThemes(); }
    void disabledFieldsAndButtonsLookFlat();
    void highlightAndPlaceholderAreReadable_data() { addThemes(); }
    void highlightAndPlaceholderAreReadable();
    void highlightsInTheViewsAreReadable_data() { addThemes(); }
    void highlightsInTheViewsAreReadable();
    void checkBoxFrameStandsOutFromTheWindow_data() { addThemes(); }
    void checkBoxFrameStandsOutFromTheWindow();
    void radioButtonStandsOutFromTheWindow_data() { addThemes(); }
    void radioButtonStandsOutFromTheWindow();
    void disabledButtonTextIsDimmerWhenRendered_data() { addThemes(); }
    void disabledButtonTextIsDimmerWhenRendered();

private:
    std::unique_ptr<ThemeStyle> m_style;
};

void ThemePaletteTest::initTestCase() {
    m_style = std::make_unique<ThemeStyle>();
    QVERIFY(m_style->baseStyle());
    QCOMPARE(m_style->baseStyle()->name(), QStringLiteral("fusion"));
}

void ThemePaletteTest::enabledTextReadsAndDisabledTextIsDimmer_data() {
    QTest::addColumn<ThemePalette::Theme>("theme");
    QTest::addColumn<QPalette::ColorRole>("foreground");
    QTest::addColumn<QPalette::ColorRole>("background");
    const std::pair<const char *, ThemePalette::Theme> themes[] = {
        {"light", ThemePalette::Theme::Light}, {"dark", ThemePalette::Theme::Dark}};
    for (const auto &[name, theme] : themes) {
        QTest::addRow("%s text", name) << theme << QPalette::Text << QPalette::Base;
        QTest::addRow("%s button text", name) << theme << QPalette::ButtonText << QPalette::Button;
        QTest::addRow("%s window text", name) << theme << QPalette::WindowText << QPalette::Window;
    }
}

// Enabled text reads at AAA (7:1) in the groups a user reads (Active, Inactive). Disabled text
// must read as disabled (under AA, and at most 2/3 of the enabled contrast) yet stay legible
// (at least 2:1).
void ThemePaletteTest::enabledTextReadsAndDisabledTextIsDimmer() {
    QFETCH(ThemePalette::Theme, theme);
    QFETCH(QPalette::ColorRole, foreground);
    QFETCH(QPalette::ColorRole, background);
    const QPalette p = ThemePalette::palette(theme);
    const double disabled =
        contrast(p.color(QPalette::Disabled, foreground), p.color(QPalette::Disabled, background));
    QVERIFY2(disabled >= 2.0 && disabled < 4.5,
             qPrintable(describe("disabled", QPalette::Disabled, disabled)));
    for (QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
        const double enabled = contrast(p.color(group, foreground), p.color(group, background));
        QVERIFY2(enabled >= 7.0, qPrintable(describe("enabled", group, enabled)));
        QVERIFY2(enabled >= 1.5 * disabled,
                 qPrintable(describe("enabled", group, enabled) +
                            QStringLiteral(" vs disabled %1").arg(disabled)));
    }
}

// A disabled date field or button is not only dimmer in its text: its face is set apart from
// the enabled one.
void ThemePaletteTest::disabledFieldsAndButtonsLookFlat() {
    QFETCH(ThemePalette::Theme, theme);
    const QPalette p = ThemePalette::palette(theme);
    for (QPalette::ColorRole role : {QPalette::Base, QPalette::Button}) {
        QVERIFY2(p.color(QPalette::Disabled, role) != p.color(QPalette::Active, role),
                 qPrintable(QStringLiteral("role %1").arg(int(role))));
    }
    // The disabled field sinks into the window: no box to type into.
    QVERIFY(contrast(p.color(QPalette::Disabled, QPalette::Base),
                     p.color(QPalette::Disabled, QPalette::Window)) < 1.1);
}

void ThemePaletteTest::highlightAndPlaceholderAreReadable() {
    QFETCH(ThemePalette::Theme, theme);
    const QPalette p = ThemePalette::palette(theme);
    for (QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
        const double highlight = contrast(p.color(group, QPalette::HighlightedText),
                                          p.color(group, QPalette::Highlight));
        QVERIFY2(highlight >= 4.5,
                 qPrintable(describe("HighlightedText/Highlight", group, highlight)));
        const double text =
            contrast(p.color(group, QPalette::Text), p.color(group, QPalette::Base));
        const double placeholder =
            contrast(p.color(group, QPalette::PlaceholderText), p.color(group, QPalette::Base));
        // A hint, not an entry: clearly weaker than the text, still readable.
        QVERIFY2(placeholder >= 3.0 && placeholder <= text / 1.5,
                 qPrintable(describe("PlaceholderText/Base", group, placeholder) +
                            QStringLiteral(" vs Text %1").arg(text)));
    }
}

// The Sources view's passage highlights keep the article's text readable (AA), and the ring
// around the timeline's selected event (Highlight on the chart's Base) is seen (3:1).
void ThemePaletteTest::highlightsInTheViewsAreReadable() {
    QFETCH(ThemePalette::Theme, theme);
    const QPalette p = ThemePalette::palette(theme);
    const SidePalette sides(p);
    for (bool emphasised : {false, true}) {
        const double passage =
            contrast(p.color(QPalette::Text), sides.passageHighlight(emphasised));
        QVERIFY2(
            passage >= 4.5,
            qPrintable(QStringLiteral("passage %1:1, emphasised %2").arg(passage).arg(emphasised)));
    }
    const double ring = contrast(p.color(QPalette::Highlight), p.color(QPalette::Base));
    QVERIFY2(ring >= 3.0, qPrintable(QStringLiteral("selection ring %1:1").arg(ring)));
}

// The rendered indicator's frame: the pixels of its outer ring, inside the indicator rectangle,
// must reach 3:1 against the window (WCAG 1.4.11, non-text contrast), checked and unchecked; a
// checked box's mark must reach 3:1 against the box. Fusion's own outline reaches about 1.3:1
// on the dark window.
void ThemePaletteTest::checkBoxFrameStandsOutFromTheWindow() {
    QFETCH(ThemePalette::Theme, theme);
    const QPalette palette = ThemePalette::palette(theme);
    for (bool checked : {false, true}) {
        QCheckBox box(QStringLiteral("Planned only"));
        box.setChecked(checked);
        const QImage image = render(&box, m_style.get(), palette);
        image.save(QStringLiteral("/tmp/themepalettetest-checkbox-%1-%2.png")
                       .arg(int(theme))
                       .arg(checked));
        QStyleOptionButton option;
        option.initFrom(&box);
        const QRect indicator =
            m_style->subElementRect(QStyle::SE_CheckBoxIndicator, &option, &box);
        QVERIFY(!indicator.isEmpty());
        // The frame: the indicator without its middle.
        const QColor window = palette.color(QPalette::Window);
        const QRect leftEdge(indicator.left(), indicator.top(), indicator.width() / 4,
                             indicator.height());
        const double frame = bestContrast(image, leftEdge, window);
        QVERIFY2(frame >= 3.0,
                 qPrintable(
                     QStringLiteral("frame %1:1, checked %2").arg(frame, 0, 'f', 2).arg(checked)));
        const QRect middle = indicator.adjusted(indicator.width() / 3, indicator.height() / 3,
                                                -indicator.width() / 3, -indicator.height() / 3);
        const double mark = bestContrast(image, middle, palette.color(QPalette::Base));
        if (checked)
            QVERIFY2(mark >= 3.0, qPrintable(QStringLiteral("mark %1:1").arg(mark)));
        else
            QVERIFY2(mark < 1.2, qPrintable(QStringLiteral("empty box %1:1").arg(mark)));
    }
}

void ThemePaletteTest::radioButtonStandsOutFromTheWindow() {
    QFETCH(ThemePalette::Theme, theme);
    const QPalette palette = ThemePalette::palette(theme);
    QRadioButton radio(QStringLiteral("Start date"));
    const QImage image = render(&radio, m_style.get(), palette);
    QStyleOptionButton option;
    option.initFrom(&radio);
    const QRect indicator =
        m_style->subElementRect(QStyle::SE_RadioButtonIndicator, &option, &radio);
    QVERIFY(!indicator.isEmpty());
    const double frame = bestContrast(image, indicator, palette.color(QPalette::Window));
    QVERIFY2(frame >= 3.0, qPrintable(QStringLiteral("radio frame %1:1").arg(frame)));
}

namespace {

// The contrast of the button's text to its face: the pixels farthest from the face in the
// label area.
double textContrast(QPushButton *button, QStyle *style, const QPalette &palette) {
    const QImage image = render(button, style, palette);
    const QColor face = palette.color(button->isEnabled() ? QPalette::Active : QPalette::Disabled,
                                      QPalette::Button);
    // Skip the frame: the label sits in the middle.
    return bestContrast(image, image.rect().adjusted(6, 5, -6, -5), face);
}

} // namespace

// The disabled "Clear filters" must look disabled: its rendered text clearly dimmer.
void ThemePaletteTest::disabledButtonTextIsDimmerWhenRendered() {
    QFETCH(ThemePalette::Theme, theme);
    const QPalette palette = ThemePalette::palette(theme);
    QPushButton enabled(QStringLiteral("Clear filters"));
    QPushButton disabled(QStringLiteral("Clear filters"));
    disabled.setEnabled(false);
    const double on = textContrast(&enabled, m_style.get(), palette);
    const double off = textContrast(&disabled, m_style.get(), palette);
    QVERIFY2(on >= 4.5, qPrintable(QStringLiteral("enabled text %1:1").arg(on)));
    QVERIFY2(off < 4.5 && off * 1.5 <= on,
             qPrintable(QStringLiteral("disabled text %1:1 vs enabled %2:1").arg(off).arg(on)));
}

QTEST_MAIN(ThemePaletteTest)
#include "themepalettetest.moc"
