#include "timelinejsexporter.h"

#include "chroniclehtml.h"
#include "eventdatetext.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QUrl>

#include <nlohmann/json.hpp>

namespace ntl {

namespace {

using Json = nlohmann::ordered_json;

QString tr(const char *text) {
    return QCoreApplication::translate("ntl::TimelineJsExporter", text);
}

std::string utf8(const QString &text) {
    return text.toStdString();
}

// A TimelineJS date object holding the fields the precision knows, as numbers.
Json dateObject(const QDate &date, DatePrecision precision) {
    Json object = Json::object();
    object["year"] = date.year();
    if (precision != DatePrecision::Year)
        object["month"] = date.month();
    if (precision != DatePrecision::Year && precision != DatePrecision::Month)
        object["day"] = date.day();
    return object;
}

// Only web addresses become links: a dataset's url is text, and a javascript: one must not
// be clickable in a published timeline.
bool isWebAddress(const QString &url) {
    const QUrl parsed(url, QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    return parsed.isValid() &&
           (scheme == QLatin1String("http") || scheme == QLatin1String("https"));
}

QString articleCitation(const Article &article, const QLocale &locale) {
    const auto esc = &ChronicleHtml::escaped;
    QString title = esc(article.title);
    if (isWebAddress(article.url))
        title = QStringLiteral("<a href=\"%1\">%2</a>").arg(esc(article.url), title);
    QStringList parts{title};
    if (!article.publisher.isEmpty())
        parts.append(esc(article.publisher));
    if (article.published.isValid())
        parts.append(esc(locale.toString(article.published, QStringLiteral("d MMM yyyy"))));
    return parts.join(QStringLiteral(", "));
}

// The slide's HTML text, each article's citation made once per export (a URL parsed and a
// date formatted per passage was most of an export's time) and kept in `citations`.
QString slideHtml(const Dataset &dataset, const Event &event, const QLocale &locale,
                  QHash<QString, QString> &citations) {
    const auto esc = &ChronicleHtml::escaped;
    QString html;
    if (!event.summary.isEmpty())
        html += QStringLiteral("<p>%1</p>")
                    .arg(esc(event.summary).replace(u'\n', QLatin1String("<br>")));
    for (const SourcePassage &passage : event.sources) {
        auto citation = citations.constFind(passage.articleId);
        if (citation == citations.cend()) {
            const Article *article = dataset.article(passage.articleId);
            citation = citations.insert(passage.articleId,
                                        article ? articleCitation(*article, locale)
                                                : esc(passage.articleId));
        }
        html += QStringLiteral("<blockquote class=\"%1\">“%2”")
                    .arg(TimelineJsExporter::passageClass(), esc(passage.exact));
        html += QStringLiteral("<br><cite>%1</cite></blockquote>").arg(*citation);
    }
    return html;
}

} // namespace

QString TimelineJsExporter::passageClass() {
    return QStringLiteral("ntl-passage");
}

QString TimelineJsExporter::severalSidesGroup() {
    return tr("several sides");
}

QString TimelineJsExporter::slideText(const Dataset &dataset, const Event &event) {
    QHash<QString, QString> citations;
    return slideHtml(dataset, event, QLocale(QLocale::English), citations);
}

QByteArray TimelineJsExporter::write(const Dataset &dataset, const QStringList &eventIds,
                                     const QLocale &locale) {
    QHash<QString, const Event *> byId;
    byId.reserve(dataset.events.size());
    for (const Event &event : dataset.events)
        byId.insert(event.id, &event);

    const EventDateText dateText(locale);
    const QLocale english(QLocale::English); // the citations' dates, as slideText() has them
    QHash<QString, QString> citations;
    Json events = Json::array();
    QSet<QString> articleIds;
    for (const QString &id : eventIds) {
        const Event *event = byId.value(id);
        if (!event)
            continue;
        const EventDate &date = event->date;
        Json slide = Json::object();
        slide["start_date"] = dateObject(date.start, date.precision);
        const QDate end = date.end.isValid() ? date.end : date.start;
        switch (date.precision) {
        case DatePrecision::Day:
            break;
        case DatePrecision::Days:
        case DatePrecision::Week:
        case DatePrecision::Unknown:
            if (end != date.start)
                slide["end_date"] = dateObject(end, DatePrecision::Day);
            break;
        case DatePrecision::Month:
            if (end.year() != date.start.year() || end.month() != date.start.month())
                slide["end_date"] = dateObject(end, DatePrecision::Month);
            break;
        case DatePrecision::Year:
            if (end.year() != date.start.year())
                slide["end_date"] = dateObject(end, DatePrecision::Year);
            break;
        }
        slide["display_date"] = utf8(dateText.format(date));
        slide["text"] = {{"headline", utf8(ChronicleHtml::escaped(event->title))},
                         {"text", utf8(slideHtml(dataset, *event, english, citations))}};
        const QStringList sides = dataset.eventSideIds(*event);
        if (sides.size() == 1) {
            const Side *side = dataset.side(sides.first());
            slide["group"] = utf8(side ? side->name : sides.first());
        } else if (sides.size() > 1) {
            slide["group"] = utf8(severalSidesGroup());
        }
        slide["unique_id"] = utf8(event->id);
        events.push_back(std::move(slide));
        for (const SourcePassage &passage : event->sources)
            articleIds.insert(passage.articleId);
    }

    Json title = Json::object();
    const int eventCount = int(events.size());
    const int articleCount = int(articleIds.size());
    const QString summary =
        tr("%1 from %2")
            .arg(eventCount == 1 ? tr("1 event") : tr("%1 events").arg(eventCount),
                 articleCount == 1 ? tr("1 article") : tr("%1 articles").arg(articleCount));
    title["text"] = {
        {"headline", utf8(ChronicleHtml::escaped(dataset.title))},
        {"text", utf8(QStringLiteral("<p>%1</p>").arg(ChronicleHtml::escaped(summary)))}};
    Json root = Json::object();
    root["title"] = std::move(title);
    root["events"] = std::move(events);
    root["scale"] = "human";
    // ensure_ascii off: UTF-8 as it is; nlohmann escapes what JSON needs.
    const std::string text = root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
    return QByteArray::fromStdString(text);
}

} // namespace ntl
