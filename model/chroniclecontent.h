#pragma once

#include "chronicleentry.h"
#include "chronicleheading.h"

#include <QColor>
#include <QDate>
#include <QHash>
#include <QList>
#include <QLocale>
#include <QString>

namespace ntl {

class EventFilterModel;

// What a Chronicle export says, whatever its format (PDF, PNG, Markdown, HTML): a title
// block, the filtered events in the filter's order grouped under their headings, and the
// articles they cite as references. Built once from the filter model, so every writer
// prints the same words. Every string is the dataset's own text: each writer escapes it.
struct ChronicleContent {
    struct Group {
        ChronicleHeading heading;
        QList<ChronicleEntry> entries;
    };
    struct Reference {
        QString articleId;
        QString title;
        QString publisher; // empty when unknown
        QString published; // "24 Nov 2025"; empty when unknown
        QString url;       // as the dataset gives it; empty when unknown
        // The URL when it is an absolute http(s) one, fully percent-encoded (no spaces,
        // quotes or angle brackets), so a writer may link it; else empty.
        QString linkableUrl() const;
    };

    QString title;    // the export's title: the option, else the dataset's
    QString subtitle; // "N events · range · filters", as the other exports say it
    QList<Group> groups;
    QList<Reference> references; // the articles the shown events cite, in the dataset's order
    // Side id → colour, filled by the caller that knows the palette (views/); writers that
    // find no colour for a side draw none.
    QHash<QString, QColor> sideColors;

    int eventCount() const;

    // The events `filter` shows, in its order (start, then end). `title` and `subtitle`
    // are taken as given.
    static ChronicleContent of(const EventFilterModel &filter, const QString &title,
                               const QString &subtitle, const QLocale &locale = QLocale());
};

} // namespace ntl
