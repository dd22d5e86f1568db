#pragma once

#include "chroniclecontent.h"

#include <QByteArray>
#include <QString>

namespace ntl {

// The Chronicle as Markdown (CommonMark): a heading per group, each event with its title
// in bold, and the references with links only for http(s) URLs. Every dataset string is
// escaped, so a title holding `*`, `_`, `#`, `[`, `<` or backticks reads as written and
// never becomes markup, a link or HTML.
class ChronicleMarkdown {
public:
    static QByteArray write(const ChronicleContent &content);
    // `text` as literal Markdown inline text on one line: line breaks and control
    // characters become spaces; markup characters are backslash-escaped.
    static QString escaped(const QString &text);
};

} // namespace ntl
