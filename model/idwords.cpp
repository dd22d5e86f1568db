#include "idwords.h"

namespace ntl {

namespace {

bool isAsciiWordChar(char32_t c) {
    return (c >= U'a' && c <= U'z') || (c >= U'0' && c <= U'9');
}

bool isMark(char32_t c) {
    const QChar::Category category = QChar::category(c);
    return category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining ||
           category == QChar::Mark_Enclosing;
}

} // namespace

QStringList idWords(const QString &text, int maxWords) {
    QStringList words;
    QString word;
    int length = 0;          // code points in `word`
    bool afterAscii = false; // the last code point of `word` came out as ASCII
    const auto append = [&](char32_t c, bool ascii) {
        if (length < 20)
            word += QString::fromUcs4(&c, 1);
        ++length;
        afterAscii = ascii;
    };
    const auto endWord = [&] {
        if (!word.isEmpty())
            words.append(word);
        word.clear();
        length = 0;
    };
    // Composed first, so that a letter of another script keeps its form ("й" stays "й").
    const QList<uint> codePoints = text.normalized(QString::NormalizationForm_C).toUcs4();
    for (const uint point : codePoints) {
        if (words.size() >= maxWords)
            break;
        const char32_t c = point;
        if (c == U'\'' || c == U'\u2019')
            continue; // "Russia's" is one word
        // A Latin letter with accents, a ligature, a styled letter: its compatibility
        // decomposition spells it in ASCII, marks left out.
        const QList<uint> decomposed =
            QString::fromUcs4(&c, 1).normalized(QString::NormalizationForm_KD).toLower().toUcs4();
        if (!decomposed.isEmpty() && isAsciiWordChar(decomposed.first())) {
            for (const uint part : decomposed) {
                if (isAsciiWordChar(part))
                    append(part, true);
            }
            continue;
        }
        if (isMark(c)) {
            // A vowel sign or virama belongs to its letter in another script; an accent
            // left over after an ASCII letter is dropped, as the decomposition drops it.
            if (!word.isEmpty() && !afterAscii)
                append(c, false);
            continue;
        }
        if (QChar::isLetterOrNumber(c)) {
            const QString lower = QString::fromUcs4(&c, 1).toLower();
            for (const uint part : lower.toUcs4())
                append(part, false);
            continue;
        }
        endWord();
    }
    if (words.size() < maxWords)
        endWord();
    return words;
}

} // namespace ntl
