#include "problemspanel.h"

#include "columnfit.h"
#include "diagnostictext.h"
#include "document.h"
#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "problemsfiltermodel.h"
#include "problemsmodel.h"
#include "session.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace ntl {

ProblemsPanel::ProblemsPanel(Session *session, QWidget *parent)
    : QDockWidget(tr("Problems"), parent)
    , m_session(session)
    , m_model(new ProblemsModel(this))
    , m_proxy(new ProblemsFilterModel(this))
    , m_filterEdit(new QLineEdit)
    , m_view(new QTreeView)
    , m_notice(new QLabel)
    , m_showHidden(new QPushButton(tr("Clear Filters and Show It"))) {
    setObjectName(QStringLiteral("problemsPanel"));
    m_model->setDocument(session->document());
    m_proxy->setSourceModel(m_model);

    m_filterEdit->setObjectName(QStringLiteral("problemsFilter"));
    m_filterEdit->setPlaceholderText(tr("Filter problems"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setAccessibleName(tr("Filter problems"));
    connect(m_filterEdit, &QLineEdit::textChanged, m_proxy,
            &ProblemsFilterModel::setFilterFixedString);

    m_view->setObjectName(QStringLiteral("problemsList"));
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAccessibleName(tr("Problems"));
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(ProblemsModel::MessageColumn, QHeaderView::Stretch);
    // Fitted to what changed, not measured again on each edit (nor while the dock is hidden).
    new ColumnFit(m_view, m_view->header(), {ProblemsModel::LocationColumn});
    // A click selects at once; activated is Enter (and a double click on some styles).
    connect(m_view, &QTreeView::clicked, this, &ProblemsPanel::showProblem);
    connect(m_view, &QTreeView::activated, this, &ProblemsPanel::showProblem);

    m_notice->setObjectName(QStringLiteral("problemsNotice"));
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setWordWrap(true);
    m_showHidden->setObjectName(QStringLiteral("problemsShowHidden"));
    connect(m_showHidden, &QPushButton::clicked, this, [this] {
        const QString id = m_hiddenEventId;
        m_session->filterModel()->clearFilters();
        selectEvent(id);
    });

    auto *contents = new QWidget;
    auto *layout = new QVBoxLayout(contents);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_filterEdit);
    layout->addWidget(m_view, 1);
    auto *noticeRow = new QHBoxLayout;
    noticeRow->addWidget(m_notice, 1);
    noticeRow->addWidget(m_showHidden);
    layout->addLayout(noticeRow);
    setWidget(contents);
    clearNotice();
    // The list changes under the notice: a problem it spoke of may be gone.
    connect(m_model, &QAbstractItemModel::modelReset, this, &ProblemsPanel::clearNotice);
}

void ProblemsPanel::clearNotice() {
    m_hiddenEventId.clear();
    m_notice->clear();
    m_notice->hide();
    m_showHidden->hide();
}

bool ProblemsPanel::showProblem(const QModelIndex &index) {
    if (!index.isValid())
        return false;
    const QString eventId = index.data(ProblemsModel::EventIdRole).toString();
    if (eventId.isEmpty()) {
        clearNotice();
        m_notice->setText(tr("This problem is about no event: there is nothing to select."));
        m_notice->show();
        return false;
    }
    return selectEvent(eventId);
}

bool ProblemsPanel::selectEvent(const QString &eventId) {
    clearNotice();
    const QModelIndex source = m_session->eventModel()->indexOfEvent(eventId);
    const QModelIndex shown = m_session->filterModel()->mapFromSource(source);
    if (!shown.isValid()) {
        if (!source.isValid())
            return false; // removed meanwhile; its problems went with it
        // Clearing the user's filters unasked would lose them: say so, offer it.
        m_hiddenEventId = eventId;
        const QString title = source.data(EventModel::TitleRole).toString();
        m_notice->setText(
            tr("The filters hide the event “%1”.").arg(DiagnosticText::shortTitle(title)));
        m_notice->show();
        m_showHidden->show();
        return false;
    }
    m_session->selectionModel()->setCurrentIndex(shown, QItemSelectionModel::ClearAndSelect |
                                                            QItemSelectionModel::Rows);
    return true;
}

} // namespace ntl
