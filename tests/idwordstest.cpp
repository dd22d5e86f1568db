// The one rule behind new ids (idWords): ASCII for Latin letters (accents dropped), letters
// of every other script kept as written with their marks, apostrophes joined, at most five
// words of 20 code points; the same rule for events, articles, actors and sides.
#include "idwords.h"
#include "actorsidesdialog.h"
#include "eventdraft.h"
#include "newdatasetdialog.h"

#include <QTest>

using namespace ntl;

class IdWordsTest : public QObject {
    Q_OBJECT
private slots:
    void words_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        const auto row = [](const char *name, const QString &text, const QStringList &words) {
            QTest::newRow(name) << text << words;
        };
        row("ascii", QStringLiteral("Talks resume in Geneva, 2025"),
            {QStringLiteral("talks"), QStringLiteral("resume"), QStringLiteral("in"),
             QStringLiteral("geneva"), QStringLiteral("2025")});
        row("accents folded", QStringLiteral("Ségolène  Royal!"),
            {QStringLiteral("segolene"), QStringLiteral("royal")});
        row("apostrophe joined", QStringLiteral("Russia’s envoy's visit"),
            {QStringLiteral("russias"), QStringLiteral("envoys"), QStringLiteral("visit")});
        row("cyrillic kept", QStringLiteral("Зеленський і Йосип"),
            {QStringLiteral("зеленський"), QStringLiteral("і"), QStringLiteral("йосип")});
        row("greek kept", QStringLiteral("Κυριάκος Μητσοτάκης"),
            {QStringLiteral("κυριάκος"), QStringLiteral("μητσοτάκης")});
        row("devanagari marks kept", QStringLiteral("नरेंद्र मोदी"),
            {QStringLiteral("नरेंद्र"), QStringLiteral("मोदी")});
        row("han kept", QStringLiteral("习近平 visits"),
            {QStringLiteral("习近平"), QStringLiteral("visits")});
        row("arabic kept", QStringLiteral("محمد بن سلمان"),
            {QStringLiteral("محمد"), QStringLiteral("بن"), QStringLiteral("سلمان")});
        row("five words", QStringLiteral("one two three four five six"),
            {QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("three"),
             QStringLiteral("four"), QStringLiteral("five")});
        row("twenty code points", QStringLiteral("Абвгдеёжзийклмнопрстуф x"),
            {QStringLiteral("абвгдеёжзийклмнопрст"), QStringLiteral("x")});
        row("none", QStringLiteral("— 😀 —"), QStringList());
    }
    void words() {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        QCOMPARE(idWords(text), expected);
    }

    void actorsSidesAndEventsShareTheRule() {
        const QString name = QStringLiteral("Володимир Зеленський");
        QCOMPARE(ActorSidesDialog::idFromName(name, {}), QStringLiteral("володимир-зеленський"));
        QCOMPARE(NewDatasetDialog::sideId(name, {}), QStringLiteral("володимир-зеленський"));
        QCOMPARE(EventDraft::newId(name, [](const QString &) { return false; }),
                 QStringLiteral("ev-володимир-зеленський"));
        QCOMPARE(ActorSidesDialog::idFromName(QStringLiteral("Ana Envoy"),
                                              {QStringLiteral("ana-envoy")}),
                 QStringLiteral("ana-envoy-2"));
        QCOMPARE(ActorSidesDialog::idFromName(QStringLiteral("!!"), {}, QStringLiteral("actor")),
                 QStringLiteral("actor"));
    }
};

QTEST_GUILESS_MAIN(IdWordsTest)
#include "idwordstest.moc"
