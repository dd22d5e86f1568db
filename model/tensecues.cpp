#include "tensecues.h"

#include <cstdlib>

namespace ntl {

namespace {

bool isOneOf(const QString &word, std::initializer_list<const char16_t *> words) {
    for (const char16_t *w : words) {
        if (word == QStringView(w))
            return true;
    }
    return false;
}

bool isBe(const QString &w) {
    return isOneOf(w, {u"is", u"are", u"am", u"was", u"were", u"be", u"been"});
}

// Words before "to" that make the verb after it future: "plans to", "is set to".
bool isIntent(const QString &w) {
    return isOneOf(w, {u"expected", u"set",   u"scheduled", u"slated",   u"poised",   u"going",
                       u"plans",    u"plan",  u"planned",   u"planning", u"intends",  u"intend",
                       u"aims",     u"hopes", u"expects",   u"due",      u"prepared", u"preparing",
                       u"is",       u"are",   u"am"});
}

Tense tenseOf(const QList<DateToken> &tokens, int i) {
    const DateToken &t = tokens[i];
    if (t.kind != DateToken::Kind::Word)
        return Tense::Unknown;
    const QString &w = t.lower;
    const QString next = i + 1 < tokens.size() ? tokens[i + 1].lower : QString();
    if (isOneOf(w, {u"will", u"shall", u"won't", u"gonna"}) || w.endsWith(QLatin1String("'ll")))
        return Tense::Future;
    if (w == u"would")
        return next == u"have" ? Tense::Past : Tense::Future;
    if (next == u"to" && isIntent(w)) {
        // "due to the war" is a cause, not a schedule: "due" needs a "be" before it.
        if (w == u"due" && !(i > 0 && isBe(tokens[i - 1].lower)))
            return Tense::Unknown;
        return Tense::Future;
    }
    // A participle after "be" takes its tense from the auxiliary: "will be held".
    const bool afterBe = i > 0 && tokens[i - 1].lower == u"be";
    if (afterBe)
        return Tense::Unknown;
    if (isOneOf(w, {u"was",    u"were",  u"had",  u"has",  u"have",    u"did",    u"said", u"told",
                    u"met",    u"held",  u"came", u"went", u"spoke",   u"saw",    u"took", u"gave",
                    u"made",   u"began", u"left", u"sent", u"brought", u"struck", u"won",  u"lost",
                    u"fought", u"wrote", u"ran",  u"shot", u"hit",     u"led",    u"put",  u"set"}))
        return Tense::Past;
    if (w.size() >= 5 && w.endsWith(QLatin1String("ed")) &&
        !isOneOf(w, {u"indeed", u"hundred", u"united", u"proceed", u"exceed", u"succeed"}))
        return Tense::Past;
    return Tense::Unknown;
}

} // namespace

TenseCues::TenseCues(const QList<DateToken> &tokens) {
    for (int i = 0; i < tokens.size(); ++i) {
        const Tense tense = tenseOf(tokens, i);
        if (tense != Tense::Unknown)
            m_cues.append({i, tense});
    }
}

Tense TenseCues::near(int first, int last, int sentenceFirst, int sentenceLast) const {
    Tense best = Tense::Unknown;
    int bestDistance = -1;
    for (const Cue &cue : m_cues) {
        if (cue.token < sentenceFirst || cue.token > sentenceLast)
            continue;
        if (cue.token >= first && cue.token <= last)
            continue; // the expression's own words ("set", "last") are not its verb
        const int distance = cue.token < first ? first - cue.token : cue.token - last;
        // Ties go to the verb before the expression: "will meet on Friday".
        if (bestDistance < 0 || distance < bestDistance) {
            best = cue.tense;
            bestDistance = distance;
        }
    }
    return best;
}

} // namespace ntl
