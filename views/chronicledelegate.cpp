#include "chronicledelegate.h"

#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "sidepalette.h"

#include <QPainter>
#include <QTextLayout>

#include <cmath>
#include <memory>
#include <vector>

namespace ntl {

namespace {
// Hostile files may hold megabytes in a summary or a quote: a row shows a readable amount
// and the details panel the rest. Titles are never cut.
constexpr qsizetype maxSummaryLength = 4000;
constexpr qsizetype maxQuoteLength = 1200;
constexpr qsizetype maxParticipants = 40;
constexpr int entryCacheSize = 4096;
constexpr int stripeWidth = 4;
constexpr int stripeGap = 2;

QString capped(const QString &text, qsizetype length) {
    return text.size() <= length ? text : text.left(length) + QChar(0x2026);
}

// QTextLayout breaks lines only at QChar::LineSeparator.
QString withLineSeparators(QString text) {
    text.replace(u'\n', QChar::LineSeparator);
    return text;
}

QColor mixed(const QColor &a, const QColor &b, qreal amountOfB) {
    return QColor::fromRgbF(float(a.redF() * (1 - amountOfB) + b.redF() * amountOfB),
                            float(a.greenF() * (1 - amountOfB) + b.greenF() * amountOfB),
                            float(a.blueF() * (1 - amountOfB) + b.blueF() * amountOfB));
}

QFont scaled(QFont font, qreal factor) {
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * factor);
    else if (font.pixelSize() > 0)
        font.setPixelSize(qRound(font.pixelSize() * factor));
    return font;
}

// One wrapped paragraph, positioned in row coordinates.
struct Paragraph {
    std::unique_ptr<QTextLayout> layout;
    QPointF position;
    QColor color;
};

int wrap(QTextLayout *layout, int width) {
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout->setTextOption(option);
    layout->setCacheEnabled(true);
    qreal height = 0;
    layout->beginLayout();
    for (QTextLine line = layout->createLine(); line.isValid(); line = layout->createLine()) {
        line.setLineWidth(std::max(1, width));
        line.setPosition(QPointF(0, height));
        height += line.height();
    }
    layout->endLayout();
    return int(std::ceil(height));
}
} // namespace

ChronicleDelegate::ChronicleDelegate(QObject *parent)
    : QStyledItemDelegate(parent) {}

const Event *ChronicleDelegate::eventOf(const QModelIndex &index, const EventModel **model) const {
    if (!index.isValid())
        return nullptr;
    const auto *filter = qobject_cast<const EventFilterModel *>(index.model());
    const EventModel *events =
        filter ? filter->eventSource() : qobject_cast<const EventModel *>(index.model());
    if (!events)
        return nullptr;
    const int row = filter ? filter->mapToSource(index).row() : index.row();
    if (model)
        *model = events;
    return events->event(row);
}

void ChronicleDelegate::clearCache() const {
    m_entries.clear();
    m_cacheModel = nullptr;
}

ChronicleEntry ChronicleDelegate::entry(const QModelIndex &index) const {
    const EventModel *events = nullptr;
    const Event *event = eventOf(index, &events);
    if (!event || !events->dataset())
        return {};
    if (events != m_cacheModel || events->generation() != m_cacheGeneration ||
        m_entries.size() > entryCacheSize) {
        m_entries.clear();
        m_cacheModel = events;
        m_cacheGeneration = events->generation();
    }
    auto found = m_entries.constFind(event);
    if (found == m_entries.constEnd())
        found = m_entries.insert(event, ChronicleEntry::of(*events->dataset(), *event));
    return *found;
}

ChronicleHeading ChronicleDelegate::heading(const QModelIndex &index) const {
    const Event *event = eventOf(index, nullptr);
    return event ? ChronicleHeading::of(event->date) : ChronicleHeading();
}

QString ChronicleDelegate::headingText(const QModelIndex &index) const {
    if (!index.isValid())
        return {};
    const ChronicleHeading mine = heading(index);
    if (index.row() > 0 && heading(index.siblingAtRow(index.row() - 1)) == mine)
        return {};
    return mine.text();
}

ChronicleDelegate::Content ChronicleDelegate::content(const QModelIndex &index) const {
    Content content;
    const EventModel *events = nullptr;
    const Event *event = eventOf(index, &events);
    if (!event || !events->dataset())
        return content;
    content.heading = headingText(index);
    content.dayHeading = heading(index).isDay();
    const ChronicleEntry e = entry(index);
    for (const QString &sideId : e.sideIds)
        content.sideIndexes.append(events->dataset()->sideIndex(sideId));

    QString date = e.dateText;
    if (!e.sideNames.isEmpty())
        date += QStringLiteral(" · ") + e.sideNames.join(QStringLiteral(", "));
    content.blocks.append({Style::Date, date});
    content.blocks.append({Style::Title, withLineSeparators(e.title)});
    if (!e.summary.isEmpty())
        content.blocks.append(
            {Style::Body, withLineSeparators(capped(e.summary, maxSummaryLength))});
    if (!e.participants.isEmpty()) {
        QStringList names = e.participants.mid(0, maxParticipants);
        if (e.participants.size() > maxParticipants)
            names.append(tr("and %1 more").arg(e.participants.size() - maxParticipants));
        content.blocks.append(
            {Style::Muted, tr("Participants: %1").arg(names.join(QStringLiteral(", ")))});
    }
    QString reported = e.reportedBy;
    if (!reported.isEmpty())
        reported[0] = reported.at(0).toUpper();
    content.blocks.append({Style::Muted, reported});
    if (e.hasDisagreement) {
        QStringList topics = e.disagreementTopics;
        topics.removeAll(QString());
        content.blocks.append(
            {Style::Disagreement,
             topics.isEmpty()
                 ? tr("★ Sources disagree")
                 : tr("★ Sources disagree: %1").arg(topics.join(QStringLiteral("; ")))});
    }
    if (!e.firstQuote.isEmpty()) {
        content.blocks.append({Style::Quote, withLineSeparators(tr("“%1”").arg(capped(
                                                 e.firstQuote.simplified(), maxQuoteLength)))});
        content.blocks.append({Style::QuoteSource, tr("— %1").arg(e.firstQuoteArticleTitle)});
    }
    return content;
}

QStringList ChronicleDelegate::drawnTexts(const QModelIndex &index) const {
    const Content c = content(index);
    QStringList texts;
    if (!c.heading.isEmpty())
        texts.append(c.heading);
    for (const Block &block : c.blocks) {
        QString text = block.text;
        text.replace(QChar::LineSeparator, u'\n');
        texts.append(text);
    }
    return texts;
}

int ChronicleDelegate::layoutRow(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index, QRect *entryRect) const {
    const Content c = content(index);
    const QFontMetrics metrics(option.font);
    const int pad = std::max(4, metrics.height() / 2);
    const QRect rect = option.rect;
    const int stripes = int(std::max<qsizetype>(1, c.sideIndexes.size()));
    const int textLeft = pad + stripes * (stripeWidth + stripeGap) + pad;
    const int textWidth = std::max(40, rect.width() - textLeft - pad);

    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const QPalette &palette = option.palette;
    const QColor text = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor background = palette.color(selected ? QPalette::Highlight : QPalette::Base);
    const QColor muted = mixed(text, background, 0.3);
    const bool dark = SidePalette::isDarkPalette(palette);
    const QColor warning = selected ? text
                           : dark   ? QColor(0xff, 0xb8, 0x4d)
                                    : QColor(0xa3, 0x4a, 0x00);

    std::vector<Paragraph> paragraphs;
    int y = 0;
    int headingRule = -1;
    if (!c.heading.isEmpty()) {
        QFont font = scaled(option.font, c.dayHeading ? 1.2 : 1.1);
        font.setBold(true);
        font.setItalic(!c.dayHeading); // spans and imprecise dates set apart from days
        Paragraph p{std::make_unique<QTextLayout>(c.heading, font), QPointF(pad, y + pad),
                    palette.color(QPalette::Text)};
        y += pad + wrap(p.layout.get(), rect.width() - 2 * pad);
        headingRule = y + 2;
        y += 4;
        paragraphs.push_back(std::move(p));
    }
    const int entryTop = y;
    y += pad / 2;
    const int quoteIndent = pad + 3;
    int quoteTop = -1;
    int quoteBottom = -1;
    for (const Block &block : c.blocks) {
        QFont font = option.font;
        QColor color = text;
        int indent = 0;
        switch (block.style) {
        case Style::Heading:
        case Style::Body:
            break;
        case Style::Date:
            font = scaled(font, 0.92);
            color = muted;
            break;
        case Style::Title:
            font = scaled(font, 1.08);
            font.setBold(true);
            break;
        case Style::Muted:
            color = muted;
            break;
        case Style::Disagreement:
            color = warning;
            break;
        case Style::Quote:
            font.setItalic(true);
            indent = quoteIndent;
            break;
        case Style::QuoteSource:
            color = muted;
            indent = quoteIndent;
            break;
        }
        if (block.style == Style::Quote)
            quoteTop = y;
        Paragraph p{std::make_unique<QTextLayout>(block.text, font), QPointF(textLeft + indent, y),
                    color};
        y += wrap(p.layout.get(), textWidth - indent) + 2;
        if (block.style == Style::QuoteSource)
            quoteBottom = y - 2;
        paragraphs.push_back(std::move(p));
    }
    y += pad / 2 + 2;
    const int height = y;
    if (entryRect)
        *entryRect = QRect(rect.left(), rect.top() + entryTop, rect.width(), height - entryTop);
    if (!painter)
        return height;

    painter->save();
    painter->translate(rect.topLeft());
    const QRect entry(0, entryTop, rect.width(), height - entryTop);
    if (selected)
        painter->fillRect(entry.adjusted(0, 0, 0, -1), background);
    else // a faint rule between entries of one group
        painter->fillRect(
            QRect(textLeft, height - 1, rect.width() - textLeft - pad, 1),
            mixed(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.12));
    if (headingRule >= 0) {
        painter->setPen(QPen(palette.color(QPalette::Mid), 1));
        painter->drawLine(pad, headingRule, rect.width() - pad, headingRule);
    }
    // One stripe per side in the side's colour, as the timeline's lanes (grey: no side).
    const EventModel *events = nullptr;
    eventOf(index, &events);
    const SidePalette sides(palette, events ? events->dataset().get() : nullptr);
    for (int i = 0; i < stripes; ++i) {
        const int side = i < c.sideIndexes.size() ? c.sideIndexes.at(i) : -1;
        painter->fillRect(QRect(pad + i * (stripeWidth + stripeGap), entryTop + pad / 2,
                                stripeWidth, height - entryTop - pad),
                          sides.color(side));
    }
    if (quoteTop >= 0 && quoteBottom > quoteTop)
        painter->fillRect(QRect(textLeft, quoteTop + 2, 2, quoteBottom - quoteTop - 4),
                          selected ? text : palette.color(QPalette::Mid));
    for (const Paragraph &p : paragraphs) {
        painter->setPen(p.color);
        p.layout->draw(painter, p.position);
    }
    if (option.state.testFlag(QStyle::State_HasFocus)) {
        // A frame of its own: styles draw focus rectangles that vanish on a highlight.
        painter->setPen(QPen(selected ? text : palette.color(QPalette::Highlight), 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(QRectF(entry).adjusted(1, 1, -1, -2));
    }
    painter->restore();
    return height;
}

void ChronicleDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const {
    layoutRow(painter, option, index);
}

QSize ChronicleDelegate::sizeHint(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const {
    return QSize(option.rect.width(), layoutRow(nullptr, option, index));
}

QRect ChronicleDelegate::entryRect(const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const {
    QRect rect;
    layoutRow(nullptr, option, index, &rect);
    return rect;
}

} // namespace ntl
