#include "sidepalette.h"

#include <array>

namespace ntl {

namespace {
// Okabe & Ito (2008), without black, in an order that keeps the first colours far apart.
constexpr std::array<QRgb, 7> okabeIto{0x0072B2, 0xE69F00, 0xD55E00, 0x009E73,
                                       0xCC79A7, 0x56B4E9, 0xF0E442};
} // namespace

SidePalette::SidePalette(const QPalette &palette)
    : m_dark(isDarkPalette(palette))
    , m_palette(palette)
{
}

bool SidePalette::isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

QColor SidePalette::color(int sideIndex) const
{
    if (sideIndex < 0)
        return m_palette.color(QPalette::PlaceholderText);
    QColor c = QColor::fromRgb(okabeIto[std::size_t(sideIndex) % okabeIto.size()]);
    return m_dark ? c.lighter(125) : c;
}

QColor SidePalette::passageHighlight(bool emphasised) const
{
    // Amber tints: on light backgrounds pale, on dark ones deep, so the text stays legible.
    if (m_dark)
        return emphasised ? QColor(0x8a, 0x5a, 0x00) : QColor(0x4a, 0x3a, 0x10);
    return emphasised ? QColor(0xff, 0xc8, 0x4d) : QColor(0xff, 0xf0, 0xc2);
}

} // namespace ntl
