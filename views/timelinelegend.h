#pragma once

#include <QColor>
#include <QList>
#include <QString>

class QAbstractAxis;
class QChart;
class QScatterSeries;

namespace ntl {

// The timeline's legend: what each colour and mark means, in Qt Charts' legend (one empty
// series an entry: the overlay draws the points). The entries for count boxes and density
// strips show only while there are some; on paper nothing is clickable, so their words differ.
class TimelineLegend {
public:
    struct Side {
        QString name;
        QColor color;
    };

    TimelineLegend(QChart *chart, QAbstractAxis *x, QAbstractAxis *y);

    // Sets the entries anew: the sides shown (by colour), then planned and disagreement marks
    // when there are events, then count boxes and density strips (hidden until used).
    void rebuild(const QList<Side> &sides, const QColor &plannedColor, bool anyEvents,
                 bool forPaper, const QColor &base, const QColor &text);
    void setCountsShown(bool shown);
    // What a density strip's bars count; empty hides the entry.
    void setDensityScale(const QString &scale);

private:
    QScatterSeries *add(const QString &name, int shape, const QColor &fill, const QColor &pen,
                        double penWidth);

    QChart *m_chart;
    QAbstractAxis *m_x;
    QAbstractAxis *m_y;
    QScatterSeries *m_counts = nullptr;
    QScatterSeries *m_density = nullptr;
};

} // namespace ntl
