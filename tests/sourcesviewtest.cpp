#include "sourcesview.h"
#include "articlemodel.h"
#include "document.h"
#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "passagehighlights.h"
#include "sidepalette.h"
#include "testdataset.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTableView>
#include <QRandomGenerator>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QTest>

#include <tuple>

using namespace ntl;

class SourcesViewTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void listsTheCitedArticlesAndShowsTheFirst();
    void showPassageSelectsExactlyThePassage();
    void showPassageRejectsUnknownPassages();
    void showPassageScrollsALongArticle();
    void currentEventIsEmphasised();
    void eventChosenElsewhereOpensItsArticle();
    void clickingAPassageSelectsItsEvent();
    void passageListNamesEventsAndSelectsThem();
    void filterRemovesHighlightsAndArticles();
    void hiddenViewCatchesUpWhenShown();
    void paletteChangeRecolours();
    void markupIsShownLiterally();
    void keyboardAndAccessibility();
    void manyPassagesInOneArticleAreAllHighlighted();
    void anAddedEventJoinsThePassageListInPlace();

private:
    void setDataset(const std::shared_ptr<const Dataset> &dataset);
    void select(const QString &eventId);
    QString currentEventId() const;
    // A highlight the text view draws: a format range of the document's block layouts,
    // in document positions, one continued across a paragraph break joined into one.
    struct Drawn {
        int start = 0;
        int end = 0;
        QTextCharFormat format;
    };
    QList<Drawn> drawnRanges() const;
    // The background of the highlight drawn over exactly [start, end); invalid if none.
    QColor highlightAt(int start, int end) const;
    QStringList listedArticleIds() const;
    QPoint pointInside(int position) const;

    EventModel *m_events = nullptr;
    EventFilterModel *m_filter = nullptr;
    QItemSelectionModel *m_selection = nullptr;
    ArticleModel *m_articles = nullptr;
    SourcesView *m_view = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

namespace {
const QString talksA =
    QStringLiteral("The northern and southern delegations met in Lakeside on Monday");
const QString statementB = QStringLiteral("The northern envoy called the talks constructive.");

// A dataset of one article and the given events, each citing [start, end) of it.
std::shared_ptr<Dataset> inlineDataset(const QString &text,
                                       const QList<std::tuple<QString, QString, int, int>> &events)
{
    auto dataset = std::make_shared<Dataset>();
    dataset->title = QStringLiteral("Inline");
    Article article;
    article.id = QStringLiteral("inline-article");
    article.title = QStringLiteral("Inline article");
    article.published = QDate(2030, 3, 5);
    article.text = text;
    dataset->articles.append(article);
    int day = 1;
    for (const auto &[id, title, start, end] : events) {
        Event event;
        event.id = id;
        event.title = title;
        event.date.start = event.date.end = QDate(2030, 3, day++);
        SourcePassage source;
        source.articleId = article.id;
        source.start = start;
        source.end = end;
        source.exact = text.mid(start, end - start);
        event.sources.append(source);
        dataset->events.append(event);
    }
    dataset->reindex();
    return dataset;
}
} // namespace

void SourcesViewTest::initTestCase()
{
    // The passage list names dates in English.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

void SourcesViewTest::init()
{
    m_events = new EventModel;
    m_filter = new EventFilterModel;
    m_filter->setSourceModel(m_events);
    m_selection = new QItemSelectionModel(m_filter);
    m_articles = new ArticleModel;
    m_view = new SourcesView(m_events, m_filter, m_selection, m_articles);
    m_tester = new QAbstractItemModelTester(m_view->articleList()->model(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Loaded after construction, so the view also goes through a dataset reset.
    setDataset(loadFixture("valid/minimal.json"));
    m_view->resize(900, 600);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
}

void SourcesViewTest::cleanup()
{
    delete m_tester;
    delete m_view;
    delete m_selection;
    delete m_filter;
    delete m_events;
    delete m_articles;
}

void SourcesViewTest::setDataset(const std::shared_ptr<const Dataset> &dataset)
{
    m_selection->clear();
    m_events->setDataset(dataset);
    m_articles->setDataset(dataset);
}

void SourcesViewTest::select(const QString &eventId)
{
    const QModelIndex index = m_filter->indexOfEvent(eventId);
    QVERIFY(index.isValid());
    m_selection->setCurrentIndex(index,
                                 QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

QString SourcesViewTest::currentEventId() const
{
    return m_selection->currentIndex().data(EventModel::EventIdRole).toString();
}

QList<SourcesViewTest::Drawn> SourcesViewTest::drawnRanges() const
{
    QList<Drawn> drawn;
    const QTextDocument *document = m_view->textView()->document();
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
            const int start = block.position() + range.start;
            if (!drawn.isEmpty() && drawn.last().end == start &&
                drawn.last().format == range.format)
                drawn.last().end = start + range.length;
            else
                drawn.append({start, start + range.length, range.format});
        }
    }
    // Nothing drawn a second way on top.
    if (!m_view->textView()->extraSelections().isEmpty())
        drawn.append({-1, -1, QTextCharFormat()});
    return drawn;
}

QColor SourcesViewTest::highlightAt(int start, int end) const
{
    for (const Drawn &range : drawnRanges()) {
        if (range.start == start && range.end == end)
            return range.format.background().color();
    }
    return QColor();
}

QStringList SourcesViewTest::listedArticleIds() const
{
    QStringList ids;
    const QAbstractItemModel *model = m_view->articleList()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        ids.append(model->index(row, 0).data(ArticleModel::ArticleIdRole).toString());
    return ids;
}

QPoint SourcesViewTest::pointInside(int position) const
{
    QTextCursor cursor(m_view->textView()->document());
    cursor.setPosition(position);
    const QRect caret = m_view->textView()->cursorRect(cursor);
    return QPoint(caret.left() + 2, caret.center().y()); // over the character after the caret
}

void SourcesViewTest::listsTheCitedArticlesAndShowsTheFirst()
{
    QCOMPARE(listedArticleIds(), (QStringList{QStringLiteral("art-a"), QStringLiteral("art-b")}));
    QCOMPARE(m_view->currentArticleId(), QStringLiteral("art-a"));
    QCOMPARE(m_view->textView()->toPlainText(),
             m_events->dataset()->article(QStringLiteral("art-a"))->text);
    QVERIFY(m_view->textView()->isReadOnly());

    // Selecting an article in the list shows its text.
    QTableView *table = m_view->articleList();
    table->selectionModel()->setCurrentIndex(table->model()->index(1, 0),
                                             QItemSelectionModel::ClearAndSelect |
                                                 QItemSelectionModel::Rows);
    QCOMPARE(m_view->currentArticleId(), QStringLiteral("art-b"));
    QCOMPARE(m_view->textView()->toPlainText(),
             m_events->dataset()->article(QStringLiteral("art-b"))->text);
    // Columns: title, publisher, date, passages, events.
    QCOMPARE(table->model()->columnCount(), 5);
    QCOMPARE(table->model()->index(1, ArticleModel::PassagesColumn).data().toInt(), 2);
}

void SourcesViewTest::showPassageSelectsExactlyThePassage()
{
    QVERIFY(m_view->showPassage(QStringLiteral("ev-statement"), 1));
    QCOMPARE(m_view->currentArticleId(), QStringLiteral("art-b"));
    QCOMPARE(m_view->textView()->textCursor().selectedText(), statementB);
    QCOMPARE(currentEventId(), QStringLiteral("ev-statement"));
    QCOMPARE(m_selection->selectedRows().size(), 1);
    // The article is selected in the article list.
    const QModelIndex article = m_view->articleList()->selectionModel()->currentIndex();
    QCOMPARE(article.data(ArticleModel::ArticleIdRole).toString(), QStringLiteral("art-b"));
    QVERIFY(m_view->articleList()->selectionModel()->isRowSelected(article.row()));

    QVERIFY(m_view->showPassage(QStringLiteral("ev-talks"), 0));
    QCOMPARE(m_view->currentArticleId(), QStringLiteral("art-a"));
    QCOMPARE(m_view->textView()->textCursor().selectedText(), talksA);
    QCOMPARE(currentEventId(), QStringLiteral("ev-talks"));

    // An event the filter hides is shown, but not made current.
    m_filter->setKinds({QStringLiteral("talks")});
    select(QStringLiteral("ev-second-round"));
    QVERIFY(m_view->showPassage(QStringLiteral("ev-statement"), 1));
    QCOMPARE(m_view->textView()->textCursor().selectedText(), statementB);
    QCOMPARE(currentEventId(), QStringLiteral("ev-second-round"));
}

void SourcesViewTest::showPassageRejectsUnknownPassages()
{
    QVERIFY(!m_view->showPassage(QStringLiteral("no-such-event"), 0));
    QVERIFY(!m_view->showPassage(QStringLiteral("ev-talks"), 2));
    QVERIFY(!m_view->showPassage(QStringLiteral("ev-talks"), -1));
    QCOMPARE(m_view->currentArticleId(), QStringLiteral("art-a"));
    QVERIFY(!m_selection->currentIndex().isValid());
}

void SourcesViewTest::showPassageScrollsALongArticle()
{
    QString text;
    for (int line = 0; line < 300; ++line)
        text += QStringLiteral("Line %1 of a long article.\n").arg(line);
    const QString last = QStringLiteral("The closing passage.");
    const int start = int(text.size());
    text += last;
    setDataset(inlineDataset(text, {{QStringLiteral("e-first"), QStringLiteral("First"), 0, 4},
                                    {QStringLiteral("e-last"), QStringLiteral("Last"), start,
                                     start + int(last.size())}}));
    QPlainTextEdit *view = m_view->textView();
    QCOMPARE(view->verticalScrollBar()->value(), 0);

    QVERIFY(m_view->showPassage(QStringLiteral("e-last"), 0));
    QCOMPARE(view->textCursor().selectedText(), last);
    QVERIFY(view->verticalScrollBar()->value() > 0);
    QVERIFY(view->viewport()->rect().contains(view->cursorRect()));

    // Chosen elsewhere, the first event brings its passage back into view.
    select(QStringLiteral("e-first"));
    QCOMPARE(view->verticalScrollBar()->value(), 0);
}

void SourcesViewTest::currentEventIsEmphasised()
{
    const SidePalette colors(m_view->palette());
    const QColor plain = colors.passageHighlight(false);
    const QColor emphasised = colors.passageHighlight(true);
    QVERIFY(plain != emphasised);

    // Nothing current: every shown passage highlighted, none emphasised.
    QCOMPARE(highlightAt(0, 63), plain);
    QCOMPARE(highlightAt(94, 138), plain);
    QCOMPARE(highlightAt(139, 179), plain);
    QCOMPARE(drawnRanges().size(), 3);

    select(QStringLiteral("ev-talks"));
    QCOMPARE(highlightAt(0, 63), emphasised);
    QCOMPARE(highlightAt(94, 138), plain);
    QCOMPARE(highlightAt(139, 179), plain);

    select(QStringLiteral("ev-second-round"));
    QCOMPARE(highlightAt(0, 63), plain);
    QCOMPARE(highlightAt(139, 179), emphasised);
    for (const Drawn &range : drawnRanges()) {
        const bool isCurrent = range.start == 139;
        QCOMPARE(range.format.fontUnderline(), isCurrent);
    }

    // The selected row counts when there is no current index.
    m_selection->clearCurrentIndex();
    m_selection->select(m_filter->indexOfEvent(QStringLiteral("ev-statement")),
                        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCOMPARE(highlightAt(94, 138), emphasised);
    QCOMPARE(highlightAt(139, 179), plain);
}

void SourcesViewTest::eventChosenElsewhereOpensItsArticle()
{
    QVERIFY(m_view->showArticle(QStringLiteral("art-b")));
    QCOMPARE(m_view->currentArticleId(), QStringLiteral("art-b"));
    // art-b has a passage of the statement: the view stays on it.
    select(QStringLiteral("ev-statement"));
    QCOMPARE(m_view->currentArticleId(), QStringLiteral("art-b"));
    QCOMPARE(m_view->textView()->textCursor().position(), 57);
    // The second round is only in art-a: the view switches to it.
    select(QStringLiteral("ev-second-round"));
    QCOMPARE(m_view->currentArticleId(), QStringLiteral("art-a"));
    QCOMPARE(m_view->textView()->textCursor().position(), 139);
    QCOMPARE(highlightAt(139, 179), SidePalette(m_view->palette()).passageHighlight(true));
}

void SourcesViewTest::clickingAPassageSelectsItsEvent()
{
    QPlainTextEdit *text = m_view->textView();
    QCOMPARE(m_view->currentArticleId(), QStringLiteral("art-a"));

    QTest::mouseClick(text->viewport(), Qt::LeftButton, {}, pointInside(100)); // the statement
    QCOMPARE(currentEventId(), QStringLiteral("ev-statement"));
    const QModelIndexList rows = m_selection->selectedRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().data(EventModel::EventIdRole).toString(), QStringLiteral("ev-statement"));
    QVERIFY(
        m_selection->isRowSelected(m_filter->indexOfEvent(QStringLiteral("ev-statement")).row()));
    QCOMPARE(highlightAt(94, 138), SidePalette(m_view->palette()).passageHighlight(true));

    QTest::mouseClick(text->viewport(), Qt::LeftButton, {}, pointInside(10)); // the talks
    QCOMPARE(currentEventId(), QStringLiteral("ev-talks"));

    // Outside every passage nothing changes.
    QTest::mouseClick(text->viewport(), Qt::LeftButton, {}, pointInside(75));
    QCOMPARE(currentEventId(), QStringLiteral("ev-talks"));

    // A hidden event's passage is not clickable.
    m_filter->setKinds({QStringLiteral("talks")});
    QTest::mouseClick(text->viewport(), Qt::LeftButton, {}, pointInside(100));
    QCOMPARE(currentEventId(), QStringLiteral("ev-talks"));
}

void SourcesViewTest::passageListNamesEventsAndSelectsThem()
{
    QListWidget *list = m_view->passageList();
    QCOMPARE(list->count(), 3);
    QCOMPARE(list->item(0)->text(),
             QStringLiteral("Mon 4 Mar 2030 · Talks in Lakeside\n●● 2 of 2 articles"));
    QVERIFY(list->item(1)->text().startsWith(
        QStringLiteral("4–5 Mar 2030 · League calls talks constructive")));
    QCOMPARE(list->item(2)->text(),
             QStringLiteral("week of 11 Mar 2030 · Second round announced\n●○ 1 of 2 articles"));

    const QRect third = list->visualItemRect(list->item(2));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, third.center());
    QCOMPARE(currentEventId(), QStringLiteral("ev-second-round"));
    QCOMPARE(m_view->textView()->textCursor().position(), 139);
    QVERIFY(list->item(2)->font().bold());
    QVERIFY(!list->item(0)->font().bold());

    // By keyboard: moving up the list selects that passage's event.
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Up);
    QCOMPARE(currentEventId(), QStringLiteral("ev-statement"));
    QCOMPARE(m_view->textView()->textCursor().position(), 94);

    // A narrow window: entries are elided at the list's width, never scrolled sideways.
    m_view->resize(420, 600);
    const QString firstLine = list->item(1)->text().section(QLatin1Char('\n'), 0, 0);
    QTRY_VERIFY(list->viewport()->width() < list->fontMetrics().horizontalAdvance(firstLine));
    QVERIFY(!list->horizontalScrollBar()->isVisible());
    QVERIFY(list->visualItemRect(list->item(1)).width() <= list->viewport()->width());
}

void SourcesViewTest::filterRemovesHighlightsAndArticles()
{
    QVERIFY(m_view->showArticle(QStringLiteral("art-b")));
    m_filter->setStatuses({int(EventStatus::Planned)}); // only the second round, in art-a
    QCOMPARE(listedArticleIds(), QStringList{QStringLiteral("art-a")});
    QCOMPARE(m_view->currentArticleId(), QStringLiteral("art-a"));
    QVERIFY(!highlightAt(0, 63).isValid());
    QVERIFY(!highlightAt(94, 138).isValid());
    QVERIFY(highlightAt(139, 179).isValid());
    QCOMPARE(drawnRanges().size(), 1);
    QCOMPARE(m_view->passageList()->count(), 1);

    m_filter->setDateRange(QDate(2031, 1, 1), QDate()); // nothing shown
    QVERIFY(listedArticleIds().isEmpty());
    QVERIFY(drawnRanges().isEmpty());
    QVERIFY(m_view->textView()->toPlainText().isEmpty());
    QCOMPARE(m_view->passageList()->count(), 0);

    m_filter->clearFilters();
    QCOMPARE(listedArticleIds().size(), 2);
    QCOMPARE(drawnRanges().size(), 3);

    // Hiding the current event drops its emphasis along with its highlight.
    select(QStringLiteral("ev-talks"));
    m_filter->setKinds({QStringLiteral("statement")});
    QVERIFY(!highlightAt(0, 63).isValid());
    QVERIFY(highlightAt(94, 138).isValid());
    QCOMPARE(drawnRanges().size(), 1);
}

void SourcesViewTest::hiddenViewCatchesUpWhenShown()
{
    QVERIFY(m_view->showArticle(QStringLiteral("art-b")));
    m_view->hide(); // another tab is in front: filter and selection changes wait for the view
    m_filter->setStatuses({int(EventStatus::Planned)}); // only the second round, in art-a
    select(QStringLiteral("ev-second-round"));
    QCOMPARE(m_view->passageList()->count(), 2); // still art-b's two passages
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
    QCOMPARE(listedArticleIds(), QStringList{QStringLiteral("art-a")});
    QCOMPARE(m_view->currentArticleId(), QStringLiteral("art-a"));
    QCOMPARE(m_view->passageList()->count(), 1);
    QCOMPARE(m_view->textView()->textCursor().position(), 139); // the chosen event's passage
    QCOMPARE(highlightAt(139, 179), SidePalette(m_view->palette()).passageHighlight(true));
}

void SourcesViewTest::paletteChangeRecolours()
{
    select(QStringLiteral("ev-talks"));
    const QPalette light(QColor(0xf0, 0xf0, 0xf0));
    const QPalette dark(QColor(0x30, 0x30, 0x30));
    QVERIFY(SidePalette(light).passageHighlight(true) != SidePalette(dark).passageHighlight(true));
    m_view->setPalette(light);
    QCOMPARE(highlightAt(0, 63), SidePalette(light).passageHighlight(true));
    QCOMPARE(highlightAt(94, 138), SidePalette(light).passageHighlight(false));
    m_view->setPalette(dark);
    QCOMPARE(highlightAt(0, 63), SidePalette(dark).passageHighlight(true));
    QCOMPARE(highlightAt(94, 138), SidePalette(dark).passageHighlight(false));
}

void SourcesViewTest::markupIsShownLiterally()
{
    const QString text = QStringLiteral("<b>bold</b> <img src=\"file:///etc/passwd\">");
    auto dataset =
        inlineDataset(text, {{QStringLiteral("e-markup"), QStringLiteral("<i>event</i>"), 0, 11}});
    dataset->articles[0].title = QStringLiteral("<h1>title</h1>");
    setDataset(dataset);
    QCOMPARE(m_view->currentArticleId(), QStringLiteral("inline-article"));
    QCOMPARE(m_view->textView()->toPlainText(), text);
    QCOMPARE(m_view->textView()->document()->blockCount(), 1);
    QVERIFY(m_view->showPassage(QStringLiteral("e-markup"), 0));
    QCOMPARE(m_view->textView()->textCursor().selectedText(), QStringLiteral("<b>bold</b>"));
    QVERIFY(m_view->passageList()->item(0)->text().contains(QStringLiteral("<i>event</i>")));
    bool headingFound = false;
    for (const QLabel *label : m_view->findChildren<QLabel *>()) {
        if (label->text().contains(QStringLiteral("<h1>title</h1>"))) {
            headingFound = true;
            QCOMPARE(label->textFormat(), Qt::PlainText);
        }
    }
    QVERIFY(headingFound);
}

void SourcesViewTest::keyboardAndAccessibility()
{
    QTableView *table = m_view->articleList();
    QVERIFY(!table->accessibleName().isEmpty());
    QVERIFY(!m_view->textView()->accessibleName().isEmpty());
    QVERIFY(!m_view->passageList()->accessibleName().isEmpty());

    // Tab order: article list, text, passages.
    table->setFocus();
    QCOMPARE(m_view->focusWidget(), table);
    QTest::keyClick(table, Qt::Key_Tab);
    QCOMPARE(m_view->focusWidget(), m_view->textView());
    QTest::keyClick(m_view->textView(), Qt::Key_Tab);
    QCOMPARE(m_view->focusWidget(), m_view->passageList());

    // The article list moves with the arrow keys.
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Down);
    QCOMPARE(m_view->currentArticleId(), QStringLiteral("art-b"));
}

void SourcesViewTest::manyPassagesInOneArticleAreAllHighlighted()
{
    // Issue 12 item 9: 3,000 overlapping passages, a tenth of them the current event's, on
    // a text of many paragraphs. What the export draws (the block layouts' formats) must be,
    // character by character, what the passages say: emphasis over plain, nothing elsewhere.
    QString text;
    for (int i = 0; i < 400; ++i)
        text += QStringLiteral("Paragraph %1 of the article, with enough words to wrap.\n").arg(i);
    QTextDocument document;
    document.setPlainText(text);
    const int length = document.characterCount() - 1;
    QList<int> expected(length, 0); // 0 none, 1 plain, 2 emphasised
    PassageHighlights highlights;
    QRandomGenerator random(12);
    for (int i = 0; i < 3000; ++i) {
        const int start = int(random.bounded(length));
        const int end = std::min(length, start + 1 + int(random.bounded(80)));
        const bool emphasised = i % 10 == 0;
        highlights.add(start, end, emphasised);
        for (int at = start; at < end; ++at)
            expected[at] = std::max(expected[at], emphasised ? 2 : 1);
    }
    QTextCharFormat plain;
    plain.setBackground(Qt::yellow);
    QTextCharFormat emphasis;
    emphasis.setBackground(Qt::red);
    emphasis.setFontUnderline(true);
    highlights.apply(document, plain, emphasis);
    QList<int> drawn(length, 0);
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
            for (int at = block.position() + range.start; at < block.position() + range.start + range.length; ++at) {
                QVERIFY(at < length);
                QCOMPARE(drawn[at], 0); // ranges do not overlap
                drawn[at] = range.format.background().color() == Qt::red && range.format.fontUnderline() ? 2 : 1;
            }
        }
    }
    QCOMPARE(drawn, expected);
    // Disjoint, ascending, adjacent equal ranges merged: at most one range per change.
    const QList<PassageHighlights::Range> ranges = highlights.ranges();
    for (qsizetype i = 1; i < ranges.size(); ++i) {
        QVERIFY(ranges.at(i - 1).end <= ranges.at(i).start);
        QVERIFY(ranges.at(i - 1).end < ranges.at(i).start || ranges.at(i - 1).emphasised != ranges.at(i).emphasised);
    }
}

QTEST_MAIN(SourcesViewTest)
#include "sourcesviewtest.moc"

// An event added through the document (New Event from Selection) puts its passage into the
// list where a rebuild would, leaving the other entries as they were (not rebuilt: at
// 100,000 events a rebuild goes through every event); a removal then rebuilds it.
void SourcesViewTest::anAddedEventJoinsThePassageListInPlace() {
    const QString text = talksA + u' ' + statementB;
    Document document;
    document.load(inlineDataset(text, {{QStringLiteral("ev-a"), QStringLiteral("A"), 4, 12},
                                       {QStringLiteral("ev-c"), QStringLiteral("C"), 40, 50},
                                       {QStringLiteral("ev-d"), QStringLiteral("D"), 66, 80}}),
                  QStringLiteral("inline.json"));
    m_selection->clear();
    m_events->setDocument(&document);
    m_articles->setDocument(&document);
    QCoreApplication::processEvents();
    QListWidget *list = m_view->passageList();
    QCOMPARE(list->count(), 3);
    list->setCurrentRow(2); // ev-d's entry: stays current
    QList<QListWidgetItem *> before;
    for (int i = 0; i < list->count(); ++i)
        before.append(list->item(i));

    // What a full rebuild shows: another view over the same models.
    const auto rebuilt = [this] {
        SourcesView fresh(m_events, m_filter, m_selection, m_articles);
        fresh.show();
        QStringList texts;
        for (int i = 0; i < fresh.passageList()->count(); ++i)
            texts.append(fresh.passageList()->item(i)->text());
        return texts;
    };
    const auto shown = [list] {
        QStringList texts;
        for (int i = 0; i < list->count(); ++i)
            texts.append(list->item(i)->text());
        return texts;
    };

    Event added = document.dataset().events.at(0);
    added.id = QStringLiteral("ev-b");
    added.title = QStringLiteral("B");
    added.date.start = added.date.end = QDate(2030, 3, 9);
    added.sources.first().start = 20;
    added.sources.first().end = 30;
    added.sources.first().exact = text.mid(20, 10);
    QVERIFY2(document.addEvent(added), qPrintable(document.lastError()));
    QCoreApplication::processEvents();

    QCOMPARE(list->count(), 4);
    QCOMPARE(list->item(0), before.at(0));
    QVERIFY(list->item(1)->text().contains(QStringLiteral(" · B\n")));
    QCOMPARE(list->item(2), before.at(1));
    QCOMPARE(list->item(3), before.at(2));
    QCOMPARE(list->currentRow(), 3);
    QCOMPARE(shown(), rebuilt());

    // Undone: a removal, which rebuilds the list as it was.
    document.undoStack()->undo();
    QCoreApplication::processEvents();
    QCOMPARE(list->count(), 3);
    QCOMPARE(shown(), rebuilt());
    m_events->setDocument(nullptr);
    m_articles->setDocument(nullptr);
}
