// Benchmark: how long the main operations take for 1,000, 10,000 and 100,000 synthetic
// events (median of several runs), and the peak memory of each size in its own process.
//   ntl-benchmark [--runs R] [--events N ...]
// Each size is written by this process and measured in a child process of its own.
//   ntl-benchmark --document N   the Document's edits and undos alone (issue 15), N events
//   ntl-benchmark --journal N   the recovery journal's append per edit (encode, write,
//     fdatasync), its first edit (hashes the file) and a replay, N events (issue 15)
//   ntl-benchmark --hostile   the worst cases of issue 12 (items 7, 8, 9) only
//   ntl-benchmark --hostile-memory   peak memory of 120 MB hostile documents (issue 12, item 5)
//   ntl-benchmark --interop N   each data export and import of issue 17 (CSV events and
//     passages, TimelineJS JSON and CSV, Web Annotation) on N synthetic events
//   ntl-benchmark --import   importing a 1 MB HTML page saved from a browser (issue 16)
//   ntl-benchmark --save [--events N ...]   a save, synchronous and on a worker thread
//     (SaveJob), with the longest gap of a 1 ms timer on the GUI thread meanwhile (issue 15),
//     then File → Save in the window (DocumentController) after an edit, timed the same way
//   ntl-benchmark --view-edits N   edits through the window's document until every view is
//     updated and painted, and resident memory after 1,000 edits (issue 15)
// Run it on demand (it is not a test); figures go into docs/performance.md.
#include "articleimporter.h"
#include "authoringcontroller.h"
#include "chronicleview.h"
#include "csveventsexporter.h"
#include "csveventsimporter.h"
#include "csvpassagesimporter.h"
#include "csvtable.h"
#include "datasetreader.h"
#include "datasetvalidator.h"
#include "datasetwriter.h"
#include "document.h"
#include "documentcommand.h"
#include "documentcontroller.h"
#include "eventdetailspanel.h"
#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "filterpanel.h"
#include "importapplier.h"
#include "importbatch.h"
#include "mainwindow.h"
#include "recoveryjournal.h"
#include "savejob.h"
#include "session.h"
#include "sourcesview.h"
#include "syntheticdataset.h"
#include "timelinejsexporter.h"
#include "timelinejsimporter.h"
#include "timelineview.h"
#include "webannotationexporter.h"
#include "webannotationimporter.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <unistd.h>

using namespace ntl;

namespace {

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

// Runs `step` `runs` times after `setup`, and returns the median in milliseconds.
double measure(int runs, const std::function<void()> &setup, const std::function<void()> &step)
{
    QList<double> times;
    for (int run = 0; run < runs; ++run) {
        if (setup)
            setup();
        QElapsedTimer timer;
        timer.start();
        step();
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    return median(times);
}

// Lets deferred work (view rebuilds, layouts) run until nothing is left.
void settle()
{
    for (int i = 0; i < 4; ++i)
        QCoreApplication::processEvents();
}

class FirstPaint : public QObject
{
public:
    bool painted = false;
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            painted = true;
        return false;
    }
};

// The peak resident set size of this process (VmHWM in /proc/self/status).
double peakMemoryMB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0; // kB
    }
    return 0;
}

// The window as a person sees it: the dataset open, 1280×800, laid out.
void openShown(MainWindow &window, const QString &path)
{
    window.setInteractive(false);
    window.openDataset(path);
    window.resize(1280, 800);
    window.show();
    settle();
}

void report(const char *what, double ms) { std::printf("  %-44s %10.1f ms\n", what, ms); }

// Issue 15: the Document's edits, each applied and each undone (the document alone: no model
// or view follows it yet). Cheap, so many runs; every run edits another event.
void runDocumentEdits(const std::shared_ptr<const Dataset> &dataset, int runs) {
    runs = std::max(runs, 21);
    Document document;
    document.load(dataset, QStringLiteral("synthetic.json"));
    const EventList &events = document.dataset().events;
    int next = 0;
    const auto someId = [&] {
        return events.at((next++ * 7919) % events.size()).id;
    };
    QString id;
    report("document: one title edit",
           measure(
               runs, [&] { id = someId(); },
               [&] {
                   document.setEventField(id, EventField::Title,
                                          QStringLiteral("Edited %1").arg(next));
               }));
    report(
        "document: the title edit undone",
        measure(
            runs,
            [&] { document.setEventField(someId(), EventField::Title, QStringLiteral("Edited")); },
            [&] { document.undoStack()->undo(); }));
    QDate start;
    report("document: one date edit (start a day earlier)",
           measure(
               runs,
               [&] {
                   id = someId();
                   start = events.at(document.eventRow(id)).date.start.addDays(-1);
               },
               [&] { document.setEventField(id, EventField::DateStart, start); }));
    Event added = events.at(0);
    int addedCount = 0;
    report("document: an event added",
           measure(
               runs, [&] { added.id = QStringLiteral("added-%1").arg(++addedCount); },
               [&] { document.addEvent(added); }));
    report("document: the event add undone",
           measure(
               runs,
               [&] {
                   added.id = QStringLiteral("added-%1").arg(++addedCount);
                   document.addEvent(added);
               },
               [&] { document.undoStack()->undo(); }));
    report("document: an event removed",
           measure(
               runs, [&] { id = someId(); }, [&] { document.removeEvent(id); }));
    report("document: the event removal undone", measure(
                                                     runs, [&] { document.removeEvent(someId()); },
                                                     [&] { document.undoStack()->undo(); }));
    // Resident memory after 1,000 more edits (each a step of its own, kept for undo).
    const auto residentMB = [] {
        QFile status(QStringLiteral("/proc/self/status"));
        if (!status.open(QIODevice::ReadOnly))
            return 0.0;
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmRSS:"))
                return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0; // kB
        }
        return 0.0;
    };
    const double before = residentMB();
    for (int i = 0; i < 1000; ++i)
        document.setEventField(someId(), EventField::Title,
                               QStringLiteral("Edit number %1").arg(i));
    std::printf("  %-44s %10.1f MB\n", "document: resident memory after 1,000 edits",
                residentMB() - before);
    // What structural sharing saves: a snapshot's copy with one event changed, as a plain
    // QList<Event> (every event copied) and as the EventList (one pointer per event).
    QList<Event> plain;
    for (const Event &event : events)
        plain.append(event);
    report("copy with one change: QList<Event> (before)", measure(runs, nullptr, [&] {
               QList<Event> copy = plain;
               copy[1].title = QStringLiteral("x");
           }));
    // The list before it was cut into blocks: one shared box per event in one flat array, so
    // a copy with one change copied (and later released) a pointer per event.
    struct Box : QSharedData {
        explicit Box(const Event &e)
            : event(e) {}
        Event event;
    };
    QList<QSharedDataPointer<Box>> flat;
    for (const Event &event : events)
        flat.append(QSharedDataPointer<Box>(new Box(event)));
    const qsizetype middle = events.size() / 2;
    report("copy with one change: flat EventList (before)", measure(runs, nullptr, [&] {
               QList<QSharedDataPointer<Box>> copy = flat;
               copy[middle]->event.title = QStringLiteral("x");
           }));
    report("copy with one change: EventList (now)", measure(runs, nullptr, [&] {
               EventList copy = events;
               copy[middle].title = QStringLiteral("x");
           }));
    report("  the same, an insertion in the middle", measure(runs, nullptr, [&] {
               EventList copy = events;
               copy.insert(middle, events.at(0));
           }));
    report("  flat: an insertion in the middle (before)", measure(runs, nullptr, [&] {
               QList<QSharedDataPointer<Box>> copy = flat;
               copy.insert(middle, QSharedDataPointer<Box>(new Box(events.at(0))));
           }));
    // A range-for over every event, as the views' passes do (blocks cost a little here).
    report("read every event's id: EventList", measure(runs, nullptr, [&] {
               qsizetype n = 0;
               for (const Event &event : events)
                   n += event.id.size();
               if (n < 0)
                   std::abort();
           }));
    report("  by index (at(i))", measure(runs, nullptr, [&] {
               qsizetype n = 0;
               for (qsizetype i = 0; i < events.size(); ++i)
                   n += events.at(i).id.size();
               if (n < 0)
                   std::abort();
           }));
    report("  flat (before)", measure(runs, nullptr, [&] {
               qsizetype n = 0;
               for (const auto &box : std::as_const(flat))
                   n += box->event.id.size();
               if (n < 0)
                   std::abort();
           }));
    // The first edit after a load: the id → row table is built on a worker from the load.
    for (const int waitMs : {0, 1000}) {
        QList<double> times;
        for (int run = 0; run < std::min(runs, 7); ++run) {
            Document fresh;
            fresh.load(dataset, QStringLiteral("synthetic.json"));
            if (waitMs)
                QThread::msleep(waitMs);
            const QString someEvent = events.at((run * 7919) % events.size()).id;
            QElapsedTimer timer;
            timer.start();
            fresh.setEventField(someEvent, EventField::Title, QStringLiteral("First"));
            times.append(double(timer.nsecsElapsed()) / 1e6);
        }
        report(waitMs ? "document: first edit, 1 s after the load"
                      : "document: first edit at once after the load",
               median(times));
    }
}

// Issue 15, item 5: the recovery journal's append per edit, timed around the journal's own
// slot (a timer started by a slot connected before it, read by one connected after it): the
// record encoded, written and synced to the disk (fdatasync) before the edit goes on.
void runJournal(const std::shared_ptr<const Dataset> &dataset, int runs) {
    runs = std::max(runs, 201);
    // Appends take microseconds: three decimals.
    const auto reportFine = [](const char *what, double ms) {
        std::printf("  %-44s %10.3f ms\n", what, ms);
    };
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("synthetic.json"));
    DatasetWriter::writeFile(*dataset, path);
    std::printf("  (file: %.1f MB)\n", double(QFileInfo(path).size()) / 1e6);
    for (const auto sync : {RecoveryJournal::Sync::Background, RecoveryJournal::Sync::Immediate}) {
        const bool background = sync == RecoveryJournal::Sync::Background;
        std::printf(background ? "  synced to the disk on a thread of its own (the default):\n"
                               : "  synced to the disk (fdatasync) before the edit returns:\n");
        Document document;
        const auto read = DatasetReader::readFile(path).dataset;
        QElapsedTimer opened; // from the load, when the journal (made just after) starts hashing
        opened.start();
        document.load(read, path);
        QElapsedTimer timer;
        QList<double> appends;
        QObject::connect(&document, &Document::aboutToPush, [&] { timer.start(); });
        RecoveryJournal journal(&document);
        journal.setSync(sync);
        QObject::connect(&document, &Document::aboutToPush,
                         [&] { appends.append(double(timer.nsecsElapsed()) / 1e6); });
        // Each edit swaps in a new snapshot: the events are looked up afresh every time.
        int next = 0;
        const auto someId = [&] {
            const EventList &events = document.dataset().events;
            return events.at((next++ * 7919) % events.size()).id;
        };
        QElapsedTimer first;
        first.start();
        document.setEventField(someId(), EventField::Title, QStringLiteral("First"));
        const double firstEdit = double(first.nsecsElapsed()) / 1e6;
        report("journal: first edit at once after the open", firstEdit);
        reportFine("journal: ... its append", appends.value(0));
        // The hash line follows when the worker is done, written by the GUI thread's poll.
        const auto hashLineWritten = [&] {
            QFile file(journal.journalPath());
            return file.open(QIODevice::ReadOnly) && file.readAll().contains("{\"sha1\"");
        };
        while (!hashLineWritten())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
        report("journal: hash line written, after the open", double(opened.nsecsElapsed()) / 1e6);
        appends.clear();
        for (int i = 0; i < runs; ++i) {
            // Other events each time: no two edits merge, every one is a line of its own.
            document.setEventField(someId(), EventField::Title, QStringLiteral("Edited %1").arg(i));
        }
        reportFine("journal: a title edit's append, median", median(appends));
        std::sort(appends.begin(), appends.end());
        reportFine("journal: a title edit's append, 90th percentile",
                   appends.at(appends.size() * 9 / 10));
        appends.clear();
        for (int i = 0; i < runs; ++i) {
            Event added = document.dataset().events.at(0);
            added.id = QStringLiteral("journal-added-%1").arg(i);
            document.addEvent(added);
        }
        reportFine("journal: an event added, its append, median", median(appends));
        journal.waitForSync();
        if (!journal.lastError().isEmpty())
            std::printf("  journal error: %s\n", qPrintable(journal.lastError()));
        if (!background)
            continue;
        // Recovery: the journal's edits replayed onto the file, read again. The window passes
        // the hash its open computed on a worker; so does this.
        const int edits = document.undoStack()->count();
        Document recovered;
        recovered.load(DatasetReader::readFile(path).dataset, path);
        const QByteArray hash = FileFingerprint::of(path).hashValue();
        QElapsedTimer replayTimer;
        replayTimer.start();
        const RecoveryJournal::Replay replay =
            RecoveryJournal::replay(journal.journalPath(), &recovered, hash);
        std::printf("  %-44s %10.1f ms (%d edits%s)\n", "journal: replay (hash known)",
                    double(replayTimer.nsecsElapsed()) / 1e6, edits, replay.ok ? "" : ", FAILED");
    }
}

// Issue 15, item 2: the same edits with an EventModel and its date-sorted filter following the
// document (no views), each until both are updated: the filter's verdicts and facet counts
// asked for, as the filter panel would. Once without a filter and once with a search and a side
// filter on.
void runModelEdits(const std::shared_ptr<const Dataset> &dataset, int runs, bool filtering) {
    runs = std::max(runs, 21);
    Document document;
    document.load(dataset, QStringLiteral("synthetic.json"));
    EventModel model;
    EventFilterModel filter;
    filter.setSourceModel(&model);
    model.setDocument(&document);
    (void)model.searchIndex(); // built in the background: not these lines' cost
    if (filtering) {
        filter.setSearchText(QStringLiteral("synthetic"));
        filter.setSideIds({QStringLiteral("side-1")});
    }
    const auto settled = [&] {
        (void)filter.facetCount(FacetCounts::Actor, QStringLiteral("actor-7"));
        (void)filter.rowCount();
    };
    settled();
    const char *prefix = filtering ? "models, filtering:" : "models:";
    const auto line = [prefix](const char *what) {
        static QByteArray text;
        text = QByteArray(prefix) + ' ' + what;
        return text.constData();
    };
    const EventList *events = &document.dataset().events;
    int next = 0;
    const auto someId = [&] {
        events = &document.dataset().events;
        return events->at((next++ * 7919) % events->size()).id;
    };
    QString id;
    report(line("one title edit"),
           measure(
               runs, [&] { id = someId(); },
               [&] {
                   document.setEventField(id, EventField::Title,
                                          QStringLiteral("Edited talks %1").arg(next));
                   settled();
               }));
    report(line("the title edit undone"),
           measure(
               runs,
               [&] { document.setEventField(someId(), EventField::Title, QStringLiteral("E")); },
               [&] {
                   document.undoStack()->undo();
                   settled();
               }));
    QDate start;
    report(line("one date edit (start a day earlier)"),
           measure(
               runs,
               [&] {
                   id = someId();
                   start = events->at(document.eventRow(id)).date.start.addDays(-1);
               },
               [&] {
                   document.setEventField(id, EventField::DateStart, start);
                   settled();
               }));
    Event added = document.dataset().events.at(0);
    int addedCount = 0;
    report(line("an event added"),
           measure(
               runs, [&] { added.id = QStringLiteral("added-%1").arg(++addedCount); },
               [&] {
                   document.addEvent(added);
                   settled();
               }));
    report(line("an event removed"), measure(
                                         runs, [&] { id = someId(); },
                                         [&] {
                                             document.removeEvent(id);
                                             settled();
                                         }));
    report(line("the event removal undone"), measure(
                                                 runs, [&] { document.removeEvent(someId()); },
                                                 [&] {
                                                     document.undoStack()->undo();
                                                     settled();
                                                 }));
}

// As measure(), with this thread's CPU time beside the wall time: on a machine shared with
// other work the CPU time says what the step costs, the wall time what it took.
struct Times {
    double wall = 0;
    double cpu = 0;
};
Times measureWithCpu(int runs, const std::function<void()> &setup,
                     const std::function<void()> &step) {
    QList<double> walls;
    QList<double> cpus;
    const auto cpuNow = [] {
        timespec now{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
    };
    for (int run = 0; run < runs; ++run) {
        if (setup)
            setup();
        QElapsedTimer timer;
        timer.start();
        const double cpu = cpuNow();
        step();
        cpus.append(cpuNow() - cpu);
        walls.append(double(timer.nsecsElapsed()) / 1e6);
    }
    return {median(walls), median(cpus)};
}

void report(const char *what, Times times) {
    std::printf("  %-44s %10.1f ms (CPU %.1f ms)\n", what, times.wall, times.cpu);
}

// Resident memory now (/proc/self/statm's second field: resident pages).
double residentNowMB() {
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.value(1).toDouble() * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

// Issue 15: edits through the window's document, each (and each undone) until every view has
// followed it: the event loop run until idle (deferred layouts included) and the shown views
// painted. The edited event is the selected one, as when a person edits what they look at, so
// the details panel follows too. Run with the Timeline tab shown, then the Chronicle tab.
void runViewEdits(MainWindow &window, int runs) {
    runs = std::max(runs, 11);
    Document *document = window.session()->document();
    EventFilterModel *filter = window.filterModel();
    QItemSelectionModel *selection = window.selectionModel();
    QTabWidget *tabs = window.tabs();
    int next = 0;
    const auto someId = [&] {
        const EventList &events = document->dataset().events;
        return events.at((next++ * 7919) % events.size()).id;
    };
    const auto select = [&](const QString &id) {
        selection->setCurrentIndex(filter->indexOfEvent(id),
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        settle();
    };
    // Until idle, then a paint of each shown view (a view that painted already paints again:
    // the cost of its frame is counted either way).
    const auto followed = [&] {
        settle();
        if (tabs->currentIndex() == MainWindow::ChronicleTab)
            window.chronicleView()->viewport()->repaint();
        else
            window.timeline()->viewport()->repaint();
        window.detailsPanel()->repaint();
    };
    for (const auto &tab : {std::pair{MainWindow::TimelineTab, "timeline"},
                            std::pair{MainWindow::ChronicleTab, "chronicle"}}) {
        tabs->setCurrentIndex(tab.first);
        settle();
        // Zoomed in, as a person editing is: a month in the middle.
        window.timeline()->setVisibleRange(window.timeline()->layout().x(QDate(2025, 6, 2)),
                                           window.timeline()->layout().x(QDate(2025, 7, 2)));
        settle();
        const auto line = [&](const char *what) {
            static QByteArray text;
            text = QByteArray("edit, ") + tab.second + " shown: " + what;
            return text.constData();
        };
        QString id;
        // Not an edit: what following a new current event costs, part of removing the
        // current one (the event before it becomes current).
        report(line("another event selected"),
               measureWithCpu(
                   runs, [&] { id = someId(); },
                   [&] {
                       selection->setCurrentIndex(filter->indexOfEvent(id),
                                                  QItemSelectionModel::ClearAndSelect |
                                                      QItemSelectionModel::Rows);
                       followed();
                   }));
        report(line("title edited"),
               measureWithCpu(
                   runs,
                   [&] {
                       id = someId();
                       select(id);
                   },
                   [&] {
                       document->setEventField(id, EventField::Title,
                                               QStringLiteral("Edited talks %1").arg(next));
                       followed();
                   }));
        report(line("title edit undone"), measureWithCpu(
                                              runs,
                                              [&] {
                                                  id = someId();
                                                  select(id);
                                                  document->setEventField(id, EventField::Title,
                                                                          QStringLiteral("E"));
                                                  settle();
                                              },
                                              [&] {
                                                  document->undoStack()->undo();
                                                  followed();
                                              }));
        QDate start;
        report(line("date edited"), measureWithCpu(
                                        runs,
                                        [&] {
                                            id = someId();
                                            select(id);
                                            start = document->dataset()
                                                        .events.at(document->eventRow(id))
                                                        .date.start.addDays(-1);
                                        },
                                        [&] {
                                            document->setEventField(id, EventField::DateStart,
                                                                    start);
                                            followed();
                                        }));
        report(line("date edit undone"), measureWithCpu(
                                             runs,
                                             [&] {
                                                 id = someId();
                                                 select(id);
                                                 start = document->dataset()
                                                             .events.at(document->eventRow(id))
                                                             .date.start.addDays(-1);
                                                 document->setEventField(id, EventField::DateStart,
                                                                         start);
                                                 settle();
                                             },
                                             [&] {
                                                 document->undoStack()->undo();
                                                 followed();
                                             }));
        Event added = document->dataset().events.at(document->dataset().events.size() / 2);
        static int addedCount = 0;
        report(line("event added"), measureWithCpu(
                                        runs,
                                        [&] {
                                            added.id = QStringLiteral("added-%1").arg(++addedCount);
                                            select(someId());
                                        },
                                        [&] {
                                            document->addEvent(added);
                                            followed();
                                        }));
        report(line("event add undone"), measureWithCpu(
                                             runs,
                                             [&] {
                                                 added.id =
                                                     QStringLiteral("added-%1").arg(++addedCount);
                                                 select(someId());
                                                 document->addEvent(added);
                                                 settle();
                                             },
                                             [&] {
                                                 document->undoStack()->undo();
                                                 followed();
                                             }));
        report(line("event removed"), measureWithCpu(
                                          runs,
                                          [&] {
                                              id = someId();
                                              select(id);
                                          },
                                          [&] {
                                              document->removeEvent(id);
                                              followed();
                                          }));
        report(line("event removal undone"), measureWithCpu(
                                                 runs,
                                                 [&] {
                                                     id = someId();
                                                     select(id);
                                                     document->removeEvent(id);
                                                     settle();
                                                 },
                                                 [&] {
                                                     document->undoStack()->undo();
                                                     followed();
                                                 }));
    }
    tabs->setCurrentIndex(MainWindow::TimelineTab);
    settle();
    // Resident memory after 1,000 edits of every kind (a fifth of them undone), each followed
    // by the views; the undo stack keeps them all.
    const double before = residentNowMB();
    Event added = document->dataset().events.at(0);
    for (int i = 0; i < 1000; ++i) {
        const QString id = someId();
        switch (i % 5) {
        case 0:
            document->setEventField(id, EventField::Title, QStringLiteral("Edit number %1").arg(i));
            break;
        case 1:
            document->setEventField(
                id, EventField::DateStart,
                document->dataset().events.at(document->eventRow(id)).date.start.addDays(-1));
            break;
        case 2:
            added.id = QStringLiteral("memory-added-%1").arg(i);
            document->addEvent(added);
            break;
        case 3:
            document->removeEvent(id);
            break;
        case 4:
            document->undoStack()->undo();
            break;
        }
        settle();
    }
    std::printf("  %-44s %10.1f MB (%d undo steps)\n", "edit: resident memory after 1,000 edits",
                residentNowMB() - before, document->undoStack()->count());
    std::fflush(stdout);
}

// `path` was written by the parent process, so this process's peak memory is the app's own.
// Issue 16: New Event from Selection in the Sources view, until every view has followed (the
// event selected, its passage highlighted, the details shown). Undone between runs, untimed.
void runNewEventFromSelection(MainWindow &window, int runs) {
    QTabWidget *tabs = window.tabs();
    tabs->setCurrentIndex(MainWindow::SourcesTab);
    settle();
    QPlainTextEdit *text = window.sourcesView()->textView();
    QUndoStack *undo = window.session()->document()->undoStack();
    QAction *newEvent = window.authoring()->newEventAction();
    const qsizetype before = window.session()->dataset()->events.size();
    // Wall time, and the GUI thread's CPU time: on a machine shared with other builds the
    // wall time is mostly waiting for a core.
    QList<double> cpu;
    report("new event from a selection until views follow",
           measure(
               runs * 4,
               [&] {
                   if (window.session()->dataset()->events.size() > before)
                       undo->undo();
                   settle();
                   QTextCursor cursor(text->document());
                   cursor.setPosition(1);
                   cursor.setPosition(40, QTextCursor::KeepAnchor);
                   text->setTextCursor(cursor);
               },
               [&] {
                   timespec from{}, to{};
                   clock_gettime(CLOCK_THREAD_CPUTIME_ID, &from);
                   newEvent->trigger();
                   settle();
                   clock_gettime(CLOCK_THREAD_CPUTIME_ID, &to);
                   cpu.append(double(to.tv_sec - from.tv_sec) * 1e3 +
                              double(to.tv_nsec - from.tv_nsec) / 1e6);
               }));
    report("  the same, GUI thread CPU time", median(cpu));
    if (window.session()->dataset()->events.size() != before + 1)
        qFatal("New Event from Selection made no event");
    undo->undo();
    tabs->setCurrentIndex(MainWindow::TimelineTab);
    settle();
}

int runOneSize(int events, const QString &path, int runs)
{
    QTemporaryDir dir;
    std::printf("N = %d events (file %.1f MB), median of %d runs\n", events,
                double(QFileInfo(path).size()) / 1e6, runs);

    std::shared_ptr<const Dataset> dataset;
    report("load and validate", measure(runs, nullptr, [&] { dataset = DatasetReader::readFile(path).dataset; }));
    runDocumentEdits(dataset, runs);
    {
        // What an edit pays to check the event it changes: that event's rules alone, its id
        // against a table the document keeps (built here untimed), its passages anchored.
        QMultiHash<QString, qsizetype> rows;
        for (qsizetype i = 0; i < dataset->events.size(); ++i)
            rows.insert(dataset->events.at(i).id, i);
        const qsizetype row = dataset->events.size() / 2;
        constexpr int checks = 1000;
        std::size_t found = 0;
        const double ms = measure(runs, nullptr, [&] {
            for (int i = 0; i < checks; ++i)
                found += std::size_t(
                    DatasetValidator::checkEvent(*dataset, dataset->events.at(row), row, &rows)
                        .size());
        });
        std::printf("  %-44s %10.1f us (%zu findings)\n", "one event's rules checked (per edit)",
                    ms * 1000.0 / checks, found);
    }
    report("event model and date-sorted proxy", measure(runs, nullptr, [&] {
               EventModel model;
               EventFilterModel filter;
               filter.setSourceModel(&model);
               model.setDataset(dataset);
           }));

    {
        // The model's part of a filter change: every row's verdict and the facet counts beside
        // each side, actor, kind, status and article, in one pass (no views).
        EventModel model;
        EventFilterModel filter;
        filter.setSourceModel(&model);
        model.setDataset(dataset);
        (void)model.searchIndex(); // built in the background: not this line's cost
        int sides = 0;
        report("filter verdicts and facet counts (model)", measure(runs, nullptr, [&] {
                   filter.setSideIds(sides++ % 2 == 0 ? QSet<QString>{QStringLiteral("side-1")}
                                                      : QSet<QString>{});
                   (void)filter.facetCount(FacetCounts::Actor, QStringLiteral("actor-7"));
               }));
    }

    // Typing a search at once after opening waits for the search index, built in the background.
    QList<double> firstSearch;
    for (int run = 0; run < runs; ++run) {
        MainWindow fresh;
        fresh.setInteractive(false);
        fresh.openDataset(path);
        QElapsedTimer timer;
        timer.start();
        fresh.filterModel()->setSearchText(QStringLiteral("ceasefire"));
        firstSearch.append(double(timer.nsecsElapsed()) / 1e6);
    }
    report("first search at once after opening", median(firstSearch));
    dataset.reset();
    MainWindow window;
    openShown(window, path);
    EventFilterModel *filter = window.filterModel();
    report("search change until the views are updated", measure(runs, [&] { filter->setSearchText(QString()); settle(); }, [&] {
               filter->setSearchText(QStringLiteral("ceasefire"));
               settle();
           }));
    filter->setSearchText(QString());
    settle();
    report("actor filter until the views are updated", measure(runs, [&] { filter->setActorIds({}); settle(); }, [&] {
               filter->setActorIds({QStringLiteral("actor-7")});
               settle();
           }));
    filter->setActorIds({});
    settle();
    // A side checked in the filter panel, as a user does: the counts beside every value of
    // the panel (the facet counts) are part of it, as in the two lines above.
    QTreeWidget *sideList = window.filterPanel()->sideList();
    report("side checked in the panel until views updated",
           measure(
               runs,
               [&] {
                   filter->setSideIds({});
                   settle();
               },
               [&] {
                   sideList->topLevelItem(1)->setCheckState(0, Qt::Checked);
                   settle();
               }));
    if (sideList->topLevelItem(0)->text(1).isEmpty())
        std::printf("  (facet counts missing from the panel)\n");
    filter->setSideIds({});
    settle();
    // Hidden tabs catch up when shown: what switching to them costs after a filter change.
    QTabWidget *tabs = window.tabs();
    for (const auto &shown : {std::pair{MainWindow::ActorsTab, "show the Actors tab after a search change"},
                              std::pair{MainWindow::SourcesTab, "show the Sources tab after a search change"}}) {
        const int tab = shown.first; // a lambda may not capture a structured binding in C++17
        const char *what = shown.second;
        int searches = 0;
        report(what, measure(runs, [&] {
                   tabs->setCurrentIndex(MainWindow::TimelineTab);
                   filter->setSearchText(searches++ % 2 == 0 ? QStringLiteral("ceasefire") : QStringLiteral("sanctions"));
                   settle();
               }, [&] {
                   tabs->setCurrentIndex(tab);
                   settle();
               }));
    }
    tabs->setCurrentIndex(MainWindow::TimelineTab);
    filter->setSearchText(QString());
    settle();
    // A frame is what one wheel step or arrow key costs: the new range laid out, then
    // painted. Zooming in and out by turns keeps the whole period's density.
    TimelineView *timeline = window.timeline();
    // The event loop runs the deferred overlay update and the paint; a frame that did
    // not paint by then is painted, so every frame counts one paint at least.
    FirstPaint paints;
    timeline->viewport()->installEventFilter(&paints);
    const auto frame = [&](const std::function<void()> &step) {
        paints.painted = false;
        step();
        QCoreApplication::processEvents();
        if (!paints.painted)
            timeline->viewport()->repaint();
    };
    int zooms = 0;
    report("timeline frame, zoom step at the whole period", measure(runs * 4, [&] { settle(); }, [&] {
               frame([&] { timeline->zoomBy(zooms++ % 2 == 0 ? 1.25 : 0.8); });
           }));
    timeline->showWholePeriod();
    settle();
    const double weekStart = timeline->layout().x(QDate(2025, 6, 2));
    timeline->setVisibleRange(weekStart, weekStart + 7);
    settle();
    int pans = 0;
    report("timeline frame, pan step at one week", measure(runs * 4, [&] { settle(); }, [&] {
               frame([&] { timeline->panBy(pans++ % 2 == 0 ? 0.2 : -0.2); });
           }));
    timeline->showWholePeriod();
    settle();
    // The Chronicle, from the middle of the events: each page is rows never measured before
    // (the worst case), laid out and painted.
    tabs->setCurrentIndex(MainWindow::ChronicleTab);
    settle();
    ChronicleView *chronicle = window.chronicleView();
    FirstPaint chroniclePaints;
    chronicle->viewport()->installEventFilter(&chroniclePaints);
    const QModelIndex middle = filter->index(filter->rowCount() / 2, 0);
    window.selectionModel()->setCurrentIndex(middle, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    chronicle->scrollTo(middle, QAbstractItemView::PositionAtTop);
    settle();
    report("chronicle frame, scroll one page", measure(runs * 4, [&] { settle(); }, [&] {
               chroniclePaints.painted = false;
               chronicle->scrollByPixels(chronicle->viewport()->height());
               QCoreApplication::processEvents();
               if (!chroniclePaints.painted)
                   chronicle->viewport()->repaint();
           }));
    report("chronicle: search change until updated", measure(runs, [&] { filter->setSearchText(QString()); settle(); }, [&] {
               filter->setSearchText(QStringLiteral("ceasefire"));
               settle();
           }));
    filter->setSearchText(QString());
    tabs->setCurrentIndex(MainWindow::TimelineTab);
    settle();
    runNewEventFromSelection(window, runs);
    const QString png = dir.filePath(QStringLiteral("export.png"));
    ExportOptions options;
    options.size = QSize(1920, 1080);
    options.scale = 1;
    report("1920x1080 PNG export", measure(runs, nullptr, [&] { window.exportView(png, options, QString(), nullptr); }));
    std::fflush(stdout);
    runViewEdits(window, runs);
    return 0;
}

// A fresh process that uses the app as a person would: one dataset open in the window,
// a search, an actor filter, every tab, a zoom, an export. Its peak memory is the app's.
int measureMemory(const QString &path)
{
    QTemporaryDir dir;
    MainWindow window;
    openShown(window, path);
    window.filterModel()->setSearchText(QStringLiteral("ceasefire"));
    settle();
    window.filterModel()->setActorIds({QStringLiteral("actor-7")});
    settle();
    window.filterModel()->clearFilters();
    for (int tab : {MainWindow::ActorsTab, MainWindow::SourcesTab, MainWindow::ChronicleTab,
                    MainWindow::TimelineTab}) {
        window.tabs()->setCurrentIndex(tab);
        settle();
    }
    window.timeline()->zoomBy(4);
    settle();
    ExportOptions options;
    options.size = QSize(1920, 1080);
    options.scale = 1;
    window.exportView(dir.filePath(QStringLiteral("export.png")), options, QString(), nullptr);
    std::printf("  %-44s %10.1f MB\n\n", "peak resident memory (a session)", peakMemoryMB());
    return 0;
}

double startupToFirstPaint()
{
    QElapsedTimer timer;
    timer.start();
    MainWindow window;
    window.setInteractive(false);
    window.openDataset(Session::defaultDatasetPath);
    FirstPaint paint;
    window.timeline()->viewport()->installEventFilter(&paint);
    window.resize(1280, 800);
    window.show();
    while (!paint.painted)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
    return double(timer.nsecsElapsed()) / 1e6;
}

// A one-article dataset: `text` in article "a", then the events' JSON as given.
QByteArray oneArticleDataset(const QString &text, const QByteArray &events)
{
    return R"({"format":"negotiation-timeline","version":1,"title":"t","offsetUnit":"codepoint","sides":[],)"
           R"("articles":[{"id":"a","title":"a","published":"2030-01-01","text":")" +
           text.toUtf8() + R"("}],"actors":[],"events":[)" + events + "]}";
}

QByteArray hostileEvent(int i, const QString &exact, qint64 start, const QByteArray &claims = {})
{
    QByteArray event = QStringLiteral(R"({"id":"e%1","title":"t","summary":"","kind":"k","status":"occurred",)"
                                      R"("date":{"start":"2030-01-01","precision":"day","basis":"stated"},"participants":[],)"
                                      R"("sources":[{"article":"a","exact":"%2","start":%3,"end":%4}])")
                           .arg(i)
                           .arg(exact)
                           .arg(start)
                           .arg(start + exact.size())
                           .toUtf8();
    if (!claims.isEmpty())
        event += R"(,"disagreements":[{"topic":"t","claims":)" + claims + "}]";
    return event + "}";
}

// Issue 12 items 7, 8 and 9: the --check time of datasets built to make the passage search
// (and the Sources export) slow, each written to a file and read as --check reads it.
int runHostileCases(int runs)
{
    QTemporaryDir dir;
    const auto write = [&](const char *name, const QByteArray &bytes) {
        const QString path = dir.filePath(QString::fromLatin1(name));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    };
    const auto check = [&](const char *what, const QString &path) {
        int problems = 0;
        report(what, measure(runs, nullptr, [&] { problems = int(DatasetReader::readFile(path).diagnostics.size()); }));
        std::printf("  %-44s %10d\n", "  (diagnostics)", problems);
        std::fflush(stdout);
    };
    std::printf("Worst cases of issue 12, median of %d runs\n", runs);
    { // item 7: 10,000 events cite a quote that occurs 100,000 times, each stored 1 off
        QByteArray events;
        for (int i = 0; i < 10000; ++i)
            events += (i ? "," : "") + hostileEvent(i, QStringLiteral("envoys met"), 16 * qint64(i * 7 % 100000) + 5);
        check("item 7: 10,000 x a quote found 100,000 times",
              write("item7.json", oneArticleDataset(QStringLiteral("The envoys met. ").repeated(100000), events)));
    }
    const QString tenMegabytes = QString(10 * 1000 * 1000, u'x') + QStringLiteral(" the final word");
    { // item 8: 1,000 passages whose quote ends a 10 MB text, stored at 0
        QByteArray events;
        for (int i = 0; i < 1000; ++i)
            events += (i ? "," : "") + hostileEvent(i, QStringLiteral("the final word"), 0);
        check("item 8: 1,000 passages at the end of 10 MB", write("item8a.json", oneArticleDataset(tenMegabytes, events)));
    }
    { // item 8: 1,000 claims (two in each of 500 events) not in a 10 MB text
        QByteArray events;
        const QByteArray claim = R"({"article":"a","exact":"words not there","says":"s"})";
        for (int i = 0; i < 500; ++i)
            events += (i ? "," : "") + hostileEvent(i, QStringLiteral("the final word"), 10000001, "[" + claim + "," + claim + "]");
        check("item 8: 1,000 claims not in 10 MB", write("item8b.json", oneArticleDataset(tenMegabytes, events)));
    }
    { // item 9: the Sources view exported with 10,000 passages in one article
        QString text; // as written in JSON: a paragraph break is the escape \n
        qint64 offset = 0;
        QByteArray events;
        for (int i = 0; i < 10000; ++i) {
            const QString sentence = QStringLiteral("Sentence %1 of the article.").arg(i, 5, 10, QChar(u'0'));
            events += (i ? "," : "") + hostileEvent(i, sentence, offset);
            text += sentence + (i % 10 == 9 ? QStringLiteral("\\n") : QStringLiteral(" "));
            offset += sentence.size() + 1;
        }
        // A second, short article (cited once) to switch from in the view.
        events += "," + hostileEvent(10000, QStringLiteral("Short"), 0)
                            .replace(R"("article":"a")", R"("article":"b")");
        QByteArray bytes = oneArticleDataset(QString(), events);
        bytes.replace(R"("text":"")", R"("text":")" + text.toUtf8() + '"');
        bytes.replace(
            R"(],"actors")",
            R"(,{"id":"b","title":"b","published":"2030-01-01","text":"Short."}],"actors")");
        const QString path = write("item9.json", bytes);
        check("item 9: load of 10,000 passages in one article", path);
        MainWindow window;
        openShown(window, path);
        window.tabs()->setCurrentIndex(MainWindow::SourcesTab);
        settle();
        ExportOptions options;
        options.view = ExportOptions::View::Sources;
        options.size = QSize(1920, 1080);
        options.scale = 1;
        const QString png = dir.filePath(QStringLiteral("sources.png"));
        report("item 9: Sources export, 10,000 passages", measure(runs, nullptr, [&] { window.exportView(png, options, QString(), nullptr); }));
        // The view on screen: the article opened from another one, then the current event
        // moved between two passages far apart; each until the view is painted.
        SourcesView *sources = window.sourcesView();
        const auto shownAndPainted = [&] {
            settle();
            sources->repaint();
        };
        report("item 9: Sources view, open the article",
               measure(
                   runs,
                   [&] {
                       sources->showArticle(QStringLiteral("b"));
                       shownAndPainted();
                   },
                   [&] {
                       sources->showArticle(QStringLiteral("a"));
                       shownAndPainted();
                   }));
        if (sources->passageList()->count() != 10000)
            qFatal("the view shows %d passages, not 10,000", int(sources->passageList()->count()));
        QItemSelectionModel *selection = window.selectionModel();
        int changes = 0;
        report("item 9: Sources view, change the current event",
               measure(
                   runs * 4, [&] { settle(); },
                   [&] {
                       const QModelIndex index = window.filterModel()->indexOfEvent(
                           changes++ % 2 == 0 ? QStringLiteral("e100") : QStringLiteral("e9000"));
                       selection->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                             QItemSelectionModel::Rows);
                       shownAndPainted();
                   }));
    }
    return 0;
}

// Reads `path` once, as --check does, in this fresh process: the time, the peak memory and
// the bound docs/security.md promises (three times the file and 100 MB).
int loadForMemory(const QString &path)
{
    QElapsedTimer timer;
    timer.start();
    const DatasetReader::Result result = DatasetReader::readFile(path);
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    const double fileMB = double(QFileInfo(path).size()) / (1024.0 * 1024.0);
    std::printf("  %-34s %8.0f ms %8.1f MB peak (bound %.0f MB) %s\n",
                qPrintable(QFileInfo(path).fileName()), ms, peakMemoryMB(), 3 * fileMB + 100,
                result.ok() ? "loaded" : qPrintable(result.diagnostics.value(0).message.left(40)));
    return 0;
}

// Issue 12 item 5: 120 MB of {} where the reader expects nothing (an unknown member), where
// it expects objects (the sides), and inside one event, each read in a process of its own.
int runHostileMemory()
{
    QTemporaryDir dir;
    std::printf("Peak memory of hostile documents of 120 MB (issue 12, item 5), one process each\n");
    std::fflush(stdout);
    const QByteArray head = R"({"format":"negotiation-timeline","version":1,"title":"t","offsetUnit":"codepoint",)";
    const struct {
        const char *name;
        QByteArray before;
        QByteArray after;
    } cases[] = {
        {"unknown-member.json", head + R"("junk":[)", R"(],"sides":[],"articles":[],"actors":[],"events":[]})"},
        {"sides.json", head + R"("sides":[)", R"(],"articles":[],"actors":[],"events":[]})"},
        {"one-event.json", head + R"("sides":[],"articles":[],"actors":[],"events":[{"id":"e","participants":[)",
         "]}]}"},
    };
    for (const auto &hostile : cases) {
        QByteArray bytes;
        bytes.reserve(121 * 1000 * 1000);
        bytes += hostile.before + "{}";
        while (bytes.size() < 120 * 1000 * 1000)
            bytes += ",{}";
        bytes += hostile.after;
        const QString path = dir.filePath(QString::fromLatin1(hostile.name));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        file.close();
        bytes = QByteArray();
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedChannels);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--load-memory"), path});
        child.waitForFinished(-1);
    }
    return 0;
}

} // namespace

// Saves of `events` synthetic events (texts inline): the synchronous write, and a SaveJob
// while a 1 ms timer ticks on this (the GUI) thread, whose longest gap is how long the
// GUI thread was blocked. Medians of `runs`.
int runSave(int events, int runs) {
    const std::shared_ptr<const Dataset> dataset = makeSyntheticDataset(events);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("saved.json"));
    QList<double> sync, async, gaps, idleGaps;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        QString error;
        if (!DatasetWriter::write(dataset, path, {}, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        sync.append(double(timer.nsecsElapsed()) / 1e6);

        SaveJob job(dataset, path);
        bool done = false;
        bool saved = false;
        QString message;
        QObject::connect(&job, &SaveJob::finished, [&](bool ok, const QString &why) {
            done = true;
            saved = ok;
            message = why;
        });
        QTimer tick;
        tick.setTimerType(Qt::PreciseTimer);
        tick.setInterval(1);
        QElapsedTimer sinceTick;
        qint64 longestGap = 0;
        QObject::connect(&tick, &QTimer::timeout, [&] {
            longestGap = std::max(longestGap, sinceTick.nsecsElapsed());
            sinceTick.restart();
        });
        tick.start();
        // The GUI thread's part begins here: taking the snapshot and starting the job.
        sinceTick.start();
        timer.restart();
        job.start();
        while (!done)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        async.append(double(timer.nsecsElapsed()) / 1e6);
        longestGap = std::max(longestGap, sinceTick.nsecsElapsed());
        gaps.append(double(longestGap) / 1e6);
        // The control: the same timer for as long with no save, to tell the save's share of
        // a gap from the machine's (other processes on the 2 cores).
        {
            qint64 idleGap = 0;
            QElapsedTimer sinceIdleTick;
            QTimer idleTick;
            idleTick.setTimerType(Qt::PreciseTimer);
            idleTick.setInterval(1);
            QObject::connect(&idleTick, &QTimer::timeout, [&] {
                idleGap = std::max(idleGap, sinceIdleTick.nsecsElapsed());
                sinceIdleTick.restart();
            });
            idleTick.start();
            sinceIdleTick.start();
            QElapsedTimer idle;
            idle.start();
            while (idle.elapsed() < qint64(async.last()))
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
            idleGaps.append(double(idleGap) / 1e6);
        }
        if (!saved) {
            std::fprintf(stderr, "%s\n", qPrintable(message));
            return 1;
        }
    }
    std::printf("N = %d events (file %.1f MB), median of %d runs\n", events,
                double(QFileInfo(path).size()) / 1e6, runs);
    report("save (synchronous)", median(sync));
    report("save on a worker thread (SaveJob)", median(async));
    report("longest GUI-thread gap during it", median(gaps));
    report("longest gap as long without a save", median(idleGaps));
    return 0;
}

// A news page as a browser saves it, about `bytes` long: head with metadata and JSON-LD,
// navigation, a cookie banner, scripts and styles, then the article's paragraphs with inline
// markup and entities, an advertisement every few paragraphs, and a footer of links.
QByteArray makeNewsPage(qsizetype bytes) {
    QByteArray page = R"(<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Talks resume | Herald</title><meta property="og:title" content="Talks resume">
<meta property="og:site_name" content="The Herald"><link rel="canonical" href="https://h.example/a">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Talks resume","datePublished":"2025-11-23"}</script>
<style>.ad{display:block}</style><script>var x = "<p>not text</p>";</script></head><body>
<div class="cookie-consent">We use cookies <button>OK</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/w">World</a></li></ul></nav></header>
<main><article><h1>Talks resume in Geneva</h1>
)";
    for (int i = 0; page.size() < bytes; ++i) {
        page += "<p>Paragraph " + QByteArray::number(i) +
                ": the delegations met again on <time datetime=\"2025-11-23\">Sunday</time> in "
                "<a href=\"/geneva\">Geneva</a>, and the mediator said the talks were "
                "<em>&ldquo;constructive&rdquo;</em> &amp; that a second round would follow "
                "next week &mdash; after a pause of several days.</p>\n";
        if (i % 5 == 4)
            page +=
                "<div class=\"ad ad-slot\"><span>Advertisement</span><script>ad()</script></div>\n"
                "<aside class=\"related\"><ul><li><a href=\"/x\">Related "
                "story</a></li></ul></aside>\n";
    }
    page += "</article></main><footer><a href=\"/about\">About</a></footer></body></html>\n";
    return page;
}

int runImport(int runs) {
    runs = std::max(runs, 21);
    const QByteArray page = makeNewsPage(1000 * 1000);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("page.html"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(page) != page.size())
        return 1;
    file.close();
    qsizetype length = 0;
    const double time = measure(runs, {}, [&] {
        const ArticleImporter::Result result = ArticleImporter::importFile(path);
        length = result.ok() ? result.article->text.size() : -1;
    });
    std::printf("Import a %.2f MB HTML page (%lld characters of text), median of %d runs\n",
                double(page.size()) / 1e6, static_cast<long long>(length), runs);
    std::printf("  ArticleImporter::importFile   %8.1f ms   (target 300 ms)\n", time);
    return length > 0 ? 0 : 1;
}

// File → Save in a shown window after one edit: DocumentController's SaveJob, while every
// view is open on `events` events and a 1 ms timer ticks on the GUI thread. Medians of `runs`.
int runWindowSave(int events, int runs) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("window.json"));
    QString error;
    if (!DatasetWriter::write(makeSyntheticDataset(events), path, {}, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    MainWindow window;
    openShown(window, path);
    Document *document = window.session()->document();
    DocumentController *controller = window.documentController();
    QList<double> times, gaps, gapCpus, busiest;
    // The GUI thread's own CPU time, to tell a gap it spent working from one it spent waiting
    // for a core (a machine shared with other builds) or blocked.
    const auto cpuNow = [] {
        timespec now{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
    };
    for (int run = 0; run < runs; ++run) {
        // Another event each time: a step of its own, so the document is modified.
        document->setEventField(document->dataset().events.at(run).id, EventField::Title,
                                QStringLiteral("Edited %1").arg(run));
        settle();
        QTimer tick;
        tick.setTimerType(Qt::PreciseTimer);
        tick.setInterval(1);
        QElapsedTimer sinceTick;
        qint64 longestGap = 0;
        qint64 longestGapCpu = 0; // the GUI thread's CPU time during the longest gap
        qint64 mostCpu = 0;       // the most CPU time it spent between two ticks
        qint64 cpuAtTick = cpuNow();
        const auto endGap = [&] {
            const qint64 gap = sinceTick.nsecsElapsed();
            const qint64 cpu = cpuNow() - cpuAtTick;
            if (gap > longestGap) {
                longestGap = gap;
                longestGapCpu = cpu;
            }
            mostCpu = std::max(mostCpu, cpu);
        };
        QObject::connect(&tick, &QTimer::timeout, [&] {
            endGap();
            sinceTick.restart();
            cpuAtTick = cpuNow();
        });
        tick.start();
        QElapsedTimer timer;
        sinceTick.start();
        timer.start();
        controller->saveAction()->trigger();
        while (controller->isSaving())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        times.append(double(timer.nsecsElapsed()) / 1e6);
        endGap();
        gaps.append(double(longestGap) / 1e6);
        gapCpus.append(double(longestGapCpu) / 1e6);
        busiest.append(double(mostCpu) / 1e6);
        if (!controller->lastSaveError().isEmpty() || document->isModified()) {
            std::fprintf(stderr, "not saved: %s\n", qPrintable(controller->lastSaveError()));
            return 1;
        }
    }
    std::printf("N = %d events, File → Save in the window, median of %d runs\n", events, runs);
    report("save through DocumentController", median(times));
    report("longest GUI-thread gap during it", median(gaps));
    report("  the same, the worst run", *std::max_element(gaps.cbegin(), gaps.cend()));
    report("  GUI-thread CPU time in that gap", median(gapCpus));
    report("most GUI-thread CPU between two ticks", median(busiest));
    report("  the same, the worst run", *std::max_element(busiest.cbegin(), busiest.cend()));
    QFile loadavg(QStringLiteral("/proc/loadavg"));
    if (loadavg.open(QIODevice::ReadOnly))
        std::printf("  load average: %s", loadavg.readAll().constData());
    return 0;
}

// A TimelineJS spreadsheet (CSV) of the dataset's events, as a person keeps one: the date
// columns at each event's precision, the headline, the text and the group.
QByteArray timelineJsCsv(const Dataset &dataset) {
    QByteArray out = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,"
                     "Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Alt Text,"
                     "Type,Group,Background\r\n";
    for (const Event &event : dataset.events) {
        const QDate start = event.date.start;
        const QStringList groups = dataset.eventSideIds(event);
        const Side *side = groups.size() == 1 ? dataset.side(groups.first()) : nullptr;
        out += CsvTable::writeRecord(
            {QString::number(start.year()), QString::number(start.month()),
             QString::number(start.day()), QString(), QString(), QString(), QString(), QString(),
             QString(), event.title, event.summary, QString(), QString(), QString(), QString(),
             QString(), QString(), side ? side->name : QString(), QString()});
    }
    return out;
}

// Issue 17's exports and imports of `events` synthetic events (all of them, in the dataset's
// order), each timed alone: the bytes made, or the batch prepared (not applied). Imports of
// events go into an empty dataset; imports of passages and annotations onto the dataset.
int runInterop(int events, int runs) {
    const std::shared_ptr<const Dataset> dataset = makeSyntheticDataset(events);
    QStringList ids;
    ids.reserve(dataset->events.size());
    qsizetype passages = 0;
    for (const Event &event : dataset->events) {
        ids.append(event.id);
        passages += event.sources.size();
    }
    const Dataset empty;
    std::printf("N = %d events, %lld passages, median of %d runs (wall, this thread's CPU)\n", events,
                static_cast<long long>(passages), runs);
    QByteArray csv, csvPassages, timelineJs, annotations;
    const auto exported = [&](const char *what, QByteArray &bytes,
                              const std::function<QByteArray()> &make) {
        const Times times = measureWithCpu(runs, nullptr, [&] { bytes = make(); });
        std::printf("  %-44s %10.1f ms (CPU %8.1f ms)  %.1f MB\n", what, times.wall, times.cpu,
                    double(bytes.size()) / 1e6);
        std::fflush(stdout);
    };
    exported("export CSV events (write)", csv,
             [&] { return CsvEventsExporter::write(*dataset, ids, false); });
    exported("export CSV passages (writePassages)", csvPassages,
             [&] { return CsvEventsExporter::writePassages(*dataset, ids, false); });
    exported("export TimelineJS JSON", timelineJs,
             [&] { return TimelineJsExporter::write(*dataset, ids, QLocale::c()); });
    exported("export Web Annotation", annotations,
             [&] { return WebAnnotationExporter::write(*dataset, ids); });
    const QByteArray timelineJsSheet = timelineJsCsv(*dataset);
    const auto imported = [&](const char *what, const std::function<ImportBatch()> &read) {
        ImportBatch batch;
        const Times times = measureWithCpu(runs, nullptr, [&] { batch = read(); });
        qsizetype errors = 0;
        for (const Diagnostic &diagnostic : batch.diagnostics)
            errors += diagnostic.isError();
        std::printf("  %-44s %10.1f ms (CPU %8.1f ms)  %lld new, %lld updated, %lld errors\n",
                    what, times.wall, times.cpu, static_cast<long long>(batch.newEvents.size()),
                    static_cast<long long>(batch.updatedEvents.size()),
                    static_cast<long long>(errors));
        std::fflush(stdout);
    };
    imported("import CSV events into an empty dataset",
             [&] { return CsvEventsImporter::read(csv, QStringLiteral("events.csv"), empty); });
    imported("import CSV passages onto the dataset", [&] {
        return CsvPassagesImporter::read(csvPassages, QStringLiteral("passages.csv"), *dataset);
    });
    imported("import TimelineJS JSON into an empty dataset", [&] {
        return TimelineJsImporter::readJson(timelineJs, QStringLiteral("t.timelinejs.json"),
                                            empty);
    });
    imported("import TimelineJS CSV into an empty dataset", [&] {
        return TimelineJsImporter::readCsv(timelineJsSheet, QStringLiteral("t.csv"), empty);
    });
    imported("import Web Annotation onto the dataset", [&] {
        return WebAnnotationImporter::read(annotations, QStringLiteral("a.jsonld"), *dataset);
    });
    // The same annotations onto the articles alone: each one a new event, its date suggested.
    Dataset articlesOnly = *dataset;
    articlesOnly.events.clear();
    imported("import Web Annotation, the articles alone", [&] {
        return WebAnnotationImporter::read(annotations, QStringLiteral("a.jsonld"), articlesOnly);
    });
    return 0;
}

// Issue 17: 1,000 imported events applied to a window on `events` events (every model and
// view following), then undone and redone: wall and process CPU (all threads), settled.
int runImportBatch(int events, int runs) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("import-batch.json"));
    const auto dataset = makeSyntheticDataset(events);
    DatasetWriter::writeFile(*dataset, path);
    MainWindow window;
    openShown(window, path);
    ImportBatch batch;
    batch.sourceName = QStringLiteral("rows.csv");
    for (int i = 0; i < 1000; ++i) {
        Event event = dataset->events.at((i * 97) % dataset->events.size());
        event.id = QStringLiteral("imported-%1").arg(i);
        event.title = QStringLiteral("Imported row %1").arg(i);
        batch.newEvents.append(event);
    }
    Document *document = window.session()->document();
    struct Times {
        QList<double> wall, cpu;
    } apply, undo, redo;
    const auto timed = [](Times &times, const std::function<void()> &step) {
        QElapsedTimer timer;
        timer.start();
        const std::clock_t cpu = std::clock();
        step();
        settle();
        times.cpu.append(double(std::clock() - cpu) * 1000.0 / CLOCKS_PER_SEC);
        times.wall.append(double(timer.nsecsElapsed()) / 1e6);
    };
    for (int run = 0; run < runs; ++run) {
        timed(apply, [&] {
            if (!ImportApplier::apply(*document, batch).applied)
                qFatal("the import was refused");
        });
        timed(undo, [&] { document->undoStack()->undo(); });
        timed(redo, [&] { document->undoStack()->redo(); });
        document->undoStack()->undo();
        settle();
    }
    std::printf("N = %d events, 1,000 imported in the window, median of %d runs (wall / CPU)\n",
                events, runs);
    for (const auto &[what, times] :
         {std::pair<const char *, Times &>{"apply", apply}, {"undo", undo}, {"redo", redo}})
        std::printf("  %-10s %10.1f ms wall %10.1f ms CPU\n", what, median(times.wall),
                    median(times.cpu));
    return 0;
}

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // The main windows made here record recent files: in a test location, not the user's.
    QStandardPaths::setTestModeEnabled(true);
    QStringList arguments = app.arguments();
    int runs = 5;
    QList<int> sizes;
    bool saveOnly = false;
    for (int i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == QLatin1String("--runs") && i + 1 < arguments.size())
            runs = arguments.at(++i).toInt();
        else if (arguments.at(i) == QLatin1String("--events") && i + 1 < arguments.size())
            sizes.append(arguments.at(++i).toInt());
        else if (arguments.at(i) == QLatin1String("--document") && i + 1 < arguments.size()) {
            // The Document's lines alone, on a synthetic dataset made in this process.
            const int events = arguments.at(++i).toInt();
            std::printf("N = %d events, the document alone, median of %d runs\n", events,
                        std::max(runs, 21));
            const auto dataset = makeSyntheticDataset(events);
            runDocumentEdits(dataset, runs);
            runModelEdits(dataset, runs, false);
            runModelEdits(dataset, runs, true);
            return 0;
        } else if (arguments.at(i) == QLatin1String("--view-edits") && i + 1 < arguments.size()) {
            // The window's lines of the edits alone, on a synthetic dataset written here.
            const int events = arguments.at(++i).toInt();
            QTemporaryDir dir;
            const QString path = dir.filePath(QStringLiteral("synthetic.json"));
            DatasetWriter::writeFile(*makeSyntheticDataset(events), path);
            std::printf("N = %d events, edits in the window, median of %d runs\n", events,
                        std::max(runs, 11));
            MainWindow window;
            openShown(window, path);
            runViewEdits(window, runs);
            return 0;
        } else if (arguments.at(i) == QLatin1String("--journal") && i + 1 < arguments.size()) {
            const int events = arguments.at(++i).toInt();
            std::printf("N = %d events, the recovery journal\n", events);
            runJournal(makeSyntheticDataset(events), runs);
            return 0;
        } else if (arguments.at(i) == QLatin1String("--authoring") && i + 1 < arguments.size()) {
            // New Event from Selection alone, in a window on a synthetic dataset.
            const int events = arguments.at(++i).toInt();
            QTemporaryDir dir;
            const QString path = dir.filePath(QStringLiteral("authoring.json"));
            DatasetWriter::writeFile(*makeSyntheticDataset(events), path);
            MainWindow window;
            openShown(window, path);
            std::printf("N = %d events, median of %d runs\n", events, runs * 4);
            runNewEventFromSelection(window, runs);
            return 0;
        } else if (arguments.at(i) == QLatin1String("--import-batch") && i + 1 < arguments.size()) {
            return runImportBatch(arguments.at(++i).toInt(), runs);
        } else if (arguments.at(i) == QLatin1String("--hostile"))
            return runHostileCases(runs);
        else if (arguments.at(i) == QLatin1String("--interop") && i + 1 < arguments.size())
            return runInterop(arguments.at(++i).toInt(), runs);
        else if (arguments.at(i) == QLatin1String("--import"))
            return runImport(runs);
        else if (arguments.at(i) == QLatin1String("--save"))
            saveOnly = true;
        else if (arguments.at(i) == QLatin1String("--hostile-memory"))
            return runHostileMemory();
        else if (arguments.at(i) == QLatin1String("--load-memory") && i + 1 < arguments.size())
            return loadForMemory(arguments.at(++i));
        else if (arguments.at(i) == QLatin1String("--memory") && i + 1 < arguments.size())
            return measureMemory(arguments.at(++i));
        else if (arguments.at(i) == QLatin1String("--child") && i + 2 < arguments.size()) {
            const int events = arguments.at(++i).toInt();
            return runOneSize(events, arguments.at(++i), runs);
        }
    }
    if (sizes.isEmpty())
        sizes = {1000, 10000, 100000};
    if (saveOnly) {
        for (int size : sizes) {
            if (const int code = runSave(size, runs))
                return code;
            if (const int code = runWindowSave(size, runs))
                return code;
        }
        return 0;
    }
    std::printf("Negotiation Timeline benchmark, Qt %s, %d runs each\n\n", qVersion(), runs);
    QList<double> startups;
    for (int run = 0; run < runs; ++run)
        startups.append(startupToFirstPaint());
    std::printf("Default dataset: startup to first paint (in process)   %8.1f ms\n\n", median(startups));
    std::fflush(stdout);
    // Each size in processes of its own: one for the timings, one for the peak memory.
    QTemporaryDir dir;
    for (int size : sizes) {
        const QString path = dir.filePath(QStringLiteral("synthetic-%1.json").arg(size));
        DatasetWriter::writeFile(*makeSyntheticDataset(size), path);
        for (const QStringList &arguments :
             {QStringList{QStringLiteral("--runs"), QString::number(runs), QStringLiteral("--child"), QString::number(size), path},
              QStringList{QStringLiteral("--memory"), path}}) {
            QProcess child;
            child.setProcessChannelMode(QProcess::ForwardedChannels);
            child.start(QCoreApplication::applicationFilePath(), arguments);
            child.waitForFinished(-1);
        }
    }
    return 0;
}
