#include "chroniclemarkdown.h"

#include <QCoreApplication>

namespace ntl {

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("ChronicleMarkdown", text);
}

bool isLineStartMarker(QChar c) {
    return c == u'#' || c == u'+' || c == u'-' || c == u'=' || c == u'>';
}
} // namespace

QString ChronicleMarkdown::escaped(const QString &text) {
    // Characters that are markup anywhere in a line (emphasis, code, links, HTML, entities,
    // tables, strikethrough); CommonMark lets any ASCII punctuation be backslash-escaped.
    static const QString inlineMarkup = QStringLiteral("\\`*_[]<>&|~!");
    QString result;
    result.reserve(text.size() + text.size() / 8 + 4);
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0) || u == 0x2028 || u == 0x2029) {
            result += u' '; // a line break would end the paragraph or start a block
            continue;
        }
        if (inlineMarkup.contains(c))
            result += u'\\';
        result += c;
    }
    // Runs of spaces collapse as a reader would see them; none at either end, where they
    // would make an indented code block or stop `**` from closing.
    result = result.simplified();
    // Where a string begins a line, a few more characters would start a block: a heading,
    // a list item, a quote, a setext underline or an ordered list ("1." / "1)").
    const int first = 0;
    if (first < result.size() && isLineStartMarker(result.at(first))) {
        result.insert(first, u'\\');
    } else {
        int digits = first;
        while (digits < result.size() && result.at(digits).isDigit() &&
               result.at(digits).unicode() < 0x80)
            ++digits;
        if (digits > first && digits < result.size() &&
            (result.at(digits) == u'.' || result.at(digits) == u')'))
            result.insert(digits, u'\\');
    }
    return result;
}

QByteArray ChronicleMarkdown::write(const ChronicleContent &content) {
    QString out;
    const auto line = [&out](const QString &text = QString()) {
        out += text;
        out += u'\n';
    };
    line(QStringLiteral("# ") + escaped(content.title));
    line();
    if (!content.subtitle.isEmpty()) {
        line(QStringLiteral("*") + escaped(content.subtitle) + QStringLiteral("*"));
        line();
    }
    if (content.groups.isEmpty()) {
        line(escaped(tr("No event matches the filters.")));
        line();
    }
    for (const ChronicleContent::Group &group : content.groups) {
        line(QStringLiteral("## ") + escaped(group.heading.text()));
        line();
        for (const ChronicleEntry &entry : group.entries) {
            // A hard line break ("  ") keeps the date line under the title.
            line(QStringLiteral("**") + escaped(entry.title) + QStringLiteral("**  "));
            QString meta = escaped(entry.dateText);
            if (!entry.sideNames.isEmpty())
                meta += QStringLiteral(" · ") + escaped(entry.sideNames.join(QStringLiteral(", ")));
            line(QStringLiteral("*") + meta + QStringLiteral("*"));
            line();
            if (!entry.summary.isEmpty()) {
                line(escaped(entry.summary));
                line();
            }
            if (!entry.participants.isEmpty()) {
                line(QStringLiteral("**") + escaped(tr("Participants:")) + QStringLiteral("** ") +
                     escaped(entry.participants.join(QStringLiteral(", "))));
                line();
            }
            QString reported = escaped(entry.reportedBy);
            if (entry.hasDisagreement) {
                reported += QStringLiteral(" · ★ ") + escaped(tr("sources disagree"));
                if (!entry.disagreementTopics.isEmpty())
                    reported += QStringLiteral(": ") +
                                escaped(entry.disagreementTopics.join(QStringLiteral("; ")));
            }
            line(reported);
            line();
            if (!entry.firstQuote.isEmpty()) {
                line(QStringLiteral("> “") + escaped(entry.firstQuote) + QStringLiteral("”  "));
                line(QStringLiteral("> — *") + escaped(entry.firstQuoteArticleTitle) +
                     QStringLiteral("*"));
                line();
            }
        }
    }
    if (!content.references.isEmpty()) {
        line(QStringLiteral("## ") + escaped(tr("References")));
        line();
        int number = 0;
        for (const ChronicleContent::Reference &reference : content.references) {
            const QString url = reference.linkableUrl();
            QString item = url.isEmpty()
                               ? escaped(reference.title)
                               : QStringLiteral("[%1](<%2>)").arg(escaped(reference.title), url);
            QStringList details;
            if (!reference.publisher.isEmpty())
                details.append(escaped(reference.publisher));
            if (!reference.published.isEmpty())
                details.append(escaped(reference.published));
            if (!details.isEmpty())
                item += QStringLiteral(". ") + details.join(QStringLiteral(", "));
            if (url.isEmpty() && !reference.url.isEmpty())
                item += QStringLiteral(". ") + escaped(reference.url); // shown, not linked
            line(QStringLiteral("%1. ").arg(++number) + item);
        }
        line();
    }
    return out.toUtf8();
}

} // namespace ntl
