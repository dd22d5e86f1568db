#pragma once

#include <QString>

#include <memory>

class QLockFile;

namespace ntl {

// "Someone is editing this dataset": a QLockFile beside the dataset (.NAME.lock in the same
// folder), held while a window has it open for editing, so a second instance can warn
// before two people overwrite each other's saves.
//
// A lock left by a process that is gone (a crash, kill -9) on this host is taken over
// silently (QLockFile checks the PID and the program's name). A live holder's lock never
// goes stale with age: an editing session lasts hours. A lock on another host (a shared
// folder) is only stale by being removed: the user can open anyway.
class DatasetLock {
public:
    enum class State {
        Unlocked,    // not tried, or released
        Locked,      // ours
        HeldByOther, // another process (holderPid(), holderHost(), holderApp())
        NotWritable, // no lock can be made there (read-only folder or medium): edit read-only
    };

    DatasetLock();
    ~DatasetLock(); // releases the lock
    DatasetLock(const DatasetLock &) = delete;
    DatasetLock &operator=(const DatasetLock &) = delete;

    // The lock file's path for `datasetPath`.
    static QString lockPathFor(const QString &datasetPath);

    // Tries once, without waiting, to lock `datasetPath` (releasing a lock held before).
    State tryLock(const QString &datasetPath);
    void release();

    State state() const { return m_state; }
    bool isLocked() const { return m_state == State::Locked; }
    QString datasetPath() const { return m_datasetPath; }
    // Who holds it, when state() is HeldByOther (as the lock file says; may be empty).
    qint64 holderPid() const { return m_pid; }
    QString holderHost() const { return m_host; }
    QString holderApp() const { return m_app; }

private:
    std::unique_ptr<QLockFile> m_lock;
    State m_state = State::Unlocked;
    QString m_datasetPath;
    qint64 m_pid = 0;
    QString m_host;
    QString m_app;
};

} // namespace ntl
