#include "articlelayout.h"

#include <QAbstractTextDocumentLayout>
#include <QFontMetricsF>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextLayout>

#include <algorithm>

namespace ntl {

namespace {
constexpr qreal smallestPointSize = 7.0;
// Lines ending this close to a cut inside a paragraph may differ from the whole text's
// (shaping and bidi look ahead): they are not relied on.
constexpr int slack = 256;
// A cut looks this far for a paragraph's end, so that no line is cut at all.
constexpr int paragraphSearch = 4096;
} // namespace

ArticleLayout::ArticleLayout(const QString &text, const QList<PassageHighlights::Range> &highlights,
                             const Formats &formats, const QFont &font, qreal largestPointSize,
                             const QSizeF &size)
    : m_text(text)
    , m_highlights(highlights)
    , m_formats(formats)
    , m_width(size.width()) {
    QFont sized = font;
    sized.setPointSizeF(smallestPointSize);
    // What the smallest type might hold, twice over; grown by doubling when short.
    const QFontMetricsF smallest(sized);
    const qreal lines = size.height() / std::max<qreal>(1.0, smallest.lineSpacing());
    const qreal perLine = size.width() / std::max<qreal>(1.0, smallest.averageCharWidth());
    build(prefixEnd(qsizetype(
        std::min<qreal>(qreal(text.size()), std::max<qreal>(slack * 4, 2 * lines * perLine)))));
    for (qreal points = largestPointSize; points >= smallestPointSize; points -= 0.5) {
        m_pointSize = points;
        sized.setPointSizeF(points);
        m_document.setDefaultFont(sized);
        while (m_prefix < text.size() && reliableHeight() <= size.height())
            build(prefixEnd(qsizetype(m_prefix) * 2)); // might fit: look further
        if (reliableHeight() <= size.height())
            return;
    }
    m_overflows = true;
}

int ArticleLayout::prefixEnd(qsizetype wanted) const {
    if (wanted >= m_text.size())
        return int(m_text.size());
    const qsizetype paragraphEnd = m_text.indexOf(u'\n', wanted);
    if (paragraphEnd >= 0 && paragraphEnd - wanted < paragraphSearch)
        return int(paragraphEnd); // the paragraph break itself is left out
    if (m_text.at(wanted - 1).isHighSurrogate())
        ++wanted; // a code point stays whole
    return int(wanted);
}

void ArticleLayout::build(int prefix) {
    m_prefix = prefix;
    m_document.setPlainText(m_text.left(prefix)); // plain text: never markup
    m_document.setDocumentMargin(0);
    QTextCursor cursor(&m_document);
    cursor.select(QTextCursor::Document);
    cursor.mergeCharFormat(m_formats.text);
    PassageHighlights::apply(m_document, m_highlights, m_formats.highlight, m_formats.emphasis);
    m_document.setTextWidth(m_width);
}

bool ArticleLayout::cutInsideParagraph() const {
    return m_prefix < m_text.size() && m_text.at(m_prefix) != u'\n';
}

qreal ArticleLayout::reliableHeight() const {
    if (!cutInsideParagraph())
        return m_document.size().height();
    // The lines of the cut paragraph up to `slack` before the cut.
    const QTextBlock last = m_document.lastBlock();
    const QTextLayout *layout = last.layout();
    const qreal top = m_document.documentLayout()->blockBoundingRect(last).top();
    qreal height = top;
    for (int i = 0; i < layout->lineCount(); ++i) {
        const QTextLine line = layout->lineAt(i);
        if (line.textStart() + line.textLength() > last.length() - 1 - slack)
            break;
        height = top + line.rect().bottom();
    }
    return height;
}

qreal ArticleLayout::wholeLinesEnd(qreal limit) const {
    if (!m_overflows)
        return limit;
    // The first line reaching below `limit` is above the reliable height, which is below
    // the rectangle's bottom: one laid out as with the whole text.
    for (QTextBlock block = m_document.begin(); block.isValid(); block = block.next()) {
        const qreal top = m_document.documentLayout()->blockBoundingRect(block).top();
        const QTextLayout *layout = block.layout();
        for (int i = 0; i < layout->lineCount(); ++i) {
            if (top + layout->lineAt(i).rect().bottom() > limit)
                return top + layout->lineAt(i).rect().top();
        }
    }
    return limit;
}

} // namespace ntl
