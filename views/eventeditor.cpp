#include "eventeditor.h"

#include "actormodel.h"
#include "commands/editdisagreementscommand.h"
#include "commands/editparticipantscommand.h"
#include "commands/editpassagescommand.h"
#include "datasetvalidator.h"
#include "document.h"
#include "editgate.h"
#include "eventmodel.h"
#include "fieldmessage.h"
#include "session.h"

#include <QAction>
#include <QCalendarWidget>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMetaEnum>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSet>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace ntl {

namespace {

template <typename Enum> void fillEnumCombo(QComboBox *combo, const QStringList &names) {
    const QMetaEnum meta = QMetaEnum::fromType<Enum>();
    for (int i = 0; i < meta.keyCount(); ++i)
        combo->addItem(names.value(i), QVariant::fromValue(Enum(meta.value(i))));
}

template <typename Enum> void selectEnum(QComboBox *combo, Enum value) {
    combo->setCurrentIndex(combo->findData(QVariant::fromValue(value)));
}

// Text set from the document without moving the cursor of a person typing in the field.
void setLineText(QLineEdit *edit, const QString &text) {
    if (edit->text() == text)
        return;
    const int cursor = edit->cursorPosition();
    edit->setText(text);
    edit->setCursorPosition(qMin(cursor, int(text.size())));
}

void setPlainText(QPlainTextEdit *edit, const QString &text) {
    if (edit->toPlainText() == text)
        return;
    const int cursor = edit->textCursor().position();
    edit->setPlainText(text);
    QTextCursor moved = edit->textCursor();
    moved.setPosition(qMin(cursor, int(text.size())));
    edit->setTextCursor(moved);
}

QString elided(const QString &text, int length) {
    const QString simple = text.simplified();
    return simple.size() <= length ? simple : simple.left(length - 1) + QStringLiteral("…");
}

QLabel *heading(const QString &text) {
    auto *label = new QLabel(text);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setContentsMargins(0, 8, 0, 0);
    return label;
}

QPushButton *smallButton(const QString &text, const QString &toolTip) {
    auto *button = new QPushButton(text);
    button->setToolTip(toolTip);
    button->setAutoDefault(false);
    return button;
}

} // namespace

EventEditor::EventEditor(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session) {
    build();
    Document *document = session->document();
    connect(session->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &EventEditor::follow);
    connect(document, &Document::datasetReset, this, [this] {
        m_eventId.clear(); // a new dataset: the same id may name another event
        refreshKinds();
        refreshArticles();
        follow();
    });
    connect(document, &Document::eventsChanged, this,
            [this](const QStringList &ids, const EventFields &fields) {
                if (fields.contains(EventField::Kind))
                    refreshKinds();
                if (ids.contains(m_eventId))
                    refresh(fields);
            });
    connect(document, &Document::eventRemoved, this, [this](const QString &id) {
        if (id == m_eventId)
            setEvent({});
    });
    connect(document, &Document::eventsRemoved, this, [this](int, const QStringList &ids) {
        if (ids.contains(m_eventId))
            setEvent({});
    });
    connect(document, &Document::eventsInserted, this, [this] {
        if (m_eventId.isEmpty())
            follow();
    });
    connect(document, &Document::eventInserted, this, [this](const QString &id) {
        // Undoing a delete brings the event back: the editor shows it again if it is current.
        if (m_eventId.isEmpty())
            follow();
        else if (id == m_eventId)
            refresh({});
    });
    connect(document, &Document::actorsChanged, this,
            [this] { refresh({EventField::Participants}); });
    connect(document, &Document::articlesChanged, this, [this] {
        refreshArticles();
        refresh({});
    });
    EditGate::watch(document, this, [this] { updateEditable(); });
    refreshKinds();
    refreshArticles();
    follow();
    updateEditable();
}

void EventEditor::updateEditable() {
    const QString readOnly = EditGate::refusal(*m_session->document());
    // The form's fields, not the scroll area: a read-only event can still be scrolled through.
    if (QWidget *content = static_cast<QScrollArea *>(m_form)->widget())
        content->setEnabled(readOnly.isEmpty());
    m_readOnlyNote->setText(readOnly.isEmpty() ? QString() : readOnly + QLatin1Char('.'));
    m_readOnlyNote->setVisible(!readOnly.isEmpty());
}

QWidget *EventEditor::withMessage(QWidget *field) {
    FieldMessage *message = nullptr;
    QWidget *box = FieldMessage::wrap(field, &message);
    m_messages.insert(field, message);
    return box;
}

QString EventEditor::messageAt(const QWidget *field) const {
    const FieldMessage *message = m_messages.value(field);
    return message ? message->message() : QString();
}

void EventEditor::build() {
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_empty = new QLabel(tr("No event is selected. Select one in a view to edit it."));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setMargin(12);
    outer->addWidget(m_empty);
    // On a read-only document the fields show the event but take no edit; this says why.
    m_readOnlyNote = new QLabel;
    m_readOnlyNote->setObjectName(QStringLiteral("readOnlyNote"));
    m_readOnlyNote->setWordWrap(true);
    m_readOnlyNote->setMargin(6);
    m_readOnlyNote->hide();
    outer->addWidget(m_readOnlyNote);

    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // The form takes the dock's width: fields narrow, nothing is cut off at the right.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    outer->addWidget(scroll);
    m_form = scroll;
    auto *content = new QWidget;
    scroll->setWidget(content);
    auto *form = new QFormLayout(content);
    // The panel is narrow: a label above its field rather than squeezing the field.
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    const auto named = [](QWidget *widget, const char *name, const QString &accessible) {
        widget->setObjectName(QString::fromLatin1(name));
        widget->setAccessibleName(accessible);
        return widget;
    };

    // --- Event
    form->addRow(heading(tr("Event")));
    m_title = new QLineEdit;
    named(m_title, "title", tr("Title"));
    form->addRow(tr("&Title:"), withMessage(m_title));
    m_summary = new QPlainTextEdit;
    named(m_summary, "summary", tr("Summary"));
    m_summary->setTabChangesFocus(true);
    m_summary->setFixedHeight(m_summary->fontMetrics().lineSpacing() * 4 + 12);
    form->addRow(tr("S&ummary:"), withMessage(m_summary));
    m_kind = new QComboBox;
    named(m_kind, "kind", tr("Kind"));
    m_kind->setEditable(true);
    m_kind->setInsertPolicy(QComboBox::NoInsert);
    m_kind->setToolTip(tr("One of the kinds the dataset uses, or type a new one"));
    form->addRow(tr("&Kind:"), withMessage(m_kind));
    m_status = new QComboBox;
    named(m_status, "status", tr("Status"));
    fillEnumCombo<EventStatus>(m_status,
                               {tr("Occurred"), tr("Planned"), tr("Reported"), tr("Cancelled")});
    form->addRow(tr("Stat&us:"), withMessage(m_status));
    m_place = new QLineEdit;
    named(m_place, "place", tr("Place"));
    form->addRow(tr("&Place:"), withMessage(m_place));

    // --- Date
    form->addRow(heading(tr("Date")));
    m_start = new QDateEdit;
    named(m_start, "start", tr("Start date"));
    m_end = new QDateEdit;
    named(m_end, "end", tr("End date"));
    for (QDateEdit *edit : {m_start, m_end}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setMinimumDate(QDate(1, 1, 1));
        edit->setMaximumDate(QDate(9999, 12, 31));
    }
    form->addRow(tr("&Start:"), withMessage(m_start));
    form->addRow(tr("&End:"), withMessage(m_end));
    m_precision = new QComboBox;
    named(m_precision, "precision", tr("Date precision"));
    fillEnumCombo<DatePrecision>(
        m_precision, {tr("Day"), tr("Days"), tr("Week"), tr("Month"), tr("Year"), tr("Unknown")});
    form->addRow(tr("P&recision:"), withMessage(m_precision));
    m_basis = new QComboBox;
    named(m_basis, "basis", tr("Date basis"));
    fillEnumCombo<DateBasis>(m_basis,
                             {tr("Stated"), tr("Relative"), tr("Inferred"), tr("External")});
    form->addRow(tr("&Basis:"), withMessage(m_basis));
    m_anchor = new QComboBox;
    named(m_anchor, "anchor", tr("Anchor article"));
    m_anchor->setToolTip(tr("The article whose publication date a relative date counts from"));
    m_anchor->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_anchor->setMinimumContentsLength(12);
    form->addRow(tr("&Anchor:"), withMessage(m_anchor));
    m_expression = new QLineEdit;
    named(m_expression, "expression", tr("Date expression"));
    m_expression->setPlaceholderText(tr("The article's own words, e.g. “on Monday”"));
    form->addRow(tr("E&xpression:"), withMessage(m_expression));
    m_dateNote = new QLineEdit;
    named(m_dateNote, "dateNote", tr("Date note"));
    form->addRow(tr("Date n&ote:"), withMessage(m_dateNote));

    // --- Participants
    form->addRow(heading(tr("Participants")));
    m_participants = new QTreeWidget;
    named(m_participants, "participants", tr("Participants"));
    m_participants->setHeaderLabels({tr("Actor"), tr("Role")});
    m_participants->setRootIsDecorated(false);
    m_participants->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_participants->header()->setStretchLastSection(false);
    m_participants->setMinimumHeight(90);
    form->addRow(withMessage(m_participants));
    m_actorSearch = new QLineEdit;
    named(m_actorSearch, "actorSearch", tr("Actor to add"));
    m_actorSearch->setPlaceholderText(tr("Search actors…"));
    m_actorSearch->setClearButtonEnabled(true);
    auto *completer = new QCompleter(m_session->actorModel(), this);
    completer->setCompletionColumn(ActorModel::NameColumn);
    completer->setCompletionRole(Qt::DisplayRole);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_actorSearch->setCompleter(completer);
    m_role = new QComboBox;
    named(m_role, "role", tr("Role of the actor to add"));
    fillEnumCombo<ParticipantRole>(m_role, {tr("Party"), tr("Mediator"), tr("Host"), tr("Speaker"),
                                            tr("Target"), tr("Mentioned")});
    m_addParticipant = smallButton(tr("Add"), tr("Add the actor with this role"));
    m_addParticipant->setObjectName(QStringLiteral("addParticipant"));
    m_removeParticipant = smallButton(tr("Remove"), tr("Remove the selected participant"));
    m_removeParticipant->setObjectName(QStringLiteral("removeParticipant"));
    auto *pickRow = new QHBoxLayout;
    pickRow->addWidget(withMessage(m_actorSearch), 1);
    pickRow->addWidget(m_role);
    form->addRow(pickRow);
    auto *participantButtons = new QHBoxLayout;
    participantButtons->addStretch();
    participantButtons->addWidget(m_addParticipant);
    participantButtons->addWidget(m_removeParticipant);
    form->addRow(participantButtons);
    connect(m_addParticipant, &QPushButton::clicked, this, &EventEditor::addParticipant);
    connect(m_actorSearch, &QLineEdit::returnPressed, this, &EventEditor::addParticipant);
    connect(m_removeParticipant, &QPushButton::clicked, this, &EventEditor::removeParticipant);

    // --- Passages
    form->addRow(heading(tr("Passages")));
    m_passages = new QListWidget;
    named(m_passages, "passages", tr("Passages"));
    m_passages->setWordWrap(true);
    m_passages->setMinimumHeight(90);
    form->addRow(withMessage(m_passages));
    m_showPassage = smallButton(tr("Show"), tr("Show the passage in the Sources view"));
    m_showPassage->setObjectName(QStringLiteral("showPassage"));
    // Arrows: four worded buttons would not fit a narrow dock; the words are in the tooltip
    // and the accessible name.
    m_passageUp = smallButton(QStringLiteral("↑"), tr("Move the passage up"));
    m_passageUp->setAccessibleName(tr("Move passage up"));
    m_passageUp->setObjectName(QStringLiteral("passageUp"));
    m_passageDown = smallButton(QStringLiteral("↓"), tr("Move the passage down"));
    m_passageDown->setAccessibleName(tr("Move passage down"));
    for (QPushButton *arrow : {m_passageUp, m_passageDown})
        arrow->setMaximumWidth(arrow->fontMetrics().height() * 3);
    m_passageDown->setObjectName(QStringLiteral("passageDown"));
    m_removePassage = smallButton(tr("Remove"), tr("Remove the passage from the event"));
    m_removePassage->setObjectName(QStringLiteral("removePassage"));
    auto *passageButtons = new QHBoxLayout;
    passageButtons->addWidget(m_showPassage);
    passageButtons->addStretch();
    passageButtons->addWidget(m_passageUp);
    passageButtons->addWidget(m_passageDown);
    passageButtons->addWidget(m_removePassage);
    form->addRow(passageButtons);
    const auto showPassage = [this] {
        if (m_passages->currentRow() >= 0)
            emit passageActivated(m_eventId, m_passages->currentRow());
    };
    connect(m_showPassage, &QPushButton::clicked, this, showPassage);
    connect(m_passages, &QListWidget::itemActivated, this, showPassage);
    connect(m_passageUp, &QPushButton::clicked, this, [this] { movePassage(-1); });
    connect(m_passageDown, &QPushButton::clicked, this, [this] { movePassage(+1); });
    connect(m_removePassage, &QPushButton::clicked, this, &EventEditor::removePassage);

    // --- Disagreements
    form->addRow(heading(tr("Disagreements")));
    m_disagreements = new QTreeWidget;
    named(m_disagreements, "disagreements", tr("Disagreements"));
    m_disagreements->setHeaderHidden(true);
    m_disagreements->setWordWrap(true);
    m_disagreements->setMinimumHeight(90);
    form->addRow(withMessage(m_disagreements));
    m_topic = new QLineEdit;
    named(m_topic, "topic", tr("Disagreement topic"));
    form->addRow(tr("Topi&c:"), withMessage(m_topic));
    m_claimArticle = new QComboBox;
    named(m_claimArticle, "claimArticle", tr("Claim's article"));
    m_claimArticle->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_claimArticle->setMinimumContentsLength(12);
    form->addRow(tr("Article:"), withMessage(m_claimArticle));
    m_claimWords = new QLineEdit;
    named(m_claimWords, "claimWords", tr("Claim's words"));
    m_claimWords->setPlaceholderText(tr("Words quoted from the article"));
    form->addRow(tr("&Words:"), withMessage(m_claimWords));
    m_claimSays = new QLineEdit;
    named(m_claimSays, "claimSays", tr("What the claim says"));
    m_claimSays->setPlaceholderText(tr("What this article says, in short"));
    form->addRow(tr("Sa&ys:"), withMessage(m_claimSays));
    m_addDisagreement = smallButton(tr("New Disagreement"),
                                    tr("A disagreement on this topic, with the claim below"));
    m_addDisagreement->setObjectName(QStringLiteral("addDisagreement"));
    m_addClaim =
        smallButton(tr("Add Claim"), tr("Add the claim below to the selected disagreement"));
    m_addClaim->setObjectName(QStringLiteral("addClaim"));
    m_applyDisagreement =
        smallButton(tr("Apply"), tr("Write the topic and claim into the selected item"));
    m_applyDisagreement->setObjectName(QStringLiteral("applyDisagreement"));
    m_removeDisagreement =
        smallButton(tr("Remove"), tr("Remove the selected claim or disagreement"));
    m_removeDisagreement->setObjectName(QStringLiteral("removeDisagreement"));
    // Two rows: adding, then changing the selected item (four buttons do not fit a narrow dock).
    auto *disagreementButtons = new QHBoxLayout;
    disagreementButtons->addWidget(m_addDisagreement);
    disagreementButtons->addWidget(m_addClaim);
    disagreementButtons->addStretch();
    form->addRow(disagreementButtons);
    auto *selectedButtons = new QHBoxLayout;
    selectedButtons->addStretch();
    selectedButtons->addWidget(m_applyDisagreement);
    selectedButtons->addWidget(m_removeDisagreement);
    form->addRow(selectedButtons);
    connect(m_disagreements, &QTreeWidget::currentItemChanged, this,
            &EventEditor::showDisagreementItem);
    connect(m_addDisagreement, &QPushButton::clicked, this, &EventEditor::addDisagreement);
    connect(m_addClaim, &QPushButton::clicked, this, &EventEditor::addClaim);
    connect(m_applyDisagreement, &QPushButton::clicked, this, &EventEditor::applyDisagreement);
    connect(m_removeDisagreement, &QPushButton::clicked, this,
            &EventEditor::removeDisagreementItem);

    // --- Note
    form->addRow(heading(tr("Note")));
    m_note = new QPlainTextEdit;
    named(m_note, "note", tr("Note"));
    m_note->setTabChangesFocus(true);
    m_note->setFixedHeight(m_note->fontMetrics().lineSpacing() * 4 + 12);
    form->addRow(withMessage(m_note));

    // Text: every keystroke is a command; consecutive ones merge into one undo step.
    const auto text = [this](QLineEdit *edit, EventField field) {
        connect(edit, &QLineEdit::textEdited, this,
                [this, edit, field](const QString &value) { pushField(field, value, edit); });
    };
    text(m_title, EventField::Title);
    text(m_place, EventField::Place);
    text(m_expression, EventField::DateExpression);
    text(m_dateNote, EventField::DateNote);
    text(m_kind->lineEdit(), EventField::Kind);
    m_messages.insert(m_kind->lineEdit(), m_messages.value(m_kind));
    connect(m_kind, &QComboBox::activated, this,
            [this] { pushField(EventField::Kind, m_kind->currentText(), m_kind); });
    const auto plain = [this](QPlainTextEdit *edit, EventField field) {
        connect(edit, &QPlainTextEdit::textChanged, this, [this, edit, field] {
            if (!m_updating)
                pushField(field, edit->toPlainText(), edit);
        });
    };
    plain(m_summary, EventField::Summary);
    plain(m_note, EventField::Note);
    const auto choice = [this](QComboBox *combo, EventField field) {
        connect(combo, &QComboBox::activated, this,
                [this, combo, field] { pushField(field, combo->currentData(), combo); });
    };
    choice(m_status, EventField::Status);
    choice(m_precision, EventField::DatePrecision);
    choice(m_basis, EventField::DateBasis);
    choice(m_anchor, EventField::DateAnchor);
    // A date is one value, not keystrokes: it is committed when the field is left or Enter
    // pressed, and when a day is picked in the calendar.
    const auto date = [this](QDateEdit *edit, EventField field) {
        const auto commit = [this, edit, field] {
            const Event *current = shownEvent();
            if (m_updating || !current)
                return;
            if (eventFieldValue(*current, field).toDate() != edit->date())
                pushField(field, edit->date(), edit);
        };
        connect(edit, &QDateEdit::editingFinished, this, commit);
        connect(edit, &QDateEdit::dateChanged, this, [edit, commit] {
            if (edit->calendarWidget() && edit->calendarWidget()->isVisible())
                commit();
        });
    };
    date(m_start, EventField::DateStart);
    date(m_end, EventField::DateEnd);

    // Delete in a list removes its selected item (not the event: that is Edit → Delete Event).
    const auto deleteKey = [this](QWidget *list, void (EventEditor::*remove)()) {
        auto *action = new QAction(tr("Remove"), list);
        action->setShortcut(QKeySequence::Delete);
        action->setShortcutContext(Qt::WidgetShortcut);
        list->addAction(action);
        connect(action, &QAction::triggered, this, remove);
    };
    deleteKey(m_participants, &EventEditor::removeParticipant);
    deleteKey(m_passages, &EventEditor::removePassage);
    deleteKey(m_disagreements, &EventEditor::removeDisagreementItem);

    // Combos as narrow as a few characters: long kinds or titles elide rather than widen the form.
    for (QComboBox *combo : findChildren<QComboBox *>()) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(8);
    }

    const auto updateButtons = [this] {
        const int passage = m_passages->currentRow();
        m_showPassage->setEnabled(passage >= 0);
        m_passageUp->setEnabled(passage > 0);
        m_passageDown->setEnabled(passage >= 0 && passage + 1 < m_passages->count());
        m_removePassage->setEnabled(passage >= 0);
        m_removeParticipant->setEnabled(m_participants->currentItem() != nullptr);
        const auto [d, c] = disagreementSelection();
        m_addClaim->setEnabled(d >= 0);
        m_applyDisagreement->setEnabled(d >= 0);
        m_removeDisagreement->setEnabled(d >= 0);
        Q_UNUSED(c)
    };
    connect(m_passages, &QListWidget::currentRowChanged, this, updateButtons);
    connect(m_participants, &QTreeWidget::currentItemChanged, this, updateButtons);
    connect(m_disagreements, &QTreeWidget::currentItemChanged, this, updateButtons);
    updateButtons();
}

void EventEditor::follow() {
    const QModelIndex current = m_session->selectionModel()->currentIndex();
    setEvent(current.isValid() ? current.data(EventModel::EventIdRole).toString() : QString());
}

int EventEditor::row() const {
    if (m_eventId.isEmpty())
        return -1;
    return m_session->document()->eventRow(m_eventId, m_rowHint);
}

const Event *EventEditor::shownEvent() const {
    const int at = row();
    return at < 0 ? nullptr : &m_session->document()->dataset().events.at(at);
}

void EventEditor::setEvent(const QString &eventId) {
    const bool same = eventId == m_eventId;
    m_eventId = eventId;
    m_rowHint = m_session->document()->eventRow(eventId);
    if (m_rowHint < 0)
        m_eventId.clear();
    m_empty->setVisible(m_eventId.isEmpty());
    m_form->setVisible(!m_eventId.isEmpty());
    if (!same) {
        for (FieldMessage *message : std::as_const(m_messages))
            message->setMessage({});
        m_actorSearch->clear();
    }
    refresh({});
}

void EventEditor::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    if (std::exchange(m_refreshPending, false))
        refresh({});
}

void EventEditor::refresh(const EventFields &fields) {
    // Hidden (its dock closed, as it mostly is), the fields wait until shown: filling them
    // took a tenth of following each edit or selection.
    if (!isVisible()) {
        m_refreshPending = true;
        return;
    }
    const Event *current = shownEvent();
    if (!current)
        return;
    m_rowHint = row();
    const auto wants = [&](EventField field) {
        return fields.isEmpty() || fields.contains(field);
    };
    const auto clear = [this](QWidget *field) {
        if (FieldMessage *message = m_messages.value(field))
            message->setMessage({});
    };
    m_updating = true;
    if (wants(EventField::Title)) {
        setLineText(m_title, current->title);
        clear(m_title);
    }
    if (wants(EventField::Summary)) {
        setPlainText(m_summary, current->summary);
        clear(m_summary);
    }
    if (wants(EventField::Kind)) {
        if (m_kind->currentText() != current->kind) {
            const int cursor = m_kind->lineEdit()->cursorPosition();
            m_kind->setEditText(current->kind);
            m_kind->lineEdit()->setCursorPosition(qMin(cursor, int(current->kind.size())));
        }
        clear(m_kind);
    }
    if (wants(EventField::Status)) {
        selectEnum(m_status, current->status);
        clear(m_status);
    }
    if (wants(EventField::Place)) {
        setLineText(m_place, current->place);
        clear(m_place);
    }
    if (wants(EventField::DateStart) || wants(EventField::DateEnd)) {
        // Both: a refusal of one names the other.
        m_start->setDate(current->date.start);
        m_end->setDate(current->date.end);
        clear(m_start);
        clear(m_end);
    }
    if (wants(EventField::DatePrecision)) {
        selectEnum(m_precision, current->date.precision);
        clear(m_precision);
    }
    if (wants(EventField::DateBasis)) {
        selectEnum(m_basis, current->date.basis);
        clear(m_basis);
    }
    if (wants(EventField::DateAnchor)) {
        m_anchor->setCurrentIndex(qMax(0, m_anchor->findData(current->date.anchorArticleId)));
        clear(m_anchor);
    }
    if (wants(EventField::DateExpression)) {
        setLineText(m_expression, current->date.expression);
        clear(m_expression);
    }
    if (wants(EventField::DateNote)) {
        setLineText(m_dateNote, current->date.note);
        clear(m_dateNote);
    }
    if (wants(EventField::Note)) {
        setPlainText(m_note, current->note);
        clear(m_note);
    }
    m_updating = false;
    if (wants(EventField::Participants) || wants(EventField::Sources) ||
        wants(EventField::Disagreements))
        refreshLists();
}

void EventEditor::refreshLists() {
    const Event *current = shownEvent();
    if (!current)
        return;
    const Dataset &dataset = m_session->document()->dataset();
    m_updating = true;

    const int participantRow = m_participants->indexOfTopLevelItem(m_participants->currentItem());
    m_participants->clear();
    for (int i = 0; i < current->participants.size(); ++i) {
        const Participant &participant = current->participants.at(i);
        const Actor *actor = dataset.actor(participant.actorId);
        auto *item = new QTreeWidgetItem(m_participants);
        item->setText(0, actor ? actor->name : participant.actorId);
        item->setToolTip(0, participant.actorId);
        auto *role = new QComboBox;
        role->setAccessibleName(tr("Role of %1").arg(item->text(0)));
        for (int r = 0; r < m_role->count(); ++r)
            role->addItem(m_role->itemText(r), m_role->itemData(r));
        selectEnum(role, participant.role);
        m_participants->setItemWidget(item, 1, role);
        connect(role, &QComboBox::activated, this, [this, i, role] {
            setParticipantRole(i, role->currentData().value<ParticipantRole>());
        });
    }
    if (participantRow >= 0 && participantRow < m_participants->topLevelItemCount())
        m_participants->setCurrentItem(m_participants->topLevelItem(participantRow));

    const int passageRow = m_passages->currentRow();
    m_passages->clear();
    for (const SourcePassage &passage : current->sources) {
        const Article *article = dataset.article(passage.articleId);
        auto *item = new QListWidgetItem(
            tr("“%1” — %2")
                .arg(elided(passage.exact, 90), article ? article->title : passage.articleId),
            m_passages);
        item->setToolTip(passage.exact);
    }
    if (passageRow >= 0)
        m_passages->setCurrentRow(qMin(passageRow, m_passages->count() - 1));

    const auto [d, c] = disagreementSelection();
    m_disagreements->clear();
    for (const Disagreement &disagreement : current->disagreements) {
        auto *top = new QTreeWidgetItem(m_disagreements, {disagreement.topic});
        for (const Claim &claim : disagreement.claims) {
            const Article *article = dataset.article(claim.articleId);
            const QString text =
                claim.says.isEmpty()
                    ? tr("“%1” (%2)")
                          .arg(elided(claim.exact, 60), article ? article->title : claim.articleId)
                    : tr("%1: “%2” (%3)")
                          .arg(claim.says, elided(claim.exact, 60),
                               article ? article->title : claim.articleId);
            auto *child = new QTreeWidgetItem(top, {text});
            child->setToolTip(0, claim.exact);
        }
    }
    m_disagreements->expandAll();
    if (d >= 0 && d < m_disagreements->topLevelItemCount()) {
        QTreeWidgetItem *top = m_disagreements->topLevelItem(d);
        m_disagreements->setCurrentItem(c >= 0 && c < top->childCount() ? top->child(c) : top);
    }
    m_updating = false;
    for (QWidget *list :
         {static_cast<QWidget *>(m_participants), static_cast<QWidget *>(m_passages),
          static_cast<QWidget *>(m_disagreements)})
        if (FieldMessage *message = m_messages.value(list))
            message->setMessage({});
}

void EventEditor::refreshKinds() {
    QSet<QString> seen;
    QStringList kinds;
    for (const Event &item : m_session->document()->dataset().events) {
        if (!item.kind.isEmpty() && !seen.contains(item.kind)) {
            seen.insert(item.kind);
            kinds.append(item.kind);
        }
    }
    kinds.sort(Qt::CaseInsensitive);
    const QString text = m_kind->currentText();
    const int cursor = m_kind->lineEdit()->cursorPosition();
    const bool updating = std::exchange(m_updating, true);
    m_kind->clear();
    m_kind->addItems(kinds);
    m_kind->setEditText(text);
    m_kind->lineEdit()->setCursorPosition(cursor);
    m_updating = updating;
}

void EventEditor::refreshArticles() {
    const Dataset &dataset = m_session->document()->dataset();
    m_anchor->clear();
    m_anchor->addItem(tr("(none)"), QString());
    const QString claimArticle = m_claimArticle->currentData().toString();
    m_claimArticle->clear();
    for (const Article &article : dataset.articles) {
        const QString label =
            article.published.isValid()
                ? tr("%1 (%2)").arg(article.title, article.published.toString(Qt::ISODate))
                : article.title;
        m_anchor->addItem(label, article.id);
        m_claimArticle->addItem(label, article.id);
    }
    m_claimArticle->setCurrentIndex(qMax(0, m_claimArticle->findData(claimArticle)));
}

void EventEditor::mark(QWidget *at, const QString &message) {
    if (FieldMessage *line = m_messages.value(at))
        line->setMessage(message);
}

bool EventEditor::pushField(EventField field, const QVariant &value, QWidget *at) {
    if (m_updating || m_eventId.isEmpty())
        return false;
    Document *document = m_session->document();
    if (!document->setEventField(m_eventId, field, value)) {
        mark(at, document->lastError());
        return false;
    }
    mark(at, {});
    return true;
}

bool EventEditor::pushEvent(const Event &edited, EventField field, const QString &text,
                            QWidget *at) {
    Document *document = m_session->document();
    // The reader's rules over the whole event: a topic or claim the file could not hold is
    // refused here with the reader's words, not written.
    for (const Diagnostic &finding :
         DatasetValidator::checkEvent(document->dataset(), edited, row())) {
        if (finding.isError()) {
            mark(at, finding.message);
            return false;
        }
    }
    DocumentCommand *command = nullptr;
    switch (field) {
    case EventField::Participants:
        command = new EditParticipantsCommand(document, m_eventId, edited.participants, text);
        break;
    case EventField::Sources:
        command = new EditPassagesCommand(document, m_eventId, edited.sources, text);
        break;
    default:
        command = new EditDisagreementsCommand(document, m_eventId, edited.disagreements, text);
        break;
    }
    if (!document->push(command)) {
        mark(at, document->lastError());
        return false;
    }
    mark(at, {});
    return true;
}

void EventEditor::addParticipant() {
    const Event *current = shownEvent();
    if (!current)
        return;
    const QString wanted = m_actorSearch->text().trimmed();
    const Dataset &dataset = m_session->document()->dataset();
    const Actor *found = dataset.actor(wanted);
    for (const Actor &actor : dataset.actors) {
        if (found)
            break;
        if (actor.name.compare(wanted, Qt::CaseInsensitive) == 0)
            found = &actor;
    }
    if (!found) {
        mark(m_actorSearch, wanted.isEmpty() ? tr("Type an actor's name and pick it from the list")
                                             : tr("No actor is named “%1”").arg(wanted));
        return;
    }
    Event edited = *current;
    for (const Participant &participant : std::as_const(edited.participants)) {
        if (participant.actorId == found->id) {
            mark(m_actorSearch, tr("%1 already takes part in this event").arg(found->name));
            return;
        }
    }
    edited.participants.append({found->id, m_role->currentData().value<ParticipantRole>()});
    if (pushEvent(edited, EventField::Participants, tr("Add Participant"), m_participants)) {
        mark(m_actorSearch, {});
        // Queued: a name picked in the completer's list with Return is written into the field
        // after returnPressed has added it.
        QMetaObject::invokeMethod(m_actorSearch, &QLineEdit::clear, Qt::QueuedConnection);
    }
}

void EventEditor::setParticipantRole(int index, ParticipantRole role) {
    const Event *current = shownEvent();
    if (m_updating || !current || index >= current->participants.size())
        return;
    Event edited = *current;
    edited.participants[index].role = role;
    pushEvent(edited, EventField::Participants, tr("Change Role"), m_participants);
}

void EventEditor::removeParticipant() {
    const Event *current = shownEvent();
    const int index = m_participants->indexOfTopLevelItem(m_participants->currentItem());
    if (!current || index < 0 || index >= current->participants.size())
        return;
    Event edited = *current;
    edited.participants.removeAt(index);
    pushEvent(edited, EventField::Participants, tr("Remove Participant"), m_participants);
}

void EventEditor::movePassage(int delta) {
    const Event *current = shownEvent();
    const int index = m_passages->currentRow();
    const int to = index + delta;
    if (!current || index < 0 || to < 0 || to >= current->sources.size())
        return;
    Event edited = *current;
    edited.sources.move(index, to);
    if (pushEvent(edited, EventField::Sources, tr("Move Passage"), m_passages))
        m_passages->setCurrentRow(to);
}

void EventEditor::removePassage() {
    const Event *current = shownEvent();
    const int index = m_passages->currentRow();
    if (!current || index < 0 || index >= current->sources.size())
        return;
    Event edited = *current;
    edited.sources.removeAt(index);
    pushEvent(edited, EventField::Sources, tr("Remove Passage"), m_passages);
}

std::pair<int, int> EventEditor::disagreementSelection() const {
    const QTreeWidgetItem *item = m_disagreements->currentItem();
    if (!item)
        return {-1, -1};
    if (const QTreeWidgetItem *parent = item->parent())
        return {m_disagreements->indexOfTopLevelItem(const_cast<QTreeWidgetItem *>(parent)),
                parent->indexOfChild(const_cast<QTreeWidgetItem *>(item))};
    return {m_disagreements->indexOfTopLevelItem(const_cast<QTreeWidgetItem *>(item)), -1};
}

Claim EventEditor::claimFromForm() const {
    Claim claim;
    claim.articleId = m_claimArticle->currentData().toString();
    claim.exact = m_claimWords->text();
    claim.says = m_claimSays->text().trimmed();
    return claim;
}

void EventEditor::showDisagreementItem() {
    const Event *current = shownEvent();
    const auto [d, c] = disagreementSelection();
    if (m_updating || !current || d < 0 || d >= current->disagreements.size())
        return;
    const Disagreement &disagreement = current->disagreements.at(d);
    m_topic->setText(disagreement.topic);
    if (c >= 0 && c < disagreement.claims.size()) {
        const Claim &claim = disagreement.claims.at(c);
        m_claimArticle->setCurrentIndex(qMax(0, m_claimArticle->findData(claim.articleId)));
        m_claimWords->setText(claim.exact);
        m_claimSays->setText(claim.says);
    }
}

void EventEditor::addDisagreement() {
    const Event *current = shownEvent();
    if (!current)
        return;
    Event edited = *current;
    Disagreement disagreement;
    disagreement.topic = m_topic->text().trimmed();
    if (disagreement.topic.isEmpty()) {
        mark(m_topic, tr("Say what the sources disagree on"));
        return;
    }
    mark(m_topic, {});
    disagreement.claims.append(claimFromForm());
    edited.disagreements.append(disagreement);
    if (pushEvent(edited, EventField::Disagreements, tr("Add Disagreement"), m_claimWords)) {
        QTreeWidgetItem *top =
            m_disagreements->topLevelItem(m_disagreements->topLevelItemCount() - 1);
        m_disagreements->setCurrentItem(top);
        m_claimWords->clear();
        m_claimSays->clear();
    }
}

void EventEditor::addClaim() {
    const Event *current = shownEvent();
    const int d = disagreementSelection().first;
    if (!current || d < 0 || d >= current->disagreements.size())
        return;
    Event edited = *current;
    edited.disagreements[d].claims.append(claimFromForm());
    if (pushEvent(edited, EventField::Disagreements, tr("Add Claim"), m_claimWords)) {
        m_claimWords->clear();
        m_claimSays->clear();
    }
}

void EventEditor::applyDisagreement() {
    const Event *current = shownEvent();
    const auto [d, c] = disagreementSelection();
    if (!current || d < 0 || d >= current->disagreements.size())
        return;
    Event edited = *current;
    Disagreement &disagreement = edited.disagreements[d];
    disagreement.topic = m_topic->text().trimmed();
    if (c >= 0 && c < disagreement.claims.size())
        disagreement.claims[c] = claimFromForm();
    pushEvent(edited, EventField::Disagreements, tr("Edit Disagreement"),
              c >= 0 ? static_cast<QWidget *>(m_claimWords) : static_cast<QWidget *>(m_topic));
}

void EventEditor::removeDisagreementItem() {
    const Event *current = shownEvent();
    const auto [d, c] = disagreementSelection();
    if (!current || d < 0 || d >= current->disagreements.size())
        return;
    Event edited = *current;
    if (c >= 0)
        edited.disagreements[d].claims.removeAt(c);
    else
        edited.disagreements.removeAt(d);
    pushEvent(edited, EventField::Disagreements,
              c >= 0 ? tr("Remove Claim") : tr("Remove Disagreement"), m_disagreements);
}

} // namespace ntl
