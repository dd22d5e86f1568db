#include "datasetreader.h"
#include "printabletext.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace ntl;

// The hostile-input corpus in tests/data/bad (made by make-corpus.py): every file's
// exact outcome, and a check that no file in the folder goes untested.
class CorpusTest : public QObject
{
    Q_OBJECT
private slots:
    void everyFileHasItsOutcome_data();
    void everyFileHasItsOutcome();
    void everyCorpusFileIsCovered();
    void hundredThousandEventsSharingOneIdAreRefusedQuickly();
    void repeatedQuoteDoesNotHang();
    void hugeUnanchorableQuotesSpendTheSearchBudgetAndStop();
};

static QString corpus(const QString &name) { return QStringLiteral(NTL_TEST_DATA_DIR "/bad/") + name; }

namespace {
struct Outcome {
    const char *file;
    bool loads;
    const char *location; // "LINE:COL", a JSON pointer, or "" for the file itself
    const char *message;
};

const QList<Outcome> &outcomes()
{
    static const QList<Outcome> all = [] {
        QList<Outcome> list;
        const auto row = [&](const char *file, bool loads, const char *location, const char *message) {
            list.append({file, loads, location, message});
        };
    // Syntax and encoding: one error with line and column.
        row("syntax-missing-comma.json", false, "4:9", "not valid JSON: syntax error while parsing object - unexpected string literal; expected '}'");
        row("syntax-trailing-comma.json", false, "5:29", "unexpected ','; expected string literal");
        row("syntax-single-quotes.json", false, "4:3", "invalid literal");
        row("syntax-comment.json", false, "2:3", "invalid literal");
        row("truncated-in-string.json", false, "23:25", "invalid string: missing closing quote");
        row("truncated-in-array.json", false, "44:23", "invalid string: missing closing quote");
        row("truncated-after-key.json", false, "76:12", "unexpected end of input");
        row("empty.json", false, "", "file is empty; expected a JSON dataset");
        row("only-whitespace.json", false, "", "file is empty; expected a JSON dataset");
        row("not-an-object.json", false, "/", "expected an object, found an array");
        row("bom.json", true, "", "");
        row("invalid-utf8.json", false, "4:22", "invalid string: ill-formed UTF-8 byte");
        row("nul-byte.json", false, "4:21", "control character U+0000 (NUL) must be escaped");
        row("deep-nesting.json", false, "/", "JSON nested deeper than 64 levels");
        // Format and version.
        row("wrong-format.json", false, "/format", "expected \"negotiation-timeline\", found \"gantt-chart\"");
        row("wrong-version.json", false, "/version", "unsupported version 2; this build reads version 1");
        row("version-string.json", false, "/version", "unsupported version \"1\"");
        row("missing-events.json", false, "/", "missing required field \"events\"");
        row("missing-sides.json", false, "/", "missing required field \"sides\"");
        // Types.
        row("sides-as-object.json", false, "/sides", "expected an array, found an object");
        row("event-title-number.json", false, "/events/0/title", "expected a string, found an integer");
        row("participants-as-string.json", false, "/events/1/participants", "expected an array, found a string");
        row("date-as-string.json", false, "/events/2/date", "expected an object, found a string");
        row("event-missing-title.json", false, "/events/1", "missing required field \"title\"");
        row("actor-null.json", false, "/actors/4", "expected an object, found null");
        // Identity and references.
        row("duplicate-event-ids.json", false, "/events/2/id", "duplicate event id \"ev-talks\" (first used at /events/0)");
        row("duplicate-actor-ids.json", false, "/actors/4/id", "duplicate actor id \"south-state\" (first used at /actors/2)");
        row("dangling-actor.json", false, "/events/0/participants/0/actor", "unknown actor id \"ghost\"");
        row("dangling-side.json", false, "/actors/2/side", "unknown side id \"west\"");
        row("dangling-article.json", false, "/events/2/sources/0/article", "unknown article id \"art-z\"");
        row("dangling-anchor.json", false, "/events/2/date/anchor", "unknown article id \"art-z\"");
        // Dates.
        row("date-february-30.json", false, "/events/0/date/start", "expected a calendar date YYYY-MM-DD, found \"2030-02-30\"");
        row("date-year-99999.json", false, "/events/0/date/start", "found \"99999-01-01\"");
        row("date-empty.json", false, "/events/1/date/start", "expected a calendar date YYYY-MM-DD, found \"\"");
        row("end-before-start.json", false, "/events/2/date/end", "expected an end on or after the start 2030-03-11, found 2030-03-10");
        // Offsets and passages.
        row("offset-negative.json", false, "/events/1/sources/0/start", "expected a non-negative offset, found -5");
        row("offsets-reversed.json", false, "/events/2/sources/0/end", "expected an end offset not before the start 139, found 10");
        row("offset-beyond-text.json", false, "/events/2/sources/0/end", "offsets 5000..5040 lie outside the article text (180 characters)");
        row("offset-beyond-2-53.json", false, "/events/2/sources/0/end", "expected an offset no larger than 2^53, found 1152921504606846976");
        row("exact-absent.json", false, "/events/2/sources/0/exact", "the passage does not occur in article \"art-a\", not even approximately");
        row("drifted-offsets.json", true, "/events/2/sources/0", "passage re-anchored from 132..172 to 139..179: found verbatim");
        row("sha-mismatch.json", true, "/articles/1/textSha256", "article text changed since curation");
        row("unknown-field.json", true, "/events/0", "unknown field \"colour\" ignored");
        // Markup is data: loaded, no warning (the GUI tests show it literally); a string longer
        // than its field allows is refused where it is.
        row("markup-in-title.json", true, "", "");
        row("markup-in-article.json", true, "", "");
        row("long-title.json", false, "/events/0/title", "expected at most 1000 characters, found 240000");
        // Markup, escapes, a forged line and a bidi override in an id or a field name: quoted
        // in the message as they are (Diagnostic::toString escapes them for printing).
        row("hostile-actor-id.json", false, "/events/0/participants/0/actor",
            "unknown actor id \"<h1 style=color:red>X</h1><a "
            "href=\"https://example.org\">link</a><table><tr><td>cell</td>"
            "</tr></table>\x1b[31m\nfake.json:1:1: error: forged\u202e\"");
        row("hostile-field-name.json", true, "/events/0",
            "unknown field \"<h1 style=color:red>X</h1><a "
            "href=\"https://example.org\">link</a><table><tr><td>cell</td>"
            "</tr></table>\x1b[2J\u2028\" ignored");
        // Article texts that are missing, broken or outside the dataset's folder.
        row("textfile-parent.json", false, "/articles/1/textFile", "\"../../../../etc/passwd\" leaves the dataset's folder");
        row("textfile-absolute.json", false, "/articles/1/textFile", "expected a path relative to the dataset's folder, found \"/etc/passwd\"");
        row("textfile-missing.json", false, "/articles/1/textFile", "cannot read article text \"texts/no-such-file.txt\": no such file");
        row("textfile-invalid-utf8.json", false, "/articles/1/textFile", "article text \"texts/latin1.txt\" is not valid UTF-8");
        row("textfile-symlink.json", false, "/articles/1/textFile", "\"texts/link-out.txt\" is a link to");
        row("textfile-nul-after-link.json", false, "/articles/1/textFile", "the file name contains a control character");
        row("both-text-and-textfile.json", false, "/articles/0", "expected either \"text\" or \"textFile\", not both");
        return list;
    }();
    return all;
}
} // namespace

void CorpusTest::everyFileHasItsOutcome_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("loads");
    QTest::addColumn<QString>("location");
    QTest::addColumn<QString>("message");
    for (const Outcome &outcome : outcomes())
        QTest::newRow(outcome.file) << QString::fromUtf8(outcome.file) << outcome.loads
                                    << QString::fromUtf8(outcome.location) << QString::fromUtf8(outcome.message);
}

void CorpusTest::everyFileHasItsOutcome()
{
    QFETCH(QString, file);
    QFETCH(bool, loads);
    QFETCH(QString, location);
    QFETCH(QString, message);
    const auto result = DatasetReader::readFile(corpus(file));
    QStringList lines;
    for (const Diagnostic &d : result.diagnostics)
        lines.append(d.toString());
    QVERIFY2(result.ok() == loads, qPrintable(lines.join(u'\n')));
    // Whatever the file holds, each printed line is one line with no control character.
    // (escaped() changes any line that still holds one.)
    for (const QString &line : lines)
        QCOMPARE(PrintableText::escaped(line), line);
    if (message.isEmpty()) {
        QVERIFY2(result.diagnostics.isEmpty(), qPrintable(lines.join(u'\n')));
        return;
    }
    const Diagnostic &first = result.diagnostics.first();
    QVERIFY2(first.message.contains(message), qPrintable(first.toString()));
    QCOMPARE(first.isError(), !loads);
    if (location.contains(u':'))
        QCOMPARE(QStringLiteral("%1:%2").arg(first.line).arg(first.column), location);
    else
        QCOMPARE(first.jsonPath, location);
    if (!loads && !location.contains(u':') && !location.isEmpty())
        QCOMPARE(errorCount(result.diagnostics), 1); // one cause, one message: no cascades
}

void CorpusTest::everyCorpusFileIsCovered()
{
    const QStringList files = QDir(QStringLiteral(NTL_TEST_DATA_DIR "/bad")).entryList({QStringLiteral("*.json")}, QDir::Files);
    QVERIFY(files.size() >= 40);
    QStringList covered;
    for (const Outcome &outcome : outcomes())
        covered.append(QString::fromUtf8(outcome.file));
    for (const QString &file : files)
        QVERIFY2(covered.contains(file), qPrintable(file + QStringLiteral(" has no expected outcome")));
}

static QByteArray eventsSharingOneId(int count)
{
    QByteArray json = R"({"format":"negotiation-timeline","version":1,"title":"t","offsetUnit":"codepoint","sides":[],"articles":[],"actors":[],"events":[)";
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            json += ',';
        json += R"({"id":"same","title":"t","summary":"","kind":"k","status":"occurred","date":{"start":"2030-01-01","precision":"day","basis":"stated"},"participants":[],"sources":[{"article":"a","exact":"x","start":0,"end":1}]})";
    }
    return json + "]}";
}

void CorpusTest::hundredThousandEventsSharingOneIdAreRefusedQuickly()
{
    const QByteArray json = eventsSharingOneId(100000);
    QElapsedTimer timer;
    timer.start();
    const auto result = DatasetReader::readBytes(json, QStringLiteral("same-id.json"), QDir::tempPath());
    QVERIFY(!result.ok());
    QCOMPARE(result.diagnostics.size(), DatasetReader::maxReportedDiagnostics + 1);
    QVERIFY(result.diagnostics.last().message.endsWith(QStringLiteral("more problems not listed")));
    QVERIFY2(timer.elapsed() < 30000, "refusing must not take long"); // generous: sanitizer builds are slow
}

void CorpusTest::repeatedQuoteDoesNotHang()
{
    // A quote that occurs a million times, with offsets that do not fit.
    const QString text(1000000, u'a');
    QByteArray json = R"({"format":"negotiation-timeline","version":1,"title":"t","offsetUnit":"codepoint","sides":[],"articles":[{"id":"a","title":"a","published":"2030-01-01","text":")" + text.toUtf8() + R"("}],"actors":[],"events":[)";
    for (int i = 0; i < 200; ++i) {
        json += i ? "," : "";
        json += QStringLiteral(R"({"id":"e%1","title":"t","summary":"","kind":"k","status":"occurred","date":{"start":"2030-01-01","precision":"day","basis":"stated"},"participants":[],"sources":[{"article":"a","exact":"aaaa","start":5000000,"end":1}]})").arg(i).toUtf8();
    }
    json += "]}";
    const auto result = DatasetReader::readBytes(json, QStringLiteral("repeat.json"), QDir::tempPath());
    QVERIFY(!result.ok()); // the offsets are refused, each once
    QCOMPARE(errorCount(result.diagnostics), 200);
}

void CorpusTest::hugeUnanchorableQuotesSpendTheSearchBudgetAndStop()
{
    const QString text = QString(200000, u'b');
    const QString quote = QString(20000, u'c');
    QByteArray json = R"({"format":"negotiation-timeline","version":1,"title":"t","offsetUnit":"codepoint","sides":[],"articles":[{"id":"a","title":"a","published":"2030-01-01","text":")" + text.toUtf8() + R"("}],"actors":[],"events":[)";
    for (int i = 0; i < 50; ++i) {
        json += i ? "," : "";
        json += QStringLiteral(R"({"id":"e%1","title":"t","summary":"","kind":"k","status":"occurred","date":{"start":"2030-01-01","precision":"day","basis":"stated"},"participants":[],"sources":[{"article":"a","exact":"%2","start":0,"end":20000}]})").arg(i).arg(quote).toUtf8();
    }
    json += "]}";
    const auto result = DatasetReader::readBytes(json, QStringLiteral("huge.json"), QDir::tempPath());
    QVERIFY(!result.ok());
    int tooCostly = 0;
    for (const Diagnostic &d : result.diagnostics)
        tooCostly += d.message.contains(QStringLiteral("search budget is spent")) ? 1 : 0;
    QCOMPARE(tooCostly, 50); // 200,000 × 20,000 × 2 steps each: already the first is over the budget
}

QTEST_GUILESS_MAIN(CorpusTest)
#include "corpustest.moc"
