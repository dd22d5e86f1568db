// Views that follow edits (issue 15, item 2): an edit pushed through the session's Document
// shows in the timeline, the chronicle and the details panel, and none of them loses its zoom,
// its scroll position or the selection: a title edit, a date edit, an event added and one
// removed, and each undone.
#include "chronicleview.h"
#include "commands/editsidecommand.h"
#include "datasetwriter.h"
#include "document.h"
#include "eventdetailspanel.h"
#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "mainwindow.h"
#include "session.h"
#include "sidepalette.h"
#include "syntheticdataset.h"
#include "testwindow.h"
#include "timelineview.h"

#include <QAbstractButton>
#include <QChart>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QScatterSeries>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace ntl;

class ViewsEditsTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void timelineShowsEditsAndKeepsZoomAndSelection();
    void timelineLaysOutAnEditInPlaceAsFromScratch();
    void chronicleShowsEditsAndKeepsItsPlace();
    void detailsPanelFollowsTheShownEvent();
    void timelineDrawsARecolouredSide();
    void detailsPanelShowsATitleOrDateEditInPlaceAsRebuilt();
    void detailsPanelShowsAnotherEventAsAFreshPanelWould();

private:
    Document *document() const { return m_window->session()->document(); }
    QString currentId() const {
        return m_window->selectionModel()->currentIndex().data(EventModel::EventIdRole).toString();
    }
    void select(const QString &id) {
        m_window->selectionModel()->setCurrentIndex(m_window->filterModel()->indexOfEvent(id),
                                                    QItemSelectionModel::ClearAndSelect |
                                                        QItemSelectionModel::Rows);
        settleEvents();
    }
    const Event &eventOf(const QString &id) const {
        return document()->dataset().events.at(document()->eventRow(id));
    }

    // What the window's details panel shows, and what a panel built now over the same models
    // and selection would show.
    QStringList shownDetails() const;
    QStringList freshDetails() const;

    QTemporaryDir m_dir;
    MainWindow *m_window = nullptr;
};

namespace {
void describeLayout(const QLayout *layout, QStringList &out);

// A shown widget as a person and a screen reader meet it: a label's object name, text, tooltip,
// accessible name and passage number; a button's accessible name and description.
void describeItem(QLayoutItem *item, QStringList &out) {
    if (QWidget *widget = item->widget()) {
        if (widget->isHidden())
            return;
        if (const auto *label = qobject_cast<const QLabel *>(widget)) {
            out.append(QStringList{label->objectName(), label->text(), label->toolTip(),
                                   label->accessibleName(),
                                   label->property("ntlSourceIndex").toString()}
                           .join(u'|'));
        } else if (const auto *button = qobject_cast<const QAbstractButton *>(widget)) {
            out.append(QStringList{button->objectName(), button->text(), button->accessibleName(),
                                   button->accessibleDescription()}
                           .join(u'|'));
        }
        if (widget->layout())
            describeLayout(widget->layout(), out);
    } else if (const QLayout *layout = item->layout()) {
        describeLayout(layout, out);
    }
}

// In the order shown: a form row by row, a grid row by row, a box item by item.
void describeLayout(const QLayout *layout, QStringList &out) {
    if (const auto *form = qobject_cast<const QFormLayout *>(layout)) {
        for (int row = 0; row < form->rowCount(); ++row) {
            for (const auto role : {QFormLayout::LabelRole, QFormLayout::FieldRole}) {
                if (QLayoutItem *item = form->itemAt(row, role))
                    describeItem(item, out);
            }
        }
    } else if (const auto *grid = qobject_cast<const QGridLayout *>(layout)) {
        for (int row = 0; row < grid->rowCount(); ++row) {
            for (int column = 0; column < grid->columnCount(); ++column) {
                if (QLayoutItem *item = grid->itemAtPosition(row, column))
                    describeItem(item, out);
            }
        }
    } else {
        for (int i = 0; i < layout->count(); ++i)
            describeItem(layout->itemAt(i), out);
    }
}

QStringList panelDetails(const EventDetailsPanel *panel) {
    QStringList out;
    const QScrollArea *scroll = panel->findChild<QScrollArea *>();
    if (scroll && scroll->widget() && scroll->widget()->layout())
        describeLayout(scroll->widget()->layout(), out);
    return out;
}
} // namespace

QStringList ViewsEditsTest::shownDetails() const {
    return panelDetails(m_window->detailsPanel());
}

QStringList ViewsEditsTest::freshDetails() const {
    const EventDetailsPanel fresh(m_window->session()->eventModel(),
                                  m_window->session()->filterModel(), m_window->selectionModel());
    return panelDetails(&fresh);
}

void ViewsEditsTest::initTestCase() {
    useTestSettings("viewseditstest");
    QVERIFY(m_dir.isValid());
    // Enough events that a month in view has labels and the chronicle scrolls far.
    QVERIFY(DatasetWriter::writeFile(*makeSyntheticDataset(600),
                                     m_dir.filePath(QStringLiteral("edits.json"))));
}

void ViewsEditsTest::init() {
    m_window = new MainWindow;
    m_window->setInteractive(false);
    QVERIFY(m_window->openDataset(m_dir.filePath(QStringLiteral("edits.json"))));
    m_window->resize(1280, 800);
    m_window->show();
    settleEvents();
}

void ViewsEditsTest::cleanup() {
    delete m_window;
    m_window = nullptr;
}

void ViewsEditsTest::timelineShowsEditsAndKeepsZoomAndSelection() {
    TimelineView *timeline = m_window->timeline();
    m_window->tabs()->setCurrentIndex(MainWindow::TimelineTab);
    settleEvents();
    timeline->setVisibleRange(timeline->layout().x(QDate(2025, 3, 3)),
                              timeline->layout().x(QDate(2025, 3, 24)));
    settleEvents();
    const QString selected = timeline->labelledEvents().value(0);
    QVERIFY(!selected.isEmpty());
    select(selected); // the current event's label has a place first
    // Labels are placed over a window wider than the view: the ones with a marker in sight.
    QStringList labelled;
    for (const QString &id : timeline->labelledEvents()) {
        if (id != selected && !timeline->markerPositions(id).isEmpty())
            labelled.append(id);
    }
    QVERIFY2(labelled.size() >= 4, qPrintable(QString::number(labelled.size())));
    // The dates in view, which an edit keeps even when the axis squeezes a gap differently.
    const auto daysInView = [&] {
        const QPair<double, double> range = timeline->visibleRange();
        return qMakePair(timeline->layout().dateAt(range.first),
                         timeline->layout().dateAt(range.second));
    };
    const auto before = daysInView();
    const auto checkKept = [&](const char *step) {
        settleEvents();
        QVERIFY2(daysInView() == before, step);
        QVERIFY2(currentId() == selected, step);
    };
    const QPair<double, double> range = timeline->visibleRange();
    // Every event laid out anew (as a lane change does), at the same range.
    const auto relayOut = [&] {
        timeline->setLaneMode(TimelineView::LaneMode::Kind);
        timeline->setLaneMode(TimelineView::LaneMode::Side);
        timeline->setVisibleRange(range.first, range.second);
        settleEvents();
    };
    const auto labelOf = [&](const QString &id) {
        const int at = int(timeline->labelledEvents().indexOf(id));
        return at < 0 ? QString() : timeline->shownLabels().at(at).simplified();
    };

    // A title edit: the label reads the new title.
    const QString titled = labelled.at(0);
    QVERIFY(document()->setEventField(titled, EventField::Title, QStringLiteral("Edited talks")));
    checkKept("title edit");
    QCOMPARE(labelOf(titled), QStringLiteral("Edited talks"));
    // Only this frame was placed again, and it is what a whole new layout places.
    const QStringList labels = timeline->shownLabels();
    relayOut();
    QCOMPARE(timeline->shownLabels(), labels);
    QVERIFY(timeline->visibleRange() == range);
    document()->undoStack()->undo();
    checkKept("title edit undone");
    QVERIFY(!timeline->shownLabels().join(u' ').contains(u"Edited talks"));
    const QString undone = labelOf(titled);
    QVERIFY(undone.isEmpty() || undone == eventOf(titled).title.simplified());

    // A date edit: the event's marker moves a day left, nothing else changes.
    const QString dated = labelled.at(1);
    const QList<QPoint> at = timeline->markerPositions(dated);
    QVERIFY(!at.isEmpty());
    QVERIFY(document()->setEventField(dated, EventField::DateStart,
                                      eventOf(dated).date.start.addDays(-1)));
    checkKept("date edit");
    QVERIFY(!timeline->markerPositions(dated).isEmpty());
    QVERIFY(timeline->markerPositions(dated).first().x() < at.first().x());
    document()->undoStack()->undo();
    checkKept("date edit undone");
    QCOMPARE(timeline->markerPositions(dated), at);

    // An event added in view, then undone.
    Event added = eventOf(dated);
    added.id = QStringLiteral("ev-added-in-view");
    QVERIFY(document()->addEvent(added));
    checkKept("event added");
    QVERIFY(!timeline->markerPositions(added.id).isEmpty());
    document()->undoStack()->undo();
    checkKept("event add undone");
    QVERIFY(timeline->markerPositions(added.id).isEmpty());

    // An event removed, then undone.
    const QString removed = labelled.at(2);
    QVERIFY(document()->removeEvent(removed));
    checkKept("event removed");
    QVERIFY(timeline->markerPositions(removed).isEmpty());
    document()->undoStack()->undo();
    checkKept("event removal undone");
    QVERIFY(!timeline->markerPositions(removed).isEmpty());
}

// A date edit, an event added or removed, and each undone, are laid out in place (one item
// moved in its lanes, the axis re-read only when its busy days change): what that leaves must
// be what laying out every event from scratch gives, for the items and for the labels in view.
void ViewsEditsTest::timelineLaysOutAnEditInPlaceAsFromScratch() {
    TimelineView *timeline = m_window->timeline();
    m_window->tabs()->setCurrentIndex(MainWindow::TimelineTab);
    settleEvents();
    timeline->setVisibleRange(timeline->layout().x(QDate(2025, 3, 3)),
                              timeline->layout().x(QDate(2025, 3, 24)));
    settleEvents();
    const QStringList inView = timeline->labelledEvents();
    QVERIFY(inView.size() >= 4);
    select(inView.at(0));
    // Every title wrapped at this frame's width, as relayout() wraps them (titles wrapped
    // while the window took its size are kept at the width they had then).
    timeline->relayout();
    settleEvents();

    struct State {
        QStringList layout;
        QStringList labels;
        QStringList labelled;
        QList<QRect> rects;
        QList<QList<QPoint>> markers;
        QPair<double, double> range;
    };
    const auto state = [&] {
        State s{timeline->layoutDump(),
                timeline->shownLabels(),
                timeline->labelledEvents(),
                timeline->labelRects(),
                {},
                timeline->visibleRange()};
        for (const QString &id : s.labelled)
            s.markers.append(timeline->markerPositions(id));
        return s;
    };
    int inPlace = timeline->editsLaidOutInPlace();
    const auto checkAsFromScratch = [&](const char *step) {
        settleEvents();
        QVERIFY2(timeline->editsLaidOutInPlace() == inPlace + 1, step); // not from scratch
        inPlace = timeline->editsLaidOutInPlace();
        const State edited = state();
        timeline->relayout();
        settleEvents();
        const State fresh = state();
        for (qsizetype i = 0; i < std::max(edited.layout.size(), fresh.layout.size()); ++i) {
            QVERIFY2(edited.layout.value(i) == fresh.layout.value(i),
                     qPrintable(QStringLiteral("%1: in place \"%2\", from scratch \"%3\"")
                                    .arg(QLatin1String(step), edited.layout.value(i),
                                         fresh.layout.value(i))));
        }
        QVERIFY2(edited.range == fresh.range, step);
        QVERIFY2(edited.labelled == fresh.labelled, step);
        QVERIFY2(edited.labels == fresh.labels, step);
        QVERIFY2(edited.rects == fresh.rects, step);
        QVERIFY2(edited.markers == fresh.markers, step);
    };

    // A date edit a day earlier, in view, and undone.
    const QString dated = inView.at(1);
    QVERIFY(document()->setEventField(dated, EventField::DateStart,
                                      eventOf(dated).date.start.addDays(-1)));
    checkAsFromScratch("date edited");
    document()->undoStack()->undo();
    checkAsFromScratch("date edit undone");
    // A start long before the data (a span now): a new busy day, so the axis itself changes
    // and every item moves along it, and undone.
    const QDate first = timeline->layout().dateAt(0.5);
    QVERIFY(document()->setEventField(dated, EventField::DateStart, first.addDays(-400)));
    checkAsFromScratch("date moved before the data");
    document()->undoStack()->undo();
    checkAsFromScratch("date move before the data undone");

    // An event added in view, and undone; one added past the data.
    Event added = eventOf(inView.at(2));
    added.id = QStringLiteral("ev-added-in-place");
    QVERIFY(document()->addEvent(added));
    checkAsFromScratch("event added");
    QVERIFY(!timeline->markerPositions(added.id).isEmpty());
    document()->undoStack()->undo();
    checkAsFromScratch("event add undone");
    added.id = QStringLiteral("ev-added-far");
    added.date.start = timeline->layout().dateAt(timeline->layout().maxX() - 0.5).addDays(300);
    added.date.end = added.date.start;
    QVERIFY(document()->addEvent(added));
    checkAsFromScratch("event added past the data");

    // An event removed, and undone.
    const QString removed = inView.at(3);
    QVERIFY(document()->removeEvent(removed));
    checkAsFromScratch("event removed");
    QVERIFY(timeline->markerPositions(removed).isEmpty());
    document()->undoStack()->undo();
    checkAsFromScratch("event removal undone");
    QVERIFY(!timeline->markerPositions(removed).isEmpty());
}

void ViewsEditsTest::chronicleShowsEditsAndKeepsItsPlace() {
    m_window->tabs()->setCurrentIndex(MainWindow::ChronicleTab);
    settleEvents();
    ChronicleView *chronicle = m_window->chronicleView();
    EventFilterModel *filter = m_window->filterModel();
    chronicle->scrollTo(filter->index(300, 0), QAbstractItemView::PositionAtTop);
    chronicle->scrollByPixels(7);
    settleEvents();
    const QString top = chronicle->topIndex().data(EventModel::EventIdRole).toString();
    const int offset = chronicle->topOffset();
    QVERIFY(offset > 0);
    const QList<int> rows = chronicle->shownRows();
    QVERIFY(rows.size() >= 3);
    const QString selected = filter->index(rows.at(1), 0).data(EventModel::EventIdRole).toString();
    select(selected);
    QCOMPARE(chronicle->topIndex().data(EventModel::EventIdRole).toString(), top);
    const auto checkKept = [&](const char *step) {
        settleEvents();
        QVERIFY2(chronicle->topIndex().data(EventModel::EventIdRole).toString() == top, step);
        QVERIFY2(chronicle->topOffset() == offset, step);
        QVERIFY2(currentId() == selected, step);
    };

    // A title edit of an entry on screen: the entry reads it.
    const QString titled = filter->index(rows.at(2), 0).data(EventModel::EventIdRole).toString();
    QVERIFY(document()->setEventField(titled, EventField::Title, QStringLiteral("Edited talks")));
    checkKept("title edit");
    QVERIFY(chronicle->entryText(filter->indexOfEvent(titled)).contains(u"Edited talks"));
    document()->undoStack()->undo();
    checkKept("title edit undone");
    QVERIFY(!chronicle->entryText(filter->indexOfEvent(titled)).contains(u"Edited talks"));

    // Rows above the top: an event dated before all, one removed, one's date moved.
    const QString early = filter->index(5, 0).data(EventModel::EventIdRole).toString();
    Event added = eventOf(early);
    added.id = QStringLiteral("ev-added-first");
    added.date.start = added.date.end = QDate(2020, 1, 1);
    added.date.precision = DatePrecision::Day;
    QVERIFY(document()->addEvent(added));
    checkKept("event added above");
    QCOMPARE(filter->indexOfEvent(added.id).row(), 0);
    document()->undoStack()->undo();
    checkKept("event add undone");
    QVERIFY(document()->removeEvent(early));
    checkKept("event removed above");
    document()->undoStack()->undo();
    checkKept("event removal undone");
    QVERIFY(document()->setEventField(early, EventField::DateStart,
                                      eventOf(early).date.start.addDays(-1)));
    checkKept("date edit above");
    document()->undoStack()->undo();
    checkKept("date edit undone");

    // The top entry itself removed: the one after it takes its place.
    const QString next =
        filter->index(chronicle->topIndex().row() + 1, 0).data(EventModel::EventIdRole).toString();
    QVERIFY(document()->removeEvent(top));
    settleEvents();
    QCOMPARE(chronicle->topIndex().data(EventModel::EventIdRole).toString(), next);
    document()->undoStack()->undo();
    settleEvents();
    QVERIFY(chronicle->shownRows().contains(filter->indexOfEvent(top).row()));
}

void ViewsEditsTest::detailsPanelFollowsTheShownEvent() {
    EventDetailsPanel *panel = m_window->detailsPanel();
    const QString shown = document()->dataset().events.at(10).id;
    const QString oldTitle = eventOf(shown).title;
    select(shown);
    QCOMPARE(panel->currentEventId(), shown);
    const auto panelShows = [&](const QString &text) {
        const QList<QLabel *> labels = panel->findChildren<QLabel *>();
        return std::any_of(labels.cbegin(), labels.cend(),
                           [&](const QLabel *label) { return label->text().contains(text); });
    };
    QVERIFY(panelShows(oldTitle));
    QScrollArea *scroll = panel->findChild<QScrollArea *>();
    QVERIFY(scroll);

    // Another event's edit leaves the panel's widgets as they are.
    const QWidget *content = scroll->widget();
    QVERIFY(document()->setEventField(document()->dataset().events.at(20).id, EventField::Title,
                                      QStringLiteral("Someone else's")));
    settleEvents();
    QCOMPARE(scroll->widget(), content);

    QVERIFY(document()->setEventField(shown, EventField::Title, QStringLiteral("Edited talks")));
    settleEvents();
    QVERIFY(panelShows(QStringLiteral("Edited talks")));
    document()->undoStack()->undo();
    settleEvents();
    QVERIFY(!panelShows(QStringLiteral("Edited talks")));
    QVERIFY(panelShows(oldTitle));

    const QString place = QStringLiteral("Palais des Nations");
    QVERIFY(document()->setEventField(shown, EventField::Place, place));
    settleEvents();
    QVERIFY(panelShows(place));

    QVERIFY(document()->removeEvent(shown));
    settleEvents();
    QVERIFY(panel->currentEventId() != shown);
    QVERIFY(!panelShows(place));
    document()->undoStack()->undo();
    settleEvents();
    select(shown);
    QCOMPARE(panel->currentEventId(), shown);
    QVERIFY(panelShows(place));
}

void ViewsEditsTest::timelineDrawsARecolouredSide() {
    // A side's own colour is the colour its legend entry (and its events' marks) are drawn in,
    // from the edit on; undone, the lane's colour again.
    TimelineView *timeline = m_window->timeline();
    m_window->tabs()->setCurrentIndex(MainWindow::TimelineTab);
    settleEvents();
    const Side side = document()->dataset().sides.at(0);
    const auto legendColor = [&]() -> QColor {
        for (QAbstractSeries *series : timeline->chart()->series()) {
            auto *scatter = qobject_cast<QScatterSeries *>(series);
            if (scatter && scatter->name() == side.name.toHtmlEscaped())
                return scatter->color();
        }
        return {};
    };
    const QColor lane = SidePalette(timeline->palette()).color(0);
    QCOMPARE(legendColor(), lane);
    Side recoloured = side;
    recoloured.color = QStringLiteral("#1b7837");
    QVERIFY2(document()->push(new EditSideCommand(document(), side.id, recoloured,
                                                  QStringLiteral("Recolour Side"))),
             qPrintable(document()->lastError()));
    settleEvents();
    const QColor expected = SidePalette(timeline->palette(), &document()->dataset()).color(0);
    if (!SidePalette::isDarkPalette(timeline->palette()))
        QCOMPARE(expected, QColor(0x1b, 0x78, 0x37)); // drawn as chosen on a light background
    QCOMPARE(legendColor(), expected);
    document()->undoStack()->undo();
    settleEvents();
    QCOMPARE(legendColor(), lane);
}

// An edit of the shown event sets its labels in place (the panel's widgets stay); what they
// show equals what a panel built now shows.
void ViewsEditsTest::detailsPanelShowsATitleOrDateEditInPlaceAsRebuilt() {
    EventDetailsPanel *panel = m_window->detailsPanel();
    QScrollArea *scroll = panel->findChild<QScrollArea *>();
    QVERIFY(scroll);
    const QString shown = document()->dataset().events.at(12).id;
    select(shown);
    // The widgets shown before an edit are marked: still marked after it, they were kept.
    const char *mark = "beforeTheEdit";
    scroll->widget()->setProperty(mark, true);
    const auto check = [&](const char *step) {
        settleEvents();
        QVERIFY2(scroll->widget()->property(mark).toBool(), step);
        const QStringList edited = shownDetails();
        const QStringList fresh = freshDetails();
        QVERIFY2(edited.contains(QStringLiteral("title|") + eventOf(shown).title +
                                 QStringLiteral("|||")),
                 step);
        QVERIFY2(edited == fresh,
                 qPrintable(QStringLiteral("%1: in place %2, fresh %3")
                                .arg(QLatin1String(step), edited.join(QLatin1String("; ")),
                                     fresh.join(QLatin1String("; ")))));
    };
    const Event before = eventOf(shown);
    QVERIFY(document()->setEventField(shown, EventField::Title, QStringLiteral("Edited talks")));
    check("title edited");
    document()->undoStack()->undo();
    check("title edit undone");
    QVERIFY(document()->setEventField(shown, EventField::DateStart, before.date.start.addDays(-3)));
    check("date edited");
    QVERIFY(document()->setEventField(shown, EventField::DateExpression,
                                      QStringLiteral("three days before")));
    check("date expression edited");
    QVERIFY(document()->setEventField(shown, EventField::Status,
                                      QVariant::fromValue(EventStatus::Planned)));
    check("status edited");
    for (int step = 0; step < 3; ++step)
        document()->undoStack()->undo();
    check("date edits undone");
    QCOMPARE(eventOf(shown).date.start, before.date.start);
    // Any other field too, in the same widgets.
    QVERIFY(document()->setEventField(shown, EventField::Place, QStringLiteral("Geneva")));
    check("place edited");
    QVERIFY(document()->setEventField(shown, EventField::Note, QStringLiteral("Checked twice")));
    check("note edited");
    QVERIFY(document()->removePassage(shown, 0));
    check("a passage removed");
    for (int step = 0; step < 3; ++step)
        document()->undoStack()->undo();
    check("place, note and passage undone");
}

// Selecting another event gives the panel's widgets that event's texts (rows added or removed
// as its lists need), and it then shows what a panel built for it shows: nothing left over from
// the event before (a note, a place, a participant, a passage, a disagreement or a claim).
void ViewsEditsTest::detailsPanelShowsAnotherEventAsAFreshPanelWould() {
    EventDetailsPanel *panel = m_window->detailsPanel();
    QScrollArea *scroll = panel->findChild<QScrollArea *>();
    QVERIFY(scroll);
    // Events of every shape: with disagreements (of different sizes), with many passages and
    // participants, with few, with a note and a place, with neither, with no participant.
    const EventList &events = document()->dataset().events;
    QStringList withDisagreements;
    QString manySources, oneSource, manyParticipants;
    for (const Event &event : events) {
        if (!event.disagreements.isEmpty())
            withDisagreements.append(event.id);
        if (event.disagreements.isEmpty() && event.sources.size() >= 4 && manySources.isEmpty())
            manySources = event.id;
        if (event.disagreements.isEmpty() && event.sources.size() == 1 && oneSource.isEmpty())
            oneSource = event.id;
        if (event.participants.size() >= 3 && manyParticipants.isEmpty() && event.id != manySources)
            manyParticipants = event.id;
    }
    QVERIFY(withDisagreements.size() >= 2);
    // The fewest claims and the most (their columns differ when the counts do).
    const auto claims = [&](const QString &id) {
        return eventOf(id).disagreements.at(0).claims.size();
    };
    std::stable_sort(withDisagreements.begin(), withDisagreements.end(),
                     [&](const QString &a, const QString &b) { return claims(a) < claims(b); });
    withDisagreements = {withDisagreements.first(), withDisagreements.last()};
    QVERIFY(!manySources.isEmpty() && !oneSource.isEmpty() && !manyParticipants.isEmpty());
    const QString noted = events.at(30).id;
    QVERIFY(document()->setEventField(noted, EventField::Note, QStringLiteral("Checked twice")));
    QVERIFY(document()->setEventField(noted, EventField::Place, QStringLiteral("Geneva")));
    QVERIFY(document()->setEventField(noted, EventField::DateNote, QStringLiteral("Uncertain")));
    const QString alone = events.at(31).id;
    while (!eventOf(alone).participants.isEmpty())
        QVERIFY(document()->removeParticipant(alone, 0));
    settleEvents();

    const QStringList order = {
        manySources, withDisagreements.at(0), oneSource, noted,       withDisagreements.at(1),
        alone,       manyParticipants,        noted,     manySources, withDisagreements.at(0)};
    select(order.first());
    const QWidget *content = scroll->widget();
    QSignalSpy activated(panel, &EventDetailsPanel::quoteActivated);
    for (const QString &id : order) {
        select(id);
        QCOMPARE(panel->currentEventId(), id);
        // The same widgets, not a panel built anew.
        QCOMPARE(scroll->widget(), content);
        const QStringList shown = shownDetails();
        const QStringList fresh = freshDetails();
        QVERIFY2(
            shown.contains(QStringLiteral("title|") + eventOf(id).title + QStringLiteral("|||")),
            qPrintable(id));
        QVERIFY2(shown == fresh, qPrintable(QStringLiteral("%1: shown %2, fresh %3")
                                                .arg(id, shown.join(QLatin1String("; ")),
                                                     fresh.join(QLatin1String("; ")))));
        // A kept button speaks for the event shown now.
        auto *showQuote =
            scroll->widget()->findChild<QAbstractButton *>(QStringLiteral("showQuote"));
        QVERIFY(showQuote);
        showQuote->click();
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.takeFirst().at(0).toString(), id);
    }
    // No event: the placeholder alone, as a fresh panel has it.
    m_window->selectionModel()->clear();
    settleEvents();
    QCOMPARE(shownDetails(), freshDetails());
    QCOMPARE(shownDetails().size(), 1);
}

QTEST_MAIN(ViewsEditsTest)
#include "viewseditstest.moc"
