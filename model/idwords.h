#pragma once

#include <QString>
#include <QStringList>

namespace ntl {

// The first words of `text` as an id can spell them: lower-case ASCII letters and digits, accents
// dropped (a decomposed letter keeps its base), apostrophes inside a word joined, at most
// `maxWords` words of at most 20 characters each. New article and event ids are made of them.
QStringList idWords(const QString &text, int maxWords = 5);

} // namespace ntl
