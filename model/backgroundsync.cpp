#include "backgroundsync.h"

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif
#ifdef Q_OS_WIN
#include <io.h>
#endif

namespace ntl {

BackgroundSync::BackgroundSync(int fd, const QByteArray &directory)
    : m_fd(fd)
    , m_directory(directory)
    , m_thread([this] { run(); }) {}

BackgroundSync::~BackgroundSync() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void BackgroundSync::request() {
    {
        std::lock_guard lock(m_mutex);
        ++m_requested;
    }
    m_wake.notify_one();
}

void BackgroundSync::waitForIdle() {
    std::unique_lock lock(m_mutex);
    const quint64 target = m_requested;
    m_served.wait(lock, [&] { return m_synced >= target; });
}

bool BackgroundSync::syncNow(int fd) {
#if defined(Q_OS_LINUX)
    return ::fdatasync(fd) == 0;
#elif defined(Q_OS_UNIX)
    return ::fsync(fd) == 0;
#elif defined(Q_OS_WIN)
    return ::_commit(fd) == 0;
#else
    Q_UNUSED(fd);
    return true;
#endif
}

void BackgroundSync::syncDirectory(const QByteArray &directory) {
#ifdef Q_OS_UNIX
    const int fd = ::open(directory.constData(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
#else
    Q_UNUSED(directory);
#endif
}

void BackgroundSync::run() {
    if (!m_directory.isEmpty())
        syncDirectory(m_directory);
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [&] { return m_stop || m_requested > m_synced; });
        if (m_requested == m_synced && m_stop)
            return;
        const quint64 serving = m_requested;
        lock.unlock();
        if (!syncNow(m_fd))
            m_failed = true;
        lock.lock();
        m_synced = serving;
        m_served.notify_all();
    }
}

} // namespace ntl
