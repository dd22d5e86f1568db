#include "viewexporter.h"

#include "articlelayout.h"
#include "atomicwrite.h"
#include "chronicledocument.h"
#include "chroniclehtml.h"
#include "chroniclemarkdown.h"
#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "passagehighlights.h"
#include "printabletext.h"
#include "sidepalette.h"
#include "xmltext.h"

#include <QAbstractSeries>
#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QGraphicsScene>
#include <QImageWriter>
#include <QItemSelectionModel>
#include <QLegend>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSet>
#include <QSvgGenerator>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextLayout>

namespace ntl {

namespace {
constexpr int margin = 28;
constexpr int maxFooterArticles = 12;

std::shared_ptr<const Dataset> datasetOf(const EventFilterModel *filter)
{
    const auto *events = qobject_cast<const EventModel *>(filter->sourceModel());
    return events ? events->dataset() : nullptr;
}

QString tr(const char *text) { return QCoreApplication::translate("ViewExporter", text); }

// Type at a print size, in points on the paper (the layout is 96 logical pixels to the
// inch, so a point there is a point printed): a reader needs labels and the axis at 7 pt
// or more, the title at 12 pt. Pixel exports keep the screen's sizes.
constexpr qreal minLabelPoints = 7;
constexpr qreal minTextPoints = 8;
constexpr qreal minTitlePoints = 12;
qreal typeSize(qreal points, qreal minimum, const ExportOptions &options) {
    return options.isPhysical() ? std::max(points, minimum) : points;
}

// QSvgGenerator writes the size it computes from pixels and resolution ("297.127mm");
// a print size says the paper's exact millimetres instead. Only the root element's
// first width and height attributes are replaced.
QByteArray withPaperSize(const QByteArray &svg, const QSizeF &mm) {
    const int root = svg.indexOf("<svg");
    const int rootEnd = root < 0 ? -1 : svg.indexOf('>', root);
    if (rootEnd < 0)
        return svg;
    static const QRegularExpression attributes(
        QStringLiteral("width=\"[^\"]*\" height=\"[^\"]*\""));
    QString text = QString::fromUtf8(svg.left(rootEnd));
    const QRegularExpressionMatch match =
        attributes.match(text, text.indexOf(QLatin1String("<svg")));
    if (!match.hasMatch())
        return svg;
    text.replace(
        match.capturedStart(), match.capturedLength(),
        QStringLiteral("width=\"%1mm\" height=\"%2mm\"")
            .arg(QString::number(mm.width(), 'g', 6), QString::number(mm.height(), 'g', 6)));
    return text.toUtf8() + svg.mid(rootEnd);
}

} // namespace

ViewExporter::ViewExporter(EventFilterModel *filter, QItemSelectionModel *selection)
    : m_filter(filter)
    , m_selection(selection)
{
}

QStringList ViewExporter::citedArticleIds() const
{
    const auto *events = qobject_cast<const EventModel *>(m_filter->sourceModel());
    const std::shared_ptr<const Dataset> dataset = datasetOf(m_filter);
    if (!events || !dataset)
        return {};
    // One flag per article: the shown events cite each of thousands of articles many times.
    QList<bool> cited(dataset->articles.size(), false);
    // The model numbers the cited articles; walk the filter's verdicts by source row.
    const EventModel::RowIds &articles = events->articles();
    QList<bool> numberCited(articles.count(), false);
    for (int row = 0; row < events->rowCount(); ++row) {
        if (!m_filter->acceptsSourceRow(row))
            continue;
        for (const int *number = articles.begin(row); number != articles.end(row); ++number)
            numberCited[*number] = true;
    }
    for (int number = 0; number < numberCited.size(); ++number) {
        const Article *article = numberCited.at(number) ? dataset->article(articles.id(number)) : nullptr;
        if (article)
            cited[article - dataset->articles.constData()] = true;
    }
    // In the dataset's article order, so the footer reads the same every time.
    QStringList ids;
    for (qsizetype i = 0; i < cited.size(); ++i) {
        if (cited.at(i))
            ids.append(dataset->articles.at(i).id);
    }
    return ids;
}

QString ViewExporter::sourcesArticleId() const
{
    if (!m_articleId.isEmpty())
        return m_articleId;
    const QStringList cited = citedArticleIds();
    return cited.value(0);
}

QString ViewExporter::subtitle(const ExportOptions &options) const
{
    const std::shared_ptr<const Dataset> dataset = datasetOf(m_filter);
    const QLocale locale;
    // The range exported: what was visible, else the filter's dates, the shown events'
    // span filling an open end. Never the dataset's span: that is not what is shown.
    QDate first;
    QDate last;
    // The Chronicle lists every filtered event, whatever a chart shows.
    const bool visible = !options.wholePeriod && options.view != ExportOptions::View::Chronicle &&
                         m_visibleFirst.isValid() && m_visibleLast.isValid();
    if (visible) {
        first = m_visibleFirst;
        last = m_visibleLast;
    } else {
        const auto [spanFirst, spanLast] = EventModel::dateSpan(m_filter);
        first = m_filter->fromDate().isValid() ? m_filter->fromDate() : spanFirst;
        last = m_filter->toDate().isValid() ? m_filter->toDate() : spanLast;
    }
    // The events shown in that range: a visible range holds only some of the filtered ones.
    int shown = m_filter->rowCount();
    const EventModel *events = m_filter->eventSource();
    if (visible && events) {
        shown = 0;
        const qint64 from = first.toJulianDay();
        const qint64 to = last.toJulianDay();
        for (int row = 0; row < events->rowCount(); ++row) {
            if (m_filter->acceptsSourceRow(row) && events->startDay(row) <= to &&
                std::max(events->startDay(row), events->endDay(row)) >= from)
                ++shown;
        }
    }
    QStringList parts;
    parts.append(shown == 1 ? tr("1 event") : tr("%1 events").arg(locale.toString(shown)));
    if (first.isValid() && last.isValid())
        parts.append(QStringLiteral("%1 – %2").arg(locale.toString(first, QStringLiteral("d MMM yyyy")),
                                                    locale.toString(last, QStringLiteral("d MMM yyyy"))));
    using Field = EventFilterModel::ActiveFilter::Field;
    for (const EventFilterModel::ActiveFilter &filter : m_filter->activeFilters()) {
        if (filter.field != Field::From && filter.field != Field::To) // the range says them
            parts.append(QStringLiteral("%1: %2").arg(filter.name, filter.value));
    }
    if (options.view == ExportOptions::View::Sources && dataset) {
        if (const Article *article = dataset->article(sourcesArticleId()))
            parts.prepend(article->publisher.isEmpty() ? article->title
                                                       : QStringLiteral("%1 (%2)").arg(article->title, article->publisher));
    }
    return parts.join(QStringLiteral(" · "));
}

void ViewExporter::paint(QPainter *painter, const QSize &size, const ExportOptions &options) const
{
    if (options.view == ExportOptions::View::Chronicle)
        return paintChronicle(painter, size, options);
    const QPalette palette = ThemePalette::palette(options.theme);
    const std::shared_ptr<const Dataset> dataset = datasetOf(m_filter);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    painter->fillRect(QRect(QPoint(0, 0), size), palette.color(QPalette::Base));

    QRect body(margin, margin, size.width() - 2 * margin, size.height() - 2 * margin);
    if (options.decorations) {
        QFont titleFont = painter->font();
        titleFont.setPointSizeF(typeSize(titleFont.pointSizeF() * 1.6, minTitlePoints, options));
        titleFont.setBold(true);
        painter->setFont(titleFont);
        painter->setPen(palette.color(QPalette::Text));
        // Every string drawn here holds dataset text or an argument: no control character or
        // bidi override is drawn (an override would show "RTL" as "LTR").
        const QString title = PrintableText::oneLine(!options.title.isEmpty() ? options.title
                                                     : dataset                ? dataset->title
                                                                              : QString());
        const QRect titleRect = painter->boundingRect(body, Qt::AlignLeft | Qt::TextWordWrap, title);
        painter->drawText(body, Qt::AlignLeft | Qt::TextWordWrap, title);
        body.setTop(titleRect.bottom() + 4);

        QFont small = painter->font();
        small.setPointSizeF(typeSize(QFont().pointSizeF(), minTextPoints, options));
        small.setBold(false);
        painter->setFont(small);
        painter->setPen(palette.color(QPalette::PlaceholderText));
        const QString subtitleText = PrintableText::oneLine(subtitle(options));
        const QRect subRect =
            painter->boundingRect(body, Qt::AlignLeft | Qt::TextWordWrap, subtitleText);
        painter->drawText(body, Qt::AlignLeft | Qt::TextWordWrap, subtitleText);
        body.setTop(subRect.bottom() + 8);

        // Footer: the articles the shown events come from.
        const QStringList cited = citedArticleIds();
        QStringList names;
        for (const QString &id : cited) {
            if (names.size() == maxFooterArticles)
                break;
            if (const Article *article = dataset ? dataset->article(id) : nullptr) {
                QString name = article->title;
                if (!article->publisher.isEmpty())
                    name += QStringLiteral(" (%1)").arg(article->publisher);
                names.append(name);
            }
        }
        // A footer naming thousands of articles would leave no room for the chart.
        if (cited.size() > names.size())
            names.append(tr("and %1 more articles").arg(QLocale().toString(cited.size() - names.size())));
        const QString footer =
            names.isEmpty()
                ? QString()
                : PrintableText::oneLine(tr("Sources: %1").arg(names.join(QStringLiteral("; "))));
        QFont footerFont = small;
        footerFont.setPointSizeF(typeSize(small.pointSizeF() * 0.85, minLabelPoints, options));
        painter->setFont(footerFont);
        const QRect footerBounds = painter->boundingRect(QRect(body.left(), 0, body.width(), size.height()),
                                                         Qt::AlignLeft | Qt::TextWordWrap, footer);
        const QRect footerRect(body.left(), size.height() - margin / 2 - footerBounds.height(), body.width(), footerBounds.height());
        painter->drawText(footerRect, Qt::AlignLeft | Qt::TextWordWrap, footer);
        body.setBottom(footerRect.top() - 8);
    }

    if (options.view == ExportOptions::View::Sources)
        paintArticle(painter, body, palette);
    else
        paintChart(painter, body, options, palette);
    painter->restore();
}

void ViewExporter::paintChart(QPainter *painter, const QRect &rect, const ExportOptions &options,
                              const QPalette &palette) const
{
    TimelineView view(m_filter, m_selection);
    view.setFitToHeight(true); // an image has the size it is given
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.setPalette(palette);
    if (options.isPhysical()) {
        // The view's type sets that of its labels, counts and axis: all at least 7 pt.
        QFont font = view.font();
        // Labels are 0.9 of it, count numbers 0.85 of that, the axis about 0.85 of it.
        font.setPointSizeF(std::max(font.pointSizeF(), minLabelPoints / (0.9 * 0.85) + 0.05));
        view.setFont(font);
    }
    view.setLaneMode(options.view == ExportOptions::View::Actors ? TimelineView::LaneMode::Actor : m_laneMode);
    view.setMinimumHeight(0);
    view.resize(rect.size());
    view.show();
    view.settle();
    // Lanes that need more height than the image has (many actors) are laid out in a larger
    // rectangle of the image's proportions and scaled down into it: every name stays whole,
    // and the chart still fills the image.
    const double enlarge = std::max(1.0, double(view.minimumChartHeight()) / std::max(1, rect.height()));
    view.setMinimumHeight(0);
    view.resize((QSizeF(rect.size()) * enlarge).toSize());
    view.settle();
    if (!options.wholePeriod && m_visibleRange.second > m_visibleRange.first)
        view.setVisibleRange(m_visibleRange.first, m_visibleRange.second);
    else if (m_filter->fromDate().isValid() || m_filter->toDate().isValid())
        showDateRange(view); // the dates asked for, not the whole of what overlaps them
    view.settle();
    QChart *chart = view.chart();
    if (options.isPhysical()) {
        QFont legendFont = chart->legend()->font();
        legendFont.setPointSizeF(std::max(legendFont.pointSizeF(), minLabelPoints));
        chart->legend()->setFont(legendFont);
    }
    view.settle(); // the legend takes the new names and type on its next layout
    chart->scene()->render(painter, QRectF(rect), chart->sceneBoundingRect(), Qt::KeepAspectRatio);
}

void ViewExporter::paintArticle(QPainter *painter, const QRect &rect, const QPalette &palette) const
{
    const std::shared_ptr<const Dataset> dataset = datasetOf(m_filter);
    const Article *article = dataset ? dataset->article(sourcesArticleId()) : nullptr;
    if (!article)
        return;
    const SidePalette colors(palette);
    const QString current = m_selection ? m_selection->currentIndex().data(EventModel::EventIdRole).toString() : QString();

    const auto *events = qobject_cast<const EventModel *>(m_filter->sourceModel());
    PassageHighlights highlights;
    const QString &text = article->text;
    const int length = int(text.size());
    for (int row = 0; row < m_filter->rowCount() && events; ++row) {
        const Event *event = events->event(m_filter->mapToSource(m_filter->index(row, 0)).row());
        if (!event)
            continue;
        const bool emphasised = event->id == current;
        for (const SourcePassage &source : event->sources) {
            if (source.articleId == article->id && source.start >= 0 && source.end <= length)
                highlights.add(source.start, source.end, emphasised);
        }
    }
    ArticleLayout::Formats formats;
    formats.text.setForeground(palette.color(QPalette::Text));
    formats.highlight.setBackground(colors.passageHighlight(false));
    formats.emphasis.setBackground(colors.passageHighlight(true));
    formats.emphasis.setFontUnderline(true);
    // Shrink the type until the article fits, down to a readable minimum.
    ArticleLayout layout(text, highlights.ranges(), formats, painter->font(),
                         QFont().pointSizeF() * 1.2, rect.size());
    QTextDocument &document = layout.document();
    const bool overflows = layout.overflows();
    const int noteHeight = overflows ? painter->fontMetrics().height() + 4 : 0;
    painter->save();
    painter->translate(rect.topLeft());
    // Whole lines only: cut where the last line that fits ends, above the note.
    const qreal limit = rect.height() - noteHeight;
    const qreal visible = layout.wholeLinesEnd(limit);
    const QRectF clip(0, 0, rect.width(), visible);
    painter->setClipRect(clip);
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = palette;
    context.clip = clip;
    document.documentLayout()->draw(painter, context);
    painter->restore();
    if (overflows) {
        // Even the smallest type does not fit: say so rather than cut off silently.
        const QString more = tr("… the article continues; export a taller image to see all of it");
        QFont small = painter->font();
        small.setItalic(true);
        painter->save();
        painter->setFont(small);
        const QRect band(rect.left(), rect.bottom() - noteHeight, rect.width(), noteHeight);
        painter->setPen(palette.color(QPalette::PlaceholderText));
        painter->drawText(band, Qt::AlignRight | Qt::AlignVCenter, more);
        painter->restore();
    }
}

void ViewExporter::showDateRange(TimelineView &view) const
{
    const TimelineLayout &layout = view.layout();
    const auto [shownFrom, shownTo] = view.visibleRange();
    const double from = m_filter->fromDate().isValid() ? layout.x(m_filter->fromDate()) : shownFrom;
    const double to = m_filter->toDate().isValid() ? layout.x(m_filter->toDate().addDays(1)) : shownTo;
    if (to > from)
        view.setVisibleRange(from, to);
}

int ViewExporter::autoHeight(const ExportOptions &options) const {
    // The timeline's lanes at the rows their labels need, and the decorations around them.
    const int width = options.size.width();
    const int start = std::max(200, width * 9 / 16);
    if (options.view == ExportOptions::View::Sources)
        return start;
    // Title, subtitle, legend and footer take about this much of the height (paint() measures them).
    const QFontMetrics metrics{QFont()};
    const int decorations = options.decorations ? 2 * margin + 8 * metrics.height() : 2 * margin;
    const int limit = int(ExportOptions::maxSide / std::max<qreal>(1, options.pixelRatio()));
    TimelineView view(m_filter, m_selection);
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.setLaneMode(options.view == ExportOptions::View::Actors ? TimelineView::LaneMode::Actor
                                                                 : m_laneMode);
    view.resize(width - 2 * margin, std::max(100, start - decorations));
    view.show();
    view.settle();
    if (!options.wholePeriod && m_visibleRange.second > m_visibleRange.first)
        view.setVisibleRange(m_visibleRange.first, m_visibleRange.second);
    else if (m_filter->fromDate().isValid() || m_filter->toDate().isValid())
        showDateRange(view);
    const int needed = view.heightForWholeTitles(width - 2 * margin);
    return std::clamp(needed + decorations, start, limit);
}

ExportOptions ViewExporter::resolved(const ExportOptions &options) const {
    ExportOptions result = options;
    if (options.autoHeight && !options.isPhysical()) {
        result.size.setHeight(autoHeight(options));
        result.autoHeight = false;
    }
    return result;
}

bool ViewExporter::write(const QString &path, const ExportOptions &requested,
                         QString *error) const {
    ExportOptions::Format format;
    const auto fail = [&](const QString &reason) {
        if (error)
            *error = tr("cannot export to %1: %2").arg(path, reason);
        return false;
    };
    if (!ExportOptions::formatForPath(path, &format))
        return fail(tr("unknown format; use a .png, .svg or .pdf file name (or .md or .html "
                       "for the Chronicle)"));
    const bool chronicle = requested.view == ExportOptions::View::Chronicle;
    if (ExportOptions::isText(format) && !chronicle)
        return fail(tr("Markdown and HTML are exports of the Chronicle only; choose the "
                       "Chronicle view (--view chronicle), or a .png, .svg or .pdf file"));
    if (chronicle && format == ExportOptions::Format::Svg)
        return fail(tr("the Chronicle exports as .pdf, .png, .md or .html, not as SVG"));
    QString problem;
    if (!requested.withinLimits(format, &problem))
        return fail(problem);
    // Before rendering (which can take a while): refuse a device, FIFO or folder now.
    QString target;
    if (!AtomicWrite::resolveTarget(path, &target, &problem))
        return fail(problem);
    if (chronicle) {
        QByteArray bytes;
        if (!renderChronicle(format, requested, &bytes, &problem) ||
            !AtomicWrite::writeFile(path, bytes, &problem))
            return fail(problem);
        return true;
    }
    const ExportOptions options = resolved(requested);
    if (!options.withinLimits(format, &problem))
        return fail(problem);

    // Rendered into memory first: the painters and generators do not report a device that
    // refuses part of their output, so only whole bytes in hand are written to the disk.
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    // Laid out in logical pixels, 96 to the inch; every device resolves points at 96 dpi,
    // so text keeps its size relative to the layout in PNG, SVG and PDF alike.
    const QSize size = options.logicalSize();
    const int layoutDpi = int(ExportOptions::layoutDpi);
    bool painted = true;
    switch (format) {
    case ExportOptions::Format::Markdown:
    case ExportOptions::Format::Html:
        return fail(tr("not a format of this view")); // refused above
    case ExportOptions::Format::Png: {
        // Opaque (the export paints its background): no alpha channel to compress.
        const QSize pixels = options.pixelSize(format);
        QImage image(pixels, QImage::Format_RGB32);
        if (image.isNull())
            return fail(
                tr("not enough memory for a %1x%2 image").arg(pixels.width()).arg(pixels.height()));
        image.setDevicePixelRatio(options.pixelRatio());
        if (options.isPhysical()) {
            // The file says its print resolution, so a viewer prints it at the paper size.
            image.setDotsPerMeterX(qRound(options.dpi / 0.0254));
            image.setDotsPerMeterY(qRound(options.dpi / 0.0254));
        }
        image.fill(ThemePalette::palette(options.theme).color(QPalette::Base));
        QPainter painter(&image);
        paint(&painter, size, options);
        painter.end();
        QImageWriter writer(&buffer, "png");
        // Qt maps quality 80 to zlib level 1: half the time of the default level for a
        // file about 7 % larger (measured on a 100,000-event timeline).
        writer.setQuality(80);
        if (!writer.write(image))
            return fail(writer.errorString());
        break;
    }
    case ExportOptions::Format::Svg: {
        QSvgGenerator generator;
        generator.setOutputDevice(&buffer);
        generator.setResolution(layoutDpi);
        generator.setSize(size);
        generator.setViewBox(QRect(QPoint(0, 0), size));
        // QSvgGenerator writes it as is.
        generator.setTitle(XmlText::escaped(PrintableText::oneLine(options.title)));
        QPainter painter;
        painted = painter.begin(&generator);
        if (painted) {
            paint(&painter, size, options);
            painter.end();
        }
        break;
    }
    case ExportOptions::Format::Pdf: {
        QPdfWriter writer(&buffer);
        writer.setResolution(layoutDpi);
        if (options.isPhysical()) {
            // A portrait page turned, so a named page keeps its name (A4) in the PDF.
            const QSizeF mm = options.paperSize;
            const bool landscape = mm.width() > mm.height();
            writer.setPageSize(QPageSize(landscape ? mm.transposed() : mm, QPageSize::Millimeter));
            writer.setPageOrientation(landscape ? QPageLayout::Landscape : QPageLayout::Portrait);
        } else {
            writer.setPageSize(QPageSize(QSizeF(size) * 72.0 / layoutDpi, QPageSize::Point));
        }
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setTitle(PrintableText::oneLine(options.title)); // QPdfWriter keeps controls
        writer.setCreator(QStringLiteral("Negotiation Timeline"));
        QPainter painter;
        painted = painter.begin(&writer);
        if (painted) {
            paint(&painter, size, options);
            painter.end();
        }
        break;
    }
    }
    buffer.close();
    if (!painted)
        return fail(tr("could not paint the image"));
    if (format == ExportOptions::Format::Svg) {
        if (options.isPhysical())
            bytes = withPaperSize(bytes, options.paperSize);
        // Text drawn from the dataset (titles, names, articles) may hold characters XML
        // forbids; replace them, then make sure the result parses before it is written.
        bytes = XmlText::replaceForbidden(bytes);
        if (!XmlText::isWellFormed(bytes, &problem))
            return fail(
                tr("the SVG would not be well-formed (%1); nothing was written").arg(problem));
    }
    if (!AtomicWrite::writeFile(path, bytes, &problem))
        return fail(problem);
    return true;
}

ChronicleContent ViewExporter::chronicleContent(const ExportOptions &options) const {
    const std::shared_ptr<const Dataset> dataset = datasetOf(m_filter);
    const QString title = !options.title.isEmpty() ? options.title
                          : dataset                ? dataset->title
                                                   : QString();
    ExportOptions whole = options;
    whole.view = ExportOptions::View::Chronicle;
    ChronicleContent content = ChronicleContent::of(*m_filter, title, subtitle(whole));
    if (dataset) {
        const SidePalette colors(ThemePalette::palette(options.theme), dataset.get());
        for (qsizetype i = 0; i < dataset->sides.size(); ++i)
            content.sideColors.insert(dataset->sides.at(i).id, colors.color(int(i)));
    }
    return content;
}

void ViewExporter::paintChronicle(QPainter *painter, const QSize &size,
                                  const ExportOptions &options) const {
    // The preview: the first page of the PDF at a print size, else the top of the PNG.
    const QPalette palette = ThemePalette::palette(options.theme);
    const ChronicleContent content = chronicleContent(options);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    if (options.isPhysical()) {
        const qreal textWidth = size.width() - 2 * ChronicleDocument::pageMarginX;
        const qreal textHeight =
            size.height() - ChronicleDocument::pageMarginTop - ChronicleDocument::pageMarginBottom;
        ChronicleDocument document(content, palette, textWidth, 4 * textHeight);
        const QList<QPair<qreal, qreal>> pages = document.pages(textHeight);
        // Laid out only far enough for the first page: the count of pages is not known.
        document.paintPage(painter, size, pages.constFirst(), 1,
                           document.truncated() ? 0 : int(pages.size()));
    } else {
        const qreal margin = ChronicleDocument::imageMargin;
        ChronicleDocument document(content, palette, size.width() - 2 * margin,
                                   size.height() + 200);
        painter->fillRect(QRect(QPoint(0, 0), size), palette.color(QPalette::Base));
        painter->translate(margin, margin);
        document.drawRange(painter, 0, size.height() - 2 * margin);
    }
    painter->restore();
}

bool ViewExporter::paintChroniclePages(QPainter *painter, QPagedPaintDevice *device,
                                       const QSize &size, const ExportOptions &options,
                                       QString *problem) const {
    return ChronicleDocument::paintPages(chronicleContent(options),
                                         ThemePalette::palette(options.theme), painter, device,
                                         size, problem);
}

bool ViewExporter::renderChronicle(ExportOptions::Format format, const ExportOptions &options,
                                   QByteArray *bytes, QString *problem) const {
    const ChronicleContent content = chronicleContent(options);
    const QPalette palette = ThemePalette::palette(options.theme);
    switch (format) {
    case ExportOptions::Format::Markdown:
        *bytes = ChronicleMarkdown::write(content);
        return true;
    case ExportOptions::Format::Html: {
        // The page is light whatever the theme (it is printed): the light side colours.
        ExportOptions light = options;
        light.theme = ThemePalette::Theme::Light;
        *bytes = ChronicleHtml::write(chronicleContent(light), QLocale().bcp47Name());
        // Fail closed: a file that would not parse is not written.
        QString xmlProblem;
        if (!XmlText::isWellFormed(*bytes, &xmlProblem)) {
            *problem =
                tr("the HTML would not be well-formed (%1); nothing was written").arg(xmlProblem);
            return false;
        }
        return true;
    }
    case ExportOptions::Format::Pdf: {
        // A document, so on pages: the chosen paper, else A4 portrait.
        QSizeF paper = options.paperSize;
        if (!options.isPhysical())
            ExportOptions::pageFromName(QStringLiteral("A4"), false, &paper);
        return ChronicleDocument::writePdf(content, palette, paper,
                                           options.title.isEmpty() ? content.title : options.title,
                                           bytes, problem);
    }
    case ExportOptions::Format::Png: {
        // A fixed width, as tall as the events need, within the PNG limits.
        const int width = options.logicalSize().width();
        const qreal margin = ChronicleDocument::imageMargin;
        const auto tallest = [width](qreal ratio) {
            return std::min<qreal>(ExportOptions::maxSide / ratio,
                                   ExportOptions::maxPixels / (ratio * ratio) / width);
        };
        // Laid out once for the tallest image a PNG may be (at 1×); then drawn at the scale
        // asked, or, when the events are too tall for it, the largest scale they fit at: a
        // PNG a little less sharp rather than none (a print size keeps its dpi).
        ChronicleDocument document(content, palette, width - 2 * margin, tallest(1) - 2 * margin);
        const int height = int(std::ceil(document.height() + 2 * margin));
        qreal ratio = options.pixelRatio();
        while (!options.isPhysical() && ratio > 1 && height > tallest(ratio))
            ratio = std::max<qreal>(1, std::ceil(ratio) - 1);
        if (document.truncated() || height > tallest(ratio)) {
            *problem = tr("the Chronicle of %1 events is taller than a PNG may be (%2 pixels a "
                          "side and %3 pixels in all, here %4 pixels wide at %5×); export a PDF, "
                          "or narrow the filters, the width or %6")
                           .arg(content.eventCount())
                           .arg(ExportOptions::maxSide)
                           .arg(ExportOptions::maxPixels)
                           .arg(qRound(width * ratio))
                           .arg(ratio)
                           .arg(options.isPhysical() ? tr("the dpi") : tr("the scale"));
            return false;
        }
        const QSize pixels(qRound(width * ratio), qRound(height * ratio));
        QImage image(pixels, QImage::Format_RGB32);
        if (image.isNull()) {
            *problem =
                tr("not enough memory for a %1x%2 image").arg(pixels.width()).arg(pixels.height());
            return false;
        }
        image.setDevicePixelRatio(ratio);
        if (options.isPhysical()) {
            image.setDotsPerMeterX(qRound(options.dpi / 0.0254));
            image.setDotsPerMeterY(qRound(options.dpi / 0.0254));
        }
        image.fill(palette.color(QPalette::Base));
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        painter.translate(margin, margin);
        document.drawRange(&painter, 0, document.height() + 1);
        painter.end();
        QBuffer buffer(bytes);
        buffer.open(QIODevice::WriteOnly);
        QImageWriter writer(&buffer, "png");
        writer.setQuality(80);
        if (!writer.write(image)) {
            *problem = writer.errorString();
            return false;
        }
        return true;
    }
    case ExportOptions::Format::Svg:
        break;
    }
    *problem = tr("the Chronicle exports as .pdf, .png, .md or .html");
    return false;
}

} // namespace ntl
