#pragma once

#include <QByteArray>
#include <QString>

namespace ntl {

// Keeps what goes into an SVG well-formed XML. Qt 6.4's QSvgGenerator writes its title
// unescaped and passes through characters XML forbids (C0 controls, U+FFFE, U+FFFF),
// so a title like "</title><script>" or a U+0001 in an event title would produce a
// malformed or script-carrying file.
class XmlText {
public:
    // C0 controls other than tab, line feed and carriage return, lone surrogates,
    // U+FFFE and U+FFFF become U+FFFD; everything else is kept.
    static QString replaceForbidden(const QString &text);
    // The same over a whole UTF-8 document; invalid UTF-8 becomes U+FFFD too.
    static QByteArray replaceForbidden(const QByteArray &utf8);
    // Escaped for an element's text or an attribute value (&, <, >, ") and cleaned as above.
    static QString escaped(const QString &text);
    // True if `xml` parses from start to end; else false with the parser's message and line.
    static bool isWellFormed(const QByteArray &xml, QString *problem);
};

} // namespace ntl
