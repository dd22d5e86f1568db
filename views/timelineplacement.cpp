#include "timelineplacement.h"

#include <algorithm>
#include <cmath>

namespace ntl {

namespace {

// Rows that would make a lane taller than any screen: past them, marks are counted instead.
constexpr int hardRowLimit = 400;

// The pixels taken in one row of one lane, as disjoint intervals in order.
class Row
{
public:
    bool isFree(double from, double to) const
    {
        // The first interval ending after `from`: free if it starts at or after `to`.
        const auto it = std::upper_bound(m_spans.cbegin(), m_spans.cend(), from,
                                         [](double x, const Span &span) { return x < span.to; });
        return it == m_spans.cend() || it->from >= to;
    }
    void take(double from, double to)
    {
        const auto it = std::upper_bound(m_spans.begin(), m_spans.end(), from,
                                         [](double x, const Span &span) { return x < span.from; });
        m_spans.insert(it, {from, to});
    }
    // Where the first interval at or after `from` starts (+inf for none).
    double nextStart(double from) const
    {
        const auto it = std::upper_bound(m_spans.cbegin(), m_spans.cend(), from,
                                         [](double x, const Span &span) { return x < span.to; });
        return it == m_spans.cend() ? qInf() : std::max(from, it->from);
    }
    // Where the last interval ending at or before `to` ends (-inf for none).
    double previousEnd(double to) const
    {
        auto it = std::lower_bound(m_spans.cbegin(), m_spans.cend(), to,
                                   [](const Span &span, double x) { return span.from < x; });
        if (it == m_spans.cbegin())
            return -qInf();
        --it;
        return std::min(to, it->to);
    }

private:
    struct Span {
        double from;
        double to;
    };
    std::vector<Span> m_spans;
};

// One label option: where its lines go across, row by row from its mark's row.
struct Shape {
    double firstFrom, firstTo; // the mark's row: the mark and the first line
    double restFrom, restTo;   // the lines below
    int lines = 1;
};

class Lane
{
public:
    explicit Lane(int limit)
        : m_limit(limit < 0 ? hardRowLimit : std::min(limit, hardRowLimit))
    {
    }
    int limit() const { return m_limit; }
    int used() const { return int(m_rows.size()); }

    bool fits(int row, const Shape &shape) const
    {
        if (row + shape.lines > m_limit)
            return false;
        if (!free(row, shape.firstFrom, shape.firstTo))
            return false;
        for (int k = 1; k < shape.lines; ++k) {
            if (!free(row + k, shape.restFrom, shape.restTo))
                return false;
        }
        return true;
    }
    // The lowest row `shape` fits from, or -1.
    int lowest(const Shape &shape) const
    {
        for (int row = 0; row + shape.lines <= m_limit; ++row) {
            if (fits(row, shape))
                return row;
            if (row > used())
                break; // past the rows in use everything is free: fits() said why not
        }
        return -1;
    }
    void take(int row, const Shape &shape)
    {
        rowAt(row).take(shape.firstFrom, shape.firstTo);
        for (int k = 1; k < shape.lines; ++k)
            rowAt(row + k).take(shape.restFrom, shape.restTo);
    }
    const Row *row(int index) const { return index < used() ? &m_rows[std::size_t(index)] : nullptr; }

private:
    bool free(int row, double from, double to) const
    {
        return row >= used() || m_rows[std::size_t(row)].isFree(from, to);
    }
    Row &rowAt(int index)
    {
        if (index >= used())
            m_rows.resize(std::size_t(index) + 1);
        return m_rows[std::size_t(index)];
    }

    int m_limit;
    std::vector<Row> m_rows;
};

} // namespace

QStringList TimelinePlacement::wrap(const QString &title, double width, const QFontMetricsF &metrics)
{
    const QStringList words = title.split(u' ', Qt::SkipEmptyParts);
    QStringList lines;
    QString line;
    for (const QString &word : words) {
        const QString candidate = line.isEmpty() ? word : line + u' ' + word;
        if (line.isEmpty() || metrics.horizontalAdvance(candidate) <= width) {
            line = candidate;
        } else {
            lines.append(line);
            line = word;
        }
    }
    if (!line.isEmpty())
        lines.append(line);
    return lines;
}

QStringList TimelinePlacement::narrowest(const QString &title, int lines, double maxWidth,
                                         const QFontMetricsF &metrics)
{
    const auto widest = [&](const QStringList &wrapped) {
        double width = 0;
        for (const QString &line : wrapped)
            width = std::max(width, metrics.horizontalAdvance(line));
        return width;
    };
    QStringList best = wrap(title, maxWidth, metrics);
    if (best.isEmpty() || best.size() > lines || widest(best) > maxWidth)
        return {};
    // Narrower widths wrap onto more lines: find the narrowest that still takes `lines`.
    double low = 0;
    double high = widest(best);
    for (int step = 0; step < 12 && high - low > 2; ++step) {
        const double middle = (low + high) / 2;
        const QStringList tried = wrap(title, middle, metrics);
        if (tried.size() <= lines && widest(tried) <= middle) {
            best = tried;
            high = widest(tried);
        } else {
            low = middle;
        }
    }
    return best;
}

void TimelinePlacement::prepare(Event &event, const QFontMetricsF &metrics, const Options &options)
{
    for (int k = 0; k < 3; ++k) {
        event.wrapped[k].clear();
        event.wrappedWidth[k] = 0;
        if (k >= options.maxLines)
            continue;
        const QStringList lines = narrowest(event.title, k + 1, options.maxLabelWidth, metrics);
        // Only a wrapping that needs all its lines is a new option.
        if (lines.size() != k + 1)
            continue;
        double width = 0;
        for (const QString &line : lines)
            width = std::max(width, metrics.horizontalAdvance(line));
        event.wrapped[k] = lines;
        event.wrappedWidth[k] = std::ceil(width);
    }
}

TimelinePlacement::Result TimelinePlacement::place(QList<Event> &events, int laneCount,
                                                   const QFontMetricsF &metrics, const Options &options)
{
    Result result;
    std::vector<Lane> lanes;
    lanes.reserve(std::size_t(laneCount));
    for (int lane = 0; lane < laneCount; ++lane)
        lanes.emplace_back(options.rowLimit.value(lane, -1));
    const double gap = options.gap;

    for (int index = 0; index < events.size(); ++index) {
        Event &event = events[index];
        if (event.wrappedWidth[0] < 0)
            prepare(event, metrics, options);
        const double markFrom = event.markLeft - gap / 2;
        const double markTo = event.markRight + gap / 2;

        // The label: every lane of the event, every wrapping, right of the mark or left of
        // it; the one whose bottom is highest wins (fewer lines, then right, on a tie).
        struct Choice {
            int lane = -1;
            int row = -1;
            Shape shape;
            int wrapping = 0;
            bool right = true;
            bool inside = false;
        } best;
        for (const int lane : std::as_const(event.lanes)) {
            if (lane < 0 || lane >= laneCount)
                continue;
            for (int k = 0; k < 3; ++k) {
                const double width = event.wrappedWidth[k];
                if (width <= 0)
                    continue;
                for (const int side : {0, 1, 2}) { // right of the mark, left of it, over its bar
                    const bool right = side != 1;
                    Shape shape;
                    shape.lines = k + 1;
                    if (side == 2) {
                        if (event.insideFrom < 0)
                            continue;
                        const double start = event.insideFrom;
                        if (start + width > options.right)
                            continue;
                        const double end = std::max(markTo, start + width + gap);
                        shape = {markFrom, end, markFrom, end, k + 1};
                    } else if (right) {
                        const double start = event.markRight + gap;
                        if (start + width > options.right)
                            continue;
                        // Lines below start under the mark: a mark left of a wrapped line
                        // would read as that line's.
                        shape = {markFrom, start + width + gap, markFrom, start + width + gap, k + 1};
                    } else {
                        const double end = event.markLeft - gap;
                        if (end - width < options.left)
                            continue;
                        shape = {end - width - gap, markTo, end - width - gap, markTo, k + 1};
                    }
                    const int row = lanes[std::size_t(lane)].lowest(shape);
                    if (row < 0)
                        continue;
                    if (best.row < 0 || row + k + 1 < best.row + best.shape.lines)
                        best = {lane, row, shape, k, right, side == 2};
                }
            }
        }
        int labelLane = -1;
        if (best.row >= 0) {
            lanes[std::size_t(best.lane)].take(best.row, best.shape);
            Label label;
            label.event = index;
            label.lane = best.lane;
            label.row = best.row;
            label.lines = event.wrapped[best.wrapping];
            const double width = event.wrappedWidth[best.wrapping];
            const double x = best.inside ? event.insideFrom
                             : best.right ? event.markRight + gap
                                          : event.markLeft - gap - width;
            label.rect = QRectF(x, best.row, width, best.wrapping + 1);
            result.labels.append(label);
            result.marks.append({index, best.lane, best.row});
            labelLane = best.lane;
        } else if (!event.lanes.isEmpty()) {
            // No room for the whole title: the longest part of it that fits beside the mark
            // in the lowest row with room, cut short.
            for (const int lane : std::as_const(event.lanes)) {
                if (lane < 0 || lane >= laneCount)
                    continue;
                Lane &rows = lanes[std::size_t(lane)];
                for (int row = 0; row < rows.limit() && labelLane < 0; ++row) {
                    const Row *taken = rows.row(row);
                    if (taken && !taken->isFree(markFrom, markTo))
                        continue;
                    const double start = event.markRight + gap;
                    const double end = std::min({taken ? taken->nextStart(start) - gap : qInf(),
                                                 start + options.maxLabelWidth, options.right});
                    const double endLeft = event.markLeft - gap;
                    const double startLeft = std::max({taken ? taken->previousEnd(endLeft) + gap : -qInf(),
                                                       endLeft - options.maxLabelWidth, options.left});
                    const bool right = end - start >= endLeft - startLeft;
                    const double room = right ? end - start : endLeft - startLeft;
                    if (room < options.minElidedWidth)
                        continue;
                    const QString text = metrics.elidedText(event.title, Qt::ElideRight, room);
                    const double width = std::ceil(metrics.horizontalAdvance(text));
                    const double x = right ? start : endLeft - width;
                    const Shape shape = right ? Shape{markFrom, x + width + gap, 0, 0, 1}
                                              : Shape{x - gap, markTo, 0, 0, 1};
                    rows.take(row, shape);
                    Label label;
                    label.event = index;
                    label.lane = lane;
                    label.row = row;
                    label.lines = QStringList{text};
                    label.rect = QRectF(x, row, width, 1);
                    label.whole = text == event.title;
                    result.labels.append(label);
                    result.marks.append({index, lane, row});
                    labelLane = lane;
                }
                if (labelLane >= 0)
                    break;
            }
        }
        if (labelLane < 0)
            result.unlabelled.append(index);
        // Marks in the other lanes (and in its own, when it has no label).
        for (const int lane : std::as_const(event.lanes)) {
            if (lane < 0 || lane >= laneCount || lane == labelLane)
                continue;
            const Shape shape{markFrom, markTo, 0, 0, 1};
            Lane &rows = lanes[std::size_t(lane)];
            const int row = rows.lowest(shape);
            if (row >= 0)
                rows.take(row, shape);
            result.marks.append({index, lane, row});
        }
    }
    for (const Lane &lane : lanes)
        result.laneRows.append(std::max(1, lane.used()));
    return result;
}

} // namespace ntl
