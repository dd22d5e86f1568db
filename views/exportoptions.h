#pragma once

#include "themepalette.h"

#include <QSize>
#include <QString>

namespace ntl {

// What to export and how: shared by File → Export View… and `--export`.
struct ExportOptions {
    enum class View { Timeline, Actors, Sources };
    enum class Format { Png, Svg, Pdf };

    View view = View::Timeline;
    QSize size{1920, 1080};        // logical pixels
    int scale = 2;                 // device pixels per logical pixel (PNG)
    ThemePalette::Theme theme = ThemePalette::Theme::Light;
    bool wholePeriod = false;      // else the range visible on screen
    QString title;                 // empty: the dataset's title
    bool decorations = true;       // title, date range, legend, footer

    // Bounds on what an export may ask for: a PNG is rendered whole in memory (4 bytes a
    // pixel, so 2^28 pixels is 1 GiB), and Qt's raster engine gives up beyond 16384 a side.
    static constexpr int maxSide = 16384;                // device pixels, after scaling
    static constexpr qint64 maxPixels = qint64(1) << 28; // device pixels, after scaling
    static constexpr int maxTitleLength = 1000;          // characters

    // False, with the reason in `problem`, if these options ask for more than the limits.
    bool withinLimits(Format format, QString *problem) const;

    static bool formatForPath(const QString &path, Format *format);
    static bool viewFromName(const QString &name, View *view);
    // "1920x1080" → QSize; false for anything not two positive integers up to 16384.
    static bool sizeFromText(const QString &text, QSize *size);
};

} // namespace ntl
