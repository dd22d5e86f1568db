#pragma once

#include <QWidget>

class QItemSelectionModel;

namespace ntl {

class EventFilterModel;
class EventModel;

// Details of the current event: title, the date as a person says it with the article's
// own words and how it was resolved, place, participants with roles, a corroboration
// mark, every source passage as a quote under its article's title (click: open it in
// the Sources view; a button copies it with its citation), disagreements side by side.
class EventDetailsPanel : public QWidget
{
    Q_OBJECT
public:
    EventDetailsPanel(EventModel *events, EventFilterModel *filter, QItemSelectionModel *selection,
                      QWidget *parent = nullptr);

    QString currentEventId() const;
    // "“passage” — Article title, Publisher, 25 Nov 2025" as put on the clipboard.
    QString citation(int sourceIndex) const;

signals:
    // The user clicked quote number `sourceIndex` of event `eventId`.
    void quoteActivated(const QString &eventId, int sourceIndex);
};

} // namespace ntl
