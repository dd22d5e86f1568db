#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace ntl {

// Syncs one open file descriptor to the disk (fdatasync) on a thread of its own whenever
// asked, so that the caller never waits for the disk: a sync takes 0.05 to 10 ms on a busy
// disk, far over an edit's budget. Requests made while a sync runs are served by the next
// one. What was written before a request is in the kernel already (it survives the
// program's crash or kill -9); the sync adds survival of a power cut, milliseconds later.
class BackgroundSync {
public:
    // `directory` (encoded, may be empty): a folder to fsync once first, where the file was
    // just made, so its name reaches the disk too (an fsync of a folder takes tens of
    // milliseconds on a busy disk: not in an edit).
    explicit BackgroundSync(int fd, const QByteArray &directory = {});
    // Serves the last request, then ends the thread; the descriptor stays open.
    ~BackgroundSync();
    BackgroundSync(const BackgroundSync &) = delete;
    BackgroundSync &operator=(const BackgroundSync &) = delete;

    void request();
    // Returns once every request made so far is served (tests, the benchmark).
    void waitForIdle();
    // A sync failed (the disk, the file system): what was written may not survive a power cut.
    bool failed() const { return m_failed.load(); }

    // The same sync, here and now; false when it fails.
    static bool syncNow(int fd);
    // A folder's fsync (a new name in it reaches the disk); nothing where there is none.
    static void syncDirectory(const QByteArray &directory);

private:
    void run();

    int m_fd;
    QByteArray m_directory;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_served;
    quint64 m_requested = 0;
    quint64 m_synced = 0;
    bool m_stop = false;
    std::atomic<bool> m_failed{false};
    std::thread m_thread; // last: starts once the members above are made
};

} // namespace ntl
