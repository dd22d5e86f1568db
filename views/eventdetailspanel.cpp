#include "eventdetailspanel.h"

#include "dataset.h"
#include "diagnostictext.h"
#include "eventdatetext.h"
#include "eventfield.h"
#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "plaintext.h"

#include <QClipboard>
#include <QFormLayout>
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
    if (m_built && id == m_eventId && event == m_event &&
        sameParts(dataset.get(), m_dataset.get())) {
        m_dataset = dataset; // the event lives in both; keep the newer one
        return;
    }
    // An edit of the shown event's title or date: those labels only (building every widget
    // anew, text shaped for each, was most of such an edit's time).
    const bool inPlace = m_built && event && m_event && id == m_eventId &&
                         sameParts(dataset.get(), m_dataset.get()) &&
                         updateInPlace(*m_event, *event);
    m_dataset = dataset;
    m_event = event;
    m_eventId = id;
    if (!inPlace)
        rebuild();
}

void EventDetailsPanel::rebuild() {
    // Later, not now: this may run inside a handler of one of the old widgets.
    if (QWidget *old = m_scroll->takeWidget())
        old->deleteLater();
    m_buttonRows.clear();
    m_titleLabel = m_dateLabel = m_basisLabel = nullptr;
    QWidget *content = buildDetails();
    fitButtonRows();
    m_scroll->setWidget(content);
    m_built = true;
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
    PlainText::label(basis, label);
    label->setToolTip(anchorTitle.isEmpty()
                          ? QString()
                          : tr("Resolved from the publication date of “%1”").arg(anchorTitle));
}

bool EventDetailsPanel::updateInPlace(const Event &before, const Event &now) {
    if (!m_titleLabel || !m_dateLabel || !m_basisLabel || before.id != now.id)
        return false;
    // The lists are shared between snapshots unless the edit changed them.
    if (before.participants.constData() != now.participants.constData() ||
        before.sources.constData() != now.sources.constData() ||
        before.disagreements.constData() != now.disagreements.constData())
        return false;
    // The fields the title and the date's two lines show; any other change is built anew.
    const EventFields inPlace{EventField::Title,         EventField::Status,
                              EventField::DateStart,     EventField::DateEnd,
                              EventField::DatePrecision, EventField::DateExpression,
                              EventField::DateBasis,     EventField::DateAnchor};
    for (const EventField field : allEventFields()) {
        if (field == EventField::Participants || field == EventField::Sources ||
            field == EventField::Disagreements || inPlace.contains(field))
            continue;
        if (eventFieldValue(before, field) != eventFieldValue(now, field))
            return false;
    }
    if (before.title != now.title)
        PlainText::label(now.title, m_titleLabel);
    PlainText::label(EventDateText().formatWithStatus(now.date, now.status), m_dateLabel);
    showDateBasis(now, m_basisLabel);
    return true;
}

QWidget *EventDetailsPanel::buildDetails() {
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    if (!m_event) {
        QLabel *placeholder = PlainText::label(tr("Select an event to see its sources."));
        placeholder->setObjectName(QStringLiteral("placeholder"));
        placeholder->setAlignment(Qt::AlignCenter);
        layout->addWidget(placeholder, 1);
        return content;
    }
    const Event &event = *m_event;
    const EventDateText dateText;

    QLabel *title = styledLabel(event.title, true);
    title->setObjectName(QStringLiteral("title"));
    QFont titleFont = title->font();
    if (titleFont.pointSizeF() > 0)
        titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    else
        titleFont.setPixelSize(titleFont.pixelSize() * 7 / 5);
    title->setFont(titleFont);
    layout->addWidget(title);
    if (!event.summary.isEmpty())
        layout->addWidget(PlainText::label(event.summary));

    auto *facts = new QFormLayout;
    facts->setRowWrapPolicy(QFormLayout::WrapLongRows);

    auto *when = new QVBoxLayout;
    QLabel *date = PlainText::label(dateText.formatWithStatus(event.date, event.status));
    date->setObjectName(QStringLiteral("date"));
    when->addWidget(date);
    QLabel *basisLabel = PlainText::label(QString());
    basisLabel->setObjectName(QStringLiteral("dateBasis"));
    showDateBasis(event, basisLabel);
    when->addWidget(basisLabel);
    m_titleLabel = title;
    m_dateLabel = date;
    m_basisLabel = basisLabel;
    if (!event.date.note.isEmpty()) {
        QLabel *note = PlainText::label(event.date.note);
        note->setObjectName(QStringLiteral("dateNote"));
        when->addWidget(note);
    }
    facts->addRow(tr("When"), when);

    if (!event.place.isEmpty())
        facts->addRow(tr("Where"), PlainText::label(event.place));

    if (!event.participants.isEmpty()) {
        auto *who = new QVBoxLayout;
        for (const Participant &participant : event.participants) {
            const Actor *actor = m_dataset->actor(participant.actorId);
            QString name = actor ? actor->name : participant.actorId;
            if (actor && !actor->title.isEmpty())
                name = tr("%1, %2").arg(name, actor->title);
            who->addWidget(PlainText::label(tr("%1 — %2").arg(name, roleName(participant.role))));
        }
        facts->addRow(tr("Who"), who);
    }

    if (!event.kind.isEmpty())
        facts->addRow(tr("Kind"), PlainText::label(event.kind));

    const int articleCount = int(Dataset::eventArticleIds(event).size());
    const int articleTotal = int(m_dataset->articles.size());
    QLabel *corroboration = PlainText::label(corroborationText(articleCount, articleTotal));
    corroboration->setObjectName(QStringLiteral("corroboration"));
    // Screen readers read the words, not a row of circles.
    corroboration->setAccessibleName(
        tr("Reported by %1")
            .arg(corroborationWords(qMin(articleCount, articleTotal), articleTotal)));
    facts->addRow(tr("Reported by"), corroboration);

    if (!event.note.isEmpty()) {
        QLabel *note = PlainText::label(event.note);
        note->setObjectName(QStringLiteral("note"));
        facts->addRow(tr("Note"), note);
    }
    layout->addLayout(facts);

    if (!event.sources.isEmpty())
        layout->addWidget(heading(tr("Sources")));
    for (int i = 0; i < event.sources.size(); ++i) {
        const SourcePassage &source = event.sources.at(i);
        auto *box = new QFrame;
        box->setFrameShape(QFrame::StyledPanel);
        auto *boxLayout = new QVBoxLayout(box);
        boxLayout->addWidget(styledLabel(articleTitle(source.articleId), true));
        if (const Article *article = m_dataset->article(source.articleId)) {
            QStringList meta;
            if (!article->publisher.isEmpty())
                meta.append(article->publisher);
            const QString published = publishedText(*article);
            if (!published.isEmpty())
                meta.append(published);
            if (!meta.isEmpty())
                boxLayout->addWidget(PlainText::label(meta.join(QStringLiteral(", "))));
        }

        const QString quoted = tr("“%1”").arg(quoteText(source));
        QLabel *quote = styledLabel(quoted, false, true);
        quote->setObjectName(QStringLiteral("quote"));
        quote->setContentsMargins(12, 2, 0, 2);
        quote->setProperty(sourceIndexProperty, i);
        quote->setToolTip(tr("Click to show this passage in its article"));
        quote->installEventFilter(this);
        boxLayout->addWidget(quote);

        auto *buttons = new QHBoxLayout;
        auto *show = new QToolButton;
        show->setText(tr("Show in article"));
        show->setAutoRaise(true);
        show->setFocusPolicy(Qt::StrongFocus);
        show->setObjectName(QStringLiteral("showQuote"));
        show->setAccessibleName(tr("Show quote %1 in its article").arg(i + 1));
        show->setAccessibleDescription(quoted);
        const QString eventId = event.id;
        connect(show, &QToolButton::clicked, this,
                [this, eventId, i] { emit quoteActivated(eventId, i); });
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
        buttons->addWidget(show, 0, Qt::AlignLeft);
        buttons->addWidget(copy, 0, Qt::AlignLeft);
        buttons->addStretch(1);
        boxLayout->addLayout(buttons);
        m_buttonRows.append(buttons);
        layout->addWidget(box);
    }

    if (!event.disagreements.isEmpty())
        layout->addWidget(heading(tr("Disagreements")));
    for (const Disagreement &disagreement : event.disagreements) {
        QLabel *topic = styledLabel(disagreement.topic, true);
        topic->setObjectName(QStringLiteral("disagreementTopic"));
        layout->addWidget(topic);
        // Side by side, two to a row: more columns would not fit the panel's width.
        auto *columns = new QGridLayout;
        int claimIndex = 0;
        for (const Claim &claim : disagreement.claims) {
            auto *column = new QFrame;
            column->setFrameShape(QFrame::StyledPanel);
            auto *columnLayout = new QVBoxLayout(column);
            // Two columns side by side: the title shortened, whole in the tooltip.
            const QString claimTitle = articleTitle(claim.articleId);
            QLabel *claimArticle = styledLabel(DiagnosticText::shortTitle(claimTitle), true);
            claimArticle->setObjectName(QStringLiteral("claimArticle"));
            claimArticle->setToolTip(claimTitle);
            columnLayout->addWidget(claimArticle);
            QLabel *exact = styledLabel(tr("“%1”").arg(claim.exact), false, true);
            exact->setObjectName(QStringLiteral("claimQuote"));
            columnLayout->addWidget(exact);
            QLabel *says = PlainText::label(claim.says);
            says->setObjectName(QStringLiteral("claimSays"));
            says->setAccessibleName(tr("Reading: %1").arg(claim.says));
            columnLayout->addWidget(says);
            columnLayout->addStretch(1);
            columns->addWidget(column, claimIndex / 2, claimIndex % 2);
            ++claimIndex;
        }
        columns->setColumnStretch(0, 1);
        columns->setColumnStretch(1, 1);
        layout->addLayout(columns);
    }

    layout->addStretch(1);
    return content;
}

void EventDetailsPanel::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    fitButtonRows();
}

void EventDetailsPanel::fitButtonRows() {
    // The room a row has: the panel less the scroll bar, the page's and the quote frame's
    // margins (about 40 pixels in Fusion; a few too many only stacks the buttons early).
    const int room = width() - m_scroll->verticalScrollBar()->sizeHint().width() - 40;
    for (const QPointer<QBoxLayout> &row : std::as_const(m_buttonRows)) {
        if (!row)
            continue;
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
