#include "timelineoverlay.h"

#include <QChart>
#include <QPainter>

namespace ntl {

TimelineOverlay::TimelineOverlay(QChart *chart)
    : QGraphicsItem(chart)
    , m_chart(chart)
{
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
}

void TimelineOverlay::setLines(QList<Line> lines)
{
    m_lines = std::move(lines);
    update();
}

void TimelineOverlay::setLabels(QList<Label> labels, const QFont &font, const QColor &text, const QColor &backing)
{
    m_labels = std::move(labels);
    m_labelFont = font;
    m_labelColor = text;
    m_backingColor = backing;
    update();
}

void TimelineOverlay::setCounts(QList<Count> counts, const QFont &font, const QColor &text)
{
    m_counts = std::move(counts);
    m_countFont = font;
    m_countColor = text;
    update();
}

QRectF TimelineOverlay::boundingRect() const
{
    return m_chart->plotArea().adjusted(-300, -20, 300, 20);
}

void TimelineOverlay::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QRectF plot = m_chart->plotArea();
    painter->save();
    painter->setClipRect(plot.adjusted(-2, -8, 2, 8));
    painter->setRenderHint(QPainter::Antialiasing);
    for (const Line &line : std::as_const(m_lines)) {
        painter->setPen(line.pen);
        painter->drawLine(m_chart->mapToPosition(line.from), m_chart->mapToPosition(line.to));
    }
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_backingColor);
    for (const Label &label : std::as_const(m_labels))
        painter->drawRect(label.rect.adjusted(-2, 0, 2, 0));
    painter->setFont(m_labelFont);
    painter->setPen(m_labelColor);
    for (const Label &label : std::as_const(m_labels))
        painter->drawText(label.rect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, label.text); // plain text
    painter->setFont(m_countFont);
    painter->setPen(m_countColor);
    for (const Count &count : std::as_const(m_counts)) {
        const QPointF centre = m_chart->mapToPosition(count.at);
        painter->drawText(QRectF(centre.x() - 20, centre.y() - 10, 40, 20), Qt::AlignCenter, count.text);
    }
    painter->restore();
}

} // namespace ntl
