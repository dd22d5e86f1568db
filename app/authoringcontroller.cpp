#include "authoringcontroller.h"

#include "claimdialog.h"
#include "commands/addeventcommand.h"
#include "commands/editdisagreementscommand.h"
#include "commands/editpassagescommand.h"
#include "document.h"
#include "editgate.h"
#include "eventdraft.h"
#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "selectionpassage.h"
#include "session.h"
#include "sourcesview.h"

#include <QAction>
#include <QEvent>
#include <QItemSelectionModel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QTextCursor>
#include <QUndoStack>

namespace ntl {

namespace {
QString quoted(const QString &text) {
    return QStringLiteral("\u201c%1\u201d").arg(text);
}
} // namespace

AuthoringController::AuthoringController(Session *session, SourcesView *sources,
                                         QWidget *dialogParent)
    : QObject(sources)
    , m_session(session)
    , m_sources(sources)
    , m_dialogParent(dialogParent)
    , m_newEvent(new QAction(tr("New &Event from Selection"), this))
    , m_addPassage(new QAction(tr("&Add Selection to Current Event"), this))
    , m_addClaim(new QAction(tr("Add Selection as &Claim…"), this))
    , m_removePassage(new QAction(tr("&Remove Passage"), this))
    , m_reselectPassage(new QAction(tr("Re-&select Passage"), this))
    , m_newActor(new QAction(tr("New Ac&tor from Selection…"), this)) {
    // Ctrl+E is Export View: these take Ctrl+Shift and a letter of their own.
    m_newEvent->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_addPassage->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_addClaim->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    m_reselectPassage->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_newActor->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    m_newEvent->setIconText(tr("New Event"));
    m_addPassage->setIconText(tr("Add to Event"));
    m_addClaim->setIconText(tr("Add Claim…"));
    m_removePassage->setIconText(tr("Remove Passage"));
    m_reselectPassage->setIconText(tr("Re-select"));
    m_newActor->setIconText(tr("New Actor…"));
    connect(m_newActor, &QAction::triggered, this, &AuthoringController::newActorFromSelection);
    connect(m_newEvent, &QAction::triggered, this, &AuthoringController::newEventFromSelection);
    connect(m_addPassage, &QAction::triggered, this,
            &AuthoringController::addSelectionToCurrentEvent);
    connect(m_addClaim, &QAction::triggered, this, &AuthoringController::addSelectionAsClaim);
    connect(m_removePassage, &QAction::triggered, this, &AuthoringController::removePassage);
    connect(m_reselectPassage, &QAction::triggered, this, &AuthoringController::reselectPassage);

    connect(sources->textView(), &QPlainTextEdit::selectionChanged, this,
            &AuthoringController::updateActions);
    connect(sources->passageList(), &QListWidget::currentRowChanged, this,
            &AuthoringController::updateActions);
    QItemSelectionModel *selection = session->selectionModel();
    connect(selection, &QItemSelectionModel::currentChanged, this,
            &AuthoringController::updateActions);
    connect(selection, &QItemSelectionModel::selectionChanged, this,
            &AuthoringController::updateActions);
    connect(session->document()->undoStack(), &QUndoStack::indexChanged, this,
            &AuthoringController::updateActions);
    connect(session->document(), &Document::datasetReset, this,
            &AuthoringController::updateActions);
    EditGate::watch(session->document(), this, [this] { updateActions(); });
    sources->installEventFilter(this); // shown or hidden (another tab)
    // The document clears its undo stack as it goes, after the selection model may be gone:
    // nothing to update then.
    // (The session is half destroyed by then: its document, a child still alive, is taken now.)
    Document *document = session->document();
    connect(session, &QObject::destroyed, this, [this, document] {
        disconnect(document->undoStack(), nullptr, this, nullptr);
        m_session = nullptr;
    });
    updateActions();
}

QList<QAction *> AuthoringController::actions() const {
    return {m_newEvent, m_addPassage, m_addClaim, m_removePassage, m_reselectPassage, m_newActor};
}

bool AuthoringController::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_sources && (event->type() == QEvent::Show || event->type() == QEvent::Hide))
        updateActions();
    return QObject::eventFilter(watched, event);
}

AuthoringController::Selection AuthoringController::selection(QString *why) const {
    Selection none;
    const QTextCursor cursor = m_sources->textView()->textCursor();
    // A selection left in the hidden Sources tab is not what a shortcut elsewhere means.
    if (!m_sources->isVisible() || !cursor.hasSelection()) {
        *why = tr("Select words in an article first");
        return none;
    }
    const std::shared_ptr<const Dataset> dataset = m_session->dataset();
    const Article *article = dataset ? dataset->article(m_sources->currentArticleId()) : nullptr;
    int start = cursor.selectionStart();
    int end = cursor.selectionEnd();
    if (article)
        SelectionPassage::trim(article->text, &start, &end);
    if (!article || start >= end) {
        *why = tr("Select words in an article first");
        return none;
    }
    return {article, start, end};
}

QString AuthoringController::selectedName(QString *why) const {
    QString noSelection;
    const Selection selected = selection(&noSelection);
    if (!selected.article) {
        *why = tr("Select a name in an article first");
        return {};
    }
    const QString name =
        selected.article->text.mid(selected.start, selected.end - selected.start).simplified();
    // A name, not a paragraph: the actors' list and the lanes show it whole.
    constexpr int longestName = 120;
    if (name.size() > longestName) {
        *why = tr("Select a name: at most %1 characters").arg(longestName);
        return {};
    }
    return name;
}

bool AuthoringController::newActorFromSelection() {
    QString why;
    const QString name = selectedName(&why);
    if (!why.isEmpty() || !EditGate::refusal(*m_session->document()).isEmpty()) {
        emit message(why.isEmpty() ? EditGate::refusal(*m_session->document()) : why);
        return false;
    }
    emit newActorRequested(name);
    return true;
}

QString AuthoringController::currentEventId() const {
    const QItemSelectionModel *selection = m_session->selectionModel();
    QModelIndex index = selection->currentIndex();
    if (!index.isValid() || !selection->isRowSelected(index.row(), index.parent())) {
        const QModelIndexList rows = selection->selectedRows();
        index = rows.isEmpty() ? QModelIndex() : rows.first();
    }
    return index.data(EventModel::EventIdRole).toString();
}

const Event *AuthoringController::currentEvent(QString *why) const {
    const Document *document = m_session->document();
    const int row = document->eventRow(currentEventId());
    if (row < 0) {
        *why = tr("No current event");
        return nullptr;
    }
    return &document->dataset().events.at(row);
}

int AuthoringController::currentPassageIndex(QString *why) const {
    const Event *event = currentEvent(why);
    if (!event)
        return -1;
    QString eventId;
    int index = -1;
    if (!m_sources->isVisible() || !m_sources->currentPassage(&eventId, &index) ||
        eventId != event->id || index < 0 || index >= event->sources.size()) {
        *why = tr("Choose a passage of the current event (click it in the article or the list)");
        return -1;
    }
    return index;
}

void AuthoringController::setReason(QAction *action, const QString &why, const QString &tip) {
    action->setEnabled(why.isEmpty());
    const QString text = why.isEmpty() ? tip : why;
    action->setToolTip(text);
    action->setStatusTip(text);
}

void AuthoringController::updateActions() {
    if (!m_session)
        return;
    QString noSelection;
    const Selection selected = selection(&noSelection);
    QString noEvent;
    const Event *event = currentEvent(&noEvent);
    QString noPassage;
    const int passage = currentPassageIndex(&noPassage);
    // The read-only dataset first: no selection would make these actions apply.
    const QString readOnly = EditGate::refusal(*m_session->document());
    if (!readOnly.isEmpty()) {
        for (QAction *action : actions())
            setReason(action, readOnly, QString());
        return;
    }

    setReason(m_newEvent, noSelection,
              tr("Create an event citing the selected words, dated from them"));
    QString addWhy = noSelection.isEmpty() ? noEvent : noSelection;
    if (addWhy.isEmpty()) {
        const SourcePassage wanted =
            SelectionPassage::make(*selected.article, selected.start, selected.end);
        for (const SourcePassage &source : event->sources) {
            if (source.articleId == wanted.articleId && source.start == wanted.start &&
                source.end == wanted.end)
                addWhy = tr("The current event already cites these words");
        }
    }
    setReason(m_addPassage, addWhy,
              tr("Cite the selected words as a passage of the current event"));
    setReason(m_addClaim, noSelection.isEmpty() ? noEvent : noSelection,
              tr("Add the selected words as a claim in one of the current event's disagreements"));
    setReason(m_removePassage, noPassage, tr("Remove the chosen passage from the current event"));
    QString reselectWhy = noSelection.isEmpty() ? noPassage : noSelection;
    if (reselectWhy.isEmpty()) {
        const SourcePassage &old = event->sources.at(passage);
        if (old.articleId == selected.article->id) {
            int start = selected.start;
            int end = selected.end;
            SelectionPassage::trim(selected.article->text, &start, &end);
            if (old.start == start && old.end == end)
                reselectWhy = tr("The passage already cites exactly these words");
        }
    }
    setReason(m_reselectPassage, reselectWhy,
              tr("Make the chosen passage cite the selected words instead"));
    QString noName;
    selectedName(&noName);
    setReason(m_newActor, noName,
              tr("Create an actor named after the selected words, then set its side"));
}

QString AuthoringController::usualKind() const {
    // EventDraft::usualKind from the event model's per-row kind numbers, which it keeps
    // through edits: small integers counted, not 100,000 strings hashed.
    const EventModel *events = m_session->eventModel();
    const EventModel::RowIds &kinds = events->kinds();
    std::vector<int> counts(std::size_t(kinds.count()), 0);
    int best = -1;
    for (int row = 0; row < events->rowCount(); ++row) {
        for (const int *number = kinds.begin(row); number != kinds.end(row); ++number) {
            const int count = ++counts[std::size_t(*number)];
            if (best < 0 || count > counts[std::size_t(best)])
                best = *number;
        }
    }
    return best < 0 || kinds.id(best).isEmpty() ? QStringLiteral("statement") : kinds.id(best);
}

bool AuthoringController::refuse(const QString &why) {
    emit message(why);
    return false;
}

bool AuthoringController::newEventFromSelection() {
    QString why;
    const Selection selected = selection(&why);
    if (!selected.article)
        return refuse(why);
    Document *document = m_session->document();
    const Event event = EventDraft::fromSelection(
        *selected.article, selected.start, selected.end, usualKind(),
        [document](const QString &id) { return document->eventRow(id) >= 0; });
    if (!event.date.start.isValid())
        return refuse(tr("The selected words name no date and the article has no publication "
                         "date: give the article its date first"));
    auto *command = new AddEventCommand(document, event);
    command->setText(tr("New Event from Selection"));
    if (!document->push(command))
        return refuse(tr("Could not create the event: %1").arg(document->lastError()));

    const QModelIndex shown = m_session->filterModel()->indexOfEvent(event.id);
    if (!shown.isValid())
        return refuse(tr("Created %1, but the filter hides it: Clear Filters (Ctrl+Shift+L) "
                         "shows it")
                          .arg(quoted(event.title)));
    m_session->selectionModel()->setCurrentIndex(shown, QItemSelectionModel::ClearAndSelect |
                                                            QItemSelectionModel::Rows);
    const QString dated = event.date.basis == DateBasis::Inferred
                              ? tr("dated by the article's publication, to be checked")
                              : tr("dated from %1").arg(quoted(event.date.expression));
    emit message(tr("Created %1, %2").arg(quoted(event.title), dated));
    return true;
}

bool AuthoringController::addSelectionToCurrentEvent() {
    updateActions();
    if (!m_addPassage->isEnabled())
        return refuse(m_addPassage->toolTip());
    QString why;
    const Selection selected = selection(&why);
    const Event *event = currentEvent(&why);
    QList<SourcePassage> sources = event->sources;
    sources.append(SelectionPassage::make(*selected.article, selected.start, selected.end));
    Document *document = m_session->document();
    const QString title = event->title;
    if (!document->push(new EditPassagesCommand(document, event->id, sources,
                                                tr("Add Selection to Current Event"))))
        return refuse(tr("Could not add the passage: %1").arg(document->lastError()));
    emit message(tr("Added a passage to %1").arg(quoted(title)));
    return true;
}

bool AuthoringController::addSelectionAsClaim() {
    updateActions();
    if (!m_addClaim->isEnabled())
        return refuse(m_addClaim->toolTip());
    QString why;
    const Selection selected = selection(&why);
    const Event *event = currentEvent(&why);
    QStringList topics;
    for (const Disagreement &disagreement : event->disagreements)
        topics.append(disagreement.topic);
    ClaimDialog dialog(topics,
                       selected.article->text.mid(selected.start, selected.end - selected.start),
                       selected.article->title, m_dialogParent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    return addClaim(dialog.disagreementIndex(), dialog.topic(), dialog.says());
}

bool AuthoringController::addClaim(int disagreementIndex, const QString &topic,
                                   const QString &says) {
    QString why;
    const Selection selected = selection(&why);
    if (!selected.article)
        return refuse(why);
    const Event *event = currentEvent(&why);
    if (!event)
        return refuse(why);
    QList<Disagreement> disagreements = event->disagreements;
    if (disagreementIndex >= disagreements.size())
        return refuse(tr("The event has no such disagreement"));
    if (disagreementIndex < 0) {
        if (topic.trimmed().isEmpty())
            return refuse(tr("A new disagreement needs a topic"));
        disagreements.append({topic.trimmed(), {}});
        disagreementIndex = int(disagreements.size()) - 1;
    }
    Claim claim;
    claim.articleId = selected.article->id;
    claim.exact = selected.article->text.mid(selected.start, selected.end - selected.start);
    claim.says = says;
    claim.start = selected.start;
    claim.end = selected.end;
    disagreements[disagreementIndex].claims.append(claim);
    Document *document = m_session->document();
    const QString title = event->title;
    if (!document->push(new EditDisagreementsCommand(document, event->id, disagreements,
                                                     tr("Add Selection as Claim"))))
        return refuse(tr("Could not add the claim: %1").arg(document->lastError()));
    emit message(tr("Added a claim to %1 of %2")
                     .arg(quoted(disagreements.at(disagreementIndex).topic), quoted(title)));
    return true;
}

bool AuthoringController::removePassage() {
    QString why;
    const int index = currentPassageIndex(&why);
    if (index < 0)
        return refuse(why);
    const Event *event = currentEvent(&why);
    QList<SourcePassage> sources = event->sources;
    sources.removeAt(index);
    Document *document = m_session->document();
    const QString title = event->title;
    if (!document->push(
            new EditPassagesCommand(document, event->id, sources, tr("Remove Passage"))))
        return refuse(tr("Could not remove the passage: %1").arg(document->lastError()));
    emit message(sources.isEmpty() ? tr("Removed the passage: %1 cites none now").arg(quoted(title))
                                   : tr("Removed a passage from %1").arg(quoted(title)));
    return true;
}

bool AuthoringController::reselectPassage() {
    updateActions();
    if (!m_reselectPassage->isEnabled())
        return refuse(m_reselectPassage->toolTip());
    QString why;
    const Selection selected = selection(&why);
    const int index = currentPassageIndex(&why);
    const Event *event = currentEvent(&why);
    QList<SourcePassage> sources = event->sources;
    sources[index] = SelectionPassage::make(*selected.article, selected.start, selected.end);
    Document *document = m_session->document();
    const QString title = event->title;
    if (!document->push(
            new EditPassagesCommand(document, event->id, sources, tr("Re-select Passage"))))
        return refuse(tr("Could not re-select the passage: %1").arg(document->lastError()));
    emit message(tr("The passage of %1 now cites the selected words").arg(quoted(title)));
    return true;
}

} // namespace ntl
