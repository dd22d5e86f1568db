#include "passageanchor.h"

#include <QElapsedTimer>
#include <QTest>

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
    // The search itself (text × quote × 2), then up to 64 refined starts (quote × (quote + edits)).
    QVERIFY(budget <= 1000000 - 10000 * 8 * 2);
    QVERIFY(budget >= 1000000 - 10000 * 8 * 2 - 64 * 8 * 12);
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

QTEST_GUILESS_MAIN(PassageAnchorTest)
#include "passageanchortest.moc"
