#include "diagnostictext.h"

#include "printabletext.h"

#include <QRegularExpression>
#include <QStringList>

namespace ntl {

namespace {
// A path segment as an index, or -1.
int indexOf(const QString &segment) {
    bool ok = false;
    const int value = segment.toInt(&ok);
    return ok && value >= 0 ? value : -1;
}

// "participants" → "participant": the singular of the array names a path goes through.
QString singular(const QString &array) {
    static const std::pair<const char *, const char *> words[] = {{"participants", "participant"},
                                                                  {"sources", "source passage"},
                                                                  {"disagreements", "disagreement"},
                                                                  {"claims", "claim"},
                                                                  {"events", "event"},
                                                                  {"articles", "article"},
                                                                  {"actors", "actor"},
                                                                  {"sides", "side"}};
    for (const auto &[plural, one] : words) {
        if (array == QLatin1String(plural))
            return QLatin1String(one);
    }
    return array;
}

QString quoted(const QString &text) {
    return DiagnosticText::tr("“%1”").arg(text);
}

// The named item at the top of a path: "Event “Geneva talks”", or "Event 4".
QString topItem(const QString &array, int index, const Dataset *dataset) {
    QString name;
    if (dataset) {
        if (array == QLatin1String("events") && index < dataset->events.size())
            name = DiagnosticText::shortTitle(dataset->events.at(index).title);
        else if (array == QLatin1String("articles") && index < dataset->articles.size())
            name = DiagnosticText::shortTitle(dataset->articles.at(index).title);
        else if (array == QLatin1String("actors") && index < dataset->actors.size())
            name = dataset->actors.at(index).name;
        else if (array == QLatin1String("sides") && index < dataset->sides.size())
            name = dataset->sides.at(index).name;
    }
    QString kind = singular(array);
    if (!kind.isEmpty())
        kind[0] = kind.at(0).toUpper();
    return name.isEmpty() ? DiagnosticText::tr("%1 %2").arg(kind).arg(index + 1)
                          : DiagnosticText::tr("%1 %2").arg(kind, quoted(name));
}

// The reader's common messages in a reader's words; the others are plain English already.
QString reworded(const QString &message) {
    static const QRegularExpression unknown(QStringLiteral("^unknown (\\w+) id \"(.*)\"$"),
                                            QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression duplicate(
        QStringLiteral("^duplicate (\\w+) id \"(.*)\" \\(first used at .*\\)$"),
        QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression nonEmpty(QStringLiteral("^expected a non-empty string$"));
    static const QRegularExpression found(QStringLiteral("^expected (.*), found (.*)$"));
    if (const auto m = unknown.match(message); m.hasMatch())
        return DiagnosticText::tr("%1 is not in the list of %2s")
            .arg(quoted(m.captured(2)), m.captured(1));
    if (const auto m = duplicate.match(message); m.hasMatch())
        return DiagnosticText::tr("another %1 already has the id %2")
            .arg(m.captured(1), quoted(m.captured(2)));
    if (nonEmpty.match(message).hasMatch())
        return DiagnosticText::tr("must not be empty");
    if (const auto m = found.match(message); m.hasMatch())
        return DiagnosticText::tr("should be %1, but is %2").arg(m.captured(1), m.captured(2));
    return message;
}
} // namespace

QString DiagnosticText::shortTitle(const QString &title, int maxLength) {
    if (title.size() <= maxLength)
        return title;
    QString cut = title.left(maxLength - 1);
    const qsizetype space = cut.lastIndexOf(u' ');
    // Cut inside a word: back to the word's start (unless the word is most of the title).
    const QChar next = title.at(cut.size());
    if (!next.isSpace() && !next.isPunct() && space > maxLength / 2)
        cut.truncate(space);
    while (!cut.isEmpty() && (cut.back().isSpace() || cut.back().isPunct()))
        cut.chop(1);
    return cut + u'…';
}

QString DiagnosticText::place(const QString &jsonPath, const Dataset *dataset) {
    QStringList segments = jsonPath.split(u'/', Qt::SkipEmptyParts);
    // RFC 6901 escapes.
    for (QString &segment : segments)
        segment.replace(QLatin1String("~1"), QLatin1String("/"))
            .replace(QLatin1String("~0"), QLatin1String("~"));
    QStringList words;
    for (int i = 0; i < segments.size(); ++i) {
        const QString &segment = segments.at(i);
        const int index = i + 1 < segments.size() ? indexOf(segments.at(i + 1)) : -1;
        if (index >= 0) {
            words.append(i == 0 ? topItem(segment, index, dataset)
                                : tr("%1 %2").arg(singular(segment)).arg(index + 1));
            ++i;
        } else if (i == 0) {
            words.append(tr("The dataset's %1").arg(quoted(segment)));
        } else {
            words.append(segment);
        }
    }
    return words.join(QStringLiteral(", "));
}

QString DiagnosticText::plain(const Diagnostic &diagnostic, const Dataset *dataset) {
    QString where;
    if (diagnostic.line > 0)
        where = tr("Line %1, column %2").arg(diagnostic.line).arg(diagnostic.column);
    else if (!diagnostic.jsonPath.isEmpty())
        where = place(diagnostic.jsonPath, dataset);
    const QString what = reworded(diagnostic.message);
    // Escaped as the command line's line is: dataset text brings no control characters.
    return PrintableText::escaped(where.isEmpty() ? what : tr("%1: %2").arg(where, what));
}

} // namespace ntl
