#include "citation.h"

#include <QTest>

using namespace ntl;

namespace {
Article fullArticle() {
    Article article;
    article.id = QStringLiteral("a000");
    article.title = QStringLiteral("Talks open in Geneva");
    article.publisher = QStringLiteral("Axios");
    article.url = QStringLiteral("https://example.com/geneva");
    article.published = QDate(2025, 11, 23);
    return article;
}
} // namespace

// The citation forms of the details panel's "Copy" menu (issue 14, item 8): each form with a
// complete article, and with the publisher, URL or date missing, and with dataset text that
// Markdown would otherwise read as markup.
class CitationTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }
    void quoteIsTheWordsOnly();
    void plainText();
    void plainTextLeavesOutWhatIsUnknown();
    void markdownLinksTheTitle();
    void markdownWithoutWebUrl();
    void markdownEscapesDatasetText();
    void chicago();
    void chicagoFallbacks();
    void unknownArticleGivesTheQuote();
    void webUrls();
};

void CitationTest::quoteIsTheWordsOnly() {
    const Article article = fullArticle();
    QCOMPARE(Citation::format(Citation::Format::Quote, QStringLiteral("met on *Sunday*"), &article),
             QStringLiteral("met on *Sunday*"));
}

void CitationTest::plainText() {
    const Article article = fullArticle();
    QCOMPARE(
        Citation::format(Citation::Format::PlainText, QStringLiteral("met on Sunday"), &article),
        QStringLiteral("“met on Sunday” — Axios, “Talks open in Geneva”, 23 Nov 2025, "
                       "https://example.com/geneva"));
}

void CitationTest::plainTextLeavesOutWhatIsUnknown() {
    Article article = fullArticle();
    article.publisher.clear();
    article.url.clear();
    article.publishedInferred = true;
    QCOMPARE(Citation::format(Citation::Format::PlainText, QStringLiteral("q"), &article),
             QStringLiteral("“q” — “Talks open in Geneva”, 23 Nov 2025 (inferred)"));
    article.published = QDate();
    QCOMPARE(Citation::format(Citation::Format::PlainText, QStringLiteral("q"), &article),
             QStringLiteral("“q” — “Talks open in Geneva”"));
}

void CitationTest::markdownLinksTheTitle() {
    Article article = fullArticle();
    article.url = QStringLiteral("https://example.com/a (b)");
    QCOMPARE(Citation::format(Citation::Format::Markdown, QStringLiteral("line one\nline two"),
                              &article),
             QStringLiteral("> line one\n> line two\n\n"
                            "[Talks open in Geneva](https://example.com/a%20%28b%29), Axios, "
                            "23 Nov 2025\n"));
}

void CitationTest::markdownWithoutWebUrl() {
    Article article = fullArticle();
    article.url = QStringLiteral("ftp://example.com/x");
    article.publisher.clear();
    article.published = QDate();
    QCOMPARE(Citation::format(Citation::Format::Markdown, QStringLiteral("q"), &article),
             QStringLiteral("> q\n\n“Talks open in Geneva”, ftp://example.com/x\n"));
    article.url.clear();
    QCOMPARE(Citation::format(Citation::Format::Markdown, QStringLiteral("q"), &article),
             QStringLiteral("> q\n\n“Talks open in Geneva”\n"));
}

void CitationTest::markdownEscapesDatasetText() {
    Article article = fullArticle();
    article.title = QStringLiteral("[Click](javascript:x) *now* <b>");
    article.publisher = QStringLiteral("A_B & C");
    const QString text = Citation::format(Citation::Format::Markdown,
                                          QStringLiteral("# 1. `code` \\ ok\n- item"), &article);
    QCOMPARE(text, QStringLiteral("> \\# 1. \\`code\\` \\\\ ok\n> \\- item\n\n"
                                  "[\\[Click\\](javascript:x) \\*now\\* \\<b\\>]"
                                  "(https://example.com/geneva), A\\_B \\& C, 23 Nov 2025\n"));
    // Block markup is escaped only where it starts a line; in the middle it stays as it is.
    QCOMPARE(Citation::escapeMarkdown(QStringLiteral("1. a - b 2) c")),
             QStringLiteral("1\\. a - b 2) c"));
    QCOMPARE(Citation::escapeMarkdown(QStringLiteral("12) x\n+ y")),
             QStringLiteral("12\\) x\n\\+ y"));
}

void CitationTest::chicago() {
    const Article article = fullArticle();
    QCOMPARE(Citation::format(Citation::Format::Chicago, QStringLiteral("q"), &article),
             QStringLiteral("Axios. “Talks open in Geneva.” November 23, 2025. "
                            "https://example.com/geneva."));
}

void CitationTest::chicagoFallbacks() {
    Article article = fullArticle();
    article.publisher.clear();
    article.url.clear();
    article.title = QStringLiteral("Will the talks hold?");
    article.publishedInferred = true;
    // No publisher: the title first; a date the dataset inferred, in brackets; the title's own
    // question mark instead of a period.
    QCOMPARE(Citation::format(Citation::Format::Chicago, QStringLiteral("q"), &article),
             QStringLiteral("“Will the talks hold?” [November 23, 2025]."));
    article.published = QDate();
    QCOMPARE(Citation::format(Citation::Format::Chicago, QStringLiteral("q"), &article),
             QStringLiteral("“Will the talks hold?” n.d."));
}

void CitationTest::unknownArticleGivesTheQuote() {
    for (Citation::Format format :
         {Citation::Format::PlainText, Citation::Format::Markdown, Citation::Format::Chicago})
        QCOMPARE(Citation::format(format, QStringLiteral("q"), nullptr), QStringLiteral("q"));
}

void CitationTest::webUrls() {
    QVERIFY(Citation::isWebUrl(QStringLiteral("https://example.com/x")));
    QVERIFY(Citation::isWebUrl(QStringLiteral("HTTP://example.com")));
    QVERIFY(!Citation::isWebUrl(QStringLiteral("javascript:alert(1)")));
    QVERIFY(!Citation::isWebUrl(QStringLiteral("file:///etc/passwd")));
    QVERIFY(!Citation::isWebUrl(QStringLiteral("example.com")));
    QVERIFY(!Citation::isWebUrl(QString()));
}

QTEST_GUILESS_MAIN(CitationTest)
#include "citationtest.moc"
