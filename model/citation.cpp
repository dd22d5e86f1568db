#include "citation.h"

#include <QRegularExpression>
#include <QStringList>
#include <QUrl>

namespace ntl {

namespace {
QString dateText(const Article &article, const QLocale &locale) {
    if (!article.published.isValid())
        return {};
    const QString date = locale.toString(article.published, QStringLiteral("d MMM yyyy"));
    return article.publishedInferred ? Citation::tr("%1 (inferred)").arg(date) : date;
}

// "Title." — unless the title already ends in a mark of its own ("Talks fail?").
QString withPeriod(const QString &text) {
    if (text.isEmpty())
        return text;
    const QChar last = text.back();
    return (last == u'.' || last == u'?' || last == u'!') ? text : text + u'.';
}

// A URL as a Markdown link destination: parentheses and spaces percent-encoded, so neither
// ends the link early.
QString linkDestination(const QString &url) {
    QString encoded = QString::fromUtf8(QUrl(url).toEncoded());
    encoded.replace(u'(', QLatin1String("%28"));
    encoded.replace(u')', QLatin1String("%29"));
    return encoded;
}

QString plainText(const QString &quote, const Article &article, const QLocale &locale) {
    QStringList parts;
    if (!article.publisher.isEmpty())
        parts.append(article.publisher);
    parts.append(Citation::tr("“%1”").arg(article.title));
    const QString date = dateText(article, locale);
    if (!date.isEmpty())
        parts.append(date);
    if (!article.url.isEmpty())
        parts.append(article.url);
    return Citation::tr("“%1” — %2").arg(quote, parts.join(QStringLiteral(", ")));
}

QString markdown(const QString &quote, const Article &article, const QLocale &locale) {
    QStringList lines;
    // One "> " per line of the quote, so a quote over several lines stays one block.
    for (const QString &line : quote.split(u'\n'))
        lines.append(line.trimmed().isEmpty()
                         ? QStringLiteral(">")
                         : QStringLiteral("> ") + Citation::escapeMarkdown(line));
    QStringList parts;
    const QString title = Citation::escapeMarkdown(article.title);
    if (Citation::isWebUrl(article.url))
        parts.append(QStringLiteral("[%1](%2)").arg(title, linkDestination(article.url)));
    else
        parts.append(Citation::tr("“%1”").arg(title));
    if (!article.publisher.isEmpty())
        parts.append(Citation::escapeMarkdown(article.publisher));
    const QString date = dateText(article, locale);
    if (!date.isEmpty())
        parts.append(Citation::escapeMarkdown(date));
    // A URL that is not a web link is still written, as text.
    if (!article.url.isEmpty() && !Citation::isWebUrl(article.url))
        parts.append(Citation::escapeMarkdown(article.url));
    return lines.join(u'\n') + QStringLiteral("\n\n") + parts.join(QStringLiteral(", ")) + u'\n';
}

QString chicago(const Article &article) {
    QStringList parts;
    if (!article.publisher.isEmpty())
        parts.append(withPeriod(article.publisher));
    parts.append(Citation::tr("“%1”").arg(withPeriod(article.title)));
    // The manual's dates are in English, month spelt out: "November 23, 2025".
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    QString date = article.published.isValid()
                       ? english.toString(article.published, QStringLiteral("MMMM d, yyyy"))
                       : QStringLiteral("n.d");
    if (article.published.isValid() && article.publishedInferred)
        date = u'[' + date + u']';
    parts.append(date + u'.');
    if (!article.url.isEmpty())
        parts.append(withPeriod(article.url));
    return parts.join(u' ');
}
} // namespace

QString Citation::format(Format format, const QString &quote, const Article *article,
                         const QLocale &locale) {
    if (format == Format::Quote || !article)
        return quote;
    switch (format) {
    case Format::Quote:
        return quote;
    case Format::PlainText:
        return plainText(quote, *article, locale);
    case Format::Markdown:
        return markdown(quote, *article, locale);
    case Format::Chicago:
        return chicago(*article);
    }
    return quote;
}

QString Citation::escapeMarkdown(const QString &text) {
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        switch (c.unicode()) {
        // Inline markup anywhere: emphasis, code, links, images, HTML, tables, strike-through,
        // escapes and entities.
        case '\\':
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
        case '<':
        case '>':
        case '|':
        case '~':
        case '!':
        case '&':
            out.append(u'\\');
            break;
        // Block markup only at the start of a line: headings, lists, rules, numbered lists.
        case '#':
        case '+':
        case '-':
        case '=':
            if (out.isEmpty() || out.back() == u'\n')
                out.append(u'\\');
            break;
        case '.':
        case ')': {
            // "1. " or "1) " at the start of a line would begin a numbered list.
            qsizetype j = out.size();
            while (j > 0 && out.at(j - 1).isDigit())
                --j;
            if (j < out.size() && (j == 0 || out.at(j - 1) == u'\n'))
                out.append(u'\\');
            break;
        }
        default:
            break;
        }
        out.append(c);
    }
    return out;
}

bool Citation::isWebUrl(const QString &url) {
    const QUrl parsed(url);
    const QString scheme = parsed.scheme().toLower();
    return parsed.isValid() &&
           (scheme == QLatin1String("http") || scheme == QLatin1String("https")) &&
           !parsed.host().isEmpty();
}

} // namespace ntl
