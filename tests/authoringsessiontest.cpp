// One authoring session through the real widgets, as a user goes through it (issue 16): File →
// New with the dialog typed into, a UTF-8 text and a saved HTML page imported through the file
// dialog, words selected in the Sources view with the mouse, the keyboard and the text cursor,
// three events with suggested dates, a second source, a disagreement of two claims, every step
// undone and redone with the standard keys, Save As, the window closed and the file opened
// again through File → Open, then the saved file checked by the app's own --check and by the
// JSON schema. The slots run in order, each on from the one before.

#include "apprun.h"
#include "articlemodel.h"
#include "authoringcontroller.h"
#include "chronicleview.h"
#include "claimdialog.h"
#include "datasetequality.h"
#include "dialogdriver.h"
#include "document.h"
#include "documentcontroller.h"
#include "emptystatepage.h"
#include "eventmodel.h"
#include "mainwindow.h"
#include "session.h"
#include "sourcesview.h"
#include "testwindow.h"
#include "timelineview.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>

#include <memory>

using namespace ntl;

namespace {

// A page as a browser saves it: navigation, scripts, a style and a footer around the article;
// what it says of itself in <meta>; an entity and a character outside the Basic Multilingual
// Plane in the headline, so that code points and UTF-16 units differ before every passage.
const char *const HtmlPage =
    "<!DOCTYPE html>\n"
    "<html lang=\"en\"><head>\n"
    "<meta charset=\"utf-8\">\n"
    "<title>Envoys meet in Geneva | The Harbour Gazette</title>\n"
    "<meta property=\"og:site_name\" content=\"The Harbour Gazette\">\n"
    "<meta property=\"article:published_time\" content=\"2025-11-25T07:30:00+01:00\">\n"
    "<link rel=\"canonical\" href=\"https://gazette.example/world/envoys-geneva\">\n"
    "<script>var trackingPixel = \"tracked-visit\"; document.title = \"ad\";</script>\n"
    "<style>p { color: red }</style>\n"
    "</head><body>\n"
    "<nav><a href=\"/\">Home</a> | <a href=\"/world\">World</a> | <a "
    "href=\"/sport\">Sport</a></nav>\n"
    "<article>\n"
    "<h1>Envoys meet in Gen&egrave;ve &#x1F54A;</h1>\n"
    "<p>Envoys from both sides met in Geneva on Sunday to discuss the revised plan, officials "
    "said.</p>\n"
    "<p>A first draft of the plan was circulated on 20 November 2025, according to a "
    "diplomat.</p>\n"
    "<p>The foreign ministers spoke by telephone last Tuesday about an exchange of prisoners.</p>\n"
    "<p>The talks lasted six hours, a diplomat said.</p>\n"
    "</article>\n"
    "<script>trackPageView(\"envoys\");</script>\n"
    "</body></html>\n";

// A second account of the meeting, in UTF-8 with characters beyond ASCII and the BMP.
const char *const TextArticle = "Geneva meeting \xF0\x9F\xA4\x9D a second account\n"
                                "N\xC3\xA9gociateurs from both sides met in Geneva on Sunday, a "
                                "spokesperson confirmed.\n"
                                "The meeting lasted barely three hours, the spokesperson said.\n";

// The latest `weekday` (1 Monday … 7 Sunday) on or before `day`, or strictly before it.
QDate latestWeekday(QDate day, int weekday, bool strictly) {
    if (strictly)
        day = day.addDays(-1);
    while (day.dayOfWeek() != weekday)
        day = day.addDays(-1);
    return day;
}

qint64 codePoints(const QString &text, int utf16) {
    return text.left(utf16).toUcs4().size();
}

// What a passage of `text` from `start` to `end` (UTF-16) must store: the words, 32 code points
// either side, the offsets in code points (computed here from code points on their own).
void checkPassage(const SourcePassage &passage, const QString &text, const QString &where) {
    const QByteArray at = where.toUtf8();
    QVERIFY2(passage.start >= 0 && passage.end <= text.size() && passage.start < passage.end,
             at.constData());
    QCOMPARE(passage.exact, text.mid(passage.start, passage.end - passage.start));
    const QList<uint> all = text.toUcs4();
    const qint64 start = codePoints(text, passage.start);
    const qint64 end = codePoints(text, passage.end);
    QCOMPARE(passage.storedStart, start);
    QCOMPARE(passage.storedEnd, end);
    const qint64 prefixStart = std::max<qint64>(0, start - 32);
    QCOMPARE(passage.prefix,
             QString::fromUcs4(reinterpret_cast<const char32_t *>(all.constData() + prefixStart),
                               start - prefixStart));
    QCOMPARE(passage.suffix,
             QString::fromUcs4(reinterpret_cast<const char32_t *>(all.constData() + end),
                               std::min<qint64>(32, all.size() - end)));
}

// Sends a key sequence to whatever has the keyboard, as a user's keys go. The window is made
// active first, as a desktop's window manager does when a dialog closes (the offscreen
// platform leaves no window active then, and shortcuts act only in the active window).
void press(QWidget *window, const QKeySequence &keys) {
    if (QApplication::activeWindow() != window) {
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window));
    }
    QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : window;
    QTest::keySequence(target, keys);
    settleEvents();
}

// Answers a file dialog as a user does: the files' paths pasted into its name field (typed
// key by key, a path is taken apart by the dialog's completion), then Return.
void answerFileDialog(QDialog *dialog, const QStringList &paths) {
    auto *fileDialog = qobject_cast<QFileDialog *>(dialog);
    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
    QVERIFY(fileDialog && name);
    name->setFocus();
    if (paths.size() == 1) {
        name->setText(paths.first());
    } else {
        QStringList quoted;
        for (const QString &path : paths)
            quoted.append(u'"' + path + u'"');
        name->setText(quoted.join(u' '));
    }
    if (QWidget *popup = QApplication::activePopupWidget())
        popup->close();
    QTest::keyClick(name, Qt::Key_Return);
    QVERIFY2(!dialog->isVisible(), qPrintable(fileDialog->selectedFiles().join(u' ')));
}

} // namespace

class AuthoringSessionTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void newDatasetFromTheDialog();
    void importTextAndHtmlThroughTheFileDialog();
    void threeEventsWithSuggestedDates();
    void secondSourceFromTheOtherArticle();
    void disagreementOfTwoClaims();
    void undoAndRedoStepByStep();
    void saveAsThroughTheDialog();
    void reopenThroughFileOpen();
    void savedFileChecksCleanAndMatchesTheSchema();

private:
    const Dataset &dataset() const { return m_window->session()->document()->dataset(); }
    QUndoStack *undoStack() const { return m_window->session()->document()->undoStack(); }
    SourcesView *sources() const { return m_window->sourcesView(); }
    QPlainTextEdit *textView() const { return sources()->textView(); }
    QString currentEventId() const {
        return m_window->selectionModel()->currentIndex().data(EventModel::EventIdRole).toString();
    }
    const Article &shownArticle() const {
        return *dataset().article(sources()->currentArticleId());
    }
    // The window, shown at 1024×768 and active, so that its shortcuts work.
    void showWindow();
    // Shows article `id` by clicking its row in the Sources view's list of articles.
    void clickArticle(const QString &id);
    // The UTF-16 range of `words` in the shown article (the first occurrence).
    QPair<int, int> rangeOf(const QString &words) const;
    // The viewport point of the boundary before position `at` of the article's text.
    QPoint pointAt(int at) const;
    // What the views show agrees with the dataset: the filter's rows, the shown article's
    // highlights (the current event's emphasised) and its list of passages.
    void checkViewsFollowTheDataset(const QString &step);
    // Remembers the dataset as it is after an undoable step.
    void recordStep() { m_states.append(dataset()); }

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    QString m_textPath, m_htmlPath, m_savedPath;
    QString m_textId, m_htmlId;
    QStringList m_eventIds;  // the three events, in the order made
    QList<Dataset> m_states; // m_states[i]: after i undoable steps
};

void AuthoringSessionTest::initTestCase() {
    useTestSettings("authoringsessiontest");
    // The recovery journals of an earlier run of this test would be offered back.
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
    QVERIFY(m_dir.isValid());
    m_textPath = m_dir.filePath(QStringLiteral("second-account.txt"));
    m_htmlPath = m_dir.filePath(QStringLiteral("envoys-meet.html"));
    QVERIFY(putFile(m_textPath, QByteArray(TextArticle)));
    QVERIFY(putFile(m_htmlPath, QByteArray(HtmlPage)));
    // The text says nothing of its date: its file's date is taken, marked inferred.
    QFile text(m_textPath);
    QVERIFY(text.open(QIODevice::ReadWrite));
    QVERIFY(text.setFileTime(QDateTime(QDate(2025, 11, 26), QTime(12, 0)),
                             QFileDevice::FileModificationTime));
    text.close();
    m_savedPath = m_dir.filePath(QStringLiteral("session.ntl.json"));
    m_window = std::make_unique<MainWindow>();
    showWindow();
}

void AuthoringSessionTest::cleanupTestCase() {
    m_window.reset();
}

void AuthoringSessionTest::showWindow() {
    m_window->resize(1024, 768);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    settleEvents();
}

void AuthoringSessionTest::clickArticle(const QString &id) {
    QTableView *list = sources()->articleList();
    QModelIndex row;
    for (int i = 0; i < list->model()->rowCount(); ++i) {
        const QModelIndex index = list->model()->index(i, 0);
        if (index.data(ArticleModel::ArticleIdRole).toString() == id)
            row = index;
    }
    QVERIFY2(row.isValid(), qPrintable(id));
    list->scrollTo(row);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(row).center());
    settleEvents();
    QCOMPARE(sources()->currentArticleId(), id);
}

QPair<int, int> AuthoringSessionTest::rangeOf(const QString &words) const {
    const int start = int(shownArticle().text.indexOf(words));
    return {start, start < 0 ? -1 : start + int(words.size())};
}

QPoint AuthoringSessionTest::pointAt(int at) const {
    QTextCursor cursor(textView()->document());
    cursor.setPosition(at);
    const QRect caret = textView()->cursorRect(cursor);
    // Just right of the boundary: inside the left half of the character after it.
    return QPoint(caret.left() + 1, caret.center().y());
}

void AuthoringSessionTest::checkViewsFollowTheDataset(const QString &step) {
    const QByteArray where = step.toUtf8();
    settleEvents();
    const Dataset &d = dataset();
    QVERIFY2(m_window->filterModel()->rowCount() == d.events.size(), where.constData());
    if (d.articles.isEmpty()) {
        QVERIFY2(m_window->emptyStatePage()->isVisible(), where.constData());
        QCOMPARE(m_window->emptyStatePage()->state(), EmptyStatePage::State::NoArticles);
        return;
    }
    QVERIFY2(sources()->isVisible(), where.constData());
    const Article *article = d.article(sources()->currentArticleId());
    QVERIFY2(article, where.constData());
    QCOMPARE(textView()->toPlainText(), article->text);
    // Per character: 0 plain text, 1 highlighted, 2 emphasised (the current event's).
    const QString current = currentEventId();
    QList<int> expected(article->text.size(), 0);
    int passages = 0;
    for (const Event &event : d.events) {
        for (const SourcePassage &passage : event.sources) {
            if (passage.articleId != article->id)
                continue;
            ++passages;
            for (int i = passage.start; i < passage.end; ++i)
                expected[i] = std::max(expected[i], event.id == current ? 2 : 1);
        }
    }
    QList<int> drawn(article->text.size(), 0);
    for (QTextBlock block = textView()->document()->begin(); block.isValid();
         block = block.next()) {
        for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
            if (range.format.background().style() == Qt::NoBrush)
                continue;
            for (int i = 0; i < range.length; ++i) {
                const int at = block.position() + range.start + i;
                if (at < drawn.size())
                    drawn[at] = range.format.fontUnderline() ? 2 : 1;
            }
        }
    }
    for (int i = 0; i < expected.size(); ++i) {
        QVERIFY2(drawn.at(i) == expected.at(i),
                 qPrintable(QStringLiteral("%1: at %2 (\"%3\") drawn %4, expected %5")
                                .arg(step)
                                .arg(i)
                                .arg(article->text.mid(i, 20))
                                .arg(drawn.at(i))
                                .arg(expected.at(i))));
    }
    QVERIFY2(sources()->passageList()->count() == passages, where.constData());
}

void AuthoringSessionTest::newDatasetFromTheDialog() {
    QVERIFY(!m_window->session()->document()->isModified());
    bool seen = false;
    whenDialog(
        QStringLiteral("newDatasetDialog"),
        [](QDialog *dialog) {
            auto *title = dialog->findChild<QLineEdit *>(QStringLiteral("titleEdit"));
            auto *side = dialog->findChild<QLineEdit *>(QStringLiteral("sideNameEdit"));
            QVERIFY(title && side);
            QTest::keyClicks(title, QStringLiteral("Geneva talks 2025"));
            for (const QString &name : {QStringLiteral("North"), QStringLiteral("South")}) {
                QTest::keyClicks(side, name);
                QTest::keyClick(side, Qt::Key_Return); // adds the side
            }
            auto *buttons = dialog->findChild<QDialogButtonBox *>();
            QVERIFY(buttons && buttons->button(QDialogButtonBox::Ok)->isEnabled());
            QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
        },
        &seen);
    press(m_window.get(), QKeySequence::New); // Ctrl+N
    QVERIFY(seen);
    settleEvents();
    const Dataset &d = dataset();
    QCOMPARE(d.title, QStringLiteral("Geneva talks 2025"));
    QCOMPARE(d.sides.size(), 2);
    QCOMPARE(d.sides.at(0).name, QStringLiteral("North"));
    QCOMPARE(d.sides.at(1).name, QStringLiteral("South"));
    QVERIFY(d.events.isEmpty() && d.articles.isEmpty());
    QCOMPARE(undoStack()->count(), 0);
    recordStep();
    checkViewsFollowTheDataset(QStringLiteral("new dataset"));
}

void AuthoringSessionTest::importTextAndHtmlThroughTheFileDialog() {
    QVERIFY(m_states.size() == 1);
    auto *import = m_window->findChild<QAction *>(QStringLiteral("importAction")); // File → Import…
    QVERIFY(import && import->isEnabled());
    QVERIFY(m_window->menuBar()->actions().first()->menu()->actions().contains(import)); // File
    bool seen = false;
    const QString folder = m_dir.path();
    whenDialog(
        QStringLiteral("importDialog"),
        [folder](QDialog *dialog) {
            answerFileDialog(dialog, {QDir(folder).filePath(QStringLiteral("second-account.txt")),
                                      QDir(folder).filePath(QStringLiteral("envoys-meet.html"))});
        },
        &seen);
    // The text has no date: the import's report says the file's date is used (issue 16).
    bool reported = false;
    QString report;
    whenDialog(
        QStringLiteral("importReportBox"),
        [&report](QDialog *dialog) {
            if (auto *box = qobject_cast<QMessageBox *>(dialog))
                report = box->informativeText();
            dialog->accept();
        },
        &reported);
    press(m_window.get(), import->shortcut());
    QVERIFY(seen);
    QVERIFY(reported);
    QVERIFY2(report.contains(QStringLiteral("second-account.txt: no publication date found")),
             qPrintable(report));
    settleEvents();

    const Dataset &d = dataset();
    QCOMPARE(d.articles.size(), 2);
    QCOMPARE(undoStack()->count(), 1); // both in one step
    const Article &text = d.articles.at(0);
    const Article &html = d.articles.at(1);
    m_textId = text.id;
    m_htmlId = html.id;
    QCOMPARE(text.text, QString::fromUtf8(TextArticle));
    QCOMPARE(text.title, QStringLiteral("Geneva meeting \U0001F91D a second account"));
    QCOMPARE(text.published, QDate(2025, 11, 26));
    QVERIFY(text.publishedInferred);

    // The headline over the <title>, which carries the site's name.
    QCOMPARE(html.title, QStringLiteral("Envoys meet in Gen\u00e8ve \U0001F54A"));
    QCOMPARE(html.publisher, QStringLiteral("The Harbour Gazette"));
    QCOMPARE(html.url, QStringLiteral("https://gazette.example/world/envoys-geneva"));
    QCOMPARE(html.published, QDate(2025, 11, 25));
    QVERIFY(!html.publishedInferred);
    // The headline then the paragraphs, one a line; nothing of the navigation or the scripts.
    QVERIFY2(html.text.startsWith(QStringLiteral("Envoys meet in Gen\u00e8ve \U0001F54A\nEnvoys "
                                                 "from both sides met in Geneva on Sunday")),
             qPrintable(html.text));
    QCOMPARE(html.text.count(u'\n'), 5);
    for (const char *junk : {"Home", "Sport", "tracked", "trackPageView", "color: red"})
        QVERIFY2(!html.text.contains(QLatin1String(junk)), junk);

    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::SourcesTab));
    QCOMPARE(sources()->articleList()->model()->rowCount(), 2);
    recordStep();
    checkViewsFollowTheDataset(QStringLiteral("import"));
}

void AuthoringSessionTest::threeEventsWithSuggestedDates() {
    QVERIFY(m_states.size() == 2);
    AuthoringController *authoring = m_window->authoring();
    clickArticle(m_htmlId);
    const QDate published = shownArticle().published;
    const QString text = shownArticle().text;

    // 1. With the mouse: a click before "met", a Shift+click after "Geneva"; made from the
    //    button on the bar above the article. "on Sunday" is outside the words, in their
    //    sentence, with a past verb: the latest Sunday on or before publication.
    const auto [metStart, metEnd] = rangeOf(QStringLiteral("met in Geneva"));
    QVERIFY(metStart > 0);
    QTest::mouseClick(textView()->viewport(), Qt::LeftButton, {}, pointAt(metStart));
    QTest::mouseClick(textView()->viewport(), Qt::LeftButton, Qt::ShiftModifier, pointAt(metEnd));
    QCOMPARE(textView()->textCursor().selectedText(), QStringLiteral("met in Geneva"));
    settleEvents();
    auto *bar = sources()->findChild<QToolBar *>(QStringLiteral("authoringBar"));
    QVERIFY(bar);
    QWidget *button = bar->widgetForAction(authoring->newEventAction());
    QVERIFY(button && button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    settleEvents();
    QCOMPARE(dataset().events.size(), 1);
    recordStep();
    checkViewsFollowTheDataset(QStringLiteral("first event"));

    // 2. With the keyboard: the caret put before "A first draft", Shift+Right over the words;
    //    Ctrl+Shift+E. "on 20 November 2025" is an explicit date: stated, no anchor.
    const QString draftWords = QStringLiteral("A first draft of the plan was circulated");
    const auto [draftStart, draftEnd] = rangeOf(draftWords);
    QVERIFY(draftStart > 0);
    textView()->setFocus();
    QTest::mouseClick(textView()->viewport(), Qt::LeftButton, {}, pointAt(draftStart));
    QCOMPARE(textView()->textCursor().position(), draftStart);
    for (int i = draftStart; i < draftEnd; ++i)
        QTest::keyClick(textView(), Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(textView()->textCursor().selectedText(), draftWords);
    press(m_window.get(), authoring->newEventAction()->shortcut());
    QCOMPARE(dataset().events.size(), 2);
    recordStep();
    checkViewsFollowTheDataset(QStringLiteral("second event"));

    // 3. The whole sentence, by the article widget's text cursor as a drag would leave it;
    //    Ctrl+Shift+E. "last Tuesday": strictly before publication.
    const QString phoneWords = QStringLiteral(
        "The foreign ministers spoke by telephone last Tuesday about an exchange of prisoners.");
    const auto [phoneStart, phoneEnd] = rangeOf(phoneWords);
    QVERIFY(phoneStart > 0);
    QTextCursor cursor(textView()->document());
    cursor.setPosition(phoneEnd);
    cursor.setPosition(phoneStart, QTextCursor::KeepAnchor); // dragged right to left
    textView()->setTextCursor(cursor);
    settleEvents();
    press(m_window.get(), authoring->newEventAction()->shortcut());

    const Dataset &d = dataset();
    QCOMPARE(d.events.size(), 3);
    QCOMPARE(undoStack()->count(), 4); // one step each
    struct Want {
        int start, end;
        QString sentence, dateWords;
        QDate date;
        DateBasis basis;
    };
    const QList<Want> wants{
        {metStart, metEnd,
         QStringLiteral("Envoys from both sides met in Geneva on Sunday to discuss the revised "
                        "plan, officials said."),
         QStringLiteral("Sunday"), latestWeekday(published, Qt::Sunday, false),
         DateBasis::Relative},
        {draftStart, draftEnd,
         QStringLiteral("A first draft of the plan was circulated on 20 November 2025, according "
                        "to a diplomat."),
         QStringLiteral("20 November 2025"),
         QLocale::c().toDate(QStringLiteral("20 November 2025"), QStringLiteral("d MMMM yyyy")),
         DateBasis::Stated},
        {phoneStart, phoneEnd, phoneWords, QStringLiteral("last Tuesday"),
         latestWeekday(published, Qt::Tuesday, true), DateBasis::Relative}};
    for (int i = 0; i < 3; ++i) {
        const Event &event = d.events.at(i);
        const Want &want = wants.at(i);
        m_eventIds.append(event.id);
        QVERIFY2(want.date.isValid(), qPrintable(want.dateWords));
        QCOMPARE(event.date.start, want.date);
        QCOMPARE(event.date.end, want.date);
        QCOMPARE(event.date.precision, DatePrecision::Day);
        QCOMPARE(event.date.basis, want.basis);
        // Relative readings anchor to the article they were read against; stated ones need none.
        QCOMPARE(event.date.anchorArticleId,
                 want.basis == DateBasis::Relative ? m_htmlId : QString());
        // The expression in the article's own words, from the words' sentence.
        QVERIFY2(event.date.expression.contains(want.dateWords), qPrintable(event.date.expression));
        QVERIFY2(want.sentence.contains(event.date.expression), qPrintable(event.date.expression));
        // A title proposed from the sentence.
        QString title = event.title;
        if (title.endsWith(QChar(0x2026)))
            title.chop(1);
        QVERIFY2(!title.isEmpty() && want.sentence.startsWith(title), qPrintable(event.title));
        QCOMPARE(event.sources.size(), 1);
        const SourcePassage &passage = event.sources.first();
        QCOMPARE(passage.articleId, m_htmlId);
        QCOMPARE(passage.start, want.start);
        QCOMPARE(passage.end, want.end);
        checkPassage(passage, text, event.id);
        // Code points and UTF-16 differ here: the headline's dove is a surrogate pair.
        QCOMPARE(passage.storedStart, qint64(passage.start - 1));
    }
    QCOMPARE(m_eventIds.removeDuplicates(), 0);
    // The last made is the current event, emphasised.
    QCOMPARE(currentEventId(), m_eventIds.last());
    recordStep();
    checkViewsFollowTheDataset(QStringLiteral("three events"));
}

void AuthoringSessionTest::secondSourceFromTheOtherArticle() {
    QVERIFY(m_states.size() == 5);
    AuthoringController *authoring = m_window->authoring();
    // The first event made current by clicking its entry in the list of passages.
    QListWidget *passages = sources()->passageList();
    int entry = -1;
    for (int i = 0; i < passages->count(); ++i) {
        if (passages->item(i)->text().contains(dataset().events.at(0).title))
            entry = i;
    }
    QVERIFY(entry >= 0);
    QTest::mouseClick(passages->viewport(), Qt::LeftButton, {},
                      passages->visualItemRect(passages->item(entry)).center());
    settleEvents();
    QCOMPARE(currentEventId(), m_eventIds.at(0));
    checkViewsFollowTheDataset(QStringLiteral("first event current"));

    // The other article, by its row in the list; the words by the keyboard.
    clickArticle(m_textId);
    QCOMPARE(currentEventId(), m_eventIds.at(0));
    const QString words = QStringLiteral("met in Geneva on Sunday");
    const auto [start, end] = rangeOf(words);
    QVERIFY(start > 0);
    textView()->setFocus();
    QTest::mouseClick(textView()->viewport(), Qt::LeftButton, {}, pointAt(start));
    for (int i = start; i < end; ++i)
        QTest::keyClick(textView(), Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(textView()->textCursor().selectedText(), words);
    settleEvents();
    QVERIFY2(authoring->addPassageAction()->isEnabled(),
             qPrintable(authoring->addPassageAction()->toolTip()));
    press(m_window.get(), authoring->addPassageAction()->shortcut()); // Ctrl+Shift+P

    const Event &event = dataset().events.at(0);
    QCOMPARE(event.sources.size(), 2);
    const SourcePassage &second = event.sources.at(1);
    QCOMPARE(second.articleId, m_textId);
    QCOMPARE(second.exact, words);
    QCOMPARE(second.start, start);
    checkPassage(second, shownArticle().text, QStringLiteral("second source"));
    QCOMPARE(second.storedStart, qint64(start - 1)); // after the handshake's surrogate pair
    QCOMPARE(undoStack()->count(), 5);
    recordStep();
    checkViewsFollowTheDataset(QStringLiteral("second source"));
}

void AuthoringSessionTest::disagreementOfTwoClaims() {
    QVERIFY(m_states.size() == 6);
    AuthoringController *authoring = m_window->authoring();
    const auto isClaimDialog = [](QDialog *dialog) {
        return qobject_cast<ClaimDialog *>(dialog);
    };

    // In the text article: a new disagreement, its topic typed, "says" typed over the quote.
    QCOMPARE(sources()->currentArticleId(), m_textId);
    const auto [threeStart, threeEnd] = rangeOf(QStringLiteral("barely three hours"));
    QTextCursor cursor(textView()->document());
    cursor.setPosition(threeStart);
    cursor.setPosition(threeEnd, QTextCursor::KeepAnchor);
    textView()->setTextCursor(cursor);
    settleEvents();
    bool seen = false;
    whenModal(
        isClaimDialog,
        [](QDialog *dialog) {
            auto *claim = static_cast<ClaimDialog *>(dialog);
            QCOMPARE(claim->disagreementBox()->count(), 1); // only "New disagreement…"
            QCOMPARE(claim->says(), QStringLiteral("barely three hours"));
            QTest::keyClicks(claim->topicEdit(), QStringLiteral("How long the talks lasted"));
            claim->saysEdit()->selectAll();
            QTest::keyClicks(claim->saysEdit(), QStringLiteral("three hours"));
            QTest::keyClick(claim->saysEdit(), Qt::Key_Return); // the default button: OK
        },
        &seen);
    press(m_window.get(), authoring->addClaimAction()->shortcut()); // Ctrl+Shift+K
    QVERIFY(seen);
    QCOMPARE(undoStack()->count(), 6);
    recordStep();
    checkViewsFollowTheDataset(QStringLiteral("first claim"));

    // In the HTML article: the same disagreement, offered first; "says" as prefilled.
    clickArticle(m_htmlId);
    QCOMPARE(currentEventId(), m_eventIds.at(0));
    const auto [sixStart, sixEnd] = rangeOf(QStringLiteral("six hours"));
    QVERIFY(sixStart > 0);
    cursor = QTextCursor(textView()->document());
    cursor.setPosition(sixStart);
    cursor.setPosition(sixEnd, QTextCursor::KeepAnchor);
    textView()->setTextCursor(cursor);
    settleEvents();
    whenModal(
        isClaimDialog,
        [](QDialog *dialog) {
            auto *claim = static_cast<ClaimDialog *>(dialog);
            QCOMPARE(claim->disagreementBox()->count(), 2);
            QCOMPARE(claim->disagreementBox()->currentText(),
                     QStringLiteral("How long the talks lasted"));
            QVERIFY(!claim->topicEdit()->isEnabled());
            auto *buttons = dialog->findChild<QDialogButtonBox *>();
            QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
        },
        &seen);
    press(m_window.get(), authoring->addClaimAction()->shortcut());
    QVERIFY(seen);
    QCOMPARE(undoStack()->count(), 7);

    const Event &event = dataset().events.at(0);
    QCOMPARE(event.disagreements.size(), 1);
    const Disagreement &disagreement = event.disagreements.first();
    QCOMPARE(disagreement.topic, QStringLiteral("How long the talks lasted"));
    QCOMPARE(disagreement.claims.size(), 2);
    QCOMPARE(disagreement.claims.at(0).articleId, m_textId);
    QCOMPARE(disagreement.claims.at(0).exact, QStringLiteral("barely three hours"));
    QCOMPARE(disagreement.claims.at(0).says, QStringLiteral("three hours"));
    QCOMPARE(disagreement.claims.at(1).articleId, m_htmlId);
    QCOMPARE(disagreement.claims.at(1).exact, QStringLiteral("six hours"));
    QCOMPARE(disagreement.claims.at(1).says, QStringLiteral("six hours"));
    recordStep();
    checkViewsFollowTheDataset(QStringLiteral("second claim"));
}

void AuthoringSessionTest::undoAndRedoStepByStep() {
    QCOMPARE(m_states.size(), 8);
    QCOMPARE(undoStack()->count(), 7);
    // The keys go where the user's are: into the article the claims were made in.
    textView()->setFocus();
    const QList<QKeySequence> undoKeys = QKeySequence::keyBindings(QKeySequence::Undo);
    const QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    QVERIFY(undoKeys.contains(QKeySequence(Qt::CTRL | Qt::Key_Z)));
    QVERIFY(!redoKeys.isEmpty());
    for (int step = 7; step > 0; --step) {
        press(m_window.get(), undoKeys.first());
        const QString at = QStringLiteral("undone to step %1").arg(step - 1);
        QCOMPARE(undoStack()->index(), step - 1);
        const QString difference = datasetequality::difference(dataset(), m_states.at(step - 1));
        QVERIFY2(difference.isEmpty(), qPrintable(at + QStringLiteral(": ") + difference));
        checkViewsFollowTheDataset(at);
        if (QTest::currentTestFailed())
            return;
    }
    // Nothing left to undo: a further Ctrl+Z changes nothing.
    press(m_window.get(), undoKeys.first());
    QCOMPARE(undoStack()->index(), 0);
    QVERIFY(dataset().articles.isEmpty());
    for (int step = 1; step <= 7; ++step) {
        press(m_window.get(), redoKeys.first());
        const QString at = QStringLiteral("redone to step %1").arg(step);
        QCOMPARE(undoStack()->index(), step);
        const QString difference = datasetequality::difference(dataset(), m_states.at(step));
        QVERIFY2(difference.isEmpty(), qPrintable(at + QStringLiteral(": ") + difference));
        checkViewsFollowTheDataset(at);
        if (QTest::currentTestFailed())
            return;
    }
}

void AuthoringSessionTest::saveAsThroughTheDialog() {
    QCOMPARE(undoStack()->index(), 7);
    QVERIFY(m_window->session()->document()->isModified());
    QAction *saveAs = m_window->documentController()->saveAsAction();
    bool seen = false;
    const QFileInfo path(m_savedPath);
    whenDialog(
        QStringLiteral("saveAsDialog"),
        [path](QDialog *dialog) { answerFileDialog(dialog, {path.filePath()}); }, &seen);
    press(m_window.get(), saveAs->shortcut());
    QVERIFY(seen);
    QTRY_VERIFY(!m_window->documentController()->isSaving());
    QVERIFY(QFile::exists(m_savedPath));
    QCOMPARE(m_window->session()->document()->filePath(), m_savedPath);
    QVERIFY(!m_window->session()->document()->isModified());
}

void AuthoringSessionTest::reopenThroughFileOpen() {
    QVERIFY(QFile::exists(m_savedPath));
    // Closed as the user closes it: nothing unsaved, so nothing asked.
    QVERIFY(m_window->close());
    m_window.reset();
    m_window = std::make_unique<MainWindow>();
    showWindow();
    bool seen = false;
    const QFileInfo path(m_savedPath);
    whenModal(
        [](QDialog *dialog) {
            return qobject_cast<QFileDialog *>(dialog) &&
                   dialog->windowTitle() == QStringLiteral("Open Dataset");
        },
        [path](QDialog *dialog) { answerFileDialog(dialog, {path.filePath()}); }, &seen);
    press(m_window.get(), QKeySequence::Open); // Ctrl+O
    QVERIFY(seen);
    settleEvents();
    QCOMPARE(m_window->session()->document()->filePath(), m_savedPath);
    QVERIFY(m_window->lastErrors().isEmpty());
    QVERIFY(m_window->lastWarnings().isEmpty());
    QVERIFY(!m_window->session()->document()->isModified());

    // The same dataset as before the save: events, dates, passages (words and code-point
    // offsets), claims, articles.
    const QString difference = datasetequality::difference(dataset(), m_states.last());
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
    for (const Event &event : dataset().events) {
        for (const SourcePassage &passage : event.sources)
            checkPassage(passage, dataset().article(passage.articleId)->text, event.id);
        for (const Disagreement &disagreement : event.disagreements) {
            for (const Claim &claim : disagreement.claims) {
                const QString &text = dataset().article(claim.articleId)->text;
                QCOMPARE(text.mid(claim.start, claim.end - claim.start), claim.exact);
            }
        }
    }
    QCOMPARE(dataset().events.at(0).disagreements.first().claims.size(), 2);

    // What the views show: the Chronicle's three entries in date order, the Timeline's three
    // markers, the Sources view's highlights in each article.
    press(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_4));
    settleEvents();
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::ChronicleTab));
    ChronicleView *chronicle = m_window->chronicleView();
    QCOMPARE(chronicle->shownRows(), QList<int>({0, 1, 2}));
    QDate previous;
    QStringList titles;
    for (int row : chronicle->shownRows()) {
        const QModelIndex index = chronicle->model()->index(row, 0);
        const Event &event = dataset().events.at(m_window->session()->document()->eventRow(
            index.data(EventModel::EventIdRole).toString()));
        QVERIFY2(chronicle->entryText(index).contains(event.title), qPrintable(event.title));
        QVERIFY(!previous.isValid() || previous <= event.date.start);
        previous = event.date.start;
        titles.append(event.id);
    }
    titles.sort();
    QStringList made = m_eventIds;
    made.sort();
    QCOMPARE(titles, made);
    press(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_1));
    settleEvents();
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::TimelineTab));
    m_window->timeline()->settle();
    for (const QString &id : std::as_const(m_eventIds))
        QVERIFY2(!m_window->timeline()->markerPositions(id).isEmpty(), qPrintable(id));
    press(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_3));
    settleEvents();
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::SourcesTab));
    for (const QString &article : {m_htmlId, m_textId}) {
        clickArticle(article);
        checkViewsFollowTheDataset(QStringLiteral("reopened, ") + article);
    }
    QCOMPARE(sources()->passageList()->count(), 1); // the text article: the second source
    clickArticle(m_htmlId);
    QCOMPARE(sources()->passageList()->count(), 3);
}

void AuthoringSessionTest::savedFileChecksCleanAndMatchesTheSchema() {
    QVERIFY(QFile::exists(m_savedPath));
    const AppRun check = runApp({QStringLiteral("--check"), m_savedPath});
    QVERIFY2(check.exitCode == 0, qPrintable(check.out + check.err));
    const Dataset &d = m_states.last();
    QCOMPARE(check.out.trimmed(),
             QStringLiteral("%1: %2 events, %3 actors, %4 articles; 0 warnings")
                 .arg(m_savedPath)
                 .arg(d.events.size())
                 .arg(d.actors.size())
                 .arg(d.articles.size()));
    QVERIFY2(check.err.trimmed().isEmpty(), qPrintable(check.err));

    QProcess validator;
    validator.setProcessChannelMode(QProcess::MergedChannels);
    validator.start(QStringLiteral("python3"),
                    {QStringLiteral(NTL_SCHEMA_VALIDATOR),
                     QStringLiteral(NTL_SOURCE_DIR "/docs/negotiation-timeline.schema.json"),
                     m_savedPath});
    QVERIFY(validator.waitForFinished(120000));
    const QString output = QString::fromUtf8(validator.readAll());
    QVERIFY2(validator.exitStatus() == QProcess::NormalExit && validator.exitCode() == 0,
             qPrintable(output));
}

QTEST_MAIN(AuthoringSessionTest)
#include "authoringsessiontest.moc"
