#include "selectionpassage.h"

#include "codepointindex.h"

#include <algorithm>

namespace ntl {

void SelectionPassage::trim(QStringView text, int *start, int *end) {
    int from = std::clamp(*start, 0, int(text.size()));
    int to = std::clamp(*end, from, int(text.size()));
    // A selection ending inside a pair (possible with keyboard selection across an emoji)
    // takes the whole character.
    if (from > 0 && from < text.size() && text.at(from).isLowSurrogate())
        --from;
    if (to > 0 && to < text.size() && text.at(to).isLowSurrogate())
        ++to;
    while (from < to && text.at(from).isSpace())
        ++from;
    while (to > from && text.at(to - 1).isSpace())
        --to;
    *start = from;
    *end = to;
}

SourcePassage SelectionPassage::make(const Article &article, int start, int end) {
    const QStringView text(article.text);
    trim(text, &start, &end);
    SourcePassage passage;
    passage.articleId = article.id;
    if (start >= end)
        return passage;
    // Walk code points, not UTF-16 units, so the context never cuts a pair in half.
    int prefixStart = start;
    for (int n = 0; n < ContextLength && prefixStart > 0; ++n) {
        --prefixStart;
        if (prefixStart > 0 && text.at(prefixStart).isLowSurrogate() &&
            text.at(prefixStart - 1).isHighSurrogate())
            --prefixStart;
    }
    int suffixEnd = end;
    for (int n = 0; n < ContextLength && suffixEnd < text.size(); ++n) {
        ++suffixEnd;
        if (suffixEnd < text.size() && text.at(suffixEnd).isLowSurrogate() &&
            text.at(suffixEnd - 1).isHighSurrogate())
            ++suffixEnd;
    }
    passage.exact = text.mid(start, end - start).toString();
    passage.prefix = text.mid(prefixStart, start - prefixStart).toString();
    passage.suffix = text.mid(end, suffixEnd - end).toString();
    const CodePointIndex offsets(text);
    passage.storedStart = offsets.toCodePoint(start);
    passage.storedEnd = offsets.toCodePoint(end);
    passage.start = start;
    passage.end = end;
    return passage;
}

} // namespace ntl
