#pragma once

#include "importbatch.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace ntl {

// Brings W3C Web Annotations (a collection with its pages embedded, a page, one annotation or
// a JSON array of them) and Hypothesis's own files (its export {"annotations": […]} and its
// API's {"rows": […]}) onto the articles of a dataset (docs/interop.md, Web Annotation). Each
// annotation's target is matched to an article by URL (normalised) or by `urn:sha256:` of
// the text, re-anchored as the reader anchors passages (quote, prefix and suffix, the position
// a hint: code points for W3C, UTF-16 units for Hypothesis), and its passage attached to the
// event the body names, or to a new event, or to one event the user picked. Annotations that
// do not anchor are listed as warnings with their JSON pointer; a file with none that anchors
// is an error. The input is bounded: file size, annotation count, the tree kept in memory and
// the anchoring's search.
class WebAnnotationImporter {
    Q_DECLARE_TR_FUNCTIONS(WebAnnotationImporter)

public:
    static constexpr qint64 maxFileSize = 64 * 1024 * 1024;
    static constexpr int maxAnnotations = 100000;

    struct Options {
        // When set, every passage goes to this event of the dataset (picked in the window),
        // whatever the annotations' bodies name.
        QString eventId;
    };

    static ImportBatch read(const QByteArray &bytes, const QString &fileName, const Dataset &base,
                            const Options &options);
    static ImportBatch read(const QByteArray &bytes, const QString &fileName, const Dataset &base) {
        return read(bytes, fileName, base, Options());
    }
    // Reads `path` (a regular file of at most maxFileSize bytes) and then as read().
    static ImportBatch readFile(const QString &path, const Dataset &base, const Options &options);

    // Whether `bytes` look like annotations: JSON whose start names an AnnotationCollection,
    // AnnotationPage or Annotation, or Hypothesis's export or API members. For the dispatcher.
    static bool looksLikeAnnotations(const QByteArray &bytes);

    // A URL as compared with articles' URLs: scheme and host in lower case, the default port,
    // the fragment and a trailing slash dropped. Empty when `url` is not an absolute URL.
    static QString normalisedUrl(const QString &url);
};

} // namespace ntl
