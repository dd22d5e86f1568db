#include "idwords.h"

namespace ntl {

QStringList idWords(const QString &text, int maxWords) {
    QStringList words;
    QString word;
    const QString folded = text.normalized(QString::NormalizationForm_KD).toLower();
    for (qsizetype i = 0; i <= folded.size() && words.size() < maxWords; ++i) {
        const QChar c = i < folded.size() ? folded.at(i) : QChar(u' ');
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')) {
            word.append(c);
        } else if (c.category() == QChar::Mark_NonSpacing || c == u'\'' || c == QChar(0x2019)) {
            continue; // accents of a decomposed letter, apostrophes inside a word
        } else if (!word.isEmpty()) {
            words.append(word.left(20));
            word.clear();
        }
    }
    return words;
}

} // namespace ntl
