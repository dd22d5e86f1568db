#include "eventdetailspanel.h"

#include "dataset.h"
#include "diagnostictext.h"
#include "eventdatetext.h"
#include "eventfield.h"
#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "formrows.h"
#include "plaintext.h"

#include <QClipboard>
#include <QFrame>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMimeData>
#include <QMouseEvent>
#include <QResizeEvent>
#include <QScrollArea>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace ntl {

namespace {
// Where a quote label keeps the number of its source passage.
const char *const sourceIndexProperty = "ntlSourceIndex";
// More dots than this read worse than the numbers alone.
constexpr int maxCorroborationDots = 10;

QString corroborationWords(int articleCount, int articleTotal) {
    return articleTotal == 1
               ? EventDetailsPanel::tr("%1 of 1 article").arg(articleCount)
               : EventDetailsPanel::tr("%1 of %2 articles").arg(articleCount).arg(articleTotal);
}

QString roleName(ParticipantRole role) {
    switch (role) {
    case ParticipantRole::Party:
        return EventDetailsPanel::tr("party");
    case ParticipantRole::Mediator:
        return EventDetailsPanel::tr("mediator");
    case ParticipantRole::Host:
        return EventDetailsPanel::tr("host");
    case ParticipantRole::Speaker:
        return EventDetailsPanel::tr("speaker");
    case ParticipantRole::Target:
        return EventDetailsPanel::tr("target");
    case ParticipantRole::Mentioned:
        return EventDetailsPanel::tr("mentioned");
    }
    return {};
}

QString publishedText(const Article &article) {
    if (!article.published.isValid())
        return {};
    const QString date = QLocale().toString(article.published, QStringLiteral("d MMM yyyy"));
    return article.publishedInferred ? EventDetailsPanel::tr("published %1 (inferred)").arg(date)
                                     : EventDetailsPanel::tr("published %1").arg(date);
}

QLabel *styledLabel(const QString &text, bool bold, bool italic = false) {
    QLabel *label = PlainText::label(text);
    QFont font = label->font();
    font.setBold(bold);
    font.setItalic(italic);
    label->setFont(font);
    return label;
}

// Sets a label's text only when it changed: each new text is laid out again.
void setText(QLabel *label, const QString &text) {
    if (label->text() != text)
        label->setText(text);
}

// A label that shows only with text; hidden, it has none (nothing stale to find or read out).
void setShownText(QLabel *label, const QString &text) {
    setText(label, text);
    label->setHidden(text.isEmpty());
}

// A widget that only groups others, adding no margin of its own.
QWidget *plainContainer() {
    return new QWidget;
}

// Out of the panel now (its layout lets it go), deleted later: this may run inside a handler of
// one of its widgets.
void discard(QWidget *widget) {
    widget->hide();
    widget->setParent(nullptr);
    widget->deleteLater();
}

QLabel *heading(const QString &text) {
    QLabel *label = styledLabel(text, true);
    label->setContentsMargins(0, 8, 0, 0);
    return label;
}
} // namespace

EventDetailsPanel::EventDetailsPanel(EventModel *events, EventFilterModel *filter,
                                     QItemSelectionModel *selection, QWidget *parent)
    : QWidget(parent)
    , m_events(events)
    , m_filter(filter)
    , m_selection(selection)
    , m_scroll(new QScrollArea) {
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    // Labels wrap to the panel's width instead of scrolling sideways.
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_scroll);
    setAccessibleName(tr("Event details"));

    connect(selection, &QItemSelectionModel::currentChanged, this, &EventDetailsPanel::refresh);
    connect(selection, &QItemSelectionModel::selectionChanged, this, &EventDetailsPanel::refresh);
    // A reset clears the selection model without a signal of its own.
    connect(filter, &QAbstractItemModel::modelReset, this, &EventDetailsPanel::refresh);
    // A filter change remaps the rows; the current event may be filtered out without
    // the selection model saying so.
    connect(filter, &QAbstractItemModel::layoutChanged, this, &EventDetailsPanel::refresh);
    connect(filter, &EventFilterModel::filtersChanged, this, &EventDetailsPanel::refresh);
    // Edits: the shown event's new values (refresh() rebuilds only when they are new), and a
    // removal that took the current event with it.
    connect(filter, &QAbstractItemModel::dataChanged, this, &EventDetailsPanel::refresh);
    connect(filter, &QAbstractItemModel::rowsRemoved, this, &EventDetailsPanel::refresh);
    refresh();
}

QString EventDetailsPanel::currentEventId() const {
    return m_eventId;
}

QString EventDetailsPanel::corroborationText(int articleCount, int articleTotal) {
    if (articleTotal <= 0)
        return tr("no articles");
    articleCount = qBound(0, articleCount, articleTotal);
    const QString words = corroborationWords(articleCount, articleTotal);
    if (articleTotal > maxCorroborationDots)
        return words;
    return QStringLiteral("%1%2 %3").arg(QString(articleCount, u'●'),
                                         QString(articleTotal - articleCount, u'○'), words);
}

void EventDetailsPanel::refresh() {
    QModelIndex current = m_selection->currentIndex();
    if (!current.isValid()) {
        const QModelIndexList rows = m_selection->selectedRows();
        if (!rows.isEmpty())
            current = rows.first();
    }
    const Event *event = nullptr;
    if (current.isValid() && current.model() == m_filter)
        event = m_events->event(m_filter->mapToSource(current).row());
    const std::shared_ptr<const Dataset> dataset = m_events->dataset();
    const QString id = event ? event->id : QString();
    // Snapshots share what an edit did not change: the same event at the same address, the
    // same lists of sides, actors and articles (whose names the panel shows). Another event's
    // edit leaves the panel as it is.
    const auto sameParts = [](const Dataset *a, const Dataset *b) {
        return a == b || (a && b && a->sides.constData() == b->sides.constData() &&
                          a->actors.constData() == b->actors.constData() &&
                          a->articles.constData() == b->articles.constData());
    };
    if (m_shown && id == m_eventId && event == m_event &&
        sameParts(dataset.get(), m_dataset.get())) {
        m_dataset = dataset; // the event lives in both; keep the newer one
        return;
    }
    m_dataset = dataset;
    m_event = event;
    m_eventId = id;
    fill();
}

QString EventDetailsPanel::articleTitle(const QString &articleId) const {
    const Article *article = m_dataset ? m_dataset->article(articleId) : nullptr;
    return article ? article->title : articleId;
}

QString EventDetailsPanel::quoteText(const SourcePassage &source) const {
    // The article's own words where the passage was anchored, so a citation is verbatim.
    const Article *article = m_dataset ? m_dataset->article(source.articleId) : nullptr;
    if (article && source.start >= 0 && source.end > source.start &&
        source.end <= article->text.size())
        return article->text.mid(source.start, source.end - source.start);
    return source.exact;
}

QString EventDetailsPanel::citation(int sourceIndex, Citation::Format format) const {
    if (!m_event || sourceIndex < 0 || sourceIndex >= m_event->sources.size())
        return {};
    const SourcePassage &source = m_event->sources.at(sourceIndex);
    return Citation::format(format, quoteText(source), m_dataset->article(source.articleId));
}

void EventDetailsPanel::copyCitation(int sourceIndex, Citation::Format format) {
    const QString text = citation(sourceIndex, format);
    if (text.isEmpty())
        return;
    auto *data = new QMimeData;
    data->setText(text);
    // Editors that take Markdown paste it as such; the rest take the plain text.
    if (format == Citation::Format::Markdown)
        data->setData(QStringLiteral("text/markdown"), text.toUtf8());
    QGuiApplication::clipboard()->setMimeData(data);
}

void EventDetailsPanel::showDateBasis(const Event &event, QLabel *label) const {
    if (!m_event) {
        setShownText(label, QString());
        label->setToolTip(QString());
        return;
    }
    EventDate named = event.date;
    // The anchor article by its title, shortened in the sentence; whole in the tooltip.
    const QString anchorTitle =
        named.anchorArticleId.isEmpty() ? QString() : articleTitle(named.anchorArticleId);
    if (!named.anchorArticleId.isEmpty())
        named.anchorArticleId = tr("“%1”").arg(DiagnosticText::shortTitle(anchorTitle));
    QString basis = EventDateText().describeBasis(named);
    if (!event.date.expression.isEmpty())
        basis = tr("“%1” — %2").arg(event.date.expression, basis);
    else if (!basis.isEmpty())
        basis[0] = basis.at(0).toUpper();
    setShownText(label, basis);
    label->setToolTip(anchorTitle.isEmpty()
                          ? QString()
                          : tr("Resolved from the publication date of “%1”").arg(anchorTitle));
}

struct EventDetailsPanel::SourceRow {
    QFrame *box = nullptr;
    QLabel *article = nullptr;
    QLabel *meta = nullptr;
    QLabel *quote = nullptr;
    QToolButton *show = nullptr;
    QBoxLayout *buttons = nullptr;
};

struct EventDetailsPanel::DisagreementBlock {
    struct Column {
        QFrame *frame = nullptr;
        QLabel *article = nullptr;
        QLabel *quote = nullptr;
        QLabel *says = nullptr;
    };
    QWidget *block = nullptr;
    QLabel *topic = nullptr;
    QGridLayout *columns = nullptr;
    QList<Column> claims;
};

struct EventDetailsPanel::Parts {
    QVBoxLayout *layout = nullptr;
    int stretchIndex = 0;
    QLabel *placeholder = nullptr;
    QLabel *title = nullptr;
    QLabel *summary = nullptr;
    QWidget *facts = nullptr;
    std::unique_ptr<FormRows> form;
    QLabel *date = nullptr;
    QLabel *basis = nullptr;
    QLabel *dateNote = nullptr;
    QLabel *place = nullptr;
    QWidget *who = nullptr;
    QList<QLabel *> participants;
    QLabel *kind = nullptr;
    QLabel *corroboration = nullptr;
    QLabel *note = nullptr;
    QLabel *sourcesHeading = nullptr;
    QWidget *sources = nullptr;
    QList<SourceRow> sourceRows;
    QLabel *disagreementsHeading = nullptr;
    QWidget *disagreements = nullptr;
    QList<DisagreementBlock> disagreementBlocks;
};

EventDetailsPanel::~EventDetailsPanel() = default;

void EventDetailsPanel::build() {
    m_parts = std::make_unique<Parts>();
    Parts &p = *m_parts;
    auto *content = new QWidget;
    p.layout = new QVBoxLayout(content);
    p.placeholder = PlainText::label(QString());
    p.placeholder->setObjectName(QStringLiteral("placeholder"));
    p.placeholder->setAlignment(Qt::AlignCenter);
    p.layout->addWidget(p.placeholder, 1);

    p.title = styledLabel(QString(), true);
    p.title->setObjectName(QStringLiteral("title"));
    QFont titleFont = p.title->font();
    if (titleFont.pointSizeF() > 0)
        titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    else
        titleFont.setPixelSize(titleFont.pixelSize() * 7 / 5);
    p.title->setFont(titleFont);
    p.layout->addWidget(p.title);
    p.summary = PlainText::label(QString());
    p.layout->addWidget(p.summary);

    p.facts = plainContainer();
    p.form = std::make_unique<FormRows>(p.facts);
    auto *when = plainContainer();
    auto *whenLayout = new QVBoxLayout(when);
    whenLayout->setContentsMargins(0, 0, 0, 0);
    p.date = PlainText::label(QString());
    p.date->setObjectName(QStringLiteral("date"));
    whenLayout->addWidget(p.date);
    p.basis = PlainText::label(QString());
    p.basis->setObjectName(QStringLiteral("dateBasis"));
    whenLayout->addWidget(p.basis);
    p.dateNote = PlainText::label(QString());
    p.dateNote->setObjectName(QStringLiteral("dateNote"));
    whenLayout->addWidget(p.dateNote);
    p.form->addRow(tr("When"), when);
    p.place = PlainText::label(QString());
    p.form->addRow(tr("Where"), p.place);
    p.who = plainContainer();
    (new QVBoxLayout(p.who))->setContentsMargins(0, 0, 0, 0);
    p.form->addRow(tr("Who"), p.who);
    p.kind = PlainText::label(QString());
    p.form->addRow(tr("Kind"), p.kind);
    p.corroboration = PlainText::label(QString());
    p.corroboration->setObjectName(QStringLiteral("corroboration"));
    p.form->addRow(tr("Reported by"), p.corroboration);
    p.note = PlainText::label(QString());
    p.note->setObjectName(QStringLiteral("note"));
    p.form->addRow(tr("Note"), p.note);
    p.layout->addWidget(p.facts);

    p.sourcesHeading = heading(QString());
    p.layout->addWidget(p.sourcesHeading);
    p.sources = plainContainer();
    (new QVBoxLayout(p.sources))->setContentsMargins(0, 0, 0, 0);
    p.layout->addWidget(p.sources);
    p.disagreementsHeading = heading(QString());
    p.layout->addWidget(p.disagreementsHeading);
    p.disagreements = plainContainer();
    (new QVBoxLayout(p.disagreements))->setContentsMargins(0, 0, 0, 0);
    p.layout->addWidget(p.disagreements);

    p.stretchIndex = p.layout->count();
    p.layout->addStretch(1);
    m_scroll->setWidget(content);
}

void EventDetailsPanel::fill() {
    if (!m_parts)
        build();
    Parts &p = *m_parts;
    // Without an event every text is empty (and its label hidden), every list empty.
    static const Event none;
    const bool any = m_event != nullptr;
    const Event &event = any ? *m_event : none;
    setShownText(p.placeholder, any ? QString() : tr("Select an event to see its sources."));
    // The placeholder takes the page's height, centred; an event's details stand at the top.
    p.layout->setStretch(p.stretchIndex, any ? 1 : 0);
    setShownText(p.title, event.title);
    setShownText(p.summary, event.summary);

    setShownText(p.date,
                 any ? EventDateText().formatWithStatus(event.date, event.status) : QString());
    showDateBasis(event, p.basis);
    setShownText(p.dateNote, event.date.note);
    setShownText(p.place, event.place);
    p.form->setRowVisible(p.place, !event.place.isEmpty());
    showParticipants(event);
    p.form->setRowVisible(p.who, !event.participants.isEmpty());
    setShownText(p.kind, event.kind);
    p.form->setRowVisible(p.kind, !event.kind.isEmpty());
    if (any) {
        const int articleCount = int(Dataset::eventArticleIds(event).size());
        const int articleTotal = int(m_dataset->articles.size());
        setShownText(p.corroboration, corroborationText(articleCount, articleTotal));
        // Screen readers read the words, not a row of circles.
        p.corroboration->setAccessibleName(
            tr("Reported by %1")
                .arg(corroborationWords(qMin(articleCount, articleTotal), articleTotal)));
    } else {
        setShownText(p.corroboration, QString());
        p.corroboration->setAccessibleName(QString());
    }
    setShownText(p.note, event.note);
    p.form->setRowVisible(p.note, !event.note.isEmpty());
    p.facts->setVisible(any);

    setShownText(p.sourcesHeading, event.sources.isEmpty() ? QString() : tr("Sources"));
    showSources(event);
    setShownText(p.disagreementsHeading,
                 event.disagreements.isEmpty() ? QString() : tr("Disagreements"));
    showDisagreements(event);
    fitButtonRows();
    m_shown = true;
}

void EventDetailsPanel::showParticipants(const Event &event) {
    Parts &p = *m_parts;
    const int count = int(event.participants.size());
    while (p.participants.size() < count) {
        QLabel *label = PlainText::label(QString());
        p.who->layout()->addWidget(label);
        p.participants.append(label);
    }
    while (p.participants.size() > count)
        discard(p.participants.takeLast());
    for (int i = 0; i < count; ++i) {
        const Participant &participant = event.participants.at(i);
        const Actor *actor = m_dataset->actor(participant.actorId);
        QString name = actor ? actor->name : participant.actorId;
        if (actor && !actor->title.isEmpty())
            name = tr("%1, %2").arg(name, actor->title);
        setText(p.participants.at(i), tr("%1 — %2").arg(name, roleName(participant.role)));
    }
}

EventDetailsPanel::SourceRow EventDetailsPanel::makeSourceRow(int i) {
    SourceRow row;
    row.box = new QFrame;
    row.box->setFrameShape(QFrame::StyledPanel);
    auto *boxLayout = new QVBoxLayout(row.box);
    row.article = styledLabel(QString(), true);
    boxLayout->addWidget(row.article);
    row.meta = PlainText::label(QString());
    boxLayout->addWidget(row.meta);
    row.quote = styledLabel(QString(), false, true);
    row.quote->setObjectName(QStringLiteral("quote"));
    row.quote->setContentsMargins(12, 2, 0, 2);
    row.quote->setProperty(sourceIndexProperty, i);
    row.quote->setToolTip(tr("Click to show this passage in its article"));
    row.quote->installEventFilter(this);
    boxLayout->addWidget(row.quote);

    row.buttons = new QHBoxLayout;
    row.show = new QToolButton;
    row.show->setText(tr("Show in article"));
    row.show->setAutoRaise(true);
    row.show->setFocusPolicy(Qt::StrongFocus);
    row.show->setObjectName(QStringLiteral("showQuote"));
    row.show->setAccessibleName(tr("Show quote %1 in its article").arg(i + 1));
    // The event shown when clicked: the row serves every event that has an i-th passage.
    connect(row.show, &QToolButton::clicked, this,
            [this, i] { emit quoteActivated(m_eventId, i); });
    auto *copy = new QToolButton;
    copy->setText(tr("Copy citation"));
    copy->setToolTip(tr("Copy the quote with its publisher, article title, date and link; "
                        "the arrow offers the quote alone, Markdown and Chicago style"));
    copy->setAutoRaise(true);
    copy->setFocusPolicy(Qt::StrongFocus);
    copy->setObjectName(QStringLiteral("copyQuote"));
    copy->setAccessibleName(tr("Copy quote %1 with citation").arg(i + 1));
    // The button copies the plain-text citation; its menu (the arrow, or Alt+Down) the
    // other forms.
    copy->setPopupMode(QToolButton::MenuButtonPopup);
    auto *forms = new QMenu(copy);
    const std::pair<QString, Citation::Format> formats[] = {
        {tr("Copy &Quote"), Citation::Format::Quote},
        {tr("Copy Citation as &Plain Text"), Citation::Format::PlainText},
        {tr("Copy Citation as &Markdown"), Citation::Format::Markdown},
        {tr("Copy Citation, &Chicago Style"), Citation::Format::Chicago}};
    for (const auto &[name, format] : formats) {
        QAction *action = forms->addAction(name);
        action->setData(int(format));
        connect(action, &QAction::triggered, this,
                [this, i, format = format] { copyCitation(i, format); });
    }
    copy->setMenu(forms);
    connect(copy, &QToolButton::clicked, this,
            [this, i] { copyCitation(i, Citation::Format::PlainText); });
    row.buttons->addWidget(row.show, 0, Qt::AlignLeft);
    row.buttons->addWidget(copy, 0, Qt::AlignLeft);
    row.buttons->addStretch(1);
    boxLayout->addLayout(row.buttons);
    return row;
}

void EventDetailsPanel::showSources(const Event &event) {
    Parts &p = *m_parts;
    const int count = int(event.sources.size());
    while (p.sourceRows.size() < count) {
        p.sourceRows.append(makeSourceRow(int(p.sourceRows.size())));
        p.sources->layout()->addWidget(p.sourceRows.last().box);
    }
    while (p.sourceRows.size() > count)
        discard(p.sourceRows.takeLast().box);
    for (int i = 0; i < count; ++i) {
        const SourcePassage &source = event.sources.at(i);
        const SourceRow &row = p.sourceRows.at(i);
        setText(row.article, articleTitle(source.articleId));
        QStringList meta;
        if (const Article *article = m_dataset->article(source.articleId)) {
            if (!article->publisher.isEmpty())
                meta.append(article->publisher);
            const QString published = publishedText(*article);
            if (!published.isEmpty())
                meta.append(published);
        }
        setShownText(row.meta, meta.join(QStringLiteral(", ")));
        const QString quoted = tr("“%1”").arg(quoteText(source));
        setText(row.quote, quoted);
        row.show->setAccessibleDescription(quoted);
    }
}

void EventDetailsPanel::showDisagreements(const Event &event) {
    Parts &p = *m_parts;
    const int count = int(event.disagreements.size());
    while (p.disagreementBlocks.size() < count) {
        DisagreementBlock block;
        block.block = plainContainer();
        auto *blockLayout = new QVBoxLayout(block.block);
        blockLayout->setContentsMargins(0, 0, 0, 0);
        block.topic = styledLabel(QString(), true);
        block.topic->setObjectName(QStringLiteral("disagreementTopic"));
        blockLayout->addWidget(block.topic);
        // Side by side, two to a row (more would not fit the panel's width), or one under the
        // other: fitClaimColumns() places the claims.
        block.columns = new QGridLayout;
        block.columns->setColumnStretch(0, 1);
        blockLayout->addLayout(block.columns);
        p.disagreements->layout()->addWidget(block.block);
        p.disagreementBlocks.append(block);
    }
    while (p.disagreementBlocks.size() > count)
        discard(p.disagreementBlocks.takeLast().block);
    for (int d = 0; d < count; ++d) {
        const Disagreement &disagreement = event.disagreements.at(d);
        DisagreementBlock &block = p.disagreementBlocks[d];
        setText(block.topic, disagreement.topic);
        const int claims = int(disagreement.claims.size());
        while (block.claims.size() < claims) {
            DisagreementBlock::Column column;
            column.frame = new QFrame;
            column.frame->setFrameShape(QFrame::StyledPanel);
            auto *columnLayout = new QVBoxLayout(column.frame);
            column.article = styledLabel(QString(), true);
            column.article->setObjectName(QStringLiteral("claimArticle"));
            columnLayout->addWidget(column.article);
            column.quote = styledLabel(QString(), false, true);
            column.quote->setObjectName(QStringLiteral("claimQuote"));
            columnLayout->addWidget(column.quote);
            column.says = PlainText::label(QString());
            column.says->setObjectName(QStringLiteral("claimSays"));
            columnLayout->addWidget(column.says);
            columnLayout->addStretch(1);
            block.claims.append(column);
        }
        while (block.claims.size() > claims)
            discard(block.claims.takeLast().frame);
        for (int c = 0; c < claims; ++c) {
            const Claim &claim = disagreement.claims.at(c);
            const DisagreementBlock::Column &column = block.claims.at(c);
            // Two columns side by side: the title shortened, whole in the tooltip.
            const QString claimTitle = articleTitle(claim.articleId);
            setText(column.article, DiagnosticText::shortTitle(claimTitle));
            column.article->setToolTip(claimTitle);
            setText(column.quote, tr("“%1”").arg(claim.exact));
            setText(column.says, claim.says);
            column.says->setAccessibleName(tr("Reading: %1").arg(claim.says));
        }
    }
    fitClaimColumns();
}

int EventDetailsPanel::pageRoom() const {
    // The panel less the scroll bar (counted even when it is not shown, so that a layout made
    // taller for a narrow page cannot bring it in and take the room that decided it) and the
    // page's margins.
    const QMargins margins = m_parts->layout->contentsMargins();
    return width() - m_scroll->verticalScrollBar()->sizeHint().width() - margins.left() -
           margins.right();
}

void EventDetailsPanel::fitClaimColumns() {
    if (!m_parts)
        return;
    const int room = pageRoom();
    for (DisagreementBlock &block : m_parts->disagreementBlocks) {
        // Side by side, a grid's columns are as wide as their widest claim's longest word (a
        // word-wrapped label's minimum width), and the two add up: past the room, they would
        // make the page wider than the panel and cut it off at the right.
        int widths[2] = {0, 0};
        for (int c = 0; c < block.claims.size(); ++c)
            widths[c % 2] =
                std::max(widths[c % 2], block.claims.at(c).frame->minimumSizeHint().width());
        const bool sideBySide = block.claims.size() > 1 &&
                                widths[0] + block.columns->horizontalSpacing() + widths[1] <= room;
        const int columnCount = sideBySide ? 2 : 1;
        bool placed = true;
        for (int c = 0; c < block.claims.size() && placed; ++c) {
            int row = -1, column = -1, rowSpan = 0, columnSpan = 0;
            const int index = block.columns->indexOf(block.claims.at(c).frame);
            if (index >= 0)
                block.columns->getItemPosition(index, &row, &column, &rowSpan, &columnSpan);
            placed = row == c / columnCount && column == c % columnCount;
        }
        if (placed)
            continue;
        for (const DisagreementBlock::Column &claim : std::as_const(block.claims))
            block.columns->removeWidget(claim.frame);
        for (int c = 0; c < block.claims.size(); ++c)
            block.columns->addWidget(block.claims.at(c).frame, c / columnCount, c % columnCount);
        // An empty second column with a stretch would still take half the width.
        block.columns->setColumnStretch(1, sideBySide ? 1 : 0);
    }
}

void EventDetailsPanel::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    fitButtonRows();
    fitClaimColumns();
    if (m_parts)
        m_parts->form->setWidth(pageRoom());
}

void EventDetailsPanel::fitButtonRows() {
    // The room a row has: the panel less the scroll bar, the page's and the quote frame's
    // margins (about 40 pixels in Fusion; a few too many only stacks the buttons early).
    const int room = width() - m_scroll->verticalScrollBar()->sizeHint().width() - 40;
    if (!m_parts)
        return;
    for (const SourceRow &source : std::as_const(m_parts->sourceRows)) {
        QBoxLayout *row = source.buttons;
        int needed = 0;
        for (int i = 0; i < row->count(); ++i) {
            if (QWidget *widget = row->itemAt(i)->widget())
                needed += widget->sizeHint().width() + row->spacing();
        }
        const auto direction = needed > room ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight;
        if (row->direction() != direction)
            row->setDirection(direction);
    }
}

bool EventDetailsPanel::eventFilter(QObject *watched, QEvent *event) {
    if (event->type() == QEvent::MouseButtonRelease) {
        const QVariant index = watched->property(sourceIndexProperty);
        auto *label = qobject_cast<QLabel *>(watched);
        const auto *mouse = static_cast<QMouseEvent *>(event);
        // A drag that selected part of the quote is for copying, not a click.
        if (label && index.isValid() && mouse->button() == Qt::LeftButton &&
            !label->hasSelectedText())
            emit quoteActivated(m_eventId, index.toInt());
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace ntl
