#include "timelineoverlay.h"

#include <QChart>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace ntl {

namespace {

// A five-pointed star of unit outer radius around the origin.
QPainterPath unitStar()
{
    QPainterPath path;
    for (int i = 0; i < 10; ++i) {
        const double radius = i % 2 == 0 ? 1.0 : 0.45;
        const double angle = -M_PI / 2 + i * M_PI / 5;
        const QPointF point(radius * std::cos(angle), radius * std::sin(angle));
        if (i == 0)
            path.moveTo(point);
        else
            path.lineTo(point);
    }
    path.closeSubpath();
    return path;
}

} // namespace

TimelineOverlay::TimelineOverlay(QChart *chart)
    : QGraphicsItem(chart)
{
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
}

void TimelineOverlay::setValueRange(const QRectF &plotArea, double fromX, double toX, double rows)
{
    prepareGeometryChange();
    m_plotArea = plotArea;
    const double sx = plotArea.width() / std::max(1e-9, toX - fromX);
    const double sy = plotArea.height() / std::max(1e-9, rows);
    m_valueToPosition = QTransform(sx, 0, 0, sy, plotArea.left() - fromX * sx, plotArea.top());
    update();
}

void TimelineOverlay::setLines(QList<Line> lines)
{
    m_lines = std::move(lines);
    update();
}

void TimelineOverlay::setMarkers(QList<Markers> markers)
{
    m_markers = std::move(markers);
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
    return m_plotArea.adjusted(-300, -20, 300, 20);
}

void TimelineOverlay::paintMarkers(QPainter *painter, const Markers &markers) const
{
    if (markers.at.isEmpty())
        return;
    painter->setPen(markers.pen);
    painter->setBrush(markers.fill.alpha() == 0 ? QBrush(Qt::NoBrush) : QBrush(markers.fill));
    const double half = markers.size / 2;
    switch (markers.shape) {
    case Shape::Circle:
        for (const QPointF &value : markers.at)
            painter->drawEllipse(toPosition(value), half, half);
        break;
    case Shape::Square:
        for (const QPointF &value : markers.at) {
            const QPointF centre = toPosition(value);
            painter->drawRect(QRectF(centre.x() - half, centre.y() - half, markers.size, markers.size));
        }
        break;
    case Shape::Star: {
        static const QPainterPath star = unitStar();
        for (const QPointF &value : markers.at) {
            const QPointF centre = toPosition(value);
            painter->save();
            painter->translate(centre);
            painter->scale(half, half);
            QPen pen = markers.pen;
            pen.setWidthF(pen.widthF() / half);
            painter->setPen(pen);
            painter->drawPath(star);
            painter->restore();
        }
        break;
    }
    }
}

void TimelineOverlay::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->save();
    painter->setClipRect(m_plotArea.adjusted(-2, -8, 2, 8));
    painter->setRenderHint(QPainter::Antialiasing);
    for (const Line &line : std::as_const(m_lines)) {
        painter->setPen(line.pen);
        painter->drawLine(toPosition(line.from), toPosition(line.to));
    }
    for (const Markers &markers : std::as_const(m_markers))
        paintMarkers(painter, markers);
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
        const QPointF centre = toPosition(count.at);
        painter->drawText(QRectF(centre.x() - 20, centre.y() - 10, 40, 20), Qt::AlignCenter, count.text);
    }
    painter->restore();
}

} // namespace ntl
