#include "wrappedlabel.h"

#include <QEvent>
#include <QTextBoundaryFinder>
#include <QTextLayout>
#include <QtMath>

namespace ntl {

namespace {
constexpr qsizetype WidthsKept = 4;

// The text's paragraphs as QLabel's text document makes them: it starts a new one at \n, \r,
// \r\n and U+2029 alike (split at \n alone, such a text was measured a line short and its
// last line cut off).
QList<QStringView> paragraphs(const QString &text) {
    QList<QStringView> found;
    const QStringView all(text);
    qsizetype from = 0;
    for (qsizetype i = 0; i < all.size(); ++i) {
        const QChar c = all[i];
        if (c != u'\n' && c != u'\r' && c != QChar::ParagraphSeparator)
            continue;
        found.append(all.sliced(from, i - from));
        if (c == u'\r' && i + 1 < all.size() && all[i + 1] == u'\n')
            ++i;
        from = i + 1;
    }
    found.append(all.sliced(from));
    return found;
}
} // namespace

bool WrappedLabel::Key::operator==(const Key &other) const {
    return margins == other.margins && indent == other.indent && margin == other.margin &&
           wordWrap == other.wordWrap && format == other.format && text == other.text;
}

WrappedLabel::WrappedLabel(QWidget *parent)
    : QLabel(parent) {}

void WrappedLabel::checkKey() const {
    // QLabel::setText() and its siblings are not virtual: the key is compared instead. The
    // text compares equal quickly when it is the same shared string, as it mostly is.
    const Key now{text(), contentsMargins(), indent(), margin(), wordWrap(), textFormat()};
    if (now == m_key)
        return;
    m_key = now;
    m_sizeHint = QSize();
    m_minimumSizeHint = QSize();
    m_heights.clear();
}

bool WrappedLabel::measuredByWords() const {
    // The plain wrapped text of this app's labels; anything else as QLabel measures it.
    // A tab: the label's document puts its stops elsewhere than a bare text layout does.
    return wordWrap() && textFormat() == Qt::PlainText && indent() <= 0 && margin() == 0 &&
           frameWidth() == 0 && pixmap().isNull() && !text().contains(u'\t');
}

void WrappedLabel::measureWords() const {
    // Font metrics over the text, no text layout: the widest line unwrapped, and the widest
    // piece between two places a line may break (Unicode's line breaking, as the layout's:
    // after a space, a hyphen, a slash), the narrowest the label can be without cutting one.
    const QFontMetrics metrics(font());
    const QString shown = text();
    m_lines = 0;
    m_widestLine = 0;
    m_widestWord = 0;
    for (const QStringView line : paragraphs(shown)) {
        ++m_lines;
        m_widestLine = std::max(m_widestLine, metrics.horizontalAdvance(line.toString()));
        QTextBoundaryFinder breaks(QTextBoundaryFinder::Line, line.data(), int(line.size()));
        qsizetype from = 0;
        while (breaks.toNextBoundary() >= 0) {
            const qsizetype to = breaks.position();
            QStringView piece = line.sliced(from, to - from);
            while (!piece.isEmpty() && piece.back().isSpace())
                piece.chop(1);
            if (!piece.isEmpty())
                m_widestWord = std::max(m_widestWord, metrics.horizontalAdvance(piece.toString()));
            from = to;
        }
    }
}

QSize WrappedLabel::sizeHint() const {
    checkKey();
    if (m_sizeHint.isValid())
        return m_sizeHint;
    if (!measuredByWords())
        return m_sizeHint = QLabel::sizeHint();
    // As QLabel: the text's width up to 80 average characters, and its height there.
    measureWords();
    const QMargins margins = contentsMargins();
    const int across = margins.left() + margins.right();
    const int width =
        std::min(m_widestLine, 80 * QFontMetrics(font()).averageCharWidth()) + across;
    return m_sizeHint = QSize(width, heightForWidth(width));
}

QSize WrappedLabel::minimumSizeHint() const {
    checkKey();
    if (m_minimumSizeHint.isValid())
        return m_minimumSizeHint;
    if (!measuredByWords())
        return m_minimumSizeHint = QLabel::minimumSizeHint();
    // As QLabel: the widest word, and the height of the lines unwrapped (or less).
    const QSize hint = sizeHint(); // measures the words
    const QMargins margins = contentsMargins();
    const int lines = m_lines * QFontMetrics(font()).height() + margins.top() + margins.bottom();
    return m_minimumSizeHint = QSize(std::min(hint.width(), m_widestWord + margins.left() +
                                                                margins.right()),
                                     std::min(hint.height(), lines));
}

int WrappedLabel::heightForWidth(int width) const {
    checkKey();
    for (const auto &[known, height] : std::as_const(m_heights))
        if (known == width)
            return height;
    const int height = measuredByWords() ? laidOutHeight(width) : QLabel::heightForWidth(width);
    if (m_heights.size() == WidthsKept)
        m_heights.removeFirst();
    m_heights.append({width, height});
    return height;
}

int WrappedLabel::laidOutHeight(int width) const {
    // The lines as the label's text document lays them out (a block per line of the text,
    // broken where Unicode allows, a word wider than the width left whole, leading
    // included), on one QTextLayout: QLabel lays its document out twice for each width
    // asked (then again at its old width).
    const QMargins margins = contentsMargins();
    const qreal room = std::max(0, width - margins.left() - margins.right());
    QTextOption option;
    option.setWrapMode(QTextOption::WordWrap);
    option.setTextDirection(layoutDirection());
    const QString shown = text();
    qreal height = 0;
    for (const QStringView line : paragraphs(shown)) {
        QTextLayout layout(line.toString(), font());
        layout.setTextOption(option);
        layout.setCacheEnabled(false);
        layout.beginLayout();
        for (QTextLine row = layout.createLine(); row.isValid(); row = layout.createLine()) {
            row.setLeadingIncluded(true);
            row.setLineWidth(room);
            height += row.height();
        }
        layout.endLayout();
    }
    return qCeil(height) + margins.top() + margins.bottom();
}

void WrappedLabel::changeEvent(QEvent *event) {
    switch (event->type()) {
    case QEvent::FontChange:
    case QEvent::StyleChange:
    case QEvent::LayoutDirectionChange:
    case QEvent::ContentsRectChange:
        m_key = Key();
        m_sizeHint = QSize();
        m_minimumSizeHint = QSize();
        m_heights.clear();
        break;
    default:
        break;
    }
    QLabel::changeEvent(event);
}

} // namespace ntl
