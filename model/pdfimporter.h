#pragma once

#include "articleimporter.h"

namespace ntl {

// A PDF as an article, through Poppler's Qt 6 binding: each page's text in reading order,
// pages separated by a blank line; the title and date from the document's information
// when it has them (the date marked inferred: it is when the PDF was made). A PDF with no
// text (a scan) says so; a broken or encrypted one gives a message; nothing is rendered.
class PdfImporter {
    Q_DECLARE_TR_FUNCTIONS(PdfImporter)

public:
    static ArticleImporter::Result read(const QByteArray &bytes, const QString &displayName,
                                        const QDate &fallbackDate);
};

} // namespace ntl
