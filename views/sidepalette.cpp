#include "sidepalette.h"

#include "dataset.h"

#include <QtMath>

#include <array>

namespace ntl {

namespace {
// Okabe & Ito (2008), without black, in an order that keeps the first colours far apart.
constexpr std::array<QRgb, 7> okabeIto{0x0072B2, 0xE69F00, 0xD55E00, 0x009E73,
                                       0xCC79A7, 0x56B4E9, 0xF0E442};

double luminance(const QColor &c) {
    const auto linear = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
}
} // namespace

SidePalette::SidePalette(const QPalette &palette, const Dataset *dataset)
    : m_dark(isDarkPalette(palette))
    , m_palette(palette) {
    if (dataset) {
        m_own.reserve(dataset->sides.size());
        for (const Side &side : dataset->sides)
            m_own.append(side.color);
    }
}

bool SidePalette::isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

QColor SidePalette::color(int sideIndex) const {
    return color(sideIndex, sideIndex >= 0 ? m_own.value(sideIndex) : QString());
}

QColor SidePalette::color(int sideIndex, const QString &ownColor) const {
    if (sideIndex < 0)
        return m_palette.color(QPalette::PlaceholderText);
    const QColor own(ownColor);
    if (!ownColor.isEmpty() && own.isValid())
        return m_dark ? adaptedToDark(own, m_palette.color(QPalette::Base)) : own;
    const QColor c = laneColor(sideIndex);
    return m_dark ? c.lighter(125) : c;
}

QColor SidePalette::laneColor(int sideIndex) {
    return QColor::fromRgb(okabeIto[std::size_t(std::max(0, sideIndex)) % okabeIto.size()]);
}

double SidePalette::contrast(const QColor &a, const QColor &b) {
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor SidePalette::adaptedToDark(const QColor &color, const QColor &background) {
    QColor c = color.lighter(125);
    float h = 0, s = 0, l = 0, a = 0;
    c.getHslF(&h, &s, &l, &a);
    // Lightness in small steps: the first that reads is the closest to what was chosen.
    while (contrast(c, background) < 3.0 && l < 1.0f) {
        l = std::min(1.0f, l + 0.02f);
        c = QColor::fromHslF(h, s, l, a);
    }
    return c.toRgb();
}

QColor SidePalette::passageHighlight(bool emphasised) const
{
    // Amber tints: on light backgrounds pale, on dark ones deep, so the text stays legible.
    if (m_dark)
        return emphasised ? QColor(0x8a, 0x5a, 0x00) : QColor(0x4a, 0x3a, 0x10);
    return emphasised ? QColor(0xff, 0xc8, 0x4d) : QColor(0xff, 0xf0, 0xc2);
}

} // namespace ntl
