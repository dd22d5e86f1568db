#include "chroniclehtml.h"

#include <QCoreApplication>

namespace ntl {

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("ChronicleHtml", text);
}

// Print-friendly: dark text on white, serif body, nothing the printer would waste ink on.
const char *const styleSheet = R"css(
body { font-family: Georgia, "Times New Roman", serif; color: #1a1a1a; background: #fff;
       max-width: 46em; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
h1 { font-size: 1.7em; margin-bottom: 0.2em; }
p.subtitle { color: #555; margin-top: 0; }
h2 { font-size: 1.25em; border-bottom: 1px solid #ccc; padding-bottom: 0.15em; margin-top: 1.6em; }
h2.approximate { font-style: italic; color: #333; }
div.entry { margin: 0.9em 0 1.1em; page-break-inside: avoid; break-inside: avoid; }
p.meta { color: #555; font-size: 0.9em; margin: 0; }
p.title { font-weight: bold; margin: 0.1em 0 0.3em; }
p.summary, p.participants, p.reported { margin: 0.25em 0; }
p.reported { color: #555; font-size: 0.9em; }
span.disagree { color: #8a4b00; }
span.swatch { display: inline-block; width: 0.75em; height: 0.75em; margin-right: 0.25em;
              border: 1px solid rgba(0,0,0,0.35); vertical-align: baseline;
              -webkit-print-color-adjust: exact; print-color-adjust: exact; }
blockquote { margin: 0.4em 0 0.4em 1em; padding-left: 0.8em; border-left: 3px solid #ccc;
             font-style: italic; }
blockquote p { margin: 0.2em 0; }
p.source { font-style: normal; color: #555; font-size: 0.9em; }
ol.references li { margin: 0.3em 0; }
.text { unicode-bidi: isolate; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
)css";
} // namespace

QString ChronicleHtml::escaped(const QString &text) {
    QString result;
    result.reserve(text.size() + 16);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            result += c;
            result += text.at(++i);
            continue;
        }
        switch (u) {
        case u'&':
            result += QLatin1String("&amp;");
            continue;
        case u'<':
            result += QLatin1String("&lt;");
            continue;
        case u'>':
            result += QLatin1String("&gt;");
            continue;
        case u'"':
            result += QLatin1String("&quot;");
            continue;
        case u'\'':
            result += QLatin1String("&#39;");
            continue;
        default:
            break;
        }
        const bool forbidden = (u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r') ||
                               c.isSurrogate() || u == 0xfffe || u == 0xffff;
        result += forbidden ? QChar(0xfffd) : c;
    }
    return result;
}

QByteArray ChronicleHtml::write(const ChronicleContent &content, const QString &language) {
    QString out;
    // Each piece of dataset text sits in its own isolated span: a bidi override in a title
    // cannot reorder what follows it.
    const auto text = [](const QString &value) {
        return QStringLiteral("<span class=\"text\">%1</span>").arg(escaped(value));
    };
    out += QLatin1String("<!DOCTYPE html>\n");
    out += QStringLiteral("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"%1\">\n")
               .arg(escaped(language.isEmpty() ? QStringLiteral("en") : language));
    out += QLatin1String("<head>\n<meta charset=\"utf-8\" />\n");
    out += QLatin1String(
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
    out += QLatin1String("<meta name=\"generator\" content=\"Negotiation Timeline\" />\n");
    out += QStringLiteral("<title>%1</title>\n").arg(escaped(content.title));
    out += QLatin1String("<style>") + QLatin1String(styleSheet) + QLatin1String("</style>\n");
    out += QLatin1String("</head>\n<body>\n");
    out += QStringLiteral("<h1>%1</h1>\n").arg(text(content.title));
    if (!content.subtitle.isEmpty())
        out += QStringLiteral("<p class=\"subtitle\">%1</p>\n").arg(text(content.subtitle));
    if (content.groups.isEmpty())
        out += QStringLiteral("<p>%1</p>\n").arg(escaped(tr("No event matches the filters.")));
    for (const ChronicleContent::Group &group : content.groups) {
        out +=
            QStringLiteral("<section>\n<h2%1>%2</h2>\n")
                .arg(group.heading.isDay() ? QString() : QStringLiteral(" class=\"approximate\""),
                     escaped(group.heading.text()));
        for (const ChronicleEntry &entry : group.entries) {
            out += QStringLiteral("<div class=\"entry\" id=\"%1\">\n")
                       .arg(escaped(QStringLiteral("event-") + entry.eventId));
            QString swatches;
            for (qsizetype i = 0; i < entry.sideIds.size(); ++i) {
                const QColor color = content.sideColors.value(entry.sideIds.at(i));
                if (color.isValid())
                    swatches += QStringLiteral("<span class=\"swatch\" style=\"background: %1\" "
                                               "title=\"%2\"></span>")
                                    .arg(color.name(), escaped(entry.sideNames.value(i)));
            }
            QString meta = swatches + escaped(entry.dateText);
            if (!entry.sideNames.isEmpty())
                meta += QStringLiteral(" · ") + text(entry.sideNames.join(QStringLiteral(", ")));
            out += QStringLiteral("<p class=\"meta\">%1</p>\n").arg(meta);
            out += QStringLiteral("<p class=\"title\">%1</p>\n").arg(text(entry.title));
            if (!entry.summary.isEmpty())
                out += QStringLiteral("<p class=\"summary\">%1</p>\n").arg(text(entry.summary));
            if (!entry.participants.isEmpty())
                out += QStringLiteral("<p class=\"participants\">%1 %2</p>\n")
                           .arg(escaped(tr("Participants:")),
                                text(entry.participants.join(QStringLiteral(", "))));
            QString reported = escaped(entry.reportedBy);
            if (entry.hasDisagreement) {
                QString disagree = QStringLiteral("★ ") + escaped(tr("sources disagree"));
                if (!entry.disagreementTopics.isEmpty())
                    disagree += QStringLiteral(": ") +
                                text(entry.disagreementTopics.join(QStringLiteral("; ")));
                reported += QStringLiteral(" · <span class=\"disagree\">%1</span>").arg(disagree);
            }
            out += QStringLiteral("<p class=\"reported\">%1</p>\n").arg(reported);
            if (!entry.firstQuote.isEmpty())
                out += QStringLiteral("<blockquote><p>“%1”</p>\n<p class=\"source\">— %2</p>"
                                      "</blockquote>\n")
                           .arg(text(entry.firstQuote), text(entry.firstQuoteArticleTitle));
            out += QLatin1String("</div>\n");
        }
        out += QLatin1String("</section>\n");
    }
    if (!content.references.isEmpty()) {
        out += QStringLiteral("<section>\n<h2>%1</h2>\n<ol class=\"references\">\n")
                   .arg(escaped(tr("References")));
        for (const ChronicleContent::Reference &reference : content.references) {
            const QString url = reference.linkableUrl();
            QString item = url.isEmpty() ? text(reference.title)
                                         : QStringLiteral("<a href=\"%1\">%2</a>")
                                               .arg(escaped(url), text(reference.title));
            QStringList details;
            if (!reference.publisher.isEmpty())
                details.append(text(reference.publisher));
            if (!reference.published.isEmpty())
                details.append(escaped(reference.published));
            if (!details.isEmpty())
                item += QStringLiteral(". ") + details.join(QStringLiteral(", "));
            if (!reference.url.isEmpty())
                item += QStringLiteral(". ") + text(reference.url); // printed, so paper has it
            out += QStringLiteral("<li>%1</li>\n").arg(item);
        }
        out += QLatin1String("</ol>\n</section>\n");
    }
    out += QLatin1String("</body>\n</html>\n");
    return out.toUtf8();
}

} // namespace ntl
