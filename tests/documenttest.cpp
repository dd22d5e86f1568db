// The Document: clean state, read-only default, snapshots that stay as they were,
// notifications, structural sharing, and random edits undone back to the original.
#include "document.h"
#include "addeventcommand.h"
#include "datasetequality.h"
#include "editparticipantscommand.h"
#include "eventrowindex.h"
#include "testdataset.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <thread>

using namespace ntl;

Q_DECLARE_METATYPE(ntl::EventField)

class DocumentTest : public QObject {
    Q_OBJECT

private slots:
    void loadIsCleanAndEditsModify() {
        Document document;
        QSignalSpy modified(&document, &Document::modifiedChanged);
        document.load(loadFixture("valid/minimal.json"), QStringLiteral("/data/minimal.json"));
        QVERIFY(!document.isModified());
        QVERIFY(!document.isReadOnly());
        QCOMPARE(document.filePath(), QStringLiteral("/data/minimal.json"));
        QVERIFY(document.setEventField(QStringLiteral("ev-talks"), EventField::Place,
                                       QStringLiteral("Oslo")));
        QVERIFY(document.isModified());
        QCOMPARE(modified.count(), 1);
        QCOMPARE(modified.last().at(0).toBool(), true);
        // Saved: clean; another edit: modified; undone to the saved state: clean again.
        document.setClean();
        QVERIFY(!document.isModified());
        QVERIFY(document.setEventField(QStringLiteral("ev-talks"), EventField::Place,
                                       QStringLiteral("Rome")));
        QVERIFY(document.isModified());
        document.undoStack()->undo();
        QVERIFY(!document.isModified());
        // Undone past the save: modified, though the stack is not empty.
        document.undoStack()->undo();
        QVERIFY(document.isModified());
        QCOMPARE(document.dataset().events.at(0).place, QStringLiteral("Lakeside"));
        QCOMPARE(modified.last().at(0).toBool(), true);
    }

    void loadClearsHistory() {
        Document document;
        document.load(loadFixture("valid/minimal.json"), QStringLiteral("a.json"));
        QVERIFY(document.removeEvent(QStringLiteral("ev-talks")));
        QSignalSpy reset(&document, &Document::datasetReset);
        document.load(loadFixture("valid/minimal.json"), QStringLiteral("b.json"));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(document.undoStack()->count(), 0);
        QVERIFY(!document.isModified());
        QCOMPARE(document.eventRow(QStringLiteral("ev-talks")), 0);
    }

    void embeddedDatasetIsReadOnly() {
        Document document;
        document.load(loadFixture("valid/minimal.json"),
                      QStringLiteral(":/datasets/peace-talks-2025/dataset.json"));
        QVERIFY(document.isReadOnly());
        document.setFilePath(QStringLiteral("/tmp/copy.json")); // after Save As
        QVERIFY(!document.isReadOnly());
    }

    void snapshotBeforeAnEditStaysAsItWas() {
        Document document;
        const auto original = loadFixture("valid/minimal.json");
        document.load(original, QStringLiteral("minimal.json"));
        // A value copy of the fixture, not sharing anything with the document's.
        const Dataset copy = *loadFixture("valid/minimal.json");
        const std::shared_ptr<const Dataset> before = document.snapshot();
        QVERIFY(document.setEventField(QStringLiteral("ev-talks"), EventField::Title,
                                       QStringLiteral("Changed")));
        QVERIFY(document.removeEvent(QStringLiteral("ev-statement")));
        QVERIFY(document.setEventField(QStringLiteral("ev-second-round"), EventField::DateEnd,
                                       QDate(2030, 4, 1)));
        QVERIFY(document.snapshot() != before);
        QCOMPARE(datasetequality::difference(*before, copy), QString());
        QCOMPARE(document.dataset().events.at(0).title, QStringLiteral("Changed"));
        QCOMPARE(document.dataset().events.size(), 2);
    }

    // A reader on another thread goes on reading its snapshot while the GUI thread edits: it
    // sees the same values on every pass.
    void aSnapshotReadOnAnotherThreadDoesNotChange() {
        Document document;
        document.load(loadFixture("valid/minimal.json"), QStringLiteral("minimal.json"));
        const auto snapshot = document.snapshot();
        const auto digest = [](const Dataset &dataset) {
            QString all;
            for (const Event &event : dataset.events)
                all +=
                    event.id + event.title + event.date.start.toString(Qt::ISODate) + event.place;
            return all;
        };
        const QString expected = digest(*snapshot);
        std::atomic_bool stop{false};
        std::atomic_int passes{0};
        std::atomic_int mismatches{0};
        std::thread reader([&] {
            while (!stop) {
                if (digest(*snapshot) != expected)
                    ++mismatches;
                ++passes;
            }
        });
        for (int i = 0; i < 300; ++i) {
            QVERIFY(document.setEventField(QStringLiteral("ev-talks"), EventField::Place,
                                           QStringLiteral("P%1").arg(i % 7)));
            QVERIFY(document.setEventField(QStringLiteral("ev-statement"), EventField::Title,
                                           QStringLiteral("T%1").arg(i)));
            if (i % 3 == 0)
                document.undoStack()->undo();
        }
        while (passes < 10)
            std::this_thread::yield();
        stop = true;
        reader.join();
        QCOMPARE(mismatches.load(), 0);
        QVERIFY(digest(document.dataset()) != expected);
    }

    void anEditSharesTheEventsItDoesNotChange() {
        Document document;
        document.load(loadFixture("valid/minimal.json"), QStringLiteral("minimal.json"));
        const auto before = document.snapshot();
        QVERIFY(document.setEventField(QStringLiteral("ev-statement"), EventField::Title,
                                       QStringLiteral("x")));
        const auto after = document.snapshot();
        QVERIFY(after->events.sharesItemWith(before->events, 0));
        QVERIFY(!after->events.sharesItemWith(before->events, 1));
        QVERIFY(after->events.sharesItemWith(before->events, 2));
    }

    // The event list's blocks: an edit, insertion or removal anywhere (at a block's first or
    // last item, in a block split by insertions, in one emptied by removals) reads back as a
    // QList would, and every copy taken on the way still holds what it held.
    void theEventListActsAsAListAcrossItsBlocks() {
        using List = SharedItemList<QString>;
        constexpr qsizetype block = List::blockSize;
        List list;
        QList<QString> expected;
        for (int i = 0; i < int(3 * block + 7); ++i) {
            list.append(QString::number(i));
            expected.append(QString::number(i));
        }
        QCOMPARE(list.blockCount(), 4);
        QList<std::pair<List, QList<QString>>> copies;
        const auto same = [](const List &a, const QList<QString> &b) {
            if (a.size() != b.size())
                return false;
            // Both ways of reading: indexes and iterators (which walk block by block).
            qsizetype i = 0;
            for (const QString &item : a) {
                if (item != b.at(i) || a.at(i) != b.at(i))
                    return false;
                ++i;
            }
            for (auto it = a.end(); it != a.begin();) {
                --it;
                if (*it != b.at(it - a.begin()))
                    return false;
            }
            return i == b.size();
        };
        QRandomGenerator random(11);
        int made = 100000;
        // At the blocks' edges first, then anywhere; a run of insertions at one place splits
        // its block, a run of removals empties one.
        const qsizetype edges[] = {0, block - 1, block, block + 1, 2 * block, 3 * block + 6};
        for (int step = 0; step < 3000; ++step) {
            const qsizetype size = list.size();
            qsizetype at = step < 600 ? edges[step % 6] : random.bounded(int(size) + 1);
            if (step >= 1200 && step < 1500)
                at = std::min<qsizetype>(700, size); // insertions at one place: a split
            const int what = step >= 1500 && step < 2200 ? 1 : random.bounded(3);
            if (what == 0 || size == 0) {
                list.insert(std::min(at, size), QString::number(made));
                expected.insert(std::min(at, size), QString::number(made++));
            } else if (what == 1) {
                at = std::min(at, size - 1);
                list.removeAt(at);
                expected.removeAt(at);
            } else {
                at = std::min(at, size - 1);
                if (random.bounded(2))
                    list.replace(at, QStringLiteral("r%1").arg(step));
                else
                    list[at] = QStringLiteral("r%1").arg(step);
                expected[at] = QStringLiteral("r%1").arg(step);
            }
            if (step % 50 == 0)
                copies.append({list, expected});
        }
        QVERIFY(same(list, expected));
        for (const auto &[copy, itsItems] : std::as_const(copies))
            QVERIFY(same(copy, itsItems));
    }

    // What an edit copies: the block of the event it changes, never the other blocks nor
    // their events, so that its cost does not grow with the dataset.
    void anEditCopiesOneBlock() {
        using List = SharedItemList<QString>;
        constexpr qsizetype block = List::blockSize;
        List list;
        for (int i = 0; i < int(4 * block); ++i)
            list.append(QString::number(i));
        List edited = list;
        edited.replace(block + 3, QStringLiteral("x"));
        for (qsizetype i = 0; i < list.size(); i += block / 2) {
            const bool itsBlock = i >= block && i < 2 * block;
            QCOMPARE(edited.sharesBlockWith(list, i), !itsBlock);
        }
        QVERIFY(!edited.sharesItemWith(list, block + 3));
        QVERIFY(edited.sharesItemWith(list, block + 2));
        // An insertion shifts the later items' indexes but shares their blocks still.
        List inserted = list;
        inserted.insert(block, QStringLiteral("y"));
        QCOMPARE(inserted.at(block), QStringLiteral("y"));
        QCOMPARE(inserted.at(3 * block), list.at(3 * block - 1));
        QVERIFY(inserted.sharesBlockWith(list, 0));
        QVERIFY(!inserted.sharesBlockWith(list, block));
        QVERIFY(&inserted.at(3 * block) == &list.at(3 * block - 1));
        QCOMPARE(list.at(block), QString::number(block));
    }

    // Through the Document: insertions and removals at a block's edges leave every earlier
    // snapshot as it was, and the ids find their rows (at once after the load too).
    void snapshotsStayAcrossBlockEdges() {
        auto dataset = std::make_shared<Dataset>(*loadFixture("valid/minimal.json"));
        const Event model = dataset->events.at(0);
        const qsizetype block = EventList::blockSize;
        // Nine blocks: past the size at which load() builds the id table on a worker, so the
        // edits below also check the shifts applied to that table.
        while (dataset->events.size() < 9 * block) {
            Event event = model;
            event.id = QStringLiteral("gen-%1").arg(dataset->events.size());
            dataset->events.append(event);
        }
        Document document;
        document.load(dataset, QStringLiteral("big.json"));
        const auto ids = [](const Dataset &d) {
            QStringList list;
            for (const Event &event : d.events)
                list.append(event.id);
            return list;
        };
        QList<std::pair<std::shared_ptr<const Dataset>, QStringList>> snapshots;
        int made = 0;
        for (const qsizetype row : {block, block - 1, 2 * block, block + 1, qsizetype(0)}) {
            snapshots.append({document.snapshot(), ids(document.dataset())});
            Event event = model;
            event.id = QStringLiteral("new-%1").arg(made++);
            QVERIFY(document.push(new AddEventCommand(&document, event, int(row))));
            QCOMPARE(document.dataset().events.at(row).id, event.id);
            QCOMPARE(document.eventRow(event.id), int(row));
            snapshots.append({document.snapshot(), ids(document.dataset())});
            QVERIFY(document.removeEvent(document.dataset().events.at(row + 1).id));
            QVERIFY(document.setEventField(document.dataset().events.at(row).id, EventField::Title,
                                           QStringLiteral("t%1").arg(row)));
        }
        for (const auto &[snapshot, itsIds] : std::as_const(snapshots))
            QCOMPARE(ids(*snapshot), itsIds);
        const QStringList now = ids(document.dataset());
        for (int row = 0; row < now.size(); ++row)
            QCOMPARE(document.eventRow(now.at(row)), row);
        while (document.undoStack()->canUndo())
            document.undoStack()->undo();
        QCOMPARE(ids(document.dataset()), snapshots.first().second);
    }

    // The id → row index follows insertions and removals anywhere without rebuilding.
    void eventRowsFollowInsertionsAndRemovals() {
        EventList events;
        for (int i = 0; i < 50; ++i) {
            Event event;
            event.id = QStringLiteral("e%1").arg(i);
            events.append(event);
        }
        EventRowIndex index;
        QCOMPARE(index.row(events, QStringLiteral("e7")), 7);
        QRandomGenerator random(3);
        int made = 50;
        for (int step = 0; step < 300; ++step) {
            if (random.bounded(2) && !events.isEmpty()) {
                const int row = random.bounded(int(events.size()));
                const QString id = events.at(row).id;
                events.removeAt(row);
                index.removed(row);
                QCOMPARE(index.row(events, id), -1);
            } else {
                Event event;
                // Now and then an id removed before comes back, elsewhere.
                event.id =
                    QStringLiteral("e%1").arg(random.bounded(4) ? made++ : random.bounded(made));
                if (index.row(events, event.id) >= 0)
                    continue;
                const int row = random.bounded(int(events.size()) + 1);
                events.insert(row, event);
                index.inserted(row, event.id);
            }
            for (int row = 0; row < events.size(); ++row)
                QCOMPARE(index.row(events, events.at(row).id), row);
        }
        QCOMPARE(index.rebuildCount(), 1);
    }

    void notifications() {
        Document document;
        document.load(loadFixture("valid/minimal.json"), QStringLiteral("minimal.json"));
        QSignalSpy changed(&document, &Document::eventsChanged);
        QSignalSpy inserted(&document, &Document::eventInserted);
        QSignalSpy removed(&document, &Document::eventRemoved);
        QVERIFY(document.setEventField(QStringLiteral("ev-statement"), EventField::DateStart,
                                       QDate(2030, 3, 3)));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.last().at(0).toStringList(), QStringList{QStringLiteral("ev-statement")});
        QCOMPARE(changed.last().at(1).value<EventFields>(), EventFields{EventField::DateStart});
        document.undoStack()->undo();
        QCOMPARE(changed.count(), 2);
        QVERIFY(document.removeEvent(QStringLiteral("ev-statement")));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.last().at(0).toString(), QStringLiteral("ev-statement"));
        QCOMPARE(removed.last().at(1).toInt(), 1);
        document.undoStack()->undo();
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.last().at(1).toInt(), 1);
        QSignalSpy actors(&document, &Document::actorsChanged);
        document.undoStack()->redo();
        QCOMPARE(actors.count(), 0);
    }

    // A seeded random sequence of edits, undos and redos; undoing everything gives back the
    // original, field for field, and each snapshot along the way matches a replay.
    void randomEditsUndoneGiveTheOriginal() {
        Document document;
        const auto original = loadFixture("valid/minimal.json");
        document.load(original, QStringLiteral("minimal.json"));
        QRandomGenerator random(15);
        const QStringList actors{QStringLiteral("north-state"), QStringLiteral("north-envoy"),
                                 QStringLiteral("south-state"), QStringLiteral("league"),
                                 QStringLiteral("nobody")};
        int added = 0;
        int refused = 0;
        for (int step = 0; step < 500; ++step) {
            const auto &events = document.dataset().events;
            const QString id =
                events.isEmpty() ? QString() : events.at(random.bounded(int(events.size()))).id;
            switch (random.bounded(9)) {
            case 0:
                document.undoStack()->undo();
                break;
            case 1:
                document.undoStack()->redo();
                break;
            case 2: {
                Event event = original->events.at(random.bounded(3));
                event.id = QStringLiteral("ev-added-%1").arg(++added);
                QVERIFY(document.addEvent(event));
                break;
            }
            case 3:
                if (!id.isEmpty())
                    QVERIFY(document.removeEvent(id));
                break;
            case 4:
                document.setEventField(id, EventField::Title,
                                       QStringLiteral("T%1").arg(random.bounded(5)));
                break;
            case 5: {
                const QDate day = QDate(2030, 3, 1).addDays(random.bounded(20));
                refused +=
                    document.setEventField(
                        id, random.bounded(2) ? EventField::DateStart : EventField::DateEnd, day)
                        ? 0
                        : 1;
                break;
            }
            case 6:
                document.setEventField(id, EventField::Status,
                                       QVariant::fromValue(EventStatus(random.bounded(4))));
                break;
            case 7: {
                if (id.isEmpty())
                    break;
                QList<Participant> participants = events.at(document.eventRow(id)).participants;
                participants.append(
                    {actors.at(random.bounded(int(actors.size()))), ParticipantRole::Mentioned});
                refused +=
                    document.push(new EditParticipantsCommand(&document, id, participants, {})) ? 0
                                                                                                : 1;
                break;
            }
            case 8: {
                const int macroSteps = random.bounded(1, 4);
                document.undoStack()->beginMacro(QStringLiteral("several"));
                for (int i = 0; i < macroSteps && !document.dataset().events.isEmpty(); ++i)
                    document.setEventField(document.dataset().events.first().id, EventField::Note,
                                           QStringLiteral("n%1").arg(i));
                document.undoStack()->endMacro();
                break;
            }
            }
        }
        QVERIFY(refused > 0); // the sequence did meet refusals
        QVERIFY(document.undoStack()->count() > 50);
        while (document.undoStack()->canUndo())
            document.undoStack()->undo();
        QCOMPARE(datasetequality::difference(document.dataset(), *original), QString());
        QVERIFY(!document.isModified());
        // The id lookup followed every insertion and removal.
        for (int row = 0; row < document.dataset().events.size(); ++row)
            QCOMPARE(document.eventRow(document.dataset().events.at(row).id), row);
    }
};

QTEST_GUILESS_MAIN(DocumentTest)
#include "documenttest.moc"
