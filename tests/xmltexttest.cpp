#include "xmltext.h"

#include <QTest>

using namespace ntl;

// What keeps an exported SVG well-formed: forbidden characters replaced, text escaped,
// and a document that still does not parse recognised (the exporter then writes nothing).
class XmlTextTest : public QObject
{
    Q_OBJECT
private slots:
    void forbiddenCharactersBecomeReplacementCharacters();
    void allowedCharactersAreKept();
    void utf8DocumentsAreCleanedToo();
    void escapedTextIsSafeInsideAnElement();
    void malformedXmlIsRecognised();
};

void XmlTextTest::forbiddenCharactersBecomeReplacementCharacters()
{
    const QChar r(QChar::ReplacementCharacter);
    QString text = QStringLiteral("a");
    text += QChar(0x00);
    text += QChar(0x01);
    text += QChar(0x1F);
    text += QChar(0xD800); // a lone high surrogate
    text += QStringLiteral("b");
    text += QChar(0xDC00); // a lone low surrogate
    text += QChar(0xFFFE);
    text += QChar(0xFFFF);
    QString expected = QStringLiteral("a") + QString(4, r) + QStringLiteral("b") + QString(3, r);
    QCOMPARE(XmlText::replaceForbidden(text), expected);
}

void XmlTextTest::allowedCharactersAreKept()
{
    const QString text = QStringLiteral("tab\tline\ncr\r é – 😀 \u0085 \uFFFD end");
    QCOMPARE(XmlText::replaceForbidden(text), text);
}

void XmlTextTest::utf8DocumentsAreCleanedToo()
{
    const QByteArray clean = "<a>caf\xc3\xa9 \xf0\x9f\x98\x80</a>";
    QCOMPARE(XmlText::replaceForbidden(clean), clean);
    QCOMPARE(XmlText::replaceForbidden(QByteArray("<a>x\x01y\x1bz</a>")), QByteArray("<a>x\xef\xbf\xbdy\xef\xbf\xbdz</a>"));
    QCOMPARE(XmlText::replaceForbidden(QByteArray("<a>\xef\xbf\xbe</a>")), QByteArray("<a>\xef\xbf\xbd</a>")); // U+FFFE
    QString problem;
    QVERIFY2(XmlText::isWellFormed(XmlText::replaceForbidden(QByteArray("<a>x\x01y</a>")), &problem), qPrintable(problem));
}

void XmlTextTest::escapedTextIsSafeInsideAnElement()
{
    const QString title = QStringLiteral("R&D <draft> \"q\" </title><script>x</script>") + QChar(0x02);
    const QString escaped = XmlText::escaped(title);
    QCOMPARE(escaped, QStringLiteral("R&amp;D &lt;draft&gt; &quot;q&quot; &lt;/title&gt;&lt;script&gt;x&lt;/script&gt;\uFFFD"));
    const QByteArray document = "<svg><title>" + escaped.toUtf8() + "</title></svg>";
    QString problem;
    QVERIFY2(XmlText::isWellFormed(document, &problem), qPrintable(problem));
}

void XmlTextTest::malformedXmlIsRecognised()
{
    QString problem;
    QVERIFY(!XmlText::isWellFormed("<svg><title>R&D</title></svg>", &problem));
    QVERIFY2(problem.startsWith(QStringLiteral("not well-formed XML at line 1: ")), qPrintable(problem));
    QVERIFY(!XmlText::isWellFormed("<svg><title>a</title>", &problem)); // cut short
    QVERIFY(!XmlText::isWellFormed(QByteArray("<svg>\x01</svg>"), &problem));
    QVERIFY(!XmlText::isWellFormed(QByteArray(), &problem));
    QVERIFY(XmlText::isWellFormed("<?xml version=\"1.0\"?>\n<svg><title>a</title></svg>", &problem));
}

QTEST_GUILESS_MAIN(XmlTextTest)
#include "xmltexttest.moc"
