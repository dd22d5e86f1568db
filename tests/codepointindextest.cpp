#include "codepointindex.h"

#include <QTest>

using ntl::CodePointIndex;

class CodePointIndexTest : public QObject
{
    Q_OBJECT
private slots:
    void plainTextMapsOneToOne();
    void pairsShiftLaterOffsets();
    void everyOffsetRoundTrips();
    void outOfRangeIsRefused();
};

void CodePointIndexTest::plainTextMapsOneToOne()
{
    const CodePointIndex index(u"Geneva – Abu Dhabi");
    QCOMPARE(index.codePointCount(), qint64(18));
    QCOMPARE(index.toUtf16(7), 7);
    QCOMPARE(index.toCodePoint(18), qint64(18));
}

void CodePointIndexTest::pairsShiftLaterOffsets()
{
    // Flags are two regional indicators, each a surrogate pair: 🇺🇦 = 4 UTF-16 units.
    const QString text = QStringLiteral("a\U0001F1FA\U0001F1E6b\U0001F54Ac");
    const CodePointIndex index(text);
    QCOMPARE(index.codePointCount(), qint64(6));
    QCOMPARE(index.toUtf16(1), 1); // the first flag letter
    QCOMPARE(index.toUtf16(3), 5); // "b"
    QCOMPARE(text.at(index.toUtf16(3)), QChar(u'b'));
    QCOMPARE(text.at(index.toUtf16(5)), QChar(u'c'));
    QCOMPARE(index.toCodePoint(5), qint64(3));
    QCOMPARE(index.toCodePoint(2), qint64(2)); // inside a pair counts the pair
}

void CodePointIndexTest::everyOffsetRoundTrips()
{
    const QString text = QStringLiteral("\U0001F54A x \U0001F54A\U0001F54A y \U0001F1FA\U0001F1E6 z");
    const CodePointIndex index(text);
    for (qint64 cp = 0; cp <= index.codePointCount(); ++cp)
        QCOMPARE(index.toCodePoint(index.toUtf16(cp)), cp);
    QCOMPARE(index.toUtf16(index.codePointCount()), int(text.size()));
}

void CodePointIndexTest::outOfRangeIsRefused()
{
    const CodePointIndex index(u"abc");
    QCOMPARE(index.toUtf16(-1), -1);
    QCOMPARE(index.toUtf16(4), -1);
    QCOMPARE(index.toUtf16(3), 3);
}

QTEST_GUILESS_MAIN(CodePointIndexTest)
#include "codepointindextest.moc"
