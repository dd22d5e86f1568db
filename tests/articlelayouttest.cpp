#include "articlelayout.h"
#include "passagehighlights.h"

#include <QAbstractTextDocumentLayout>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using namespace ntl;

class ArticleLayoutTest : public QObject {
    Q_OBJECT
private slots:
    void showsWhatLayingOutTheWholeTextShows();
};

namespace {
constexpr qreal largest = 10.8;
const QSizeF page(500, 300);

// A line as drawn: where its text starts in the article, how long it is, and its top.
struct Line {
    int start = 0;
    int length = 0;
    qreal top = 0;
    bool operator==(const Line &other) const {
        return start == other.start && length == other.length && qFuzzyCompare(top, other.top);
    }
};

struct Shown {
    qreal pointSize = 0;
    bool overflows = false;
    qreal visible = 0;
    QList<Line> lines; // those above `visible`
};

QList<Line> linesAbove(const QTextDocument &document, qreal visible) {
    QList<Line> lines;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const qreal top = document.documentLayout()->blockBoundingRect(block).top();
        const QTextLayout *layout = block.layout();
        for (int i = 0; i < layout->lineCount(); ++i) {
            const QTextLine line = layout->lineAt(i);
            if (top + line.rect().bottom() <= visible)
                lines.append(
                    {block.position() + line.textStart(), line.textLength(), top + line.y()});
        }
    }
    return lines;
}

// The specification: the whole text laid out at each size until it fits.
Shown wholeText(const QString &text, const QList<PassageHighlights::Range> &ranges,
                const ArticleLayout::Formats &formats, qreal limit) {
    QTextDocument document;
    document.setPlainText(text);
    document.setDocumentMargin(0);
    PassageHighlights::apply(document, ranges, formats.highlight, formats.emphasis);
    document.setTextWidth(page.width());
    Shown shown;
    QFont font;
    for (qreal size = largest; size >= 7.0; size -= 0.5) {
        shown.pointSize = size;
        font.setPointSizeF(size);
        document.setDefaultFont(font);
        if (document.size().height() <= page.height())
            break;
    }
    shown.overflows = document.size().height() > page.height();
    shown.visible = limit;
    if (shown.overflows) {
        for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
            const qreal top = document.documentLayout()->blockBoundingRect(block).top();
            const QTextLayout *layout = block.layout();
            bool found = false;
            for (int i = 0; i < layout->lineCount() && !found; ++i) {
                if (top + layout->lineAt(i).rect().bottom() > limit) {
                    shown.visible = top + layout->lineAt(i).rect().top();
                    found = true;
                }
            }
            if (found)
                break;
        }
    }
    shown.lines = linesAbove(document, shown.visible);
    return shown;
}
} // namespace

void ArticleLayoutTest::showsWhatLayingOutTheWholeTextShows() {
    // Issue 12 item 9: only the start of the article is laid out. Whatever the length,
    // paragraphs or one long paragraph, scripts shaped across words, the chosen size, the
    // overflow, the cut and every line shown must be those of the whole text.
    ArticleLayout::Formats formats;
    formats.highlight.setBackground(Qt::yellow);
    formats.emphasis.setBackground(Qt::red);
    formats.emphasis.setFontUnderline(true);
    const QString arabic = QStringLiteral("\u0627\u0644\u0645\u0641\u0627\u0648\u0636\u0627\u062a "
                                          "\u0627\u0633\u062a\u0645\u0631\u062a \U0001F54A. ");
    bool fitAtAMiddleSize = false;
    bool overflowed = false;
    bool cutInsideAParagraph = false;
    for (const bool paragraphs : {true, false}) {
        for (const int sentences : {5, 40, 80, 120, 160, 240, 320, 480, 800, 1500}) {
            // Narrow letters under combining marks: many more code units fit than an
            // estimate by the average width says, so the prefix laid out must grow.
            for (const QString &kind : {QStringLiteral("latin"), QStringLiteral("mixed scripts"),
                                        QStringLiteral("marked letters")}) {
                QString text;
                PassageHighlights highlights;
                for (int i = 0; i < sentences; ++i) {
                    const QString sentence =
                        kind == QLatin1String("marked letters")
                            ? QStringLiteral("i\u0301\u0302\u0303l\u0301\u0302\u0303. ")
                        : kind == QLatin1String("mixed scripts") && i % 2
                            ? arabic
                            : QStringLiteral("Sentence %1 of the article. ").arg(i);
                    if (i % 3 == 0)
                        highlights.add(int(text.size()), int(text.size() + sentence.size() - 1),
                                       i % 9 == 0);
                    text += sentence;
                    if (paragraphs && i % 50 == 49)
                        text[text.size() - 1] = u'\n';
                }
                const QList<PassageHighlights::Range> ranges = highlights.ranges();
                ArticleLayout layout(text, ranges, formats, QFont(), largest, page);
                const qreal limit = page.height() - 20; // room for the note
                const Shown expected = wholeText(text, ranges, formats, limit);
                const QString where =
                    QStringLiteral("%1 sentences%2, %3")
                        .arg(sentences)
                        .arg(paragraphs ? QStringLiteral(" in paragraphs") : QString())
                        .arg(kind);
                QVERIFY2(layout.pointSize() == expected.pointSize, qPrintable(where));
                QVERIFY2(layout.overflows() == expected.overflows, qPrintable(where));
                QVERIFY2(qFuzzyCompare(layout.wholeLinesEnd(limit), expected.visible),
                         qPrintable(where));
                QVERIFY2(linesAbove(layout.document(), expected.visible) == expected.lines,
                         qPrintable(where));
                QVERIFY(!expected.lines.isEmpty());
                fitAtAMiddleSize |= !expected.overflows && expected.pointSize < largest;
                overflowed |= expected.overflows;
                const int laidOut = layout.document().characterCount() - 1;
                cutInsideAParagraph |= !paragraphs && laidOut < text.size();
                if (sentences == 1500) // far more than fits: only a part is laid out
                    QVERIFY2(laidOut < text.size(), qPrintable(where));
            }
        }
    }
    // The cases cover every outcome.
    QVERIFY(fitAtAMiddleSize);
    QVERIFY(overflowed);
    QVERIFY(cutInsideAParagraph);
}

QTEST_MAIN(ArticleLayoutTest)
#include "articlelayouttest.moc"
