#include "timelineplacement.h"

#include <algorithm>
#include <cmath>

namespace ntl {

namespace {

// Rows that would make a lane taller than any screen: past them, marks are counted instead.
constexpr int hardRowLimit = 400;

// The pixels taken in one row of one lane, as disjoint intervals in order.
class Row {
public:
    bool isFree(double from, double to) const {
        // The first interval ending after `from`: free if it starts at or after `to`.
        const auto it = std::upper_bound(m_spans.cbegin(), m_spans.cend(), from,
                                         [](double x, const Span &span) { return x < span.to; });
        return it == m_spans.cend() || it->from >= to;
    }
    void take(double from, double to) {
        const auto it = std::upper_bound(m_spans.begin(), m_spans.end(), from,
                                         [](double x, const Span &span) { return x < span.from; });
        m_spans.insert(it, {from, to});
    }
    // Where the first interval at or after `from` starts (+inf for none).
    double nextStart(double from) const {
        const auto it = std::upper_bound(m_spans.cbegin(), m_spans.cend(), from,
                                         [](double x, const Span &span) { return x < span.to; });
        return it == m_spans.cend() ? qInf() : std::max(from, it->from);
    }
    // Where the last interval ending at or before `to` ends (-inf for none).
    double previousEnd(double to) const {
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

class Lane {
public:
    explicit Lane(int limit)
        : m_limit(limit < 0 ? hardRowLimit : std::min(limit, hardRowLimit)) {}
    int limit() const { return m_limit; }
    int used() const { return int(m_rows.size()); }

    bool fits(int row, const Shape &shape) const {
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
    int lowest(const Shape &shape) const {
        for (int row = 0; row + shape.lines <= m_limit; ++row) {
            if (fits(row, shape))
                return row;
            if (row > used())
                break; // past the rows in use everything is free: fits() said why not
        }
        return -1;
    }
    void take(int row, const Shape &shape) {
        rowAt(row).take(shape.firstFrom, shape.firstTo);
        for (int k = 1; k < shape.lines; ++k)
            rowAt(row + k).take(shape.restFrom, shape.restTo);
    }
    const Row *row(int index) const {
        return index < used() ? &m_rows[std::size_t(index)] : nullptr;
    }

private:
    bool free(int row, double from, double to) const {
        return row >= used() || m_rows[std::size_t(row)].isFree(from, to);
    }
    Row &rowAt(int index) {
        if (index >= used())
            m_rows.resize(std::size_t(index) + 1);
        return m_rows[std::size_t(index)];
    }

    int m_limit;
    std::vector<Row> m_rows;
};

} // namespace

QStringList TimelinePlacement::wrap(const QString &title, double width,
                                    const QFontMetricsF &metrics) {
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
                                         const QFontMetricsF &metrics) {
    if (lines == 1) { // one line: the title as it is, if it fits (most do: no wrapping to try)
        const QString line = title.simplified();
        if (line.isEmpty() || metrics.horizontalAdvance(line) > maxWidth)
            return {};
        return {line};
    }
    // Each word is measured once; lines are tried as sums of word widths (shaping every
    // tried line anew was most of the cost of a frame of a thousand new titles).
    const QStringList words = title.split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty())
        return {};
    QList<double> widths;
    widths.reserve(words.size());
    for (const QString &word : words)
        widths.append(metrics.horizontalAdvance(word));
    const double space = metrics.horizontalAdvance(QStringLiteral(" "));
    // Greedy breaks at `width`: the index of each line's first word; widest line in `widest`.
    const auto breaks = [&](double width, double *widest) {
        QList<int> starts{0};
        double line = widths.at(0);
        *widest = 0;
        for (qsizetype i = 1; i < words.size(); ++i) {
            if (line + space + widths.at(i) <= width) {
                line += space + widths.at(i);
            } else {
                *widest = std::max(*widest, line);
                starts.append(int(i));
                line = widths.at(i);
            }
        }
        *widest = std::max(*widest, line);
        return starts;
    };
    double widest = 0;
    QList<int> best = breaks(maxWidth, &widest);
    if (best.size() > lines || widest > maxWidth)
        return {};
    double low = 0;
    double high = widest;
    for (int step = 0; step < 14 && high - low > 1; ++step) {
        const double middle = (low + high) / 2;
        double tried = 0;
        const QList<int> starts = breaks(middle, &tried);
        if (starts.size() <= lines && tried <= middle) {
            best = starts;
            high = tried;
        } else {
            low = middle;
        }
    }
    QStringList result;
    for (qsizetype k = 0; k < best.size(); ++k) {
        const int end = k + 1 < best.size() ? best.at(k + 1) : int(words.size());
        result.append(words.mid(best.at(k), end - best.at(k)).join(u' '));
    }
    // Sums of words can differ from the shaped line by kerning: the shaped one must fit.
    for (const QString &line : std::as_const(result)) {
        if (metrics.horizontalAdvance(line) > maxWidth)
            return {};
    }
    return result;
}

void TimelinePlacement::prepare(Event &event, const QFontMetricsF &metrics,
                                const Options &options) {
    for (int k = 0; k < 3; ++k)
        prepareWrapping(event, k, metrics, options);
}

void TimelinePlacement::prepareWrapping(Event &event, int k, const QFontMetricsF &metrics,
                                        const Options &options) {
    event.wrapped[k].clear();
    event.wrappedWidth[k] = 0;
    if (k >= options.maxLines)
        return;
    const QStringList lines = narrowest(event.title, k + 1, options.maxLabelWidth, metrics);
    // Only a wrapping that needs all its lines is a new option.
    if (lines.size() != k + 1)
        return;
    double width = 0;
    for (const QString &line : lines)
        width = std::max(width, metrics.horizontalAdvance(line));
    event.wrapped[k] = lines;
    event.wrappedWidth[k] = std::ceil(width);
}

TimelinePlacement::Result TimelinePlacement::place(QList<Event> &events, int laneCount,
                                                   const QFontMetricsF &metrics,
                                                   const Options &options) {
    Result result;
    std::vector<Lane> lanes;
    lanes.reserve(std::size_t(laneCount));
    for (int lane = 0; lane < laneCount; ++lane) {
        lanes.emplace_back(options.rowLimit.value(lane, -1));
        if (options.reservedAtRight > 0)
            lanes.back().take(
                0, Shape{options.right - options.reservedAtRight, options.right + 1, 0, 0, 1});
    }
    const double gap = options.gap;

    for (int index = 0; index < events.size(); ++index) {
        Event &event = events[index];
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
        for (int k = 0; k < 3; ++k) {
            // More lines win only by ending higher: past that, no need to wrap the title.
            if (best.row >= 0 && k + 1 >= best.row + best.shape.lines)
                break;
            if (event.wrappedWidth[k] < 0)
                prepareWrapping(event, k, metrics, options);
            const double width = event.wrappedWidth[k];
            if (width <= 0)
                continue;
            for (const int lane : std::as_const(event.lanes)) {
                if (lane < 0 || lane >= laneCount)
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
                        shape = {markFrom, start + width + gap, markFrom, start + width + gap,
                                 k + 1};
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
            const double x = best.inside  ? event.insideFrom
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
                // Past the rows in use all rows are alike: one of them is enough to try.
                for (int row = 0; row < rows.limit() && row <= rows.used() && labelLane < 0;
                     ++row) {
                    const Row *taken = rows.row(row);
                    if (taken && !taken->isFree(markFrom, markTo))
                        continue;
                    const double start = event.markRight + gap;
                    const double end = std::min({taken ? taken->nextStart(start) - gap : qInf(),
                                                 start + options.maxLabelWidth, options.right});
                    const double endLeft = event.markLeft - gap;
                    const double startLeft =
                        std::max({taken ? taken->previousEnd(endLeft) + gap : -qInf(),
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
