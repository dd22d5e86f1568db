#pragma once

#include <QDockWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeView;

namespace ntl {

class ProblemsFilterModel;
class ProblemsModel;
class Session;

// View → Problems: the document's warnings (from reading, and the validator's over what was
// edited since), an icon per severity, a filter box. A click or Enter on a problem selects
// its event in the session's selection, so the details panel shows it; when the filters
// hide that event the panel says so and offers to clear them (it never clears a user's
// filters unasked).
class ProblemsPanel : public QDockWidget {
    Q_OBJECT
public:
    explicit ProblemsPanel(Session *session, QWidget *parent = nullptr);

    ProblemsModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    // The line under the list saying why a problem's event was not selected; hidden otherwise.
    QLabel *notice() const { return m_notice; }
    QPushButton *showHiddenButton() const { return m_showHidden; }

    // Selects the event of the problem at `index` (of view()'s model); false, saying why,
    // when it is about no event or the filters hide it.
    bool showProblem(const QModelIndex &index);

private:
    bool selectEvent(const QString &eventId);
    void clearNotice();

    Session *m_session;
    ProblemsModel *m_model;
    ProblemsFilterModel *m_proxy;
    QLineEdit *m_filterEdit;
    QTreeView *m_view;
    QLabel *m_notice;
    QPushButton *m_showHidden;
    QString m_hiddenEventId;
};

} // namespace ntl
