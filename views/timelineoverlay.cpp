#include "timelineoverlay.h"

#include <QChart>
#include <QFontMetricsF>
#include <QPainter>
#include <QPaintEngine>
#include <QPainterPath>
#include <QPixmap>
#include <QStaticText>

#include <cmath>

namespace ntl {

namespace {

constexpr double maxScanlinesHere = 64; // device pixels; see paintLines()

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
    if (font != m_countFont || m_countTexts.size() > 2000)
        m_countTexts.clear();
    m_counts = std::move(counts);
    m_countFont = font;
    m_countColor = text;
    update();
}

QRectF TimelineOverlay::boundingRect() const
{
    return m_plotArea.adjusted(-300, -20, 300, 20);
}

void TimelineOverlay::setBreaks(QList<QPair<double, double>> breaks, const QColor &band, const QColor &symbol)
{
    m_breaks = std::move(breaks);
    m_breakBand = band;
    m_breakSymbol = symbol;
    update();
}

void TimelineOverlay::paintBreaks(QPainter *painter) const
{
    for (const auto &[from, to] : m_breaks) {
        const double left = std::max(toPosition(QPointF(from, 0)).x(), m_plotArea.left());
        const double right = std::min(toPosition(QPointF(to, 0)).x(), m_plotArea.right());
        if (right <= left)
            continue;
        painter->fillRect(QRectF(left, m_plotArea.top(), right - left, m_plotArea.height()), m_breakBand);
        // Two slanted strokes across the axis line, as a broken axis is drawn on paper.
        painter->save();
        painter->setPen(QPen(m_breakSymbol, 1.5));
        const double middle = (left + right) / 2;
        const double y = m_plotArea.top(); // on the date axis, which runs along the top
        for (const double dx : {-3.0, 3.0})
            painter->drawLine(QPointF(middle + dx - 3, y + 6), QPointF(middle + dx + 3, y - 6));
        painter->restore();
    }
}

void TimelineOverlay::setLaneTags(QList<QPair<QPointF, QString>> tags, const QFont &font, const QColor &text,
                                   const QColor &backing)
{
    m_laneTags = std::move(tags);
    m_laneTagFont = font;
    m_laneTagFont.setBold(true);
    m_labelColor = text;
    m_backingColor = backing;
    update();
}

void TimelineOverlay::setBars(QList<Bar> bars)
{
    m_bars = std::move(bars);
    update();
}

void TimelineOverlay::paintLines(QPainter *painter) const
{
    // Spans and joins are axis-aligned: rectangles look the same as flat-capped strokes,
    // and without antialiasing Qt fills them as whole pixels on its fastest path. Qt's
    // stroker and path rasteriser were most of a dense frame's painting.
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    const double pieceHeight = maxScanlinesHere / std::max(1.0, painter->device()->devicePixelRatioF());
    for (const Line &line : std::as_const(m_lines)) {
        const QPointF a = toPosition(line.from);
        const QPointF b = toPosition(line.to);
        const Qt::PenStyle style = line.pen.style();
        const bool horizontal = qFuzzyCompare(a.y(), b.y());
        const bool vertical = qFuzzyCompare(a.x(), b.x());
        if ((!horizontal && !vertical) || (style != Qt::SolidLine && style != Qt::DashLine)) {
            painter->setRenderHint(QPainter::Antialiasing, true);
            painter->setPen(line.pen);
            painter->drawLine(a, b);
            painter->setRenderHint(QPainter::Antialiasing, false);
            continue;
        }
        const double width = line.pen.widthF();
        const double from = horizontal ? std::min(a.x(), b.x()) : std::min(a.y(), b.y());
        const double to = horizontal ? std::max(a.x(), b.x()) : std::max(a.y(), b.y());
        const auto piece = [&](double start, double end) {
            if (horizontal) {
                painter->fillRect(QRectF(start, a.y() - width / 2, end - start, width), line.pen.color());
                return;
            }
            // Qt fills a rectangle of 96 or more scanlines on its thread pool; hundreds of
            // tall joins each waiting for the pool cost more than filling them here.
            for (double top = start; top < end; top += pieceHeight)
                painter->fillRect(QRectF(a.x() - width / 2, top, width, std::min(end, top + pieceHeight) - top),
                                  line.pen.color());
        };
        if (style == Qt::SolidLine) {
            piece(from, to);
            continue;
        }
        // Qt's dash pattern: dashes four pen widths long, gaps two.
        for (double start = from; start < to; start += 6 * width)
            piece(start, std::min(to, start + 4 * width));
    }
    painter->restore();
}

QPixmap TimelineOverlay::markerPixmap(const Markers &markers, qreal devicePixelRatio) const
{
    const QString key = QStringLiteral("%1/%2/%3/%4/%5/%6")
                            .arg(int(markers.shape))
                            .arg(markers.fill.rgba())
                            .arg(markers.pen.color().rgba())
                            .arg(markers.pen.widthF())
                            .arg(markers.size)
                            .arg(devicePixelRatio);
    auto it = m_markerPixmaps.find(key);
    if (it != m_markerPixmaps.end())
        return *it;
    const double extent = markers.size + markers.pen.widthF() + 2;
    const int side = int(std::ceil(extent * devicePixelRatio));
    QPixmap pixmap(side, side);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    Markers one = markers;
    one.at = {QPointF()};
    painter.translate(side / devicePixelRatio / 2, side / devicePixelRatio / 2);
    paintShapes(&painter, one, QTransform());
    painter.end();
    if (m_markerPixmaps.size() > 64)
        m_markerPixmaps.clear();
    m_markerPixmaps.insert(key, pixmap);
    return pixmap;
}

void TimelineOverlay::paintMarkers(QPainter *painter, const Markers &markers) const
{
    if (markers.at.isEmpty())
        return;
    // On screen and in PNGs, stamp one pre-drawn marker: thousands of antialiased shapes
    // cost far more. Vector output (SVG, PDF) and scaled painting draw real shapes.
    const bool raster = painter->paintEngine() && painter->paintEngine()->type() == QPaintEngine::Raster;
    if (raster && painter->transform().type() <= QTransform::TxTranslate) {
        const qreal ratio = painter->device()->devicePixelRatioF();
        const QPixmap pixmap = markerPixmap(markers, ratio);
        const double half = pixmap.width() / ratio / 2;
        for (const QPointF &value : markers.at) {
            const QPointF centre = toPosition(value);
            // Whole device pixels, so every stamp looks the same.
            const QPointF topLeft(std::round((centre.x() - half) * ratio) / ratio,
                                  std::round((centre.y() - half) * ratio) / ratio);
            painter->drawPixmap(topLeft, pixmap);
        }
        return;
    }
    paintShapes(painter, markers, m_valueToPosition);
}

void TimelineOverlay::paintShapes(QPainter *painter, const Markers &markers, const QTransform &toPixels) const
{
    painter->setPen(markers.pen);
    painter->setBrush(markers.fill.alpha() == 0 ? QBrush(Qt::NoBrush) : QBrush(markers.fill));
    const double half = markers.size / 2;
    switch (markers.shape) {
    case Shape::Circle:
        for (const QPointF &value : markers.at)
            painter->drawEllipse(toPixels.map(value), half, half);
        break;
    case Shape::Square:
        for (const QPointF &value : markers.at) {
            const QPointF centre = toPixels.map(value);
            painter->drawRect(QRectF(centre.x() - half, centre.y() - half, markers.size, markers.size));
        }
        break;
    case Shape::Star: {
        static const QPainterPath star = unitStar();
        for (const QPointF &value : markers.at) {
            const QPointF centre = toPixels.map(value);
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
    paintBreaks(painter);
    painter->setPen(Qt::NoPen);
    for (const Bar &bar : std::as_const(m_bars))
        painter->fillRect(QRectF(toPosition(bar.rect.topLeft()), toPosition(bar.rect.bottomRight())).normalized(),
                          bar.color);
    paintLines(painter);
    for (const Markers &markers : std::as_const(m_markers))
        paintMarkers(painter, markers);
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_backingColor);
    // A label's rect holds one lane row per line; rows taller than a line of text (a chart
    // stretched to the window's height) would space its lines apart. The lines keep the
    // text's own spacing, the first centred on the first row (the event's mark).
    const double textLine = QFontMetricsF(m_labelFont).lineSpacing();
    const auto textBlock = [textLine](const Label &label, qsizetype lineCount, double *lineHeight) {
        const double row = label.rect.height() / double(std::max<qsizetype>(lineCount, 1));
        *lineHeight = std::min(row, textLine);
        const double top = label.rect.top() + (row - *lineHeight) / 2;
        return QRectF(label.rect.left(), top, label.rect.width(), *lineHeight * double(lineCount));
    };
    for (const Label &label : std::as_const(m_labels)) {
        double lineHeight = 0;
        const QRectF block = textBlock(label, label.text.count(u'\n') + 1, &lineHeight);
        painter->drawRect(block.adjusted(-2, 0, 2, 0));
    }
    painter->setFont(m_labelFont);
    painter->setPen(m_labelColor);
    for (const Label &label : std::as_const(m_labels)) {
        const QList<QStringView> lines = QStringView(label.text).split(u'\n');
        double lineHeight = 0;
        const QRectF block = textBlock(label, lines.size(), &lineHeight);
        // Each label in a coordinate system of its own: an SVG export then carries every
        // label's position with it, however many labels its group holds.
        painter->save();
        painter->translate(block.topLeft());
        for (qsizetype i = 0; i < lines.size(); ++i) // plain text, a line at a time
            painter->drawText(QRectF(0, double(i) * lineHeight, label.rect.width() + 4, lineHeight),
                              Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, lines.at(i).toString());
        painter->restore();
    }
    painter->setFont(m_laneTagFont);
    for (const auto &[at, name] : std::as_const(m_laneTags)) { // on top: the lane's name
        const QRectF box = painter->fontMetrics().boundingRect(name).translated(at.toPoint()).adjusted(-3, 0, 3, 0);
        painter->fillRect(box.translated(0, -box.top() + at.y()), m_backingColor);
        painter->setPen(m_labelColor);
        painter->drawText(QPointF(at.x(), at.y() + painter->fontMetrics().ascent()), name);
    }
    painter->setFont(m_countFont);
    painter->setPen(m_countColor);
    // Counts repeat from frame to frame: lay each text out once (QStaticText).
    for (const Count &count : std::as_const(m_counts)) {
        auto it = m_countTexts.find(count.text);
        if (it == m_countTexts.end()) {
            QStaticText text(count.text);
            text.setTextFormat(Qt::PlainText);
            text.prepare(QTransform(), m_countFont);
            it = m_countTexts.insert(count.text, text);
        }
        const QPointF centre = toPosition(count.at);
        const QSizeF size = it->size();
        painter->drawStaticText(QPointF(centre.x() - size.width() / 2, centre.y() - size.height() / 2), *it);
    }
    painter->restore();
}

} // namespace ntl
