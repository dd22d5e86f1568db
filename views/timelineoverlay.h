#pragma once

#include <QColor>
#include <QFont>
#include <QGraphicsItem>
#include <QHash>
#include <QPixmap>
#include <QStaticText>
#include <QList>
#include <QPen>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QTransform>

class QChart;

namespace ntl {

// Draws the timeline's content in one item: span bars, the lines joining an event's
// lanes, event markers, count markers, rings, title labels and counts. Qt Charts would
// need a graphics item per point; one item painting them all keeps a frame's cost
// proportional to what is drawn, whatever the number of events.
// Geometry is in chart values (axis units, rows) and mapped when painting.
class TimelineOverlay : public QGraphicsItem
{
public:
    enum class Shape { Circle, Star, Square };

    struct Line {
        QPointF from; // chart values
        QPointF to;
        QPen pen;
    };
    // Markers of one look, painted in the order the groups are given.
    struct Markers {
        Shape shape = Shape::Circle;
        QColor fill; // transparent for rings
        QPen pen;
        double size = 11; // pixels across
        QList<QPointF> at; // chart values
    };
    struct Label {
        QRectF rect; // chart item coordinates (pixels)
        // Lines separated by '\n'. The rect holds a lane row per line; the lines are drawn at
        // the font's spacing (rows may be taller), the first centred on the first row.
        QString text;
    };
    // A density strip's bar: how many events a day, week or month holds.
    struct Bar {
        QRectF rect; // chart values
        QColor color;
    };
    struct Count {
        QPointF at; // chart values
        QString text;
    };

    explicit TimelineOverlay(QChart *chart);

    // Maps chart values to chart item coordinates: x in [fromX, toX] and rows in
    // [0, rows] (top to bottom) onto the plot area.
    void setValueRange(const QRectF &plotArea, double fromX, double toX, double rows);
    QPointF toPosition(const QPointF &value) const { return m_valueToPosition.map(value); }

    void setLines(QList<Line> lines);
    void setMarkers(QList<Markers> markers);
    void setBars(QList<Bar> bars);
    // Squeezed stretches of the axis (axis units): a band across the plot and a break
    // symbol on the axis, at every size, so evenly spaced ticks never pass for even time.
    void setBreaks(QList<QPair<double, double>> breaks, const QColor &band, const QColor &symbol);
    void setLabels(QList<Label> labels, const QFont &font, const QColor &text, const QColor &backing);
    void setCounts(QList<Count> counts, const QFont &font, const QColor &text);
    // Lane names drawn at the plot's left edge (chart item coordinates of each name's top
    // left), for lanes whose own axis label is scrolled out of sight.
    void setLaneTags(QList<QPair<QPointF, QString>> tags, const QFont &font, const QColor &text,
                     const QColor &backing);
    const QList<Label> &labels() const { return m_labels; }
    const QList<QPair<QPointF, QString>> &laneTags() const { return m_laneTags; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void paintLines(QPainter *painter) const;
    void paintBreaks(QPainter *painter) const;
    void paintMarkers(QPainter *painter, const Markers &markers) const;
    void paintShapes(QPainter *painter, const Markers &markers, const QTransform &toPixels) const;
    QPixmap markerPixmap(const Markers &markers, qreal devicePixelRatio) const;

    QRectF m_plotArea;
    QTransform m_valueToPosition;
    QList<Line> m_lines;
    QList<Markers> m_markers;
    QList<Label> m_labels;
    QList<Bar> m_bars;
    QList<QPair<QPointF, QString>> m_laneTags;
    QFont m_laneTagFont;
    QList<QPair<double, double>> m_breaks;
    QColor m_breakBand;
    QColor m_breakSymbol;
    QList<Count> m_counts;
    QFont m_labelFont;
    QFont m_countFont;
    QColor m_labelColor;
    QColor m_backingColor;
    QColor m_countColor;
    mutable QHash<QString, QPixmap> m_markerPixmaps; // one pre-drawn marker per look
    mutable QHash<QString, QStaticText> m_countTexts; // laid out once per text
};

} // namespace ntl
