#pragma once

#include <QColor>
#include <QPalette>

namespace ntl {

// Colours for sides (lanes): the Okabe–Ito palette, distinguishable with the common
// forms of colour blindness, lightened on a dark window background so that each
// colour keeps its contrast against the background in both palettes.
class SidePalette
{
public:
    explicit SidePalette(const QPalette &palette);

    // Colour of the side at this index in the dataset's side list; -1 is "no side".
    QColor color(int sideIndex) const;
    bool isDark() const { return m_dark; }
    // A highlight for text passages, readable under the palette's text colour.
    QColor passageHighlight(bool emphasised) const;

    static bool isDarkPalette(const QPalette &palette);

private:
    bool m_dark;
    QPalette m_palette;
};

} // namespace ntl
