#include "pdfimporter.h"

#include "plaintextimporter.h"

#include <poppler-qt6.h>

#include <QTimeZone>

#include <mutex>

namespace ntl {

namespace {

// Poppler prints what it dislikes in a file on stderr; the import's own message says it.
void quiet(const QString &, const QVariant &) {}

constexpr int maxPages = 5000;

} // namespace

ArticleImporter::Result PdfImporter::read(const QByteArray &bytes, const QString &displayName,
                                          const QDate &fallbackDate) {
    static std::once_flag silenced;
    std::call_once(silenced, [] { Poppler::setDebugErrorFunction(quiet, QVariant()); });

    const std::unique_ptr<Poppler::Document> document = Poppler::Document::loadFromData(bytes);
    if (!document)
        return {std::nullopt,
                {ArticleImporter::error(displayName, tr("not a readable PDF: the file is "
                                                        "damaged or not a PDF at all"))}};
    if (document->isLocked())
        return {std::nullopt,
                {ArticleImporter::error(displayName, tr("the PDF is encrypted with a password; "
                                                        "save an unprotected copy first"))}};
    const int pages = document->numPages();
    if (pages > maxPages)
        return {std::nullopt,
                {ArticleImporter::error(displayName, tr("the PDF has %1 pages; at most %2 are "
                                                        "imported")
                                                         .arg(pages)
                                                         .arg(maxPages))}};
    Diagnostics diagnostics;
    QString text;
    for (int i = 0; i < pages; ++i) {
        const std::unique_ptr<Poppler::Page> page = document->page(i);
        if (!page)
            continue;
        // An empty rectangle: the whole page, in Poppler's reading order.
        QString pageText = page->text(QRectF()).trimmed();
        if (pageText.isEmpty())
            continue;
        if (!text.isEmpty())
            text += QStringLiteral("\n\n");
        // Typeset ligatures ("ﬁ", "ﬂ") back into letters, so that words are found and selected
        // as they are spelled.
        for (const QChar c : std::as_const(pageText)) {
            if (c.unicode() >= 0xfb00 && c.unicode() <= 0xfb06)
                text += QString(c).normalized(QString::NormalizationForm_KC);
            else
                text += c;
        }
        if (text.size() > ArticleImporter::maxTextLength)
            break; // finish() refuses it with the limit named
    }
    if (text.trimmed().isEmpty())
        return {std::nullopt,
                {ArticleImporter::error(displayName,
                                        tr("the PDF has no text, only images (a scan?): "
                                           "recognise its text (OCR) first, or paste the text"))}};
    // Poppler may hand over form feeds or other controls: the same rules as a text file.
    if (!PlainTextImporter::normalise(&text, displayName, &diagnostics))
        return {std::nullopt, diagnostics};
    Article article;
    article.text = std::move(text);
    article.title = document->info(QStringLiteral("Title"));
    const QDateTime created = document->date(QStringLiteral("CreationDate"));
    if (created.isValid()) {
        // When the PDF was made, not when the article was published: a guess, marked so.
        article.published = created.date();
        article.publishedInferred = true;
        diagnostics.append(ArticleImporter::warning(
            displayName, tr("the publication date %1 is the PDF's creation date, marked "
                            "inferred; check it in the article's properties")
                             .arg(article.published.toString(Qt::ISODate))));
    }
    return ArticleImporter::finish(std::move(article), std::move(diagnostics), displayName,
                                   fallbackDate);
}

} // namespace ntl
