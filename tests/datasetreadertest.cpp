#include "datasetreader.h"
#include "filebuffer.h"
#include "occurrenceindex.h"
#include "jsonoutline.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

#include <nlohmann/json.hpp>

using namespace ntl;
using Json = nlohmann::ordered_json;

namespace {

QString dataPath(const QString &relative)
{
    return QStringLiteral(NTL_TEST_DATA_DIR "/") + relative;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read test fixture %s", qPrintable(path));
    return file.readAll();
}

Json minimal() { return Json::parse(readAll(dataPath(QStringLiteral("valid/minimal.json"))).toStdString()); }

DatasetReader::Result readJson(const Json &json, const QString &baseDirectory = QDir::tempPath())
{
    return DatasetReader::readBytes(QByteArray::fromStdString(json.dump(2)),
                                    QStringLiteral("test.json"), baseDirectory);
}

// The diagnostic at `path` whose message contains `words`, or null.
const Diagnostic *find(const Diagnostics &diagnostics, const QString &path, const QString &words)
{
    for (const Diagnostic &d : diagnostics) {
        if (d.jsonPath == path && d.message.contains(words))
            return &d;
    }
    return nullptr;
}

QString dump(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines.append(d.toString());
    return lines.join(u'\n');
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// minimal.json with its three events repeated to `count`, each with an id of its own:
// enough events that the reader splits them between threads.
Json manyEvents(int count)
{
    Json json = minimal();
    const Json templates = json["events"];
    json["events"] = Json::array();
    for (int i = 0; i < count; ++i) {
        Json event = templates[std::size_t(i) % templates.size()];
        event["id"] = "ev-" + std::to_string(i);
        json["events"].push_back(event);
    }
    return json;
}

// Every event cites the first passage of the first event only (article "art-a"), so
// that a test may change article "art-b" at will.
void citeOnlyTheFirstPassage(Json &json)
{
    const Json passage = json["events"][0]["sources"][0];
    for (Json &event : json["events"]) {
        event["sources"] = Json::array({passage});
        event["disagreements"] = Json::array();
    }
}

QByteArray text(const Json &json)
{
    return QByteArray::fromStdString(json.dump(2));
}

// Every field of an event, spelled out (null strings apart from empty ones), to compare two
// readings of it.
QString describe(const Event &event)
{
    QStringList parts;
    const auto add = [&](const QString &text) {
        parts.append(text.isNull() ? QStringLiteral("<null>") : text);
    };
    for (const QString &text : {event.id, event.title, event.summary, event.kind,
                                jsonName(event.status), event.date.start.toString(Qt::ISODate),
                                event.date.end.toString(Qt::ISODate),
                                jsonName(event.date.precision), event.date.expression,
                                jsonName(event.date.basis), event.date.anchorArticleId,
                                event.date.note, event.place, event.note})
        add(text);
    for (const Participant &participant : event.participants) {
        add(participant.actorId);
        add(jsonName(participant.role));
    }
    for (const SourcePassage &source : event.sources) {
        for (const QString &text : {source.articleId, source.exact, source.prefix, source.suffix})
            add(text);
        add(QStringLiteral("%1..%2 at %3..%4")
                .arg(source.storedStart)
                .arg(source.storedEnd)
                .arg(source.start)
                .arg(source.end));
    }
    for (const Disagreement &disagreement : event.disagreements) {
        add(disagreement.topic);
        for (const Claim &claim : disagreement.claims) {
            for (const QString &text : {claim.articleId, claim.exact, claim.says})
                add(text);
            add(QStringLiteral("%1..%2").arg(claim.start).arg(claim.end));
        }
    }
    return parts.join(u'|');
}

// What a reading says of its first event and its problems, but for warnings about `ignored`.
QString outcome(const DatasetReader::Result &result, const QString &ignored)
{
    QStringList lines;
    for (const Diagnostic &d : result.diagnostics) {
        if (!d.message.contains(ignored))
            lines.append(d.toString());
    }
    if (result.ok() && !result.dataset->events.isEmpty())
        lines.append(describe(result.dataset->events.first()));
    return lines.join(u'\n');
}

// What nlohmann says of the whole document, as the reader reports it: "LINE:COL: REASON".
QString wholeDocumentSyntaxError(const QByteArray &bytes)
{
    try {
        const auto parsed = nlohmann::json::parse(bytes.cbegin(), bytes.cend());
        Q_UNUSED(parsed);
    } catch (const nlohmann::json::parse_error &e) {
        const QByteArray before = bytes.left(qsizetype(e.byte) - 1);
        const qsizetype lineStart = before.lastIndexOf('\n') + 1;
        const int column = int(QString::fromUtf8(before.mid(lineStart)).size()) + 1;
        const QString what = QString::fromUtf8(e.what());
        const QString reason = what.mid(
            what.indexOf(QStringLiteral(": "), what.indexOf(QStringLiteral("column "))) + 2);
        return QStringLiteral("%1:%2: %3").arg(before.count('\n') + 1).arg(column).arg(reason);
    } catch (const std::exception &e) { // not a syntax error, e.g. a number too large
        return QStringLiteral("cannot parse: ") + QString::fromUtf8(e.what());
    }
    return QStringLiteral("valid");
}

} // namespace

class DatasetReaderTest : public QObject
{
    Q_OBJECT
private slots:
    void validFilesLoadWithoutDiagnostics_data();
    void validFilesLoadWithoutDiagnostics();
    void loadedValuesMatchTheFile();
    void emojiOffsetsBecomeUtf16Indices();
    void textFileIsReadRelativeToTheDataset();

    void badValueIsReportedAtItsJsonPath_data();
    void badValueIsReportedAtItsJsonPath();
    void everyProblemIsReportedNotOnlyTheFirst();
    void driftedOffsetsAreReanchoredWithAWarning();
    void editedPassageIsReanchoredApproximately();
    void changedArticleTextIsAWarning();
    void unknownFieldIsAWarning();
    void versionOnePointZeroIsVersionOne();

    void syntaxErrorNamesLineAndColumn();
    void truncatedFileNamesWhereItEnds();
    void invalidUtf8InJsonIsASyntaxError();
    void deepNestingIsRefused();
    void hugeNumberOfProblemsIsCapped();

    void missingFileIsReported();
    void folderIsReported();
    void emptyFileIsReported();
    void fileOverTheSizeLimitIsRefusedUnread();
    void textFileProblemsAreReported_data();
    void textFileProblemsAreReported();
    void symbolicLinkOutOfTheFolderIsRefused();
    void invalidUtf8ArticleTextIsAnError();

    void diagnosticFormatsNameTheLocation();

    void outlineFindsTheElementsOfTheRootArray();
    void manyEventsLoadAsOne();
    void errorsInEveryShareComeInFileOrder();
    void cappedDiagnosticsAreTheFirstInFileOrder();
    void syntaxErrorAnywhereIsTheWholeDocumentsFirst_data();
    void syntaxErrorAnywhereIsTheWholeDocumentsFirst();
    void repeatedOrEscapedEventsKeyReadsAsAParserReadsIt();
    void searchBudgetIsSpentInFileOrder();
    void emptyArticleTextIsSkippedAfterAnEarlierError();
    void repeatedQuoteWithWrongOffsetsIsScannedForOnce();
    void quoteAtTheEndOfALongTextIsScannedForOnce();
    void missingClaimIsScannedForOnce();
    void claimSearchesSpendTheSameBudget();
    void eventsReadAgainKeepOnlyTheirOwnBytes();
    void eventReadsAlikeWithoutADom_data();
    void eventReadsAlikeWithoutADom();
    void articleReadsAlikeWithoutADom_data();
    void articleReadsAlikeWithoutADom();
};

void DatasetReaderTest::validFilesLoadWithoutDiagnostics_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("minimal") << QStringLiteral("valid/minimal.json");
    QTest::newRow("emoji") << QStringLiteral("valid/emoji.json");
    QTest::newRow("textFile") << QStringLiteral("valid/textfile/dataset.json");
}

void DatasetReaderTest::validFilesLoadWithoutDiagnostics()
{
    QFETCH(QString, file);
    const auto result = DatasetReader::readFile(dataPath(file));
    QVERIFY2(result.ok(), qPrintable(dump(result.diagnostics)));
    QVERIFY2(result.diagnostics.isEmpty(), qPrintable(dump(result.diagnostics)));
}

void DatasetReaderTest::loadedValuesMatchTheFile()
{
    const auto result = DatasetReader::readFile(dataPath(QStringLiteral("valid/minimal.json")));
    QVERIFY(result.ok());
    const Dataset &d = *result.dataset;
    QCOMPARE(d.title, QStringLiteral("Lakeside talks (test fixture)"));
    QCOMPARE(d.sides.size(), 3);
    QCOMPARE(d.articles.size(), 2);
    QCOMPARE(d.actors.size(), 4);
    QCOMPARE(d.events.size(), 3);
    QCOMPARE(d.articles.at(1).publisher, QString());
    QVERIFY(d.articles.at(1).publishedInferred);
    QCOMPARE(d.articles.at(0).published, QDate(2030, 3, 5));
    QCOMPARE(d.actors.at(1).affiliationId, QStringLiteral("north-state"));
    QCOMPARE(d.actors.at(1).title, QStringLiteral("Special Envoy"));
    const Event &second = d.events.at(2);
    QCOMPARE(second.status, EventStatus::Planned);
    QCOMPARE(second.date.precision, DatePrecision::Week);
    QCOMPARE(second.date.start, QDate(2030, 3, 11));
    QCOMPARE(second.date.end, QDate(2030, 3, 17));
    QCOMPARE(second.date.expression, QStringLiteral("next week"));
    QCOMPARE(second.date.basis, DateBasis::Relative);
    const Event &talks = d.events.at(0);
    QCOMPARE(talks.participants.at(2).role, ParticipantRole::Mediator);
    QCOMPARE(talks.disagreements.size(), 1);
    QCOMPARE(talks.disagreements.at(0).claims.size(), 2);
    for (const Event &event : d.events) {
        for (const SourcePassage &source : event.sources) {
            const QString &text = d.article(source.articleId)->text;
            QCOMPARE(text.mid(source.start, source.end - source.start), source.exact);
        }
    }
    const Claim &claim = talks.disagreements.at(0).claims.at(1);
    QCOMPARE(d.article(claim.articleId)->text.mid(claim.start, claim.end - claim.start), claim.exact);
}

void DatasetReaderTest::emojiOffsetsBecomeUtf16Indices()
{
    const auto result = DatasetReader::readFile(dataPath(QStringLiteral("valid/emoji.json")));
    QVERIFY2(result.ok(), qPrintable(dump(result.diagnostics)));
    const SourcePassage &source = result.dataset->events.at(0).sources.at(0);
    const QString &text = result.dataset->articles.at(0).text;
    // Four flag letters and a dove lie before the passage: five surrogate pairs.
    QCOMPARE(source.storedStart, qint64(41));
    QCOMPARE(source.start, 46);
    QCOMPARE(text.mid(source.start, source.end - source.start), source.exact);
    QVERIFY(result.diagnostics.isEmpty()); // found at its stored offsets: no re-anchoring
}

void DatasetReaderTest::textFileIsReadRelativeToTheDataset()
{
    const auto result = DatasetReader::readFile(dataPath(QStringLiteral("valid/textfile/dataset.json")));
    QVERIFY2(result.ok(), qPrintable(dump(result.diagnostics)));
    QCOMPARE(result.dataset->articles.at(0).text, QString::fromUtf8(readAll(dataPath(QStringLiteral("valid/textfile/articles/a.txt")))));
    QCOMPARE(result.dataset->articles.at(0).textFile, QStringLiteral("articles/a.txt"));
}

void DatasetReaderTest::badValueIsReportedAtItsJsonPath_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("value"); // JSON text; empty: remove the field
    QTest::addColumn<QString>("expectedPath");
    QTest::addColumn<QString>("expectedWords");

    const auto row = [](const char *name, const char *pointer, const char *value, const char *path, const char *words) {
        QTest::newRow(name) << QString::fromUtf8(pointer) << QString::fromUtf8(value)
                            << QString::fromUtf8(path) << QString::fromUtf8(words);
    };
    row("missing title", "/title", "", "/", "missing required field \"title\"");
    row("unknown format", "/format", "\"gantt\"", "/format", "expected \"negotiation-timeline\", found \"gantt\"");
    row("unknown version", "/version", "2", "/version", "unsupported version 2; this build reads version 1");
    row("version as string", "/version", "\"1\"", "/version", "unsupported version \"1\"");
    row("root not object", "", "[]", "/", "expected an object, found an array");
    row("offset unit", "/offsetUnit", "\"byte\"", "/offsetUnit", "expected \"codepoint\"");
    row("sides not array", "/sides", "{}", "/sides", "expected an array, found an object");
    row("side not object", "/sides/0", "5", "/sides/0", "expected an object, found an integer");
    row("empty side name", "/sides/1/name", "\"  \"", "/sides/1/name", "expected a non-empty string");
    row("side colour by name", "/sides/1/color", "\"red\"", "/sides/1/color",
        "expected a colour \"#rrggbb\", found \"red\"");
    row("side colour short", "/sides/0/color", "\"#f00\"", "/sides/0/color",
        "expected a colour \"#rrggbb\", found \"#f00\"");
    row("side colour not hex", "/sides/0/color", "\"#12345g\"", "/sides/0/color",
        "found \"#12345g\"");
    row("side colour not string", "/sides/0/color", "1", "/sides/0/color",
        "expected a string, found");
    row("article date", "/articles/0/published", "\"5 March 2030\"", "/articles/0/published", "expected a calendar date YYYY-MM-DD");
    row("published basis", "/articles/0/publishedBasis", "\"guessed\"", "/articles/0/publishedBasis", "expected one of \"stated\", \"inferred\"");
    row("both text kinds", "/articles/0/textFile", "\"a.txt\"", "/articles/0", "either \"text\" or \"textFile\", not both");
    row("no text", "/articles/1/text", "", "/articles/1", "missing required field \"text\" or \"textFile\"");
    row("bad sha", "/articles/0/textSha256", "\"xyz\"", "/articles/0/textSha256", "expected 64 hexadecimal digits");
    row("actor kind", "/actors/0/kind", "\"nation\"", "/actors/0/kind", "expected one of \"person\", \"country\"");
    row("unknown side", "/actors/0/side", "\"west\"", "/actors/0/side", "unknown side id \"west\"");
    row("side as number", "/actors/0/side", "3", "/actors/0/side", "expected a string or null, found an integer");
    row("unknown affiliation", "/actors/1/affiliation", "\"ghost\"", "/actors/1/affiliation", "unknown actor id \"ghost\"");
    row("self affiliation", "/actors/1/affiliation", "\"north-envoy\"", "/actors/1/affiliation", "affiliated with itself");
    row("duplicate actor", "/actors/2/id", "\"north-state\"", "/actors/2/id", "duplicate actor id \"north-state\" (first used at /actors/0)");
    row("duplicate side", "/sides/2/id", "\"north\"", "/sides/2/id", "duplicate side id \"north\"");
    row("duplicate article", "/articles/1/id", "\"art-a\"", "/articles/1/id", "duplicate article id \"art-a\"");
    row("duplicate event", "/events/2/id", "\"ev-talks\"", "/events/2/id", "duplicate event id \"ev-talks\" (first used at /events/0)");
    row("empty id", "/events/1/id", "\"\"", "/events/1/id", "expected a non-empty string");
    row("title number", "/events/0/title", "5", "/events/0/title", "expected a string, found an integer");
    row("missing date", "/events/1/date", "", "/events/1", "missing required field \"date\"");
    row("date not object", "/events/1/date", "\"2030-03-04\"", "/events/1/date", "expected an object, found a string");
    row("status", "/events/0/status", "\"done\"", "/events/0/status", "expected one of \"occurred\", \"planned\"");
    row("invalid day", "/events/0/date/start", "\"2030-02-30\"", "/events/0/date/start", "expected a calendar date YYYY-MM-DD, found \"2030-02-30\"");
    row("unpadded date", "/events/0/date/end", "\"2030-3-4\"", "/events/0/date/end", "expected a calendar date");
    row("empty date", "/events/0/date/start", "\"\"", "/events/0/date/start", "expected a calendar date");
    row("five-digit year", "/events/0/date/start", "\"99999-01-01\"", "/events/0/date/start", "expected a calendar date");
    row("end before start", "/events/2/date/end", "\"2030-03-01\"", "/events/2/date/end", "expected an end on or after the start 2030-03-11, found 2030-03-01");
    row("precision", "/events/0/date/precision", "\"hour\"", "/events/0/date/precision", "expected one of \"day\", \"days\"");
    row("basis", "/events/0/date/basis", "\"guess\"", "/events/0/date/basis", "expected one of \"stated\", \"relative\"");
    row("unknown anchor", "/events/0/date/anchor", "\"art-z\"", "/events/0/date/anchor", "unknown article id \"art-z\"");
    row("participants not array", "/events/0/participants", "{}", "/events/0/participants", "expected an array");
    row("unknown participant", "/events/0/participants/1/actor", "\"ghost\"", "/events/0/participants/1/actor", "unknown actor id \"ghost\"");
    row("role", "/events/0/participants/1/role", "\"boss\"", "/events/0/participants/1/role", "expected one of \"party\", \"mediator\"");
    row("unknown source article", "/events/1/sources/0/article", "\"art-z\"", "/events/1/sources/0/article", "unknown article id \"art-z\"");
    row("negative offset", "/events/1/sources/0/start", "-4", "/events/1/sources/0/start", "expected a non-negative offset, found -4");
    row("offset beyond 2^53", "/events/1/sources/0/end", "9007199254740993", "/events/1/sources/0/end", "no larger than 2^53");
    row("fractional offset", "/events/1/sources/0/start", "1.5", "/events/1/sources/0/start", "expected a non-negative integer, found 1.5");
    row("offset as string", "/events/1/sources/0/start", "\"3\"", "/events/1/sources/0/start", "expected a non-negative integer, found a string");
    row("reversed offsets", "/events/2/sources/0/end", "2", "/events/2/sources/0/end", "expected an end offset not before the start");
    row("offset beyond text", "/events/2/sources/0/end", "100000", "/events/2/sources/0/end", "lie outside the article text");
    row("exact not in text", "/events/1/sources/0/exact", "\"Missiles struck the harbour at dawn yesterday\"", "/events/1/sources/0/exact", "does not occur in article \"art-a\"");
    row("empty exact", "/events/1/sources/0/exact", "\"\"", "/events/1/sources/0/exact", "expected a non-empty string");
    row("claim not in text", "/events/0/disagreements/0/claims/0/exact", "\"on Wednesday night\"", "/events/0/disagreements/0/claims/0/exact", "do not occur in article \"art-a\"");
    row("claim article", "/events/0/disagreements/0/claims/1/article", "\"art-z\"", "/events/0/disagreements/0/claims/1/article", "unknown article id \"art-z\"");
    row("claims not array", "/events/0/disagreements/0/claims", "7", "/events/0/disagreements/0/claims", "expected an array, found an integer");
}

void DatasetReaderTest::badValueIsReportedAtItsJsonPath()
{
    QFETCH(QString, pointer);
    QFETCH(QString, value);
    QFETCH(QString, expectedPath);
    QFETCH(QString, expectedWords);

    Json json = minimal();
    const Json::json_pointer at(pointer.toStdString());
    if (value.isEmpty())
        json[at.parent_pointer()].erase(at.back());
    else
        json[at] = Json::parse(value.toStdString());

    const auto result = readJson(json);
    QVERIFY2(!result.ok(), "a dataset with errors must not load");
    const Diagnostic *found = find(result.diagnostics, expectedPath, expectedWords);
    QVERIFY2(found, qPrintable(dump(result.diagnostics)));
    QVERIFY(found->isError());
    QCOMPARE(found->file, QStringLiteral("test.json"));
}

void DatasetReaderTest::everyProblemIsReportedNotOnlyTheFirst()
{
    Json json = minimal();
    json["actors"][0]["side"] = "west";
    json["events"][0]["date"]["start"] = "2030-13-01";
    json["events"][2]["participants"][0]["actor"] = "ghost";
    const auto result = readJson(json);
    QVERIFY(!result.ok());
    QVERIFY(find(result.diagnostics, QStringLiteral("/actors/0/side"), QStringLiteral("unknown side")));
    QVERIFY(find(result.diagnostics, QStringLiteral("/events/0/date/start"), QStringLiteral("calendar date")));
    QVERIFY(find(result.diagnostics, QStringLiteral("/events/2/participants/0/actor"), QStringLiteral("unknown actor")));
    QCOMPARE(errorCount(result.diagnostics), 3);
}

void DatasetReaderTest::driftedOffsetsAreReanchoredWithAWarning()
{
    Json json = minimal();
    Json &source = json["events"][1]["sources"][0];
    const int start = source["start"].get<int>();
    const int end = source["end"].get<int>();
    source["start"] = start - 3;
    source["end"] = end - 3;
    const auto result = readJson(json);
    QVERIFY2(result.ok(), qPrintable(dump(result.diagnostics)));
    const QString expected = QStringLiteral("passage re-anchored from %1..%2 to %3..%4").arg(start - 3).arg(end - 3).arg(start).arg(end);
    const Diagnostic *found = find(result.diagnostics, QStringLiteral("/events/1/sources/0"), expected);
    QVERIFY2(found, qPrintable(dump(result.diagnostics)));
    QVERIFY(!found->isError());
    QCOMPARE(result.dataset->events.at(1).sources.at(0).start, start);
}

void DatasetReaderTest::editedPassageIsReanchoredApproximately()
{
    Json json = minimal();
    // The curator quoted "constructively"; the article says "constructive.".
    json["events"][1]["sources"][0]["exact"] = "The League said the talks were constructively";
    const auto result = readJson(json);
    QVERIFY2(result.ok(), qPrintable(dump(result.diagnostics)));
    QVERIFY2(find(result.diagnostics, QStringLiteral("/events/1/sources/0"), QStringLiteral("found approximately")),
             qPrintable(dump(result.diagnostics)));
    const SourcePassage &source = result.dataset->events.at(1).sources.at(0);
    const QString anchored = result.dataset->articles.at(0).text.mid(source.start, source.end - source.start);
    QVERIFY2(anchored.startsWith(QStringLiteral("The League said the talks were constructive")), qPrintable(anchored));
}

void DatasetReaderTest::changedArticleTextIsAWarning()
{
    Json json = minimal();
    json["articles"][0]["textSha256"] = std::string(64, '0');
    const auto result = readJson(json);
    QVERIFY(result.ok());
    const Diagnostic *found = find(result.diagnostics, QStringLiteral("/articles/0/textSha256"),
                                   QStringLiteral("article text changed since curation"));
    QVERIFY2(found, qPrintable(dump(result.diagnostics)));
    QVERIFY(!found->isError());
}

void DatasetReaderTest::unknownFieldIsAWarning()
{
    Json json = minimal();
    json["events"][0]["colour"] = "red";
    const auto result = readJson(json);
    QVERIFY(result.ok());
    QVERIFY(find(result.diagnostics, QStringLiteral("/events/0"), QStringLiteral("unknown field \"colour\" ignored")));
}

void DatasetReaderTest::versionOnePointZeroIsVersionOne()
{
    Json json = minimal();
    json["version"] = 1.0;
    QVERIFY(readJson(json).ok());
    json["version"] = 1.5;
    QVERIFY(find(readJson(json).diagnostics, QStringLiteral("/version"), QStringLiteral("unsupported version 1.5")));
}

void DatasetReaderTest::syntaxErrorNamesLineAndColumn()
{
    const QByteArray bytes = "{\n  \"format\": \"negotiation-timeline\",\n  \"title\": \xE2\x80\x9Coops\xE2\x80\x9D\n}\n";
    const auto result = DatasetReader::readBytes(bytes, QStringLiteral("broken.json"), QDir::tempPath());
    QVERIFY(!result.ok());
    QCOMPARE(result.diagnostics.size(), 1);
    const Diagnostic &d = result.diagnostics.first();
    QCOMPARE(d.line, 3);
    QCOMPARE(d.column, 12); // the curly quote, counted as one character
    QVERIFY2(d.message.startsWith(QStringLiteral("not valid JSON: ")), qPrintable(d.message));
    QVERIFY2(!d.message.contains(QStringLiteral("json.exception")), qPrintable(d.message));
    QVERIFY(d.toString().startsWith(QStringLiteral("broken.json:3:12: error: not valid JSON: ")));
}

void DatasetReaderTest::truncatedFileNamesWhereItEnds()
{
    const QByteArray whole = readAll(dataPath(QStringLiteral("valid/minimal.json")));
    for (const qsizetype cut : {qsizetype(1), whole.size() / 3, whole.size() / 2, whole.size() - 3}) {
        const QByteArray part = whole.left(cut);
        const auto result = DatasetReader::readBytes(part, QStringLiteral("cut.json"), QDir::tempPath());
        QVERIFY(!result.ok());
        QCOMPARE(result.diagnostics.size(), 1);
        const Diagnostic &d = result.diagnostics.first();
        QCOMPARE(d.line, int(part.count('\n')) + 1);
        QVERIFY2(d.message.contains(QStringLiteral("not valid JSON")), qPrintable(d.message));
    }
}

void DatasetReaderTest::invalidUtf8InJsonIsASyntaxError()
{
    const QByteArray bytes = "{\"format\": \"negotiation-timeline\", \"title\": \"caf\xE9\"}";
    const auto result = DatasetReader::readBytes(bytes, QStringLiteral("latin1.json"), QDir::tempPath());
    QVERIFY(!result.ok());
    QCOMPARE(result.diagnostics.first().line, 1);
    QVERIFY2(result.diagnostics.first().message.contains(QStringLiteral("UTF-8")),
             qPrintable(result.diagnostics.first().message));
}

void DatasetReaderTest::deepNestingIsRefused()
{
    const QByteArray bytes = QByteArray(100000, '[') + QByteArray(100000, ']');
    const auto result = DatasetReader::readBytes(bytes, QStringLiteral("deep.json"), QDir::tempPath());
    QVERIFY(!result.ok());
    QVERIFY2(result.diagnostics.first().message.contains(QStringLiteral("nested deeper than 64 levels")),
             qPrintable(result.diagnostics.first().message));
}

void DatasetReaderTest::hugeNumberOfProblemsIsCapped()
{
    Json json = minimal();
    const Json event = json["events"][0];
    for (int i = 0; i < 2000; ++i)
        json["events"].push_back(event); // 2000 duplicate ids
    const auto result = readJson(json);
    QVERIFY(!result.ok());
    QCOMPARE(result.diagnostics.size(), DatasetReader::maxReportedDiagnostics + 1);
    QVERIFY(result.diagnostics.last().message.contains(QStringLiteral("1500 more problems not listed")));
}

void DatasetReaderTest::missingFileIsReported()
{
    const auto result = DatasetReader::readFile(QStringLiteral("/nonexistent/dataset.json"));
    QVERIFY(!result.ok());
    QCOMPARE(result.diagnostics.first().toString(), QStringLiteral("/nonexistent/dataset.json: error: no such file"));
}

void DatasetReaderTest::folderIsReported()
{
    QTemporaryDir dir;
    const auto result = DatasetReader::readFile(dir.path());
    QVERIFY(!result.ok());
    QVERIFY(result.diagnostics.first().message.contains(QStringLiteral("is a folder")));
}

void DatasetReaderTest::emptyFileIsReported()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("empty.json"));
    QVERIFY(writeFile(path, " \n"));
    const auto result = DatasetReader::readFile(path);
    QVERIFY(!result.ok());
    QCOMPARE(result.diagnostics.first().message, QStringLiteral("file is empty; expected a JSON dataset"));
}

void DatasetReaderTest::fileOverTheSizeLimitIsRefusedUnread()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("huge.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(DatasetReader::maxFileSize + 1)); // sparse: costs no disk
    file.close();
    const auto result = DatasetReader::readFile(path);
    QVERIFY(!result.ok());
    QVERIFY2(result.diagnostics.first().message.contains(QStringLiteral("the largest dataset read is 256 MiB")),
             qPrintable(result.diagnostics.first().message));
}

void DatasetReaderTest::textFileProblemsAreReported_data()
{
    QTest::addColumn<QString>("textFile");
    QTest::addColumn<QString>("expectedWords");
    QTest::newRow("parent folder") << QStringLiteral("../../etc/passwd") << QStringLiteral("leaves the dataset's folder");
    QTest::newRow("sneaky parent") << QStringLiteral("articles/../../x.txt") << QStringLiteral("leaves the dataset's folder");
    QTest::newRow("absolute") << QStringLiteral("/etc/passwd") << QStringLiteral("expected a path relative to the dataset's folder");
    QTest::newRow("resource") << QStringLiteral(":/datasets/x.txt") << QStringLiteral("expected a path relative");
    QTest::newRow("missing") << QStringLiteral("articles/none.txt") << QStringLiteral("cannot read article text \"articles/none.txt\"");
    QTest::newRow("folder") << QStringLiteral("articles") << QStringLiteral("is a folder, not a regular file");
    QTest::newRow("NUL in the name") << QStringLiteral("articles/a.txt").append(QChar(u'\0')) << QStringLiteral("contains a control character");
    QTest::newRow("newline in the name") << QStringLiteral("articles/a\n.txt") << QStringLiteral("contains a control character");
}

void DatasetReaderTest::textFileProblemsAreReported()
{
    QFETCH(QString, textFile);
    QFETCH(QString, expectedWords);
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("data/articles")));
    Json json = minimal();
    json["articles"][0].erase("text");
    json["articles"][0]["textFile"] = textFile.toStdString();
    const auto result = readJson(json, dir.filePath(QStringLiteral("data")));
    QVERIFY(!result.ok());
    QVERIFY2(find(result.diagnostics, QStringLiteral("/articles/0/textFile"), expectedWords), qPrintable(dump(result.diagnostics)));
}

void DatasetReaderTest::symbolicLinkOutOfTheFolderIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("data")));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("secret.txt")), "secret"));
    QVERIFY(QFile::link(dir.filePath(QStringLiteral("secret.txt")), dir.filePath(QStringLiteral("data/link.txt"))));
    Json json = minimal();
    json["articles"][0].erase("text");
    json["articles"][0]["textFile"] = "link.txt";
    const auto result = readJson(json, dir.filePath(QStringLiteral("data")));
    QVERIFY(!result.ok());
    QVERIFY2(find(result.diagnostics, QStringLiteral("/articles/0/textFile"), QStringLiteral("outside the dataset's folder")),
             qPrintable(dump(result.diagnostics)));
}

void DatasetReaderTest::invalidUtf8ArticleTextIsAnError()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("latin1.txt")), "caf\xE9 talks"));
    Json json = minimal();
    json["articles"][0].erase("text");
    json["articles"][0]["textFile"] = "latin1.txt";
    const auto result = readJson(json, dir.path());
    QVERIFY(!result.ok());
    QVERIFY2(find(result.diagnostics, QStringLiteral("/articles/0/textFile"), QStringLiteral("is not valid UTF-8")),
             qPrintable(dump(result.diagnostics)));
}

void DatasetReaderTest::diagnosticFormatsNameTheLocation()
{
    Diagnostic d;
    d.file = QStringLiteral("a.json");
    d.jsonPath = QStringLiteral("/events/2/date/start");
    d.message = QStringLiteral("expected a date");
    QCOMPARE(d.toString(), QStringLiteral("a.json: /events/2/date/start: error: expected a date"));
    d.severity = Diagnostic::Severity::Warning;
    QCOMPARE(d.toString(), QStringLiteral("a.json: /events/2/date/start: warning: expected a date"));
    d.line = 4;
    d.column = 7;
    QCOMPARE(d.toString(), QStringLiteral("a.json:4:7: warning: expected a date"));
}

void DatasetReaderTest::outlineFindsTheElementsOfTheRootArray()
{
    const std::string json =
        R"({"a": "[\"events\": [", "x": {"events": [9]}, "events" : [ {"b": "]"} , [1, 2],"s\\"  ], "z": [1]})";
    const JsonOutline outline = JsonOutline::scan(json, 64, {"z", "events", "none"}, 100);
    QCOMPARE(outline.depth(), 3);
    const JsonOutline::Array &events = outline.array(1);
    QVERIFY(events.found);
    QCOMPARE(json.substr(std::size_t(events.range.begin),
                         std::size_t(events.range.end - events.range.begin)),
             std::string(R"([ {"b": "]"} , [1, 2],"s\\"  ])"));
    QCOMPARE(events.elementCount, qsizetype(3));
    QStringList elements;
    for (const JsonOutline::Range &range : events.elements)
        elements.append(QString::fromStdString(
            json.substr(std::size_t(range.begin), std::size_t(range.end - range.begin))));
    QCOMPARE(elements, QStringList({QStringLiteral(R"( {"b": "]"} )"), QStringLiteral(" [1, 2]"),
                                    QStringLiteral(R"("s\\"  )")}));
    QCOMPARE(outline.array(0).elementCount, qsizetype(1));
    QVERIFY(!outline.array(2).found);

    const auto scan = [](const char *text, qsizetype maxElements = 100) {
        return JsonOutline::scan(text, 64, {"events"}, maxElements).array(0);
    };
    QVERIFY(scan(R"({"events": []})").found);
    QCOMPARE(scan(R"({"events": []})").elementCount, qsizetype(0));
    QCOMPARE(scan(R"({"events": [ ]})").elementCount, qsizetype(0));
    QCOMPARE(scan(R"({"events": [1,]})").elementCount,
             qsizetype(2));                         // the empty one fails to parse
    QVERIFY(!scan(R"({"events": [1, "2]})").found); // does not end
    QVERIFY(!scan(R"([{"events": [1]}])").found);   // not the root object
    // The last of repeated keys counts, as for a parser; escapes are decoded.
    QVERIFY(!scan(R"({"events": [1], "events": {}})").found);
    QCOMPARE(scan(R"({"events": [1], "ev\u0065nts": [1, 2]})").elementCount, qsizetype(2));
    // Beyond the limit the elements are counted, not recorded.
    QCOMPARE(scan(R"({"events": [1, 2, 3]})", 2).elementCount, qsizetype(3));
    QVERIFY(scan(R"({"events": [1, 2, 3]})", 2).elements.empty());
    QCOMPARE(JsonOutline::scan("[[[[]]]]", 3, {"events"}, 100).depth(), 4);
}

void DatasetReaderTest::manyEventsLoadAsOne()
{
    const int count = 3000;
    const auto result = readJson(manyEvents(count));
    QVERIFY2(result.ok(), qPrintable(dump(result.diagnostics)));
    QVERIFY2(result.diagnostics.isEmpty(), qPrintable(dump(result.diagnostics)));
    QCOMPARE(result.dataset->events.size(), count);
    for (int i = 0; i < count; ++i) {
        const Event &event = result.dataset->events.at(i);
        QCOMPARE(event.id, QStringLiteral("ev-%1").arg(i));
        for (const SourcePassage &source : event.sources) {
            const QString &articleText = result.dataset->article(source.articleId)->text;
            QCOMPARE(articleText.mid(source.start, source.end - source.start), source.exact);
        }
    }
}

void DatasetReaderTest::errorsInEveryShareComeInFileOrder()
{
    const int count = 3000;
    Json json = manyEvents(count);
    QStringList expected;
    for (int i = 0; i < count; i += 97) {
        json["events"][std::size_t(i)]["title"] = i; // an error
        expected.append(QStringLiteral("/events/%1/title").arg(i));
        if (i % 2 == 0) {
            json["events"][std::size_t(i)]["colour"] = "red"; // and a warning before it
            expected.insert(expected.size() - 1, QStringLiteral("/events/%1").arg(i));
        }
    }
    json["events"][count - 1]["participants"][0]["actor"] = "ghost"; // in the last share
    expected.append(QStringLiteral("/events/%1/participants/0/actor").arg(count - 1));
    json["events"][count - 2]["id"] = "ev-5"; // reported after all events are read
    expected.append(QStringLiteral("/events/%1/id").arg(count - 2));
    const auto result = readJson(json);
    QVERIFY(!result.ok());
    QStringList paths;
    for (const Diagnostic &d : result.diagnostics)
        paths.append(d.jsonPath);
    QCOMPARE(paths, expected);
    QVERIFY(
        result.diagnostics.last().message.contains(QStringLiteral("(first used at /events/5)")));
    QCOMPARE(result.diagnostics.at(paths.indexOf(QStringLiteral("/events/2910/title"))).message,
             QStringLiteral("expected a string, found an integer"));
}

void DatasetReaderTest::cappedDiagnosticsAreTheFirstInFileOrder()
{
    const int count = 2000;
    Json json = manyEvents(count);
    for (Json &event : json["events"])
        event["colour"] = "red";
    const auto result = readJson(json);
    QVERIFY2(result.ok(), "warnings only");
    QCOMPARE(result.diagnostics.size(), DatasetReader::maxReportedDiagnostics + 1);
    for (int i = 0; i < DatasetReader::maxReportedDiagnostics; ++i)
        QCOMPARE(result.diagnostics.at(i).jsonPath, QStringLiteral("/events/%1").arg(i));
    QCOMPARE(result.diagnostics.last().message, QStringLiteral("1500 more problems not listed"));
    QVERIFY(!result.diagnostics.last().isError());

    json["events"][count - 1]["title"] = 5; // one error, far past the cap
    const auto withError = readJson(json);
    QCOMPARE(withError.diagnostics.size(), DatasetReader::maxReportedDiagnostics + 1);
    QCOMPARE(withError.diagnostics.last().message, QStringLiteral("1501 more problems not listed"));
    QVERIFY(withError.diagnostics.last().isError());
    QVERIFY(!withError.ok());
}

void DatasetReaderTest::syntaxErrorAnywhereIsTheWholeDocumentsFirst_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const QByteArray whole = text(manyEvents(3000));
    const qsizetype events = whole.indexOf("\"events\"");
    const qsizetype lastEvent = whole.lastIndexOf("\"id\": \"ev-");
    const auto replaced = [&](qsizetype at, qsizetype length, const QByteArray &with) {
        return QByteArray(whole).replace(at, length, with);
    };
    QTest::newRow("before the events") << replaced(whole.indexOf("\"sides\""), 1, "'");
    QTest::newRow("in an article") << replaced(whole.indexOf("\"text\": ") + 12, 0, "\\x");
    QTest::newRow("between articles")
        << replaced(whole.indexOf("},", whole.indexOf("\"articles\"")) + 1, 1, "");
    QTest::newRow("in the first event") << replaced(whole.indexOf("\"title\"", events), 0, ",");
    QTest::newRow("in the last event") << replaced(lastEvent, 0, "\x01");
    QTest::newRow("missing comma between events")
        << replaced(whole.lastIndexOf("},", lastEvent) + 1, 1, "");
    QTest::newRow("garbage between events")
        << replaced(whole.lastIndexOf("},", lastEvent) + 1, 0, " x");
    QTest::newRow("trailing comma") << replaced(whole.lastIndexOf("}\n  ]"), 1, "},");
    QTest::newRow("two commas") << replaced(whole.lastIndexOf("},", lastEvent) + 1, 1, ",,");
    QTest::newRow("cut in the last event") << whole.left(lastEvent + 20);
    QTest::newRow("after the events") << whole.left(whole.lastIndexOf('}')) + "x}";
    // A byte-order mark right where an element begins (after "[" or ","): the element alone
    // would parse, the document does not.
    QTest::newRow("BOM before the first event")
        << replaced(whole.indexOf("[", events) + 1, 0, "\xEF\xBB\xBF");
    QTest::newRow("BOM before a later event")
        << replaced(whole.lastIndexOf("},", lastEvent) + 2, 0, "\xEF\xBB\xBF");
    QTest::newRow("BOM before an article")
        << replaced(whole.indexOf("[", whole.indexOf("\"articles\"")) + 1, 0, "\xEF\xBB\xBF");
    QTest::newRow("number overflow in an event")
        << replaced(whole.lastIndexOf("\"start\": ") + 9, 0, "1e999, \"x\": ");
}

void DatasetReaderTest::syntaxErrorAnywhereIsTheWholeDocumentsFirst()
{
    QFETCH(QByteArray, bytes);
    const auto result =
        DatasetReader::readBytes(bytes, QStringLiteral("broken.json"), QDir::tempPath());
    QVERIFY(!result.ok());
    QCOMPARE(result.diagnostics.size(), 1);
    const Diagnostic &d = result.diagnostics.first();
    const QString expected = wholeDocumentSyntaxError(bytes);
    if (expected.startsWith(QLatin1String("cannot parse: "))) {
        // Not a syntax error (a number too large): located where the number is.
        const qsizetype at = bytes.indexOf("1e999");
        QVERIFY(at > 0);
        QCOMPARE(d.line, int(bytes.left(at).count('\n')) + 1);
        QCOMPARE(d.column, int(at - bytes.lastIndexOf('\n', at)) + 5);
        QCOMPARE(d.message, QStringLiteral("not valid JSON: number overflow parsing '1e999'"));
        return;
    }
    QVERIFY2(d.message.startsWith(QStringLiteral("not valid JSON: ")), qPrintable(d.message));
    QCOMPARE(QStringLiteral("%1:%2: %3").arg(d.line).arg(d.column).arg(d.message.mid(16)),
             expected);
}

void DatasetReaderTest::repeatedOrEscapedEventsKeyReadsAsAParserReadsIt()
{
    const QByteArray bytes = text(manyEvents(10));
    const qsizetype at = bytes.indexOf("\"events\"");
    // The last of repeated keys wins, whether it is an array or not.
    QByteArray repeated = bytes;
    repeated.insert(at, R"("events": [{"id": "gone"}], )");
    auto result = DatasetReader::readBytes(repeated, QStringLiteral("t.json"), QDir::tempPath());
    QVERIFY2(result.ok(), qPrintable(dump(result.diagnostics)));
    QCOMPARE(result.dataset->events.size(), 10);
    QByteArray replaced = bytes;
    replaced.insert(replaced.lastIndexOf('}'), R"(, "events": 5)");
    result = DatasetReader::readBytes(replaced, QStringLiteral("t.json"), QDir::tempPath());
    QVERIFY(find(result.diagnostics, QStringLiteral("/events"),
                 QStringLiteral("expected an array, found an integer")));
    QByteArray articlesTwice = bytes;
    articlesTwice.insert(bytes.indexOf("\"articles\""), R"("articles": [{"id": "gone"}], )");
    result = DatasetReader::readBytes(articlesTwice, QStringLiteral("t.json"), QDir::tempPath());
    QVERIFY2(result.ok(), qPrintable(dump(result.diagnostics)));
    QCOMPARE(result.dataset->articles.size(), 2);
    // An escaped key is the same key.
    QByteArray escaped = bytes;
    escaped.replace(at, 8, R"("ev\u0065nts")");
    result = DatasetReader::readBytes(escaped, QStringLiteral("t.json"), QDir::tempPath());
    QVERIFY2(result.ok(), qPrintable(dump(result.diagnostics)));
    QCOMPARE(result.dataset->events.size(), 10);
    // "events" deeper down is just data.
    QByteArray nested = bytes;
    nested.replace(at, 8, R"("extra": {"events": [1]}, "events")");
    result = DatasetReader::readBytes(nested, QStringLiteral("t.json"), QDir::tempPath());
    QVERIFY(find(result.diagnostics, QStringLiteral("/"),
                 QStringLiteral("unknown field \"extra\" ignored")));
    QCOMPARE(result.dataset->events.size(), 10);
}

void DatasetReaderTest::searchBudgetIsSpentInFileOrder()
{
    // Each search of a 10,000-character quote absent from a 20,000-character text costs
    // 400 million of the 1,000 million steps: two fit, the third does not, wherever it is read.
    Json json = manyEvents(600);
    citeOnlyTheFirstPassage(json);
    json["articles"][1]["text"] = std::string(20000, 'b');
    json["articles"][1].erase("textSha256");
    const std::string quote(10000, 'c');
    for (const std::size_t i : {std::size_t(0), std::size_t(1), std::size_t(599)}) {
        Json &source = json["events"][i]["sources"][0];
        source["article"] = "art-b";
        source["exact"] = quote;
        source["start"] = 0;
        source["end"] = 10000;
    }
    const auto result = readJson(json);
    QVERIFY(!result.ok());
    const QString notFound = QStringLiteral(
        ": error: the passage does not occur in article \"art-b\", not even approximately");
    QCOMPARE(
        dump(result.diagnostics),
        QStringList(
            {QStringLiteral("test.json: /events/0/sources/0/exact") + notFound,
             QStringLiteral("test.json: /events/1/sources/0/exact") + notFound,
             QStringLiteral("test.json: /events/599/sources/0/exact: error: the passage is not at "
                            "its offsets and searching for it costs more than is left (this "
                            "load's search budget is spent)")})
            .join(u'\n'));
}

// Every event cites `exact` in article "art-b" at `start`, with no context.
void citeInArticleB(Json &json, const std::string &exact, const std::function<int(int)> &start)
{
    citeOnlyTheFirstPassage(json);
    json["articles"][1].erase("textSha256");
    for (std::size_t i = 0; i < json["events"].size(); ++i) {
        Json &source = json["events"][i]["sources"][0];
        source["article"] = "art-b";
        source["exact"] = exact;
        source.erase("prefix");
        source.erase("suffix");
        source["start"] = start(int(i));
        source["end"] = start(int(i)) + int(exact.size());
    }
}

void DatasetReaderTest::repeatedQuoteWithWrongOffsetsIsScannedForOnce()
{
    // Issue 12 item 7, at test size: 600 events cite a quote that occurs 2,000 times, each
    // one character off. The article is scanned for it once, and each passage lands on
    // the occurrence nearest its offsets.
    Json json = manyEvents(600);
    std::string text;
    for (int i = 0; i < 2000; ++i)
        text += "The envoys met. ";
    json["articles"][1]["text"] = text;
    const auto wrongStart = [](int i) { return 16 * (i * 3 % 2000) + 5; }; // 1 past "envoys"
    citeInArticleB(json, "envoys met", wrongStart);
    const qint64 scannedBefore = OccurrenceIndex::charactersScanned();
    const auto result = readJson(json);
    const qint64 scanned = OccurrenceIndex::charactersScanned() - scannedBefore;
    QVERIFY2(result.ok(), qPrintable(dump(result.diagnostics)));
    for (int i = 0; i < 600; ++i)
        QCOMPARE(result.dataset->events.at(i).sources.at(0).start, wrongStart(i) - 1);
    QVERIFY(find(result.diagnostics, QStringLiteral("/events/0/sources/0"),
                 QStringLiteral("passage re-anchored from 5..15 to 4..14: found verbatim")));
    QCOMPARE(scanned, qint64(text.size()));
}

void DatasetReaderTest::quoteAtTheEndOfALongTextIsScannedForOnce()
{
    // Item 8, at test size: 600 passages whose quote ends a long text, all stored at 0.
    Json json = manyEvents(600);
    const std::string text = std::string(200000, 'x') + " the final word";
    json["articles"][1]["text"] = text;
    citeInArticleB(json, "the final word", [](int) { return 0; });
    const qint64 scannedBefore = OccurrenceIndex::charactersScanned();
    const auto result = readJson(json);
    const qint64 scanned = OccurrenceIndex::charactersScanned() - scannedBefore;
    QVERIFY2(result.ok(), qPrintable(dump(result.diagnostics)));
    for (const Event &event : result.dataset->events)
        QCOMPARE(event.sources.at(0).start, int(text.size()) - 14);
    QCOMPARE(scanned, qint64(text.size()));
}

void DatasetReaderTest::missingClaimIsScannedForOnce()
{
    // Item 8, at test size: 480 claims (two in each of 240 events) not in a long text.
    Json json = manyEvents(240);
    citeOnlyTheFirstPassage(json);
    json["articles"][1]["text"] = std::string(200000, 'x');
    json["articles"][1].erase("textSha256");
    const Json claim = {{"article", "art-b"}, {"exact", "words not there"}, {"says", "s"}};
    for (Json &event : json["events"])
        event["disagreements"] = Json::array({{{"topic", "t"}, {"claims", {claim, claim}}}});
    const qint64 scannedBefore = OccurrenceIndex::charactersScanned();
    const auto result = readJson(json);
    const qint64 scanned = OccurrenceIndex::charactersScanned() - scannedBefore;
    QVERIFY(!result.ok());
    QCOMPARE(result.diagnostics.size(), 480);
    QVERIFY(find(result.diagnostics, QStringLiteral("/events/239/disagreements/0/claims/1/exact"),
                 QStringLiteral("the quoted words do not occur in article \"art-b\"")));
    QCOMPARE(scanned, qint64(200000));
}

void DatasetReaderTest::claimSearchesSpendTheSameBudget()
{
    // The approximate search of event 0 (a 24,999-character quote in a 20,000-character
    // text, 999,960,000 steps) leaves 40,000 of the budget: two scans of the text for
    // claims. The third claim, read last (by the other thread when there is one), is
    // refused, not searched for unbudgeted.
    Json json = manyEvents(600);
    citeOnlyTheFirstPassage(json);
    json["articles"][1]["text"] = std::string(20000, 'b');
    json["articles"][1].erase("textSha256");
    Json &source = json["events"][0]["sources"][0];
    source["article"] = "art-b";
    source["exact"] = std::string(24999, 'c');
    source["start"] = 0;
    source["end"] = 1;
    const auto claims = [](const std::string &words) {
        const Json claim = {{"article", "art-b"}, {"exact", words}, {"says", "s"}};
        return Json::array({{{"topic", "t"}, {"claims", {claim, claim}}}});
    };
    json["events"][1]["disagreements"] = claims("first");
    json["events"][2]["disagreements"] = claims("second");
    json["events"][599]["disagreements"] = claims("third");
    const auto result = readJson(json);
    QVERIFY(!result.ok());
    const QString notThere = QStringLiteral("the quoted words do not occur in article \"art-b\"");
    for (const char *path : {"/events/1/disagreements/0/claims/0/exact", "/events/1/disagreements/0/claims/1/exact",
                             "/events/2/disagreements/0/claims/0/exact", "/events/2/disagreements/0/claims/1/exact"})
        QVERIFY2(find(result.diagnostics, QLatin1String(path), notThere), path);
    for (const char *path : {"/events/599/disagreements/0/claims/0/exact", "/events/599/disagreements/0/claims/1/exact"})
        QVERIFY2(find(result.diagnostics, QLatin1String(path), QStringLiteral("search budget is spent")), path);
    QCOMPARE(result.diagnostics.size(), 7);
}

void DatasetReaderTest::eventsReadAgainKeepOnlyTheirOwnBytes()
{
    // Every third event has claims, which a reader ahead (no budget) leaves to be read again
    // in order. The file's bytes are given back as they are read on every thread all the
    // same, those of an event read again once it has been: keeping all that followed it kept
    // the other threads' half of the file until the end. What is read must not change.
    const QByteArray bytes = text(manyEvents(9000));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("many.json"));
    QVERIFY(writeFile(path, bytes));
    const qint64 releasedBefore = FileBuffer::bytesReleased();
    const auto fromFile = DatasetReader::readFile(path);
    const qint64 released = FileBuffer::bytesReleased() - releasedBefore;
    QVERIFY2(released >= bytes.size() * 8 / 10,
             qPrintable(QStringLiteral("%1 of %2 bytes given back").arg(released).arg(bytes.size())));
    const auto fromBytes = DatasetReader::readBytes(bytes, path, dir.path());
    QVERIFY(fromFile.ok());
    QCOMPARE(dump(fromFile.diagnostics), dump(fromBytes.diagnostics));
    QCOMPARE(fromFile.dataset->events.size(), 9000);
    QCOMPARE(fromFile.dataset->events.size(), fromBytes.dataset->events.size());
    for (qsizetype i = 0; i < fromFile.dataset->events.size(); ++i)
        QCOMPARE(describe(fromFile.dataset->events.at(i)), describe(fromBytes.dataset->events.at(i)));
}

void DatasetReaderTest::emptyArticleTextIsSkippedAfterAnEarlierError()
{
    const int count = 600;
    Json json = manyEvents(count);
    citeOnlyTheFirstPassage(json);
    json["articles"][1]["text"] = "";
    json["articles"][1].erase("textSha256");
    Json &last = json["events"][count - 1]["sources"][0];
    last["article"] = "art-b";
    last["exact"] = "abc";
    last["start"] = 0;
    last["end"] = 3;
    // Without an error before it, the passage is reported...
    auto result = readJson(json);
    QCOMPARE(
        dump(result.diagnostics),
        QStringLiteral("test.json: /events/%1/sources/0/end: error: offsets 0..3 lie outside the "
                       "article text (0 characters)")
            .arg(count - 1));
    // ...after one, an empty text counts as unreadable, and reported already.
    json["events"][1]["title"] = 5;
    result = readJson(json);
    QCOMPARE(
        dump(result.diagnostics),
        QStringLiteral("test.json: /events/1/title: error: expected a string, found an integer"));
}

// Well-formed events are read straight from the text, anything else from a DOM. An unknown
// field sends an event the DOM way, where it only adds a warning: with and without it, the
// event and every other diagnostic must be the same.
void DatasetReaderTest::eventReadsAlikeWithoutADom_data()
{
    QTest::addColumn<QByteArray>("from"); // replaced in the event's text, once
    QTest::addColumn<QByteArray>("to");
    const auto row = [](const char *name, const char *from, const char *to) {
        QTest::newRow(name) << QByteArray(from) << QByteArray(to);
    };
    row("as it is", "", "");
    row("escapes", R"("Talks in Lakeside")",
        R"("T\"a\\l\/k\b\f\n\r\t caf\u00e9 \u00C9 \ud83d\ude00 \u0000 \u20AC end")");
    row("UTF-8 of every length", R"("Talks in Lakeside")",
        "\"Gespr\xC3\xA4" "che \xE2\x80\x93 \xE0\xA4\x85 \xED\x9F\xBF "
        "\xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF\"");
    row("empty summary", R"("Delegations of North and South meet with the League mediating.")",
        R"("")");
    row("blank title", R"("Talks in Lakeside")", R"(" \t ")");
    row("null prefix", R"("prefix": "")", R"("prefix": null)");
    row("absent optional fields", R"("place": "Lakeside",)", "");
    row("absent note and end", R"("end": "2030-03-04",)", "");
    row("note given", R"("note": null)", R"("note": "noted")");
    row("days", R"("end": "2030-03-04",
        "precision": "day")",
        R"("end": "2030-03-06", "precision": "days")");
    row("day spanning days", R"("end": "2030-03-04")", R"("end": "2030-03-06")");
    row("end before start", R"("end": "2030-03-04")", R"("end": "2030-03-01")");
    row("not a date", R"("start": "2030-03-04")", R"("start": "2030-3-4")");
    row("end null", R"("end": "2030-03-04")", R"("end": null)");
    row("repeated key", R"("title": "Talks in Lakeside",)",
        R"("title": "First", "title": "Second",)");
    row("escaped key", R"("title")", R"("t\u0069tle")");
    row("lone low surrogate", R"("Talks in Lakeside")", R"("\udc00")");
    row("lone high surrogate", R"("Talks in Lakeside")", R"("\ud83d x")");
    row("bad escape", R"("Talks in Lakeside")", R"("\x41")");
    row("overlong UTF-8", R"("Talks in Lakeside")", "\"\xC0\x80\"");
    row("UTF-8 surrogate", R"("Talks in Lakeside")", "\"\xED\xA0\x80\"");
    row("raw tab", R"("Talks in Lakeside")", "\"Talks\tin Lakeside\"");
    row("offset as float", R"("start": 0)", R"("start": 0.0)");
    row("offset with exponent", R"("start": 0)", R"("start": 0e0)");
    row("offset with leading zero", R"("end": 63)", R"("end": 063)");
    row("negative offset", R"("start": 0)", R"("start": -0)");
    row("offset past 2^53", R"("end": 63)", R"("end": 9007199254740993)");
    row("offset of 2^53", R"("end": 63)", R"("end": 9007199254740992)");
    row("offset past the text", R"("end": 63)", R"("end": 99999)");
    row("drifted offsets", R"("start": 0,
          "end": 63)",
        R"("start": 2, "end": 65)");
    row("end off the passage", R"("end": 63)", R"("end": 64)");
    row("unknown actor", R"("actor": "league")", R"("actor": "nobody")");
    row("unknown article", R"("article": "art-b")", R"("article": "art-z")");
    row("unknown anchor", R"("anchor": "art-a")", R"("anchor": "art-z")");
    row("bad role", R"("role": "mediator")", R"("role": "referee")");
    row("bad status", R"("status": "occurred")", R"("status": "done")");
    row("summary null", R"("Delegations of North and South meet with the League mediating.")",
        "null");
    row("no sources", R"("sources": [)", R"("sources": [], "was": [)");
    row("a disagreement", R"("disagreements": [])",
        R"("disagreements": [{"topic": "Day", "claims": [)"
        R"({"article": "art-a", "exact": "on Monday", "says": "Monday"},)"
        R"({"article": "art-b", "exact": "on Tuesday", "says": "Tuesday"}]}])");
    row("truncated", R"("note": null
    })",
        R"("note": null)");
}

void DatasetReaderTest::eventReadsAlikeWithoutADom()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    Json json = minimal();
    json["events"] = Json::array({json["events"][0]});
    json["events"][0]["disagreements"] = Json::array();
    QByteArray bytes = text(json);
    const qsizetype eventAt = bytes.indexOf("\"events\"");
    if (!from.isEmpty()) {
        const qsizetype at = bytes.indexOf(from, eventAt);
        QVERIFY2(at >= 0, from.constData());
        bytes.replace(at, from.size(), to);
    }
    const qsizetype objectAt = bytes.indexOf('{', eventAt);
    QByteArray withUnknownField = bytes;
    withUnknownField.insert(objectAt + 1, R"("zz-unknown": true, )");

    const auto quick = DatasetReader::readBytes(bytes, QStringLiteral("t.json"), QDir::tempPath());
    const auto viaDom =
        DatasetReader::readBytes(withUnknownField, QStringLiteral("t.json"), QDir::tempPath());
    const QString unknownWarning = QStringLiteral("unknown field \"zz-unknown\" ignored");
    QVERIFY2(viaDom.diagnostics.isEmpty() ||
                 std::any_of(viaDom.diagnostics.cbegin(), viaDom.diagnostics.cend(),
                             [&](const Diagnostic &d) {
                                 return d.message == unknownWarning ||
                                        d.message.startsWith(QStringLiteral("not valid JSON"));
                             }),
             qPrintable(dump(viaDom.diagnostics)));
    QCOMPARE(outcome(quick, unknownWarning), outcome(viaDom, unknownWarning));
}

// Articles whose values are all strings or null are read without the parser; a number sends
// one to the parser.
void DatasetReaderTest::articleReadsAlikeWithoutADom_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    const auto row = [](const char *name, const char *from, const char *to) {
        QTest::newRow(name) << QByteArray(from) << QByteArray(to);
    };
    row("as it is", "", "");
    row("escapes", R"("Lakeside talks open")", R"("L\"a\\k\/e\n\u00e9\ud83d\ude00\u0000")");
    row("UTF-8", R"("Lakeside talks open")", "\"Gespr\xC3\xA4" "che \xF0\x9F\x98\x80\"");
    row("repeated key", R"("title": "Lakeside talks open",)",
        R"("title": "First", "title": "Second",)");
    row("escaped key", R"("title")", R"("t\u0069tle")");
    row("lone surrogate", R"("Lakeside talks open")", R"("\udc00")");
    row("overlong UTF-8", R"("Lakeside talks open")", "\"\xC0\x80\"");
    row("null title", R"("Lakeside talks open")", "null");
    row("object title", R"("Lakeside talks open")", R"({"a": "b"})");
    row("empty", R"({
      "id": "art-a")",
        R"({}, {
      "id": "art-a")");
}

void DatasetReaderTest::articleReadsAlikeWithoutADom()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QByteArray bytes = text(minimal());
    const qsizetype articlesAt = bytes.indexOf("\"articles\"");
    if (!from.isEmpty()) {
        const qsizetype at = bytes.indexOf(from, articlesAt);
        QVERIFY2(at >= 0, from.constData());
        bytes.replace(at, from.size(), to);
    }
    const qsizetype objectAt = bytes.indexOf("\"id\": \"art-a\"", articlesAt);
    QByteArray flat = bytes;
    flat.insert(objectAt, R"("zz-unknown": "x", )");
    QByteArray notFlat = bytes;
    notFlat.insert(objectAt, R"("zz-unknown": 1, )");
    const auto describeArticles = [](const DatasetReader::Result &result) {
        QStringList lines;
        for (const Diagnostic &d : result.diagnostics)
            lines.append(d.toString());
        if (result.ok()) {
            for (const Article &article : result.dataset->articles) {
                lines.append(QStringList{article.id, article.title, article.publisher,
                                         article.url, article.published.toString(Qt::ISODate),
                                         article.text, article.textSha256,
                                         article.publisher.isNull() ? QStringLiteral("null")
                                                                    : QStringLiteral("-")}
                                 .join(u'|'));
            }
        }
        return lines.join(u'\n');
    };
    const auto quick = DatasetReader::readBytes(flat, QStringLiteral("t.json"), QDir::tempPath());
    const auto viaParser =
        DatasetReader::readBytes(notFlat, QStringLiteral("t.json"), QDir::tempPath());
    QCOMPARE(describeArticles(quick), describeArticles(viaParser));
}

QTEST_GUILESS_MAIN(DatasetReaderTest)
#include "datasetreadertest.moc"
