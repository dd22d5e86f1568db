#include "filterpanel.h"

#include "eventdatetext.h"
#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "modelchangenotifier.h"
#include "plaintext.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QEvent>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <array>
#include <tuple>
#include <vector>

namespace ntl {

namespace {
constexpr int keyRole = Qt::UserRole + 1;
} // namespace

FilterPanel::FilterPanel(EventModel *events, EventFilterModel *filter, QWidget *parent)
    : QWidget(parent)
    , m_events(events)
    , m_filter(filter)
    , m_search(new QLineEdit)
    , m_count(new QLabel)
    , m_clear(new QPushButton(tr("Clear filters")))
    , m_fromEnabled(new QCheckBox(tr("From")))
    , m_from(new QDateEdit)
    , m_toEnabled(new QCheckBox(tr("To")))
    , m_to(new QDateEdit)
{
    m_search->setPlaceholderText(tr("Search titles, summaries, quotes…"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(tr("Events holding every word shown; a word given twice counts once, and "
                            "only the first %1 different words count.")
                             .arg(EventFilterModel::maxSearchWords));
    m_search->setAccessibleName(tr("Search events"));
    m_count->setAccessibleName(tr("Events shown"));
    m_clear->setAccessibleName(tr("Clear all filters"));
    m_fromEnabled->setAccessibleName(tr("Only events from a date"));
    m_toEnabled->setAccessibleName(tr("Only events up to a date"));
    QFont bold = m_count->font();
    bold.setBold(true);
    m_count->setFont(bold);
    m_count->setWordWrap(true); // "47 of 47 events" on two lines rather than cut off

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_search);
    auto *countRow = new QHBoxLayout;
    countRow->addWidget(m_count, 1);
    countRow->addWidget(m_clear);
    outer->addLayout(countRow);

    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // Laid out at the panel's width, names elided and counts in sight: a narrow panel (a small
    // screen) must not push the counts off to the right behind a sideways scroll bar.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *container = new QWidget;
    auto *sections = new QVBoxLayout(container);
    sections->setContentsMargins(0, 0, 4, 0);
    m_sides = addSection(tr("Sides"), container);
    m_actors = addSection(tr("Actors"), container);
    m_kinds = addSection(tr("Kinds"), container);
    m_statuses = addSection(tr("Status"), container);
    m_articles = addSection(tr("Articles"), container);

    auto *dates = new QFormLayout;
    // A date under its check box when the panel is too narrow for both on one line.
    dates->setRowWrapPolicy(QFormLayout::WrapLongRows);
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("d MMM yyyy"));
        edit->setEnabled(false);
    }
    m_from->setAccessibleName(tr("From date"));
    m_to->setAccessibleName(tr("To date"));
    dates->addRow(m_fromEnabled, m_from);
    dates->addRow(m_toEnabled, m_to);
    auto *dateTitle = new QLabel(tr("Date range"));
    dateTitle->setFont(bold);
    sections->addWidget(dateTitle);
    sections->addLayout(dates);
    sections->addStretch(1);
    scroll->setWidget(container);
    outer->addWidget(scroll, 1);

    connect(m_search, &QLineEdit::textChanged, m_filter, &EventFilterModel::setSearchText);
    connect(m_clear, &QPushButton::clicked, this, [this] {
        m_search->clear();
        m_filter->clearFilters();
    });
    for (QTreeWidget *tree : {m_sides, m_actors, m_kinds, m_statuses, m_articles})
        connect(tree, &QTreeWidget::itemChanged, this, &FilterPanel::applyChecks);
    for (QCheckBox *box : {m_fromEnabled, m_toEnabled})
        connect(box, &QCheckBox::toggled, this, &FilterPanel::applyChecks);
    for (QDateEdit *edit : {m_from, m_to})
        connect(edit, &QDateEdit::dateChanged, this, &FilterPanel::applyChecks);
    connect(m_fromEnabled, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_toEnabled, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    connect(m_filter, &EventFilterModel::filtersChanged, this, &FilterPanel::syncFromFilter);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &FilterPanel::updateCount);
    connect(m_events, &QAbstractItemModel::modelReset, this, &FilterPanel::populate);
    // The source too: an edit of a row the filters hide changes the totals and facet counts
    // without a signal of the proxy.
    m_edits = new ModelChangeNotifier(this);
    m_edits->watch(m_events);
    m_edits->watch(m_filter);
    connect(m_edits, &ModelChangeNotifier::changed, this, &FilterPanel::followEdits);

    setTabOrder(m_search, m_clear);
    setTabOrder(m_clear, m_sides);
    setTabOrder(m_sides, m_actors);
    setTabOrder(m_actors, m_kinds);
    setTabOrder(m_kinds, m_statuses);
    setTabOrder(m_statuses, m_articles);
    setTabOrder(m_articles, m_fromEnabled);
    setTabOrder(m_fromEnabled, m_from);
    setTabOrder(m_from, m_toEnabled);
    setTabOrder(m_toEnabled, m_to);
    populate();
}

QTreeWidget *FilterPanel::addSection(const QString &title, QWidget *container)
{
    auto *label = new QLabel(title);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    auto *tree = new QTreeWidget;
    tree->setHeaderHidden(true);
    tree->setColumnCount(2);
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->setAccessibleName(tr("Filter by %1").arg(title.toLower()));
    tree->header()->setStretchLastSection(false);
    tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    // Fixed, as wide as the largest count (set by populate()): ResizeToContents measured every
    // row again on each count's change, seconds at 2,000 articles.
    tree->header()->setSectionResizeMode(1, QHeaderView::Fixed);
    label->setBuddy(tree);
    container->layout()->addWidget(label);
    container->layout()->addWidget(tree);
    return tree;
}

void FilterPanel::populate()
{
    m_syncing = true;
    m_facetItemsBuilt = false;
    for (QList<FacetItem> &items : m_facetItems)
        items.clear();
    for (QTreeWidget *tree : {m_sides, m_actors, m_kinds, m_statuses, m_articles})
        tree->clear();
    const std::shared_ptr<const Dataset> dataset = m_events->dataset();
    if (dataset) {
        // Totals order the actors and say which kinds and statuses occur; the counts shown
        // are the facet counts under the filters (updateFacetCounts).
        QHash<QString, int> perActor, perKind, perStatus;
        const auto total = [this](QHash<QString, int> &counts, const EventModel::RowIds &ids) {
            std::vector<int> perNumber(std::size_t(ids.count()), 0);
            for (int row = 0; row < m_events->rowCount(); ++row) {
                for (const int *number = ids.begin(row); number != ids.end(row); ++number)
                    ++perNumber[std::size_t(*number)];
            }
            for (int number = 0; number < ids.count(); ++number)
                counts.insert(ids.id(number), perNumber[std::size_t(number)]);
        };
        total(perActor, m_events->participants());
        total(perKind, m_events->kinds());
        for (int row = 0; row < m_events->rowCount(); ++row)
            ++perStatus[QString::number(m_events->status(row))];
        const auto [first, last] = EventModel::dateSpan(m_events);
        const auto addItem = [](QTreeWidgetItem *parent, QTreeWidget *tree, const QString &key,
                                const QString &text) {
            auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(tree);
            item->setText(0, text); // QTreeWidget shows item text as plain text
            item->setToolTip(0, PlainText::toolTip(text));
            item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
            item->setToolTip(1, tr("Events it would show under the other filters"));
            item->setData(0, keyRole, key);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
            item->setCheckState(0, Qt::Unchecked);
            return item;
        };
        for (const Side &side : dataset->sides)
            addItem(nullptr, m_sides, side.id, side.name);
        // Actors grouped under their side; the group rows are headings, not filters.
        QHash<QString, QTreeWidgetItem *> groups;
        const auto group = [&](const QString &sideId) {
            if (QTreeWidgetItem *existing = groups.value(sideId))
                return existing;
            const Side *side = dataset->side(sideId);
            auto *heading = new QTreeWidgetItem(m_actors);
            heading->setText(0, side ? side->name : tr("No side"));
            heading->setFlags(Qt::ItemIsEnabled);
            QFont font = heading->font(0);
            font.setBold(true);
            heading->setFont(0, font);
            heading->setFirstColumnSpanned(true);
            groups.insert(sideId, heading);
            return heading;
        };
        for (const Side &side : dataset->sides)
            group(side.id);
        m_actors->setRootIsDecorated(true);
        QList<const Actor *> actors;
        for (const Actor &actor : dataset->actors)
            actors.append(&actor);
        std::stable_sort(actors.begin(), actors.end(), [&](const Actor *a, const Actor *b) {
            return perActor.value(a->id) > perActor.value(b->id);
        });
        for (const Actor *actor : actors)
            addItem(group(dataset->effectiveSideId(actor->id)), m_actors, actor->id, actor->name);
        m_actors->expandAll();
        QStringList kinds;
        for (auto kind = perKind.cbegin(); kind != perKind.cend(); ++kind) {
            if (kind.value() > 0) // an edit numbers a kind and may leave it with no event
                kinds.append(kind.key());
        }
        std::sort(kinds.begin(), kinds.end());
        for (const QString &kind : kinds)
            addItem(nullptr, m_kinds, kind, kind);
        const EventDateText names;
        for (EventStatus status : {EventStatus::Occurred, EventStatus::Planned, EventStatus::Reported, EventStatus::Cancelled}) {
            const QString key = QString::number(int(status));
            if (perStatus.contains(key))
                addItem(nullptr, m_statuses, key, names.statusName(status));
        }
        for (const Article &article : dataset->articles)
            addItem(nullptr, m_articles, article.id, article.title); // named by title, never id
        if (first.isValid()) {
            for (QDateEdit *edit : {m_from, m_to})
                edit->setDateRange(first.addYears(-1), last.addYears(1));
            m_from->setDate(first);
            m_to->setDate(last);
        }
    }
    for (QTreeWidget *tree : {m_sides, m_kinds, m_statuses, m_articles}) {
        // Show every entry without an inner scroll bar when the list is short.
        const int rows = tree->topLevelItemCount();
        tree->setFixedHeight(std::min(rows, 8) * (tree->sizeHintForRow(0) > 0 ? tree->sizeHintForRow(0) : 20) + 6);
    }
    m_actors->setMinimumHeight(180);
    updateCountColumnWidth();
    m_listing = listing();
    m_syncing = false;
    syncFromFilter();
}

QSet<QString> FilterPanel::checkedKeys(QTreeWidget *tree)
{
    QSet<QString> keys;
    for (QTreeWidgetItemIterator it(tree, QTreeWidgetItemIterator::Checked); *it; ++it)
        keys.insert((*it)->data(0, keyRole).toString());
    return keys;
}

void FilterPanel::setChecked(QTreeWidget *tree, const QSet<QString> &keys)
{
    for (QTreeWidgetItemIterator it(tree); *it; ++it) {
        if ((*it)->flags() & Qt::ItemIsUserCheckable)
            (*it)->setCheckState(0, keys.contains((*it)->data(0, keyRole).toString()) ? Qt::Checked : Qt::Unchecked);
    }
}

void FilterPanel::applyChecks()
{
    if (m_syncing)
        return;
    m_filter->setSideIds(checkedKeys(m_sides));
    m_filter->setActorIds(checkedKeys(m_actors));
    m_filter->setKinds(checkedKeys(m_kinds));
    QSet<int> statuses;
    for (const QString &key : checkedKeys(m_statuses))
        statuses.insert(key.toInt());
    m_filter->setStatuses(statuses);
    m_filter->setArticleIds(checkedKeys(m_articles));
    m_filter->setDateRange(m_fromEnabled->isChecked() ? m_from->date() : QDate(),
                           m_toEnabled->isChecked() ? m_to->date() : QDate());
}

void FilterPanel::syncFromFilter()
{
    if (m_syncing)
        return;
    m_syncing = true;
    setChecked(m_sides, m_filter->sideIds());
    setChecked(m_actors, m_filter->actorIds());
    setChecked(m_kinds, m_filter->kinds());
    QSet<QString> statuses;
    for (int status : m_filter->statuses())
        statuses.insert(QString::number(status));
    setChecked(m_statuses, statuses);
    setChecked(m_articles, m_filter->articleIds());
    m_fromEnabled->setChecked(m_filter->fromDate().isValid());
    if (m_filter->fromDate().isValid())
        m_from->setDate(m_filter->fromDate());
    m_toEnabled->setChecked(m_filter->toDate().isValid());
    if (m_filter->toDate().isValid())
        m_to->setDate(m_filter->toDate());
    if (m_search->text() != m_filter->searchText())
        m_search->setText(m_filter->searchText());
    m_syncing = false;
    updateCount();
}

FilterPanel::Listing FilterPanel::listing() const {
    Listing listing;
    const std::shared_ptr<const Dataset> dataset = m_events->dataset();
    if (!dataset)
        return listing;
    listing.sidesRead = dataset->sides;
    listing.actorsRead = dataset->actors;
    listing.articlesRead = dataset->articles;
    if (listing.sidesRead.constData() == m_listing.sidesRead.constData() &&
        listing.actorsRead.constData() == m_listing.actorsRead.constData() &&
        listing.articlesRead.constData() == m_listing.articlesRead.constData()) {
        // The snapshot shares these lists with the one listed (an edit of events only): no
        // need to spell out thousands of articles again.
        listing.sides = m_listing.sides;
        listing.actors = m_listing.actors;
        listing.articles = m_listing.articles;
    } else {
        const QChar separator(0x1f);
        for (const Side &side : dataset->sides)
            listing.sides.append(side.id + separator + side.name);
        for (const Actor &actor : dataset->actors)
            listing.actors.append(actor.id + separator + actor.name + separator +
                                  dataset->effectiveSideId(actor.id));
        for (const Article &article : dataset->articles)
            listing.articles.append(article.id + separator + article.title);
    }
    // Kinds and statuses are listed while some event has them: one pass over the rows' numbers.
    const EventModel::RowIds &kinds = m_events->kinds();
    std::vector<char> kindUsed(std::size_t(std::max(kinds.count(), 0)), 0);
    std::array<char, int(EventStatus::Cancelled) + 1> statusUsed{};
    for (int row = 0; row < m_events->rowCount(); ++row) {
        for (const int *number = kinds.begin(row); number != kinds.end(row); ++number)
            kindUsed[std::size_t(*number)] = 1;
        const int status = m_events->status(row);
        if (status >= 0 && std::size_t(status) < statusUsed.size())
            statusUsed[std::size_t(status)] = 1;
    }
    for (int number = 0; number < kinds.count(); ++number) {
        if (kindUsed[std::size_t(number)])
            listing.kinds.append(kinds.id(number));
    }
    listing.kinds.sort();
    for (std::size_t status = 0; status < statusUsed.size(); ++status) {
        if (statusUsed[status])
            listing.statuses.append(QString::number(status));
    }
    std::tie(listing.first, listing.last) = EventModel::dateSpan(m_events);
    return listing;
}

void FilterPanel::followEdits() {
    if (listing() != m_listing) {
        populate(); // new values (an import's actors, a new kind) or a wider span; counts too
        return;
    }
    updateCountColumnWidth(); // the number of events may have gained a digit
    updateCount();
}

QString FilterPanel::countText() const { return m_count->text(); }

void FilterPanel::updateCount()
{
    m_count->setText(tr("%1 of %2 events").arg(m_filter->rowCount()).arg(m_events->rowCount()));
    m_clear->setEnabled(m_filter->isFiltering());
    updateFacetCounts();
}

void FilterPanel::updateFacetCounts() {
    // Placeholder text is the palette's dimmed text that stays readable; a palette may give
    // disabled text the colour of enabled text (both of ThemePalette's do).
    const QColor dim = palette().color(QPalette::PlaceholderText);
    const std::pair<QTreeWidget *, FacetCounts::Facet> facets[] = {
        {m_sides, FacetCounts::Side},
        {m_actors, FacetCounts::Actor},
        {m_kinds, FacetCounts::Kind},
        {m_statuses, FacetCounts::Status},
        {m_articles, FacetCounts::Article}};
    if (!m_facetItemsBuilt) {
        for (const auto &[tree, facet] : facets) {
            QList<FacetItem> &items = m_facetItems[facet];
            items.clear();
            for (QTreeWidgetItemIterator it(tree); *it; ++it) {
                if ((*it)->flags() & Qt::ItemIsUserCheckable) // not a side heading
                    items.append({*it, (*it)->data(0, keyRole).toString()});
            }
        }
        m_facetItemsBuilt = true;
    }
    for (const auto &[tree, facet] : facets) {
        // Every change of an item is a dataChanged() and an itemChanged(), each handled by the
        // view: at 2,000 articles and 300 actors that took longer than the filtering. The
        // counts change no layout (uniform rows, a fixed column): the rows that changed are
        // repainted (an edit changes a few), or the whole list when many did.
        constexpr int mostRowsRepainted = 32;
        QList<QTreeWidgetItem *> changed;
        const EventModel::RowIds *ids = m_filter->facetIds(facet);
        const QSignalBlocker blocker(tree->model());
        for (FacetItem &entry : m_facetItems[facet]) {
            // A value gets its number when an event first has it; numbers stay until a reset
            // (which lists the values again), checked all the same.
            if (ids && (entry.number < 0 || entry.number >= ids->count() ||
                        ids->id(entry.number) != entry.key))
                entry.number = ids->indexOf(entry.key);
            else if (!ids && entry.number < 0)
                entry.number = entry.key.toInt();
            const int count = m_filter->facetCountOfNumber(facet, entry.number);
            if (count == entry.shown)
                continue;
            entry.shown = count;
            entry.item->setText(1, count < 0 ? QString() : QString::number(count));
            // Dimmed, still checkable: alone it shows nothing under the other filters.
            const QBrush brush = count == 0 ? QBrush(dim) : QBrush();
            entry.item->setForeground(0, brush);
            entry.item->setForeground(1, brush);
            if (changed.size() <= mostRowsRepainted)
                changed.append(entry.item);
        }
        if (changed.size() > mostRowsRepainted) {
            tree->viewport()->update();
        } else {
            for (QTreeWidgetItem *item : std::as_const(changed)) {
                const QRect row = tree->visualItemRect(item);
                if (row.isValid() && row.intersects(tree->viewport()->rect()))
                    tree->viewport()->update(
                        QRect(0, row.top(), tree->viewport()->width(), row.height()));
            }
        }
    }
}

void FilterPanel::updateCountColumnWidth() {
    // No count is larger than the number of events.
    const QString widest = QString::number(std::max(m_events->rowCount(), 10));
    for (QTreeWidget *tree : {m_sides, m_actors, m_kinds, m_statuses, m_articles}) {
        const int width =
            tree->fontMetrics().horizontalAdvance(widest) +
            2 * tree->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, tree) + 8;
        tree->header()->resizeSection(1, width);
    }
}

void FilterPanel::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        // The dimmed colour follows the theme: every item's again.
        for (QList<FacetItem> &items : m_facetItems)
            for (FacetItem &entry : items)
                entry.shown = -2;
        updateFacetCounts();
    }
    else if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateCountColumnWidth();
}

} // namespace ntl
