#pragma once

#include "chroniclecontent.h"
#include "exportoptions.h"
#include "timelineview.h"

#include <QDate>
#include <QPair>
#include <QString>

class QItemSelectionModel;
class QPagedPaintDevice;
class QPainter;

namespace ntl {

class EventFilterModel;

// Renders a view of the filtered events into PNG, SVG or PDF, with a title, the date
// range, the chart's legend and a footer naming the articles the shown events come
// from. Rendering is vector all the way down (Qt Charts' scene, QTextDocument), so a
// 2× PNG has crisp text. Each file is rendered into memory and
// written whole or not at all (AtomicWrite).
class ViewExporter
{
public:
    ViewExporter(EventFilterModel *filter, QItemSelectionModel *selection);

    // The on-screen state to reproduce.
    void setLaneMode(TimelineView::LaneMode mode) { m_laneMode = mode; }
    void setVisibleRange(QPair<double, double> range) { m_visibleRange = range; }
    void setArticleId(const QString &articleId) { m_articleId = articleId; }
    // The days the visible range covers, for the subtitle of a "what is visible" export.
    void setVisibleDates(const QDate &first, const QDate &last) {
        m_visibleFirst = first;
        m_visibleLast = last;
    }

    // Returns false and sets `error` (naming the file and the reason) on failure;
    // an existing file at `path` is then left as it was.
    bool write(const QString &path, const ExportOptions &options, QString *error) const;
    // Paints the export at `size` logical pixels.
    void paint(QPainter *painter, const QSize &size, const ExportOptions &options) const;
    // Every page of a Chronicle export on a paged device (File → Print's printer) that
    // `painter` has begun, each page `size` logical pixels.
    bool paintChroniclePages(QPainter *painter, QPagedPaintDevice *device, const QSize &size,
                             const ExportOptions &options, QString *problem) const;
    // The options with an automatic height (`--size WIDTHxauto`) worked out; others as given.
    ExportOptions resolved(const ExportOptions &options) const;

    // What the subtitle says: "[article ·] N events · 18 Nov 2025 – 26 Nov 2025 · side: …".
    QString subtitle(const ExportOptions &options) const;

    // The article shown by a Sources export: the chosen one, else the first cited.
    QString sourcesArticleId() const;

    // What a Chronicle export says: the filtered events, their headings and references,
    // with the side colours of the options' theme.
    ChronicleContent chronicleContent(const ExportOptions &options) const;

private:
    // Shows in `view` exactly the filter's date range (where it has one).
    void showDateRange(TimelineView &view) const;

    int autoHeight(const ExportOptions &options) const;
    QStringList citedArticleIds() const;
    void paintChart(QPainter *painter, const QRect &rect, const ExportOptions &options, const QPalette &palette) const;
    void paintArticle(QPainter *painter, const QRect &rect, const QPalette &palette) const;
    void paintChronicle(QPainter *painter, const QSize &size, const ExportOptions &options) const;
    // The Chronicle's file in memory (PDF, PNG, Markdown or HTML); false with the reason.
    bool renderChronicle(ExportOptions::Format format, const ExportOptions &options,
                         QByteArray *bytes, QString *problem) const;

    EventFilterModel *m_filter;
    QItemSelectionModel *m_selection;
    TimelineView::LaneMode m_laneMode = TimelineView::LaneMode::Side;
    QPair<double, double> m_visibleRange{0, -1}; // empty: the whole period
    QString m_articleId;
    QDate m_visibleFirst;
    QDate m_visibleLast;
};

} // namespace ntl
