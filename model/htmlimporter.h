#pragma once

#include "articleimporter.h"

namespace ntl {

// An HTML page saved from a browser as an article, through libxml2's HTML parser (no
// network, no entity loading, no script run; errors recovered silently as a browser
// would). The text is the headline and then each paragraph, heading, list item or quote
// on its own line, taken from the page's <article> (the one with the most text) or
// <main>, else its <body>; navigation, headers and footers, asides, scripts, styles,
// forms, frames, comments, hidden elements and boilerplate marked so by its class, id or
// role (share, cookie, subscribe, related, advertising …) are left out. What the page
// says of itself: the title (og:title, JSON-LD headline, <h1>, <title>), publisher
// (og:site_name, JSON-LD publisher.name, application-name), publication date
// (article:published_time, JSON-LD datePublished, <time datetime>), and canonical URL
// (<link rel=canonical>, og:url, JSON-LD url): each the first found in that order.
class HtmlImporter {
    Q_DECLARE_TR_FUNCTIONS(HtmlImporter)

public:
    static constexpr qsizetype maxHtmlSize = 20 * 1024 * 1024;
    // Deeper elements than this are left out (with a warning): no page needs them, and
    // a hostile one cannot make the walk deep.
    static constexpr int maxDepth = 256;
    // A JSON-LD block larger than this, or nested deeper than 64, is not read.
    static constexpr qsizetype maxJsonLdSize = 1024 * 1024;

    static ArticleImporter::Result read(const QByteArray &bytes, const QString &displayName,
                                        const QDate &fallbackDate);
};

} // namespace ntl
