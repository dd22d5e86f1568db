#pragma once

#include <QWidget>

class QItemSelectionModel;
class QPushButton;
class QTableView;

namespace ntl {

class ActorModel;
class ActorSortModel;
class EventFilterModel;
class TimelineView;

// The Actors view: a table of actors (name, title, side, events, first and last
// appearance) beside per-actor lanes of the filtered events. Selecting an actor rings
// their events in the chart; a button filters every view to that actor.
class ActorsView : public QWidget
{
    Q_OBJECT
public:
    ActorsView(ActorModel *actors, EventFilterModel *filter, QItemSelectionModel *selection,
               QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    TimelineView *chart() const { return m_chart; }
    QPushButton *filterButton() const { return m_filterButton; }
    QString currentActorId() const;

signals:
    void eventActivated(const QString &eventId);

private:
    ActorModel *m_actors;
    ActorSortModel *m_sorted;
    EventFilterModel *m_filter;
    QTableView *m_table;
    TimelineView *m_chart;
    QPushButton *m_filterButton;
};

} // namespace ntl
