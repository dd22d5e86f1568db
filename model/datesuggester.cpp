#include "datesuggester.h"

#include "daterecognizer.h"
#include "dateresolver.h"
#include "datetokens.h"
#include "tensecues.h"

#include <algorithm>

namespace ntl {

namespace {

bool isOneOf(const QString &word, std::initializer_list<const char16_t *> words) {
    for (const char16_t *w : words) {
        if (word == QStringView(w))
            return true;
    }
    return false;
}

// A full stop after these does not end a sentence: "Lt. Col.", "Nov. 23", "U.S.".
bool isAbbreviation(const DateToken &t) {
    if (t.kind != DateToken::Kind::Word)
        return false;
    return t.lower.size() == 1 || DateTokens::isMonthAbbreviation(t) ||
           isOneOf(t.lower, {u"mr",  u"mrs", u"ms", u"dr",   u"lt",  u"gen",  u"col",  u"sen",
                             u"rep", u"gov", u"st", u"jr",   u"sr",  u"prof", u"capt", u"maj",
                             u"sgt", u"no",  u"vs", u"pres", u"adm", u"cmdr", u"gov"});
}

bool isQuote(const DateToken &t) {
    return t.kind == DateToken::Kind::Punct &&
           isOneOf(t.lower, {u"\"", u"'", u"\u201d", u"\u201c", u"\u2019", u"\u2018", u")"});
}

// The sentence number of each token: a paragraph break, or . ! ? (perhaps before a
// closing quote) followed by a capital, a digit or an opening quote.
QList<int> sentenceNumbers(const QList<DateToken> &tokens) {
    QList<int> sentence(tokens.size(), 0);
    int current = 0;
    for (int k = 1; k < tokens.size(); ++k) {
        const DateToken &t = tokens[k];
        bool boundary = t.newlineBefore;
        if (!boundary) {
            int p = k - 1;
            if (isQuote(tokens[p]) && p > 0)
                --p;
            const DateToken &mark = tokens[p];
            const bool ends =
                mark.kind == DateToken::Kind::Punct && isOneOf(mark.lower, {u".", u"!", u"?"});
            const bool opens = t.capitalised || t.kind == DateToken::Kind::Number || isQuote(t);
            const bool abbreviated = mark.lower == u"." && p > 0 && isAbbreviation(tokens[p - 1]) &&
                                     tokens[p - 1].end == mark.start;
            boundary = ends && opens && !abbreviated;
        }
        if (boundary)
            ++current;
        sentence[k] = current;
    }
    return sentence;
}

int specificity(DatePrecision precision) {
    switch (precision) {
    case DatePrecision::Day:
        return 0;
    case DatePrecision::Days:
        return 1;
    case DatePrecision::Week:
        return 2;
    case DatePrecision::Month:
        return 3;
    case DatePrecision::Year:
        return 4;
    case DatePrecision::Unknown:
        break;
    }
    return 5;
}

// The low half of a surrogate pair: not a code point of its own. A lone half is one.
bool secondOfPair(QStringView text, int i) {
    return i > 0 && text[i].isLowSurrogate() && text[i - 1].isHighSurrogate();
}

struct Candidate {
    bool inside = false;
    int distance = 0;
    int start = 0;
    QList<DateSuggestion> readings;
};

} // namespace

QList<DateSuggestion> DateSuggester::suggest(const Article &article, int selectionStart,
                                             int selectionEnd) {
    return suggest(article.text, selectionStart, selectionEnd, article.published, article.id);
}

QList<DateSuggestion> DateSuggester::suggest(QStringView text, int selectionStart, int selectionEnd,
                                             const QDate &published, const QString &articleId) {
    const int n = int(text.size());
    const int s0 = std::clamp(selectionStart, 0, n);
    const int s1 = std::clamp(selectionEnd, s0, std::min(n, s0 + MaxSelectionLength));
    // The window: the selection and some context, not cutting a word in two.
    int from = std::max(0, s0 - ContextLength);
    int to = std::min(n, s1 + ContextLength);
    while (from > 0 && from < s0 && !text[from - 1].isSpace())
        ++from;
    while (to < n && to > s1 && !text[to].isSpace())
        --to;
    const QStringView window = text.mid(from, to - from);
    const QList<DateToken> tokens = DateTokens::tokenize(window);
    if (tokens.isEmpty())
        return {};
    const QList<int> sentence = sentenceNumbers(tokens);
    const int w0 = s0 - from;
    const int w1 = s1 - from;

    // The sentences the selection touches (a caret: the one it is in).
    int firstSentence = -1;
    int lastSentence = -1;
    for (int k = 0; k < tokens.size(); ++k) {
        const bool touched = w0 == w1 ? tokens[k].end >= w0 && tokens[k].start <= w0
                                      : tokens[k].end > w0 && tokens[k].start < w1;
        if (touched) {
            if (firstSentence < 0)
                firstSentence = sentence[k];
            lastSentence = sentence[k];
        }
    }
    if (firstSentence < 0) { // the selection is all spaces: the sentence before it
        for (int k = 0; k < tokens.size() && tokens[k].start < w0; ++k)
            firstSentence = lastSentence = sentence[k];
        if (firstSentence < 0)
            return {};
    }
    QList<int> sentenceFirst(sentence.last() + 1, -1);
    QList<int> sentenceLast(sentence.last() + 1, -1);
    for (int k = 0; k < tokens.size(); ++k) {
        if (sentenceFirst[sentence[k]] < 0)
            sentenceFirst[sentence[k]] = k;
        sentenceLast[sentence[k]] = k;
    }

    // Code points before the window, then within it, for the file's offsets.
    qint64 codePointsBefore = 0;
    for (int i = 0; i < from; ++i)
        codePointsBefore += secondOfPair(text, i) ? 0 : 1;
    // Mentions come mostly in text order, so one walk counts for all of them; it steps back
    // too, since a mention may start before the previous one's end (they can overlap).
    int counted = 0;
    qint64 codePoints = codePointsBefore;
    const auto codePoint = [&](int windowIndex) {
        for (; counted < windowIndex; ++counted)
            codePoints += secondOfPair(text, from + counted) ? 0 : 1;
        for (; counted > windowIndex; --counted)
            codePoints -= secondOfPair(text, from + counted - 1) ? 0 : 1;
        return codePoints;
    };

    const TenseCues cues(tokens);
    QList<Candidate> candidates;
    for (const DateMention &m : DateRecognizer::recognize(tokens)) {
        const int sid = sentence[m.firstToken];
        Candidate c;
        c.inside = m.start < w1 && m.end > w0;
        if (!c.inside && (sid < firstSentence || sid > lastSentence))
            continue;
        c.distance = c.inside ? 0 : m.end <= w0 ? w0 - m.end : m.start - w1;
        c.start = m.start;
        const Tense tense =
            cues.near(m.firstToken, m.lastToken, sentenceFirst[sid], sentenceLast[sid]);
        c.readings = DateResolver::resolve(m, published, tense);
        if (c.readings.isEmpty())
            continue;
        for (DateSuggestion &r : c.readings) {
            r.expression = window.mid(m.start, m.end - m.start).toString();
            r.start16 = from + m.start;
            r.end16 = from + m.end;
            r.codePointStart = codePoint(m.start);
            r.codePointEnd = codePoint(m.end);
            if (r.basis != DateBasis::Stated)
                r.anchorArticleId = articleId;
        }
        candidates.append(c);
    }
    // Inside the selection first, then the nearest; the more precise before the vaguer.
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate &a, const Candidate &b) {
                         if (a.inside != b.inside)
                             return a.inside;
                         if (a.distance != b.distance)
                             return a.distance < b.distance;
                         const int pa = specificity(a.readings.first().precision);
                         const int pb = specificity(b.readings.first().precision);
                         if (pa != pb)
                             return pa < pb;
                         return a.start < b.start;
                     });
    QList<DateSuggestion> result;
    for (const Candidate &c : std::as_const(candidates)) {
        for (const DateSuggestion &r : c.readings) {
            const bool seen =
                std::any_of(result.cbegin(), result.cend(), [&](const DateSuggestion &o) {
                    return o.start == r.start && o.end == r.end && o.precision == r.precision;
                });
            if (!seen)
                result.append(r);
        }
    }
    return result;
}

} // namespace ntl
