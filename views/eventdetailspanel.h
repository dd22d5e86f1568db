#pragma once

#include "citation.h"

#include <QBoxLayout>
#include <QWidget>

#include <memory>

class QItemSelectionModel;

class QLabel;
class QScrollArea;

namespace ntl {

struct Dataset;
struct Event;
struct SourcePassage;
class EventFilterModel;
class EventModel;

// Details of the current event: title, the date as a person says it with the article's
// own words and how it was resolved, place, participants with roles, a corroboration
// mark, every source passage as a quote under its article's title (click: open it in
// the Sources view; a button copies it with its citation), disagreements side by side.
// Its widgets are built once and given each shown event's texts (rows added or removed as
// the lists need): building them anew, text shaped for each, was most of a selection change.
class EventDetailsPanel : public QWidget {
    Q_OBJECT
public:
    EventDetailsPanel(EventModel *events, EventFilterModel *filter, QItemSelectionModel *selection,
                      QWidget *parent = nullptr);
    ~EventDetailsPanel() override;

    QString currentEventId() const;
    // Passage `sourceIndex` of the current event in `format` (model/citation.h), as the
    // button's menu puts it on the clipboard; the button itself copies PlainText:
    // "“passage” — Publisher, “Article title”, 25 Nov 2025, URL".
    QString citation(int sourceIndex, Citation::Format format = Citation::Format::PlainText) const;

    // How many articles report an event, as a mark and in words: "●●○○○ 2 of 5 articles".
    static QString corroborationText(int articleCount, int articleTotal);

signals:
    // The user clicked quote number `sourceIndex` of event `eventId`.
    void quoteActivated(const QString &eventId, int sourceIndex);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Parts;
    struct SourceRow;
    struct DisagreementBlock;

    void refresh();
    // The widgets, built once; fill() gives them the current event's texts (or none).
    void build();
    void fill();
    void showParticipants(const Event &event);
    void showSources(const Event &event);
    void showDisagreements(const Event &event);
    SourceRow makeSourceRow(int index);
    void showDateBasis(const Event &event, QLabel *label) const;
    QString articleTitle(const QString &articleId) const;
    QString quoteText(const SourcePassage &source) const;
    void copyCitation(int sourceIndex, Citation::Format format);
    // Each quote's buttons: side by side, or one above the other when the panel is too narrow
    // for both (a narrow panel must not cut its content off at the right).
    void fitButtonRows();
    // Each disagreement's claims: two columns side by side, or one column when the panel is too
    // narrow for two (their minimum widths add up; the page must not get wider than the panel).
    void fitClaimColumns();
    // The width the page's content has at the panel's width.
    int pageRoom() const;

    EventModel *m_events;
    EventFilterModel *m_filter;
    QItemSelectionModel *m_selection;
    QScrollArea *m_scroll;
    std::shared_ptr<const Dataset> m_dataset; // keeps m_event alive
    const Event *m_event = nullptr;
    QString m_eventId;
    bool m_shown = false;
    std::unique_ptr<Parts> m_parts;
};

} // namespace ntl
