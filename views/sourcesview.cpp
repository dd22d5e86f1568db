#include "sourcesview.h"

#include "articlemodel.h"
#include "citedarticlesmodel.h"
#include "columnfit.h"
#include "dataset.h"
#include "eventdatetext.h"
#include "eventdetailspanel.h"
#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "passagehighlights.h"
#include "plaintext.h"
#include "sidepalette.h"

#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QScopedValueRollback>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTextBlock>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>
#include <numeric>

namespace ntl {

SourcesView::SourcesView(EventModel *events, EventFilterModel *filter,
                         QItemSelectionModel *selection, ArticleModel *articles, QWidget *parent)
    : QWidget(parent)
    , m_events(events)
    , m_filter(filter)
    , m_selection(selection)
    , m_articles(articles)
    , m_cited(new CitedArticlesModel(this))
    , m_table(new QTableView)
    , m_heading(new QLabel)
    , m_text(new QPlainTextEdit)
    , m_passages(new QListWidget) {
    m_cited->setSourceModel(articles);

    m_table->setModel(m_cited);
    m_text->setAccessibleName(tr("Article text"));
    m_passages->setAccessibleName(tr("Passages in this article"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    // Tab leaves the table for the text instead of walking its cells.
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(ArticleModel::TitleColumn,
                                                      QHeaderView::Stretch);
    // Fitted to what changed: an added event changes its articles' counts.
    new ColumnFit(m_table, m_table->horizontalHeader(),
                  {ArticleModel::PublisherColumn, ArticleModel::PublishedColumn,
                   ArticleModel::PassagesColumn, ArticleModel::EventsColumn});
    m_table->setAccessibleName(tr("Articles"));
    m_table->setAccessibleDescription(tr("Articles cited by the shown events"));

    PlainText::label(QString(), m_heading);
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_heading->setContentsMargins(4, 2, 4, 2);

    // A QPlainTextEdit never interprets markup, loads resources or follows links.
    m_text->setReadOnly(true);
    m_text->setUndoRedoEnabled(false);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setFocusPolicy(Qt::StrongFocus);
    m_text->setTabChangesFocus(true);
    m_text->setAcceptDrops(false);
    m_text->setPlaceholderText(tr("No shown event cites an article."));
    m_text->setAccessibleName(tr("Article text"));
    m_text->viewport()->installEventFilter(this);
    m_text->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_text, &QWidget::customContextMenuRequested, this,
            [this](const QPoint &pos) { showTextMenu(m_text->viewport()->mapFrom(m_text, pos)); });

    // Entries of one height, each line elided: a list view lays out entries of their own
    // heights (wrapped text) all over again on any change, such as the current event's
    // entries turning bold, which took seconds with 10,000 passages. The tooltip holds
    // the whole title.
    m_passages->setUniformItemSizes(true);
    m_passages->setWordWrap(false);
    m_passages->setTextElideMode(Qt::ElideRight);
    // Elided at the list's width: a sideways scroll bar would cut titles off unmarked.
    m_passages->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_passages->setAlternatingRowColors(true); // entries are two lines; this keeps them apart
    m_passages->setSelectionMode(QAbstractItemView::SingleSelection);
    m_passages->setAccessibleName(tr("Passages in this article"));
    m_passages->setAccessibleDescription(
        tr("Each cited passage with its event; choosing one selects the event"));

    auto *textPane = new QWidget;
    auto *textLayout = new QVBoxLayout(textPane);
    textLayout->setContentsMargins(0, 0, 0, 0);
    textLayout->addWidget(m_heading);
    textLayout->addWidget(m_text, 1);

    auto *lower = new QSplitter(Qt::Horizontal);
    lower->addWidget(textPane);
    lower->addWidget(m_passages);
    lower->setStretchFactor(0, 2);
    lower->setStretchFactor(1, 1);
    lower->setChildrenCollapsible(false);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_table);
    splitter->addWidget(lower);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({150, 450});
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    setTabOrder(m_table, m_text);
    setTabOrder(m_text, m_passages);

    // The proxy and selection models connected to these signals first, so they are
    // up to date when refresh() reads them.
    const auto refreshAll = [this] {
        m_fullRefresh = true;
        refresh();
    };
    connect(filter, &EventFilterModel::filtersChanged, this, refreshAll);
    connect(filter, &QAbstractItemModel::modelReset, this, refreshAll);
    connect(articles, &QAbstractItemModel::modelReset, this, refreshAll);
    // The article model follows edits without resets: an article added, removed or cited
    // differently is one of these.
    // An edit may send several of these and the event model's below: one refresh after them all.
    connect(articles, &QAbstractItemModel::rowsInserted, this, &SourcesView::scheduleFullRefresh);
    connect(articles, &QAbstractItemModel::rowsRemoved, this, &SourcesView::scheduleFullRefresh);
    // An added event changes its articles' counts: that alone needs no full refresh.
    connect(articles, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                const bool counts =
                    !roles.isEmpty() && std::all_of(roles.begin(), roles.end(), [](int role) {
                        return role == ArticleModel::EventCountRole ||
                               role == ArticleModel::PassageCountRole || role == Qt::DisplayRole;
                    });
                if (counts) // with a change of the events, which says whether it is full
                    scheduleRefresh();
                else
                    scheduleFullRefresh();
            });
    // An event edited, added or removed (its passages, or whether it is shown).
    connect(events, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) {
                for (int row = first; row <= last; ++row)
                    m_insertedIds.append(
                        m_events->index(row, 0).data(EventModel::EventIdRole).toString());
                scheduleRefresh();
            });
    connect(filter, &QAbstractItemModel::rowsInserted, this, &SourcesView::scheduleRefresh);
    connect(filter, &QAbstractItemModel::rowsRemoved, this, &SourcesView::scheduleFullRefresh);
    // (One the filter hid: its articles may be cited by no event now.)
    connect(events, &QAbstractItemModel::rowsRemoved, this, &SourcesView::scheduleFullRefresh);
    connect(events, &QAbstractItemModel::dataChanged, this, &SourcesView::scheduleFullRefresh);
    connect(selection, &QItemSelectionModel::currentChanged, this,
            &SourcesView::currentEventChanged);
    connect(selection, &QItemSelectionModel::selectionChanged, this,
            &SourcesView::currentEventChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (m_syncingTable || !current.isValid())
                    return;
                setArticle(current.data(ArticleModel::ArticleIdRole).toString());
                // Reading on from the event in hand: show its passage in the new article.
                const int passage = passageOf(currentEventId());
                if (passage >= 0) {
                    scrollToRange(m_shown.at(passage).start, m_shown.at(passage).end, false);
                    selectPassageItem(passage);
                }
            });
    connect(m_passages, &QListWidget::currentRowChanged, this, [this](int row) {
        if (!m_syncingList && row >= 0)
            activatePassage(row, true);
    });
    // Clicking the current entry again brings its passage back into view.
    connect(m_passages, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { activatePassage(m_passages->row(item), true); });
    connect(m_passages, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { activatePassage(m_passages->row(item), true); });

    refresh();
}

void SourcesView::scheduleFullRefresh() {
    m_fullRefresh = true;
    scheduleRefresh();
}

void SourcesView::scheduleRefresh() {
    if (m_refreshScheduled)
        return;
    m_refreshScheduled = true;
    QTimer::singleShot(0, this, [this] {
        if (!m_refreshScheduled)
            return; // done already, when the current event changed
        m_refreshScheduled = false;
        refresh();
    });
}

void SourcesView::addTextActions(const QList<QAction *> &actions) {
    m_textActions += actions;
    if (!m_textBar) {
        m_textBar = new QToolBar(tr("Authoring"));
        m_textBar->setObjectName(QStringLiteral("authoringBar"));
        m_textBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
        m_textBar->setIconSize(QSize(16, 16));
        m_textBar->setAccessibleName(tr("Authoring"));
        // Between the heading and the text: beside what it acts on.
        static_cast<QVBoxLayout *>(m_text->parentWidget()->layout())->insertWidget(1, m_textBar);
    }
    m_textBar->addActions(actions);
}

bool SourcesView::currentPassage(QString *eventId, int *sourceIndex) const {
    const int row = m_passages->currentRow();
    if (row < 0 || row >= m_shown.size())
        return false;
    *eventId = m_shown.at(row).eventId;
    *sourceIndex = m_shown.at(row).sourceIndex;
    return true;
}

QTableView *SourcesView::articleList() const
{
    return m_table;
}

QPlainTextEdit *SourcesView::textView() const
{
    return m_text;
}

QListWidget *SourcesView::passageList() const
{
    return m_passages;
}

QString SourcesView::currentArticleId() const
{
    // Hidden since the filter or the current event changed: catch up, the answer depends on it.
    auto *self = const_cast<SourcesView *>(this);
    if (m_refreshPending)
        self->refreshNow();
    if (m_eventChangePending) {
        self->m_eventChangePending = false;
        self->m_lastEventId.clear();
        self->followCurrentEvent();
    }
    return m_articleId;
}

const Event *SourcesView::eventById(const QString &eventId) const
{
    if (eventId.isEmpty())
        return nullptr;
    return m_events->event(m_events->indexOfEvent(eventId).row());
}

QString SourcesView::currentEventId() const
{
    QModelIndex index = m_selection->currentIndex();
    if (!index.isValid()) {
        const QModelIndexList rows = m_selection->selectedRows();
        if (!rows.isEmpty())
            index = rows.first();
    }
    return index.data(EventModel::EventIdRole).toString();
}

void SourcesView::refresh()
{
    if (!isVisible()) {
        m_refreshPending = true;
        const std::shared_ptr<const Dataset> dataset = m_events->dataset();
        if (dataset != m_textDataset) {
            const Article *before = m_textDataset ? m_textDataset->article(m_articleId) : nullptr;
            const Article *now = dataset ? dataset->article(m_articleId) : nullptr;
            // An edit leaves the text as it is: kept, and setArticle() compares it (and
            // renews the heading) once this view is shown. The old snapshot shares the rest.
            if (!before || !now || before->text != now->text) {
                // Another dataset: let go of the old one (its texts) now, not when next shown.
                const QScopedValueRollback<bool> guard(m_syncingList, true);
                m_textDataset.reset();
                m_shown.clear();
                m_passages->clear();
                m_highlights = PassageHighlights();
                m_text->clear();
            }
        }
        return;
    }
    refreshNow();
}

void SourcesView::refreshNow()
{
    m_refreshPending = false;
    const bool onlyInsertions = !m_fullRefresh && !m_insertedIds.isEmpty();
    m_fullRefresh = false;
    if (onlyInsertions && refreshInsertions()) {
        m_insertedIds.clear();
        return;
    }
    m_insertedIds.clear();
    const QBitArray shown = shownRows();
    refreshCitedArticles(shown);
    const std::shared_ptr<const Dataset> dataset = m_events->dataset();
    QString articleId = m_articleId;
    if (!dataset || !m_citedIds.contains(articleId) || !dataset->article(articleId)) {
        // The shown article is gone or no shown event cites it: prefer the current
        // event's first article, else the first cited one in dataset order.
        articleId.clear();
        if (const Event *event = eventById(currentEventId())) {
            for (const SourcePassage &source : event->sources) {
                if (m_citedIds.contains(source.articleId) && dataset->article(source.articleId)) {
                    articleId = source.articleId;
                    break;
                }
            }
        }
        for (int i = 0; dataset && articleId.isEmpty() && i < dataset->articles.size(); ++i) {
            if (m_citedIds.contains(dataset->articles.at(i).id))
                articleId = dataset->articles.at(i).id;
        }
    }
    m_lastEventId = currentEventId();
    setArticle(articleId);
}

bool SourcesView::refreshInsertions() {
    const std::shared_ptr<const Dataset> dataset = m_events->dataset();
    if (!dataset || m_articleId.isEmpty() || !dataset->article(m_articleId) ||
        m_textDataset == nullptr)
        return false;
    const EventModel::RowIds &articles = m_events->articles();
    QSet<QString> cited = m_citedIds;
    for (const QString &id : std::as_const(m_insertedIds)) {
        const QModelIndex index = m_events->indexOfEvent(id);
        // Hidden, its articles may no longer count as uncited ones: a full pass decides.
        if (!index.isValid() || !m_filter->acceptsSourceRow(index.row()))
            return false;
        for (const int *number = articles.begin(index.row()); number != articles.end(index.row());
             ++number)
            cited.insert(articles.id(*number));
    }
    if (cited != m_citedIds || !m_cited->isFiltering()) {
        m_citedIds = cited;
        const QScopedValueRollback<bool> guard(m_syncingTable, true);
        m_cited->setCitedIds(m_citedIds);
    }
    m_lastEventId = currentEventId();
    setArticle(m_articleId, &m_insertedIds);
    return true;
}

void SourcesView::insertPassages(const QStringList &eventIds) {
    const std::shared_ptr<const Dataset> dataset = m_events->dataset();
    const Article *article = dataset ? dataset->article(m_articleId) : nullptr;
    if (!article)
        return;
    const int length = int(article->text.size());
    const int total = int(dataset->articles.size());
    const auto filterRow = [this](const QString &eventId) {
        return m_filter->indexOfEvent(eventId).row();
    };
    const QScopedValueRollback<bool> guard(m_syncingList, true);
    const EventDateText dateText;
    QFont bold = m_passages->font();
    bold.setBold(true);
    const QSize entrySize(1, 2 * QFontMetrics(bold).lineSpacing() + 4);
    for (const QString &eventId : eventIds) {
        const Event *event = eventById(eventId);
        if (!event || passageOf(eventId) >= 0)
            continue;
        const int row = filterRow(eventId);
        for (int i = 0; i < int(event->sources.size()); ++i) {
            const SourcePassage &source = event->sources.at(i);
            if (source.articleId != m_articleId || source.start < 0 || source.end > length ||
                source.end <= source.start)
                continue;
            const Passage passage{event->id, i, source.start, source.end};
            // rebuildPassages()'s order: text order, then the filter's event order.
            const auto before = [&](const Passage &other) {
                if (other.start != passage.start)
                    return other.start < passage.start;
                if (other.end != passage.end)
                    return other.end < passage.end;
                const int otherRow = filterRow(other.eventId);
                if (otherRow != row)
                    return otherRow < row;
                return other.sourceIndex < passage.sourceIndex;
            };
            const int at = int(std::partition_point(m_shown.cbegin(), m_shown.cend(), before) -
                               m_shown.cbegin());
            m_shown.insert(at, passage);
            const QString mark = EventDetailsPanel::corroborationText(
                int(Dataset::eventArticleIds(*event).size()), total);
            auto *item =
                new QListWidgetItem(QStringLiteral("%1 · %2\n%3")
                                        .arg(dateText.format(event->date), event->title, mark));
            item->setToolTip(PlainText::toolTip(
                QStringLiteral("%1\n\n%2")
                    .arg(event->title,
                         article->text.mid(passage.start, passage.end - passage.start))));
            item->setSizeHint(entrySize);
            m_passages->insertItem(at, item);
        }
    }
}

QList<SourcesView::CitedPassage> SourcesView::citedPassages(const QString &articleId) const {
    // The event model's per-row article numbers, which it keeps up to date through edits: a
    // pass over small integers instead of an index of every passage rebuilt after each edit
    // (10 ms and more at 100,000 events).
    QList<CitedPassage> cited;
    const EventModel::RowIds &articles = m_events->articles();
    const int number = articles.indexOf(articleId);
    if (number < 0)
        return cited;
    const int rows = m_events->rowCount();
    for (int row = 0; row < rows; ++row) {
        if (std::find(articles.begin(row), articles.end(row), number) == articles.end(row))
            continue;
        const Event *event = m_events->event(row);
        for (qsizetype i = 0; event && i < event->sources.size(); ++i) {
            if (event->sources.at(i).articleId == articleId)
                cited.append({row, int(i)});
        }
    }
    return cited;
}

QBitArray SourcesView::shownRows() const
{
    // The filter's own verdicts by source row: no index mapping.
    QBitArray shown(m_events->rowCount());
    for (int row = 0; row < shown.size(); ++row) {
        if (m_filter->acceptsSourceRow(row))
            shown.setBit(row);
    }
    return shown;
}

void SourcesView::refreshCitedArticles(const QBitArray &shown)
{
    m_citedIds.clear();
    const EventModel::RowIds &articles = m_events->articles();
    QBitArray cited(articles.count());
    for (int row = 0; row < shown.size(); ++row) {
        if (!shown.testBit(row))
            continue;
        for (const int *number = articles.begin(row); number != articles.end(row); ++number)
            cited.setBit(*number);
    }
    for (int number = 0; number < cited.size(); ++number) {
        if (cited.testBit(number))
            m_citedIds.insert(articles.id(number));
    }
    // An article no event cites yet (one just imported) is listed too: the next event comes
    // from it, and no filter could have hidden it.
    for (int row = 0; row < m_articles->rowCount(); ++row) {
        const QModelIndex index = m_articles->index(row, 0);
        if (index.data(ArticleModel::EventCountRole).toInt() == 0)
            m_citedIds.insert(index.data(ArticleModel::ArticleIdRole).toString());
    }
    if (m_cited->isFiltering() && m_citedIds == m_cited->citedIds())
        return;
    // Removing the current row moves the table's current row; that is no user choice.
    const QScopedValueRollback<bool> guard(m_syncingTable, true);
    m_cited->setCitedIds(m_citedIds);
}

bool SourcesView::showArticle(const QString &articleId)
{
    const std::shared_ptr<const Dataset> dataset = m_events->dataset();
    if (!dataset || !dataset->article(articleId))
        return false;
    setArticle(articleId);
    return true;
}

void SourcesView::setArticle(const QString &articleId, const QStringList *inserted) {
    const std::shared_ptr<const Dataset> dataset = m_events->dataset();
    bool keptText = articleId == m_articleId && dataset == m_textDataset;
    if (articleId != m_articleId || dataset != m_textDataset) {
        const Article *before = m_textDataset ? m_textDataset->article(m_articleId) : nullptr;
        const Article *article = dataset ? dataset->article(articleId) : nullptr;
        // An edit of the events makes a new dataset with the same article: keep the text, its
        // scroll position and the user's selection, and only move the highlights.
        const bool sameText = articleId == m_articleId && before && article &&
                              before->text.size() == article->text.size() &&
                              before->text == article->text;
        m_articleId = articleId;
        m_textDataset = dataset;
        keptText = sameText;
        if (!sameText)
            m_text->setPlainText(article ? article->text : QString());
        QString heading;
        if (article) {
            QStringList parts{article->title};
            if (!article->publisher.isEmpty())
                parts.append(article->publisher);
            if (article->published.isValid()) {
                const QString date =
                    QLocale().toString(article->published, QStringLiteral("d MMM yyyy"));
                parts.append(article->publishedInferred ? tr("%1 (inferred)").arg(date) : date);
            }
            heading = parts.join(QStringLiteral(" · "));
        }
        PlainText::label(heading, m_heading);
        m_heading->setVisible(!heading.isEmpty());
    }
    if (inserted && keptText)
        insertPassages(*inserted);
    else
        rebuildPassages();
    updateHighlights();
    syncArticleSelection();
}

void SourcesView::syncArticleSelection()
{
    const QModelIndex index = m_cited->mapFromSource(m_articles->indexOfArticle(m_articleId));
    const QScopedValueRollback<bool> guard(m_syncingTable, true);
    QItemSelectionModel *tableSelection = m_table->selectionModel();
    if (!index.isValid()) {
        tableSelection->clear();
        return;
    }
    if (tableSelection->currentIndex().row() != index.row() ||
        !tableSelection->isRowSelected(index.row()))
        tableSelection->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                   QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

void SourcesView::rebuildPassages()
{

    const int previous = m_passages->currentRow();
    const Passage kept =
        previous >= 0 && previous < m_shown.size() ? m_shown.at(previous) : Passage();

    m_shown.clear();
    const std::shared_ptr<const Dataset> dataset = m_events->dataset();
    const Article *article = dataset ? dataset->article(m_articleId) : nullptr;
    QList<const Event *> shownEvents; // parallel to m_shown
    QList<int> filterRows;            // parallel to m_shown: the event's row in the filter
    if (article) {
        const int length = int(article->text.size());
        for (const CitedPassage &cited : citedPassages(article->id)) {
            const QModelIndex shown = m_filter->mapFromSource(m_events->index(cited.row, 0));
            const Event *event = m_events->event(cited.row);
            if (!shown.isValid() || !event)
                continue;
            const SourcePassage &source = event->sources.at(cited.sourceIndex);
            if (source.start < 0 || source.end > length || source.end <= source.start)
                continue;
            m_shown.append({event->id, cited.sourceIndex, source.start, source.end});
            shownEvents.append(event);
            filterRows.append(shown.row());
        }
    }
    // Text order; the event order of the filter breaks ties.
    QList<int> order(m_shown.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const Passage &left = m_shown.at(a);
        const Passage &right = m_shown.at(b);
        if (left.start != right.start)
            return left.start < right.start;
        if (left.end != right.end)
            return left.end < right.end;
        if (filterRows.at(a) != filterRows.at(b))
            return filterRows.at(a) < filterRows.at(b);
        return left.sourceIndex < right.sourceIndex;
    });
    QList<Passage> sorted;
    QList<const Event *> sortedEvents;
    for (int i : order) {
        sorted.append(m_shown.at(i));
        sortedEvents.append(shownEvents.at(i));
    }
    m_shown = sorted;

    const QScopedValueRollback<bool> guard(m_syncingList, true);
    m_passages->clear();
    const EventDateText dateText;
    const int total = dataset ? int(dataset->articles.size()) : 0;
    // As wide as the list, whatever the text: a list lays entries out at their hint's width,
    // and only then elides; two lines of the bold (current) font high.
    QFont bold = m_passages->font();
    bold.setBold(true);
    const QSize entrySize(1, 2 * QFontMetrics(bold).lineSpacing() + 4);
    for (int i = 0; i < m_shown.size(); ++i) {
        const Event *event = sortedEvents.at(i);
        const QString mark = EventDetailsPanel::corroborationText(
            int(Dataset::eventArticleIds(*event).size()), total);
        auto *item = new QListWidgetItem(
            QStringLiteral("%1 · %2\n%3").arg(dateText.format(event->date), event->title, mark));
        const Passage &passage = m_shown.at(i);
        item->setToolTip(PlainText::toolTip(
            QStringLiteral("%1\n\n%2")
                .arg(event->title, article->text.mid(passage.start, passage.end - passage.start))));
        item->setSizeHint(entrySize);
        m_passages->addItem(item);
    }
    const int restored = passageOf(kept.eventId, kept.sourceIndex);
    if (restored >= 0)
        m_passages->setCurrentRow(restored);
}

int SourcesView::passageOf(const QString &eventId, int sourceIndex) const
{
    for (int i = 0; i < m_shown.size(); ++i) {
        const Passage &passage = m_shown.at(i);
        if (passage.eventId == eventId && (sourceIndex < 0 || passage.sourceIndex == sourceIndex))
            return i;
    }
    return -1;
}

void SourcesView::updateHighlights()
{
    const SidePalette colors(palette());
    const QString current = currentEventId();
    // The export's one path: formats on the block layouts, put on in one pass and only
    // where they change, rather than one extra selection per passage (which the text
    // edit walks on every paint): 10,000 passages stay quick to show and to re-emphasise.
    m_highlights = PassageHighlights();
    for (const Passage &passage : std::as_const(m_shown))
        m_highlights.add(passage.start, passage.end, passage.eventId == current);
    QTextCharFormat plain;
    plain.setBackground(colors.passageHighlight(false));
    QTextCharFormat emphasis;
    emphasis.setBackground(colors.passageHighlight(true));
    emphasis.setFontUnderline(true);
    // The document's layout repaints the blocks whose formats changed (and only those when
    // their heights stay): a repaint of the whole page here drew every shown block again.
    m_highlights.apply(*m_text->document(), plain, emphasis);

    // Only the entries whose emphasis changes: each change repaints the list.
    for (int i = 0; i < m_passages->count(); ++i) {
        QListWidgetItem *item = m_passages->item(i);
        const bool bold = m_shown.at(i).eventId == current;
        if (item->font().bold() == bold)
            continue;
        QFont font = m_passages->font();
        font.setBold(bold);
        item->setFont(font);
    }
}

void SourcesView::selectPassageItem(int passage)
{
    const QScopedValueRollback<bool> guard(m_syncingList, true);
    m_passages->setCurrentRow(passage);
    if (QListWidgetItem *item = m_passages->item(passage))
        m_passages->scrollToItem(item);
}

void SourcesView::currentEventChanged()
{
    if (!isVisible()) {
        m_eventChangePending = true; // followed when the view is shown
        return;
    }
    followCurrentEvent();
}

void SourcesView::followCurrentEvent()
{
    if (m_refreshScheduled) {
        // An edit's event (just made, say) selected before the refresh ran: refresh first, so
        // its passages are there to follow.
        m_refreshScheduled = false;
        refreshNow();
    }
    const QString id = currentEventId();
    if (id == m_lastEventId)
        return;
    m_lastEventId = id;
    updateHighlights();
    if (m_selecting || id.isEmpty())
        return;
    // Chosen elsewhere: bring one of its passages into view, in this article if it has one.
    int passage = passageOf(id);
    if (passage < 0) {
        const Event *event = eventById(id);
        const std::shared_ptr<const Dataset> dataset = m_events->dataset();
        if (!event || event->sources.isEmpty() ||
            !dataset->article(event->sources.first().articleId))
            return;
        setArticle(event->sources.first().articleId);
        passage = passageOf(id, 0);
    }
    if (passage < 0)
        return;
    scrollToRange(m_shown.at(passage).start, m_shown.at(passage).end, false);
    selectPassageItem(passage);
}

void SourcesView::selectEvent(const QString &eventId)
{
    const QModelIndex index = m_filter->indexOfEvent(eventId);
    if (!index.isValid())
        return;
    const QScopedValueRollback<bool> guard(m_selecting, true);
    m_selection->setCurrentIndex(index,
                                 QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void SourcesView::activatePassage(int passage, bool scroll)
{
    if (passage < 0 || passage >= m_shown.size())
        return;
    const Passage chosen = m_shown.at(passage); // a copy: selecting may rebuild the list
    selectEvent(chosen.eventId);
    if (scroll)
        scrollToRange(chosen.start, chosen.end, false);
    selectPassageItem(passageOf(chosen.eventId, chosen.sourceIndex));
}

void SourcesView::scrollToRange(int start, int end, bool select)
{
    // Show both ends when the passage fits; the one shown last wins when it does not.
    QTextCursor cursor(m_text->document());
    cursor.setPosition(select ? start : end);
    m_text->setTextCursor(cursor);
    m_text->ensureCursorVisible();
    if (select)
        cursor.setPosition(end, QTextCursor::KeepAnchor);
    else
        cursor.setPosition(start);
    m_text->setTextCursor(cursor);
    m_text->ensureCursorVisible();
}

QList<int> SourcesView::passagesAt(const QPoint &viewportPos) const {
    const QTextCursor at = m_text->cursorForPosition(viewportPos);
    const QRect caret = m_text->cursorRect(at);
    if (viewportPos.y() < caret.top() || viewportPos.y() > caret.bottom())
        return {}; // below the last line
    // cursorForPosition gives the nearest gap between characters; the character under
    // the pointer is the one before that gap when the pointer is on the gap's far side.
    int index = at.position();
    const bool rightToLeft = at.block().textDirection() == Qt::RightToLeft;
    if (index > 0 &&
        (rightToLeft ? viewportPos.x() > caret.left() : viewportPos.x() < caret.left()))
        --index;

    QList<int> hits = m_highlights.passagesAt(index); // added in the order of m_shown
    // The innermost passage first; clicking again steps through overlapping events.
    std::stable_sort(hits.begin(), hits.end(), [this](int a, int b) {
        return m_shown.at(a).end - m_shown.at(a).start < m_shown.at(b).end - m_shown.at(b).start;
    });
    return hits;
}

bool SourcesView::activatePassageAt(const QPoint &viewportPos) {
    const QList<int> hits = passagesAt(viewportPos);
    if (hits.isEmpty())
        return false;
    const QString current = currentEventId();
    int chosen = 0;
    for (int i = 0; i < hits.size(); ++i) {
        if (m_shown.at(hits.at(i)).eventId == current) {
            chosen = (i + 1) % int(hits.size());
            break;
        }
    }
    activatePassage(hits.at(chosen), false);
    return true;
}

void SourcesView::showTextMenu(const QPoint &viewportPos) {
    // On a highlighted passage the menu acts on it: the current event's passage there, else
    // the innermost one (whose event becomes current). The text selection stays as it is.
    const QList<int> hits = passagesAt(viewportPos);
    if (!hits.isEmpty()) {
        const QString current = currentEventId();
        int chosen = hits.first();
        for (int hit : hits) {
            if (m_shown.at(hit).eventId == current) {
                chosen = hit;
                break;
            }
        }
        activatePassage(chosen, false);
    }
    std::unique_ptr<QMenu> menu(m_text->createStandardContextMenu(viewportPos));
    if (!m_textActions.isEmpty()) {
        menu->addSeparator();
        menu->addActions(m_textActions);
    }
    menu->setToolTipsVisible(true); // a disabled action's tooltip says why
    menu->exec(m_text->viewport()->mapToGlobal(viewportPos));
}

bool SourcesView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_text->viewport() && event->type() == QEvent::MouseButtonRelease) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        // A drag that selected text is a selection, not a click on a passage.
        if (mouse->button() == Qt::LeftButton && !m_text->textCursor().hasSelection())
            activatePassageAt(mouse->position().toPoint());
    }
    return QWidget::eventFilter(watched, event);
}

bool SourcesView::showPassage(const QString &eventId, int sourceIndex)
{
    const Event *event = eventById(eventId);
    if (!event || sourceIndex < 0 || sourceIndex >= event->sources.size())
        return false;
    const SourcePassage source = event->sources.at(sourceIndex);
    const std::shared_ptr<const Dataset> dataset = m_events->dataset();
    const Article *article = dataset->article(source.articleId);
    if (!article || source.start < 0 || source.end > article->text.size() ||
        source.end < source.start)
        return false;
    setArticle(article->id);
    selectEvent(eventId);
    const int passage = passageOf(eventId, sourceIndex);
    if (passage >= 0)
        selectPassageItem(passage);
    scrollToRange(source.start, source.end, true);
    return true;
}

void SourcesView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_refreshPending)
        refreshNow();
    if (m_eventChangePending) {
        m_eventChangePending = false;
        m_lastEventId.clear(); // chosen while hidden: follow it now
        followCurrentEvent();
    }
}

void SourcesView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ThemeChange)
        updateHighlights(); // the highlight colours depend on light or dark
}

} // namespace ntl
