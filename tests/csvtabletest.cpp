#include "csvtable.h"

#include <QTest>

using namespace ntl;
using namespace Qt::StringLiterals;
using namespace Qt::StringLiterals;

// RFC 4180 reading and writing, the bounds and located errors, and the formula guard.
class CsvTableTest : public QObject {
    Q_OBJECT

private slots:
    void readsQuotesDoubledQuotesAndNewlines() {
        const CsvTable t = CsvTable::parse(
            "id,title\r\n\"a,1\",\"She said \"\"no\"\"\nthen left\"\r\nb,plain\r\n", u"t.csv"_s);
        QVERIFY(t.ok());
        QCOMPARE(t.header, (QStringList{u"id"_s, u"title"_s}));
        QCOMPARE(t.rows.size(), 2);
        QCOMPARE(t.rows.at(0), (QStringList{u"a,1"_s, u"She said \"no\"\nthen left"_s}));
        QCOMPARE(t.rows.at(1), (QStringList{u"b"_s, u"plain"_s}));
    }

    void acceptsEveryLineEndAndABom() {
        for (const QByteArray &end : {QByteArray("\r\n"), QByteArray("\n"), QByteArray("\r")}) {
            const CsvTable t =
                CsvTable::parse("\xEF\xBB\xBFh1,h2" + end + "1,2" + end + "3,4" + end, u"t.csv"_s);
            QVERIFY2(t.ok(), end.toHex().constData());
            QCOMPARE(t.header, (QStringList{u"h1"_s, u"h2"_s}));
            QCOMPARE(t.rows, (QList<QStringList>{{u"1"_s, u"2"_s}, {u"3"_s, u"4"_s}}));
        }
        // The last record without a line end, and an empty last field.
        const CsvTable t = CsvTable::parse("a,b\n1,", u"t.csv"_s);
        QVERIFY(t.ok());
        QCOMPARE(t.rows, (QList<QStringList>{{u"1"_s, u""_s}}));
    }

    void writesCrlfQuotingAndBomOnRequest() {
        const QByteArray out = CsvTable::write(
            {u"id"_s, u"text"_s},
            {{u"a"_s, u"x,y"_s}, {u"b"_s, u"say \"hi\"\nbye"_s}, {u"c"_s, u" pad"_s}}, false);
        QCOMPARE(out,
                 QByteArray("id,text\r\na,\"x,y\"\r\nb,\"say \"\"hi\"\"\nbye\"\r\nc,\" pad\"\r\n"));
        QVERIFY(CsvTable::write({u"h"_s}, {}, true).startsWith("\xEF\xBB\xBFh\r\n"));
        QVERIFY(!CsvTable::write({u"h"_s}, {}, false).startsWith("\xEF"));
    }

    // A .tsv file (or a first line with tabs and no comma) is tab-separated: commas are text,
    // quoting is RFC 4180's; a tab inside a cell is quoted on writing.
    void readsAndWritesTabSeparated() {
        const QByteArray tsv = "id\ttitle\r\na,1\t\"x\ty, \"\"z\"\"\"\r\nb\tplain, too\r\n";
        const CsvTable t = CsvTable::parse(tsv, u"t.tsv"_s);
        QVERIFY2(t.ok(), t.diagnostics.isEmpty() ? "" : qPrintable(t.diagnostics.first().message));
        QCOMPARE(t.header, (QStringList{u"id"_s, u"title"_s}));
        QCOMPARE(t.rows,
                 (QList<QStringList>{{u"a,1"_s, u"x\ty, \"z\""_s}, {u"b"_s, u"plain, too"_s}}));
        QCOMPARE(CsvTable::separatorFor(u"T.TSV"_s, "a,b\n"), '\t');
        QCOMPARE(CsvTable::separatorFor(u"t.csv"_s, "a\tb\nx,y\n"), '\t');
        QCOMPARE(CsvTable::separatorFor(u"t.csv"_s, "a\tb,c\n"), ',');
        QCOMPARE(CsvTable::separatorFor(u"t.csv"_s, "a,b\n1\t2\n"), ',');
        // Named .csv, the same bytes are told by their first line; read with commas, not.
        QCOMPARE(CsvTable::parse(tsv, u"t.csv"_s).rows, t.rows);
        QCOMPARE(CsvTable::parse(tsv, u"t.csv"_s, ',').header, (QStringList{u"id\ttitle"_s}));
        QCOMPARE(CsvTable::write({u"id"_s, u"title"_s}, t.rows, false, '\t'), tsv);
        QCOMPARE(CsvTable::parse(CsvTable::write({u"id"_s, u"title"_s}, t.rows, true, '\t'),
                                 u"back.tsv"_s)
                     .rows,
                 t.rows);
    }

    void roundTripsArbitraryText() {
        const QList<QStringList> rows = {{u"Ünïcødé 🙂"_s, u"\""_s, u""_s},
                                         {u"\r\n"_s, u"a\rb"_s, u",,,"_s},
                                         {u"   "_s, u"'"_s, u"\"\"\""_s}};
        const CsvTable t =
            CsvTable::parse(CsvTable::write({u"a"_s, u"b"_s, u"c"_s}, rows, true), u"t.csv"_s);
        QVERIFY(t.ok());
        QCOMPARE(t.rows, rows);
    }

    void refusesARaggedRowWithItsRow() {
        const CsvTable t = CsvTable::parse("a,b,c\n1,2,3\n4,5\n6,7,8\n", u"r.csv"_s);
        QVERIFY(!t.ok());
        QCOMPARE(t.diagnostics.size(), 1);
        QCOMPARE(t.diagnostics.at(0).line, 3);
        QCOMPARE(t.diagnostics.at(0).file, u"r.csv"_s);
        QVERIFY2(t.diagnostics.at(0).message.contains(u"row 3 has 2 fields, the header has 3"_s),
                 qPrintable(t.diagnostics.at(0).message));
    }

    void refusesInvalidUtf8WithRowColumnAndOffset() {
        QByteArray bytes = "id,title\n1,ok\n2,caf\xE9 noir\n";
        const qsizetype offset = bytes.indexOf('\xE9');
        const CsvTable t = CsvTable::parse(bytes, u"latin1.csv"_s);
        QVERIFY(!t.ok());
        const Diagnostic &d = t.diagnostics.at(0);
        QCOMPARE(d.line, 3);
        QCOMPARE(d.column, 2);
        QVERIFY2(d.message.contains(u"row 3, column 2 (title)"_s), qPrintable(d.message));
        QVERIFY2(d.message.contains(u"byte offset %1"_s.arg(offset)), qPrintable(d.message));
    }

    void refusesAnUnterminatedQuoteWhereItBegan() {
        const QByteArray bytes = "id,title\n1,\"open\n2,more\n";
        const CsvTable t = CsvTable::parse(bytes, u"q.csv"_s);
        QVERIFY(!t.ok());
        const Diagnostic &d = t.diagnostics.at(0);
        QCOMPARE(d.line, 2);
        QCOMPARE(d.column, 2);
        QVERIFY2(d.message.contains(u"byte offset %1"_s.arg(bytes.indexOf("\"open"))),
                 qPrintable(d.message));
        QVERIFY(d.message.contains(u"never closes"_s));
    }

    void refusesStrayQuotes() {
        QVERIFY(!CsvTable::parse("a\n\"x\"y\n", u"s.csv"_s).ok());
        QVERIFY(!CsvTable::parse("a\nx\"y\n", u"s.csv"_s).ok());
        QVERIFY(!CsvTable::parse("", u"e.csv"_s).ok());
        QVERIFY(!CsvTable::parse("\xEF\xBB\xBF", u"e.csv"_s).ok());
    }

    void boundsColumnsAndFieldLength() {
        QByteArray wide = QByteArray(",").repeated(CsvTable::maxColumns) + "\n";
        QVERIFY(!CsvTable::parse(wide, u"w.csv"_s).ok());
        QByteArray longField = "a\n" + QByteArray(CsvTable::maxFieldBytes + 1, 'x') + "\n";
        const CsvTable t = CsvTable::parse(longField, u"l.csv"_s);
        QVERIFY(!t.ok());
        QVERIFY(t.diagnostics.at(0).message.contains(u"at most"_s));
        QByteArray longQuoted = "a\n\"" + QByteArray(CsvTable::maxFieldBytes + 1, 'x') + "\"\n";
        QVERIFY(!CsvTable::parse(longQuoted, u"l.csv"_s).ok());
    }

    void formulaGuardShowsTextAndRoundTrips() {
        const QStringList cells = {u"=HYPERLINK(\"http://x\")"_s,
                                   u"+1"_s,
                                   u"-2"_s,
                                   u"@SUM(A1)"_s,
                                   u"\tx"_s,
                                   u"\rx"_s,
                                   u"'=quoted"_s,
                                   u"''"_s,
                                   u"'"_s,
                                   u"'tis"_s,
                                   u"plain"_s,
                                   u""_s,
                                   u"a=b"_s};
        for (const QString &cell : cells) {
            const QString guarded = CsvTable::guardFormula(cell);
            QVERIFY2(guarded.isEmpty() || !QStringView(u"=+-@\t\r").contains(guarded.at(0)),
                     qPrintable(cell));
            QCOMPARE(CsvTable::unguardFormula(guarded), cell);
        }
        QCOMPARE(CsvTable::guardFormula(u"=1+1"_s), u"'=1+1"_s);
        QCOMPARE(CsvTable::guardFormula(u"'tis"_s), u"'tis"_s); // left alone
        QCOMPARE(CsvTable::unguardFormula(u"'tis"_s), u"'tis"_s);
        // Through a file as well.
        QList<QStringList> rows;
        for (const QString &cell : cells)
            rows.append({CsvTable::guardFormula(cell)});
        const CsvTable t = CsvTable::parse(CsvTable::write({u"c"_s}, rows, false), u"g.csv"_s);
        QVERIFY(t.ok());
        for (qsizetype i = 0; i < cells.size(); ++i)
            QCOMPARE(CsvTable::unguardFormula(t.rows.at(i).at(0)), cells.at(i));
    }
};

QTEST_GUILESS_MAIN(CsvTableTest)
#include "csvtabletest.moc"
