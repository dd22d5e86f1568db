#include "printabletext.h"
#include "diagnostic.h"

#include <QTest>

using namespace ntl;

// Text printed to a terminal or shown in a list: every control, bidi and lone-surrogate
// character comes out as an escape, everything else as it is.
class PrintableTextTest : public QObject {
    Q_OBJECT
private slots:
    void escapesEachUnsafeClass_data();
    void escapesEachUnsafeClass();
    void leavesPrintableTextAlone();
    void escapingTwiceChangesNothing();
    void diagnosticLinesAreEscaped();
    void oneLineReplacesControlsAndDropsBidiControls_data();
    void oneLineReplacesControlsAndDropsBidiControls();
};

void PrintableTextTest::escapesEachUnsafeClass_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    const auto unit = [](char16_t u) {
        return QString(QChar(u));
    };
    QTest::newRow("NUL") << QStringLiteral("a") + unit(0) + QStringLiteral("b")
                         << QStringLiteral("a\\u0000b");
    QTest::newRow("ESC sequence") << QStringLiteral("\x1b[31mred")
                                  << QStringLiteral("\\u001b[31mred");
    QTest::newRow("newline forging a line") << QStringLiteral("id\nfake.json:1:1: error: forged")
                                            << QStringLiteral("id\\nfake.json:1:1: error: forged");
    QTest::newRow("CR, tab, BS, FF")
        << QStringLiteral("\r\t\b\f") << QStringLiteral("\\r\\t\\b\\f");
    QTest::newRow("last C0") << unit(0x1f) << QStringLiteral("\\u001f");
    QTest::newRow("DEL") << unit(0x7f) << QStringLiteral("\\u007f");
    QTest::newRow("C1 first") << unit(0x80) << QStringLiteral("\\u0080");
    QTest::newRow("C1 CSI") << unit(0x9b) + QStringLiteral("2J") << QStringLiteral("\\u009b2J");
    QTest::newRow("C1 last") << unit(0x9f) << QStringLiteral("\\u009f");
    QTest::newRow("line separator") << unit(0x2028) << QStringLiteral("\\u2028");
    QTest::newRow("paragraph separator") << unit(0x2029) << QStringLiteral("\\u2029");
    QTest::newRow("LRE") << unit(0x202a) << QStringLiteral("\\u202a");
    QTest::newRow("RLO") << QStringLiteral("abc") + unit(0x202e) + QStringLiteral("fdp.exe")
                         << QStringLiteral("abc\\u202efdp.exe");
    QTest::newRow("LRI") << unit(0x2066) << QStringLiteral("\\u2066");
    QTest::newRow("PDI") << unit(0x2069) << QStringLiteral("\\u2069");
    QTest::newRow("lone high surrogate")
        << unit(0xd83d) + QStringLiteral("x") << QStringLiteral("\\ud83dx");
    QTest::newRow("lone high surrogate at the end")
        << QStringLiteral("x") + unit(0xd83d) << QStringLiteral("x\\ud83d");
    QTest::newRow("lone low surrogate")
        << QStringLiteral("x") + unit(0xde00) << QStringLiteral("x\\ude00");
    QTest::newRow("two high surrogates then a pair")
        << unit(0xd83d) + unit(0xd83d) + unit(0xde00)
        << QStringLiteral("\\ud83d") + unit(0xd83d) + unit(0xde00);
}

void PrintableTextTest::escapesEachUnsafeClass() {
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(PrintableText::escaped(text), expected);
}

void PrintableTextTest::leavesPrintableTextAlone() {
    // A backslash, markup, accents, a pair of surrogates (an emoji), no-break space,
    // characters either side of the escaped ranges.
    const QString text =
        QStringLiteral("C:\\path <b>&amp;</b> Café 😀 \u00a0 ~ \u2027 \u202f \u2065 \u206a \ue000");
    QCOMPARE(PrintableText::escaped(text), text);
    QCOMPARE(PrintableText::escaped(QString()), QString());
}

void PrintableTextTest::escapingTwiceChangesNothing() {
    const QString once =
        PrintableText::escaped(QStringLiteral("a\x1b[0m\nb\\u001b") + QChar(0x202e));
    QCOMPARE(PrintableText::escaped(once), once);
}

void PrintableTextTest::diagnosticLinesAreEscaped() {
    Diagnostic d;
    d.file = QStringLiteral("evil\x1b]0;title\x07.json");
    d.jsonPath = QStringLiteral("/events/0/participants/0/actor");
    d.message = QStringLiteral("unknown actor id \"x\x1b[31m\nfake.json:1:1: error: forged\"");
    QCOMPARE(
        d.toString(),
        QStringLiteral("evil\\u001b]0;title\\u0007.json: /events/0/participants/0/actor: error: "
                       "unknown actor id \"x\\u001b[31m\\nfake.json:1:1: error: forged\""));
    d.jsonPath.clear();
    d.line = 3;
    d.column = 7;
    d.severity = Diagnostic::Severity::Warning;
    d.message = QStringLiteral("a\u2028b");
    QCOMPARE(d.toString(),
             QStringLiteral("evil\\u001b]0;title\\u0007.json:3:7: warning: a\\u2028b"));
}

void PrintableTextTest::oneLineReplacesControlsAndDropsBidiControls_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    const QChar fffd(QChar::ReplacementCharacter);
    QTest::newRow("line breaks and tabs")
        << QStringLiteral("a\nb\r\nc\td\ve\ff\u0085g\u2028h\u2029i")
        << QStringLiteral("a b  c d e f g h i");
    QTest::newRow("C0, DEL, C1") << QStringLiteral("A\x1b[31m\x01\x7f\u009b")
                                 << QStringLiteral("A") + fffd + QStringLiteral("[31m") + fffd +
                                        fffd + fffd;
    QTest::newRow("overrides and embeddings")
        << QStringLiteral("\u202eRTL\u202c \u202a\u202b\u202d") << QStringLiteral("RTL ");
    QTest::newRow("isolates") << QStringLiteral("\u2066a\u2067b\u2068c\u2069")
                              << QStringLiteral("abc");
    QTest::newRow("marks and BOM")
        << QStringLiteral("\u200ea\u200fb\u061cc\ufeff") << QStringLiteral("abc");
    QTest::newRow("lone surrogates") << QString(QChar(0xd800)) + QStringLiteral("x") + QChar(0xdc00)
                                     << QString(fffd) + QStringLiteral("x") + fffd;
    QTest::newRow("kept") << QStringLiteral("Ünïcödé \U0001F600 مرحبا & <b>")
                          << QStringLiteral("Ünïcödé \U0001F600 مرحبا & <b>");
}

void PrintableTextTest::oneLineReplacesControlsAndDropsBidiControls() {
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(PrintableText::oneLine(text), expected);
}

QTEST_GUILESS_MAIN(PrintableTextTest)
#include "printabletexttest.moc"
