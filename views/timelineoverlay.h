#pragma once

#include <QColor>
#include <QFont>
#include <QGraphicsItem>
#include <QList>
#include <QPen>
#include <QPointF>
#include <QRectF>
#include <QString>

class QChart;

namespace ntl {

// Draws what Qt Charts would otherwise need one item per shape for: span bars, the
// lines joining an event's lanes, title labels and the numbers on count markers. One
// item paints them all, so a frame costs the same whatever the number of shapes.
// Geometry is in chart values (axis units, rows) and mapped when painting.
class TimelineOverlay : public QGraphicsItem
{
public:
    struct Line {
        QPointF from; // chart values
        QPointF to;
        QPen pen;
    };
    struct Label {
        QRectF rect; // chart item coordinates (pixels)
        QString text;
    };
    struct Count {
        QPointF at; // chart values
        QString text;
    };

    explicit TimelineOverlay(QChart *chart);

    void setLines(QList<Line> lines);
    void setLabels(QList<Label> labels, const QFont &font, const QColor &text, const QColor &backing);
    void setCounts(QList<Count> counts, const QFont &font, const QColor &text);
    const QList<Label> &labels() const { return m_labels; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QChart *m_chart;
    QList<Line> m_lines;
    QList<Label> m_labels;
    QList<Count> m_counts;
    QFont m_labelFont;
    QFont m_countFont;
    QColor m_labelColor;
    QColor m_backingColor;
    QColor m_countColor;
};

} // namespace ntl
