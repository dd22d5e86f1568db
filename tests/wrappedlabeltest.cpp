#include "plaintext.h"
#include "wrappedlabel.h"

#include <QTest>

using namespace ntl;

// WrappedLabel keeps QLabel's answers for a wrapped plain text (its height at each width, its
// minimum width the widest word) while measuring less, and answers anew after any change.
class WrappedLabelTest : public QObject {
    Q_OBJECT
private slots:
    void answersAsQLabel_data();
    void answersAsQLabel();
    void answersAnewAfterChanges();
    void plainTextLabelsAreWrapped();
};

namespace {
QLabel *configure(QLabel *label, const QString &text) {
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    label->setText(text);
    return label;
}
} // namespace

void WrappedLabelTest::answersAsQLabel_data() {
    QTest::addColumn<QString>("text");
    QTest::newRow("short") << QStringLiteral("Geneva talks");
    QTest::newRow("sentence")
        << QStringLiteral("Ukrainian and US delegations met in Geneva to revise the 28-point plan, "
                          "and agreed on an updated framework of 19 points.");
    QTest::newRow("lines") << QStringLiteral("First line\nsecond, a little longer line\nthird");
    QTest::newRow("long word") << QStringLiteral("See https://example.org/a/very/long/path/to/"
                                                 "an/article/without/any/space in it");
    QTest::newRow("scripts") << QStringLiteral("Зеленский и Трамп встретятся 🤝 في جنيف, "
                                               "日本語のテキスト also here");
    QTest::newRow("quote") << QStringLiteral("“%1”").arg(QStringLiteral("word ").repeated(60));
    // Line ends other than \n that QLabel's text document also starts a new paragraph at.
    QTest::newRow("carriage returns") << QStringLiteral("First line\rsecond line\r\nthird");
    QTest::newRow("paragraph separator") << QStringLiteral("First line\u2029second line");
    QTest::newRow("line separator") << QStringLiteral("First line\u2028second line");
    QTest::newRow("tabs") << QStringLiteral("Kind:\tmeeting\tand a few more words after it");
}

void WrappedLabelTest::answersAsQLabel() {
    QFETCH(QString, text);
    QLabel plain;
    WrappedLabel wrapped;
    configure(&plain, text);
    configure(&wrapped, text);
    QFont boldItalic = plain.font();
    boldItalic.setBold(true);
    boldItalic.setItalic(true);
    for (const QMargins &margins : {QMargins(), QMargins(12, 2, 0, 2)}) {
        plain.setContentsMargins(margins);
        wrapped.setContentsMargins(margins);
        if (!margins.isNull()) { // the details panel's quotes: italic, indented
            plain.setFont(boldItalic);
            wrapped.setFont(boldItalic);
        }
        for (int width = 40; width <= 640; width += 30) {
            QCOMPARE(wrapped.heightForWidth(width), plain.heightForWidth(width));
            QCOMPARE(wrapped.heightForWidth(width), plain.heightForWidth(width)); // kept
        }
        // The minimum width is the widest word (a wrapped label narrower cuts it off); the
        // metrics of the font give it to a pixel or two of the laid-out text's.
        QVERIFY2(std::abs(wrapped.minimumSizeHint().width() - plain.minimumSizeHint().width()) <= 2,
                 qPrintable(QStringLiteral("%1 vs %2").arg(wrapped.minimumSizeHint().width())
                                .arg(plain.minimumSizeHint().width())));
        QVERIFY(wrapped.minimumSizeHint().width() >= plain.minimumSizeHint().width() - 2);
        QVERIFY(wrapped.minimumSizeHint().height() > 0);
        QVERIFY(wrapped.minimumSizeHint().height() <= wrapped.sizeHint().height());
        // The size hint's height is the text's height at the hint's width.
        QCOMPARE(wrapped.sizeHint().height(), plain.heightForWidth(wrapped.sizeHint().width()));
        QVERIFY(wrapped.sizeHint().width() <= 80 * wrapped.fontMetrics().averageCharWidth() +
                                                  margins.left() + margins.right());
    }
}

void WrappedLabelTest::answersAnewAfterChanges() {
    WrappedLabel label;
    configure(&label, QStringLiteral("short"));
    const int oneLine = label.heightForWidth(200);
    const int narrow = label.minimumSizeHint().width();
    // A new text.
    label.setText(QStringLiteral("a text long enough to need several lines at two hundred "
                                 "pixels, and an unbreakable-compound-word-here"));
    QVERIFY(label.heightForWidth(200) > oneLine);
    QVERIFY(label.minimumSizeHint().width() > narrow);
    // A larger font.
    const int before = label.heightForWidth(200);
    const int widestBefore = label.minimumSizeHint().width();
    QFont font = label.font();
    font.setPointSizeF(font.pointSizeF() * 2);
    label.setFont(font);
    QVERIFY(label.heightForWidth(200) > before);
    QVERIFY(label.minimumSizeHint().width() > widestBefore);
    // Margins.
    const int withoutMargins = label.heightForWidth(200);
    label.setContentsMargins(0, 10, 0, 10);
    QCOMPARE(label.heightForWidth(200), withoutMargins + 20);
    // Word wrap off: QLabel's own answers.
    label.setWordWrap(false);
    QLabel plain;
    configure(&plain, label.text());
    plain.setWordWrap(false);
    plain.setFont(font);
    plain.setContentsMargins(0, 10, 0, 10);
    QCOMPARE(label.sizeHint(), plain.sizeHint());
    QCOMPARE(label.minimumSizeHint(), plain.minimumSizeHint());
}

void WrappedLabelTest::plainTextLabelsAreWrapped() {
    std::unique_ptr<QLabel> label(PlainText::label(QStringLiteral("x")));
    QVERIFY(qobject_cast<WrappedLabel *>(label.get()));
    QVERIFY(label->wordWrap());
}

QTEST_MAIN(WrappedLabelTest)
#include "wrappedlabeltest.moc"
