#include "datetokens.h"

#include <array>

namespace ntl {

namespace {

bool isApostrophe(QChar c) {
    return c == u'\'' || c == QChar(0x2019);
}

} // namespace

QList<DateToken> DateTokens::tokenize(QStringView text) {
    QList<DateToken> tokens;
    const int n = int(text.size());
    bool newline = false;
    int i = 0;
    while (i < n) {
        const QChar c = text[i];
        if (c.isSpace()) {
            newline = newline || c == u'\n' || c == QChar(0x2029);
            ++i;
            continue;
        }
        DateToken token;
        token.start = i;
        token.newlineBefore = newline;
        newline = false;
        if (c.isLetter()) {
            token.kind = DateToken::Kind::Word;
            token.capitalised = c.isUpper();
            int j = i;
            // Letters, with inner apostrophes ("won't", "Sunday's") and no hyphen:
            // "mid-November" is three tokens.
            while (j < n && (text[j].isLetter() || text[j].isMark() ||
                             (isApostrophe(text[j]) && j + 1 < n && text[j + 1].isLetter())))
                ++j;
            QString word = text.mid(i, j - i).toString().toLower();
            word.replace(QChar(0x2019), u'\'');
            if (word.endsWith(QLatin1String("'s"))) {
                token.possessive = true;
                word.chop(2);
            }
            token.lower = word;
            token.end = j;
            i = j;
        } else if (c.isDigit() && c.unicode() < 128) {
            token.kind = DateToken::Kind::Number;
            int j = i;
            while (j < n && text[j].isDigit() && text[j].unicode() < 128)
                ++j;
            token.digits = j - i;
            token.lower = text.mid(i, j - i).toString();
            if (token.digits <= 4)
                token.value = token.lower.toInt();
            // An ordinal suffix belongs to the number: "23rd".
            if (j + 1 < n && text[j].isLetter()) {
                const QString suffix = text.mid(j, 2).toString().toLower();
                const bool ends = j + 2 >= n || !text[j + 2].isLetter();
                if (ends &&
                    (suffix == u"st" || suffix == u"nd" || suffix == u"rd" || suffix == u"th"))
                    j += 2;
            }
            token.end = j;
            i = j;
        } else {
            token.kind = DateToken::Kind::Punct;
            token.lower = QString(c);
            token.end = i + 1;
            ++i;
        }
        tokens.append(token);
    }
    return tokens;
}

int DateTokens::month(const DateToken &token) {
    static const std::array<const char16_t *, 12> names = {
        u"january", u"february", u"march",     u"april",   u"may",      u"june",
        u"july",    u"august",   u"september", u"october", u"november", u"december"};
    if (token.kind != DateToken::Kind::Word || !token.capitalised)
        return 0; // "march" and "may" in lower case are verbs
    for (int m = 0; m < 12; ++m) {
        if (token.lower == QStringView(names[m]))
            return m + 1;
    }
    if (isMonthAbbreviation(token)) {
        const QStringView three = QStringView(token.lower).left(3);
        for (int m = 0; m < 12; ++m) {
            if (three == QStringView(names[m]).left(3))
                return m + 1;
        }
    }
    return 0;
}

bool DateTokens::isMonthAbbreviation(const DateToken &token) {
    static const std::array<const char16_t *, 12> abbreviations = {u"jan",  u"feb", u"mar", u"apr",
                                                                   u"jun",  u"jul", u"aug", u"sep",
                                                                   u"sept", u"oct", u"nov", u"dec"};
    if (token.kind != DateToken::Kind::Word || !token.capitalised)
        return false;
    for (const char16_t *a : abbreviations) {
        if (token.lower == QStringView(a))
            return true;
    }
    return false;
}

int DateTokens::weekday(const DateToken &token) {
    static const std::array<const char16_t *, 7> names = {
        u"monday", u"tuesday", u"wednesday", u"thursday", u"friday", u"saturday", u"sunday"};
    if (token.kind != DateToken::Kind::Word || !token.capitalised)
        return 0;
    for (int d = 0; d < 7; ++d) {
        if (token.lower == QStringView(names[d]))
            return d + 1;
    }
    return 0;
}

int DateTokens::numberWord(const QString &lower) {
    static const std::array<const char16_t *, 20> names = {
        u"one",     u"two",     u"three",     u"four",     u"five",     u"six",      u"seven",
        u"eight",   u"nine",    u"ten",       u"eleven",   u"twelve",   u"thirteen", u"fourteen",
        u"fifteen", u"sixteen", u"seventeen", u"eighteen", u"nineteen", u"twenty"};
    if (lower == u"a" || lower == u"an")
        return 1;
    for (int k = 0; k < 20; ++k) {
        if (lower == QStringView(names[k]))
            return k + 1;
    }
    return 0;
}

} // namespace ntl
