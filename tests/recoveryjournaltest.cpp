// The recovery journal: every command kind recorded and replayed to the same state and the
// same undo stack (merges, macros, undo and redo included); a line cut short by a crash
// replays the rest and is reported; a journal for another version of the file is not
// offered; saving, discarding and loading remove it; a new dataset is recovered from its
// snapshot; and a child process killed with SIGKILL is recovered, undoable to the file.
// The first edit never waits for the file's hash: the hash line follows when ready, and a
// journal without it is matched by the file's size and modification time.
#include "recoveryjournal.h"
#include "addeventcommand.h"
#include "commandrecord.h"
#include "datasetequality.h"
#include "datasetwriter.h"
#include "document.h"
#include "editactorcommand.h"
#include "editarticlecommand.h"
#include "editdisagreementscommand.h"
#include "editparticipantscommand.h"
#include "editpassagescommand.h"
#include "editsidecommand.h"
#include "filefingerprint.h"
#include "importeventscommand.h"
#include "journaledits.h"
#include "journalsetup.h"
#include "mergeactorscommand.h"
#include "testdataset.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace ntl;

namespace {

// Holds every new hash worker back while it lives (FileFingerprint's test hook).
struct HashingHeld {
    HashingHeld() { FileFingerprint::holdHashingForTest(true); }
    ~HashingHeld() { FileFingerprint::holdHashingForTest(false); }
    HashingHeld(const HashingHeld &) = delete;
    HashingHeld &operator=(const HashingHeld &) = delete;
};

QByteArray contents(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Rewrites `path` with `bytes`, then sets its modification time back to `modified`.
bool rewrite(const QString &path, const QByteArray &bytes, const QDateTime &modified) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        return false;
    file.close();
    if (!file.open(QIODevice::ReadWrite))
        return false;
    return file.setFileTime(modified, QFileDevice::FileModificationTime);
}

} // namespace

class RecoveryJournalTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_data; // XDG_DATA_HOME: where the journals go
    QTemporaryDir m_files;
    QString m_path; // a copy of the minimal fixture, the file being edited
    std::shared_ptr<const Dataset> m_original;

    // A document on the file, as Session::open leaves it.
    void open(Document &document, const QString &path = {}) {
        const auto result = DatasetReader::readFile(path.isEmpty() ? m_path : path);
        QVERIFY(result.ok());
        document.load(result.dataset, path.isEmpty() ? m_path : path, result.diagnostics);
    }
    QStringList journalFiles() const {
        return QDir(RecoveryJournal::directory())
            .entryList({QStringLiteral("*.jsonl")}, QDir::Files);
    }
    // Replays `journalPath` into a fresh document on the file and compares with `edited`:
    // the same dataset, the same undo stack (count, index, each step's text).
    void checkReplayMatches(const QString &journalPath, Document &edited) {
        Document recovered;
        open(recovered, edited.filePath().isEmpty() ? QString() : edited.filePath());
        const RecoveryJournal::Replay replay = RecoveryJournal::replay(journalPath, &recovered);
        QVERIFY2(replay.ok, qPrintable(replay.error));
        QCOMPARE(datasetequality::difference(recovered.dataset(), edited.dataset()), QString());
        QUndoStack *a = edited.undoStack();
        QUndoStack *b = recovered.undoStack();
        QCOMPARE(b->count(), a->count());
        QCOMPARE(b->index(), a->index());
        for (int i = 0; i < a->count(); ++i)
            QCOMPARE(b->text(i), a->text(i));
        QVERIFY(recovered.isModified());
        // Redo does what it would have done, and every step undoes to the file.
        while (a->canRedo()) {
            a->redo();
            b->redo();
            QCOMPARE(datasetequality::difference(recovered.dataset(), edited.dataset()), QString());
        }
        while (b->canUndo())
            b->undo();
        Document base;
        open(base, edited.filePath().isEmpty() ? QString() : edited.filePath());
        if (!edited.filePath().isEmpty())
            QCOMPARE(datasetequality::difference(recovered.dataset(), base.dataset()), QString());
    }

private slots:
    void initTestCase() {
        QVERIFY(m_data.isValid() && m_files.isValid());
        qputenv("XDG_DATA_HOME", m_data.path().toUtf8());
        journalsetup::nameApplication();
        QVERIFY(RecoveryJournal::directory().startsWith(m_data.path()));
        m_original = loadFixture("valid/minimal.json");
    }
    void init() {
        QDir(RecoveryJournal::directory()).removeRecursively();
        m_path = m_files.filePath(QStringLiteral("talks.json"));
        QFile::remove(m_path);
        QVERIFY(QFile::copy(QStringLiteral(NTL_TEST_DATA_DIR "/valid/minimal.json"), m_path));
        QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner);
    }

    void everyKindOfEditReplaysToTheSameState() {
        Document document;
        open(document);
        RecoveryJournal journal(&document);
        QVERIFY(journal.journalPath().isEmpty()); // nothing before the first edit
        const QString talks = QStringLiteral("ev-talks");
        const QList<std::pair<EventField, QVariant>> fields = {
            {EventField::Title, QStringLiteral("New title \u00e9\U0001F600")},
            {EventField::Summary, QStringLiteral("New summary")},
            {EventField::Kind, QStringLiteral("meeting")},
            {EventField::Status, QVariant::fromValue(EventStatus::Cancelled)},
            {EventField::DateStart, QDate(2030, 3, 1)},
            {EventField::DateEnd, QDate(2030, 3, 9)},
            {EventField::DatePrecision, QVariant::fromValue(DatePrecision::Month)},
            {EventField::DateExpression, QStringLiteral("early March")},
            {EventField::DateBasis, QVariant::fromValue(DateBasis::External)},
            {EventField::DateAnchor, QStringLiteral("art-b")},
            {EventField::DateNote, QStringLiteral("checked")},
            {EventField::Place, QStringLiteral("Geneva")},
            {EventField::Note, QStringLiteral("A note")},
        };
        for (const auto &[field, value] : fields)
            QVERIFY2(document.setEventField(talks, field, value), qPrintable(document.lastError()));
        QVERIFY(!journal.journalPath().isEmpty());

        Event added = document.dataset().events.at(0);
        added.id = QStringLiteral("ev-new");
        QVERIFY(document.push(new AddEventCommand(&document, added, 1)));
        QVERIFY(document.removeEvent(QStringLiteral("ev-statement")));
        QList<Participant> participants = document.dataset().events.at(0).participants;
        participants.append({QStringLiteral("north-envoy"), ParticipantRole::Speaker});
        QVERIFY(document.push(new EditParticipantsCommand(&document, talks, participants,
                                                          QStringLiteral("Add Participant"))));
        QList<SourcePassage> sources = document.dataset().events.at(0).sources;
        sources.removeFirst();
        QVERIFY(document.push(
            new EditPassagesCommand(&document, talks, sources, QStringLiteral("Remove Passage"))));
        QList<Disagreement> disagreements = document.dataset().events.at(0).disagreements;
        QVERIFY(!disagreements.isEmpty());
        disagreements.first().topic = QStringLiteral("Who walked out");
        QVERIFY(document.push(new EditDisagreementsCommand(&document, talks, disagreements,
                                                           QStringLiteral("Edit Disagreement"))));
        const Side side{QStringLiteral("east"), QStringLiteral("East")};
        QVERIFY(document.push(
            new EditSideCommand(&document, side.id, side, QStringLiteral("Add Side"))));
        Actor actor{QStringLiteral("mediator-2"),
                    QStringLiteral("Second Mediator"),
                    ActorKind::Organisation,
                    QStringLiteral("east"),
                    {},
                    QStringLiteral("Envoy")};
        QVERIFY(document.push(
            new EditActorCommand(&document, actor.id, actor, QStringLiteral("Add Actor"))));
        actor.name = QStringLiteral("Renamed");
        QVERIFY(document.push(
            new EditActorCommand(&document, actor.id, actor, QStringLiteral("Edit Actor"))));
        QVERIFY(document.push(new EditActorCommand(&document, actor.id, std::nullopt,
                                                   QStringLiteral("Remove Actor"))));
        Article article = m_original->articles.at(1);
        article.title = QStringLiteral("Officials, retitled");
        article.published = QDate(2030, 2, 2);
        article.publishedInferred = true;
        QVERIFY(document.push(new EditArticleCommand(&document, article.id, article,
                                                     QStringLiteral("Edit Article"))));
        article.id = QStringLiteral("art-c");
        QVERIFY(document.push(
            new EditArticleCommand(&document, article.id, article, QStringLiteral("Add Article"))));
        QVERIFY(document.push(new EditArticleCommand(&document, article.id, std::nullopt,
                                                     QStringLiteral("Remove Article"))));
        QVERIFY(document.push(new MergeActorsCommand(&document, QStringLiteral("north-envoy"),
                                                     QStringLiteral("north-state"))));
        QCOMPARE(journal.lastError(), QString());

        const auto entries = RecoveryJournal::journalsFor(m_path);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().edits, document.undoStack()->count());
        QCOMPARE(entries.first().journalPath, journal.journalPath());
        checkReplayMatches(journal.journalPath(), document);
    }

    void aBatchOfImportedEventsReplaysToTheSameState() {
        // An import's events are one ImportEventsCommand: one record, replayed to one step.
        Document document;
        open(document);
        RecoveryJournal journal(&document);
        QList<Event> added;
        for (int i = 0; i < 3; ++i) {
            Event event = document.dataset().events.at(0);
            event.id = QStringLiteral("ev-imported-%1").arg(i);
            event.title = QStringLiteral("Imported %1").arg(i);
            added.append(event);
        }
        Event updated = document.dataset().events.at(0);
        updated.title = QStringLiteral("Updated by the import");
        updated.place = QStringLiteral("Oslo");
        QUndoStack *stack = document.undoStack();
        stack->beginMacro(QStringLiteral("Import talks.csv"));
        QVERIFY2(document.push(new ImportEventsCommand(&document, added, {updated},
                                                       QStringLiteral("Import Events"))),
                 qPrintable(document.lastError()));
        stack->endMacro();
        QCOMPARE(document.dataset().events.size(), m_original->events.size() + 3);
        QCOMPARE(document.dataset().events.at(0).title, updated.title);
        QCOMPARE(journal.lastError(), QString());
        QFile file(journal.journalPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray written = file.readAll();
        QCOMPARE(written.count("\"c\":\"import-events\""), 1);
        QVERIFY(!written.contains("\"c\":\"add-event\""));
        // The record decodes to the same record.
        const QList<QByteArray> lines = written.split('\n');
        const auto line = std::find_if(lines.cbegin(), lines.cend(), [](const QByteArray &l) {
            return l.contains("\"c\":\"import-events\"");
        });
        QString error;
        const auto command = CommandRecord::decode(*line, &document, &error);
        QVERIFY2(command, qPrintable(error));
        QCOMPARE(CommandRecord::encode(*command), *line);
        checkReplayMatches(journal.journalPath(), document);
        // Undone, the import leaves the file's events as they were.
        stack->undo();
        QCOMPARE(datasetequality::difference(document.dataset(), *m_original), QString());
    }

    void everyRecordDecodesToTheSameRecord() {
        // encode(decode(record)) is the record: no member is lost on the way back.
        Document document;
        open(document);
        RecoveryJournal journal(&document);
        Article article = m_original->articles.at(1);
        article.id = QStringLiteral("art-undated");
        article.published = QDate(); // a null date, written as null
        QVERIFY2(document.push(new EditArticleCommand(&document, article.id, article,
                                                      QStringLiteral("Add Article"))),
                 qPrintable(document.lastError()));
        Event added = document.dataset().events.at(0);
        added.id = QStringLiteral("ev-new");
        QVERIFY(document.addEvent(added));
        QFile file(journal.journalPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = file.readAll().split('\n');
        lines.removeIf([](const QByteArray &line) { return line.startsWith("{\"sha1\""); });
        QCOMPARE(lines.size(), 4); // header, two edits, the empty rest after the last newline
        for (int i = 1; i <= 2; ++i) {
            QString error;
            auto command = CommandRecord::decode(lines.at(i), &document, &error);
            QVERIFY2(command, qPrintable(error));
            QCOMPARE(CommandRecord::encode(*command), lines.at(i));
        }
    }

    void badRecordsAreRejectedWithTheirPlace_data() {
        QTest::addColumn<QByteArray>("record");
        QTest::addColumn<QString>("words");
        QTest::newRow("not json") << QByteArray("{\"c\":") << QStringLiteral("not JSON");
        QTest::newRow("not object") << QByteArray("[1]") << QStringLiteral("expected an object");
        QTest::newRow("unknown kind") << QByteArray(R"({"c":"explode"})")
                                      << QStringLiteral("unknown kind of edit \"explode\"");
        QTest::newRow("field name")
            << QByteArray(R"({"c":"field","event":"ev-talks","field":"id","value":"x"})")
            << QStringLiteral("member \"field\"");
        QTest::newRow("date")
            << QByteArray(
                   R"({"c":"field","event":"ev-talks","field":"date.start","value":"2030-13-01"})")
            << QStringLiteral("member \"value\": expected a date");
        QTest::newRow("enum")
            << QByteArray(R"({"c":"field","event":"ev-talks","field":"status","value":"won"})")
            << QStringLiteral("member \"value\": expected a known name");
        QTest::newRow("nested")
            << QByteArray(
                   R"({"c":"participants","event":"ev-talks","text":"x","items":[{"actor":"a","role":7}]})")
            << QStringLiteral("member \"items[0].role\": expected a string");
        QTest::newRow("missing") << QByteArray(R"({"c":"remove-event"})")
                                 << QStringLiteral("member \"event\" is missing");
        QTest::newRow("row") << QByteArray(R"({"c":"add-event","row":99999999999,"value":{}})")
                             << QStringLiteral("member \"row\"");
    }
    void badRecordsAreRejectedWithTheirPlace() {
        QFETCH(QByteArray, record);
        QFETCH(QString, words);
        Document document;
        open(document);
        QString error;
        QVERIFY(!CommandRecord::decode(record, &document, &error));
        QVERIFY2(error.contains(words), qPrintable(error));
    }

    void typingThatMergedReplaysAsOneStep() {
        Document document;
        open(document);
        RecoveryJournal journal(&document);
        for (const char *typed : {"T", "Ta", "Tal", "Talk"})
            QVERIFY(document.setEventField(QStringLiteral("ev-talks"), EventField::Title,
                                           QString::fromLatin1(typed)));
        QCOMPARE(document.undoStack()->count(), 1);
        // Typed back to where it began: the merged step is obsolete and goes.
        QVERIFY(document.setEventField(QStringLiteral("ev-statement"), EventField::Place,
                                       QStringLiteral("X")));
        QVERIFY(document.setEventField(QStringLiteral("ev-statement"), EventField::Place,
                                       m_original->events.at(1).place));
        QCOMPARE(document.undoStack()->count(), 1);
        checkReplayMatches(journal.journalPath(), document);
    }

    void undoRedoAndMacrosRebuildTheSameStack() {
        Document document;
        open(document);
        RecoveryJournal journal(&document);
        QUndoStack *stack = document.undoStack();
        QVERIFY(document.setEventField(QStringLiteral("ev-talks"), EventField::Title,
                                       QStringLiteral("A")));
        QVERIFY(document.setEventField(QStringLiteral("ev-talks"), EventField::Place,
                                       QStringLiteral("B")));
        QVERIFY(document.removeEvent(QStringLiteral("ev-statement")));
        stack->undo();
        stack->undo();
        stack->redo();
        stack->beginMacro(QStringLiteral("Retitle and move"));
        QVERIFY(document.setEventField(QStringLiteral("ev-second-round"), EventField::Title,
                                       QStringLiteral("C")));
        QVERIFY(document.setEventField(QStringLiteral("ev-second-round"), EventField::Place,
                                       QStringLiteral("D")));
        stack->endMacro();
        QVERIFY(document.setEventField(QStringLiteral("ev-talks"), EventField::Note,
                                       QStringLiteral("E")));
        stack->setIndex(1); // a jump of several steps (QUndoView)
        stack->redo();
        QCOMPARE(stack->count(), 4);
        QCOMPARE(stack->index(), 2);
        checkReplayMatches(journal.journalPath(), document);
    }

    void aLineCutShortReplaysTheRestAndSaysWhere() {
        // The hash ready before the first edit: its line is the second, at once.
        QTRY_VERIFY(FileFingerprint::of(m_path).hashReady());
        Document document;
        open(document);
        auto *journal = new RecoveryJournal(&document); // a crash: never destroyed
        const QString path = journal->journalPath();
        for (const char *title : {"one", "two", "three"}) {
            QVERIFY(document.setEventField(QStringLiteral("ev-statement"), EventField::Title,
                                           QString::fromLatin1(title)));
            QVERIFY(document.setEventField(QStringLiteral("ev-talks"), EventField::Place,
                                           QString::fromLatin1(title)));
        }
        const QString journalPath = journal->journalPath();
        QFile file(journalPath);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.resize(file.size() - 5)); // the last line, half written
        file.close();
        Document recovered;
        open(recovered);
        RecoveryJournal::Replay replay = RecoveryJournal::replay(journalPath, &recovered);
        QVERIFY(!replay.ok);
        QCOMPARE(replay.badLine, 8); // header, hash, then six edits: the sixth is cut
        QCOMPARE(replay.edits, 5);
        QVERIFY2(replay.error.contains(QDir::toNativeSeparators(journalPath)) &&
                     replay.error.contains(QStringLiteral("line 8")) &&
                     replay.error.contains(QStringLiteral("cut short")),
                 qPrintable(replay.error));
        QCOMPARE(recovered.undoStack()->count(), 5);
        QCOMPARE(recovered.dataset().events.at(1).title, QStringLiteral("three"));
        QCOMPARE(recovered.dataset().events.at(0).place, QStringLiteral("two"));

        // Garbage in the middle: the edits before it are kept.
        QVERIFY(file.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = file.readAll().split('\n');
        file.close();
        lines[4] = "{\"c\":\"field\",\"event\":\"ev-talks\",\"field\":\"title\",\"value\":[]}";
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(lines.join('\n'));
        file.close();
        Document again;
        open(again);
        replay = RecoveryJournal::replay(journalPath, &again);
        QCOMPARE(replay.badLine, 5);
        QCOMPARE(replay.edits, 2);
        QVERIFY2(replay.error.contains(QStringLiteral("member \"value\"")),
                 qPrintable(replay.error));
        Q_UNUSED(path);
        delete journal;
    }

    void aJournalForAnotherVersionOfTheFileIsNotOffered() {
        Document document;
        open(document);
        RecoveryJournal journal(&document);
        QVERIFY(document.setEventField(QStringLiteral("ev-talks"), EventField::Title,
                                       QStringLiteral("A")));
        QCOMPARE(RecoveryJournal::journalsFor(m_path).size(), 1);
        // The file changes on disk (another program wrote it): same path, other bytes.
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::Append));
        file.write("\n");
        file.close();
        QCOMPARE(RecoveryJournal::journalsFor(m_path).size(), 0);
        Document other;
        open(other);
        const RecoveryJournal::Replay replay =
            RecoveryJournal::replay(journal.journalPath(), &other);
        QVERIFY(!replay.ok);
        QVERIFY2(replay.error.contains(QStringLiteral("another version")),
                 qPrintable(replay.error));
        QCOMPARE(other.undoStack()->count(), 0);
        // Another file with the same bytes is not this one either.
        const QString copy = m_files.filePath(QStringLiteral("copy.json"));
        QFile::remove(copy);
        QVERIFY(QFile::copy(m_path, copy));
        QCOMPARE(RecoveryJournal::journalsFor(copy).size(), 0);
    }

    void theFirstEditAfterOpeningALargeFileDoesNotWaitForTheHash() {
        // 50 MB: the minimal dataset, then blanks (JSON allows them); its hash takes a second
        // or more on a loaded machine, and here it is held back until the edit is done.
        const QString big = m_files.filePath(QStringLiteral("big.json"));
        {
            QFile file(big);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(contents(m_path));
            const QByteArray blanks(1 << 20, ' ');
            for (int i = 0; i < 50; ++i)
                QCOMPARE(file.write(blanks), blanks.size());
        }
        Document document;
        std::optional<RecoveryJournal> journal;
        {
            HashingHeld held;
            document.load(m_original, big);
            journal.emplace(&document);
            QElapsedTimer timer;
            timer.start();
            QVERIFY(document.setEventField(QStringLiteral("ev-talks"), EventField::Title,
                                           QStringLiteral("At once")));
            const qint64 elapsed = timer.elapsed();
            QVERIFY2(elapsed < 100, qPrintable(QString::number(elapsed)));
            // The edit is on disk while the hash is still pending.
            const QByteArray written = contents(journal->journalPath());
            QVERIFY(written.contains("\"At once\""));
            QVERIFY(!written.contains("\"sha1\""));
            const auto entries = RecoveryJournal::journalsFor(big);
            QCOMPARE(entries.size(), 1);
            QCOMPARE(entries.first().edits, 1);
            QVERIFY(entries.first().fileSha1.isEmpty());
            QCOMPARE(entries.first().fileSize, QFileInfo(big).size());
        }
        // Let go: the hash line follows, the file's SHA-1 (shared with the file watch's).
        const QByteArray sha1 = FileFingerprint::of(big).hashValue();
        QCOMPARE(sha1.size(), 20);
        QTRY_VERIFY(contents(journal->journalPath()).contains("\"sha1\""));
        RecoveryJournal::Entry entry;
        QVERIFY(RecoveryJournal::readEntry(journal->journalPath(), &entry, nullptr));
        QCOMPARE(entry.fileSha1.toLatin1(), sha1.toHex());
        QVERIFY(RecoveryJournal::sameBytes(entry, sha1));
        // Edits after it are still read and replayed.
        QVERIFY(document.setEventField(QStringLiteral("ev-statement"), EventField::Title,
                                       QStringLiteral("Later")));
        Document recovered;
        recovered.load(m_original, big);
        const RecoveryJournal::Replay replay =
            RecoveryJournal::replay(journal->journalPath(), &recovered, sha1);
        QVERIFY2(replay.ok, qPrintable(replay.error));
        QCOMPARE(replay.edits, 2);
        QCOMPARE(datasetequality::difference(recovered.dataset(), document.dataset()), QString());
        journal.reset();
        QFile::remove(big);
    }

    void aJournalWithoutItsHashLineIsRecoveredBySizeAndTime() {
        QString journalPath;
        QByteArray left;
        {
            HashingHeld held;
            Document document;
            open(document);
            RecoveryJournal journal(&document);
            QVERIFY(document.setEventField(QStringLiteral("ev-talks"), EventField::Title,
                                           QStringLiteral("Before the hash")));
            journalPath = journal.journalPath();
            left = contents(journalPath); // what a kill -9 now leaves
        }
        QVERIFY(!left.contains("\"sha1\""));
        QFile file(journalPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(left);
        file.close();
        const auto entries = RecoveryJournal::journalsFor(m_path);
        QCOMPARE(entries.size(), 1);
        QVERIFY(entries.first().fileSha1.isEmpty());
        Document recovered;
        open(recovered);
        const RecoveryJournal::Replay replay = RecoveryJournal::replay(journalPath, &recovered);
        QVERIFY2(replay.ok, qPrintable(replay.error));
        QCOMPARE(recovered.dataset().events.at(0).title, QStringLiteral("Before the hash"));
        // Touched since (same bytes, another time): another version as far as it can tell.
        const QDateTime modified = QFileInfo(m_path).lastModified();
        QVERIFY(rewrite(m_path, contents(m_path), modified.addSecs(5)));
        QCOMPARE(RecoveryJournal::journalsFor(m_path).size(), 0);
        Document touched;
        open(touched);
        QVERIFY(!RecoveryJournal::replay(journalPath, &touched).ok);
        QCOMPARE(touched.undoStack()->count(), 0);
        RecoveryJournal::remove(journalPath);
    }

    void aJournalForOtherBytesOfTheSameSizeAndTimeIsNotOffered() {
        Document document;
        open(document);
        RecoveryJournal journal(&document);
        QVERIFY(document.setEventField(QStringLiteral("ev-talks"), EventField::Title,
                                       QStringLiteral("A")));
        QTRY_VERIFY(contents(journal.journalPath()).contains("\"sha1\""));
        const QByteArray hash = FileFingerprint::of(m_path).hashValue();
        auto entries = RecoveryJournal::journalsFor(m_path);
        QCOMPARE(entries.size(), 1);
        QVERIFY(RecoveryJournal::sameBytes(entries.first(), hash));
        // Other bytes, the same length, the time set back: only the hash tells.
        const QDateTime modified = QFileInfo(m_path).lastModified();
        QByteArray bytes = contents(m_path);
        const qsizetype at = bytes.indexOf("Lakeside");
        QVERIFY(at >= 0);
        bytes[at] = 'l';
        QVERIFY(rewrite(m_path, bytes, modified));
        QCOMPARE(QFileInfo(m_path).lastModified(), modified);
        entries = RecoveryJournal::journalsFor(m_path);
        QCOMPARE(entries.size(), 1); // size and time alike: the cheap check passes
        const QByteArray otherHash = FileFingerprint::of(m_path).hashValue();
        QVERIFY(otherHash != hash);
        QVERIFY(!RecoveryJournal::sameBytes(entries.first(), otherHash));
        Document other;
        open(other);
        const RecoveryJournal::Replay replay =
            RecoveryJournal::replay(journal.journalPath(), &other, otherHash);
        QVERIFY(!replay.ok);
        QVERIFY2(replay.error.contains(QStringLiteral("another version")),
                 qPrintable(replay.error));
        // Without the hash given, the replay hashes the file itself and refuses as well.
        QVERIFY(!RecoveryJournal::replay(journal.journalPath(), &other).ok);
        QCOMPARE(other.undoStack()->count(), 0);
    }

    void savingDiscardingAndLoadingRemoveTheJournal() {
        Document document;
        open(document);
        RecoveryJournal journal(&document);
        QVERIFY(document.setEventField(QStringLiteral("ev-talks"), EventField::Title,
                                       QStringLiteral("A")));
        const QString first = journal.journalPath();
        QVERIFY(QFile::exists(first));
        // A failed save leaves the document modified: the journal stays.
        QVERIFY(!DatasetWriter::writeFile(document.dataset(),
                                          m_files.filePath(QStringLiteral("no/such/dir.json"))));
        QVERIFY(QFile::exists(first));
        QVERIFY(DatasetWriter::writeFile(document.dataset(), m_path));
        document.setClean();
        QVERIFY(!QFile::exists(first));
        QVERIFY(journalFiles().isEmpty());
        // Undo back to the clean state keeps the journal: it holds the redo.
        QVERIFY(document.setEventField(QStringLiteral("ev-talks"), EventField::Place,
                                       QStringLiteral("B")));
        const QString second = journal.journalPath();
        QVERIFY(QFile::exists(second) && second != first);
        QCOMPARE(RecoveryJournal::journalsFor(m_path).size(), 1); // keyed by the saved bytes
        document.undoStack()->undo();
        QVERIFY(!document.isModified());
        QVERIFY(QFile::exists(second));
        document.undoStack()->redo();
        journal.discard();
        QVERIFY(journalFiles().isEmpty());
        QVERIFY(document.setEventField(QStringLiteral("ev-talks"), EventField::Place,
                                       QStringLiteral("C")));
        QCOMPARE(journalFiles().size(), 1);
        open(document); // another load: the window has asked to save or discard
        QVERIFY(journalFiles().isEmpty());
        QVERIFY(document.setEventField(QStringLiteral("ev-talks"), EventField::Place,
                                       QStringLiteral("D")));
        {
            RecoveryJournal ending(&document);
            QVERIFY(document.setEventField(QStringLiteral("ev-talks"), EventField::Place,
                                           QStringLiteral("E")));
            QCOMPARE(journalFiles().size(), 2);
        }
        QCOMPARE(journalFiles().size(), 1); // a normal end removes its journal
    }

    void undoPastASaveReplaysFromASnapshot() {
        Document document;
        open(document);
        RecoveryJournal journal(&document);
        QVERIFY(document.setEventField(QStringLiteral("ev-talks"), EventField::Title,
                                       QStringLiteral("A")));
        QVERIFY(document.setEventField(QStringLiteral("ev-talks"), EventField::Place,
                                       QStringLiteral("B")));
        QVERIFY(DatasetWriter::writeFile(document.dataset(), m_path));
        document.setClean();
        document.undoStack()->undo(); // past the save: not what the file holds
        QVERIFY(document.isModified());
        const auto entries = RecoveryJournal::journalsFor(m_path);
        QCOMPARE(entries.size(), 1);
        QVERIFY(QFile::exists(entries.first().basePath));
        QVERIFY(document.setEventField(QStringLiteral("ev-talks"), EventField::Note,
                                       QStringLiteral("C")));
        Document recovered;
        open(recovered);
        const RecoveryJournal::Replay replay =
            RecoveryJournal::replay(journal.journalPath(), &recovered);
        QVERIFY2(replay.ok, qPrintable(replay.error));
        QCOMPARE(datasetequality::difference(recovered.dataset(), document.dataset()), QString());
        QVERIFY(recovered.isModified());
        QCOMPARE(recovered.filePath(), QFileInfo(m_path).canonicalFilePath());
    }

    void anUnsavedNewDatasetIsRecovered() {
        Document document;
        document.load(m_original, QString());
        auto *journal = new RecoveryJournal(&document); // a crash: never destroyed
        QVERIFY(document.setEventField(QStringLiteral("ev-talks"), EventField::Title,
                                       QStringLiteral("New")));
        QVERIFY(document.removeEvent(QStringLiteral("ev-statement")));
        const auto entries = RecoveryJournal::unsavedJournals();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().edits, 2);
        QVERIFY(entries.first().datasetPath.isEmpty());
        QCOMPARE(RecoveryJournal::journalsFor(m_path).size(), 0);
        Document recovered;
        const RecoveryJournal::Replay replay =
            RecoveryJournal::replay(entries.first().journalPath, &recovered);
        QVERIFY2(replay.ok, qPrintable(replay.error));
        QCOMPARE(datasetequality::difference(recovered.dataset(), document.dataset()), QString());
        QVERIFY(recovered.isModified());
        QVERIFY(recovered.filePath().isEmpty());
        recovered.undoStack()->setIndex(0);
        QCOMPARE(datasetequality::difference(recovered.dataset(), *m_original), QString());
        delete journal;
    }

    void aKilledProcessIsRecoveredAndUndoable() {
        const QStringList edits = {QStringLiteral("title:ev-talks:Recovered title"),
                                   QStringLiteral("date:ev-statement:2030-03-05"),
                                   QStringLiteral("remove:ev-second-round"),
                                   QStringLiteral("title:ev-statement:Statement"),
                                   QStringLiteral("undo")};
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QStringLiteral(NTL_JOURNAL_CHILD), QStringList{m_path} + edits);
        QVERIFY(child.waitForStarted());
        QVERIFY(child.waitForReadyRead(60000));
        QCOMPARE(child.readLine().trimmed(), QByteArray("ready"));
        child.kill(); // SIGKILL: no destructor, no flush at exit
        QVERIFY(child.waitForFinished());
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        // What the child did, done here in the same way.
        Document expected;
        open(expected);
        for (const QString &edit : edits)
            QVERIFY(applyJournalEdit(expected, edit));

        const auto entries = RecoveryJournal::journalsFor(m_path);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().edits, 4);
        Document recovered;
        open(recovered);
        const RecoveryJournal::Replay replay =
            RecoveryJournal::replay(entries.first().journalPath, &recovered);
        QVERIFY2(replay.ok, qPrintable(replay.error));
        QCOMPARE(replay.edits, 4);
        QCOMPARE(datasetequality::difference(recovered.dataset(), expected.dataset()), QString());
        QCOMPARE(recovered.dataset().events.at(0).title, QStringLiteral("Recovered title"));
        QVERIFY(recovered.isModified());
        // The redo the child could do is there too, and each undo steps back to the file.
        QVERIFY(recovered.undoStack()->canRedo());
        QCOMPARE(recovered.undoStack()->index(), 3);
        QCOMPARE(recovered.dataset().events.size(), 2);
        recovered.undoStack()->undo();
        QCOMPARE(recovered.dataset().events.size(), 3);
        recovered.undoStack()->undo();
        QCOMPARE(recovered.dataset().events.at(1).date.start, m_original->events.at(1).date.start);
        recovered.undoStack()->undo();
        QVERIFY(!recovered.isModified());
        QCOMPARE(datasetequality::difference(recovered.dataset(), *m_original), QString());
    }
};

QTEST_MAIN(RecoveryJournalTest)
#include "recoveryjournaltest.moc"
