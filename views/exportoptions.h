#pragma once

#include "themepalette.h"

#include <QSize>
#include <QSizeF>
#include <QString>

namespace ntl {

// What to export and how: shared by File → Export View… and `--export`.
struct ExportOptions {
    // In the order of the window's tabs.
    enum class View { Timeline, Actors, Sources, Chronicle };
    // Markdown and HTML are text: the Chronicle's only.
    enum class Format { Png, Svg, Pdf, Markdown, Html };

    View view = View::Timeline;
    QSize size{1920, 1080};        // logical pixels
    int scale = 2;                 // device pixels per logical pixel (PNG)
    ThemePalette::Theme theme = ThemePalette::Theme::Light;
    bool wholePeriod = false;      // else the range visible on screen
    QString title;                 // empty: the dataset's title
    bool decorations = true;       // title, date range, legend, footer
    // A print size: the page in millimetres (invalid: a pixel export of `size`) and the
    // dots per inch of a PNG. Type is set in points at this size: a layout 96 logical
    // pixels to the inch, drawn at `dpi` (PNG) or in millimetres (SVG, PDF).
    QSizeF paperSize; // millimetres
    int dpi = 300;
    QString pageName;        // "A4", "A3", "Letter" when a named page was chosen
    bool autoHeight = false; // --size WIDTHxauto: as tall as every title needs

    // Bounds on what an export may ask for: a PNG is rendered whole in memory (4 bytes a
    // pixel, so 2^28 pixels is 1 GiB), and Qt's raster engine gives up beyond 16384 a side.
    static constexpr int maxSide = 16384;                // device pixels, after scaling
    static constexpr qint64 maxPixels = qint64(1) << 28; // device pixels, after scaling
    static constexpr int maxTitleLength = 1000;          // characters
    static constexpr int chronicleWidth =
        1000; // a Chronicle PNG's default width: a readable column
    static constexpr int minDpi = 72;
    static constexpr int maxDpi = 1200;
    static constexpr double layoutDpi = 96;      // logical pixels to the inch
    static constexpr double maxPaperSide = 2000; // millimetres

    bool isPhysical() const { return paperSize.isValid() && !paperSize.isEmpty(); }
    // The size the export is laid out at, in logical pixels.
    QSize logicalSize() const;
    // The pixels of the file: a PNG's device pixels; SVG and PDF the logical size.
    QSize pixelSize(Format format) const;
    // Device pixels per logical pixel of a PNG: the scale, or dpi / 96 for a print size.
    qreal pixelRatio() const;

    // False, with the reason in `problem`, if these options ask for more than the limits.
    bool withinLimits(Format format, QString *problem) const;

    // By extension: .png, .svg, .pdf, .md/.markdown, .html/.htm (any case).
    static bool formatForPath(const QString &path, Format *format);
    static bool isText(Format format) {
        return format == Format::Markdown || format == Format::Html;
    }
    static bool viewFromName(const QString &name, View *view);
    // "1920x1080" → QSize; false for anything not two positive integers up to 16384.
    static bool sizeFromText(const QString &text, QSize *size);
    // What `--size` accepts: "1920x1080", "1920xauto" (the height then left to
    // autoHeight), or a print size "297x210mm", "17x10cm", "11x8.5in" (→ paperSize in
    // millimetres). False, with the reason in `problem`, for anything else.
    bool setSizeText(const QString &text, QString *problem);
    // "A4", "A3", "Letter" (any case): the page in millimetres, landscape or portrait.
    static bool pageFromName(const QString &name, bool landscape, QSizeF *millimetres);
};

} // namespace ntl
