#include "filefingerprint.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QThreadPool>

#include <QList>
#include <QMutex>

#include <condition_variable>
#include <memory>
#include <mutex>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif
#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace ntl {

namespace {

// The test hook's gate (holdHashingForTest).
std::mutex gateMutex;
std::condition_variable gateOpened;
bool gateHeld = false;

void passGate() {
    std::unique_lock lock(gateMutex);
    gateOpened.wait(lock, [] { return !gateHeld; });
}

// What tells one version of a file from another without reading it: besides size and
// modification time, on Unix the device, inode and change time (the kernel sets the change
// time on every write; no one can set it back), to the nanosecond.
QByteArray versionKey(const QString &path, const QFileInfo &info) {
    QByteArray key = QFile::encodeName(info.absoluteFilePath()) + '\0' +
                     QByteArray::number(info.size()) + ':' +
                     QByteArray::number(info.lastModified().toMSecsSinceEpoch());
#ifdef Q_OS_UNIX
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    key += ':' + QByteArray::number(quint64(st.st_dev)) + ':' +
           QByteArray::number(quint64(st.st_ino)) + ':' +
           QByteArray::number(qint64(st.st_mtim.tv_sec)) + '.' +
           QByteArray::number(qint64(st.st_mtim.tv_nsec)) + ':' +
           QByteArray::number(qint64(st.st_ctim.tv_sec)) + '.' +
           QByteArray::number(qint64(st.st_ctim.tv_nsec));
#else
    Q_UNUSED(path);
#endif
    return key;
}

// The last few hashes started, by version: an open takes a fingerprint for the file watch
// and one for the recovery journal, a save one for each again; a handful is plenty.
struct SharedHash {
    QByteArray key;
    std::shared_future<QByteArray> hash;
};
QMutex sharedMutex;
QList<SharedHash> shared;
constexpr int sharedKept = 4;

// Hashing a saved 220 MB dataset takes about a second of a core, started at the end of each
// open and save: on a 2-core machine it took the core the GUI thread needed (and the next
// save's writer's), and the window's save showed 13-21 ms gaps with 0.1 ms of the GUI
// thread's own work in them. Nothing waits for a hash, so its threads yield: nice 10 (on
// Linux QThread::LowPriority does nothing), in a pool of their own so that no other task
// runs on a niced thread (an unprivileged thread cannot lower its nice value again).
QThreadPool *hashPool() {
    static QThreadPool pool;
    return &pool;
}

void yieldToOtherThreads() {
#ifdef Q_OS_LINUX
    thread_local bool niced = false;
    if (!niced) {
        niced = true;
        (void)::setpriority(PRIO_PROCESS, id_t(::syscall(SYS_gettid)), 10);
    }
#endif
}

// SHA-1 rather than SHA-256: this only tells one version of a file from the next (no one is
// forging it here), and Qt 6.4's SHA-1 hashes 100 MiB in 0.46 s here, its SHA-256 in 2.2 s.
QByteArray hashOf(QFile *file) {
    QCryptographicHash hash(QCryptographicHash::Sha1);
    if (!file->isOpen() || !hash.addData(file))
        return {};
    return hash.result();
}

} // namespace

FileFingerprint FileFingerprint::of(const QString &path, bool withHash) {
    FileFingerprint print;
    const QFileInfo info(path);
    if (!info.exists() || !info.isFile())
        return print;
    print.exists = true;
    print.size = info.size();
    print.modified = info.lastModified();
    if (withHash) {
        const QByteArray key = versionKey(path, info);
        QMutexLocker lock(&sharedMutex);
        for (const SharedHash &known : std::as_const(shared)) {
            if (!key.isEmpty() && known.key == key) {
                print.hash = known.hash;
                return print;
            }
        }
        // Opened now, so the worker hashes the file stat'ed above even if it is replaced
        // meanwhile. The pool waits for its tasks at exit; nothing here ever waits for one
        // but hashValue().
        auto file = std::make_shared<QFile>(path);
        (void)file->open(QIODevice::ReadOnly);
        auto promise = std::make_shared<std::promise<QByteArray>>();
        print.hash = promise->get_future().share();
        hashPool()->start([file, promise] {
            yieldToOtherThreads();
            passGate();
            promise->set_value(hashOf(file.get()));
        });
        if (!key.isEmpty()) {
            shared.prepend({key, print.hash});
            if (shared.size() > sharedKept)
                shared.removeLast();
        }
    }
    return print;
}

QByteArray FileFingerprint::hashValue() const {
    return hash.valid() ? hash.get() : QByteArray();
}

bool FileFingerprint::hashReady() const {
    return !hash.valid() || hash.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

void FileFingerprint::holdHashingForTest(bool hold) {
    {
        std::lock_guard lock(gateMutex);
        gateHeld = hold;
    }
    gateOpened.notify_all();
}

} // namespace ntl
