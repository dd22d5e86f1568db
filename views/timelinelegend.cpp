#include "timelinelegend.h"

#include "printabletext.h"

#include <QChart>
#include <QCoreApplication>
#include <QLegend>
#include <QLegendMarker>
#include <QScatterSeries>

namespace ntl {

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("ntl::TimelineView", text);
}
} // namespace

TimelineLegend::TimelineLegend(QChart *chart, QAbstractAxis *x, QAbstractAxis *y)
    : m_chart(chart)
    , m_x(x)
    , m_y(y) {}

QScatterSeries *TimelineLegend::add(const QString &name, int shape, const QColor &fill,
                                    const QColor &pen, double penWidth) {
    auto *series = new QScatterSeries;
    // Qt Charts renders names as rich text; and no control or bidi override is obeyed.
    series->setName(PrintableText::oneLine(name).toHtmlEscaped());
    series->setMarkerShape(QScatterSeries::MarkerShape(shape));
    series->setColor(fill);
    series->setPen(QPen(pen, penWidth));
    m_chart->addSeries(series);
    series->attachAxis(m_x);
    series->attachAxis(m_y);
    return series;
}

void TimelineLegend::rebuild(const QList<Side> &sides, const QColor &plannedColor, bool anyEvents,
                             bool forPaper, const QColor &base, const QColor &text) {
    m_chart->removeAllSeries();
    for (const Side &side : sides)
        add(side.name, QScatterSeries::MarkerShapeCircle, side.color, side.color, 1);
    if (plannedColor.isValid())
        add(tr("planned (hollow)"), QScatterSeries::MarkerShapeCircle, base, plannedColor, 2);
    if (anyEvents)
        add(tr("sources disagree"), QScatterSeries::MarkerShapeStar, text, text, 1);
    // On paper there is nothing to click: the entry says what the box means.
    m_counts = add(forPaper ? tr("several events (the number in the box)")
                            : tr("several events (click to zoom)"),
                   QScatterSeries::MarkerShapeRectangle, base, text, 1.5);
    QColor density = text;
    density.setAlphaF(0.5);
    m_density = add(QString(), QScatterSeries::MarkerShapeRectangle, density, density, 1);
    setCountsShown(false);
    setDensityScale(QString());
}

void TimelineLegend::setCountsShown(bool shown) {
    if (!m_counts)
        return;
    for (QLegendMarker *marker : m_chart->legend()->markers(m_counts))
        marker->setVisible(shown);
}

void TimelineLegend::setDensityScale(const QString &scale) {
    if (!m_density)
        return;
    const QString name = PrintableText::oneLine(scale).toHtmlEscaped();
    if (m_density->name() != name)
        m_density->setName(name);
    for (QLegendMarker *marker : m_chart->legend()->markers(m_density))
        marker->setVisible(!scale.isEmpty());
}

} // namespace ntl
