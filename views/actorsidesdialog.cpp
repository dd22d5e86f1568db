#include "actorsidesdialog.h"

#include "commands/editactorcommand.h"
#include "commands/editsidecommand.h"
#include "commands/mergeactorscommand.h"
#include "commands/movesidecommand.h"
#include "document.h"
#include "fieldmessage.h"
#include "idwords.h"
#include "sidepalette.h"

#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPixmap>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ntl {

namespace {

QPushButton *button(const QString &text, const char *name, const QString &toolTip) {
    auto *result = new QPushButton(text);
    result->setObjectName(QString::fromLatin1(name));
    result->setToolTip(toolTip);
    result->setAutoDefault(false);
    return result;
}

int eventsNaming(const Dataset &dataset, const QString &actorId) {
    int count = 0;
    for (const Event &event : dataset.events) {
        for (const Participant &participant : event.participants) {
            if (participant.actorId == actorId) {
                ++count;
                break;
            }
        }
    }
    return count;
}

} // namespace

QString ActorSidesDialog::idFromName(const QString &name, const QStringList &taken,
                                     const QString &fallback) {
    // The rule of every new id (idWords): the same name gives an actor, a side, an event and
    // an article the same words.
    return idFromWords(QString(), name, fallback,
                       [&taken](const QString &id) { return taken.contains(id); });
}

ActorSidesDialog::ActorSidesDialog(Document *document, QWidget *parent)
    : QDialog(parent)
    , m_document(document) {
    setObjectName(QStringLiteral("actorSidesDialog"));
    setWindowTitle(tr("Actors and Sides"));
    auto *layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget;
    layout->addWidget(m_tabs);

    // --- Actors: the list on the left, the selected actor's fields on the right.
    auto *actorsPage = new QWidget;
    auto *actorsLayout = new QHBoxLayout(actorsPage);
    auto *listColumn = new QVBoxLayout;
    m_actorFilter = new QLineEdit;
    m_actorFilter->setObjectName(QStringLiteral("actorFilter"));
    m_actorFilter->setPlaceholderText(tr("Filter actors…"));
    m_actorFilter->setClearButtonEnabled(true);
    m_actorFilter->setAccessibleName(tr("Filter actors"));
    listColumn->addWidget(m_actorFilter);
    m_actors = new QListWidget;
    m_actors->setObjectName(QStringLiteral("actors"));
    m_actors->setAccessibleName(tr("Actors"));
    listColumn->addWidget(FieldMessage::wrap(m_actors, &m_actorsMessage), 1);
    auto *listButtons = new QHBoxLayout;
    m_newActor = button(tr("New Actor"), "newActor", tr("Create an actor"));
    m_removeActor =
        button(tr("Remove"), "removeActor", tr("Remove the selected actor if no event names it"));
    listButtons->addWidget(m_newActor);
    listButtons->addStretch();
    listButtons->addWidget(m_removeActor);
    listColumn->addLayout(listButtons);
    actorsLayout->addLayout(listColumn, 1);

    auto *actorForm = new QFormLayout;
    m_actorName = new QLineEdit;
    m_actorName->setObjectName(QStringLiteral("actorName"));
    actorForm->addRow(tr("&Name:"), FieldMessage::wrap(m_actorName, &m_actorNameMessage));
    m_actorTitle = new QLineEdit;
    m_actorTitle->setObjectName(QStringLiteral("actorTitle"));
    m_actorTitle->setPlaceholderText(tr("e.g. Foreign Minister"));
    actorForm->addRow(tr("&Title:"), m_actorTitle);
    m_actorKind = new QComboBox;
    m_actorKind->setObjectName(QStringLiteral("actorKind"));
    const QStringList kinds{tr("Person"), tr("Country"), tr("Organisation"), tr("Group"),
                            tr("Media")};
    for (int i = 0; i < kinds.size(); ++i)
        m_actorKind->addItem(kinds.at(i), QVariant::fromValue(ActorKind(i)));
    actorForm->addRow(tr("&Kind:"), m_actorKind);
    m_actorSide = new QComboBox;
    m_actorSide->setObjectName(QStringLiteral("actorSide"));
    actorForm->addRow(tr("&Side:"), m_actorSide);
    m_actorAffiliation = new QComboBox;
    m_actorAffiliation->setObjectName(QStringLiteral("actorAffiliation"));
    m_actorAffiliation->setToolTip(
        tr("The actor this one belongs to; its side counts when the actor has none"));
    actorForm->addRow(tr("&Affiliation:"), m_actorAffiliation);
    auto *mergeRow = new QHBoxLayout;
    m_mergeInto = new QComboBox;
    m_mergeInto->setObjectName(QStringLiteral("mergeInto"));
    m_mergeInto->setAccessibleName(tr("Actor to merge into"));
    m_merge = button(tr("&Merge"), "merge",
                     tr("Every event naming the selected actor names this one instead; the "
                        "selected actor goes"));
    mergeRow->addWidget(m_mergeInto, 1);
    mergeRow->addWidget(m_merge);
    actorForm->addRow(tr("Merge into:"), mergeRow);
    m_actorUsage = new QLabel;
    m_actorUsage->setObjectName(QStringLiteral("actorUsage"));
    m_actorUsage->setWordWrap(true);
    actorForm->addRow(m_actorUsage);
    actorsLayout->addLayout(actorForm, 1);
    m_tabs->addTab(actorsPage, tr("&Actors"));

    // --- Sides
    auto *sidesPage = new QWidget;
    auto *sidesLayout = new QVBoxLayout(sidesPage);
    auto *sidesNote =
        new QLabel(tr("The order of the sides is the order of the lanes in the timeline; "
                      "an event takes the colour of its first side."));
    sidesNote->setWordWrap(true);
    sidesLayout->addWidget(sidesNote);
    m_sides = new QListWidget;
    m_sides->setObjectName(QStringLiteral("sides"));
    m_sides->setAccessibleName(tr("Sides"));
    sidesLayout->addWidget(FieldMessage::wrap(m_sides, &m_sidesMessage), 1);
    auto *sideForm = new QFormLayout;
    m_sideName = new QLineEdit;
    m_sideName->setObjectName(QStringLiteral("sideName"));
    sideForm->addRow(tr("&Name:"), FieldMessage::wrap(m_sideName, &m_sideNameMessage));
    // The colour as the views draw it (SidePalette: adapted to a dark theme), so what is shown
    // here is what the timeline shows.
    m_sideColor = button(tr("C&olour…"), "sideColor", tr("Choose the side's colour"));
    m_sideColorReset =
        button(tr("Lane Colour"), "sideColorReset", tr("Give the side its lane's colour again"));
    auto *colorRow = new QHBoxLayout;
    colorRow->addWidget(m_sideColor);
    colorRow->addWidget(m_sideColorReset);
    colorRow->addStretch();
    sideForm->addRow(tr("Colour:"), colorRow);
    sidesLayout->addLayout(sideForm);
    auto *sideButtons = new QHBoxLayout;
    m_addSide = button(tr("Add Side"), "addSide", tr("Add a side at the end"));
    m_sideUp = button(tr("Up"), "sideUp", tr("Move the side one lane up"));
    m_sideDown = button(tr("Down"), "sideDown", tr("Move the side one lane down"));
    m_removeSide =
        button(tr("Remove"), "removeSide", tr("Remove the selected side if no actor stands on it"));
    sideButtons->addWidget(m_addSide);
    sideButtons->addStretch();
    sideButtons->addWidget(m_sideUp);
    sideButtons->addWidget(m_sideDown);
    sideButtons->addWidget(m_removeSide);
    sidesLayout->addLayout(sideButtons);
    m_tabs->addTab(sidesPage, tr("&Sides"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_actorFilter, &QLineEdit::textChanged, this, &ActorSidesDialog::refreshActors);
    connect(m_actors, &QListWidget::currentRowChanged, this, &ActorSidesDialog::showActor);
    connect(m_actorName, &QLineEdit::editingFinished, this, [this] { editActor(m_actorName); });
    connect(m_actorTitle, &QLineEdit::editingFinished, this, [this] { editActor(m_actorTitle); });
    for (QComboBox *combo : {m_actorKind, m_actorSide, m_actorAffiliation})
        connect(combo, &QComboBox::activated, this, [this, combo] { editActor(combo); });
    connect(m_newActor, &QPushButton::clicked, this, [this] {
        if (newActor(tr("New actor"))) {
            m_actorName->setFocus();
            m_actorName->selectAll();
        }
    });
    connect(m_merge, &QPushButton::clicked, this,
            [this] { mergeSelectedInto(m_mergeInto->currentData().toString()); });
    connect(m_removeActor, &QPushButton::clicked, this, &ActorSidesDialog::removeSelectedActor);
    connect(m_sides, &QListWidget::currentRowChanged, this, &ActorSidesDialog::showSide);
    connect(m_sideName, &QLineEdit::editingFinished, this, &ActorSidesDialog::renameSide);
    connect(m_addSide, &QPushButton::clicked, this, [this] {
        if (addSide(tr("New side"))) {
            m_sideName->setFocus();
            m_sideName->selectAll();
        }
    });
    connect(m_sideUp, &QPushButton::clicked, this, [this] { moveSelectedSide(-1); });
    connect(m_sideDown, &QPushButton::clicked, this, [this] { moveSelectedSide(+1); });
    connect(m_removeSide, &QPushButton::clicked, this, &ActorSidesDialog::removeSelectedSide);
    connect(m_sideColor, &QPushButton::clicked, this, &ActorSidesDialog::chooseSideColor);
    connect(m_sideColorReset, &QPushButton::clicked, this, [this] { recolorSelectedSide({}); });

    // Undo and redo (Ctrl+Z in the window behind, or here) and edits elsewhere show at once.
    connect(document, &Document::actorsChanged, this, &ActorSidesDialog::refreshActors);
    connect(document, &Document::sidesChanged, this, [this] {
        refreshSides();
        refreshActors();
    });
    connect(document, &Document::datasetReset, this, [this] {
        refreshSides();
        refreshActors();
    });
    refreshSides();
    refreshActors();
    resize(720, 480);
}

QString ActorSidesDialog::selectedActorId() const {
    const QListWidgetItem *item = m_actors->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

QString ActorSidesDialog::selectedSideId() const {
    const QListWidgetItem *item = m_sides->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void ActorSidesDialog::selectActor(const QString &actorId) {
    for (int i = 0; i < m_actors->count(); ++i) {
        if (m_actors->item(i)->data(Qt::UserRole).toString() == actorId) {
            m_actors->setCurrentRow(i);
            return;
        }
    }
}

void ActorSidesDialog::refreshActors() {
    const Dataset &dataset = m_document->dataset();
    const QString selected = selectedActorId();
    const QString filter = m_actorFilter->text().trimmed();
    m_updating = true;
    m_actors->clear();
    for (const Actor &actor : dataset.actors) {
        if (!filter.isEmpty() && !actor.name.contains(filter, Qt::CaseInsensitive) &&
            !actor.title.contains(filter, Qt::CaseInsensitive))
            continue;
        const Side *side = dataset.side(dataset.effectiveSideId(actor.id));
        auto *item = new QListWidgetItem(
            side ? tr("%1 — %2").arg(actor.name, side->name) : actor.name, m_actors);
        item->setData(Qt::UserRole, actor.id);
        item->setToolTip(actor.id);
    }
    m_updating = false;
    selectActor(selected);
    if (!m_actors->currentItem() && m_actors->count() > 0)
        m_actors->setCurrentRow(0);
    showActor();
}

void ActorSidesDialog::showActor() {
    if (m_updating)
        return;
    const Dataset &dataset = m_document->dataset();
    const Actor *actor = dataset.actor(selectedActorId());
    for (QWidget *field :
         std::initializer_list<QWidget *>{m_actorName, m_actorTitle, m_actorKind, m_actorSide,
                                          m_actorAffiliation, m_mergeInto, m_merge, m_removeActor})
        field->setEnabled(actor != nullptr);
    m_actorNameMessage->setMessage({});
    m_actorsMessage->setMessage({});
    // What a merge or removal would touch, before the user tries.
    const int uses = actor ? eventsNaming(dataset, actor->id) : 0;
    m_actorUsage->setText(!actor      ? QString()
                          : uses == 0 ? tr("Takes part in no event.")
                          : uses == 1 ? tr("Takes part in 1 event.")
                                      : tr("Takes part in %1 events.").arg(uses));
    m_updating = true;
    m_actorSide->clear();
    m_actorSide->addItem(tr("(none)"), QString());
    for (const Side &side : dataset.sides)
        m_actorSide->addItem(side.name, side.id);
    m_actorAffiliation->clear();
    m_actorAffiliation->addItem(tr("(none)"), QString());
    m_mergeInto->clear();
    for (const Actor &other : dataset.actors) {
        if (actor && other.id == actor->id)
            continue;
        m_actorAffiliation->addItem(other.name, other.id);
        m_mergeInto->addItem(other.name, other.id);
    }
    if (actor) {
        m_actorName->setText(actor->name);
        m_actorTitle->setText(actor->title);
        m_actorKind->setCurrentIndex(m_actorKind->findData(QVariant::fromValue(actor->kind)));
        m_actorSide->setCurrentIndex(qMax(0, m_actorSide->findData(actor->sideId)));
        m_actorAffiliation->setCurrentIndex(
            qMax(0, m_actorAffiliation->findData(actor->affiliationId)));
    } else {
        m_actorName->clear();
        m_actorTitle->clear();
    }
    m_updating = false;
}

void ActorSidesDialog::editActor(QWidget *at) {
    const Actor *actor = m_document->dataset().actor(selectedActorId());
    if (m_updating || !actor)
        return;
    Actor edited = *actor;
    edited.name = m_actorName->text().trimmed();
    edited.title = m_actorTitle->text().trimmed();
    edited.kind = m_actorKind->currentData().value<ActorKind>();
    edited.sideId = m_actorSide->currentData().toString();
    edited.affiliationId = m_actorAffiliation->currentData().toString();
    if (edited.name == actor->name && edited.title == actor->title && edited.kind == actor->kind &&
        edited.sideId == actor->sideId && edited.affiliationId == actor->affiliationId)
        return;
    if (!m_document->push(new EditActorCommand(m_document, actor->id, edited, tr("Edit Actor")))) {
        (at == m_actorName ? m_actorNameMessage : m_actorsMessage)
            ->setMessage(m_document->lastError());
        return;
    }
}

bool ActorSidesDialog::newActor(const QString &name) {
    QStringList taken;
    for (const Actor &actor : m_document->dataset().actors)
        taken.append(actor.id);
    Actor actor;
    actor.id = idFromName(name, taken, QStringLiteral("actor"));
    actor.name = name;
    if (!m_document->push(new EditActorCommand(m_document, actor.id, actor, tr("New Actor")))) {
        m_actorsMessage->setMessage(m_document->lastError());
        return false;
    }
    m_actorFilter->clear();
    selectActor(actor.id);
    return true;
}

bool ActorSidesDialog::mergeSelectedInto(const QString &intoId) {
    const Dataset &dataset = m_document->dataset();
    const Actor *from = dataset.actor(selectedActorId());
    const Actor *into = dataset.actor(intoId);
    if (!from || !into)
        return false;
    const QString intoKept = into->id;
    auto *command = new MergeActorsCommand(m_document, from->id, into->id);
    command->setText(tr("Merge “%1” into “%2”").arg(from->name, into->name));
    if (!m_document->push(command)) {
        m_actorsMessage->setMessage(m_document->lastError());
        return false;
    }
    selectActor(intoKept);
    return true;
}

QString ActorSidesDialog::actorRemovalRefusal(const Document &document, const QString &actorId) {
    const Dataset &dataset = document.dataset();
    const Actor *actor = dataset.actor(actorId);
    if (!actor)
        return {};
    // The reason in the user's terms, and what to do instead.
    if (const int n = eventsNaming(dataset, actor->id))
        return (n == 1 ? tr("“%1” takes part in 1 event: merge it into another actor instead, or "
                            "remove it from that event first.")
                             .arg(actor->name)
                       : tr("“%1” takes part in %2 events: merge it into another actor instead, "
                            "or remove it from those events first.")
                             .arg(actor->name)
                             .arg(n));
    for (const Actor &other : dataset.actors) {
        if (other.affiliationId == actor->id)
            return tr("“%1” is affiliated with “%2”: change that affiliation first.")
                .arg(other.name, actor->name);
    }
    return {};
}

bool ActorSidesDialog::removeSelectedActor() {
    const Actor *actor = m_document->dataset().actor(selectedActorId());
    if (!actor)
        return false;
    const QString refusal = actorRemovalRefusal(*m_document, actor->id);
    if (!refusal.isEmpty()) {
        m_actorsMessage->setMessage(refusal);
        return false;
    }
    if (!m_document->push(
            new EditActorCommand(m_document, actor->id, std::nullopt, tr("Remove Actor")))) {
        m_actorsMessage->setMessage(m_document->lastError());
        return false;
    }
    return true;
}

void ActorSidesDialog::refreshSides() {
    const QString selected = selectedSideId();
    m_updating = true;
    m_sides->clear();
    // Each side with its lane colour: moving a side changes which colour its events take.
    const SidePalette palette(this->palette(), &m_document->dataset());
    const QList<Side> &sides = m_document->dataset().sides;
    for (int i = 0; i < sides.size(); ++i) {
        const Side &side = sides.at(i);
        QPixmap swatch(14, 14);
        swatch.fill(palette.color(i));
        auto *item = new QListWidgetItem(QIcon(swatch), side.name, m_sides);
        item->setData(Qt::UserRole, side.id);
        item->setToolTip(side.id);
        if (side.id == selected)
            m_sides->setCurrentItem(item);
    }
    if (!m_sides->currentItem() && m_sides->count() > 0)
        m_sides->setCurrentRow(0);
    m_updating = false;
    showSide();
}

void ActorSidesDialog::showSide() {
    if (m_updating)
        return;
    const int row = m_sides->currentRow();
    const Side *side = m_document->dataset().side(selectedSideId());
    m_sideName->setEnabled(side != nullptr);
    m_removeSide->setEnabled(side != nullptr);
    m_sideUp->setEnabled(side && row > 0);
    m_sideDown->setEnabled(side && row + 1 < m_sides->count());
    m_sideName->setText(side ? side->name : QString());
    m_sideColor->setEnabled(side != nullptr);
    m_sideColorReset->setEnabled(side && !side->color.isEmpty());
    QPixmap swatch(16, 16);
    swatch.fill(side ? SidePalette(palette(), &m_document->dataset()).color(row) : Qt::transparent);
    m_sideColor->setIcon(QIcon(swatch));
    m_sideColor->setAccessibleDescription(
        side ? (side->color.isEmpty() ? tr("the lane's colour") : side->color) : QString());
    m_sideNameMessage->setMessage({});
    m_sidesMessage->setMessage({});
}

void ActorSidesDialog::renameSide() {
    const Side *side = m_document->dataset().side(selectedSideId());
    if (m_updating || !side || m_sideName->text() == side->name)
        return;
    Side edited = *side;
    edited.name = m_sideName->text().trimmed();
    if (!m_document->push(new EditSideCommand(m_document, side->id, edited, tr("Rename Side"))))
        m_sideNameMessage->setMessage(m_document->lastError());
}

bool ActorSidesDialog::recolorSelectedSide(const QString &color) {
    const Side *side = m_document->dataset().side(selectedSideId());
    if (!side || side->color == color)
        return false;
    Side edited = *side;
    edited.color = color;
    if (!m_document->push(new EditSideCommand(m_document, side->id, edited, tr("Recolour Side")))) {
        m_sidesMessage->setMessage(m_document->lastError());
        return false;
    }
    return true;
}

void ActorSidesDialog::chooseSideColor() {
    const Side *side = m_document->dataset().side(selectedSideId());
    if (!side)
        return;
    // Starts from the colour as chosen (not as adapted to a dark theme), else the lane's.
    const QColor start =
        side->color.isEmpty() ? SidePalette::laneColor(m_sides->currentRow()) : QColor(side->color);
    QColorDialog dialog(start, this);
    dialog.setObjectName(QStringLiteral("sideColorDialog"));
    dialog.setWindowTitle(tr("Colour of “%1”").arg(side->name));
    if (dialog.exec() == QDialog::Accepted && dialog.selectedColor().isValid())
        recolorSelectedSide(dialog.selectedColor().name(QColor::HexRgb));
}

bool ActorSidesDialog::addSide(const QString &name) {
    QStringList taken;
    for (const Side &side : m_document->dataset().sides)
        taken.append(side.id);
    Side side{idFromName(name, taken, QStringLiteral("side")), name, QString()};
    if (!m_document->push(new EditSideCommand(m_document, side.id, side, tr("Add Side")))) {
        m_sidesMessage->setMessage(m_document->lastError());
        return false;
    }
    m_sides->setCurrentRow(m_sides->count() - 1);
    return true;
}

bool ActorSidesDialog::moveSelectedSide(int delta) {
    const QString id = selectedSideId();
    const int to = m_sides->currentRow() + delta;
    if (id.isEmpty())
        return false;
    if (!m_document->push(new MoveSideCommand(m_document, id, to))) {
        m_sidesMessage->setMessage(m_document->lastError());
        return false;
    }
    return true;
}

bool ActorSidesDialog::removeSelectedSide() {
    const Dataset &dataset = m_document->dataset();
    const Side *side = dataset.side(selectedSideId());
    if (!side)
        return false;
    int standing = 0;
    for (const Actor &actor : dataset.actors)
        standing += actor.sideId == side->id;
    if (standing > 0) {
        m_sidesMessage->setMessage(
            standing == 1
                ? tr("1 actor stands on “%1”: move it to another side first.").arg(side->name)
                : tr("%1 actors stand on “%2”: move them to another side first.")
                      .arg(standing)
                      .arg(side->name));
        return false;
    }
    if (!m_document->push(
            new EditSideCommand(m_document, side->id, std::nullopt, tr("Remove Side")))) {
        m_sidesMessage->setMessage(m_document->lastError());
        return false;
    }
    return true;
}

} // namespace ntl
