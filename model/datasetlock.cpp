#include "datasetlock.h"

#include <QFileInfo>
#include <QLockFile>

namespace ntl {

DatasetLock::DatasetLock() = default;

DatasetLock::~DatasetLock() {
    release();
}

QString DatasetLock::lockPathFor(const QString &datasetPath) {
    const QFileInfo info(datasetPath);
    return info.absolutePath() + QStringLiteral("/.") + info.fileName() + QStringLiteral(".lock");
}

DatasetLock::State DatasetLock::tryLock(const QString &datasetPath) {
    release();
    m_datasetPath = QFileInfo(datasetPath).absoluteFilePath();
    m_lock = std::make_unique<QLockFile>(lockPathFor(datasetPath));
    // 0: never stale by age, only when its process is gone. On a local disk the holder's
    // flock() protects a live lock anyway; on a shared folder it may not, and QLockFile's
    // default (30 s) would let a second instance take the lock of one open for a minute.
    m_lock->setStaleLockTime(0);
    if (m_lock->tryLock(0)) {
        m_state = State::Locked;
        return m_state;
    }
    switch (m_lock->error()) {
    case QLockFile::LockFailedError:
        m_state = State::HeldByOther;
        if (!m_lock->getLockInfo(&m_pid, &m_host, &m_app)) {
            // Held, but unreadable (being written, or not QLockFile's): still someone's.
            m_pid = 0;
            m_host.clear();
            m_app.clear();
        }
        break;
    case QLockFile::PermissionError:
    case QLockFile::UnknownError:
    case QLockFile::NoError:
        // Fail closed: a lock we cannot make is an edit we cannot protect.
        m_state = State::NotWritable;
        break;
    }
    m_lock.reset();
    return m_state;
}

void DatasetLock::release() {
    if (m_lock)
        m_lock->unlock();
    m_lock.reset();
    m_state = State::Unlocked;
    m_pid = 0;
    m_host.clear();
    m_app.clear();
}

} // namespace ntl
