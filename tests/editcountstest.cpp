// The filter panel's "N of M events", its lists' values and numbers, and the status bar's
// count follow every edit, not only a reset or a filter change: Delete Event, New Event from
// Selection, a kind edit, an import (ImportApplier::apply, as File → Import… does) and the
// Undo of each, through the real window. Each number is counted again from the document.
#include "authoringcontroller.h"
#include "datasetwriter.h"
#include "document.h"
#include "eventeditcontroller.h"
#include "filterpanel.h"
#include "importapplier.h"
#include "session.h"
#include "sourcesview.h"
#include "testwindow.h"

#include <QAction>
#include <QCryptographicHash>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QUndoStack>

#include <functional>

using namespace ntl;

namespace {
constexpr int keyRole = Qt::UserRole + 1; // FilterPanel's

// What the panel should show, worked out from the dataset alone: the events each value
// would show under the other active filters (here only a kind filter is active).
struct Expected {
    int shown = 0;
    int total = 0;
    QHash<QString, int> sides, actors, kinds, statuses, articles;
};

Expected expectedFor(const Dataset &dataset, const QSet<QString> &kindFilter) {
    Expected expected;
    expected.total = int(dataset.events.size());
    for (const Event &event : dataset.events) {
        const bool kindPasses = kindFilter.isEmpty() || kindFilter.contains(event.kind);
        if (kindPasses)
            ++expected.shown;
        QSet<QString> actors, sides, articles;
        for (const Participant &participant : event.participants) {
            actors.insert(participant.actorId);
            const QString side = dataset.effectiveSideId(participant.actorId);
            if (!side.isEmpty())
                sides.insert(side);
        }
        for (const SourcePassage &passage : event.sources)
            articles.insert(passage.articleId);
        ++expected.kinds[event.kind]; // its own facet: the kind filter does not apply
        if (!kindPasses)
            continue;
        for (const QString &id : actors)
            ++expected.actors[id];
        for (const QString &id : sides)
            ++expected.sides[id];
        for (const QString &id : articles)
            ++expected.articles[id];
        ++expected.statuses[QString::number(int(event.status))];
    }
    return expected;
}

// Every checkable row of `tree`: its key and the number it shows.
QHash<QString, QString> shownNumbers(QTreeWidget *tree) {
    QHash<QString, QString> numbers;
    for (QTreeWidgetItemIterator it(tree); *it; ++it) {
        if ((*it)->flags() & Qt::ItemIsUserCheckable)
            numbers.insert((*it)->data(0, keyRole).toString(), (*it)->text(1));
    }
    return numbers;
}

QString statusCountText(MainWindow &window) {
    static const QRegularExpression count(QStringLiteral("^\\d+ of \\d+ events$"));
    for (QLabel *label : window.statusBar()->findChildren<QLabel *>()) {
        if (count.match(label->text()).hasMatch())
            return label->text();
    }
    return {};
}

} // namespace

class EditCountsTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void countsFollowDeleteAndItsUndo();
    void countsFollowNewEventFromSelectionAndItsUndo();
    void listsFollowAKindEditAndItsUndo();
    void listsAndCountsFollowAnImportAndItsUndo();
    void anImportIsShownOnceItIsWhole();

private:
    // Compares the panel's count, each list's values and numbers, and the status bar with
    // what the document holds; `what` names the step in a failure.
    void verifyShown(const char *what);

    QTemporaryDir m_dir;
    MainWindow *m_window = nullptr;
    Document *m_document = nullptr;
    const QSet<QString> m_kindFilter{QStringLiteral("talks")};
};

void EditCountsTest::initTestCase() {
    useTestSettings("editcountstest");
    QVERIFY(m_dir.isValid());
}

void EditCountsTest::init() {
    // A writable copy of the shipped dataset (the built-in one is read-only), texts inline.
    Session shipped;
    QVERIFY(shipped.open(Session::defaultDatasetPath));
    const QString path = m_dir.filePath(QStringLiteral("talks.ntl.json"));
    DatasetWriter::Options options;
    options.texts = DatasetWriter::ArticleTexts::Inline;
    QString error;
    QVERIFY2(DatasetWriter::write(shipped.dataset(), path, options, &error), qPrintable(error));
    m_window = new MainWindow;
    m_window->setInteractive(false);
    QVERIFY(m_window->openDataset(path));
    m_window->resize(1024, 768);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_document = m_window->session()->document();
    // A kind filter, so that the numbers differ from plain totals.
    m_window->filterModel()->setKinds(m_kindFilter);
    settleEvents();
    verifyShown("opened, filtered by kind");
}

void EditCountsTest::cleanup() {
    delete m_window;
    m_window = nullptr;
    QFile::remove(m_dir.filePath(QStringLiteral("talks.ntl.json")));
}

void EditCountsTest::verifyShown(const char *what) {
    const QString step = QString::fromUtf8(what);
    const Dataset &dataset = m_document->dataset();
    const Expected expected = expectedFor(dataset, m_kindFilter);
    FilterPanel *panel = m_window->filterPanel();
    const QString count = QStringLiteral("%1 of %2 events").arg(expected.shown).arg(expected.total);
    QVERIFY2(panel->countText() == count,
             qPrintable(
                 QStringLiteral("%1: panel says %2, not %3").arg(step, panel->countText(), count)));
    QVERIFY2(statusCountText(*m_window) == count,
             qPrintable(QStringLiteral("%1: status bar says %2, not %3")
                            .arg(step, statusCountText(*m_window), count)));
    // Every side, actor and article of the dataset is listed; kinds and statuses that occur.
    const auto compare = [&](QTreeWidget *tree, const QStringList &keys,
                             const QHash<QString, int> &numbers, const QString &list) {
        const QHash<QString, QString> shown = shownNumbers(tree);
        QStringList shownKeys = shown.keys();
        QStringList wantedKeys = keys;
        shownKeys.sort();
        wantedKeys.sort();
        QVERIFY2(shownKeys == wantedKeys,
                 qPrintable(QStringLiteral("%1: the %2 list shows %3, not %4")
                                .arg(step, list, shownKeys.join(u','), wantedKeys.join(u','))));
        for (const QString &key : keys) {
            const QString number = QString::number(numbers.value(key));
            QVERIFY2(shown.value(key) == number,
                     qPrintable(QStringLiteral("%1: %2 %3 shows %4, not %5")
                                    .arg(step, list, key, shown.value(key), number)));
        }
    };
    QStringList sides, actors, articles;
    for (const Side &side : dataset.sides)
        sides.append(side.id);
    for (const Actor &actor : dataset.actors)
        actors.append(actor.id);
    for (const Article &article : dataset.articles)
        articles.append(article.id);
    QStringList kinds, statuses;
    for (const Event &event : dataset.events) {
        if (!kinds.contains(event.kind))
            kinds.append(event.kind);
        const QString status = QString::number(int(event.status));
        if (!statuses.contains(status))
            statuses.append(status);
    }
    compare(panel->sideList(), sides, expected.sides, QStringLiteral("side"));
    compare(panel->actorList(), actors, expected.actors, QStringLiteral("actor"));
    compare(panel->kindList(), kinds, expected.kinds, QStringLiteral("kind"));
    compare(panel->statusList(), statuses, expected.statuses, QStringLiteral("status"));
    compare(panel->articleList(), articles, expected.articles, QStringLiteral("article"));
}

void EditCountsTest::countsFollowDeleteAndItsUndo() {
    const int before = int(m_document->dataset().events.size());
    selectShownRow(m_window, 0); // a talks event: the shown count changes too
    QAction *remove = m_window->eventEditing()->deleteAction();
    QVERIFY(remove->isEnabled());
    remove->trigger();
    settleEvents();
    QCOMPARE(int(m_document->dataset().events.size()), before - 1);
    verifyShown("deleted");
    m_document->undoStack()->undo();
    settleEvents();
    QCOMPARE(int(m_document->dataset().events.size()), before);
    verifyShown("delete undone");
}

void EditCountsTest::countsFollowNewEventFromSelectionAndItsUndo() {
    selectShownRow(m_window, 0);
    m_window->tabs()->setCurrentIndex(MainWindow::SourcesTab);
    settleEvents();
    QPlainTextEdit *text = m_window->sourcesView()->textView();
    QTextCursor cursor = text->textCursor();
    cursor.setPosition(0);
    cursor.setPosition(40, QTextCursor::KeepAnchor);
    text->setTextCursor(cursor);
    settleEvents();
    const int before = int(m_document->dataset().events.size());
    QAction *newEvent = m_window->authoring()->newEventAction();
    QVERIFY(newEvent->isEnabled());
    newEvent->trigger();
    settleEvents();
    QCOMPARE(int(m_document->dataset().events.size()), before + 1);
    verifyShown("new event from selection");
    m_document->undoStack()->undo();
    settleEvents();
    QCOMPARE(int(m_document->dataset().events.size()), before);
    verifyShown("new event undone");
}

void EditCountsTest::listsFollowAKindEditAndItsUndo() {
    const QString id = m_document->dataset().events.first().id;
    QVERIFY(m_document->setEventField(id, EventField::Kind, QStringLiteral("ceasefire")));
    settleEvents();
    verifyShown("kind edited to a new kind");
    QVERIFY(
        shownNumbers(m_window->filterPanel()->kindList()).contains(QStringLiteral("ceasefire")));
    m_document->undoStack()->undo();
    settleEvents();
    verifyShown("kind edit undone");
    QVERIFY(
        !shownNumbers(m_window->filterPanel()->kindList()).contains(QStringLiteral("ceasefire")));
}

namespace {
// A side, an actor on it, an article and three talks events, one citing the article.
ImportBatch sampleBatch() {
    ImportBatch batch;
    batch.sourceName = QStringLiteral("/tmp/islanders.timelinejs.json");
    batch.sides.append({QStringLiteral("islanders"), QStringLiteral("Islanders"), {}});
    Actor actor;
    actor.id = QStringLiteral("islanders-group");
    actor.name = QStringLiteral("Islanders");
    actor.kind = ActorKind::Group;
    actor.sideId = QStringLiteral("islanders");
    batch.actors.append(actor);
    Article article;
    article.id = QStringLiteral("art-imported");
    article.title = QStringLiteral("Imported article");
    article.text = QStringLiteral("The islanders joined the talks on Friday.\n");
    article.textSha256 = QString::fromLatin1(
        QCryptographicHash::hash(article.text.toUtf8(), QCryptographicHash::Sha256).toHex());
    article.published = QDate(2025, 10, 8);
    batch.articles.append(article);
    for (int i = 0; i < 3; ++i) {
        Event event;
        event.id = QStringLiteral("imp-%1").arg(i);
        event.title = QStringLiteral("Imported %1").arg(i);
        event.kind = QStringLiteral("talks");
        event.status = i == 2 ? EventStatus::Planned : EventStatus::Occurred;
        event.date.start = event.date.end = QDate(2025, 10, 1).addDays(i);
        event.date.precision = DatePrecision::Day;
        event.participants.append({actor.id, ParticipantRole::Party});
        batch.newEvents.append(event);
    }
    SourcePassage passage;
    passage.articleId = article.id;
    passage.exact = QStringLiteral("joined the talks");
    passage.start = passage.storedStart = 14;
    passage.end = passage.storedEnd = 30;
    batch.newEvents.first().sources.append(passage);
    return batch;
}
} // namespace

void EditCountsTest::listsAndCountsFollowAnImportAndItsUndo() {
    const int before = int(m_document->dataset().events.size());
    const ImportApplier::Result result = ImportApplier::apply(*m_document, sampleBatch());
    QVERIFY(result.applied);
    settleEvents();
    QCOMPARE(int(m_document->dataset().events.size()), before + 3);
    verifyShown("imported");
    FilterPanel *panel = m_window->filterPanel();
    QCOMPARE(shownNumbers(panel->sideList()).value(QStringLiteral("islanders")),
             QStringLiteral("3"));
    QCOMPARE(shownNumbers(panel->actorList()).value(QStringLiteral("islanders-group")),
             QStringLiteral("3"));
    QCOMPARE(shownNumbers(panel->articleList()).value(QStringLiteral("art-imported")),
             QStringLiteral("1"));
    m_document->undoStack()->undo();
    settleEvents();
    QCOMPARE(int(m_document->dataset().events.size()), before);
    verifyShown("import undone");
    m_document->undoStack()->redo();
    settleEvents();
    verifyShown("import redone");
}

void EditCountsTest::anImportIsShownOnceItIsWhole() {
    // Coalesced: the label changes once for the whole import, after its last row, not once
    // per event (each would count and paint every list again).
    QLabel *label = nullptr;
    for (QLabel *candidate : m_window->filterPanel()->findChildren<QLabel *>()) {
        if (candidate->text() == m_window->filterPanel()->countText())
            label = candidate;
    }
    QVERIFY(label);
    const QString before = label->text();
    QVERIFY(ImportApplier::apply(*m_document, sampleBatch()).applied);
    QCOMPARE(label->text(), before); // not yet: queued until the edit is whole
    settleEvents();
    QVERIFY(label->text() != before);
    verifyShown("imported");
}

QTEST_MAIN(EditCountsTest)
#include "editcountstest.moc"
