#include "diagnostictext.h"

#include <QTest>

using namespace ntl;

// The window's words for the reader's diagnostics (issue 14, item 7): places named as a reader
// knows them, common messages reworded, dataset text escaped; the command line's form is
// Diagnostic::toString(), unchanged (commandlinetest).
class DiagnosticTextTest : public QObject {
    Q_OBJECT
private slots:
    void namesTheEventByItsTitle();
    void numbersFromOneWithoutADataset();
    void rewordsCommonMessages();
    void lineAndColumnInWords();
    void escapesControlCharacters();
    void shortTitleCutsAtAWord();
    void keepsTheCommandLineForm();
};

namespace {
Dataset sample() {
    Dataset dataset;
    Event event;
    event.id = QStringLiteral("e1");
    event.title = QStringLiteral("Geneva talks");
    dataset.events.append(event);
    Article article;
    article.id = QStringLiteral("a1");
    article.title = QStringLiteral("Army Secretary Driscoll holds talks with Russian officials in "
                                   "Abu Dhabi after Geneva understandings with Ukraine");
    dataset.articles.append(article);
    return dataset;
}

Diagnostic at(const QString &path, const QString &message) {
    Diagnostic d;
    d.file = QStringLiteral("data.json");
    d.jsonPath = path;
    d.message = message;
    return d;
}
} // namespace

void DiagnosticTextTest::namesTheEventByItsTitle() {
    const Dataset dataset = sample();
    QCOMPARE(DiagnosticText::plain(at(QStringLiteral("/events/0/participants/0/actor"),
                                      QStringLiteral("unknown actor id \"x\"")),
                                   &dataset),
             QStringLiteral("Event “Geneva talks”, participant 1, actor: “x” is not in the list "
                            "of actors"));
    QCOMPARE(DiagnosticText::place(QStringLiteral("/articles/0/title"), &dataset),
             QStringLiteral("Article “Army Secretary Driscoll holds talks with…”, title"));
}

void DiagnosticTextTest::numbersFromOneWithoutADataset() {
    QCOMPARE(DiagnosticText::place(QStringLiteral("/events/3/sources/1/exact")),
             QStringLiteral("Event 4, source passage 2, exact"));
    // An index past the dataset's list (an error's path) is numbered too.
    const Dataset dataset = sample();
    QCOMPARE(DiagnosticText::place(QStringLiteral("/events/7"), &dataset),
             QStringLiteral("Event 8"));
    QCOMPARE(DiagnosticText::place(QStringLiteral("/version")),
             QStringLiteral("The dataset's “version”"));
}

void DiagnosticTextTest::rewordsCommonMessages() {
    QCOMPARE(DiagnosticText::plain(
                 at(QStringLiteral("/actors/2/side"), QStringLiteral("unknown side id \"west\""))),
             QStringLiteral("Actor 3, side: “west” is not in the list of sides"));
    QCOMPARE(DiagnosticText::plain(at(QStringLiteral("/events/1/id"),
                                      QStringLiteral("duplicate event id \"e\" (first used at "
                                                     "/events/0)"))),
             QStringLiteral("Event 2, id: another event already has the id “e”"));
    QCOMPARE(DiagnosticText::plain(
                 at(QStringLiteral("/events/0/title"), QStringLiteral("expected a string, found "
                                                                      "an integer"))),
             QStringLiteral("Event 1, title: should be a string, but is an integer"));
    QCOMPARE(DiagnosticText::plain(at(QStringLiteral("/events/0/title"),
                                      QStringLiteral("expected a non-empty string"))),
             QStringLiteral("Event 1, title: must not be empty"));
}

void DiagnosticTextTest::lineAndColumnInWords() {
    Diagnostic d;
    d.file = QStringLiteral("data.json");
    d.line = 3;
    d.column = 7;
    d.message = QStringLiteral("not valid JSON: missing comma");
    QCOMPARE(DiagnosticText::plain(d),
             QStringLiteral("Line 3, column 7: not valid JSON: missing comma"));
}

void DiagnosticTextTest::escapesControlCharacters() {
    const QString text =
        DiagnosticText::plain(at(QStringLiteral("/events/0/participants/0/actor"),
                                 QStringLiteral("unknown actor id \"x\x1b[31m\nforged\"")));
    QVERIFY2(!text.contains(QChar(0x1b)) && !text.contains(u'\n'), qPrintable(text));
}

void DiagnosticTextTest::shortTitleCutsAtAWord() {
    QCOMPARE(DiagnosticText::shortTitle(QStringLiteral("Short")), QStringLiteral("Short"));
    const QString cut = DiagnosticText::shortTitle(
        QStringLiteral("US holds parallel talks with Russia and Ukraine, saying only a few "
                       "delicate issues remain"));
    QCOMPARE(cut, QStringLiteral("US holds parallel talks with Russia and Ukraine…"));
    QVERIFY(cut.size() <= 48);
}

void DiagnosticTextTest::keepsTheCommandLineForm() {
    QCOMPARE(at(QStringLiteral("/events/0/participants/0/actor"),
                QStringLiteral("unknown actor id \"x\""))
                 .toString(),
             QStringLiteral("data.json: /events/0/participants/0/actor: error: unknown actor id "
                            "\"x\""));
}

QTEST_GUILESS_MAIN(DiagnosticTextTest)
#include "diagnostictexttest.moc"
