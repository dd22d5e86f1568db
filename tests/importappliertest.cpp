// ImportApplier: a batch goes in as one undoable step, all or nothing, and the models
// follow; a new dataset from a batch.
#include "importapplier.h"
#include "actormodel.h"
#include "articlemodel.h"
#include "datasetequality.h"
#include "document.h"
#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "problemsmodel.h"
#include "session.h"
#include "testdataset.h"

#include <QAbstractItemModelTester>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace ntl;

namespace {

Event makeEvent(const QString &id, const QString &title, const QDate &start,
                const QString &sideActor = QString()) {
    Event event;
    event.id = id;
    event.title = title;
    event.kind = QStringLiteral("talks");
    event.date.start = start;
    event.date.end = start;
    event.date.precision = DatePrecision::Day;
    if (!sideActor.isEmpty())
        event.participants.append({sideActor, ParticipantRole::Party});
    return event;
}

// A side, an actor on it, an article and `count` events, one citing the article.
ImportBatch sampleBatch(int count) {
    ImportBatch batch;
    batch.sourceName = QStringLiteral("/tmp/talks.timelinejs.json");
    batch.sides.append({QStringLiteral("islanders"), QStringLiteral("Islanders")});
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
    article.published = QDate(2030, 3, 8);
    batch.articles.append(article);
    for (int i = 0; i < count; ++i)
        batch.newEvents.append(makeEvent(QStringLiteral("imp-%1").arg(i),
                                         QStringLiteral("Imported %1").arg(i),
                                         QDate(2030, 3, 1).addDays(i % 300), actor.id));
    SourcePassage passage;
    passage.articleId = article.id;
    passage.exact = QStringLiteral("joined the talks");
    passage.start = passage.storedStart = 14;
    passage.end = passage.storedEnd = 30;
    batch.newEvents.first().sources.append(passage);
    return batch;
}

} // namespace

class ImportApplierTest : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<const Dataset> m_original;

private slots:
    void init() { m_original = loadFixture("valid/minimal.json"); }

    // A passage whose offsets do not hold its words (the reader's rules would re-anchor it; the
    // import's command refuses it): refused by the checks, before anything is applied, so no
    // half import is left on the undo or redo stack.
    void passageOffIsRefusedBeforeAnythingIsApplied() {
        Session session;
        QVERIFY(session.open(QStringLiteral(NTL_TEST_DATA_DIR "/valid/minimal.json")));
        Document *document = session.document();
        const auto before = document->snapshot();
        ImportBatch batch = sampleBatch(2);
        batch.newEvents[0].sources[0].start = 0; // the words occur, at 14
        batch.newEvents[0].sources[0].end = 16;
        const Diagnostics checked = ImportApplier::check(document->dataset(), batch);
        QVERIFY(hasErrors(checked));
        QVERIFY2(checked.first().message.contains(QStringLiteral("imported event \"imp-0\"")) &&
                     checked.first().message.contains(QStringLiteral("does not occur")),
                 qPrintable(checked.first().message));
        const ImportApplier::Result result = ImportApplier::apply(*document, batch);
        QVERIFY(!result.applied);
        QCOMPARE(document->undoStack()->count(), 0);
        QVERIFY(!document->undoStack()->canRedo());
        QVERIFY(!document->isModified());
        QCOMPARE(document->dataset().events.size(), before->events.size());
        QVERIFY(!document->dataset().side(QStringLiteral("islanders")));
    }

    void appliesAsOneUndoableStep() {
        Session session;
        QVERIFY(session.open(QStringLiteral(NTL_TEST_DATA_DIR "/valid/minimal.json")));
        Document *document = session.document();
        QAbstractItemModelTester events(session.eventModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filter(session.filterModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester actors(session.actorModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester articles(session.articleModel(),
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto before = document->snapshot();
        const int baseEvents = int(before->events.size());
        const ImportBatch batch = sampleBatch(5);

        const ImportApplier::Result result = ImportApplier::apply(*document, batch);
        QVERIFY(result.applied);
        QCOMPARE(document->undoStack()->count(), 1);
        QCOMPARE(document->undoStack()->undoText(), QStringLiteral("Import talks.timelinejs.json"));
        QCOMPARE(document->dataset().events.size(), baseEvents + 5);
        QVERIFY(document->dataset().side(QStringLiteral("islanders")));
        QVERIFY(document->dataset().article(QStringLiteral("art-imported")));
        QCOMPARE(session.eventModel()->rowCount(), baseEvents + 5);
        QCOMPARE(session.filterModel()->rowCount(), baseEvents + 5);
        QCOMPARE(session.actorModel()->rowCount(), int(before->actors.size()) + 1);
        QCOMPARE(session.articleModel()->rowCount(), int(before->articles.size()) + 1);
        const Dataset afterImport = document->dataset();

        document->undoStack()->undo();
        QCOMPARE(datasetequality::difference(document->dataset(), *before), QString());
        QCOMPARE(session.eventModel()->rowCount(), baseEvents);
        QCOMPARE(session.filterModel()->rowCount(), baseEvents);

        document->undoStack()->redo();
        QCOMPARE(datasetequality::difference(document->dataset(), afterImport), QString());
        QCOMPARE(session.filterModel()->rowCount(), baseEvents + 5);
    }

    // The events of an import reach every model as one batch: one rowsInserted for the range
    // (one rowsRemoved on undo), the actors' and articles' counts told once per row, and the
    // models end as a fresh one on the same dataset would show it.
    void theModelsFollowTheBatchInOnePass() {
        Session session;
        QVERIFY(session.open(QStringLiteral(NTL_TEST_DATA_DIR "/valid/minimal.json")));
        Document *document = session.document();
        ProblemsModel problems;
        problems.setDocument(document);
        QAbstractItemModelTester events(session.eventModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filter(session.filterModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester actors(session.actorModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester articles(session.articleModel(),
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester problemsTester(
            &problems, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ImportBatch batch = sampleBatch(40);
        // An existing actor in every imported event: its row is told once, not 40 times.
        const QString existing = m_original->actors.at(0).id;
        for (Event &event : batch.newEvents)
            event.participants.append({existing, ParticipantRole::Party});
        const int base = int(m_original->events.size());
        QSignalSpy inserted(session.eventModel(), &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(session.eventModel(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy actorChanges(session.actorModel(), &QAbstractItemModel::dataChanged);
        QSignalSpy articleChanges(session.articleModel(), &QAbstractItemModel::dataChanged);

        QVERIFY(ImportApplier::apply(*document, batch).applied);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), base);
        QCOMPARE(inserted.at(0).at(2).toInt(), base + 39);
        const QModelIndex existingRow = session.actorModel()->indexOfActor(existing);
        int existingChanges = 0;
        for (const QList<QVariant> &change : std::as_const(actorChanges))
            existingChanges += change.at(0).toModelIndex().row() == existingRow.row();
        QCOMPARE(existingChanges, 1);
        QCOMPARE(articleChanges.count(), 1); // the imported article, cited once

        const auto sameAsFresh = [&] {
            ActorModel freshActors;
            freshActors.setDataset(document->snapshot());
            ArticleModel freshArticles;
            freshArticles.setDataset(document->snapshot());
            QCOMPARE(session.actorModel()->rowCount(), freshActors.rowCount());
            for (int row = 0; row < freshActors.rowCount(); ++row) {
                for (const int role :
                     {int(ActorModel::EventCountRole), int(ActorModel::FirstDateRole),
                      int(ActorModel::LastDateRole)})
                    QCOMPARE(session.actorModel()->index(row, 0).data(role),
                             freshActors.index(row, 0).data(role));
            }
            QCOMPARE(session.articleModel()->rowCount(), freshArticles.rowCount());
            for (int row = 0; row < freshArticles.rowCount(); ++row) {
                for (const int role :
                     {int(ArticleModel::EventCountRole), int(ArticleModel::PassageCountRole)})
                    QCOMPARE(session.articleModel()->index(row, 0).data(role),
                             freshArticles.index(row, 0).data(role));
            }
            QCOMPARE(session.eventModel()->rowCount(), int(document->dataset().events.size()));
            for (int row = 0; row < session.eventModel()->rowCount(); ++row)
                QCOMPARE(session.eventModel()->index(row, 0).data(EventModel::EventIdRole),
                         QVariant(document->dataset().events.at(row).id));
        };
        sameAsFresh();
        if (QTest::currentTestFailed())
            return;

        document->undoStack()->undo();
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), base);
        QCOMPARE(removed.at(0).at(2).toInt(), base + 39);
        QCOMPARE(session.filterModel()->rowCount(), base);
        sameAsFresh();
        if (QTest::currentTestFailed())
            return;
        document->undoStack()->redo();
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(session.filterModel()->rowCount(), base + 40);
        sameAsFresh();
    }

    void updatesEventsInTheirRows() {
        Document document;
        document.load(m_original, QStringLiteral("minimal.json"));
        ImportBatch batch;
        batch.sourceName = QStringLiteral("update.csv");
        Event updated = m_original->events.at(0);
        updated.title = QStringLiteral("Retitled by import");
        // A date the field-by-field path would pass through refused states to reach.
        updated.date.start = QDate(2031, 1, 1);
        updated.date.end = QDate(2031, 1, 31);
        updated.date.precision = DatePrecision::Month;
        updated.date.expression.clear();
        updated.date.basis = DateBasis::External;
        updated.date.anchorArticleId.clear();
        batch.updatedEvents.append(updated);
        QVERIFY(ImportApplier::apply(document, batch).applied);
        QCOMPARE(document.dataset().events.size(), m_original->events.size());
        QCOMPARE(document.dataset().events.at(0).title, updated.title);
        QCOMPARE(document.dataset().events.at(0).date.precision, DatePrecision::Month);
        document.undoStack()->undo();
        QCOMPARE(datasetequality::difference(document.dataset(), *m_original), QString());
    }

    void oneBadEventChangesNothing() {
        Document document;
        document.load(m_original, QStringLiteral("minimal.json"));
        ImportBatch batch = sampleBatch(20);
        // The 13th event ends before it starts: the whole batch is refused.
        batch.newEvents[12].date.end = batch.newEvents[12].date.start.addDays(-3);
        const auto before = document.snapshot();
        const ImportApplier::Result result = ImportApplier::apply(document, batch);
        QVERIFY(!result.applied);
        QVERIFY(hasErrors(result.diagnostics));
        bool named = false;
        for (const Diagnostic &d : result.diagnostics)
            named = named || (d.isError() && d.file == batch.sourceName &&
                              d.message.contains(QLatin1String("imp-12")));
        QVERIFY2(named, qPrintable(result.diagnostics.value(0).toString()));
        QCOMPARE(document.snapshot(), before);
        QCOMPARE(document.undoStack()->count(), 0);
    }

    void refusesWhatClashesWithTheBase() {
        Document document;
        document.load(m_original, QStringLiteral("minimal.json"));
        ImportBatch batch = sampleBatch(2);
        batch.newEvents[1].id = m_original->events.at(0).id; // an id base already has
        const ImportApplier::Result result = ImportApplier::apply(document, batch);
        QVERIFY(!result.applied);
        QCOMPARE(document.undoStack()->count(), 0);
        QCOMPARE(datasetequality::difference(document.dataset(), *m_original), QString());

        ImportBatch withError = sampleBatch(2);
        Diagnostic located;
        located.file = withError.sourceName;
        located.jsonPath = QStringLiteral("/events/1/start_date/month");
        located.message = QStringLiteral("month 13");
        withError.diagnostics.append(located);
        QVERIFY(!ImportApplier::apply(document, withError).applied);
        QCOMPARE(document.undoStack()->count(), 0);
    }

    void makesANewDataset() {
        Diagnostics diagnostics;
        const std::optional<Dataset> dataset =
            ImportApplier::newDataset(sampleBatch(3), QStringLiteral("Imported"), &diagnostics);
        QVERIFY2(dataset, qPrintable(diagnostics.value(0).toString()));
        QCOMPARE(dataset->title, QStringLiteral("Imported"));
        QCOMPARE(dataset->events.size(), 3);
        QCOMPARE(dataset->sides.size(), 1);
        ImportBatch bad = sampleBatch(3);
        bad.newEvents[2].participants.first().actorId = QStringLiteral("nobody");
        QVERIFY(!ImportApplier::newDataset(bad, QStringLiteral("Imported"), &diagnostics));
        QVERIFY(hasErrors(diagnostics));
    }

    // Measured, not asserted beyond a generous bound: 1,000 events into a session whose
    // models all follow.
    void thousandEventsInOneStep() {
        Session session;
        QVERIFY(session.open(QStringLiteral(NTL_TEST_DATA_DIR "/valid/minimal.json")));
        const ImportBatch batch = sampleBatch(1000);
        QElapsedTimer timer;
        timer.start();
        const ImportApplier::Result result = ImportApplier::apply(*session.document(), batch);
        const qint64 applyMs = timer.elapsed();
        QVERIFY(result.applied);
        timer.restart();
        session.document()->undoStack()->undo();
        const qint64 undoMs = timer.elapsed();
        timer.restart();
        session.document()->undoStack()->redo();
        const qint64 redoMs = timer.elapsed();
        qInfo("1,000 events: apply %lld ms, undo %lld ms, redo %lld ms", applyMs, undoMs, redoMs);
        QCOMPARE(session.filterModel()->rowCount(), int(m_original->events.size()) + 1000);
        QVERIFY(applyMs < 5000);
    }
};

QTEST_MAIN(ImportApplierTest)
#include "importappliertest.moc"
