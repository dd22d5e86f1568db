#include "datasetwriter.h"

#include "atomicwrite.h"
#include "codepointindex.h"

#include <nlohmann/json.hpp>

namespace ntl {

namespace {

using Json = nlohmann::ordered_json; // keeps the documented field order

Json text(const QString &value) { return value.toStdString(); }
Json nullable(const QString &value) { return value.isEmpty() ? Json() : text(value); }
Json date(const QDate &value) { return value.toString(Qt::ISODate).toStdString(); }

Json articleJson(const Article &article)
{
    Json json = {{"id", text(article.id)},
                 {"title", text(article.title)},
                 {"publisher", nullable(article.publisher)},
                 {"url", nullable(article.url)},
                 {"published", date(article.published)},
                 {"publishedBasis", article.publishedInferred ? "inferred" : "stated"}};
    if (article.textFile.isEmpty())
        json["text"] = text(article.text);
    else
        json["textFile"] = text(article.textFile);
    if (!article.textSha256.isEmpty())
        json["textSha256"] = text(article.textSha256);
    return json;
}

// One CodePointIndex per article, built when first needed.
class ArticleOffsets
{
public:
    explicit ArticleOffsets(const Dataset &dataset)
        : m_dataset(dataset)
    {
    }
    const CodePointIndex &of(const QString &articleId)
    {
        auto it = m_indexes.find(articleId);
        if (it == m_indexes.end()) {
            const Article *article = m_dataset.article(articleId);
            it = m_indexes.insert(articleId, CodePointIndex(article ? QStringView(article->text) : QStringView()));
        }
        return *it;
    }

private:
    const Dataset &m_dataset;
    QHash<QString, CodePointIndex> m_indexes;
};

Json eventJson(const Event &event, ArticleOffsets &indexes)
{
    Json participants = Json::array();
    for (const Participant &p : event.participants)
        participants.push_back({{"actor", text(p.actorId)}, {"role", text(jsonName(p.role))}});

    Json sources = Json::array();
    for (const SourcePassage &s : event.sources) {
        const CodePointIndex &offsets = indexes.of(s.articleId);
        sources.push_back({{"article", text(s.articleId)},
                           {"exact", text(s.exact)},
                           {"prefix", text(s.prefix)},
                           {"suffix", text(s.suffix)},
                           {"start", offsets.toCodePoint(s.start)},
                           {"end", offsets.toCodePoint(s.end)}});
    }

    Json disagreements = Json::array();
    for (const Disagreement &d : event.disagreements) {
        Json claims = Json::array();
        for (const Claim &c : d.claims)
            claims.push_back({{"article", text(c.articleId)}, {"exact", text(c.exact)}, {"says", text(c.says)}});
        disagreements.push_back({{"topic", text(d.topic)}, {"claims", claims}});
    }

    return {{"id", text(event.id)},
            {"title", text(event.title)},
            {"summary", text(event.summary)},
            {"kind", text(event.kind)},
            {"status", text(jsonName(event.status))},
            {"date",
             {{"start", date(event.date.start)},
              {"end", date(event.date.end)},
              {"precision", text(jsonName(event.date.precision))},
              {"expression", nullable(event.date.expression)},
              {"basis", text(jsonName(event.date.basis))},
              {"anchor", nullable(event.date.anchorArticleId)},
              {"note", nullable(event.date.note)}}},
            {"place", nullable(event.place)},
            {"participants", participants},
            {"sources", sources},
            {"disagreements", disagreements},
            {"note", nullable(event.note)}};
}

} // namespace

QByteArray DatasetWriter::toJson(const Dataset &dataset)
{
    Json root = {{"format", "negotiation-timeline"},
                 {"version", 1},
                 {"title", text(dataset.title)},
                 {"offsetUnit", "codepoint"}};
    Json sides = Json::array();
    for (const Side &side : dataset.sides)
        sides.push_back({{"id", text(side.id)}, {"name", text(side.name)}});
    root["sides"] = sides;
    Json articles = Json::array();
    for (const Article &article : dataset.articles)
        articles.push_back(articleJson(article));
    root["articles"] = articles;
    Json actors = Json::array();
    for (const Actor &actor : dataset.actors)
        actors.push_back({{"id", text(actor.id)},
                          {"name", text(actor.name)},
                          {"kind", text(jsonName(actor.kind))},
                          {"side", nullable(actor.sideId)},
                          {"affiliation", nullable(actor.affiliationId)},
                          {"title", nullable(actor.title)}});
    root["actors"] = actors;
    Json events = Json::array();
    ArticleOffsets offsets(dataset);
    for (const Event &event : dataset.events)
        events.push_back(eventJson(event, offsets));
    root["events"] = events;
    const std::string dumped = root.dump(2, ' ', false, Json::error_handler_t::replace);
    return QByteArray::fromStdString(dumped) + '\n';
}

bool DatasetWriter::writeFile(const Dataset &dataset, const QString &path, QString *errorMessage) {
    QString reason;
    if (!AtomicWrite::writeFile(path, toJson(dataset), &reason)) {
        if (errorMessage)
            *errorMessage = QStringLiteral("%1: cannot write: %2").arg(path, reason);
        return false;
    }
    return true;
}

} // namespace ntl
