#pragma once

#include <QList>
#include <QStringList>
#include <QWidget>

#include <functional>

class QPushButton;
class QToolButton;

namespace ntl {

class EventFilterModel;
class EventModel;
class FlowLayout;

// A bar above the views that names every active filter as a chip ("Side: Ukraine ×",
// "Search: witkoff ×", "From 23 Nov 2025 ×"), one per value, with "Clear all" at the end.
// The × of a chip (or Delete or Backspace on it) removes just that filter from the
// EventFilterModel; the filter panel follows the model. Hidden while nothing is filtered, so
// a stray filter (say, "Show only this actor's events") is always in sight.
class FilterChipsBar : public QWidget {
    Q_OBJECT
public:
    FilterChipsBar(EventModel *events, EventFilterModel *filter, QWidget *parent = nullptr);

    // What each chip says, in order ("Side: Ukraine").
    QStringList chipTexts() const;
    // Each chip's remove button, in the order of chipTexts().
    QList<QToolButton *> removeButtons() const { return m_removeButtons; }
    QPushButton *clearAllButton() const { return m_clearAll; }
    // Removes the filter of chip `index` (as its × does).
    void removeChip(int index);
    // How many events would show without chip `index`'s filter (the others kept); -1 when
    // there is no such chip.
    int eventsWithout(int index) const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Chip {
        QString text;
        std::function<void(EventFilterModel *)> remove; // takes the chip's filter out of that one
    };
    // The active filters as chips, in the order of EventFilterModel::ActiveFilter::Field.
    QList<Chip> chips() const;
    void rebuild();

    EventModel *m_events;
    EventFilterModel *m_filter;
    FlowLayout *m_flow;
    QPushButton *m_clearAll;
    QList<Chip> m_chips;
    QList<QWidget *> m_chipWidgets;
    QList<QToolButton *> m_removeButtons;
    bool m_paletteChanged = false;
};

} // namespace ntl
