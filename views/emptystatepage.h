#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QPushButton;

namespace ntl {

// What the central area shows instead of the views when there is nothing to show: either
// "No events match the filters" (naming them, with a button that clears them) or "This
// dataset has no events" (with Open…). Never an empty chart with a made-up date range.
class EmptyStatePage : public QWidget {
    Q_OBJECT
public:
    enum class State { NoMatch, NoEvents, NoDataset, NoArticles };

    explicit EmptyStatePage(QWidget *parent = nullptr);

    // The filters match nothing; `filters` name them as the chips do ("Side: Ukraine"), and
    // `eventsWithout` says how many events each one's removal would show: a button for each
    // that would show some.
    void showNoMatch(const QStringList &filters, const QList<int> &eventsWithout);
    // The dataset open has no events (or, `datasetOpen` false, none is open).
    void showNoEvents(bool datasetOpen);
    // A dataset with neither events nor articles (a new one): what to do first is bring
    // articles in, so the page says so, with Import Articles….
    void showNoArticles();
    State state() const { return m_state; }

    QString title() const;
    QString message() const;
    QPushButton *clearButton() const { return m_clear; }
    QPushButton *openButton() const { return m_open; }
    QPushButton *importButton() const { return m_import; }
    // "Remove Side: Ukraine (3 events)": one per filter whose removal alone shows events, in
    // the order given.
    QList<QPushButton *> removeButtons() const { return m_removeButtons; }

signals:
    void clearFiltersRequested();
    void openRequested();
    void importRequested();
    void removeFilterRequested(int index);

private:
    void setRemovals(const QStringList &filters, const QList<int> &eventsWithout);

    State m_state = State::NoDataset;
    QLabel *m_title;
    QLabel *m_message;
    QLabel *m_hint;
    QPushButton *m_clear;
    QPushButton *m_open;
    QPushButton *m_import;
    QWidget *m_removals;
    QList<QPushButton *> m_removeButtons;
};

} // namespace ntl
