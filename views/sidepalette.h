#pragma once

#include <QColor>
#include <QList>
#include <QPalette>

namespace ntl {

struct Dataset;

// Colours for sides (lanes): a side's own colour ("color" in the file) when it has one,
// else the Okabe–Ito palette by the side's position, distinguishable with the common forms
// of colour blindness. On a dark window background every colour is lightened, and an own
// colour still too dark to read there is lifted further (see adaptedToDark), so each colour
// keeps its contrast against the background in both palettes.
class SidePalette
{
public:
    // Without a dataset every side takes the palette's colour for its position.
    explicit SidePalette(const QPalette &palette, const Dataset *dataset = nullptr);

    // Colour of the side at this index in the dataset's side list; -1 is "no side".
    QColor color(int sideIndex) const;
    // The colour a side with this own colour (empty: none) at this index is drawn in.
    QColor color(int sideIndex, const QString &ownColor) const;
    bool isDark() const { return m_dark; }
    // A highlight for text passages, readable under the palette's text colour.
    QColor passageHighlight(bool emphasised) const;

    static bool isDarkPalette(const QPalette &palette);
    // The built-in colour for a side at this index, as on a light background.
    static QColor laneColor(int sideIndex);
    // `color` as drawn on the dark `background`: lightened as the palette's own colours are
    // (125%), then its HSL lightness raised until it reaches 3:1 contrast (WCAG's minimum for
    // graphics) against the background; hue and saturation are kept.
    static QColor adaptedToDark(const QColor &color, const QColor &background);
    // WCAG 2 contrast ratio of two colours (1 to 21).
    static double contrast(const QColor &a, const QColor &b);

private:
    bool m_dark;
    QPalette m_palette;
    QList<QString> m_own; // each side's own colour, by index; empty: none
};

} // namespace ntl
