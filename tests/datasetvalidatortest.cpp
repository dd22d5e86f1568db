#include "datasetvalidator.h"
#include "datasetreader.h"
#include "datasetwriter.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ntl;

namespace {

const QString articleText =
    QStringLiteral("The talks began in Geneva on Monday. Both sides attended.");

SourcePassage passage(const QString &articleId, const QString &exact) {
    SourcePassage source;
    source.articleId = articleId;
    source.exact = exact;
    const qsizetype at = articleText.indexOf(exact);
    source.storedStart = source.start = int(at < 0 ? 0 : at);
    source.storedEnd = source.end = int(source.start + exact.size());
    return source;
}

Event makeEvent(const QString &id, const QString &actorId) {
    Event e;
    e.id = id;
    e.title = QStringLiteral("Talks ") + id;
    e.summary = QStringLiteral("Talks were held.");
    e.kind = QStringLiteral("meeting");
    e.date.start = e.date.end = QDate(2025, 3, 3);
    e.participants.append(Participant{actorId, ParticipantRole::Party});
    e.sources.append(passage(QStringLiteral("a1"), QStringLiteral("talks began")));
    return e;
}

// A dataset with nothing to report, built in memory.
Dataset validDataset() {
    Dataset d;
    d.title = QStringLiteral("Test");
    d.sides = {Side{QStringLiteral("s1"), QStringLiteral("North")},
               Side{QStringLiteral("s2"), QStringLiteral("South")}};
    Article article;
    article.id = QStringLiteral("a1");
    article.title = QStringLiteral("Talks begin");
    article.published = QDate(2025, 3, 3);
    article.text = articleText;
    d.articles = {article};
    Actor first;
    first.id = QStringLiteral("x1");
    first.name = QStringLiteral("Ann");
    first.sideId = QStringLiteral("s1");
    Actor second;
    second.id = QStringLiteral("x2");
    second.name = QStringLiteral("Bob");
    second.affiliationId = QStringLiteral("x1");
    d.actors = {first, second};
    d.events = {makeEvent(QStringLiteral("e1"), QStringLiteral("x1")),
                makeEvent(QStringLiteral("e2"), QStringLiteral("x2"))};
    d.reindex();
    return d;
}

QStringList lines(const Diagnostics &diagnostics) {
    QStringList result;
    for (const Diagnostic &d : diagnostics)
        result.append(QStringLiteral("%1 %2: %3")
                          .arg(d.isError() ? QStringLiteral("error") : QStringLiteral("warning"),
                               d.jsonPath, d.message));
    return result;
}

} // namespace

class DatasetValidatorTest : public QObject {
    Q_OBJECT

private:
    // The validator's findings on `dataset`, after checking that the reader gives the very
    // same ones (severity, place and words) for it written as JSON.
    Diagnostics validatedAsTheReaderDoes(const Dataset &dataset) {
        const Diagnostics validated = DatasetValidator::validate(dataset);
        QTemporaryDir dir;
        const DatasetReader::Result read = DatasetReader::readBytes(
            DatasetWriter::toJson(dataset), QStringLiteral("test.json"), dir.path());
        [&] {
            QCOMPARE(lines(validated), lines(read.diagnostics));
        }();
        return validated;
    }

    // Every item checked alone gives what the whole pass gives for it: its own findings,
    // and a duplicate id it shares with another item.
    void checkEachItemAlone(const Dataset &dataset, const Diagnostics &whole) {
        const auto expectedFor = [&](const QString &prefix) {
            QStringList expected;
            for (const QString &line : lines(whole)) {
                const QString path = line.section(u' ', 1, 1).chopped(1);
                if (path == prefix || path.startsWith(prefix + u'/') ||
                    line.endsWith(QStringLiteral("(first used at %1)").arg(prefix)))
                    expected.append(line);
            }
            expected.sort();
            return expected;
        };
        const auto sorted = [](QStringList list) {
            list.sort();
            return list;
        };
        for (qsizetype i = 0; i < dataset.sides.size(); ++i)
            QCOMPARE(sorted(lines(DatasetValidator::checkSide(dataset, i))),
                     expectedFor(QStringLiteral("/sides/%1").arg(i)));
        for (qsizetype i = 0; i < dataset.articles.size(); ++i)
            QCOMPARE(sorted(lines(DatasetValidator::checkArticle(dataset, i))),
                     expectedFor(QStringLiteral("/articles/%1").arg(i)));
        for (qsizetype i = 0; i < dataset.actors.size(); ++i)
            QCOMPARE(sorted(lines(DatasetValidator::checkActor(dataset, i))),
                     expectedFor(QStringLiteral("/actors/%1").arg(i)));
        QMultiHash<QString, qsizetype> rows;
        for (qsizetype i = 0; i < dataset.events.size(); ++i)
            rows.insert(dataset.events.at(i).id, i);
        for (qsizetype i = 0; i < dataset.events.size(); ++i) {
            const QStringList expected = expectedFor(QStringLiteral("/events/%1").arg(i));
            const Event &e = dataset.events.at(i);
            QCOMPARE(sorted(lines(DatasetValidator::checkEvent(dataset, e, i))), expected);
            QCOMPARE(sorted(lines(DatasetValidator::checkEvent(dataset, e, i, &rows))), expected);
        }
    }

    // `dataset` gives exactly `expected` (one line per finding), as the reader does, and
    // item by item as in the whole.
    void expectFindings(const Dataset &dataset, const QStringList &expected) {
        const Diagnostics whole = validatedAsTheReaderDoes(dataset);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(lines(whole), expected);
        checkEachItemAlone(dataset, whole);
    }

private slots:
    void validDatasetHasNoFindings() { expectFindings(validDataset(), {}); }

    void danglingActorInParticipant() {
        Dataset d = validDataset();
        d.events[1].participants[0].actorId = QStringLiteral("nobody");
        expectFindings(
            d,
            {QStringLiteral("error /events/1/participants/0/actor: unknown actor id \"nobody\"")});
    }

    void danglingArticleInPassageAndClaim() {
        Dataset d = validDataset();
        d.events[0].sources[0].articleId = QStringLiteral("gone");
        Disagreement disagreement;
        disagreement.topic = QStringLiteral("Who came");
        disagreement.claims = {
            Claim{QStringLiteral("missing"), QStringLiteral("Geneva"), QStringLiteral("here")},
            Claim{QStringLiteral("a1"), QStringLiteral("Monday"), QStringLiteral("then")}};
        d.events[1].disagreements = {disagreement};
        d.events[1].date.anchorArticleId = QStringLiteral("nowhere");
        expectFindings(
            d, {QStringLiteral("error /events/0/sources/0/article: unknown article id \"gone\""),
                QStringLiteral("error /events/1/date/anchor: unknown article id \"nowhere\""),
                QStringLiteral("error /events/1/disagreements/0/claims/0/article: unknown article "
                               "id \"missing\"")});
    }

    void danglingSideAndAffiliation() {
        Dataset d = validDataset();
        d.actors[0].sideId = QStringLiteral("west");
        d.actors[1].affiliationId = QStringLiteral("nobody");
        d.reindex();
        expectFindings(
            d, {QStringLiteral("error /actors/0/side: unknown side id \"west\""),
                QStringLiteral("error /actors/1/affiliation: unknown actor id \"nobody\"")});
    }

    void actorAffiliatedWithItself() {
        Dataset d = validDataset();
        d.actors[1].affiliationId = QStringLiteral("x2");
        expectFindings(
            d, {QStringLiteral(
                   "error /actors/1/affiliation: an actor cannot be affiliated with itself")});
    }

    void endBeforeStart() {
        Dataset d = validDataset();
        d.events[0].date.precision = DatePrecision::Days;
        d.events[0].date.end = QDate(2025, 3, 1);
        expectFindings(d, {QStringLiteral("error /events/0/date/end: expected an end on or after "
                                          "the start 2025-03-03, found 2025-03-01")});
    }

    void dayPrecisionSpanningDaysIsAWarning() {
        Dataset d = validDataset();
        d.events[0].date.end = QDate(2025, 3, 5);
        expectFindings(d, {QStringLiteral("warning /events/0/date/precision: precision \"day\" but "
                                          "the date spans 3 days; use \"days\"")});
    }

    void passageOutsideItsArticle() {
        Dataset d = validDataset();
        SourcePassage &source = d.events[1].sources[0];
        source.storedStart = source.start = 500;
        source.storedEnd = source.end = 511;
        const Diagnostics validated = DatasetValidator::validate(d);
        QCOMPARE(lines(validated),
                 QStringList{QStringLiteral("error /events/1/sources/0/end: offsets 500..511 lie "
                                            "outside the article text (57 characters)")});
        QByteArray json = DatasetWriter::toJson(d);
        // The same problem in JSON: the writer clamps offsets past the text, so they are
        // put back by hand.
        const QByteArray clamped = QByteArrayLiteral("\"start\": 57");
        QVERIFY(json.contains(clamped));
        json.replace(clamped, QByteArrayLiteral("\"start\": 500"));
        json.replace(QByteArrayLiteral("\"end\": 57"), QByteArrayLiteral("\"end\": 511"));
        const DatasetReader::Result read =
            DatasetReader::readBytes(json, QStringLiteral("t.json"), QString());
        QCOMPARE(lines(read.diagnostics), lines(validated));
        checkEachItemAlone(d, validated);
    }

    void passageNotMatchingItsText() {
        Dataset d = validDataset();
        d.events[0].sources[0].exact = QStringLiteral("ceasefire signed by all twelve parties");
        expectFindings(d, {QStringLiteral("error /events/0/sources/0/exact: the passage does not "
                                          "occur in article \"a1\", not even approximately")});
    }

    void passageMovedIsReanchoredWithAWarning() {
        Dataset d = validDataset();
        SourcePassage &source = d.events[0].sources[0];
        source.storedStart = source.start = 0;
        source.storedEnd = source.end = 11;
        expectFindings(d, {QStringLiteral("warning /events/0/sources/0: passage re-anchored from "
                                          "0..11 to 4..15: found verbatim")});
    }

    void claimNotInItsArticle() {
        Dataset d = validDataset();
        Disagreement disagreement;
        disagreement.topic = QStringLiteral("Where");
        disagreement.claims = {
            Claim{QStringLiteral("a1"), QStringLiteral("in Paris"), QStringLiteral("Paris")}};
        d.events[0].disagreements = {disagreement};
        expectFindings(d, {QStringLiteral("warning /events/0/disagreements/0/claims: a "
                                          "disagreement needs at least two claims"),
                           QStringLiteral("error /events/0/disagreements/0/claims/0/exact: the "
                                          "quoted words do not occur in article \"a1\"")});
    }

    void duplicateIds() {
        Dataset d = validDataset();
        d.sides[1].id = QStringLiteral("s1");
        d.actors[1].id = QStringLiteral("x1");
        d.actors[1].affiliationId.clear();
        d.events[1].participants[0].actorId = QStringLiteral("x1");
        d.events[1].id = QStringLiteral("e1");
        d.events.append(makeEvent(QStringLiteral("e1"), QStringLiteral("x1")));
        d.reindex();
        expectFindings(
            d,
            {QStringLiteral("error /sides/1/id: duplicate side id \"s1\" (first used at /sides/0)"),
             QStringLiteral(
                 "error /actors/1/id: duplicate actor id \"x1\" (first used at /actors/0)"),
             QStringLiteral(
                 "error /events/1/id: duplicate event id \"e1\" (first used at /events/0)"),
             QStringLiteral(
                 "error /events/2/id: duplicate event id \"e1\" (first used at /events/0)")});
    }

    void duplicateArticleId() {
        Dataset d = validDataset();
        d.articles.append(d.articles.first());
        d.reindex();
        expectFindings(
            d,
            {QStringLiteral(
                "error /articles/1/id: duplicate article id \"a1\" (first used at /articles/0)")});
    }

    void eventWithoutSourcesIsAWarning() {
        Dataset d = validDataset();
        d.events[1].sources.clear();
        const Diagnostics whole = validatedAsTheReaderDoes(d);
        QCOMPARE(lines(whole), QStringList{QStringLiteral(
                                   "warning /events/1/sources: the event cites no passage")});
        QVERIFY(!hasErrors(whole));
        checkEachItemAlone(d, whole);
    }

    void blankAndOverlongFieldsAsTheReaderWordsThem() {
        Dataset d = validDataset();
        d.events[0].title = QStringLiteral("  ");
        d.sides[0].name = QString(DatasetReader::maxNameLength + 1, u'n');
        expectFindings(
            d, {QStringLiteral("error /sides/0/name: expected at most 1000 characters, found 1001"),
                QStringLiteral("error /events/0/title: expected a non-empty string")});
    }

    // An edit checks the event it makes, before it is in the dataset (appended at the end).
    void newEventCheckedBeforeItIsAdded() {
        const Dataset d = validDataset();
        Event added = makeEvent(QStringLiteral("e1"), QStringLiteral("ghost"));
        QCOMPARE(
            lines(DatasetValidator::checkEvent(d, added)),
            (QStringList{
                QStringLiteral("error /events/2/participants/0/actor: unknown actor id \"ghost\""),
                QStringLiteral(
                    "error /events/2/id: duplicate event id \"e1\" (first used at /events/0)")}));
    }
};

QTEST_GUILESS_MAIN(DatasetValidatorTest)
#include "datasetvalidatortest.moc"
