#include "filewatchcontroller.h"

#include "document.h"
#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "filewatch.h"
#include "mainwindow.h"
#include "printabletext.h"
#include "session.h"

#include <QFileInfo>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTimer>

namespace ntl {

namespace {

bool isEmbedded(const QString &path) {
    return path.startsWith(u':') || path.startsWith(QLatin1String("qrc:"));
}

QString absolute(const QString &path) {
    return isEmbedded(path) ? path : QFileInfo(path).absoluteFilePath();
}

} // namespace

FileWatchController::Opening::~Opening() {
    if (m_controller)
        m_controller->endOpening();
}

FileWatchController::FileWatchController(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_watch(new FileWatch(this))
    , m_lock(std::make_unique<DatasetLock>())
    , m_readOnlyLabel(new QLabel(MainWindow::tr("Read-only"), window)) {
    m_readOnlyLabel->setObjectName(QStringLiteral("readOnlyLabel"));
    m_readOnlyLabel->setAccessibleName(MainWindow::tr("File mode"));
    m_readOnlyLabel->setToolTip(
        MainWindow::tr("Another window is editing this file, or its folder cannot be written: "
                       "Save asks for another file name"));
    window->statusBar()->addPermanentWidget(m_readOnlyLabel);
    m_readOnlyLabel->hide();

    Document *document = window->session()->document();
    connect(document, &Document::datasetReset, this, &FileWatchController::committed);
    connect(document, &Document::filePathChanged, this, &FileWatchController::pathChanged);
    connect(document, &Document::readOnlyChanged, this, &FileWatchController::updateReadOnlyLabel);
    connect(m_watch, &FileWatch::changedOnDisk, this, &FileWatchController::changedOnDisk);
    connect(m_watch, &FileWatch::removedFromDisk, this, &FileWatchController::removedFromDisk);
}

FileWatchController::~FileWatchController() = default;

FileWatchController::Opening FileWatchController::approveOpen(const QString &path) {
    Document *document = m_window->session()->document();
    m_pending = Pending();
    m_pending.active = true;
    m_pending.path = path;
    if (isEmbedded(path))
        return Opening(this, true);
    // Before the read: a change made while it is read is then a change (FileWatch::watch).
    m_pending.before = FileFingerprint::of(path);
    if (m_window->session()->hasDataset() && absolute(document->filePath()) == absolute(path)) {
        m_pending.keepLock = true;
        m_pending.readOnly = document->isOpenedReadOnly();
        return Opening(this, true);
    }
    auto lock = std::make_unique<DatasetLock>();
    const QString name = QFileInfo(path).fileName();
    switch (lock->tryLock(path)) {
    case DatasetLock::State::Locked:
    case DatasetLock::State::Unlocked:
        m_pending.lock = std::move(lock);
        break;
    case DatasetLock::State::NotWritable:
        m_pending.readOnly = true;
        m_pending.message =
            tr("%1 is open read-only: no lock can be made in its folder, which may be "
               "read-only; Save asks for another file name")
                .arg(PrintableText::escaped(name));
        break;
    case DatasetLock::State::HeldByOther: {
        const LockAnswer answer = m_lockAnswerer              ? m_lockAnswerer(*lock)
                                  : m_window->isInteractive() ? askAboutLock(*lock)
                                                              : LockAnswer::OpenReadOnly;
        if (answer == LockAnswer::Cancel) {
            m_pending = Pending();
            return Opening(this, false);
        }
        m_pending.readOnly = answer == LockAnswer::OpenReadOnly;
        m_pending.message = m_pending.readOnly
                                ? tr("%1 is open read-only: another window is editing it")
                                      .arg(PrintableText::escaped(name))
                                : tr("%1 is open, though another window is editing it too")
                                      .arg(PrintableText::escaped(name));
        break;
    }
    }
    return Opening(this, true);
}

void FileWatchController::committed() {
    Document *document = m_window->session()->document();
    const QString path = document->filePath();
    if (!m_pending.active || absolute(m_pending.path) != absolute(path)) {
        // Loaded without the window's open (a recovery): watched as it is, lock unchanged.
        m_watch->watch(path);
        return;
    }
    if (!m_pending.keepLock)
        m_lock = m_pending.lock ? std::move(m_pending.lock) : std::make_unique<DatasetLock>();
    document->setOpenedReadOnly(m_pending.readOnly);
    if (isEmbedded(path))
        m_watch->stop();
    else
        m_watch->watch(path, m_pending.before);
    const QString message = m_pending.message;
    m_pending = Pending();
    if (!message.isEmpty())
        QTimer::singleShot(0, this, [this, message] {
            // After openDataset, which clears the status bar once it has opened.
            m_window->statusBar()->showMessage(message);
        });
}

void FileWatchController::endOpening() {
    // A lock taken for a file that did not open is let go.
    m_pending = Pending();
}

void FileWatchController::pathChanged(const QString &path) {
    if (m_pending.active)
        return; // an opening: committed() follows
    // Saved under another name: that file is the one to lock and watch now.
    m_lock = std::make_unique<DatasetLock>();
    if (!isEmbedded(path) && !path.isEmpty() &&
        m_lock->tryLock(path) != DatasetLock::State::Locked) {
        m_window->session()->document()->setOpenedReadOnly(true);
        m_window->statusBar()->showMessage(
            tr("%1 is open read-only: another window is editing it, or its folder cannot "
               "be written")
                .arg(PrintableText::escaped(QFileInfo(path).fileName())));
    }
    m_watch->watch(path);
}

void FileWatchController::noteOwnWrite() {
    m_watch->noteOwnWrite();
}

QString FileWatchController::fileName() const {
    return QFileInfo(m_window->session()->document()->filePath()).fileName();
}

void FileWatchController::changedOnDisk(const QString &path) {
    if (m_asking || m_pending.active) {
        // A question or an opening is under way (its dialog runs the event loop): ask later.
        QTimer::singleShot(FileWatch::defaultDebounceMs, this,
                           [this, path] { changedOnDisk(path); });
        return;
    }
    Document *document = m_window->session()->document();
    if (absolute(document->filePath()) != path)
        return; // another file is open by now
    const QString name = PrintableText::escaped(fileName());
    if (!document->isModified()) {
        const bool ok = reload();
        m_window->statusBar()->showMessage(
            ok ? tr("%1 changed on disk and was reloaded").arg(name)
               : tr("%1 changed on disk and could not be read; the version on screen stays")
                     .arg(name));
        emit reloaded(ok);
        return;
    }
    m_asking = true;
    const ChangeAnswer answer = m_changeAnswerer            ? m_changeAnswerer(fileName())
                                : m_window->isInteractive() ? askAboutChange(fileName())
                                                            : ChangeAnswer::KeepMine;
    m_asking = false;
    if (answer == ChangeAnswer::KeepMine) {
        // Modified whatever undo does: the file no longer holds any state of this history.
        document->markModified();
        m_window->statusBar()->showMessage(
            tr("Kept your version of %1; saving it overwrites the file on disk").arg(name));
        return;
    }
    // The user chose to lose the changes: clean, so the opening asks nothing more.
    document->setClean();
    const bool ok = reload();
    if (!ok)
        document->markModified(); // nothing was lost after all: still unsaved
    m_window->statusBar()->showMessage(
        ok ? tr("%1 changed on disk and was reloaded").arg(name)
           : tr("%1 changed on disk and could not be read; your version stays").arg(name));
    emit reloaded(ok);
}

void FileWatchController::removedFromDisk(const QString &path) {
    Document *document = m_window->session()->document();
    if (absolute(document->filePath()) != path)
        return;
    // The data is only on screen now: modified, so closing asks and Save writes it again.
    document->markModified();
    m_window->statusBar()->showMessage(
        tr("%1 was deleted or moved away; the data on screen is kept, and saving writes the "
           "file again")
            .arg(PrintableText::escaped(fileName())));
}

bool FileWatchController::reload() {
    QItemSelectionModel *selection = m_window->selectionModel();
    const QString selectedId = selection->currentIndex().data(EventModel::EventIdRole).toString();
    // Through the window, so the title, the warnings and the status follow; the same path,
    // so the session keeps the filters.
    if (!m_window->openDataset(m_window->session()->document()->filePath()))
        return false;
    if (!selectedId.isEmpty()) {
        const QModelIndex row = m_window->filterModel()->mapFromSource(
            m_window->eventModel()->indexOfEvent(selectedId));
        if (row.isValid())
            selection->setCurrentIndex(row, QItemSelectionModel::ClearAndSelect |
                                                QItemSelectionModel::Rows);
    }
    return true;
}

FileWatchController::ChangeAnswer FileWatchController::askAboutChange(const QString &fileName) {
    QMessageBox box(QMessageBox::Question, tr("File changed on disk"), QString(),
                    QMessageBox::NoButton, m_window);
    box.setTextFormat(Qt::PlainText); // the name is the file's, never markup
    box.setText(tr("%1 changed on disk. Reload it and lose your changes, or keep your version?")
                    .arg(PrintableText::escaped(fileName)));
    box.setInformativeText(tr("If you keep your version, saving it overwrites the file."));
    QPushButton *reloadButton = box.addButton(tr("&Reload"), QMessageBox::DestructiveRole);
    QPushButton *keep = box.addButton(tr("&Keep Mine"), QMessageBox::RejectRole);
    box.setDefaultButton(keep); // the safe choice: nothing is lost
    box.setEscapeButton(keep);
    box.exec();
    return box.clickedButton() == reloadButton ? ChangeAnswer::Reload : ChangeAnswer::KeepMine;
}

FileWatchController::LockAnswer FileWatchController::askAboutLock(const DatasetLock &lock) {
    const QString name = PrintableText::escaped(QFileInfo(lock.datasetPath()).fileName());
    const QString who =
        lock.holderPid() > 0
            ? tr("process %1 on %2")
                  .arg(QString::number(lock.holderPid()),
                       lock.holderHost().isEmpty() ? tr("this computer")
                                                   : PrintableText::escaped(lock.holderHost()))
            : tr("another program");
    QMessageBox box(QMessageBox::Warning, tr("Dataset in use"), QString(), QMessageBox::NoButton,
                    m_window);
    box.setTextFormat(Qt::PlainText);
    box.setText(tr("%1 is being edited in another window (%2).").arg(name, who));
    box.setInformativeText(
        tr("Read-only, you can look, and edit a copy saved under another name. Opened "
           "anyway, each window's saves overwrite the other's."));
    QPushButton *readOnly = box.addButton(tr("Open &Read-Only"), QMessageBox::AcceptRole);
    QPushButton *anyway = box.addButton(tr("Open &Anyway"), QMessageBox::DestructiveRole);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(readOnly);
    box.setEscapeButton(cancel);
    box.exec();
    if (box.clickedButton() == readOnly)
        return LockAnswer::OpenReadOnly;
    if (box.clickedButton() == anyway)
        return LockAnswer::OpenAnyway;
    return LockAnswer::Cancel;
}

void FileWatchController::updateReadOnlyLabel() {
    m_readOnlyLabel->setVisible(m_window->session()->document()->isOpenedReadOnly());
}

} // namespace ntl
