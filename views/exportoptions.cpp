#include "exportoptions.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace ntl {

bool ExportOptions::withinLimits(Format format, QString *problem) const {
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("ExportOptions", text);
    };
    if (title.size() > maxTitleLength) {
        *problem = tr("the title has %1 characters; the limit is %2")
                       .arg(title.size())
                       .arg(maxTitleLength);
        return false;
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

} // namespace ntl
