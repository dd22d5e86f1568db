#pragma once

#include "chroniclecontent.h"

#include <QByteArray>
#include <QString>

namespace ntl {

// The Chronicle as one self-contained HTML file: UTF-8, inline CSS only, no script and
// no external resource, light print-friendly styling, side colours as small swatches.
// It is also well-formed XML (XHTML syntax), so it can be checked before it is written.
// Every dataset string is escaped, in text and in attributes.
class ChronicleHtml {
public:
    static QByteArray write(const ChronicleContent &content, const QString &language = QString());
    // `text` for HTML text or a quoted attribute: & < > " ' escaped; characters XML
    // forbids (controls, lone surrogates, U+FFFE/U+FFFF) replaced with U+FFFD.
    static QString escaped(const QString &text);
};

} // namespace ntl
