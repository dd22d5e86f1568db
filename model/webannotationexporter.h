#pragma once

#include "dataset.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace ntl {

// Writes events' passages as W3C Web Annotations (docs/interop.md, Web Annotation): one
// AnnotationCollection (JSON-LD, `@context` http://www.w3.org/ns/anno.jsonld) whose first and
// only AnnotationPage is embedded, one Annotation per passage. The target is the article (its
// URL, else `urn:sha256:` of its text's UTF-8) with a TextQuoteSelector and a
// TextPositionSelector in code points; the body names the event by id and title. Nothing in it
// depends on the clock, so the same data always gives the same bytes.
class WebAnnotationExporter {
public:
    // The media type the Web Annotation Protocol names for this document.
    static constexpr const char *mediaType =
        "application/ld+json;profile=\"http://www.w3.org/ns/anno.jsonld\"";

    struct Options {
        // When the annotations were made, as far as anyone can tell: the dataset file's last
        // save (the caller knows the file). Invalid (the built-in dataset, an unsaved one):
        // each annotation's article's publication date, the earliest it can have been made.
        QDateTime created;
    };

    // The collection of every passage of `eventIds` (events of `dataset`, in this order; ids
    // not in the dataset are passed over), pretty-printed UTF-8 JSON ending in a newline.
    static QByteArray write(const Dataset &dataset, const QStringList &eventIds,
                            const Options &options);
    static QByteArray write(const Dataset &dataset, const QStringList &eventIds) {
        return write(dataset, eventIds, Options());
    }

    // The target source of an article: its URL, else "urn:sha256:" and its text's hash.
    static QString sourceOf(const Article &article);
    // Stable ids: the same passage of the same event always has the same annotation id.
    static QString annotationId(const Event &event, const Article &article, qint64 start,
                                qint64 end);
    static QString collectionId(const Dataset &dataset, const QStringList &eventIds);
    // The generator's name: the application and its version.
    static QString generatorName();
};

} // namespace ntl
