#include "articleimporter.h"
#include "datasetreader.h"
#include "datasetvalidator.h"
#include "selectionpassage.h"
#include "webannotationexporter.h"
#include "webannotationimporter.h"

#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace ntl;

// W3C Web Annotation export and import (issue 17, item 3): every passage out as an Annotation
// and back at the same offsets; Hypothesis's UTF-16 offsets and W3C's code points around
// characters outside the BMP; what does not anchor listed with its JSON pointer; bad JSON
// located; dataset strings escaped; the same data giving the same bytes.
class WebAnnotationTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void exportImportReanchorsEveryPassage();
    void roundTripAroundEmojiKeepsOffsets();
    void reimportIntoTheSameDatasetAddsNothing();
    void exportIsConformantAndDeterministic();
    void hypothesisUtf16OffsetsAroundEmoji();
    void w3cCodePointOffsetsAroundEmoji();
    void sourceMatchedByNormalisedUrl();
    void approximateQuoteAnchorsWithAWarning();
    void annotationsRecognised();
    void quoteInNoArticleIsListed();
    void sourceInNoArticleIsListed();
    void nothingAnchorableIsAnError();
    void manyWarningsCounted();
    void malformedJsonIsLocated();
    void namedCollectionPageIsAnError();
    void pickedEventTakesEveryPassage();
    void escapingRoundTrips();
    void tooManyAnnotationsRefused();
    void deepUnknownMembersAreSkipped();
    void treeBeyondItsBudgetRefused();
    void readFileNamesTheFile();

private:
    std::shared_ptr<const Dataset> m_default;
};

namespace {

using Json = nlohmann::json;

// "Café talks 🤝 in Genève: …": one character outside the BMP before the first quote, three
// before the repeated "ja".
const QString emojiText = QStringLiteral("Caf\u00e9 talks ") + QString::fromUcs4(U"\U0001F91D") +
                          QStringLiteral(" in Gen\u00e8ve: the envoys agreed on a ceasefire. ") +
                          QString::fromUcs4(U"\U0001F54A\U0001F54A\U0001F54A") +
                          QStringLiteral(" ja ja ja, said the crowd on Monday.");

Article article(const QString &id, const QString &text, const QString &url = QString()) {
    Article a;
    a.id = id;
    a.title = QStringLiteral("Talks in Geneva");
    a.url = url;
    a.published = QDate(2025, 11, 25);
    a.text = text;
    a.textSha256 = ArticleImporter::textSha256(text);
    return a;
}

Dataset emojiDataset(const QString &url = QStringLiteral("https://news.example.org/geneva-talks")) {
    Dataset dataset;
    dataset.title = QStringLiteral("Geneva");
    dataset.articles.append(article(QStringLiteral("a000-geneva"), emojiText, url));
    dataset.reindex();
    return dataset;
}

QString str(const Json &json) {
    return json.is_string() ? QString::fromStdString(json.get<std::string>()) : QString();
}

QByteArray dump(const Json &json) {
    const std::string text = json.dump(2);
    return QByteArray(text.data(), qsizetype(text.size()));
}

// A Hypothesis export (its export_* members, `uri`, `text`, `tags`, a RangeSelector and
// offsets in UTF-16 units), one annotation per row of `rows`.
QByteArray hypothesisExport(const Json &annotations) {
    Json root;
    root["export_date"] = "2025-11-26T09:00:00.000Z";
    root["export_userid"] = "acct:analyst@hypothes.is";
    root["client_version"] = "1.1700.0";
    root["annotations"] = annotations;
    return dump(root);
}

Json hypothesisAnnotation(const char *uri, const char *comment, const char *exact,
                          const char *prefix, const char *suffix, int start, int end) {
    Json quote = {{"type", "TextQuoteSelector"}, {"exact", exact}};
    if (prefix)
        quote["prefix"] = prefix;
    if (suffix)
        quote["suffix"] = suffix;
    return {{"id", "hx1"},
            {"created", "2025-11-26T08:00:00.000000+00:00"},
            {"user", "acct:analyst@hypothes.is"},
            {"uri", uri},
            {"text", comment},
            {"tags", Json::array({"ceasefire"})},
            {"document", {{"title", Json::array({"Talks in Geneva"})}}},
            {"target",
             Json::array(
                 {{{"source", uri},
                   {"selector",
                    Json::array({{{"type", "RangeSelector"},
                                  {"startContainer", "/div[1]/p[1]"},
                                  {"startOffset", 0},
                                  {"endContainer", "/div[1]/p[1]"},
                                  {"endOffset", 10}},
                                 {{"type", "TextPositionSelector"}, {"start", start}, {"end", end}},
                                 quote})}}})}};
}

const Diagnostic *warningAt(const ImportBatch &batch, const QString &pointer) {
    for (const Diagnostic &d : batch.diagnostics)
        if (!d.isError() && d.jsonPath == pointer)
            return &d;
    return nullptr;
}

QString listed(const ImportBatch &batch) {
    QStringList lines;
    for (const Diagnostic &d : batch.diagnostics)
        lines.append(d.toString());
    return lines.join(u'\n');
}

// What ImportApplier does (D's, not on this branch): the batch's events into a copy of `base`.
Dataset applied(const Dataset &base, const ImportBatch &batch) {
    Dataset merged = base;
    for (const Event &updated : batch.updatedEvents) {
        for (qsizetype i = 0; i < merged.events.size(); ++i)
            if (merged.events.at(i).id == updated.id)
                merged.events.replace(i, updated);
    }
    for (const Event &event : batch.newEvents)
        merged.events.append(event);
    merged.reindex();
    return merged;
}

} // namespace

void WebAnnotationTest::initTestCase() {
    const auto result =
        DatasetReader::readFile(QStringLiteral(":/datasets/peace-talks-2025/dataset.json"));
    QVERIFY(result.ok());
    m_default = result.dataset;
    QVERIFY(m_default->events.size() > 0);
}

void WebAnnotationTest::exportImportReanchorsEveryPassage() {
    const Dataset &original = *m_default;
    QStringList ids;
    qsizetype passages = 0;
    for (const Event &event : original.events) {
        ids.append(event.id);
        passages += event.sources.size();
    }
    const QByteArray bytes = WebAnnotationExporter::write(original, ids);

    // The same articles, no events: every event comes back from its annotations.
    Dataset articlesOnly = original;
    articlesOnly.events.clear();
    articlesOnly.reindex();
    const ImportBatch batch =
        WebAnnotationImporter::read(bytes, QStringLiteral("out.jsonld"), articlesOnly);
    QVERIFY2(!batch.hasErrors(), qPrintable(listed(batch)));
    QVERIFY2(batch.diagnostics.isEmpty(), qPrintable(listed(batch))); // every one exact
    QVERIFY(batch.updatedEvents.isEmpty());
    QCOMPARE(batch.newEvents.size(), original.events.size());
    qsizetype compared = 0;
    for (qsizetype i = 0; i < original.events.size(); ++i) {
        const Event &before = original.events.at(i);
        const Event &after = batch.newEvents.at(i);
        QCOMPARE(after.id, before.id);
        QCOMPARE(after.title, before.title);
        QCOMPARE(after.sources.size(), before.sources.size());
        for (qsizetype j = 0; j < before.sources.size(); ++j) {
            const SourcePassage &b = before.sources.at(j);
            const SourcePassage &a = after.sources.at(j);
            QCOMPARE(a.articleId, b.articleId);
            QCOMPARE(a.start, b.start);
            QCOMPARE(a.end, b.end);
            QCOMPARE(a.storedStart, b.storedStart);
            QCOMPARE(a.storedEnd, b.storedEnd);
            QCOMPARE(a.exact, b.exact);
            QCOMPARE(a.prefix, b.prefix);
            QCOMPARE(a.suffix, b.suffix);
            ++compared;
        }
    }
    QCOMPARE(compared, passages);
    // What comes in is a valid dataset.
    const Diagnostics problems = DatasetValidator::validate(applied(articlesOnly, batch));
    QVERIFY2(!hasErrors(problems),
             qPrintable(problems.isEmpty() ? QString() : problems.first().toString()));
}

void WebAnnotationTest::roundTripAroundEmojiKeepsOffsets() {
    // Characters outside the BMP before every passage (the default dataset has none), and the
    // same word three times: two passages without context, where only the position tells.
    Dataset dataset = emojiDataset(QString());
    const Article &article = dataset.articles.first();
    Event event;
    event.id = QStringLiteral("ev-ceasefire");
    event.title = QStringLiteral("Ceasefire agreed");
    event.kind = QStringLiteral("agreement");
    event.date.start = event.date.end = QDate(2025, 11, 24);
    event.sources.append(SelectionPassage::make(article, 36, 57));
    for (const int start : {69, 72}) {
        SourcePassage bare = SelectionPassage::make(article, start, start + 2);
        bare.prefix.clear();
        bare.suffix.clear();
        event.sources.append(bare);
    }
    dataset.events.append(event);
    const QByteArray bytes = WebAnnotationExporter::write(dataset, {event.id});
    const ImportBatch batch =
        WebAnnotationImporter::read(bytes, QStringLiteral("e.jsonld"), emojiDataset(QString()));
    QVERIFY2(!batch.hasErrors(), qPrintable(listed(batch)));
    QCOMPARE(batch.newEvents.size(), 1);
    const QList<SourcePassage> &back = batch.newEvents.first().sources;
    QCOMPARE(back.size(), 3);
    const QList<int> starts = {36, 69, 72};    // UTF-16
    const QList<qint64> stored = {35, 65, 68}; // code points
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(back.at(i).start, starts.at(i));
        QCOMPARE(back.at(i).end, event.sources.at(i).end);
        QCOMPARE(back.at(i).storedStart, stored.at(i));
        QCOMPARE(back.at(i).storedEnd, event.sources.at(i).storedEnd);
        QCOMPARE(back.at(i).exact, event.sources.at(i).exact);
    }
    QCOMPARE(back.at(0).prefix, event.sources.at(0).prefix);
    QCOMPARE(back.at(0).suffix, event.sources.at(0).suffix);
}

void WebAnnotationTest::reimportIntoTheSameDatasetAddsNothing() {
    const Dataset &original = *m_default;
    QStringList ids;
    for (const Event &event : original.events)
        ids.append(event.id);
    const ImportBatch batch = WebAnnotationImporter::read(
        WebAnnotationExporter::write(original, ids), QStringLiteral("out.jsonld"), original);
    // Each body names an event of the dataset, which has the passage already: said, not doubled.
    QVERIFY2(!batch.hasErrors(), qPrintable(listed(batch)));
    QVERIFY(batch.newEvents.isEmpty());
    for (const Event &updated : batch.updatedEvents) {
        const Event *before = nullptr;
        for (const Event &event : original.events)
            if (event.id == updated.id)
                before = &event;
        QVERIFY(before);
        QCOMPARE(updated.sources.size(), before->sources.size());
    }
    QVERIFY(batch.diagnostics.first().message.contains(QStringLiteral("already a passage")));
}

void WebAnnotationTest::exportIsConformantAndDeterministic() {
    const Dataset &dataset = *m_default;
    const QStringList ids = {dataset.events.at(0).id, dataset.events.at(1).id};
    const QByteArray first = WebAnnotationExporter::write(dataset, ids);
    QCOMPARE(WebAnnotationExporter::write(dataset, ids), first); // the same bytes
    QVERIFY(first.endsWith('\n'));
    // Streamed annotation by annotation, it is byte for byte nlohmann's dump(2) of the whole.
    QCOMPARE(QByteArray::fromStdString(nlohmann::ordered_json::parse(first.toStdString()).dump(2)) +
                 '\n',
             first);
    const QByteArray none = WebAnnotationExporter::write(dataset, {});
    QCOMPARE(QByteArray::fromStdString(nlohmann::ordered_json::parse(none.toStdString()).dump(2)) +
                 '\n',
             none);
    QVERIFY(none.contains("\"total\": 0"));

    const Json root = Json::parse(first.toStdString());
    QCOMPARE(str(root["@context"]), QStringLiteral("http://www.w3.org/ns/anno.jsonld"));
    QCOMPARE(str(root["type"]), QStringLiteral("AnnotationCollection"));
    QCOMPARE(str(root["label"]), dataset.title);
    QVERIFY(str(root["id"]).startsWith(QStringLiteral("urn:uuid:")));
    const Json &page = root["first"];
    QCOMPARE(str(page["type"]), QStringLiteral("AnnotationPage"));
    QCOMPARE(str(page["partOf"]), str(root["id"]));
    const qsizetype passages =
        dataset.events.at(0).sources.size() + dataset.events.at(1).sources.size();
    QCOMPARE(qsizetype(root["total"].get<int>()), passages);
    QCOMPARE(qsizetype(page["items"].size()), passages);

    const Event &event = dataset.events.at(0);
    const SourcePassage &passage = event.sources.at(0);
    const Json &annotation = page["items"][0];
    QCOMPARE(str(annotation["type"]), QStringLiteral("Annotation"));
    QCOMPARE(str(annotation["motivation"]), QStringLiteral("identifying"));
    QVERIFY(str(annotation["generator"]["name"]).endsWith(QStringLiteral(NTL_VERSION)));
    // No clock: the article's publication date when no save time is given…
    const Article *article = dataset.article(passage.articleId);
    QCOMPARE(str(annotation["created"]),
             article->published.toString(Qt::ISODate) + QStringLiteral("T00:00:00Z"));
    // … and the time given otherwise.
    WebAnnotationExporter::Options options;
    options.created = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
    const Json withTime =
        Json::parse(WebAnnotationExporter::write(dataset, ids, options).toStdString());
    QCOMPARE(str(withTime["first"]["items"][0]["created"]), QStringLiteral("2026-01-02T03:04:05Z"));

    QCOMPARE(str(annotation["body"][0]["purpose"]), QStringLiteral("identifying"));
    QCOMPARE(str(annotation["body"][0]["value"]), event.id);
    QCOMPARE(str(annotation["body"][1]["value"]), event.title);
    const Json &target = annotation["target"];
    // No URL in the default dataset: the text's hash names it.
    QCOMPARE(str(target["source"]), QStringLiteral("urn:sha256:") + article->textSha256);
    QCOMPARE(str(target["selector"][0]["type"]), QStringLiteral("TextQuoteSelector"));
    QCOMPARE(str(target["selector"][0]["exact"]), passage.exact);
    QCOMPARE(str(target["selector"][1]["type"]), QStringLiteral("TextPositionSelector"));
    QCOMPARE(target["selector"][1]["start"].get<qint64>(), passage.storedStart);
    QCOMPARE(target["selector"][1]["end"].get<qint64>(), passage.storedEnd);
    // Ids stable and distinct.
    QSet<std::string> annotationIds;
    for (const Json &item : page["items"])
        annotationIds.insert(item["id"].get<std::string>());
    QCOMPARE(qsizetype(annotationIds.size()), passages);
}

void WebAnnotationTest::hypothesisUtf16OffsetsAroundEmoji() {
    // The offsets, spelt out: "agreed on a ceasefire" starts after one pair, the second "ja"
    // after four.
    QCOMPARE(emojiText.indexOf(QStringLiteral("agreed on a ceasefire")), 36); // UTF-16
    QCOMPARE(emojiText.indexOf(QStringLiteral(" ja ")) + 1, 66);
    const QByteArray bytes = hypothesisExport(Json::array(
        {hypothesisAnnotation("https://News.Example.org/geneva-talks/#annotations:hx1",
                              "Ceasefire agreed in Gen\xc3\xa8ve \xf0\x9f\x95\x8a\nThe envoys "
                              "said so.",
                              "agreed on a ceasefire",
                              "\xf0\x9f\xa4\x9d in Gen\xc3\xa8ve: the envoys ",
                              ". \xf0\x9f\x95\x8a", 36, 57),
         // No context: only the position tells which "ja" (the second, UTF-16 69–71).
         hypothesisAnnotation("https://news.example.org/geneva-talks", "", "ja", nullptr, nullptr,
                              69, 71)}));
    const Dataset base = emojiDataset();
    const ImportBatch batch = WebAnnotationImporter::read(bytes, QStringLiteral("h.json"), base);
    QVERIFY2(!batch.hasErrors(), qPrintable(listed(batch)));
    QCOMPARE(batch.newEvents.size(), 2);

    const Event &ceasefire = batch.newEvents.at(0);
    const SourcePassage &p = ceasefire.sources.at(0);
    QCOMPARE(p.articleId, QStringLiteral("a000-geneva"));
    QCOMPARE(p.exact, QStringLiteral("agreed on a ceasefire"));
    QCOMPARE(p.start, 36); // UTF-16
    QCOMPARE(p.end, 57);
    QCOMPARE(p.storedStart, 35); // code points
    QCOMPARE(p.storedEnd, 56);
    // The comment's first line is the title, the whole comment the note; the date as New
    // Event from Selection reads it ("on Monday" before the 25 November 2025 publication).
    QCOMPARE(ceasefire.title,
             QStringLiteral("Ceasefire agreed in Gen\u00e8ve ") + QString::fromUcs4(U"\U0001F54A"));
    QVERIFY(ceasefire.note.contains(QStringLiteral("The envoys said so.")));
    QVERIFY(ceasefire.date.start.isValid());

    const SourcePassage &ja = batch.newEvents.at(1).sources.at(0);
    QCOMPARE(ja.start, 69);       // UTF-16, as Hypothesis counted
    QCOMPARE(ja.storedStart, 65); // code points: four pairs before it
    QCOMPARE(ja.storedEnd, 67);
    const Diagnostics problems = DatasetValidator::validate(applied(base, batch));
    QVERIFY2(!hasErrors(problems),
             qPrintable(problems.isEmpty() ? QString() : problems.first().toString()));
}

void WebAnnotationTest::w3cCodePointOffsetsAroundEmoji() {
    // The same second "ja" as a W3C annotation: code points (65–67), not UTF-16 units.
    const Json annotation = {
        {"@context", "http://www.w3.org/ns/anno.jsonld"},
        {"id", "urn:example:1"},
        {"type", "Annotation"},
        {"target",
         {{"source", "https://news.example.org/geneva-talks"},
          {"selector",
           Json::array({{{"type", "TextQuoteSelector"}, {"exact", "ja"}},
                        {{"type", "TextPositionSelector"}, {"start", 65}, {"end", 67}}})}}}};
    const ImportBatch batch =
        WebAnnotationImporter::read(dump(annotation), QStringLiteral("one.jsonld"), emojiDataset());
    QVERIFY2(!batch.hasErrors(), qPrintable(listed(batch)));
    QCOMPARE(batch.newEvents.size(), 1);
    QCOMPARE(batch.newEvents.at(0).sources.at(0).start, 69);
    QCOMPARE(batch.newEvents.at(0).sources.at(0).storedStart, 65);

    // Hypothesis's own JSON-LD rendering (its ids under https://hypothes.is/a/) is typed
    // Annotation but counts UTF-16 units, as Hypothesis always does.
    Json fromHypothesis = annotation;
    fromHypothesis["id"] = "https://hypothes.is/a/AbC123";
    fromHypothesis["target"]["selector"][1]["start"] = 69;
    fromHypothesis["target"]["selector"][1]["end"] = 71;
    const ImportBatch h = WebAnnotationImporter::read(dump(fromHypothesis),
                                                      QStringLiteral("h.jsonld"), emojiDataset());
    QVERIFY2(!h.hasErrors(), qPrintable(listed(h)));
    QCOMPARE(h.newEvents.at(0).sources.at(0).start, 69);
}

void WebAnnotationTest::sourceMatchedByNormalisedUrl() {
    QCOMPARE(WebAnnotationImporter::normalisedUrl(
                 QStringLiteral("HTTPS://News.Example.ORG:443/a/b/#frag")),
             WebAnnotationImporter::normalisedUrl(QStringLiteral("https://news.example.org/a/b")));
    QVERIFY(
        WebAnnotationImporter::normalisedUrl(QStringLiteral("https://news.example.org/a?x=1")) !=
        WebAnnotationImporter::normalisedUrl(QStringLiteral("https://news.example.org/a?x=2")));
    QVERIFY(WebAnnotationImporter::normalisedUrl(QStringLiteral("not a url")).isEmpty());
    // Our export names the article by its URL when it has one, and that comes back.
    Dataset dataset = emojiDataset(QStringLiteral("https://News.Example.org/geneva-talks/"));
    Event event;
    event.id = QStringLiteral("ev-ceasefire");
    event.title = QStringLiteral("Ceasefire");
    event.kind = QStringLiteral("agreement");
    event.date.start = event.date.end = QDate(2025, 11, 24);
    SourcePassage passage;
    passage.articleId = QStringLiteral("a000-geneva");
    passage.start = 36;
    passage.end = 57;
    passage.exact = emojiText.mid(36, 21);
    event.sources.append(passage);
    dataset.events.append(event);
    const QByteArray bytes = WebAnnotationExporter::write(dataset, {event.id});
    QVERIFY(bytes.contains("\"source\": \"https://News.Example.org/geneva-talks/\""));
    QVERIFY(bytes.contains("\"start\": 35"));
    const ImportBatch batch = WebAnnotationImporter::read(
        bytes, QStringLiteral("out.jsonld"),
        emojiDataset(QStringLiteral("https://news.example.org/geneva-talks")));
    QVERIFY2(!batch.hasErrors(), qPrintable(listed(batch)));
    QCOMPARE(batch.newEvents.size(), 1);
    QCOMPARE(batch.newEvents.at(0).id, event.id);
    QCOMPARE(batch.newEvents.at(0).sources.at(0).start, 36);
}

void WebAnnotationTest::approximateQuoteAnchorsWithAWarning() {
    // A page's text is not the article's: a quote a letter off (and a target with no source,
    // which Hypothesis's `uri` stands in for) still anchors, and the user is told to check it.
    Json annotation = hypothesisAnnotation("https://news.example.org/geneva-talks", "",
                                           "agreed on a cease-fire", nullptr, nullptr, 36, 58);
    annotation["target"][0].erase("source");
    const ImportBatch batch = WebAnnotationImporter::read(
        hypothesisExport(Json::array({annotation})), QStringLiteral("h.json"), emojiDataset());
    QVERIFY2(!batch.hasErrors(), qPrintable(listed(batch)));
    QCOMPARE(batch.newEvents.size(), 1);
    const SourcePassage &p = batch.newEvents.first().sources.first();
    QCOMPARE(p.exact, QStringLiteral("agreed on a ceasefire")); // the article's words
    QCOMPARE(p.start, 36);
    const Diagnostic *warning = warningAt(batch, QStringLiteral("/annotations/0"));
    QVERIFY2(warning, qPrintable(listed(batch)));
    QVERIFY(warning->message.contains(QStringLiteral("approximately")));
}

void WebAnnotationTest::annotationsRecognised() {
    QVERIFY(WebAnnotationImporter::looksLikeAnnotations(
        WebAnnotationExporter::write(*m_default, {m_default->events.first().id})));
    QVERIFY(WebAnnotationImporter::looksLikeAnnotations(hypothesisExport(Json::array())));
    QVERIFY(!WebAnnotationImporter::looksLikeAnnotations("{\"events\": [], \"title\": {}}"));
}

void WebAnnotationTest::quoteInNoArticleIsListed() {
    const QByteArray bytes = hypothesisExport(
        Json::array({hypothesisAnnotation("https://news.example.org/geneva-talks", "",
                                          "agreed on a ceasefire", nullptr, nullptr, 36, 57),
                     hypothesisAnnotation("https://news.example.org/geneva-talks", "",
                                          "the sanctions were lifted in full by every party",
                                          nullptr, nullptr, 0, 47)}));
    const ImportBatch batch =
        WebAnnotationImporter::read(bytes, QStringLiteral("h.json"), emojiDataset());
    QVERIFY2(!batch.hasErrors(), qPrintable(listed(batch)));
    QCOMPARE(batch.newEvents.size(), 1);
    const Diagnostic *listedOne = warningAt(batch, QStringLiteral("/annotations/1"));
    QVERIFY2(listedOne, qPrintable(listed(batch)));
    QVERIFY(listedOne->message.contains(QStringLiteral("does not anchor")));
    QVERIFY(listedOne->message.contains(QStringLiteral("the sanctions were lifted")));
    QCOMPARE(listedOne->file, QStringLiteral("h.json"));
}

void WebAnnotationTest::sourceInNoArticleIsListed() {
    // In a W3C collection, where the pointer goes through the embedded first page.
    Json collection = {{"@context", "http://www.w3.org/ns/anno.jsonld"},
                       {"type", "AnnotationCollection"},
                       {"first", {{"type", "AnnotationPage"}, {"items", Json::array()}}}};
    const auto add = [&](const char *source) {
        const Json quote = {{"type", "TextQuoteSelector"}, {"exact", "agreed on a ceasefire"}};
        const Json target = {{"source", source}, {"selector", quote}};
        collection["first"]["items"].push_back({{"type", "Annotation"}, {"target", target}});
    };
    add("https://news.example.org/geneva-talks");
    add("https://elsewhere.example/other-story");
    add("urn:sha256:0000000000000000000000000000000000000000000000000000000000000000");
    const ImportBatch batch =
        WebAnnotationImporter::read(dump(collection), QStringLiteral("c.jsonld"), emojiDataset());
    QVERIFY2(!batch.hasErrors(), qPrintable(listed(batch)));
    QCOMPARE(batch.newEvents.size(), 1);
    const Diagnostic *url = warningAt(batch, QStringLiteral("/first/items/1"));
    QVERIFY2(url, qPrintable(listed(batch)));
    QVERIFY(url->message.contains(QStringLiteral("https://elsewhere.example/other-story")));
    QVERIFY(url->message.contains(QStringLiteral("no article")));
    QVERIFY(warningAt(batch, QStringLiteral("/first/items/2")));
}

void WebAnnotationTest::nothingAnchorableIsAnError() {
    const QByteArray bytes = hypothesisExport(Json::array({hypothesisAnnotation(
        "https://elsewhere.example/x", "", "agreed", nullptr, nullptr, 0, 6)}));
    const ImportBatch batch =
        WebAnnotationImporter::read(bytes, QStringLiteral("h.json"), emojiDataset());
    QVERIFY(batch.hasErrors());
    QVERIFY(batch.isEmpty());
    QVERIFY(warningAt(batch, QStringLiteral("/annotations/0"))); // and still says why
    const ImportBatch empty = WebAnnotationImporter::read(hypothesisExport(Json::array()),
                                                          QStringLiteral("e.json"), emojiDataset());
    QVERIFY(empty.hasErrors());
}

void WebAnnotationTest::manyWarningsCounted() {
    // 600 that do not anchor and one that does: 500 listed one by one, the rest counted.
    Json annotations = Json::array();
    for (int i = 0; i < 600; ++i)
        annotations.push_back(hypothesisAnnotation("https://elsewhere.example/x", "", "agreed",
                                                   nullptr, nullptr, 0, 6));
    annotations.push_back(hypothesisAnnotation("https://news.example.org/geneva-talks", "",
                                               "agreed on a ceasefire", nullptr, nullptr, 36, 57));
    const ImportBatch batch = WebAnnotationImporter::read(hypothesisExport(annotations),
                                                          QStringLiteral("h.json"), emojiDataset());
    QVERIFY(!batch.hasErrors());
    QCOMPARE(batch.newEvents.size(), 1);
    QCOMPARE(batch.diagnostics.size(), 501);
    QCOMPARE(batch.diagnostics.at(499).jsonPath, QStringLiteral("/annotations/499"));
    QCOMPARE(batch.diagnostics.last().message, QStringLiteral("and 100 more warnings"));
}

void WebAnnotationTest::malformedJsonIsLocated() {
    const QByteArray bytes =
        "{\n  \"annotations\": [\n    {\"uri\": \"x\",, \"text\": 1}\n  ]\n}\n";
    const ImportBatch batch =
        WebAnnotationImporter::read(bytes, QStringLiteral("bad.json"), emojiDataset());
    QCOMPARE(batch.diagnostics.size(), 1);
    const Diagnostic &d = batch.diagnostics.first();
    QVERIFY(d.isError());
    QCOMPARE(d.file, QStringLiteral("bad.json"));
    QCOMPARE(d.line, 3);
    QCOMPARE(d.column, 17);
    QVERIFY(d.message.startsWith(QStringLiteral("not valid JSON")));
    // Not annotations at all: said, not guessed.
    const ImportBatch other =
        WebAnnotationImporter::read("{\"events\": []}", QStringLiteral("t.json"), emojiDataset());
    QVERIFY(other.hasErrors());
    QVERIFY(other.diagnostics.first().message.contains(QStringLiteral("not a Web Annotation")));
}

void WebAnnotationTest::namedCollectionPageIsAnError() {
    const QByteArray bytes = "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"type\": "
                             "\"AnnotationCollection\", \"first\": \"https://example.org/page1\"}";
    const ImportBatch batch =
        WebAnnotationImporter::read(bytes, QStringLiteral("c.jsonld"), emojiDataset());
    QVERIFY(batch.hasErrors());
    QCOMPARE(batch.diagnostics.first().jsonPath, QStringLiteral("/first"));
}

void WebAnnotationTest::pickedEventTakesEveryPassage() {
    Dataset base = emojiDataset();
    Event event;
    event.id = QStringLiteral("ev-talks");
    event.title = QStringLiteral("Talks");
    event.kind = QStringLiteral("meeting");
    event.date.start = event.date.end = QDate(2025, 11, 24);
    base.events.append(event);
    const QByteArray bytes = hypothesisExport(
        Json::array({hypothesisAnnotation("https://news.example.org/geneva-talks", "A",
                                          "agreed on a ceasefire", nullptr, nullptr, 36, 57),
                     hypothesisAnnotation("https://news.example.org/geneva-talks", "B",
                                          "said the crowd", nullptr, nullptr, 0, 0)}));
    WebAnnotationImporter::Options options;
    options.eventId = event.id;
    const ImportBatch batch =
        WebAnnotationImporter::read(bytes, QStringLiteral("h.json"), base, options);
    QVERIFY2(!batch.hasErrors(), qPrintable(listed(batch)));
    QVERIFY(batch.newEvents.isEmpty());
    QCOMPARE(batch.updatedEvents.size(), 1);
    QCOMPARE(batch.updatedEvents.at(0).sources.size(), 2);
    QCOMPARE(batch.updatedEvents.at(0).sources.at(1).exact, QStringLiteral("said the crowd"));
    options.eventId = QStringLiteral("ev-missing");
    QVERIFY(
        WebAnnotationImporter::read(bytes, QStringLiteral("h.json"), base, options).hasErrors());
}

void WebAnnotationTest::escapingRoundTrips() {
    const QString title = QStringLiteral("He said \"no\" </script><script>alert(1)</script> \\ ") +
                          QChar(0x01) + QChar(u'\t') + QChar(0x2028) + QStringLiteral(" end");
    Dataset dataset = emojiDataset(QString());
    dataset.title = title;
    Event event;
    event.id = QStringLiteral("ev-\"quoted\"");
    event.title = title;
    event.kind = QStringLiteral("statement");
    event.date.start = event.date.end = QDate(2025, 11, 24);
    SourcePassage passage;
    passage.articleId = QStringLiteral("a000-geneva");
    passage.start = 36;
    passage.end = 57;
    passage.exact = emojiText.mid(36, 21);
    event.sources.append(passage);
    dataset.events.append(event);
    const QByteArray bytes = WebAnnotationExporter::write(dataset, {event.id});
    QVERIFY(!bytes.contains('\x01')); // escaped as \u0001
    QVERIFY(!bytes.contains('\t'));   // escaped as \t
    QVERIFY(bytes.contains("\\\"no\\\""));
    QCOMPARE(str(Json::parse(bytes.toStdString())["label"]), title);

    const ImportBatch batch =
        WebAnnotationImporter::read(bytes, QStringLiteral("e.jsonld"), emojiDataset(QString()));
    QVERIFY2(!batch.hasErrors(), qPrintable(listed(batch)));
    QCOMPARE(batch.newEvents.size(), 1);
    QCOMPARE(batch.newEvents.at(0).title, title);
    QCOMPARE(batch.newEvents.at(0).id, event.id);
}

void WebAnnotationTest::tooManyAnnotationsRefused() {
    QByteArray bytes = "[";
    for (int i = 0; i <= WebAnnotationImporter::maxAnnotations; ++i)
        bytes += i ? ",{}" : "{}";
    bytes += "]";
    const ImportBatch batch =
        WebAnnotationImporter::read(bytes, QStringLiteral("many.json"), emojiDataset());
    QVERIFY(batch.hasErrors());
    QVERIFY(batch.diagnostics.first().message.contains(
        QString::number(WebAnnotationImporter::maxAnnotations)));
    QCOMPARE(batch.diagnostics.size(), 1); // refused before anything is tried
}

void WebAnnotationTest::deepUnknownMembersAreSkipped() {
    // Hypothesis carries document metadata the import does not read: however deep or large,
    // it is skipped as it streams by (nothing of it kept, no recursion over it).
    Json annotation = hypothesisAnnotation("https://news.example.org/geneva-talks", "",
                                           "agreed on a ceasefire", nullptr, nullptr, 36, 57);
    annotation.erase("document");
    QByteArray bytes = hypothesisExport(Json::array({annotation}));
    const QByteArray deep = QByteArray(200000, '[') + QByteArray(200000, ']');
    const QByteArray wide = '"' + QByteArray(8 * 1024 * 1024, 'x') + '"';
    bytes.replace("\"id\": \"hx1\"",
                  "\"id\": \"hx1\", \"document\": " + deep + ", \"links\": " + wide);
    QVERIFY(bytes.size() > 8 * 1024 * 1024);
    const ImportBatch batch =
        WebAnnotationImporter::read(bytes, QStringLiteral("h.json"), emojiDataset());
    QVERIFY2(!batch.hasErrors(), qPrintable(listed(batch)));
    QCOMPARE(batch.newEvents.size(), 1);
}

void WebAnnotationTest::treeBeyondItsBudgetRefused() {
    // 12 MiB of tags "0,0,0…": each two-byte value costs 32 bytes in the tree, more than the
    // budget (64 MiB plus four times the file) allows. Refused, not built.
    QByteArray bytes = "[{\"tags\": [0";
    bytes.reserve(12 * 1024 * 1024 + 64);
    while (bytes.size() < 12 * 1024 * 1024)
        bytes += ",0,0,0,0,0,0,0,0";
    bytes += "]}]";
    const ImportBatch batch =
        WebAnnotationImporter::read(bytes, QStringLiteral("big.json"), emojiDataset());
    QCOMPARE(batch.diagnostics.size(), 1);
    QVERIFY(batch.diagnostics.first().isError());
    QVERIFY(batch.diagnostics.first().message.contains(QStringLiteral("memory")));
}

void WebAnnotationTest::readFileNamesTheFile() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString missing = dir.filePath(QStringLiteral("missing.jsonld"));
    const ImportBatch none = WebAnnotationImporter::readFile(missing, emojiDataset(), {});
    QVERIFY(none.hasErrors());
    QVERIFY(none.diagnostics.first().toString().contains(missing));
    const QString path = dir.filePath(QStringLiteral("h.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(hypothesisExport(
        Json::array({hypothesisAnnotation("https://news.example.org/geneva-talks", "",
                                          "agreed on a ceasefire", nullptr, nullptr, 36, 57)})));
    file.close();
    const ImportBatch batch = WebAnnotationImporter::readFile(path, emojiDataset(), {});
    QVERIFY2(!batch.hasErrors(), qPrintable(listed(batch)));
    QCOMPARE(batch.newEvents.size(), 1);
    QCOMPARE(batch.sourceName, path);
}

QTEST_GUILESS_MAIN(WebAnnotationTest)
#include "webannotationtest.moc"
