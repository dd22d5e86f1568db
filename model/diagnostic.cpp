#include "diagnostic.h"

#include "printabletext.h"

#include <algorithm>

namespace ntl {

QString Diagnostic::toString() const
{
    // The line goes to a terminal or a list as is: dataset text in it (an id, a field
    // name, a file name) must not bring escape sequences or a second, forged line.
    const QString severityText = isError() ? QStringLiteral("error") : QStringLiteral("warning");
    QString location = file;
    if (line > 0)
        location += QStringLiteral(":%1:%2").arg(line).arg(column);
    else if (!jsonPath.isEmpty())
        location += QStringLiteral(": ") + jsonPath;
    return QStringLiteral("%1: %2: %3")
        .arg(PrintableText::escaped(location), severityText, PrintableText::escaped(message));
}

bool hasErrors(const Diagnostics &diagnostics)
{
    return std::any_of(diagnostics.cbegin(), diagnostics.cend(),
                       [](const Diagnostic &d) { return d.isError(); });
}

int errorCount(const Diagnostics &diagnostics)
{
    return int(std::count_if(diagnostics.cbegin(), diagnostics.cend(),
                             [](const Diagnostic &d) { return d.isError(); }));
}

} // namespace ntl
