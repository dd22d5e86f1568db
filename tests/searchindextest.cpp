#include "searchindex.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

using namespace ntl;

namespace {
using Rows = QList<QStringList>; // per row: its fields (title, summary, passages)

QStringList queryWords(const QString &query)
{
    // What EventFilterModel does with the search text.
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    return query.toCaseFolded().split(whitespace, Qt::SkipEmptyParts);
}

SearchIndex indexOf(const Rows &rows)
{
    SearchIndex index;
    for (const QStringList &fields : rows) {
        index.startRow();
        for (const QString &field : fields)
            index.addText(field);
    }
    index.finish();
    return index;
}

// The reference: the plain substring scan the index replaces.
QList<int> scannedRows(const Rows &rows, const QString &query)
{
    const QStringList words = queryWords(query);
    QList<int> matches;
    for (int row = 0; row < rows.size(); ++row) {
        const QString haystack = rows.at(row).join(u'\n').toCaseFolded();
        if (std::all_of(words.cbegin(), words.cend(),
                        [&](const QString &word) { return haystack.contains(word); }))
            matches.append(row);
    }
    return matches;
}

QList<int> indexedRows(const SearchIndex &index, const QString &query)
{
    const QBitArray bits = index.rowsContainingAll(queryWords(query));
    QList<int> matches;
    for (int row = 0; row < bits.size(); ++row) {
        if (bits.testBit(row))
            matches.append(row);
    }
    return matches;
}

QString text(const char16_t *utf16) { return QString::fromUtf16(utf16); }
} // namespace

class SearchIndexTest : public QObject
{
    Q_OBJECT
private slots:
    void whitespaceIsWhatTheRegexMatches();
    void caseFoldingKeepsWhitespaceAndLength();
    void matchesThePlainScan_data();
    void matchesThePlainScan();
    void matchesThePlainScanOnRandomText();
    void emptyQueryMatchesEveryRow();
    void wordWithWhitespaceIsNotAnswered();
    void tokensAreStoredOnce();
    void emptyIndexMatchesNothing();
    void hashDependsOnTheSeed();
    void tokensCollidingUnderAnUnseededHashStayCheap();
};

void SearchIndexTest::whitespaceIsWhatTheRegexMatches()
{
    // QRegularExpression's \s without UseUnicodePropertiesOption: the split the query gets.
    const QRegularExpression whitespace(QStringLiteral("\\s"));
    for (char32_t c = 0; c <= 0x10FFFF; c += c < 0x10000 ? 1 : 0x55) {
        if (c >= 0xD800 && c <= 0xDFFF)
            continue; // not code points
        const QString s = QString::fromUcs4(&c, 1);
        const bool regexSpace = whitespace.match(s).hasMatch();
        if (c > 0xFFFF) {
            QVERIFY2(!regexSpace, qPrintable(QString::number(uint(c), 16)));
            continue;
        }
        QCOMPARE(SearchIndex::isSpace(QChar(char16_t(c))), regexSpace);
    }
    QVERIFY(!SearchIndex::isSpace(QChar(0x00A0))); // no-break space
    QVERIFY(!SearchIndex::isSpace(QChar(0x2003))); // em space
    QVERIFY(!SearchIndex::isSpace(QChar(0x0085))); // next line
    QVERIFY(SearchIndex::isSpace(QChar(0x000B)));  // vertical tab
}

void SearchIndexTest::caseFoldingKeepsWhitespaceAndLength()
{
    // The index folds each field on its own and tokenises after folding; that equals folding
    // the joined text only if folding maps code points one to one and never makes or removes
    // whitespace.
    for (char32_t c = 0; c <= 0x10FFFF; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF)
            continue;
        const QString s = QString::fromUcs4(&c, 1);
        const QString folded = s.toCaseFolded();
        QCOMPARE(folded.size(), s.size());
        QCOMPARE(folded.size() == 1 && SearchIndex::isSpace(folded.at(0)),
                 s.size() == 1 && SearchIndex::isSpace(s.at(0)));
    }
}

void SearchIndexTest::matchesThePlainScan_data()
{
    QTest::addColumn<Rows>("rows");
    QTest::addColumn<QStringList>("queries");

    const Rows talks{
        {QStringLiteral("Ceasefire-line talks in Lakeside"), QStringLiteral("Envoys met."),
         QStringLiteral("\"We will not sign,\" the envoy said.")},
        {QStringLiteral("Statement"), QStringLiteral("The mediator (UN) describes a cease fire"),
         QStringLiteral("According to officials, talks (report 12-3).")},
        {QStringLiteral("Second round"), QString(), QStringLiteral("round\ttwo\nnext week\r\n")},
        {QString(), QString(), QStringLiteral("only-in-a-passage")},
    };
    QTest::newRow("punctuation and word boundaries")
        << talks
        << QStringList{QStringLiteral("fire-li"), QStringLiteral("ceasefire"),
                       QStringLiteral("cease fire"), QStringLiteral("\"we"),
                       QStringLiteral("sign,\""), QStringLiteral("(un)"), QStringLiteral("12-3)."),
                       QStringLiteral("-"), QStringLiteral("."), QStringLiteral("e"),
                       QStringLiteral("ire-line talks lake"), QStringLiteral("passage"),
                       QStringLiteral("only-in"), QStringLiteral("round two"),
                       QStringLiteral("xyz"), QStringLiteral("round xyz")};
    QTest::newRow("whitespace in query and text")
        << talks
        << QStringList{QStringLiteral("round\ttwo"),
                       QStringLiteral("\tround\n\ntwo\r\n"),
                       QStringLiteral("two\nnext"),
                       QStringLiteral("week\r"),
                       QStringLiteral("\x0b"
                                      "round\x0c"
                                      "week"),
                       QStringLiteral("lakeside\tenvoys"),
                       QStringLiteral("line talks"),
                       QStringLiteral("sidee")};
    QTest::newRow("fields do not run together")
        << Rows{{QStringLiteral("abc"), QStringLiteral("def")},
                {QStringLiteral("abcdef")},
                {QStringLiteral("ab"), QStringLiteral("c")}}
        << QStringList{QStringLiteral("cd"), QStringLiteral("abc"), QStringLiteral("abcdef"),
                       QStringLiteral("c d"), QStringLiteral("bc"), QStringLiteral("ab c")};
    QTest::newRow("case folding")
        << Rows{{QStringLiteral("STRASSE"), text(u"Straße")},
                {text(u"GROẞE Straße")},
                {text(u"ΟΔΟΣ οδος"), text(u"Ünïcode ABC")},
                {text(u"\U00010400 deseret")}, // DESERET CAPITAL LONG I
                {text(u"İstanbul ıi")}}
        << QStringList{QStringLiteral("strasse"), QStringLiteral("STRASSE"), text(u"straße"),
                       text(u"STRAẞE"), text(u"große"), text(u"GROSSE"), text(u"ς"),
                       text(u"οδοσ"), text(u"ΟΔΟΣ"), text(u"üNÏ"), text(u"code abc"),
                       text(u"\U00010428"), text(u"\U00010400"), text(u"i̇"), text(u"İ"),
                       text(u"I"), text(u"ı")};
    QTest::newRow("non-ASCII whitespace is part of a word")
        << Rows{{text(u"ceasefire\u00a0line")},
                {QStringLiteral("ceasefire line")},
                {text(u"ceasefire\u2003line\u3000now")},
                {text(u"a\u0085b")}}
        << QStringList{text(u"ceasefire\u00a0line"), text(u"fire\u00a0li"),
                       QStringLiteral("ceasefire line"), text(u"\u00a0"), text(u"line\u3000"),
                       text(u"\u2003line"), text(u"a\u0085b"), text(u"\u0085")};
    QTest::newRow("repeats and substrings of tokens")
        << Rows{{QStringLiteral("aaaa aaaa"), QStringLiteral("aa")},
                {QStringLiteral("a"), QStringLiteral("ba ab")},
                {QStringLiteral("baab")}}
        << QStringList{QStringLiteral("aa"), QStringLiteral("aaa"), QStringLiteral("aaaaa"),
                       QStringLiteral("a a"), QStringLiteral("aa aa aa"), QStringLiteral("ab"),
                       QStringLiteral("baa"), QStringLiteral("b")};
    QTest::newRow("surrogates and emoji")
        << Rows{{text(u"\U0001F642 smile"), text(u"lone \xd83d high")},
                {text(u"\U0001F643")}}
        << QStringList{text(u"\U0001F642"), text(u"\xd83d"), text(u"\xde42"),
                       text(u"\U0001F643 smile"), text(u"lone")};
    QTest::newRow("empty rows and fields")
        << Rows{{}, {QString()}, {QStringLiteral("   \t\n ")}, {QStringLiteral("x")}}
        << QStringList{QStringLiteral("x"), QString(), QStringLiteral(" "), QStringLiteral("y")};
}

void SearchIndexTest::matchesThePlainScan()
{
    QFETCH(Rows, rows);
    QFETCH(QStringList, queries);
    const SearchIndex index = indexOf(rows);
    QCOMPARE(index.rowCount(), rows.size());
    for (const QString &query : queries) {
        const QList<int> expected = scannedRows(rows, query);
        QCOMPARE(indexedRows(index, query), expected);
    }
}

void SearchIndexTest::matchesThePlainScanOnRandomText()
{
    // Few letters, several kinds of whitespace and case: many partial and overlapping hits.
    const QString alphabet = text(u"abAB-.ßẞ \t\n\u00a0\u000b");
    QRandomGenerator random(20251201);
    const auto randomText = [&](int maxLength) {
        QString s;
        const int length = int(random.bounded(maxLength + 1));
        for (int i = 0; i < length; ++i)
            s.append(alphabet.at(random.bounded(int(alphabet.size()))));
        return s;
    };
    Rows rows;
    for (int row = 0; row < 300; ++row) {
        QStringList fields;
        const int fieldCount = int(random.bounded(5));
        for (int f = 0; f < fieldCount; ++f)
            fields.append(randomText(24));
        rows.append(fields);
    }
    const SearchIndex index = indexOf(rows);
    for (int q = 0; q < 2000; ++q) {
        const QString query = randomText(8);
        const QList<int> expected = scannedRows(rows, query);
        const QList<int> actual = indexedRows(index, query);
        if (actual != expected)
            QFAIL(qPrintable(QStringLiteral("query \"%1\" (%2 expected rows, %3 found)")
                                 .arg(query)
                                 .arg(expected.size())
                                 .arg(actual.size())));
    }
}

void SearchIndexTest::emptyQueryMatchesEveryRow()
{
    const SearchIndex index = indexOf({{QStringLiteral("a")}, {}, {QStringLiteral("b")}});
    QCOMPARE(index.rowsContainingAll({}).count(true), 3);
    QCOMPARE(index.rowsContaining(QString()).count(true), 3);
    QCOMPARE(indexedRows(index, QStringLiteral(" \t ")), (QList<int>{0, 1, 2}));
}

void SearchIndexTest::wordWithWhitespaceIsNotAnswered()
{
    // Words come split on whitespace; one that is not can lie in no single token.
    const SearchIndex index = indexOf({{QStringLiteral("a b")}});
    QCOMPARE(index.rowsContaining(QStringLiteral("a b")).count(true), 0);
    QCOMPARE(index.rowsContaining(QStringLiteral("a")).count(true), 1);
}

void SearchIndexTest::tokensAreStoredOnce()
{
    const SearchIndex index =
        indexOf({{QStringLiteral("Talks talks TALKS"), QStringLiteral("talks")},
                 {QStringLiteral("talks round")}});
    QCOMPARE(index.tokenCount(), 2);
    QCOMPARE(index.rowsContaining(QStringLiteral("talks")).count(true), 2);
}

void SearchIndexTest::emptyIndexMatchesNothing()
{
    const SearchIndex unbuilt;
    QCOMPARE(unbuilt.rowCount(), 0);
    QCOMPARE(unbuilt.rowsContaining(QStringLiteral("a")).size(), 0);
    const SearchIndex empty = indexOf({});
    QCOMPARE(empty.rowsContainingAll({QStringLiteral("a")}).size(), 0);
}

void SearchIndexTest::hashDependsOnTheSeed() {
    int same = 0;
    for (int i = 0; i < 100; ++i) {
        const QString token = QStringLiteral("token%1").arg(i);
        same += SearchIndex::hashOf(token, 1) == SearchIndex::hashOf(token, 2);
    }
    QCOMPARE_LT(same, 3);
    QCOMPARE(SearchIndex::hashOf(QStringLiteral("x"), 7),
             SearchIndex::hashOf(QStringLiteral("x"), 7));
}

void SearchIndexTest::tokensCollidingUnderAnUnseededHashStayCheap() {
    // Three-unit tokens that all end in one state of 32-bit FNV-1a (the index's hash until
    // it was seeded), found by meeting in the middle. With one hash for all of them,
    // linear probing makes building quadratic: about tokens²/2 probes.
    constexpr quint32 basis = 2166136261u;
    constexpr quint32 prime = 16777619u;
    quint32 inverse = prime; // Newton's iteration for the inverse modulo 2^32
    for (int i = 0; i < 5; ++i)
        inverse *= 2u - prime * inverse;
    QCOMPARE(quint32(prime * inverse), 1u);
    const auto usable = [](quint32 unit) { // a unit the index keeps as it is
        const QChar c(char16_t(unit & 0xffff));
        return !c.isSurrogate() && !SearchIndex::isSpace(c) && c.toCaseFolded() == c &&
               (unit < 0x80 || c.isLetterOrNumber());
    };
    QHash<quint32, quint32> firstByHigh; // high 16 bits of the state after one unit → unit
    for (quint32 a = 0x21; a < 0x10000; ++a) {
        if (usable(a))
            firstByHigh.insert(((basis ^ a) * prime) >> 16, a);
    }
    const quint32 target = 0x12345678u;
    QStringList tokens;
    for (quint32 c = 0x21; c < 0x10000 && tokens.size() < 4000; ++c) {
        if (!usable(c))
            continue;
        const quint32 beforeC = (target * inverse) ^ c; // state after two units
        const quint32 beforeB = beforeC * inverse;      // = state after one unit ^ b
        const auto a = firstByHigh.constFind(beforeB >> 16);
        if (a == firstByHigh.cend())
            continue;
        const quint32 b = (((basis ^ *a) * prime) ^ beforeB) & 0xffff;
        if (!usable(b))
            continue;
        const char16_t units[] = {char16_t(*a), char16_t(b), char16_t(c)};
        tokens.append(QString(reinterpret_cast<const QChar *>(units), 3));
    }
    QCOMPARE_GE(tokens.size(), 2000);
    for (const QString &token : std::as_const(tokens)) { // they do collide under FNV-1a
        quint32 state = basis;
        for (const QChar unit : token)
            state = (state ^ unit.unicode()) * prime;
        QCOMPARE(state, target);
    }

    SearchIndex index;
    index.startRow();
    index.addText(tokens.join(u' '));
    index.finish();
    QCOMPARE(index.tokenCount(), tokens.size());
    QCOMPARE_LT(index.probeCount(), 10 * tokens.size());
}

QTEST_GUILESS_MAIN(SearchIndexTest)
#include "searchindextest.moc"
