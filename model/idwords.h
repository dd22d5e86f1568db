#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace ntl {

// The first words of `text` as an id can spell them, in lower case: a Latin letter or digit as
// ASCII (accents dropped: a decomposed letter keeps its base, "Ségolène" → "segolene"),
// letters and digits of any other script as they are, with their combining marks ("Зеленский",
// "नरेंद्र"); apostrophes inside a word joined; anything else separates words. At most
// `maxWords` words of at most 20 code points each. New article, event and actor ids are made
// of them.
QStringList idWords(const QString &text, int maxWords = 5);

// `prefix` and the words of `name` joined by hyphens ("ev-" + "talks resume" →
// "ev-talks-resume"), or `fallback` without words; made unique with "-2", "-3"… while
// `taken` says an id is used. `nextNumber`, when given, remembers per base where the count
// stopped, for callers that make many ids while the taken ones only grow (an import of
// thousands of rows of one title would otherwise count up from 2 for each: quadratic).
template <typename Taken>
QString idFromWords(const QString &prefix, const QString &name, const QString &fallback,
                    Taken taken, QHash<QString, int> *nextNumber = nullptr) {
    const QStringList words = idWords(name);
    const QString base = words.isEmpty() ? fallback : prefix + words.join(u'-');
    if (!taken(base))
        return base;
    for (int number = nextNumber ? nextNumber->value(base, 2) : 2;; ++number) {
        const QString id = base + u'-' + QString::number(number);
        if (!taken(id)) {
            if (nextNumber)
                nextNumber->insert(base, number + 1);
            return id;
        }
    }
}

} // namespace ntl
