#pragma once

#include "dataset.h"

#include <QByteArray>
#include <QLocale>
#include <QStringList>

namespace ntl {

// A dataset's events as a TimelineJS3 JSON file (docs/interop.md): a title slide from the
// dataset, then one slide per event with its dates at the event's precision, the date in our
// words, its title, its summary and quotes as HTML, its side as the group and its id.
class TimelineJsExporter {
public:
    // The group of an event whose participants stand on more than one side.
    static QString severalSidesGroup();
    // The class of the quotes in a slide's text: an import of the file leaves them out of
    // the summary they follow (they are the passages, which TimelineJS cannot hold).
    static QString passageClass();

    // `eventIds`: the events to write, in this order (the filtered events as shown); an id
    // naming no event is skipped. `locale` words display_date.
    static QByteArray write(const Dataset &dataset, const QStringList &eventIds,
                            const QLocale &locale = QLocale());
    // The slide's HTML text: the summary, then each passage as a quote with its article.
    // Every dataset string is escaped.
    static QString slideText(const Dataset &dataset, const Event &event);
};

} // namespace ntl
