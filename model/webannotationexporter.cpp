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
    // The event, the article's text (not its id or URL, which may be edited) and the span.
    const QString hash = article.textSha256.isEmpty() ? ArticleImporter::textSha256(article.text)
                                                      : article.textSha256.toLower();
    return uuidUrn(QStringLiteral("annotation\n%1\n%2\n%3\n%4")
                       .arg(event.id, hash, QString::number(start), QString::number(end)));
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
    // One code point index per article, built when first needed.
    QHash<QString, std::shared_ptr<CodePointIndex>> indexes;

    Json generator;
    generator["id"] = utf8(uuidUrn(QStringLiteral("generator\n" NTL_APP_ID)));
    generator["type"] = "Software";
    generator["name"] = utf8(generatorName());

    Json items = Json::array();
    for (const QString &eventId : eventIds) {
        const Event *event = events.value(eventId);
        if (!event)
            continue;
        for (const SourcePassage &passage : event->sources) {
            const Article *article = dataset.article(passage.articleId);
            if (!article)
                continue; // a loaded dataset has none such; an edit in progress might
            std::shared_ptr<CodePointIndex> &index = indexes[article->id];
            if (!index)
                index = std::make_shared<CodePointIndex>(article->text);
            // The passage's place now (an edit may have moved it), in code points.
            const qint64 start = index->toCodePoint(passage.start);
            const qint64 end = index->toCodePoint(passage.end);

            Json annotation;
            annotation["id"] = utf8(annotationId(*event, *article, start, end));
            annotation["type"] = "Annotation";
            // The passage reports the event: the body identifies what the target describes.
            annotation["motivation"] = "identifying";
            QDateTime created = options.created;
            if (!created.isValid() && article->published.isValid())
                created = article->published.startOfDay(Qt::UTC);
            if (created.isValid())
                annotation["created"] = utf8(timestamp(created));
            annotation["generator"] = generator;

            Json identifying;
            identifying["type"] = "TextualBody";
            identifying["purpose"] = "identifying";
            identifying["value"] = utf8(event->id);
            Json describing;
            describing["type"] = "TextualBody";
            describing["purpose"] = "describing";
            describing["format"] = "text/plain";
            describing["value"] = utf8(event->title);
            annotation["body"] = Json::array({identifying, describing});

            Json quote;
            quote["type"] = "TextQuoteSelector";
            quote["exact"] = utf8(passage.exact);
            quote["prefix"] = utf8(passage.prefix);
            quote["suffix"] = utf8(passage.suffix);
            Json position;
            position["type"] = "TextPositionSelector";
            position["start"] = start;
            position["end"] = end;
            Json target;
            target["source"] = utf8(sourceOf(*article));
            target["selector"] = Json::array({quote, position});
            annotation["target"] = target;
            items.push_back(std::move(annotation));
        }
    }

    const QString id = collectionId(dataset, eventIds);
    Json page;
    page["id"] = utf8(id + QStringLiteral("#page-1"));
    page["type"] = "AnnotationPage";
    page["partOf"] = utf8(id);
    page["startIndex"] = 0;
    const auto total = items.size();
    page["items"] = std::move(items);

    Json collection;
    collection["@context"] = "http://www.w3.org/ns/anno.jsonld";
    collection["id"] = utf8(id);
    collection["type"] = "AnnotationCollection";
    collection["label"] = utf8(dataset.title);
    collection["total"] = total;
    collection["generator"] = generator;
    collection["first"] = std::move(page);
    collection["last"] = utf8(id + QStringLiteral("#page-1"));

    // A lone surrogate cannot come from a QString's UTF-8, but replace rather than throw.
    const std::string text = collection.dump(2, ' ', false, Json::error_handler_t::replace);
    return QByteArray(text.data(), qsizetype(text.size())) + '\n';
}

} // namespace ntl
