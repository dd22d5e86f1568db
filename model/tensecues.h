#pragma once

#include "datetokens.h"

#include <QList>

namespace ntl {

enum class Tense { Unknown, Past, Future };

// Where a sentence's verbs say past or future, found from a few markers ("will",
// "is expected to", "said", "-ed"). No part-of-speech tagger: the nearest marker in
// the date expression's sentence decides, which is how a reader pairs them too.
class TenseCues {
public:
    explicit TenseCues(const QList<DateToken> &tokens);

    // The tense of the marker nearest the tokens [first, last], looking only within
    // the sentence [sentenceFirst, sentenceLast] (token indices, inclusive).
    Tense near(int first, int last, int sentenceFirst, int sentenceLast) const;

private:
    struct Cue {
        int token;
        Tense tense;
    };
    QList<Cue> m_cues; // in token order
};

} // namespace ntl
