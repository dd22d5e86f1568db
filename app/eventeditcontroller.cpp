#include "eventeditcontroller.h"

#include "actormodel.h"
#include "actorsidesdialog.h"
#include "actorsview.h"
#include "chronicleview.h"
#include "commands/addeventcommand.h"
#include "commands/editactorcommand.h"
#include "commands/mergeactorscommand.h"
#include "document.h"
#include "editgate.h"
#include "eventeditor.h"
#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "mainwindow.h"
#include "session.h"
#include "timelineview.h"

#include <QAction>
#include <QDockWidget>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QMenu>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>

namespace ntl {

void EventEditController::windowClosing() {
    disconnect(m_dock, nullptr, this, nullptr);
}

EventEditController::EventEditController(MainWindow *window)
    : QObject(window)
    , m_window(window) {
    Session *session = window->session();
    m_editor = new EventEditor(session);
    m_dock = new QDockWidget(tr("Edit Event"), window);
    m_dock->setObjectName(QStringLiteral("eventEditorDock"));
    m_dock->setWidget(m_editor);
    m_dock->setMinimumWidth(300);
    window->addDockWidget(Qt::RightDockWidgetArea, m_dock);
    m_dock->hide();
    // The editor shows all the details panel does: on a screen too narrow for both beside the
    // views (1024 pixels), the details fold away while it is open and come back after.
    connect(m_dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        auto *splitter = qobject_cast<QSplitter *>(m_window->centralWidget());
        if (!splitter || splitter->count() < 3 || m_dock->isFloating())
            return;
        QList<int> sizes = splitter->sizes();
        if (visible && m_window->width() < 1400 && sizes.at(2) > 0) {
            m_foldedDetailsWidth = sizes.at(2);
            sizes[1] += sizes.at(2);
            sizes[2] = 0;
            splitter->setSizes(sizes);
        } else if (!visible && m_foldedDetailsWidth > 0) {
            sizes[1] = std::max(0, sizes.at(1) - m_foldedDetailsWidth);
            sizes[2] = m_foldedDetailsWidth;
            m_foldedDetailsWidth = 0;
            splitter->setSizes(sizes);
        }
    });
    connect(m_editor, &EventEditor::passageActivated, window, &MainWindow::showPassage);

    m_edit = new QAction(tr("&Edit Event"), this);
    // F2 as for renaming; Alt+Return as for an item's properties. Neither is bound elsewhere.
    m_edit->setShortcuts({QKeySequence(Qt::Key_F2), QKeySequence(Qt::ALT | Qt::Key_Return)});
    connect(m_edit, &QAction::triggered, this, [this] {
        m_dock->show();
        m_dock->raise();
        if (auto *title = m_editor->findChild<QLineEdit *>(QStringLiteral("title"))) {
            title->setFocus(Qt::ShortcutFocusReason);
            title->selectAll();
        }
    });
    m_delete = new QAction(tr("&Delete Event"), this);
    m_delete->setShortcut(QKeySequence::Delete);
    // Only where an event is what has the focus: Delete in a text field deletes text.
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    window->timeline()->addAction(m_delete);
    window->chronicleView()->addAction(m_delete);
    connect(m_delete, &QAction::triggered, this, &EventEditController::deleteCurrentEvent);
    m_duplicate = new QAction(tr("D&uplicate Event"), this);
    m_duplicate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(m_duplicate, &QAction::triggered, this, &EventEditController::duplicateCurrentEvent);
    m_actorsAndSides = new QAction(tr("Actors and &Sides…"), this);
    m_actorsAndSides->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    connect(m_actorsAndSides, &QAction::triggered, this, [this] { openActorsAndSides({}); });

    setUpActorsMenu();
    setUpEventMenus();

    connect(session->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &EventEditController::updateActions);
    connect(session->document(), &Document::eventRemoved, this,
            &EventEditController::updateActions);
    connect(session->document(), &Document::eventsRemoved, this,
            &EventEditController::updateActions);
    connect(session->document(), &Document::datasetReset, this,
            &EventEditController::updateActions);
    EditGate::watch(session->document(), this, [this] { updateActions(); });
    updateActions();
}

void EventEditController::openActorsAndSides(const QString &actorId, const QString &newActorName) {
    const QString readOnly = EditGate::refusal(*m_window->session()->document());
    if (!readOnly.isEmpty()) {
        m_window->statusBar()->showMessage(readOnly, 8000);
        return;
    }
    ActorSidesDialog dialog(m_window->session()->document(), m_window);
    if (!actorId.isEmpty())
        dialog.selectActor(actorId);
    if (!newActorName.trimmed().isEmpty())
        dialog.newActor(newActorName.simplified());
    dialog.exec();
}

void EventEditController::setUpActorsMenu() {
    // The Actors view's table: the actor under the pointer, edited, merged or removed.
    QTableView *table = m_window->actorsView()->table();
    table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(table, &QWidget::customContextMenuRequested, this, [this, table](const QPoint &at) {
        const QModelIndex index = table->indexAt(at);
        const QString actorId =
            index.isValid() ? index.data(ActorModel::ActorIdRole).toString() : QString();
        Document *document = m_window->session()->document();
        const Actor *actor = document->dataset().actor(actorId);
        QMenu menu;
        menu.setToolTipsVisible(true);
        const QString readOnly = EditGate::refusal(*document);
        if (!readOnly.isEmpty()) {
            // Looked at, not edited: the ways in are shown, disabled with the reason.
            for (const QString &text : {tr("&Edit Actor…"), tr("&New Actor…")}) {
                QAction *item = menu.addAction(text);
                item->setEnabled(false);
                item->setToolTip(readOnly);
            }
            menu.addAction(m_actorsAndSides);
            menu.exec(table->viewport()->mapToGlobal(at));
            return;
        }
        if (actor) {
            menu.addAction(tr("&Edit “%1”…").arg(actor->name), this,
                           [this, actorId] { openActorsAndSides(actorId); });
            QMenu *merge = menu.addMenu(tr("&Merge “%1” Into").arg(actor->name));
            for (const Actor &other : document->dataset().actors) {
                if (other.id == actorId)
                    continue;
                merge->addAction(other.name, this, [this, actorId, intoId = other.id] {
                    Document *document = m_window->session()->document();
                    if (!document->push(new MergeActorsCommand(document, actorId, intoId)))
                        m_window->statusBar()->showMessage(document->lastError(), 8000);
                });
            }
            QAction *remove =
                menu.addAction(tr("&Remove “%1”").arg(actor->name), this, [this, actorId] {
                    Document *document = m_window->session()->document();
                    if (!document->push(new EditActorCommand(document, actorId, std::nullopt,
                                                             tr("Remove Actor"))))
                        m_window->statusBar()->showMessage(document->lastError(), 8000);
                });
            // Disabled with the reason, rather than refused after the click.
            const QString refusal = ActorSidesDialog::actorRemovalRefusal(*document, actorId);
            remove->setEnabled(refusal.isEmpty());
            remove->setToolTip(refusal);
            menu.setToolTipsVisible(true);
            menu.addSeparator();
        }
        menu.addAction(tr("&New Actor…"), this,
                       [this] { openActorsAndSides({}, tr("New actor")); });
        menu.addAction(m_actorsAndSides);
        menu.exec(table->viewport()->mapToGlobal(at));
    });
}

void EventEditController::setUpEventMenus() {
    TimelineView *timeline = m_window->timeline();
    timeline->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(
        timeline, &QWidget::customContextMenuRequested, this, [this, timeline](const QPoint &at) {
            showEventMenu(timeline, timeline->eventAt(at), timeline->viewport()->mapToGlobal(at));
        });
    ChronicleView *chronicle = m_window->chronicleView();
    chronicle->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(chronicle, &QWidget::customContextMenuRequested, this,
            [this, chronicle](const QPoint &at) {
                const QModelIndex index = chronicle->indexAt(at);
                showEventMenu(chronicle,
                              index.isValid() ? index.data(EventModel::EventIdRole).toString()
                                              : QString(),
                              chronicle->viewport()->mapToGlobal(at));
            });
}

void EventEditController::showEventMenu(QWidget *view, const QString &eventIdUnderPointer,
                                        const QPoint &global) {
    // As in a file manager: what is right-clicked is what the menu acts on.
    if (!eventIdUnderPointer.isEmpty() && eventIdUnderPointer != currentEventId())
        select(eventIdUnderPointer);
    updateActions();
    QMenu menu(view);
    menu.setToolTipsVisible(true); // a disabled action's tooltip says why
    menu.addActions({m_edit, m_duplicate, m_delete});
    menu.addSeparator();
    menu.addAction(m_actorsAndSides);
    m_lastMenu = &menu;
    menu.exec(global);
    m_lastMenu = nullptr;
}

QList<QAction *> EventEditController::actions() const {
    return {m_edit, m_duplicate, m_delete};
}

QString EventEditController::currentEventId() const {
    const QModelIndex current = m_window->session()->selectionModel()->currentIndex();
    const QString id =
        current.isValid() ? current.data(EventModel::EventIdRole).toString() : QString();
    return m_window->session()->document()->eventRow(id) >= 0 ? id : QString();
}

void EventEditController::updateActions() {
    const QString readOnly = EditGate::refusal(*m_window->session()->document());
    const QString reason = EditGate::firstReason(
        {readOnly, currentEventId().isEmpty() ? tr("Select an event first") : QString()});
    for (QAction *action : {m_edit, m_delete, m_duplicate}) {
        action->setEnabled(reason.isEmpty());
        action->setStatusTip(reason);
        action->setToolTip(reason.isEmpty() ? action->text().remove(QLatin1Char('&')) : reason);
    }
    const QString actorsTip = tr("Create, edit, merge and remove actors; add and order sides");
    m_actorsAndSides->setEnabled(readOnly.isEmpty());
    m_actorsAndSides->setStatusTip(readOnly.isEmpty() ? actorsTip : readOnly);
    m_actorsAndSides->setToolTip(readOnly.isEmpty() ? actorsTip : readOnly);
}

void EventEditController::select(const QString &eventId) {
    const QModelIndex index = m_window->filterModel()->indexOfEvent(eventId);
    if (index.isValid())
        m_window->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                               QItemSelectionModel::Rows);
}

bool EventEditController::deleteCurrentEvent() {
    const QString id = currentEventId();
    if (id.isEmpty() || !EditGate::refusal(*m_window->session()->document()).isEmpty())
        return false;
    Document *document = m_window->session()->document();
    const QString title = document->dataset().events.at(document->eventRow(id)).title;
    // No question: it is one undoable step, and the status bar says how to take it back.
    if (!document->removeEvent(id)) {
        m_window->statusBar()->showMessage(document->lastError(), 8000);
        return false;
    }
    m_window->statusBar()->showMessage(
        tr("Deleted “%1” (Undo: %2)")
            .arg(title, QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)),
        8000);
    return true;
}

QString EventEditController::copyId(const QString &id) const {
    const Document *document = m_window->session()->document();
    QString candidate = id + QStringLiteral("-copy");
    for (int n = 2; document->eventRow(candidate) >= 0; ++n)
        candidate = id + QStringLiteral("-copy-%1").arg(n);
    return candidate;
}

bool EventEditController::duplicateCurrentEvent() {
    const QString id = currentEventId();
    if (id.isEmpty() || !EditGate::refusal(*m_window->session()->document()).isEmpty())
        return false;
    Document *document = m_window->session()->document();
    const int row = document->eventRow(id);
    Event copy = document->dataset().events.at(row);
    copy.id = copyId(id);
    copy.title = tr("%1 (copy)").arg(copy.title);
    auto *command = new AddEventCommand(document, copy, row + 1);
    command->setText(tr("Duplicate Event"));
    if (!document->push(command)) {
        m_window->statusBar()->showMessage(document->lastError(), 8000);
        return false;
    }
    select(copy.id);
    return true;
}

} // namespace ntl
