#include "xmltext.h"

#include <QCoreApplication>
#include <QXmlStreamReader>

namespace ntl {

namespace {
bool allowed(char32_t c) {
    if (c < 0x20)
        return c == u'\t' || c == u'\n' || c == u'\r';
    return !(c >= 0xD800 && c <= 0xDFFF) && c != 0xFFFE && c != 0xFFFF && c <= 0x10FFFF;
}
} // namespace

QString XmlText::replaceForbidden(const QString &text) {
    QString clean;
    clean.reserve(text.size());
    const QChar *p = text.constData();
    const QChar *end = p + text.size();
    while (p != end) {
        // A surrogate counts only as half of a pair; alone it is replaced.
        if (p->isHighSurrogate() && p + 1 != end && (p + 1)->isLowSurrogate()) {
            clean.append(p, 2);
            p += 2;
            continue;
        }
        clean.append(allowed(p->unicode()) ? *p : QChar(QChar::ReplacementCharacter));
        ++p;
    }
    return clean;
}

QByteArray XmlText::replaceForbidden(const QByteArray &utf8) {
    // Fast path: a generated document is almost always clean already.
    bool suspect = false;
    for (const char byte : utf8) {
        const auto c = static_cast<unsigned char>(byte);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c >= 0xED) {
            suspect = true; // a control, or a lead byte that may start a surrogate, U+FFFE/F or
                            // invalid UTF-8
            break;
        }
    }
    if (!suspect)
        return utf8;
    return replaceForbidden(QString::fromUtf8(utf8)).toUtf8();
}

QString XmlText::escaped(const QString &text) {
    return replaceForbidden(text).toHtmlEscaped();
}

bool XmlText::isWellFormed(const QByteArray &xml, QString *problem) {
    QXmlStreamReader reader(xml);
    while (!reader.atEnd())
        reader.readNext();
    if (!reader.hasError())
        return true;
    if (problem)
        *problem = QCoreApplication::translate("XmlText", "not well-formed XML at line %1: %2")
                       .arg(reader.lineNumber())
                       .arg(reader.errorString());
    return false;
}

} // namespace ntl
