#pragma once

#include <QString>

namespace ntl {

// The text a reader sees in a fragment of HTML (a TimelineJS headline or slide text): one
// line per block, white space collapsed, entities decoded, scripts, styles and comments
// left out, through libxml2's HTML parser (never a pattern over markup). Elements whose
// class is `skipClass` are left out too (our own export's quotes, when read back).
class HtmlFragmentText {
public:
    static constexpr int maxDepth = 256;

    static QString toPlainText(const QString &html, const QString &skipClass = QString());
    // toPlainText() on one line.
    static QString toOneLine(const QString &html);
};

} // namespace ntl
