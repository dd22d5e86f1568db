#pragma once

#include "dataset.h"

#include <QCoreApplication>
#include <QLocale>
#include <QString>

namespace ntl {

// A quoted passage and its article as text for the clipboard, in the forms the details panel
// offers. Every form takes the dataset's text as it is (no markup survives unescaped in
// Markdown); fields the article lacks are left out, never invented.
//  - Quote: the exact words only.
//  - PlainText: “quote” — Publisher, “Title”, 23 Nov 2025, URL
//  - Markdown: "> quote", a blank line, then [Title](URL) (a link only for an http(s) URL),
//    Publisher, 23 Nov 2025.
//  - Chicago: the bibliography entry of the Chicago Manual of Style (17th ed., notes and
//    bibliography) for a news article without an author, the publication standing first:
//    Publisher. “Title.” November 23, 2025. URL.  By the manual's rules a date the dataset
//    inferred is given in brackets ([November 23, 2025]) and a missing one as "n.d."; a missing
//    publisher starts the entry with the title.
class Citation {
    Q_DECLARE_TR_FUNCTIONS(Citation)
public:
    enum class Format { Quote, PlainText, Markdown, Chicago };

    // `article` may be null (an unknown article): then only the quote is given.
    static QString format(Format format, const QString &quote, const Article *article,
                          const QLocale &locale = QLocale());
    // `text` with every character Markdown would read as markup escaped, so that it shows
    // literally as one paragraph line.
    static QString escapeMarkdown(const QString &text);
    // Whether `url` is an absolute http or https URL (the only ones made into links).
    static bool isWebUrl(const QString &url);
};

} // namespace ntl
