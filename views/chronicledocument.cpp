#include "chronicledocument.h"

#include "printabletext.h"
#include "sidepalette.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextLayout>

#include <algorithm>

namespace ntl {

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("ChronicleDocument", text);
}

constexpr qreal bodyPoints = 10;
constexpr int layoutDpi = 96;
// Check the layout's height every this many entries while building with a bound: often
// enough to stop early, rarely enough not to lay out again and again.
constexpr int heightCheckInterval = 32;

QColor mixed(const QColor &a, const QColor &b, qreal t) {
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}
} // namespace

ChronicleDocument::ChronicleDocument(const ChronicleContent &content, const QPalette &palette,
                                     qreal textWidth, qreal maxHeight)
    : m_document(std::make_unique<QTextDocument>())
    , m_palette(palette) {
    QFont font;
    font.setPointSizeF(bodyPoints);
    // Any letter spacing turns ligatures off in Qt's shaper: text copied from the PDF then
    // reads "officials", not "oﬃcials" (one ligature character a search would not find).
    font.setLetterSpacing(QFont::AbsoluteSpacing, 0.02);
    m_document->setDefaultFont(font);
    m_document->setDocumentMargin(0);
    m_document->setUndoRedoEnabled(false);
    m_document->setTextWidth(textWidth);
    build(content, maxHeight);
}

ChronicleDocument::~ChronicleDocument() = default;

qreal ChronicleDocument::height() const {
    return m_document->documentLayout()->documentSize().height();
}

void ChronicleDocument::build(const ChronicleContent &content, qreal maxHeight) {
    const QColor text = m_palette.color(QPalette::Text);
    const QColor muted = mixed(text, m_palette.color(QPalette::Base), 0.38);
    // The timeline's ★ colour for disagreement: an orange readable on either background.
    const QColor disagree =
        SidePalette::isDarkPalette(m_palette) ? QColor(0xf0, 0xa8, 0x4a) : QColor(0xa8, 0x50, 0x00);
    QTextCursor cursor(m_document.get());

    QTextCharFormat plain;
    plain.setForeground(text);
    plain.setFontPointSize(bodyPoints);
    QTextCharFormat small = plain;
    small.setForeground(muted);
    small.setFontPointSize(bodyPoints - 1);
    QTextCharFormat bold = plain;
    bold.setFontWeight(QFont::Bold);

    bool firstBlock = true;
    // Every block but the first is a new one; text goes in with insertText only.
    const auto block = [&](const QTextBlockFormat &format, bool breakBefore) {
        if (firstBlock) {
            cursor.setBlockFormat(format);
            firstBlock = false;
        } else {
            cursor.insertBlock(format);
        }
        if (breakBefore)
            m_breakBefore.append(cursor.block().blockNumber());
    };
    const auto insert = [&](const QString &value, const QTextCharFormat &format) {
        // Line and paragraph separators would break the block's lines: shown as spaces.
        QString oneLine = value;
        for (QChar &c : oneLine) {
            if (c == u'\n' || c == u'\r' || c == QChar::LineSeparator ||
                c == QChar::ParagraphSeparator || c == u'\t')
                c = u' ';
        }
        cursor.insertText(PrintableText::oneLine(oneLine), format);
    };

    QTextBlockFormat titleBlock;
    titleBlock.setBottomMargin(4);
    QTextCharFormat titleFormat = bold;
    titleFormat.setFontPointSize(18);
    block(titleBlock, false);
    insert(content.title, titleFormat);
    QTextBlockFormat subtitleBlock;
    subtitleBlock.setBottomMargin(6);
    block(subtitleBlock, false);
    insert(content.subtitle, small);
    if (content.groups.isEmpty()) {
        QTextBlockFormat empty;
        empty.setTopMargin(16);
        block(empty, false);
        insert(tr("No event matches the filters."), plain);
    }

    QTextBlockFormat headingBlock;
    headingBlock.setTopMargin(18);
    headingBlock.setBottomMargin(2);
    QTextCharFormat headingFormat = bold;
    headingFormat.setFontPointSize(13);
    QTextCharFormat approximateHeading = headingFormat;
    approximateHeading.setFontItalic(true);
    QTextBlockFormat metaBlock;
    metaBlock.setTopMargin(10);
    QTextBlockFormat firstMetaBlock = metaBlock;
    firstMetaBlock.setTopMargin(6);
    QTextBlockFormat lineBlock;
    lineBlock.setTopMargin(2);
    QTextCharFormat entryTitle = bold;
    entryTitle.setFontPointSize(bodyPoints + 1);
    QTextBlockFormat quoteBlock;
    quoteBlock.setTopMargin(4);
    quoteBlock.setLeftMargin(18);
    QTextCharFormat quoteFormat = plain;
    quoteFormat.setFontItalic(true);
    QTextBlockFormat sourceBlock;
    sourceBlock.setLeftMargin(18);
    QTextCharFormat warning = small;
    warning.setForeground(disagree);

    int added = 0;
    for (const ChronicleContent::Group &group : content.groups) {
        block(headingBlock, true);
        insert(group.heading.text(), group.heading.isDay() ? headingFormat : approximateHeading);
        bool firstInGroup = true;
        for (const ChronicleEntry &entry : group.entries) {
            if (maxHeight > 0 && ++added % heightCheckInterval == 0 && height() > maxHeight) {
                m_truncated = true;
                return;
            }
            // The heading keeps its first entry: a page may not begin between them.
            block(firstInGroup ? firstMetaBlock : metaBlock, !firstInGroup);
            firstInGroup = false;
            for (qsizetype i = 0; i < entry.sideIds.size(); ++i) {
                const QColor color = content.sideColors.value(entry.sideIds.at(i));
                if (!color.isValid())
                    continue;
                QTextCharFormat swatch = small;
                swatch.setForeground(color);
                cursor.insertText(QStringLiteral("■ "), swatch);
            }
            insert(entry.dateText, small);
            if (!entry.sideNames.isEmpty())
                insert(QStringLiteral(" · ") + entry.sideNames.join(QStringLiteral(", ")), small);
            block(lineBlock, false);
            insert(entry.title, entryTitle);
            if (!entry.summary.isEmpty()) {
                block(lineBlock, false);
                insert(entry.summary, plain);
            }
            if (!entry.participants.isEmpty()) {
                block(lineBlock, false);
                insert(tr("Participants: "), small);
                insert(entry.participants.join(QStringLiteral(", ")), plain);
            }
            block(lineBlock, false);
            insert(entry.reportedBy, small);
            if (entry.hasDisagreement) {
                QString words = tr(" · ★ sources disagree");
                if (!entry.disagreementTopics.isEmpty())
                    words +=
                        QStringLiteral(": ") + entry.disagreementTopics.join(QStringLiteral("; "));
                insert(words, warning);
            }
            if (!entry.firstQuote.isEmpty()) {
                block(quoteBlock, false);
                insert(QStringLiteral("“") + entry.firstQuote + QStringLiteral("”"), quoteFormat);
                block(sourceBlock, false);
                insert(QStringLiteral("— ") + entry.firstQuoteArticleTitle, small);
            }
        }
    }

    if (!content.references.isEmpty()) {
        block(headingBlock, true);
        insert(tr("References"), headingFormat);
        int number = 0;
        for (const ChronicleContent::Reference &reference : content.references) {
            if (maxHeight > 0 && ++added % heightCheckInterval == 0 && height() > maxHeight) {
                m_truncated = true;
                return;
            }
            QTextBlockFormat item;
            item.setTopMargin(number == 0 ? 6 : 4);
            item.setLeftMargin(24);
            item.setTextIndent(-24); // a hanging number, the text at the tab
            item.setTabPositions({QTextOption::Tab(24, QTextOption::LeftTab)});
            block(item, number > 0);
            cursor.insertText(QStringLiteral("%1.\t").arg(++number), plain);
            insert(reference.title, plain);
            QStringList details;
            if (!reference.publisher.isEmpty())
                details.append(reference.publisher);
            if (!reference.published.isEmpty())
                details.append(reference.published);
            if (!details.isEmpty())
                insert(QStringLiteral(". ") + details.join(QStringLiteral(", ")), plain);
            if (!reference.url.isEmpty())
                insert(QStringLiteral(". ") + reference.url, small);
        }
    }
    if (maxHeight > 0 && height() > maxHeight)
        m_truncated = true;
}

QList<QPair<qreal, qreal>> ChronicleDocument::pages(qreal pageHeight) const {
    QAbstractTextDocumentLayout *layout = m_document->documentLayout();
    const qreal total = height();
    // Where a page may begin: before an entry or a heading; else, inside an entry taller
    // than a page, before any line.
    QList<qreal> preferred;
    for (const int number : m_breakBefore)
        preferred.append(layout->blockBoundingRect(m_document->findBlockByNumber(number)).top());
    QList<qreal> lines;
    for (QTextBlock b = m_document->begin(); b.isValid(); b = b.next()) {
        const QTextLayout *blockLayout = b.layout();
        const qreal y = blockLayout->position().y();
        for (int i = 0; i < blockLayout->lineCount(); ++i)
            lines.append(y + blockLayout->lineAt(i).y());
    }
    std::sort(preferred.begin(), preferred.end());
    std::sort(lines.begin(), lines.end());
    const auto lastWithin = [](const QList<qreal> &ys, qreal after, qreal limit) {
        auto it = std::upper_bound(ys.cbegin(), ys.cend(), limit);
        while (it != ys.cbegin()) {
            --it;
            if (*it > after + 1)
                return *it;
            break;
        }
        return qreal(-1);
    };
    QList<QPair<qreal, qreal>> result;
    qreal top = 0;
    while (top < total - 0.5) {
        const qreal limit = top + pageHeight;
        qreal bottom = total;
        if (limit < total) {
            bottom = lastWithin(preferred, top, limit);
            if (bottom < 0)
                bottom = lastWithin(lines, top, limit);
            if (bottom < 0)
                bottom = limit; // one line taller than a page: cut it
        }
        result.append({top, bottom});
        top = bottom;
    }
    if (result.isEmpty())
        result.append({0, total});
    return result;
}

void ChronicleDocument::drawRange(QPainter *painter, qreal top, qreal bottom) const {
    painter->save();
    painter->translate(0, -top);
    painter->setClipRect(QRectF(0, top, m_document->textWidth() + 2, bottom - top));
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = m_palette;
    context.palette.setColor(QPalette::Text, m_palette.color(QPalette::Text));
    // The layout skips every line outside the clip: shrunk by half a pixel, a line that
    // begins the next page (or ended the last one) is not drawn, even clipped away, so the
    // PDF holds each line once.
    context.clip = QRectF(0, top + 0.5, m_document->textWidth() + 2, bottom - top - 1);
    m_document->documentLayout()->draw(painter, context);
    painter->restore();
}

void ChronicleDocument::paintPage(QPainter *painter, const QSizeF &pageSize,
                                  const QPair<qreal, qreal> &range, int pageNumber,
                                  int pageCount) const {
    painter->save();
    painter->fillRect(QRectF(QPointF(0, 0), pageSize), m_palette.color(QPalette::Base));
    painter->translate(pageMarginX, pageMarginTop);
    drawRange(painter, range.first, range.second);
    painter->restore();
    painter->save();
    QFont font = m_document->defaultFont();
    font.setPointSizeF(bodyPoints - 1.5);
    painter->setFont(font);
    painter->setPen(mixed(m_palette.color(QPalette::Text), m_palette.color(QPalette::Base), 0.38));
    const QRectF footer(pageMarginX, pageSize.height() - pageMarginBottom + 24,
                        pageSize.width() - 2 * pageMarginX, pageMarginBottom - 36);
    painter->drawText(footer, Qt::AlignHCenter | Qt::AlignTop,
                      pageCount > 0 ? tr("Page %1 of %2").arg(pageNumber).arg(pageCount)
                                    : tr("Page %1").arg(pageNumber));
    painter->restore();
}

bool ChronicleDocument::paintPages(const ChronicleContent &content, const QPalette &palette,
                                   QPainter *painter, QPagedPaintDevice *device,
                                   const QSizeF &pageSize, QString *problem) {
    const qreal textWidth = pageSize.width() - 2 * pageMarginX;
    const qreal textHeight = pageSize.height() - pageMarginTop - pageMarginBottom;
    ChronicleDocument document(content, palette, textWidth);
    const QList<QPair<qreal, qreal>> ranges = document.pages(textHeight);
    for (qsizetype i = 0; i < ranges.size(); ++i) {
        if (i > 0 && !device->newPage()) {
            *problem = tr("could not add page %1").arg(i + 1);
            return false;
        }
        document.paintPage(painter, pageSize, ranges.at(i), int(i + 1), int(ranges.size()));
    }
    return true;
}

bool ChronicleDocument::writePdf(const ChronicleContent &content, const QPalette &palette,
                                 const QSizeF &paperMm, const QString &pdfTitle, QByteArray *bytes,
                                 QString *problem) {
    QBuffer buffer(bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(layoutDpi);
    // A portrait page turned, so a named page keeps its name (A4) in the PDF.
    const bool landscape = paperMm.width() > paperMm.height();
    writer.setPageSize(
        QPageSize(landscape ? paperMm.transposed() : paperMm, QPageSize::Millimeter));
    writer.setPageOrientation(landscape ? QPageLayout::Landscape : QPageLayout::Portrait);
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setTitle(PrintableText::oneLine(pdfTitle)); // QPdfWriter keeps controls
    writer.setCreator(QStringLiteral("Negotiation Timeline"));
    QPainter painter;
    if (!painter.begin(&writer)) {
        *problem = tr("could not start the PDF");
        return false;
    }
    const bool painted =
        paintPages(content, palette, &painter, &writer, paperMm / 25.4 * layoutDpi, problem);
    painter.end();
    buffer.close();
    return painted;
}

} // namespace ntl
