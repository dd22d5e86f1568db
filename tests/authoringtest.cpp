#include "authoringcontroller.h"
#include "claimdialog.h"
#include "datasetreader.h"
#include "datasetvalidator.h"
#include "datasetwriter.h"
#include "document.h"
#include "eventfiltermodel.h"
#include "mainwindow.h"
#include "session.h"
#include "sourcesview.h"
#include "testwindow.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace ntl;

namespace {

// An article published on Tuesday 25 November 2025, a character outside the Basic
// Multilingual Plane before the words selected, so code points and UTF-16 differ.
const char *const ArticleText =
    "Talks \xF0\x9F\x95\x8A resume.\\nEnvoys from both sides met in Geneva on Sunday to discuss "
    "the revised plan, officials said.\\nA later meeting is planned.\\n";

QByteArray fixture() {
    return QByteArray(R"({
  "format": "negotiation-timeline", "version": 1, "title": "Authoring", "offsetUnit": "codepoint",
  "sides": [{"id": "north", "name": "North"}],
  "articles": [{"id": "art-s", "title": "Envoys meet", "publisher": null, "url": null,
                "published": "2025-11-25", "publishedBasis": "stated", "text": ")") +
           ArticleText + R"("}],
  "actors": [],
  "events": [
    {"id": "ev-resume", "title": "Talks resume", "summary": "", "kind": "talks",
     "status": "occurred", "date": {"start": "2025-11-25", "end": "2025-11-25",
     "precision": "day", "expression": null, "basis": "inferred", "anchor": "art-s", "note": null},
     "place": null, "participants": [],
     "sources": [{"article": "art-s", "exact": "Talks \ud83d\udd4a resume.", "prefix": "",
                  "suffix": "\nEnvoys from both sides met in G", "start": 0, "end": 15}],
     "disagreements": [], "note": null},
    {"id": "ev-later", "title": "A later meeting", "summary": "", "kind": "statement",
     "status": "planned", "date": {"start": "2025-11-25", "end": "2025-11-25",
     "precision": "day", "expression": null, "basis": "inferred", "anchor": "art-s", "note": null},
     "place": null, "participants": [],
     "sources": [{"article": "art-s", "exact": "A later meeting is planned.",
                  "prefix": "e revised plan, officials said.\n", "suffix": "\n", "start": 108, "end": 135}],
     "disagreements": [], "note": null},
    {"id": "ev-other", "title": "Officials speak", "summary": "", "kind": "statement",
     "status": "occurred", "date": {"start": "2025-11-25", "end": "2025-11-25",
     "precision": "day", "expression": null, "basis": "inferred", "anchor": "art-s", "note": null},
     "place": null, "participants": [],
     "sources": [{"article": "art-s", "exact": "officials said", "prefix": "ay to discuss the revised plan, ",
                  "suffix": ".\nA later meeting is planned.\n", "start": 92, "end": 106}],
     "disagreements": [], "note": null}
  ]
})";
}

// What the reader expects of a passage, computed here from code points on their own.
struct Expected {
    QString exact, prefix, suffix;
    qint64 start = 0, end = 0;
};
Expected expectedPassage(const QString &text, int start16, int end16) {
    const QList<uint> all = text.toUcs4();
    const qint64 start = text.left(start16).toUcs4().size();
    const qint64 end = text.left(end16).toUcs4().size();
    const qint64 prefixStart = std::max<qint64>(0, start - 32);
    return {text.mid(start16, end16 - start16),
            QString::fromUcs4(reinterpret_cast<const char32_t *>(all.constData() + prefixStart),
                              start - prefixStart),
            QString::fromUcs4(reinterpret_cast<const char32_t *>(all.constData() + end),
                              std::min<qint64>(32, all.size() - end)),
            start, end};
}

} // namespace

class AuthoringTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void actionsAreDisabledWithAReason();
    void newEventFromSelectionIsAnchoredDatedAndSelected();
    void newEventHiddenByTheFilterIsSaid();
    void addSelectionToCurrentEvent();
    void addSelectionAsClaim();
    void removeAndReselectPassage();
    void contextMenuAndBarOfferTheActions();

private:
    const Dataset &dataset() const { return m_window->session()->document()->dataset(); }
    const Event &event(const QString &id) const {
        return dataset().events.at(m_window->session()->document()->eventRow(id));
    }
    QString text() const { return dataset().article(QStringLiteral("art-s"))->text; }
    // Selects `words` in the shown article as the user would, by the text view's cursor.
    void selectWords(const QString &words);
    void selectEvent(const QString &id);

    QTemporaryDir *m_dir = nullptr;
    MainWindow *m_window = nullptr;
    AuthoringController *m_authoring = nullptr;
};

void AuthoringTest::initTestCase() {
    useTestSettings("authoringtest");
}

void AuthoringTest::init() {
    m_dir = new QTemporaryDir;
    const QString path = m_dir->filePath(QStringLiteral("authoring.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(fixture());
    file.close();
    m_window = new MainWindow;
    m_window->setInteractive(false);
    const bool opened = m_window->openDataset(path);
    for (const Diagnostic &d : m_window->session()->errors())
        qWarning("%s", qPrintable(d.toString()));
    QVERIFY(opened);
    QVERIFY(m_window->session()->warnings().isEmpty());
    m_window->resize(1024, 768);
    m_window->show();
    m_window->tabs()->setCurrentIndex(MainWindow::SourcesTab);
    settleEvents();
    QVERIFY(m_window->sourcesView()->showArticle(QStringLiteral("art-s")));
    m_authoring = m_window->authoring();
    QVERIFY(m_authoring);
}

void AuthoringTest::cleanup() {
    delete m_window;
    m_window = nullptr;
    delete m_dir;
    m_dir = nullptr;
}

void AuthoringTest::selectWords(const QString &words) {
    QPlainTextEdit *view = m_window->sourcesView()->textView();
    const int start = int(text().indexOf(words));
    QVERIFY(start >= 0);
    QTextCursor cursor(view->document());
    cursor.setPosition(start);
    cursor.setPosition(start + int(words.size()), QTextCursor::KeepAnchor);
    view->setTextCursor(cursor);
    QCOMPARE(view->textCursor().selectedText(), words);
}

void AuthoringTest::selectEvent(const QString &id) {
    m_window->selectionModel()->setCurrentIndex(m_window->filterModel()->indexOfEvent(id),
                                                QItemSelectionModel::ClearAndSelect |
                                                    QItemSelectionModel::Rows);
    settleEvents();
}

void AuthoringTest::actionsAreDisabledWithAReason() {
    m_window->selectionModel()->clear();
    QPlainTextEdit *view = m_window->sourcesView()->textView();
    view->moveCursor(QTextCursor::Start);
    settleEvents();
    for (QAction *action : m_authoring->actions())
        QVERIFY2(!action->isEnabled(), qPrintable(action->text()));
    QCOMPARE(m_authoring->newEventAction()->toolTip(),
             QStringLiteral("Select words in an article first"));
    QCOMPARE(m_authoring->newEventAction()->statusTip(), m_authoring->newEventAction()->toolTip());
    // Only white space selected is no selection.
    const int gap = int(text().indexOf(u"met in")) - 1;
    QTextCursor cursor(view->document());
    cursor.setPosition(gap);
    cursor.setPosition(gap + 1, QTextCursor::KeepAnchor);
    view->setTextCursor(cursor);
    QVERIFY(!m_authoring->newEventAction()->isEnabled());
    QVERIFY(!m_authoring->newEventFromSelection());

    selectWords(QStringLiteral("met in Geneva"));
    QVERIFY(m_authoring->newEventAction()->isEnabled());
    QVERIFY(!m_authoring->addPassageAction()->isEnabled());
    QCOMPARE(m_authoring->addPassageAction()->toolTip(), QStringLiteral("No current event"));
    QVERIFY(!m_authoring->addClaimAction()->isEnabled());
    QCOMPARE(m_authoring->addClaimAction()->toolTip(), QStringLiteral("No current event"));
    QVERIFY(!m_authoring->removePassageAction()->isEnabled());
    const int events = int(dataset().events.size());
    QVERIFY(!m_authoring->addSelectionToCurrentEvent());
    QCOMPARE(dataset().events.size(), events);

    // Another tab: a selection left in the hidden article is not acted on.
    m_window->tabs()->setCurrentIndex(MainWindow::TimelineTab);
    settleEvents();
    QVERIFY(!m_authoring->newEventAction()->isEnabled());
}

void AuthoringTest::newEventFromSelectionIsAnchoredDatedAndSelected() {
    m_window->selectionModel()->clear();
    settleEvents();
    // Its 32 code points of prefix reach back over the surrogate pair.
    const QString words = QStringLiteral("sides met in Geneva");
    // With white space around, as a drag often takes it: trimmed.
    const int start = int(text().indexOf(words));
    QPlainTextEdit *view = m_window->sourcesView()->textView();
    QTextCursor cursor(view->document());
    cursor.setPosition(start - 1);
    cursor.setPosition(start + int(words.size()) + 1, QTextCursor::KeepAnchor);
    view->setTextCursor(cursor);
    const int passagesBefore = m_window->sourcesView()->passageList()->count();
    QSignalSpy textChanges(view->document(), &QTextDocument::contentsChange);
    QUndoStack *undo = m_window->session()->document()->undoStack();
    const int steps = undo->count();
    const int events = int(dataset().events.size());

    QVERIFY(m_authoring->newEventAction()->isEnabled());
    m_authoring->newEventAction()->trigger();
    settleEvents();

    QCOMPARE(dataset().events.size(), events + 1);
    QCOMPARE(undo->count(), steps + 1);
    const Event &created = dataset().events.last();
    QCOMPARE(created.id, QStringLiteral("ev-envoys-from-both-sides-met"));
    QVERIFY2(created.title.size() <= 80, qPrintable(created.title));
    QVERIFY(created.title.endsWith(QChar(0x2026)));
    const QString sentence =
        QStringLiteral("Envoys from both sides met in Geneva on Sunday to discuss the revised "
                       "plan, officials said");
    const QString cut = created.title.chopped(1);
    QVERIFY2(sentence.startsWith(cut), qPrintable(created.title));
    QVERIFY(cut.size() >= 60);
    QVERIFY(!sentence.at(cut.size()).isLetterOrNumber()); // ends at a word
    QCOMPARE(created.kind, QStringLiteral("statement"));  // two of the three events
    QCOMPARE(created.status, EventStatus::Occurred);
    QVERIFY(created.participants.isEmpty());
    // "on Sunday" in the sentence, published on Tuesday 25 November 2025.
    QCOMPARE(created.date.start, QDate(2025, 11, 23));
    QCOMPARE(created.date.end, QDate(2025, 11, 23));
    QCOMPARE(created.date.precision, DatePrecision::Day);
    QCOMPARE(created.date.basis, DateBasis::Relative);
    QCOMPARE(created.date.expression, QStringLiteral("on Sunday"));
    QCOMPARE(created.date.anchorArticleId, QStringLiteral("art-s"));

    QCOMPARE(created.sources.size(), 1);
    const SourcePassage &passage = created.sources.first();
    const Expected expected = expectedPassage(text(), start, start + int(words.size()));
    QCOMPARE(passage.articleId, QStringLiteral("art-s"));
    QCOMPARE(passage.exact, words);
    QCOMPARE(passage.prefix, expected.prefix);
    QCOMPARE(passage.suffix, expected.suffix);
    QCOMPARE(passage.prefix.size(), 33); // 32 code points, one of them a surrogate pair
    QCOMPARE(passage.storedStart, expected.start);
    QCOMPARE(passage.storedEnd, expected.end);
    QCOMPARE(passage.storedStart, qint64(start - 1));
    QCOMPARE(passage.start, start);
    QCOMPARE(passage.end, start + int(words.size()));

    // The validator finds nothing to say about it, nor the reader after a save.
    const qsizetype row = dataset().events.size() - 1;
    const QString at = QStringLiteral("/events/%1").arg(row);
    for (const Diagnostic &d : DatasetValidator::validate(dataset()))
        QVERIFY2(!d.jsonPath.startsWith(at), qPrintable(d.toString()));
    const QString saved = m_dir->filePath(QStringLiteral("saved.json"));
    QVERIFY(DatasetWriter::writeFile(dataset(), saved));
    const auto reread = DatasetReader::readFile(saved);
    QVERIFY(reread.ok());
    QVERIFY2(reread.diagnostics.isEmpty(), qPrintable(reread.diagnostics.value(0).toString()));
    QCOMPARE(reread.dataset->events.last().sources.first().start, passage.start);

    // Selected in the shared selection; the Sources view highlights it at once, without
    // loading the text again.
    QCOMPARE(m_window->selectionModel()->currentIndex().data(EventModel::EventIdRole).toString(),
             created.id);
    QCOMPARE(m_window->sourcesView()->passageList()->count(), passagesBefore + 1);
    QCOMPARE(textChanges.count(), 0);
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("on Sunday")));

    undo->undo();
    settleEvents();
    QCOMPARE(dataset().events.size(), events);
    QVERIFY(m_window->session()->document()->eventRow(
                QStringLiteral("ev-envoys-from-both-sides-met")) < 0);
    QCOMPARE(m_window->sourcesView()->passageList()->count(), passagesBefore);

    // A second event from the same words gets an id of its own.
    undo->redo();
    selectWords(words);
    m_authoring->newEventAction()->trigger();
    QCOMPARE(dataset().events.last().id, QStringLiteral("ev-envoys-from-both-sides-met-2"));
}

void AuthoringTest::newEventHiddenByTheFilterIsSaid() {
    m_window->filterModel()->setKinds({QStringLiteral("talks")});
    settleEvents();
    QVERIFY(m_window->sourcesView()->showArticle(QStringLiteral("art-s")));
    selectWords(QStringLiteral("officials said"));
    const int events = int(dataset().events.size());
    QVERIFY(!m_authoring->newEventFromSelection()); // made, but not shown
    QCOMPARE(dataset().events.size(), events + 1);
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("filter hides")),
             qPrintable(m_window->statusBar()->currentMessage()));
}

void AuthoringTest::addSelectionToCurrentEvent() {
    selectEvent(QStringLiteral("ev-later"));
    // Selected from the keyboard: Shift+Right over "Envoys".
    QPlainTextEdit *view = m_window->sourcesView()->textView();
    view->setFocus();
    QTextCursor cursor(view->document());
    cursor.setPosition(int(text().indexOf(u"Envoys")));
    view->setTextCursor(cursor);
    for (int i = 0; i < 6; ++i)
        QTest::keyClick(view, Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(view->textCursor().selectedText(), QStringLiteral("Envoys"));
    settleEvents();
    QVERIFY(m_authoring->addPassageAction()->isEnabled());
    const int passages = m_window->sourcesView()->passageList()->count();
    m_authoring->addPassageAction()->trigger();
    settleEvents();
    const Event &later = event(QStringLiteral("ev-later"));
    QCOMPARE(later.sources.size(), 2);
    QCOMPARE(later.sources.at(1).exact, QStringLiteral("Envoys"));
    QCOMPARE(later.sources.at(1).suffix, QStringLiteral(" from both sides met in Geneva o"));
    // The whole text before it, a surrogate pair included, counted in code points.
    QCOMPARE(later.sources.at(1).prefix, QStringLiteral("Talks \U0001F54A resume.\n"));
    QCOMPARE(later.sources.at(1).storedStart, 16);
    QCOMPARE(later.sources.at(1).start, 17);
    QCOMPARE(m_window->sourcesView()->passageList()->count(), passages + 1);
    // The selection stays (the text was not loaded again) and the same words are refused.
    QCOMPARE(view->textCursor().selectedText(), QStringLiteral("Envoys"));
    QVERIFY(!m_authoring->addPassageAction()->isEnabled());
    QCOMPARE(m_authoring->addPassageAction()->toolTip(),
             QStringLiteral("The current event already cites these words"));
    QVERIFY(!m_authoring->addSelectionToCurrentEvent());
    QCOMPARE(event(QStringLiteral("ev-later")).sources.size(), 2);

    m_window->session()->document()->undoStack()->undo();
    QCOMPARE(event(QStringLiteral("ev-later")).sources.size(), 1);
}

void AuthoringTest::addSelectionAsClaim() {
    selectEvent(QStringLiteral("ev-other"));
    selectWords(QStringLiteral("on Sunday"));
    QVERIFY(m_authoring->addClaimAction()->isEnabled());
    bool filled = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<ClaimDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        QCOMPARE(dialog->disagreementBox()->count(), 1);       // only "New disagreement…"
        QCOMPARE(dialog->says(), QStringLiteral("on Sunday")); // prefilled
        dialog->topicEdit()->setText(QStringLiteral("Day of the meeting"));
        dialog->saysEdit()->setText(QStringLiteral("Sunday"));
        filled = true;
        dialog->accept();
    });
    const int steps = m_window->session()->document()->undoStack()->count();
    m_authoring->addClaimAction()->trigger();
    QVERIFY(filled);
    const Event &other = event(QStringLiteral("ev-other"));
    QCOMPARE(other.disagreements.size(), 1);
    QCOMPARE(other.disagreements.first().topic, QStringLiteral("Day of the meeting"));
    QCOMPARE(other.disagreements.first().claims.size(), 1);
    const Claim &claim = other.disagreements.first().claims.first();
    QCOMPARE(claim.articleId, QStringLiteral("art-s"));
    QCOMPARE(claim.exact, QStringLiteral("on Sunday"));
    QCOMPARE(claim.says, QStringLiteral("Sunday"));
    QCOMPARE(m_window->session()->document()->undoStack()->count(), steps + 1);

    // A second claim into the same disagreement, without the dialog.
    selectWords(QStringLiteral("met in Geneva"));
    QVERIFY(m_authoring->addClaim(0, QString(), QStringLiteral("Geneva")));
    QCOMPARE(event(QStringLiteral("ev-other")).disagreements.first().claims.size(), 2);
    for (const Diagnostic &d : DatasetValidator::validate(dataset()))
        QVERIFY2(d.severity != Diagnostic::Severity::Error, qPrintable(d.toString()));
    m_window->session()->document()->undoStack()->undo();
    m_window->session()->document()->undoStack()->undo();
    QVERIFY(event(QStringLiteral("ev-other")).disagreements.isEmpty());
}

void AuthoringTest::removeAndReselectPassage() {
    SourcesView *sources = m_window->sourcesView();
    QVERIFY(sources->showPassage(QStringLiteral("ev-other"), 0)); // as a click on it does
    settleEvents();
    QVERIFY(m_authoring->removePassageAction()->isEnabled());
    // The passage's own words are selected: re-selecting them would change nothing.
    QVERIFY(!m_authoring->reselectPassageAction()->isEnabled());

    selectWords(QStringLiteral("revised plan"));
    QVERIFY(m_authoring->reselectPassageAction()->isEnabled());
    const int steps = m_window->session()->document()->undoStack()->count();
    m_authoring->reselectPassageAction()->trigger();
    settleEvents();
    const int start = int(text().indexOf(u"revised plan"));
    const Expected expected = expectedPassage(text(), start, start + 12);
    {
        const SourcePassage &moved = event(QStringLiteral("ev-other")).sources.first();
        QCOMPARE(event(QStringLiteral("ev-other")).sources.size(), 1);
        QCOMPARE(moved.exact, QStringLiteral("revised plan"));
        QCOMPARE(moved.prefix, expected.prefix);
        QCOMPARE(moved.suffix, expected.suffix);
        QCOMPARE(moved.storedStart, expected.start);
        QCOMPARE(moved.start, start);
    }
    QCOMPARE(m_window->session()->document()->undoStack()->count(), steps + 1);

    // Remove it: the passage list's current entry, the current event's.
    QVERIFY(sources->showPassage(QStringLiteral("ev-other"), 0));
    settleEvents();
    QVERIFY(m_authoring->removePassageAction()->isEnabled());
    const int passages = sources->passageList()->count();
    m_authoring->removePassageAction()->trigger();
    settleEvents();
    QVERIFY(event(QStringLiteral("ev-other")).sources.isEmpty());
    QCOMPARE(sources->passageList()->count(), passages - 1);
    QVERIFY(!m_authoring->removePassageAction()->isEnabled());

    QUndoStack *undo = m_window->session()->document()->undoStack();
    undo->undo();
    QCOMPARE(event(QStringLiteral("ev-other")).sources.first().exact,
             QStringLiteral("revised plan"));
    undo->undo();
    QCOMPARE(event(QStringLiteral("ev-other")).sources.first().exact,
             QStringLiteral("officials said"));
}

void AuthoringTest::contextMenuAndBarOfferTheActions() {
    // The Edit menu, the bar above the article and the text's context menu hold the actions.
    for (QAction *action : m_authoring->actions()) {
        QVERIFY(!action->associatedObjects().isEmpty());
        int places = 0;
        for (QObject *object : action->associatedObjects())
            places += qobject_cast<QWidget *>(object) ? 1 : 0;
        QVERIFY2(places >= 2, qPrintable(action->text())); // a menu and the bar
    }
    // No two window-wide actions share a shortcut (one scoped to a single widget, such as
    // Delete removing a list's item in the event editor, cannot clash with them).
    QHash<QKeySequence, QString> seen;
    for (QAction *action : m_window->findChildren<QAction *>()) {
        if (action->shortcutContext() == Qt::WidgetShortcut ||
            action->shortcutContext() == Qt::WidgetWithChildrenShortcut)
            continue;
        for (const QKeySequence &key : action->shortcuts()) {
            QVERIFY2(!seen.contains(key), qPrintable(QString(action->text() + QStringLiteral(" / ") + seen.value(key))));
            seen.insert(key, action->text());
        }
    }
    QVERIFY(seen.contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)));
}

QTEST_MAIN(AuthoringTest)
#include "authoringtest.moc"
