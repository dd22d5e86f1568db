#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace ntl {

class OccurrenceIndex;

// Finds a quoted passage in a text the way Hypothesis re-anchors annotations:
// the stored position if the text there is the quote; otherwise the exact
// occurrences nearest the stored position (at most 8); otherwise approximate matches
// with at most min(256, len/2) edits, widened to whole code points.
// Candidates are scored by the quote (50), prefix (20), suffix (20) and
// closeness to the stored position (2). All indices are QString (UTF-16) indices.
class PassageAnchor
{
public:
    enum class Outcome { AtStoredPosition, ExactElsewhere, Approximate, NotFound, TooCostly };

    struct Result {
        Outcome outcome = Outcome::NotFound;
        int start = -1;
        int end = -1;  // exclusive
        int edits = 0; // edits between the quote and the anchored text
    };

    // storedStart may be -1 when no usable position is known. Every search is charged to
    // `budget`, when given, which is what may still be spent and is reduced by what was:
    // the exact scan by the characters read, the approximate search by about text length
    // × quote length × 2, each context comparison by its length². Past it the outcome is
    // TooCostly, so a hostile file cannot make loading hang. `index`, when given, is the
    // text's occurrence index: a quote already scanned for is looked up, not searched again.
    static Result anchor(QStringView text, QStringView exact, QStringView prefix,
                         QStringView suffix, int storedStart, qint64 *budget = nullptr,
                         OccurrenceIndex *index = nullptr);

    // Code point offset -> UTF-16 index; -1 when past the end of the text. One-off
    // conversions; for many on one text, build a CodePointIndex once.
    static int codePointToUtf16(QStringView text, qint64 codePointOffset);
    // UTF-16 index -> code point offset.
    static qint64 utf16ToCodePoint(QStringView text, int utf16Index);
    static qint64 codePointCount(QStringView text);

    // Start positions of `pattern` in `text`, at most `limit` of them, in linear time
    // (Knuth–Morris–Pratt): a naive search is quadratic on repetitive text.
    static QList<int> findAll(QStringView text, QStringView pattern, qsizetype limit);

    // Levenshtein distance, for short strings (prefix, suffix).
    static int editDistance(QStringView a, QStringView b);
};

} // namespace ntl
