#include "webannotationexporter.h"

#include "articleimporter.h"
#include "codepointindex.h"

#include <QHash>
#include <QUuid>

#include <nlohmann/json.hpp>

#include <memory>

namespace ntl {

namespace {

// Insertion order kept: the same data gives the same bytes, in the order a reader expects
// (@context and id first).
using Json = nlohmann::ordered_json;

std::string utf8(const QString &text) {
    const QByteArray bytes = text.toUtf8();
    return std::string(bytes.constData(), std::size_t(bytes.size()));
}

// Every id is a name-based UUID (RFC 4122 version 5) in a namespace of our own: a URN any
// JSON-LD processor accepts as an IRI, stable for the same data, unique without a registry.
QUuid idNamespace() {
    static const QUuid dns(QStringLiteral("{6ba7b810-9dad-11d1-80b4-00c04fd430c8}"));
    static const QUuid ours = QUuid::createUuidV5(dns, QStringLiteral("negotiationtimeline.org"));
    return ours;
}

QString uuidUrn(const QString &name) {
    return QStringLiteral("urn:uuid:") +
           QUuid::createUuidV5(idNamespace(), name).toString(QUuid::WithoutBraces);
}

QString timestamp(const QDateTime &time) {
    return time.toUTC().toString(Qt::ISODate); // "2025-11-25T10:00:00Z": xsd:dateTime in UTC
}

// The event, the article's text (not its id or URL, which may be edited) and the span.
QString annotationUrn(const QString &eventId, const QString &textHash, qint64 start, qint64 end) {
    return uuidUrn(QStringLiteral("annotation\n%1\n%2\n%3\n%4")
                       .arg(eventId, textHash, QString::number(start), QString::number(end)));
}

} // namespace

QString WebAnnotationExporter::sourceOf(const Article &article) {
    if (!article.url.isEmpty())
        return article.url;
    const QString hash = article.textSha256.isEmpty() ? ArticleImporter::textSha256(article.text)
                                                      : article.textSha256.toLower();
    return QStringLiteral("urn:sha256:") + hash;
}

QString WebAnnotationExporter::annotationId(const Event &event, const Article &article,
                                            qint64 start, qint64 end) {
    return annotationUrn(event.id,
                         article.textSha256.isEmpty() ? ArticleImporter::textSha256(article.text)
                                                      : article.textSha256.toLower(),
                         start, end);
}

QString WebAnnotationExporter::collectionId(const Dataset &dataset, const QStringList &eventIds) {
    return uuidUrn(QStringLiteral("collection\n") + dataset.title + u'\n' + eventIds.join(u'\n'));
}

QString WebAnnotationExporter::generatorName() {
    return QStringLiteral("Negotiation Timeline " NTL_VERSION);
}

QByteArray WebAnnotationExporter::write(const Dataset &dataset, const QStringList &eventIds,
                                        const Options &options) {
    QHash<QString, const Event *> events;
    events.reserve(dataset.events.size());
    for (const Event &event : dataset.events)
        events.insert(event.id, &event);
    // What each annotation needs of its article, worked out once per article.
    struct ArticleFacts {
        std::shared_ptr<CodePointIndex> index;
        std::string source;
        QString hash;
    };
    QHash<QString, ArticleFacts> facts;
    const auto factsOf = [&facts](const Article &article) -> const ArticleFacts & {
        ArticleFacts &f = facts[article.id];
        if (!f.index) {
            f.index = std::make_shared<CodePointIndex>(article.text);
            f.hash = article.textSha256.isEmpty() ? ArticleImporter::textSha256(article.text)
                                                  : article.textSha256.toLower();
            f.source =
                utf8(article.url.isEmpty() ? QStringLiteral("urn:sha256:") + f.hash : article.url);
        }
        return f;
    };
    // The passages written, in order: events as listed, each event's passages in its order.
    struct Item {
        const Event *event;
        const SourcePassage *passage;
        const Article *article;
    };
    std::vector<Item> items;
    for (const QString &eventId : eventIds) {
        const Event *event = events.value(eventId);
        if (!event)
            continue;
        for (const SourcePassage &passage : event->sources) {
            if (const Article *article = dataset.article(passage.articleId))
                items.push_back({event, &passage, article});
            // (a loaded dataset has no passage of a missing article; an edit in progress might)
        }
    }

    Json generator;
    generator["id"] = utf8(uuidUrn(QStringLiteral("generator\n" NTL_APP_ID)));
    generator["type"] = "Software";
    generator["name"] = utf8(generatorName());

    const QString id = collectionId(dataset, eventIds);
    const QString pageId = id + QStringLiteral("#page-1");
    Json page;
    page["id"] = utf8(pageId);
    page["type"] = "AnnotationPage";
    page["partOf"] = utf8(id);
    page["startIndex"] = 0;
    page["items"] = Json::array();
    Json collection;
    collection["@context"] = "http://www.w3.org/ns/anno.jsonld";
    collection["id"] = utf8(id);
    collection["type"] = "AnnotationCollection";
    collection["label"] = utf8(dataset.title);
    collection["total"] = items.size();
    collection["generator"] = generator;
    collection["first"] = std::move(page);
    collection["last"] = utf8(pageId);

    // No tree of the whole collection (100,000 passages would take gigabytes): the frame is
    // dumped with an empty `items`, and each annotation is dumped on its own into it, indented
    // as dump(2) indents it there. A raw newline is never inside a JSON string, so indenting
    // line by line cannot touch a value.
    const auto dumped = [](const Json &json) {
        // A lone surrogate cannot come from a QString's UTF-8, but replace rather than throw.
        return json.dump(2, ' ', false, Json::error_handler_t::replace);
    };
    const std::string frame = dumped(collection);
    static const std::string emptyItems = "\"items\": []";
    const std::size_t at = frame.find(emptyItems);
    QByteArray out; // built where it is returned: a large export is not copied
    out.reserve(qsizetype(frame.size() + items.size() * 1536));
    out.append(frame.data(), qsizetype(at + emptyItems.size() - 1)); // up to and including '['
    const QByteArray indent = "\n      "; // items of `first`: three levels of two spaces
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Item &item = items[i];
        const ArticleFacts &f = factsOf(*item.article);
        // The passage's place now (an edit may have moved it), in code points.
        const qint64 start = f.index->toCodePoint(item.passage->start);
        const qint64 end = f.index->toCodePoint(item.passage->end);

        Json annotation;
        annotation["id"] = utf8(annotationUrn(item.event->id, f.hash, start, end));
        annotation["type"] = "Annotation";
        // The passage reports the event: the body identifies what the target describes.
        annotation["motivation"] = "identifying";
        QDateTime created = options.created;
        if (!created.isValid() && item.article->published.isValid())
            created = item.article->published.startOfDay(Qt::UTC);
        if (created.isValid())
            annotation["created"] = utf8(timestamp(created));
        annotation["generator"] = generator;
        Json identifying;
        identifying["type"] = "TextualBody";
        identifying["purpose"] = "identifying";
        identifying["value"] = utf8(item.event->id);
        Json describing;
        describing["type"] = "TextualBody";
        describing["purpose"] = "describing";
        describing["format"] = "text/plain";
        describing["value"] = utf8(item.event->title);
        annotation["body"] = Json::array({std::move(identifying), std::move(describing)});
        Json quote;
        quote["type"] = "TextQuoteSelector";
        quote["exact"] = utf8(item.passage->exact);
        quote["prefix"] = utf8(item.passage->prefix);
        quote["suffix"] = utf8(item.passage->suffix);
        Json position;
        position["type"] = "TextPositionSelector";
        position["start"] = start;
        position["end"] = end;
        Json target;
        target["source"] = f.source;
        target["selector"] = Json::array({std::move(quote), std::move(position)});
        annotation["target"] = std::move(target);

        const std::string text = dumped(annotation);
        if (i)
            out += ',';
        out += indent;
        std::size_t from = 0;
        for (std::size_t newline; (newline = text.find('\n', from)) != std::string::npos;
             from = newline + 1) {
            out.append(text.data() + from, qsizetype(newline - from));
            out += indent;
        }
        out.append(text.data() + from, qsizetype(text.size() - from));
    }
    if (!items.empty())
        out += "\n    "; // the closing ']' where dump(2) puts it
    out.append(frame.data() + at + emptyItems.size() - 1,
               qsizetype(frame.size() - (at + emptyItems.size() - 1)));
    out += '\n';
    return out;
}

} // namespace ntl
