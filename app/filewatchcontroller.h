#pragma once

#include "datasetlock.h"
#include "filefingerprint.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

class QLabel;

namespace ntl {

class FileWatch;
class MainWindow;

// Other writers, for the main window: the lock beside the open dataset, and what happens
// when its file changes on disk.
// - Opening a file takes its lock (DatasetLock). Held by another instance: the user chooses
//   Open Read-Only, Open Anyway or Cancel. No lock possible (a read-only folder): opened
//   read-only, said in the status bar. Read-only means looked at, not edited (EditGate): Save
//   and Edit a Copy… lead to Save As.
// - A change on disk (FileWatch) reloads an unmodified document, keeping the selected event
//   and the filters; a modified one asks Reload or Keep Mine (kept: still modified, so Save
//   overwrites the file). A file deleted or moved away leaves the data on screen, modified,
//   so Save writes it again and closing asks first.
class FileWatchController : public QObject {
    Q_OBJECT
public:
    enum class ChangeAnswer { Reload, KeepMine };
    enum class LockAnswer { OpenReadOnly, OpenAnyway, Cancel };
    // Instead of the dialogs (tests, headless use): called with the file's name, or the lock.
    // Without one, a window that is not interactive asks nothing and takes the answer that
    // loses nothing: Keep Mine, Open Read-Only (tests that open the same file at once).
    using ChangeAnswerer = std::function<ChangeAnswer(const QString &fileName)>;
    using LockAnswerer = std::function<LockAnswer(const DatasetLock &lock)>;

    explicit FileWatchController(MainWindow *window);
    ~FileWatchController() override;

    // One opening of a file by the window, from approveOpen() until the window's
    // openDataset returns: false when the user cancelled. A lock taken for a file that then
    // fails to open is let go when it ends.
    class Opening {
    public:
        Opening(FileWatchController *controller, bool approved)
            : m_controller(controller)
            , m_approved(approved) {}
        Opening(Opening &&other) noexcept
            : m_controller(other.m_controller)
            , m_approved(other.m_approved) {
            other.m_controller = nullptr;
        }
        Opening(const Opening &) = delete;
        Opening &operator=(const Opening &) = delete;
        Opening &operator=(Opening &&) = delete;
        ~Opening();
        explicit operator bool() const { return m_approved; }

    private:
        QPointer<FileWatchController> m_controller;
        bool m_approved;
    };
    // Called by MainWindow::openDataset before it reads `path`: takes the file's lock, or
    // asks when another instance holds it; reopening the file open now keeps its lock.
    [[nodiscard]] Opening approveOpen(const QString &path);

    // The app has just written the open file itself (a save, finished or failed): no notice.
    void noteOwnWrite();

    void setChangeAnswerer(ChangeAnswerer answerer) { m_changeAnswerer = std::move(answerer); }
    void setLockAnswerer(LockAnswerer answerer) { m_lockAnswerer = std::move(answerer); }

    FileWatch *fileWatch() const { return m_watch; }
    const DatasetLock &lock() const { return *m_lock; }

signals:
    // After a reload caused by another writer (`ok` false: the new file could not be read,
    // and the version on screen stays).
    void reloaded(bool ok);

private:
    void committed();
    void endOpening();
    void pathChanged(const QString &path);
    void changedOnDisk(const QString &path);
    void removedFromDisk(const QString &path);
    // Reads the file again through the window, keeping the selected event.
    bool reload();
    ChangeAnswer askAboutChange(const QString &fileName);
    LockAnswer askAboutLock(const DatasetLock &lock);
    void updateReadOnlyLabel();
    QString fileName() const;

    MainWindow *m_window;
    FileWatch *m_watch;
    std::unique_ptr<DatasetLock> m_lock;
    QLabel *m_readOnlyLabel;
    ChangeAnswerer m_changeAnswerer;
    LockAnswerer m_lockAnswerer;
    bool m_asking = false;

    // The opening under way (approveOpen until the dataset is loaded or the opening ends).
    struct Pending {
        QString path;
        bool active = false;
        bool keepLock = false; // the file open now, read again: its lock and mode stay
        std::unique_ptr<DatasetLock> lock;
        bool readOnly = false;
        QString message; // for the status bar once open
        FileFingerprint before;
    };
    Pending m_pending;
};

} // namespace ntl
