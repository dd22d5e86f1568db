#include "occurrenceindex.h"
#include "passageanchor.h"

#include <QElapsedTimer>
#include <QTest>

using ntl::OccurrenceIndex;
using ntl::PassageAnchor;

class PassageAnchorTest : public QObject
{
    Q_OBJECT
private slots:
    void storedPositionIsUsedWhenTheTextMatches();
    void driftedOffsetsFindTheExactQuoteElsewhere();
    void prefixAndSuffixChooseAmongRepeatedQuotes();
    void closenessBreaksTiesBetweenEqualContexts();
    void approximateMatchSurvivesEditedText();
    void unrelatedQuoteIsNotFound();
    void emptyQuoteIsNotFound();
    void codePointsBecomeUtf16IndicesAfterEmoji();
    void offsetsPastTheEndAreRejected();
    void editDistanceCountsEdits();
    void longContextDoesNotSlowScoring();
    void approximateSearchStopsAtItsBudget();
    void findAllIsLinearOnRepetitiveText();
    void repeatedQuoteIsScannedForOnceThroughTheIndex();
    void quoteAtTheEndOfALongTextIsScannedForOnce();
    void contextComparisonsAreChargedToTheBudget();
    void approximateMatchNeverSplitsASurrogatePair();
};

void PassageAnchorTest::storedPositionIsUsedWhenTheTextMatches()
{
    const QString text = QStringLiteral("Talks began. Talks ended.");
    const auto result = PassageAnchor::anchor(text, u"Talks", u"began. ", u" ended", 13);
    QCOMPARE(result.outcome, PassageAnchor::Outcome::AtStoredPosition);
    QCOMPARE(result.start, 13);
    QCOMPARE(result.end, 18);
}

void PassageAnchorTest::driftedOffsetsFindTheExactQuoteElsewhere()
{
    const QString text = QStringLiteral("An inserted sentence. The envoy arrived on Monday.");
    const auto result = PassageAnchor::anchor(text, u"The envoy arrived", u"", u" on Monday", 0);
    QCOMPARE(result.outcome, PassageAnchor::Outcome::ExactElsewhere);
    QCOMPARE(text.mid(result.start, result.end - result.start), QStringLiteral("The envoy arrived"));
    QCOMPARE(result.start, 22);
}

void PassageAnchorTest::prefixAndSuffixChooseAmongRepeatedQuotes()
{
    const QString text = QStringLiteral("In Geneva the talks went well. In Abu Dhabi the talks went well too.");
    // The stored start points at the first occurrence, but the context names the second.
    const auto result = PassageAnchor::anchor(text, u"the talks went well", u"In Abu Dhabi ", u" too.", 1);
    QCOMPARE(result.outcome, PassageAnchor::Outcome::ExactElsewhere);
    QCOMPARE(result.start, int(text.indexOf(QStringLiteral("the talks went well too")) ));
}

void PassageAnchorTest::closenessBreaksTiesBetweenEqualContexts()
{
    const QString text = QStringLiteral("x talks x ... x talks x");
    const int second = int(text.lastIndexOf(QStringLiteral("talks")));
    const auto result = PassageAnchor::anchor(text, u"talks", u"x ", u" x", second - 1);
    QCOMPARE(result.start, second);
}

void PassageAnchorTest::approximateMatchSurvivesEditedText()
{
    // The article was corrected after curation: "Sundays" became "Sunday's".
    const QString text = QStringLiteral("Intro. During Sunday's talks in Geneva, the framework was refined. Outro.");
    const QString quote = QStringLiteral("During Sundays talks in Geneva, the framework was refined.");
    const auto result = PassageAnchor::anchor(text, quote, u"Intro. ", u" Outro.", 3);
    QCOMPARE(result.outcome, PassageAnchor::Outcome::Approximate);
    QCOMPARE(result.edits, 1);
    QCOMPARE(text.mid(result.start, result.end - result.start),
             QStringLiteral("During Sunday's talks in Geneva, the framework was refined."));
}

void PassageAnchorTest::unrelatedQuoteIsNotFound()
{
    const QString text = QStringLiteral("The talks in Geneva ended on Sunday evening.");
    const auto result = PassageAnchor::anchor(text, u"Missiles struck Odesa overnight", u"", u"", 0);
    QCOMPARE(result.outcome, PassageAnchor::Outcome::NotFound);
    QCOMPARE(result.start, -1);
}

void PassageAnchorTest::emptyQuoteIsNotFound()
{
    QCOMPARE(PassageAnchor::anchor(u"text", u"", u"", u"", 0).outcome, PassageAnchor::Outcome::NotFound);
}

void PassageAnchorTest::codePointsBecomeUtf16IndicesAfterEmoji()
{
    // U+1F54A (dove) takes two UTF-16 units but one code point.
    const QString text = QStringLiteral("A \U0001F54A flew. The envoys met.");
    const qint64 codePointStart = 10; // "A ", dove, " flew. " = 2 + 1 + 7
    QCOMPARE(text.mid(PassageAnchor::codePointToUtf16(text, codePointStart), 3), QStringLiteral("The"));
    QCOMPARE(PassageAnchor::codePointToUtf16(text, codePointStart), 11);
    QCOMPARE(PassageAnchor::utf16ToCodePoint(text, 11), codePointStart);
    QCOMPARE(PassageAnchor::codePointCount(text), qint64(text.size() - 1));
}

void PassageAnchorTest::offsetsPastTheEndAreRejected()
{
    const QString text = QStringLiteral("ab\U0001F54A");
    QCOMPARE(PassageAnchor::codePointToUtf16(text, 3), 4); // the end itself is a valid offset
    QCOMPARE(PassageAnchor::codePointToUtf16(text, 4), -1);
    QCOMPARE(PassageAnchor::codePointToUtf16(text, -1), -1);
}

void PassageAnchorTest::editDistanceCountsEdits()
{
    QCOMPARE(PassageAnchor::editDistance(u"kitten", u"sitting"), 3);
    QCOMPARE(PassageAnchor::editDistance(u"", u"abc"), 3);
    QCOMPARE(PassageAnchor::editDistance(u"same", u"same"), 0);
}

void PassageAnchorTest::longContextDoesNotSlowScoring()
{
    // Found by the fuzzer: 200 repeats of the quote with 20,000 characters of context
    // each side made scoring quadratic in the context. Only the nearest context counts.
    const QString text = QStringLiteral("The envoys met in Geneva. ").repeated(200);
    const QString prefix = QString(20000, u'x') + QStringLiteral("met. The ");
    QElapsedTimer timer;
    timer.start();
    const auto result = PassageAnchor::anchor(text, u"envoys met", prefix, QString(20000, u'y'), 7 + 26 * 150);
    QVERIFY(timer.elapsed() < 5000);
    QCOMPARE(result.outcome, PassageAnchor::Outcome::ExactElsewhere);
    QCOMPARE(result.start, 4 + 26 * 150); // the occurrence nearest the stored start
}

void PassageAnchorTest::approximateSearchStopsAtItsBudget()
{
    const QString text(10000, u'a');
    qint64 budget = 1000;
    QCOMPARE(PassageAnchor::anchor(text, u"bbbbbbbb", u"", u"", 0, &budget).outcome, PassageAnchor::Outcome::TooCostly);
    QCOMPARE(budget, qint64(1000)); // nothing spent on a search that was not made
    budget = 1000000;
    QCOMPARE(PassageAnchor::anchor(text, u"aaaabaaa", u"", u"", 0, &budget).outcome, PassageAnchor::Outcome::Approximate);
    // The exact scan (text), the search itself (text × quote × 2), then up to 64 refined
    // starts (quote × (quote + edits)).
    QVERIFY(budget <= 1000000 - 10000 - 10000 * 8 * 2);
    QVERIFY(budget >= 1000000 - 10000 - 10000 * 8 * 2 - 64 * 8 * 12);
}

void PassageAnchorTest::findAllIsLinearOnRepetitiveText()
{
    QCOMPARE(PassageAnchor::findAll(u"abababa", u"aba", 10), (QList<int>{0, 2, 4}));
    QCOMPARE(PassageAnchor::findAll(u"abababa", u"aba", 2), (QList<int>{0, 2}));
    QVERIFY(PassageAnchor::findAll(u"abc", u"abcd", 10).isEmpty());
    // Found by the fuzzer: a long quote that matches the repetitive text almost to its end
    // made a naive search quadratic.
    const QString text = QStringLiteral("Talks ").repeated(30000);
    const QString quote = QStringLiteral("Talks ").repeated(15000) + QStringLiteral("\U0001F54A");
    QElapsedTimer timer;
    timer.start();
    QVERIFY(PassageAnchor::findAll(text, quote, 10).isEmpty());
    qint64 budget = 50 * 1000 * 1000;
    QCOMPARE(PassageAnchor::anchor(text, quote, u"", u"", 0, &budget).outcome, PassageAnchor::Outcome::TooCostly);
    QVERIFY(timer.elapsed() < 5000);
}

void PassageAnchorTest::repeatedQuoteIsScannedForOnceThroughTheIndex()
{
    // Issue 12 item 7, at test size: 1,000 passages citing a quote that occurs 5,000 times,
    // each stored one character off. One scan; each lands on the nearest occurrence.
    const QString text = QStringLiteral("The envoys met. ").repeated(5000);
    OccurrenceIndex index(text);
    qint64 budget = 10 * 1000 * 1000;
    const qint64 scannedBefore = OccurrenceIndex::charactersScanned();
    for (int i = 0; i < 1000; ++i) {
        const int occurrence = 4 + 16 * (i * 7 % 5000);
        const auto result = PassageAnchor::anchor(text, u"envoys met", u"The ", u". The", occurrence + 1, &budget, &index);
        QCOMPARE(result.outcome, PassageAnchor::Outcome::ExactElsewhere);
        QCOMPARE(result.start, occurrence);
    }
    QCOMPARE(OccurrenceIndex::charactersScanned() - scannedBefore, qint64(text.size()));
    // The first occurrence's context differs from the others; the others compare equal for free.
    QVERIFY(budget >= 10 * 1000 * 1000 - text.size() - 1000 * 2 * 5 * 5);
}

void PassageAnchorTest::quoteAtTheEndOfALongTextIsScannedForOnce()
{
    // Item 8, at test size: passages whose quote ends a long text, stored at 0; and a quote
    // that is not there at all, asked for again and again.
    const QString text = QString(100000, u'x') + QStringLiteral(" the end");
    OccurrenceIndex index(text);
    qint64 budget = 10 * 1000 * 1000;
    const qint64 scannedBefore = OccurrenceIndex::charactersScanned();
    for (int i = 0; i < 100; ++i) {
        const auto result = PassageAnchor::anchor(text, u"the end", u"", u"", 0, &budget, &index);
        QCOMPARE(result.start, 100001);
        QCOMPARE(index.find(u"not there", &budget)->starts.size(), 0);
    }
    QCOMPARE(OccurrenceIndex::charactersScanned() - scannedBefore, qint64(2 * text.size()));
    QCOMPARE(budget, 10 * 1000 * 1000 - 2 * text.size());
    // A scan the budget cannot pay for is not made.
    qint64 little = 1000;
    QVERIFY(!index.find(u"other words", &little));
    QCOMPARE(little, qint64(1000));
    QCOMPARE(PassageAnchor::anchor(text, u"other words", u"", u"", 0, &little, &index).outcome,
             PassageAnchor::Outcome::TooCostly);
}

void PassageAnchorTest::contextComparisonsAreChargedToTheBudget()
{
    // Occurrences whose contexts all differ from the stored one cost a comparison each:
    // at most 8 are weighed, and those comparisons are charged too.
    QString text;
    for (int i = 0; i < 100; ++i)
        text += QStringLiteral("%1 envoys met ").arg(i, 3, 10, QChar(u'0'));
    qint64 budget = 100 * 1000 * 1000;
    const auto result = PassageAnchor::anchor(text, u"envoys met", u"zzz ", u" qqq", 0, &budget);
    QCOMPARE(result.outcome, PassageAnchor::Outcome::ExactElsewhere);
    QCOMPARE(result.start, 4);
    QCOMPARE(budget, 100 * 1000 * 1000 - text.size() - 8 * 2 * 4 * 4);
    qint64 little = text.size() + 10;
    QCOMPARE(PassageAnchor::anchor(text, u"envoys met", u"zzz ", u" qqq", 0, &little).outcome,
             PassageAnchor::Outcome::TooCostly);
}

void PassageAnchorTest::approximateMatchNeverSplitsASurrogatePair()
{
    // Item 15: "xy" and the first half of 😀 match "xy🙁" with one edit, as well as the
    // whole emoji does; the passage must take the whole emoji, not half of it.
    for (const QString &text : {QStringLiteral("axy\U0001F600b"), QStringLiteral("\U0001F600xy\U0001F600\U0001F600")}) {
        const auto result = PassageAnchor::anchor(text, u"xy\U0001F641", u"", u"", 0);
        QCOMPARE(result.outcome, PassageAnchor::Outcome::Approximate);
        QVERIFY2(!text.at(result.start).isLowSurrogate(), qPrintable(text));
        QVERIFY2(!text.at(result.end - 1).isHighSurrogate(), qPrintable(text));
        QCOMPARE(text.mid(result.start, result.end - result.start), QStringLiteral("xy\U0001F600"));
    }
}

QTEST_GUILESS_MAIN(PassageAnchorTest)
#include "passageanchortest.moc"
