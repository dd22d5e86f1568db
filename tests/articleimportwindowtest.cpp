// Articles into the window: File → Import Articles… (one undoable step, all or nothing),
// duplicates skipped, Edit → Paste as Article, a dropped HTML file, and the article
// properties dialog (one undoable step, invalid values marked at the field).

#include "articleimportcontroller.h"
#include "articlemetadatadialog.h"
#include "dialogdriver.h"
#include "document.h"
#include "documentcontroller.h"
#include "emptystatepage.h"
#include "mainwindow.h"
#include "session.h"
#include "sourcesview.h"
#include "testwindow.h"

#include <QAction>
#include <QClipboard>
#include <QDateEdit>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace ntl;

namespace {

QString fixture(const char *name) {
    return QStringLiteral(NTL_TEST_DATA_DIR "/import/") + QString::fromLatin1(name);
}

// A window on a new, empty dataset; the file dialog replaced by `files`.
struct Window {
    MainWindow window;
    QStringList files;
    Window() {
        window.setInteractive(false);
        window.newDataset(QStringLiteral("Harbour talks"),
                          {Side{QStringLiteral("north"), QStringLiteral("North"), {}}});
        window.articleImport()->setFileChooser([this] { return files; });
        window.show();
        settleEvents();
    }
    const Dataset &dataset() const { return window.session()->document()->dataset(); }
    QUndoStack *undo() { return window.session()->document()->undoStack(); }
    QStringList titles() const {
        QStringList titles;
        for (const Article &article : dataset().articles)
            titles.append(article.title);
        return titles;
    }
};

} // namespace

class ArticleImportWindowTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { useTestSettings("articleimportwindowtest"); }

    void importActionAddsTextAndHtmlAsOneUndoableStep();
    void batchWithABrokenFileImportsNothingAndSaysWhich();
    void articleAlreadyPresentIsSkippedWithANote();
    void importersWarningsAreShownForAllFilesTogether();
    void pasteAsArticleAddsTheClipboardText();
    void pastedHtmlIsReadAsAPage();
    void importIntoTheBuiltInDatasetIsRefusedWithTheReason();
    void untitledDatasetSavedAsBecomesThatFile();
    void droppedHtmlFileIsImported();
    void droppedJsonStillOpensADataset();
    void propertiesDialogEditsTheTitleAsOneStep();
    void propertiesDialogMarksInvalidValuesAtTheField();
    void screenshots();
};

void ArticleImportWindowTest::importActionAddsTextAndHtmlAsOneUndoableStep() {
    Window w;
    QCOMPARE(w.window.emptyStatePage()->state(), EmptyStatePage::State::NoArticles);
    w.files = {fixture("utf16le.txt"), fixture("saved-page.html")};
    QAction *action = w.window.findChild<QAction *>(QStringLiteral("importArticlesAction"));
    QVERIFY(action && action->isEnabled());
    action->trigger();
    settleEvents();
    QCOMPARE(w.dataset().articles.size(), 2);
    QCOMPARE(w.dataset().articles.at(1).publisher, QStringLiteral("The Lakeside Herald"));
    QVERIFY(w.dataset().articles.at(0).text.startsWith(QStringLiteral("Ceasefire talks")));
    // Ids in the dataset's convention, distinct.
    QCOMPARE(w.dataset().articles.at(0).id, QStringLiteral("a000-ceasefire-talks"));
    QVERIFY(
        w.dataset().articles.at(1).id.startsWith(QStringLiteral("a001-talks-resume-in-geneva")));
    QVERIFY(w.window.session()->document()->isModified());
    // The Sources view shows the new article, listed, in place of the empty page.
    QVERIFY(!w.window.emptyStatePage()->isVisible());
    QCOMPARE(w.window.tabs()->currentIndex(), int(MainWindow::SourcesTab));
    QCOMPARE(w.window.sourcesView()->currentArticleId(), w.dataset().articles.at(0).id);
    QCOMPARE(w.window.sourcesView()->articleList()->model()->rowCount(), 2);
    // One step: one undo removes both.
    QCOMPARE(w.undo()->count(), 1);
    w.undo()->undo();
    QVERIFY(w.dataset().articles.isEmpty());
    settleEvents();
    QCOMPARE(w.window.emptyStatePage()->state(), EmptyStatePage::State::NoArticles);
    w.undo()->redo();
    QCOMPARE(w.dataset().articles.size(), 2);
}

void ArticleImportWindowTest::batchWithABrokenFileImportsNothingAndSaysWhich() {
    Window w;
    w.files = {fixture("utf16le.txt"), fixture("invalid-utf8.txt"), fixture("saved-page.html")};
    w.window.articleImport()->importAction()->trigger();
    QVERIFY(w.dataset().articles.isEmpty());
    QCOMPARE(w.undo()->count(), 0);
    const QString report = w.window.articleImport()->lastReport();
    QVERIFY2(report.contains(QStringLiteral("Nothing was imported: 1 of the 3 files")),
             qPrintable(report));
    QVERIFY2(report.contains(QStringLiteral("invalid-utf8.txt: ")), qPrintable(report));
    QVERIFY2(!report.contains(QStringLiteral("saved-page.html")), qPrintable(report));
}

void ArticleImportWindowTest::articleAlreadyPresentIsSkippedWithANote() {
    Window w;
    QVERIFY(w.window.articleImport()->importFiles({fixture("utf16le.txt")}));
    // The same text in the other byte order, and the HTML page: the page alone comes in.
    QVERIFY(w.window.articleImport()->importFiles(
        {fixture("utf16be.txt"), fixture("saved-page.html")}));
    QCOMPARE(w.dataset().articles.size(), 2);
    const QString report = w.window.articleImport()->lastReport();
    QVERIFY2(report.contains(QStringLiteral("utf16be.txt is already in the dataset as")),
             qPrintable(report));
    // Alone, it adds nothing, and no step.
    const int steps = w.undo()->count();
    QVERIFY(!w.window.articleImport()->importFiles({fixture("utf16be.txt")}));
    QCOMPARE(w.undo()->count(), steps);
    QCOMPARE(w.dataset().articles.size(), 2);
}

// Issue 16: a date the importer guessed (the file's) is told to the user, named by file,
// all files of one import in one report: the status bar and a signal without a window to
// ask, the report's dialog with one.
void ArticleImportWindowTest::importersWarningsAreShownForAllFilesTogether() {
    QTemporaryDir dir;
    // A text file with no date in it, last modified on `date`.
    const auto undated = [&](const QString &name, const QByteArray &text, const QDate &date) {
        const QString path = dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
            return QString();
        file.close();
        if (!file.open(QIODevice::ReadWrite) ||
            !file.setFileTime(QDateTime(date, QTime(9, 30)), QFileDevice::FileModificationTime))
            return QString();
        return path;
    };
    const QString first =
        undated(QStringLiteral("undated.txt"),
                "Harbour talks stall\nNo date anywhere in this text.\n", QDate(2025, 11, 26));
    QVERIFY(!first.isEmpty());
    Window w;
    QSignalSpy spy(w.window.articleImport(), &ArticleImportController::warningsReported);
    // A dated page beside it: it adds no warning.
    w.files = {first, fixture("saved-page.html")};
    w.window.articleImport()->importAction()->trigger();
    settleEvents();
    QCOMPARE(w.dataset().articles.size(), 2);
    QVERIFY(w.dataset().articles.at(0).publishedInferred);
    QCOMPARE(w.dataset().articles.at(0).published, QDate(2025, 11, 26));
    const QStringList warnings = w.window.articleImport()->lastWarnings();
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings.first().startsWith(QStringLiteral("undated.txt: no publication date found")),
             qPrintable(warnings.first()));
    QVERIFY2(warnings.first().contains(QStringLiteral("2025-11-26")), qPrintable(warnings.first()));
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.first().first().toStringList(), warnings);
    const QString report = w.window.articleImport()->lastReport();
    QVERIFY2(report.contains(warnings.first()), qPrintable(report));
    QVERIFY2(report.contains(QStringLiteral("Article Properties")), qPrintable(report));
    QVERIFY2(!report.contains(QStringLiteral("saved-page.html")), qPrintable(report));
    const QString status = w.window.statusBar()->currentMessage();
    QVERIFY2(status.startsWith(QStringLiteral("Imported 2 articles, with a warning to check")),
             qPrintable(status));

    // Interactive: two undated files in one import, both listed in the one report dialog.
    const QString second = undated(QStringLiteral("also-undated.txt"),
                                   "Harbour talks resume\nStill no date.\n", QDate(2025, 3, 2));
    const QString third =
        undated(QStringLiteral("third.txt"), "Harbour talks end\nNor here.\n", QDate(2025, 11, 26));
    QVERIFY(!second.isEmpty() && !third.isEmpty());
    w.window.setInteractive(true);
    int boxes = 0;
    QString shown;
    bool seen = false;
    whenDialog(
        QStringLiteral("importReportBox"),
        [&](QDialog *dialog) {
            ++boxes;
            auto *box = qobject_cast<QMessageBox *>(dialog);
            QVERIFY(box);
            shown = box->text() + u'\n' + box->informativeText();
            box->accept();
        },
        &seen);
    QVERIFY(w.window.articleImport()->importFiles({second, third}));
    w.window.setInteractive(false);
    QVERIFY(seen);
    QCOMPARE(boxes, 1);
    QCOMPARE(spy.size(), 2);
    QVERIFY2(shown.contains(QStringLiteral("with 2 warnings to check")), qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("also-undated.txt: no publication date found")),
             qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("third.txt: no publication date found")),
             qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("2025-03-02")), qPrintable(shown));
}

void ArticleImportWindowTest::pasteAsArticleAddsTheClipboardText() {
    Window w;
    const QString text = QStringLiteral("Envoys meet again\nThe envoys met in Oslo on Tuesday.\n");
    QApplication::clipboard()->setText(text);
    settleEvents();
    QAction *paste = w.window.findChild<QAction *>(QStringLiteral("pasteAsArticleAction"));
    QVERIFY(paste && paste->isEnabled());
    paste->trigger();
    QCOMPARE(w.dataset().articles.size(), 1);
    QVERIFY(w.dataset().articles.first().text.contains(QStringLiteral("met in Oslo on Tuesday")));
    QCOMPARE(w.undo()->count(), 1);
    // Pasted twice: the second is the same article, skipped.
    paste->trigger();
    QCOMPARE(w.dataset().articles.size(), 1);
    QVERIFY(
        w.window.articleImport()->lastReport().contains(QStringLiteral("already in the dataset")));
}

void ArticleImportWindowTest::pastedHtmlIsReadAsAPage() {
    Window w;
    auto *mime = new QMimeData;
    mime->setHtml(QStringLiteral(
        "<html><head><meta property=\"og:site_name\" content=\"Coast Courier\"></head><body>"
        "<nav>Home | World</nav><h1>Envoys agree on a timetable</h1>"
        "<p>The envoys agreed on Friday to meet weekly.</p><script>evil()</script></body></html>"));
    mime->setText(QStringLiteral("plain fallback"));
    QApplication::clipboard()->setMimeData(mime);
    QVERIFY(w.window.articleImport()->importMimeData(QApplication::clipboard()->mimeData()));
    QCOMPARE(w.dataset().articles.size(), 1);
    const Article &article = w.dataset().articles.first();
    QCOMPARE(article.publisher, QStringLiteral("Coast Courier"));
    QVERIFY(article.text.contains(QStringLiteral("agreed on Friday")));
    QVERIFY(!article.text.contains(QStringLiteral("evil")));
    QVERIFY(!article.text.contains(QStringLiteral("Home | World")));
}

void ArticleImportWindowTest::importIntoTheBuiltInDatasetIsRefusedWithTheReason() {
    // The built-in dataset is looked at, not edited (issue 16, item 7): a file dropped on it
    // is not imported, and the report says why and what to do (Edit a Copy…, editactionstest).
    MainWindow window;
    window.setInteractive(false);
    QVERIFY(window.openDataset(Session::defaultDatasetPath));
    const qsizetype before = window.session()->dataset()->articles.size();
    QVERIFY(!window.articleImport()->importFiles({fixture("saved-page.html")}));
    QCOMPARE(window.session()->dataset()->articles.size(), before);
    QVERIFY(!window.session()->document()->isModified());
    QCOMPARE(window.articleImport()->lastReport(),
             QStringLiteral("The articles were not added. The built-in dataset is read-only: "
                            "save a copy to edit it."));
    QVERIFY(!window.articleImport()->importAction()->isEnabled());
}

void ArticleImportWindowTest::untitledDatasetSavedAsBecomesThatFile() {
    Window w;
    QVERIFY(w.window.articleImport()->importFiles({fixture("utf16le.txt")}));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("harbour.ntl.json"));
    QVERIFY(w.window.documentController()->saveAs(path));
    QVERIFY(w.window.documentController()->waitForSave());
    QCOMPARE(w.window.session()->document()->filePath(), path);
    QVERIFY(!w.window.session()->document()->isModified());
    QCOMPARE(w.window.windowTitle(),
             QStringLiteral("harbour.ntl.json[*] — Harbour talks — Negotiation Timeline"));
    MainWindow reopened;
    reopened.setInteractive(false);
    QVERIFY(reopened.openDataset(path));
    QCOMPARE(reopened.session()->dataset()->articles.size(), 1);
    QCOMPARE(reopened.session()->dataset()->sides.first().id, QStringLiteral("north"));
    QVERIFY(reopened.lastWarnings().isEmpty());
}

void ArticleImportWindowTest::droppedHtmlFileIsImported() {
    Window w;
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(fixture("saved-page.html"))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    // Straight to the window: QApplication delivers a drop only inside a drag it runs.
    static_cast<QObject *>(&w.window)->event(&enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    static_cast<QObject *>(&w.window)->event(&drop);
    QVERIFY(drop.isAccepted());
    QTRY_COMPARE(w.dataset().articles.size(), 1);
    QCOMPARE(w.dataset().articles.first().publisher, QStringLiteral("The Lakeside Herald"));
    // Still the new dataset: the drop imported, it did not open the page as a dataset.
    QCOMPARE(w.dataset().title, QStringLiteral("Harbour talks"));
}

void ArticleImportWindowTest::droppedJsonStillOpensADataset() {
    Window w;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("other.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "negotiation-timeline", "version": 1, "title": "Other",
                   "offsetUnit": "codepoint", "sides": [], "articles": [], "actors": [],
                   "events": []})");
    file.close();
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(path)});
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    static_cast<QObject *>(&w.window)->event(&drop);
    QTRY_COMPARE(w.dataset().title, QStringLiteral("Other"));
}

void ArticleImportWindowTest::propertiesDialogEditsTheTitleAsOneStep() {
    Window w;
    QVERIFY(w.window.articleImport()->importFiles({fixture("saved-page.html")}));
    const QString id = w.dataset().articles.first().id;
    const QString before = w.dataset().articles.first().title;
    QCOMPARE(w.window.sourcesView()->currentArticleId(), id);
    QAction *properties = w.window.findChild<QAction *>(QStringLiteral("articlePropertiesAction"));
    QVERIFY(properties && properties->isEnabled());
    // Offered where the article is listed too.
    QVERIFY(w.window.sourcesView()->articleList()->actions().contains(properties));
    bool seen = false;
    whenDialog(
        QStringLiteral("articleMetadataDialog"),
        [](QDialog *dialog) {
            auto *title = dialog->findChild<QLineEdit *>(QStringLiteral("titleEdit"));
            title->selectAll();
            QTest::keyClicks(title, QStringLiteral("Geneva talks resume"));
            auto *published = dialog->findChild<QDateEdit *>(QStringLiteral("publishedEdit"));
            published->setDate(QDate(2025, 11, 24));
            auto *d = static_cast<ArticleMetadataDialog *>(dialog);
            QTest::mouseClick(d->okButton(), Qt::LeftButton);
        },
        &seen);
    const int steps = w.undo()->count();
    properties->trigger();
    QVERIFY(seen);
    QCOMPARE(w.dataset().article(id)->title, QStringLiteral("Geneva talks resume"));
    QCOMPARE(w.dataset().article(id)->published, QDate(2025, 11, 24));
    QCOMPARE(w.undo()->count(), steps + 1);
    w.undo()->undo();
    QCOMPARE(w.dataset().article(id)->title, before);
}

void ArticleImportWindowTest::propertiesDialogMarksInvalidValuesAtTheField() {
    Window w;
    QVERIFY(w.window.articleImport()->importFiles({fixture("saved-page.html")}));
    const Article article = w.dataset().articles.first();
    ArticleMetadataDialog dialog(w.dataset(), article);
    dialog.show();
    QVERIFY(dialog.okButton()->isEnabled());
    dialog.urlEdit()->selectAll();
    QTest::keyClicks(dialog.urlEdit(), QStringLiteral("javascript:alert(1)"));
    QVERIFY(dialog.urlMessage().startsWith(
        QStringLiteral("url: expected an http:// or https:// address")));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("urlError"))->isVisible());
    QVERIFY(!dialog.okButton()->isEnabled());
    dialog.urlEdit()->setText(QStringLiteral("https://herald.example/a"));
    QVERIFY(dialog.urlMessage().isEmpty());
    dialog.titleEdit()->setText(QStringLiteral("   "));
    QCOMPARE(dialog.titleMessage(),
             QStringLiteral("article \"%1\", title: expected a non-empty string").arg(article.id));
    QVERIFY(dialog.titleEdit()->property("invalid").toBool());
    QVERIFY(!dialog.okButton()->isEnabled());
}

void ArticleImportWindowTest::screenshots() {
    // Written where NTL_SCREENSHOT_DIR says, to be looked at; else to a temporary folder.
    QTemporaryDir temporary;
    const QString out = qEnvironmentVariable("NTL_SCREENSHOT_DIR", temporary.path());
    for (const auto theme : {ThemePalette::Theme::Light, ThemePalette::Theme::Dark}) {
        Window w;
        w.window.setTheme(theme, false);
        w.window.resize(1024, 768);
        QVERIFY(w.window.articleImport()->importFiles(
            {fixture("utf16le.txt"), fixture("saved-page.html")}));
        settleEvents();
        const QString name =
            theme == ThemePalette::Theme::Light ? QStringLiteral("light") : QStringLiteral("dark");
        QVERIFY(w.window.grab().save(out + QStringLiteral("/imported-") + name +
                                     QStringLiteral(".png")));
        ArticleMetadataDialog dialog(w.dataset(), w.dataset().articles.at(1), &w.window);
        dialog.show();
        dialog.urlEdit()->setText(QStringLiteral("ftp://herald.example/x"));
        settleEvents();
        QVERIFY(
            dialog.grab().save(out + QStringLiteral("/metadata-") + name + QStringLiteral(".png")));
    }
}

QTEST_MAIN(ArticleImportWindowTest)
#include "articleimportwindowtest.moc"
