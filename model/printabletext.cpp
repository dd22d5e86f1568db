#include "printabletext.h"

namespace ntl::PrintableText {

bool isUnsafe(char16_t unit) {
    return unit < 0x20 || (unit >= 0x7f && unit <= 0x9f) || unit == 0x2028 || unit == 0x2029 ||
           (unit >= 0x202a && unit <= 0x202e) || (unit >= 0x2066 && unit <= 0x2069);
}

namespace {
void appendEscape(QString &out, char16_t unit) {
    switch (unit) {
    case u'\b':
        out += QLatin1String("\\b");
        return;
    case u'\f':
        out += QLatin1String("\\f");
        return;
    case u'\n':
        out += QLatin1String("\\n");
        return;
    case u'\r':
        out += QLatin1String("\\r");
        return;
    case u'\t':
        out += QLatin1String("\\t");
        return;
    default:
        out += QStringLiteral("\\u%1").arg(uint(unit), 4, 16, QLatin1Char('0'));
    }
}
} // namespace

QString escaped(QStringView text) {
    QString out;
    bool changed = false;
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t unit = text.at(i).unicode();
        bool unsafe = isUnsafe(unit);
        if (QChar::isHighSurrogate(unit)) {
            if (i + 1 < size && QChar::isLowSurrogate(text.at(i + 1).unicode())) {
                if (changed)
                    out += text.mid(i, 2);
                ++i;
                continue;
            }
            unsafe = true; // no low surrogate follows
        } else if (QChar::isLowSurrogate(unit)) {
            unsafe = true; // a pair's low half was consumed above
        }
        if (unsafe && !changed) {
            out.reserve(size + 16);
            out += text.left(i);
            changed = true;
        }
        if (unsafe)
            appendEscape(out, unit);
        else if (changed)
            out += QChar(unit);
    }
    return changed ? out : text.toString();
}

QString oneLine(QStringView text) {
    QString out;
    out.reserve(text.size());
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t unit = text.at(i).unicode();
        if (QChar::isHighSurrogate(unit) && i + 1 < size &&
            QChar::isLowSurrogate(text.at(i + 1).unicode())) {
            out += text.mid(i, 2);
            ++i;
        } else if ((unit >= u'\t' && unit <= u'\r') || unit == 0x85 || unit == 0x2028 ||
                   unit == 0x2029) {
            out += QChar(u' ');
        } else if ((unit >= 0x202a && unit <= 0x202e) || (unit >= 0x2066 && unit <= 0x2069) ||
                   unit == 0x200e || unit == 0x200f || unit == 0x061c || unit == 0xfeff) {
            // removed: the text is drawn in the order it is stored
        } else if (unit < 0x20 || (unit >= 0x7f && unit <= 0x9f) || QChar::isSurrogate(unit)) {
            out += QChar(QChar::ReplacementCharacter);
        } else {
            out += QChar(unit);
        }
    }
    return out;
}

} // namespace ntl::PrintableText
