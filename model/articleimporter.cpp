#include "articleimporter.h"

#include "htmlimporter.h"
#include "idwords.h"
#include "pdfimporter.h"
#include "plaintextimporter.h"
#include "regularfile.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QSet>

namespace ntl {

namespace {

// The first kilobyte as lower-case ASCII, UTF-16 (by its BOM) folded to its low bytes:
// enough to recognise a PDF's signature or HTML markup.
QByteArray head(const QByteArray &bytes) {
    QByteArray out;
    if (bytes.startsWith("\xff\xfe") || bytes.startsWith("\xfe\xff")) {
        const qsizetype odd = bytes.startsWith("\xff\xfe") ? 0 : 1;
        for (qsizetype i = 2 + odd; i < bytes.size() && out.size() < 1024; i += 2)
            out.append(bytes.at(i));
    } else {
        out = bytes.left(1024);
    }
    return out.toLower();
}

} // namespace

Diagnostic ArticleImporter::error(const QString &file, const QString &message, int line,
                                  int column) {
    Diagnostic diagnostic;
    diagnostic.severity = Diagnostic::Severity::Error;
    diagnostic.file = file;
    diagnostic.line = line;
    diagnostic.column = column;
    diagnostic.message = message;
    return diagnostic;
}

Diagnostic ArticleImporter::warning(const QString &file, const QString &message) {
    Diagnostic diagnostic = error(file, message);
    diagnostic.severity = Diagnostic::Severity::Warning;
    return diagnostic;
}

QString ArticleImporter::oneLine(const QString &value, qsizetype maxLength) {
    QString out;
    out.reserve(qMin(value.size(), maxLength + 1));
    bool space = false;
    for (const QChar c : value) {
        if (c.isSpace() || c.category() == QChar::Other_Control) {
            space = !out.isEmpty();
            continue;
        }
        // Bidi controls and the like; the joiners that Persian or Indic words need are kept.
        if (c.category() == QChar::Other_Format && c.unicode() != 0x200c && c.unicode() != 0x200d)
            continue;
        if (space)
            out.append(u' ');
        space = false;
        out.append(c);
        if (out.size() >= maxLength)
            break;
    }
    if (out.size() > maxLength || (out.size() == maxLength && out.back().isHighSurrogate()))
        out.chop(1);
    return out;
}

QString ArticleImporter::textSha256(const QString &text) {
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString ArticleImporter::duplicateOf(const Dataset &dataset, const QString &text) {
    const QString hash = textSha256(text);
    for (const Article &article : dataset.articles) {
        // The recorded hash may be of a file's bytes (a BOM included), so hash the text itself.
        if (article.text.size() == text.size() && textSha256(article.text) == hash)
            return article.id;
    }
    return {};
}

QString ArticleImporter::newArticleId(const Dataset &dataset, const QString &title) {
    const QStringList words = idWords(title);
    QSet<QString> taken;
    for (const Article &article : dataset.articles)
        taken.insert(article.id);
    for (qsizetype number = dataset.articles.size();; ++number) {
        QString id = QStringLiteral("a%1").arg(number, 3, 10, QLatin1Char('0'));
        if (!words.isEmpty())
            id += u'-' + words.join(u'-');
        if (!taken.contains(id))
            return id;
    }
}

std::optional<ArticleImporter::Format>
ArticleImporter::detectFormat(const QByteArray &bytes, const QString &fileName, QString *why) {
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    const QByteArray start = head(bytes);
    if (start.contains("%pdf-"))
        return Format::Pdf;
    if (start.startsWith("pk\x03\x04") || start.startsWith("\xd0\xcf\x11\xe0") ||
        start.startsWith("{\\rtf")) {
        *why = tr("a word-processor document or an archive is not imported: save it as PDF "
                  "or as plain text");
        return std::nullopt;
    }
    if (suffix == QLatin1String("mht") || suffix == QLatin1String("mhtml") ||
        suffix == QLatin1String("webarchive")) {
        *why = tr("a web archive is not imported: save the page as \"Web Page, HTML only\"");
        return std::nullopt;
    }
    if (suffix == QLatin1String("pdf"))
        return Format::Pdf; // without a signature: the PDF reader says it is broken
    const QByteArray trimmed = start.trimmed();
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm") ||
        suffix == QLatin1String("xhtml") || trimmed.startsWith("<!doctype html") ||
        trimmed.contains("<html") || trimmed.contains("<head") || trimmed.contains("<body"))
        return Format::Html;
    return Format::PlainText;
}

ArticleImporter::Result ArticleImporter::finish(Article article, Diagnostics diagnostics,
                                                const QString &displayName,
                                                const QDate &fallbackDate) {
    if (article.text.trimmed().isEmpty()) {
        diagnostics.append(error(displayName, tr("holds no text to import")));
        return {std::nullopt, diagnostics};
    }
    if (article.text.size() > maxTextLength) {
        diagnostics.append(
            error(displayName, tr("its text is longer than %1 characters").arg(maxTextLength)));
        return {std::nullopt, diagnostics};
    }
    article.title = oneLine(article.title);
    if (article.title.isEmpty())
        article.title = oneLine(QFileInfo(displayName).completeBaseName());
    if (article.title.isEmpty())
        article.title = tr("Untitled article");
    article.publisher = oneLine(article.publisher);
    if (!article.published.isValid()) {
        article.published = fallbackDate.isValid() ? fallbackDate : QDate::currentDate();
        article.publishedInferred = true;
        diagnostics.append(warning(
            displayName, tr("no publication date found: %1 is used, marked inferred; check it "
                            "in the article's properties")
                             .arg(article.published.toString(Qt::ISODate))));
    }
    article.textFile.clear();
    article.textSha256 = textSha256(article.text);
    return {std::move(article), diagnostics};
}

ArticleImporter::Result ArticleImporter::importText(const QString &text, const QString &displayName,
                                                    const QDate &date) {
    Diagnostics diagnostics;
    QString normalised = text;
    if (!PlainTextImporter::normalise(&normalised, displayName, &diagnostics))
        return {std::nullopt, diagnostics};
    Article article;
    const qsizetype firstBreak = normalised.indexOf(u'\n');
    const QString firstLine = oneLine(firstBreak < 0 ? normalised : normalised.left(firstBreak));
    if (firstLine.size() <= 200)
        article.title = firstLine;
    article.text = std::move(normalised);
    return finish(std::move(article), diagnostics, displayName, date);
}

ArticleImporter::Result ArticleImporter::importBytes(const QByteArray &bytes,
                                                     const QString &displayName,
                                                     const QDate &fileDate) {
    QString why;
    const std::optional<Format> format = detectFormat(bytes, displayName, &why);
    if (!format)
        return {std::nullopt, {error(displayName, why)}};
    switch (*format) {
    case Format::Pdf:
        return PdfImporter::read(bytes, displayName, fileDate);
    case Format::Html:
        return HtmlImporter::read(bytes, displayName, fileDate);
    case Format::PlainText:
        break;
    }
    return PlainTextImporter::read(bytes, displayName, fileDate);
}

ArticleImporter::Result ArticleImporter::importFile(const QString &path) {
    RegularFile file;
    QString why;
    QByteArray bytes;
    if (!file.open(path, &why) || !file.readAll(maxFileSize, &bytes, &why))
        return {std::nullopt, {error(path, tr("cannot read the file: %1").arg(why))}};
    // A saved page's or text's date is when it was saved: no earlier than its publication,
    // and the best guess there is when the file says nothing.
    const QDate fileDate = QFileInfo(path).lastModified().date();
    return importBytes(bytes, path, fileDate);
}

} // namespace ntl
