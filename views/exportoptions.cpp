#include "exportoptions.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace ntl {

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
