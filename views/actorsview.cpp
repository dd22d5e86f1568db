#include "actorsview.h"

#include "actormodel.h"
#include "columnfit.h"
#include "actorsortmodel.h"
#include "eventfiltermodel.h"
#include "timelineview.h"

#include <QHeaderView>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace ntl {

ActorsView::ActorsView(ActorModel *actors, EventFilterModel *filter, QItemSelectionModel *selection,
                       QWidget *parent)
    : QWidget(parent)
    , m_actors(actors)
    , m_sorted(new ActorSortModel(this))
    , m_filter(filter)
    , m_table(new QTableView)
    , m_chart(new TimelineView(filter, selection))
    , m_filterButton(new QPushButton(tr("Show only this actor's events")))
{
    m_sorted->setSourceModel(actors);
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ActorModel::SideColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->horizontalHeader()->setSectionResizeMode(ActorModel::TitleColumn, QHeaderView::Stretch);
    // Fitted to what changed: an edit of an event changes its actors' counts.
    QList<int> fitted;
    for (int column = 0; column < ActorModel::ColumnCount; ++column)
        if (column != ActorModel::TitleColumn)
            fitted.append(column);
    new ColumnFit(m_table, m_table->horizontalHeader(), fitted);
    m_table->setAccessibleName(tr("Actors"));
    m_chart->setLaneMode(TimelineView::LaneMode::Actor);
    m_chart->setAccessibleName(tr("Actor lanes"));
    m_filterButton->setEnabled(false);
    m_filterButton->setAccessibleName(tr("Filter all views to the selected actor"));

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_table, 1);
    leftLayout->addWidget(m_filterButton);

    auto *scroll = new QScrollArea;
    scroll->setWidget(m_chart);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    // The lanes need the width of the time axis; the table reads fine below them.
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(scroll);
    splitter->addWidget(left);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({480, 260});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        const QString id = currentActorId();
        m_chart->setHighlightedActor(id);
        m_filterButton->setEnabled(!id.isEmpty());
    });
    connect(m_filterButton, &QPushButton::clicked, this, [this] {
        const QString id = currentActorId();
        if (!id.isEmpty())
            m_filter->setActorIds({id});
    });
    connect(m_chart, &TimelineView::eventActivated, this, &ActorsView::eventActivated);
    setTabOrder(m_table, m_filterButton);
    setTabOrder(m_filterButton, m_chart);
}

QString ActorsView::currentActorId() const
{
    return m_table->currentIndex().data(ActorModel::ActorIdRole).toString();
}

} // namespace ntl
