#pragma once

#include "dataset.h"
#include "diagnostic.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QString>

#include <optional>

namespace ntl {

// Brings a news article in from a file someone saved: plain text, an HTML page or a PDF.
// The result is either an Article (text and what the file says of itself) or diagnostics
// that name the file and where and why it was refused; never half an article. The file
// is read as a regular file only, within a size bound; nothing is fetched and no script
// runs. The window (File → Import Articles…, drag and drop, Paste as Article) and the
// command line (--new … --import …) both go through here.
class ArticleImporter {
    Q_DECLARE_TR_FUNCTIONS(ArticleImporter)

public:
    enum class Format { PlainText, Html, Pdf };

    struct Result {
        // Set when the import succeeded: text, title, publisher, url, published date and
        // basis, textSha256. The id is left empty: newArticleId() gives one for a dataset.
        std::optional<Article> article;
        // Errors (then no article) and warnings (what was guessed or left out).
        Diagnostics diagnostics;
        bool ok() const { return article.has_value(); }
    };

    // Largest file read: a saved page with inline images and a long PDF both fit.
    static constexpr qint64 maxFileSize = 64 * 1024 * 1024;
    // Largest article text kept (UTF-16 units): far beyond any news article.
    static constexpr qsizetype maxTextLength = 16 * 1024 * 1024;

    // Reads `path` (a regular file, at most maxFileSize bytes) and imports it in the format
    // its content shows (a PDF's signature, HTML markup), else by its extension, else as text.
    static Result importFile(const QString &path);
    // The same for bytes already in memory (a drop or the clipboard); `displayName` names
    // them in messages and gives the fallback title; `fileDate` the fallback date.
    static Result importBytes(const QByteArray &bytes, const QString &displayName,
                              const QDate &fileDate = QDate::currentDate());
    // Text already decoded (Edit → Paste as Article): line endings and controls normalised
    // as for a text file.
    static Result importText(const QString &text, const QString &displayName,
                             const QDate &date = QDate::currentDate());

    // The format of `bytes`, from their content first, then `fileName`'s extension;
    // nullopt (with `why`) for a kind of file that is not imported (a word-processor
    // document, a web archive).
    static std::optional<Format> detectFormat(const QByteArray &bytes, const QString &fileName,
                                              QString *why);

    // SHA-256 of the text's UTF-8, lower-case hex: what the reader checks an inline text against.
    static QString textSha256(const QString &text);
    // The id of the article of `dataset` whose text is the same as `text` (same hash), or
    // an empty string: an article already present is not imported twice.
    static QString duplicateOf(const Dataset &dataset, const QString &text);
    // An id for a new article in `dataset`, in the dataset's convention: "a" and the
    // article's number in three digits, then up to five words of its title in lower case
    // joined by hyphens ("a005-talks-resume-in-geneva"); unique in `dataset`.
    static QString newArticleId(const Dataset &dataset, const QString &title);

    // Helpers for the format importers.
    static Diagnostic error(const QString &file, const QString &message, int line = 0,
                            int column = 0);
    static Diagnostic warning(const QString &file, const QString &message);
    // Fills in what the format could not tell: the title from the file name, the date
    // from `fallbackDate` (marked inferred, with a warning), the hash; refuses an empty text.
    static Result finish(Article article, Diagnostics diagnostics, const QString &displayName,
                         const QDate &fallbackDate);
    // One line of metadata: white space collapsed, controls dropped, at most `maxLength`.
    static QString oneLine(const QString &value, qsizetype maxLength = 1000);
};

} // namespace ntl
