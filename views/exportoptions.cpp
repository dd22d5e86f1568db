#include "exportoptions.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace ntl {

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("ExportOptions", text);
}
constexpr double minPaperSide = 20; // millimetres: less leaves no room for a chart
} // namespace

QSize ExportOptions::logicalSize() const {
    if (!isPhysical())
        return size;
    const QSizeF inches = paperSize / 25.4;
    return QSize(qRound(inches.width() * layoutDpi), qRound(inches.height() * layoutDpi));
}

QSize ExportOptions::pixelSize(Format format) const {
    if (format != Format::Png)
        return logicalSize();
    if (!isPhysical())
        return size * std::max(1, scale);
    const QSizeF inches = paperSize / 25.4;
    return QSize(qRound(inches.width() * dpi), qRound(inches.height() * dpi));
}

qreal ExportOptions::pixelRatio() const {
    return isPhysical() ? dpi / layoutDpi : std::max(1, scale);
}

bool ExportOptions::withinLimits(Format format, QString *problem) const {
    if (title.size() > maxTitleLength) {
        *problem = tr("the title has %1 characters; the limit is %2")
                       .arg(title.size())
                       .arg(maxTitleLength);
        return false;
    }
    if (isText(format))
        return true; // no pixels, no paper
    if (isPhysical()) {
        if (dpi < minDpi || dpi > maxDpi) {
            *problem = tr("%1 dpi is out of range; use %2 to %3").arg(dpi).arg(minDpi).arg(maxDpi);
            return false;
        }
        const double shorter = std::min(paperSize.width(), paperSize.height());
        const double longer = std::max(paperSize.width(), paperSize.height());
        if (shorter < minPaperSide || longer > maxPaperSide) {
            *problem = tr("a page of %1x%2 mm is out of range; each side must be from %3 to %4 mm")
                           .arg(paperSize.width())
                           .arg(paperSize.height())
                           .arg(minPaperSide)
                           .arg(maxPaperSide);
            return false;
        }
        const QSize pixels = pixelSize(format);
        const qint64 area = qint64(pixels.width()) * pixels.height();
        if (pixels.width() > maxSide || pixels.height() > maxSide || area > maxPixels) {
            *problem =
                tr("%1x%2 mm at %3 dpi is %4x%5 pixels; the limit is %6 pixels a side and %7 "
                   "pixels in all")
                    .arg(paperSize.width())
                    .arg(paperSize.height())
                    .arg(dpi)
                    .arg(pixels.width())
                    .arg(pixels.height())
                    .arg(maxSide)
                    .arg(maxPixels);
            return false;
        }
        return true;
    }
    // Only a PNG has pixels; SVG and PDF are drawn at the logical size.
    const qint64 factor = format == Format::Png ? std::max(1, scale) : 1;
    const qint64 width = size.width() * factor;
    const qint64 height = size.height() * factor;
    if (width > maxSide || height > maxSide || width * height > maxPixels) {
        *problem = tr("%1x%2 at scale %3 is %4x%5 pixels; the limit is %6 pixels a side and %7 "
                      "pixels in all")
                       .arg(size.width())
                       .arg(size.height())
                       .arg(factor)
                       .arg(width)
                       .arg(height)
                       .arg(maxSide)
                       .arg(maxPixels);
        return false;
    }
    return true;
}

bool ExportOptions::formatForPath(const QString &path, Format *format)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        *format = Format::Png;
    else if (suffix == QLatin1String("svg"))
        *format = Format::Svg;
    else if (suffix == QLatin1String("pdf"))
        *format = Format::Pdf;
    else if (suffix == QLatin1String("md") || suffix == QLatin1String("markdown"))
        *format = Format::Markdown;
    else if (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
        *format = Format::Html;
    else
        return false;
    return true;
}

bool ExportOptions::viewFromName(const QString &name, View *view)
{
    if (name == QLatin1String("timeline"))
        *view = View::Timeline;
    else if (name == QLatin1String("actors"))
        *view = View::Actors;
    else if (name == QLatin1String("sources"))
        *view = View::Sources;
    else if (name == QLatin1String("chronicle"))
        *view = View::Chronicle;
    else
        return false;
    return true;
}

bool ExportOptions::sizeFromText(const QString &text, QSize *size)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,5})[xX×](\\d{1,5})$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return false;
    const int width = match.captured(1).toInt();
    const int height = match.captured(2).toInt();
    constexpr int smallest = 200;
    constexpr int largest = 16384;
    if (width < smallest || height < smallest || width > largest || height > largest)
        return false;
    *size = QSize(width, height);
    return true;
}

bool ExportOptions::setSizeText(const QString &text, QString *problem) {
    const QString trimmed = text.trimmed();
    static const QRegularExpression autoPattern(QStringLiteral("^(\\d{1,5})[xX×]auto$"));
    if (const QRegularExpressionMatch match = autoPattern.match(trimmed); match.hasMatch()) {
        QSize width;
        // The height is found later; the width alone is checked as in "WxW".
        if (!sizeFromText(QStringLiteral("%1x%1").arg(match.captured(1)), &width)) {
            *problem = tr("bad size \"%1\": the width must be from 200 to 16384").arg(text);
            return false;
        }
        size = QSize(width.width(), width.width() * 9 / 16);
        size.setHeight(std::max(200, size.height()));
        paperSize = QSizeF();
        pageName.clear();
        autoHeight = true;
        return true;
    }
    static const QRegularExpression physicalPattern(
        QStringLiteral("^(\\d{1,4}(?:\\.\\d{1,3})?)[xX×](\\d{1,4}(?:\\.\\d{1,3})?)(mm|cm|in)$"));
    if (const QRegularExpressionMatch match = physicalPattern.match(trimmed); match.hasMatch()) {
        const QString unit = match.captured(3);
        const double toMm = unit == QLatin1String("mm")   ? 1.0
                            : unit == QLatin1String("cm") ? 10.0
                                                          : 25.4;
        const QSizeF mm(match.captured(1).toDouble() * toMm, match.captured(2).toDouble() * toMm);
        const double shorter = std::min(mm.width(), mm.height());
        const double longer = std::max(mm.width(), mm.height());
        if (shorter < minPaperSide || longer > maxPaperSide) {
            *problem = tr("bad size \"%1\": each side must be from %2 to %3 mm")
                           .arg(text)
                           .arg(minPaperSide)
                           .arg(maxPaperSide);
            return false;
        }
        paperSize = mm;
        pageName.clear();
        autoHeight = false;
        return true;
    }
    QSize pixels;
    if (!sizeFromText(trimmed, &pixels)) {
        *problem = tr("bad size \"%1\": expected WIDTHxHEIGHT in pixels (each from 200 to 16384), "
                      "WIDTHxauto, or a print size such as 297x210mm, 17x10cm or 11x8.5in")
                       .arg(text);
        return false;
    }
    size = pixels;
    paperSize = QSizeF();
    pageName.clear();
    autoHeight = false;
    return true;
}

bool ExportOptions::pageFromName(const QString &name, bool landscape, QSizeF *millimetres) {
    QSizeF portrait;
    const QString lower = name.trimmed().toLower();
    if (lower == QLatin1String("a4"))
        portrait = QSizeF(210, 297);
    else if (lower == QLatin1String("a3"))
        portrait = QSizeF(297, 420);
    else if (lower == QLatin1String("letter"))
        portrait = QSizeF(215.9, 279.4);
    else
        return false;
    *millimetres = landscape ? portrait.transposed() : portrait;
    return true;
}

} // namespace ntl
