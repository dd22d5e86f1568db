#include "passagehighlights.h"

#include <QTextBlock>
#include <QTextDocument>

#include <algorithm>

namespace ntl {

void PassageHighlights::add(int start, int end, bool emphasised) {
    if (end > start)
        m_passages.append({start, end, emphasised});
}

QList<PassageHighlights::Range> PassageHighlights::ranges() const {
    // A sweep over the passages' ends: between two boundaries, the count of plain and of
    // emphasised passages open there decides the highlight.
    struct Boundary {
        int at;
        int plainDelta;
        int emphasisedDelta;
    };
    QList<Boundary> boundaries;
    boundaries.reserve(m_passages.size() * 2);
    for (const Range &passage : m_passages) {
        boundaries.append({passage.start, passage.emphasised ? 0 : 1, passage.emphasised ? 1 : 0});
        boundaries.append({passage.end, passage.emphasised ? 0 : -1, passage.emphasised ? -1 : 0});
    }
    std::sort(boundaries.begin(), boundaries.end(),
              [](const Boundary &a, const Boundary &b) { return a.at < b.at; });
    QList<Range> ranges;
    int plain = 0;
    int emphasised = 0;
    for (qsizetype i = 0; i < boundaries.size();) {
        const int at = boundaries.at(i).at;
        for (; i < boundaries.size() && boundaries.at(i).at == at; ++i) {
            plain += boundaries.at(i).plainDelta;
            emphasised += boundaries.at(i).emphasisedDelta;
        }
        if (i == boundaries.size() || (plain == 0 && emphasised == 0))
            continue;
        const Range next{at, boundaries.at(i).at, emphasised > 0};
        if (!ranges.isEmpty() && ranges.last().end == next.start &&
            ranges.last().emphasised == next.emphasised)
            ranges.last().end = next.end;
        else
            ranges.append(next);
    }
    return ranges;
}

QList<int> PassageHighlights::passagesAt(int position) const {
    // A scan: one click costs microseconds even with 10,000 passages.
    QList<int> found;
    for (qsizetype i = 0; i < m_passages.size(); ++i) {
        if (m_passages.at(i).start <= position && position < m_passages.at(i).end)
            found.append(int(i));
    }
    return found;
}

bool PassageHighlights::apply(QTextDocument &document, const QTextCharFormat &plain,
                              const QTextCharFormat &emphasised) const {
    return apply(document, ranges(), plain, emphasised);
}

bool PassageHighlights::apply(QTextDocument &document, const QList<Range> &all,
                              const QTextCharFormat &plain, const QTextCharFormat &emphasised) {
    qsizetype first = 0;
    // The changed blocks' positions and lengths.
    QList<std::pair<int, int>> changed;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const int blockStart = block.position();
        const int blockEnd = blockStart + block.length();
        while (first < all.size() && all.at(first).end <= blockStart)
            ++first;
        QList<QTextLayout::FormatRange> formats;
        for (qsizetype i = first; i < all.size() && all.at(i).start < blockEnd; ++i) {
            const int start = std::max(all.at(i).start, blockStart);
            const int end = std::min(all.at(i).end, blockEnd);
            formats.append(
                {start - blockStart, end - start, all.at(i).emphasised ? emphasised : plain});
        }
        QTextLayout *layout = block.layout();
        if (layout->formats() == formats)
            continue;
        layout->setFormats(formats);
        changed.append({blockStart, blockEnd - blockStart});
    }
    if (changed.isEmpty())
        return false;
    // Formats split the text into items shaped apart: lay the changed blocks out again
    // (QSyntaxHighlighter does the same). A few blocks (a passage added, the emphasis moved)
    // each on its own: a one-block change is laid out at once and repaints that block, where
    // one change from the first to the last would drop the layout of every block between
    // (a new event's passage and the old emphasis may be pages apart) and repaint them all.
    // Many (another article, a filter) in one change rather than one per block.
    constexpr qsizetype fewBlocks = 16;
    if (changed.size() <= fewBlocks) {
        for (const auto &[start, length] : std::as_const(changed))
            document.markContentsDirty(start, length);
    } else {
        const int end = changed.last().first + changed.last().second;
        document.markContentsDirty(changed.first().first, end - changed.first().first);
    }
    return true;
}

} // namespace ntl
