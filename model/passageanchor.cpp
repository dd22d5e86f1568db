#include "passageanchor.h"

#include "codepointindex.h"
#include "occurrenceindex.h"

#include <QList>

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace ntl {

namespace {

constexpr double quoteWeight = 50;
constexpr double prefixWeight = 20;
constexpr double suffixWeight = 20;
constexpr double positionWeight = 2;
constexpr int maxEditsCap = 256;
// Scoring each candidate costs prefix and suffix comparisons; bound their number.
constexpr qsizetype maxCandidates = 1000;
constexpr qsizetype maxContext = 64;
constexpr qsizetype maxApproximateCandidates = 64;
// Exact occurrences weighed: those nearest the stored start. A quote repeated 100,000 times
// must not cost 100,000 context comparisons per passage.
constexpr qsizetype maxExactCandidates = 8;

struct Candidate {
    int start;
    int end;
    int edits;
};

// Charges `cost` to `budget` (null: unlimited); false when it is not there to spend.
bool spend(qint64 *budget, qint64 cost)
{
    if (!budget)
        return true;
    if (cost > *budget)
        return false;
    *budget -= cost;
    return true;
}

// -1 when comparing would cost more than the budget left.
double similarity(QStringView expected, QStringView actual, qint64 *budget)
{
    if (expected.isEmpty() || expected == actual)
        return 1.0;
    if (!spend(budget, qint64(expected.size()) * qint64(actual.size())))
        return -1;
    const int distance = PassageAnchor::editDistance(expected, actual);
    return 1.0 - double(distance) / double(std::max(expected.size(), actual.size()));
}

// -1 when scoring would cost more than the budget left.
double score(QStringView text, QStringView exact, QStringView prefix, QStringView suffix,
             int storedStart, const Candidate &candidate, qint64 *budget)
{
    const double quote = 1.0 - double(candidate.edits) / double(exact.size());
    const int prefixStart = std::max(0, candidate.start - int(prefix.size()));
    const double prefixScore =
        similarity(prefix, text.mid(prefixStart, candidate.start - prefixStart), budget);
    const double suffixScore = similarity(suffix, text.mid(candidate.end, suffix.size()), budget);
    if (prefixScore < 0 || suffixScore < 0)
        return -1;
    double position = 1.0;
    if (storedStart >= 0 && !text.isEmpty()) {
        position = 1.0 - double(std::abs(candidate.start - storedStart)) / double(text.size());
        position = std::max(0.0, position);
    }
    return quoteWeight * quote + prefixWeight * prefixScore + suffixWeight * suffixScore +
           positionWeight * position;
}

// Sellers' algorithm: end positions (exclusive) where `pattern` matches a
// substring of `text` with at most maxEdits edits, keeping the best local minima.
QList<Candidate> approximateEnds(QStringView text, QStringView pattern, int maxEdits)
{
    const int m = int(pattern.size());
    std::vector<int> column(m + 1);
    for (int i = 0; i <= m; ++i)
        column[i] = i;
    QList<Candidate> ends;
    int bestEdits = maxEdits + 1;
    int previousEdits = m;
    for (int j = 0; j < text.size(); ++j) {
        int diagonal = 0; // D[i-1][j-1]; the match may start anywhere, so row 0 stays 0
        const QChar t = text.at(j);
        for (int i = 1; i <= m; ++i) {
            const int above = column[i];
            const int substitution = diagonal + (pattern.at(i - 1) == t ? 0 : 1);
            column[i] = std::min({substitution, above + 1, column[i - 1] + 1});
            diagonal = above;
        }
        const int edits = column[m];
        if (edits <= maxEdits && edits <= bestEdits) {
            if (edits < bestEdits) {
                ends.clear();
                bestEdits = edits;
            }
            // Adjacent ends with the same count describe the same match; keep the first.
            if (!(previousEdits == edits && !ends.isEmpty() && ends.last().end == j) && ends.size() < maxCandidates)
                ends.append({-1, j + 1, edits});
        }
        previousEdits = edits;
    }
    return ends;
}

// The start of the best match of `pattern` that ends exactly at `end`.
int approximateStart(QStringView text, QStringView pattern, int end, int maxEdits)
{
    const int m = int(pattern.size());
    const int window = std::min(end, m + maxEdits);
    // DP over the reversed pattern against the text read backwards from `end`.
    std::vector<int> previous(m + 1);
    std::vector<int> current(m + 1);
    for (int i = 0; i <= m; ++i)
        previous[i] = i;
    int bestEdits = previous[m];
    int bestLength = 0;
    for (int length = 1; length <= window; ++length) {
        const QChar t = text.at(end - length);
        current[0] = length;
        for (int i = 1; i <= m; ++i) {
            const int substitution = previous[i - 1] + (pattern.at(m - i) == t ? 0 : 1);
            current[i] = std::min({substitution, previous[i] + 1, current[i - 1] + 1});
        }
        if (current[m] < bestEdits) {
            bestEdits = current[m];
            bestLength = length;
        }
        std::swap(previous, current);
    }
    return end - bestLength;
}

// An approximate match may begin or end between the halves of a surrogate pair: widen it
// to whole code points, so a passage never splits a character.
void snapToCodePoints(QStringView text, Candidate &candidate)
{
    const auto splits = [&](int at) {
        return at > 0 && at < text.size() && text.at(at).isLowSurrogate() &&
               text.at(at - 1).isHighSurrogate();
    };
    if (splits(candidate.start))
        --candidate.start;
    if (splits(candidate.end))
        ++candidate.end;
}

// The (at most maxExactCandidates) occurrences nearest `storedStart`, in text order; the
// first ones when no position is known. A binary search, then a walk outwards.
QList<Candidate> nearestOccurrences(const QList<int> &starts, int length, int storedStart)
{
    qsizetype left = 0;
    qsizetype right = 0;
    if (storedStart >= 0) {
        left = std::lower_bound(starts.begin(), starts.end(), storedStart) - starts.begin();
        right = left;
    }
    while (right - left < maxExactCandidates && (left > 0 || right < starts.size())) {
        if (right == starts.size() ||
            (left > 0 && qint64(storedStart) - starts.at(left - 1) <= qint64(starts.at(right)) - storedStart))
            --left;
        else
            ++right;
    }
    QList<Candidate> candidates;
    for (qsizetype i = left; i < right; ++i)
        candidates.append({starts.at(i), starts.at(i) + length, 0});
    return candidates;
}

} // namespace

PassageAnchor::Result PassageAnchor::anchor(QStringView text, QStringView exact, QStringView prefix,
                                            QStringView suffix, int storedStart, qint64 *budget,
                                            OccurrenceIndex *index)
{
    Result result;
    if (exact.isEmpty())
        return result;

    if (storedStart >= 0 && storedStart + exact.size() <= text.size() &&
        text.mid(storedStart, exact.size()) == exact) {
        result.outcome = Outcome::AtStoredPosition;
        result.start = storedStart;
        result.end = storedStart + int(exact.size());
        return result;
    }

    OccurrenceIndex once(text);
    const OccurrenceIndex::Occurrences *occurrences = (index ? index : &once)->find(exact, budget);
    if (!occurrences) {
        result.outcome = Outcome::TooCostly;
        return result;
    }
    QList<Candidate> candidates = nearestOccurrences(occurrences->starts, int(exact.size()), storedStart);
    result.outcome = Outcome::ExactElsewhere;

    if (candidates.isEmpty()) {
        const qint64 cost = qint64(text.size()) * qint64(exact.size()) * 2;
        if (!spend(budget, cost)) {
            result.outcome = Outcome::TooCostly;
            return result;
        }
        const int maxEdits = std::min(maxEditsCap, int(exact.size()) / 2);
        candidates = approximateEnds(text, exact, maxEdits);
        // Finding where each match starts costs about quote × (quote + edits) steps:
        // refine the first few candidates, within the budget, and drop the rest.
        const qint64 startCost = qint64(exact.size()) * (qint64(exact.size()) + maxEdits);
        qsizetype refined = 0;
        for (Candidate &candidate : candidates) {
            if (refined == maxApproximateCandidates || !spend(budget, startCost))
                break;
            candidate.start = approximateStart(text, exact, candidate.end, maxEdits);
            snapToCodePoints(text, candidate);
            ++refined;
        }
        if (refined == 0 && !candidates.isEmpty()) {
            result.outcome = Outcome::TooCostly;
            return result;
        }
        candidates.resize(refined);
        result.outcome = Outcome::Approximate;
    }
    if (candidates.isEmpty()) {
        result.outcome = Outcome::NotFound;
        return result;
    }

    // Only the context next to the quote matters (W3C suggests 32 characters); longer
    // context would make scoring quadratic in its length.
    const QStringView nearPrefix = prefix.right(maxContext);
    const QStringView nearSuffix = suffix.left(maxContext);
    const Candidate *best = nullptr;
    double bestScore = -1;
    for (const Candidate &candidate : std::as_const(candidates)) {
        const double value = score(text, exact, nearPrefix, nearSuffix, storedStart, candidate, budget);
        if (value < 0) { // the context comparisons are over the budget
            result.outcome = Outcome::TooCostly;
            return result;
        }
        if (value > bestScore) {
            bestScore = value;
            best = &candidate;
        }
    }
    result.start = best->start;
    result.end = best->end;
    result.edits = best->edits;
    return result;
}

int PassageAnchor::codePointToUtf16(QStringView text, qint64 codePointOffset)
{
    return CodePointIndex(text).toUtf16(codePointOffset);
}

qint64 PassageAnchor::utf16ToCodePoint(QStringView text, int utf16Index)
{
    return CodePointIndex(text).toCodePoint(utf16Index);
}

qint64 PassageAnchor::codePointCount(QStringView text)
{
    return CodePointIndex(text).codePointCount();
}

QList<int> PassageAnchor::findAll(QStringView text, QStringView pattern, qsizetype limit)
{
    QList<int> found;
    const qsizetype m = pattern.size();
    if (m == 0 || m > text.size() || limit <= 0)
        return found;
    // failure[i]: length of the longest proper border of pattern[0..i].
    std::vector<int> failure(std::size_t(m), 0);
    for (qsizetype i = 1, k = 0; i < m; ++i) {
        while (k > 0 && pattern.at(i) != pattern.at(k))
            k = failure[std::size_t(k - 1)];
        if (pattern.at(i) == pattern.at(k))
            ++k;
        failure[std::size_t(i)] = int(k);
    }
    const QChar first = pattern.at(0);
    for (qsizetype i = 0, k = 0; i < text.size(); ++i) {
        if (k == 0) {
            // Nothing matched yet: jump to the next possible start (a vectorised scan),
            // where KMP would step one character at a time. Still linear.
            i = text.indexOf(first, i);
            if (i < 0)
                break;
        }
        while (k > 0 && text.at(i) != pattern.at(k))
            k = failure[std::size_t(k - 1)];
        if (text.at(i) == pattern.at(k))
            ++k;
        if (k == m) {
            found.append(int(i - m + 1));
            if (found.size() >= limit)
                break;
            k = failure[std::size_t(k - 1)];
        }
    }
    return found;
}

int PassageAnchor::editDistance(QStringView a, QStringView b)
{
    std::vector<int> row(b.size() + 1);
    for (int j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (int i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = i;
        for (int j = 1; j <= b.size(); ++j) {
            const int above = row[j];
            row[j] = std::min({diagonal + (a.at(i - 1) == b.at(j - 1) ? 0 : 1), above + 1,
                               row[j - 1] + 1});
            diagonal = above;
        }
    }
    return row[b.size()];
}

} // namespace ntl
