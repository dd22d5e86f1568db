#include "chroniclecontent.h"

#include "eventfiltermodel.h"
#include "eventmodel.h"

#include <QUrl>

namespace ntl {

QString ChronicleContent::Reference::linkableUrl() const {
    const QUrl parsed(url.trimmed(), QUrl::TolerantMode);
    if (!parsed.isValid() || parsed.host().isEmpty())
        return {};
    const QString scheme = parsed.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return {};
    // Fully encoded: whatever the dataset wrote, the result cannot end an attribute or a
    // Markdown link early.
    return QString::fromLatin1(parsed.toEncoded(QUrl::FullyEncoded));
}

int ChronicleContent::eventCount() const {
    int count = 0;
    for (const Group &group : groups)
        count += int(group.entries.size());
    return count;
}

ChronicleContent ChronicleContent::of(const EventFilterModel &filter, const QString &title,
                                      const QString &subtitle, const QLocale &locale) {
    ChronicleContent content;
    content.title = title;
    content.subtitle = subtitle;
    const EventModel *events = filter.eventSource();
    const std::shared_ptr<const Dataset> dataset = events ? events->dataset() : nullptr;
    if (!dataset)
        return content;
    QList<bool> cited(dataset->articles.size(), false);
    for (int row = 0; row < filter.rowCount(); ++row) {
        const Event *event = events->event(filter.mapToSource(filter.index(row, 0)).row());
        if (!event)
            continue;
        const ChronicleHeading heading = ChronicleHeading::of(event->date, locale);
        // Equal headings are consecutive in the filter's order (start, then end).
        if (content.groups.isEmpty() || content.groups.constLast().heading != heading)
            content.groups.append(Group{heading, {}});
        content.groups.last().entries.append(ChronicleEntry::of(*dataset, *event, locale));
        for (const SourcePassage &source : event->sources) {
            if (const Article *article = dataset->article(source.articleId))
                cited[article - dataset->articles.constData()] = true;
        }
    }
    for (qsizetype i = 0; i < cited.size(); ++i) {
        if (!cited.at(i))
            continue;
        const Article &article = dataset->articles.at(i);
        Reference reference;
        reference.articleId = article.id;
        reference.title = article.title.isEmpty() ? article.id : article.title;
        reference.publisher = article.publisher;
        if (article.published.isValid())
            reference.published = locale.toString(article.published, QStringLiteral("d MMM yyyy"));
        reference.url = article.url;
        content.references.append(reference);
    }
    return content;
}

} // namespace ntl
