#pragma once

#include <QFontMetricsF>
#include <QList>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace ntl {

// Where each event of a timeline frame goes: the row of its mark in every lane it belongs
// to, and one label per event with its whole title, wrapped onto up to three lines, that
// begins just right of its mark or ends just left of it — placed the way a map labeller
// places names: in priority order (the caller's), each label at the first place where it
// covers no other label or mark. No widgets: the timeline view and the export both use it,
// and tests run it on its own.
//
// Geometry is in pixels across (x) and in rows down (y): a row is one line of label text.
class TimelinePlacement {
public:
    struct Event {
        int id = -1;         // the caller's
        QList<int> lanes;    // every lane it has a mark in; the first is its label's first choice
        double markLeft = 0; // pixels the mark (a dot, or a span's bar) takes across
        double markRight = 0;
        QString title;
        // A span may also carry its label over its own bar, from here (-1: not a span).
        double insideFrom = -1;
        // The title wrapped onto 1, 2 and 3 lines (narrowest first fit) and each wrapping's
        // width: filled by prepare(), which the caller may cache (shaping text is costly).
        QStringList wrapped[3];
        double wrappedWidth[3] = {-1, -1, -1}; // -1: not prepared yet; 0: no such wrapping
    };

    struct Options {
        double gap = 4;             // pixels between a mark and its label, and between labels
        double maxLabelWidth = 420; // widest a label line may be
        int maxLines = 3;
        double left = 0; // labels stay within [left, right]
        double right = 1e9;
        QList<int> rowLimit;        // per lane; empty or < 0: as many rows as needed
        double minElidedWidth = 60; // a cut-short label narrower than this is not drawn
        // Pixels across at the end of each lane's first row that stay free (for a note).
        double reservedAtRight = 0;
    };

    struct Label {
        int event = -1; // index into the events given
        int lane = -1;
        int row = 0; // of its first line
        QRectF rect; // x in pixels, y in rows
        QStringList lines;
        bool whole = true; // the whole title, not cut short
    };
    struct Mark {
        int event = -1;
        int lane = -1;
        int row = -1; // -1: no row left in its lane (the caller counts it)
    };
    struct Result {
        QList<Mark> marks;     // one per event and lane
        QList<Label> labels;   // at most one per event
        QList<int> laneRows;   // rows each lane uses (at least 1)
        QList<int> unlabelled; // events without a label, in the order given
    };

    // `events` in priority order, most important first. `metrics` measures label text.
    static Result place(QList<Event> &events, int laneCount, const QFontMetricsF &metrics,
                        const Options &options);

    // Fills `event`'s wrappings for `options` (called by place() for events not prepared).
    static void prepare(Event &event, const QFontMetricsF &metrics, const Options &options);
    // Fills the wrapping onto k + 1 lines only (place() wraps a title only as far as needed).
    static void prepareWrapping(Event &event, int k, const QFontMetricsF &metrics,
                                const Options &options);

    // `title` wrapped greedily at word boundaries onto lines no wider than `width`; a word
    // wider than `width` stands on a line of its own.
    static QStringList wrap(const QString &title, double width, const QFontMetricsF &metrics);
    // The narrowest wrapping of `title` onto at most `lines` lines, no line wider than
    // `maxWidth`; empty when there is none.
    static QStringList narrowest(const QString &title, int lines, double maxWidth,
                                 const QFontMetricsF &metrics);
};

} // namespace ntl
