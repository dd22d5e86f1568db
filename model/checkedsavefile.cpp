#include "checkedsavefile.h"

#include "atomicwrite.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ntl {

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("AtomicWrite", text);
}

QString systemError(int error) {
    return QString::fromLocal8Bit(std::strerror(error));
}
} // namespace

CheckedSaveFile::~CheckedSaveFile() {
    cancel();
}

bool CheckedSaveFile::fail(const QString &why, QString *reason) {
    if (reason)
        *reason = why;
    m_failed = true;
    cancel();
    return false;
}

bool CheckedSaveFile::open(const QString &path, QString *reason) {
    cancel();
    m_path = path;
    m_written = m_attempted = 0;
    m_failed = false;
    if (!AtomicWrite::resolveTarget(path, &m_target, reason)) {
        m_failed = true;
        return false;
    }
    m_file = std::make_unique<QSaveFile>(m_target);
    if (!m_file->open(QIODevice::WriteOnly))
        return fail(m_file->errorString(), reason);
    m_fd = m_file->handle();
    if (m_fd < 0)
        return fail(tr("cannot write %1: no file descriptor").arg(m_target), reason);
    return true;
}

bool CheckedSaveFile::write(const char *data, qint64 size, QString *reason) {
    if (m_failed || m_fd < 0)
        return fail(tr("cannot write %1: the file is not open").arg(m_path), reason);
    // Our own loop on the descriptor: every short write and every error is seen here,
    // where QIODevice would buffer them and forget.
    m_attempted += size;
    qint64 done = 0;
    while (done < size) {
        const ssize_t n = ::write(m_fd, data + done, size_t(size - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const int error = n < 0 ? errno : ENOSPC;
            return fail(tr("only %1 of %2 bytes reached the disk (%3)")
                            .arg(m_written)
                            .arg(m_attempted)
                            .arg(systemError(error)),
                        reason);
        }
        done += n;
        m_written += n;
    }
    return true;
}

bool CheckedSaveFile::commit(QString *reason) {
    if (m_failed || m_fd < 0)
        return fail(tr("cannot write %1: the file is not open").arg(m_path), reason);
    struct stat info {};
    const bool sized = ::fstat(m_fd, &info) == 0;
    if (!sized || qint64(info.st_size) != m_written)
        return fail(tr("only %1 of %2 bytes reached the disk (%3)")
                        .arg(sized ? qint64(info.st_size) : m_written)
                        .arg(m_written)
                        .arg(sized ? tr("short write") : systemError(errno)),
                    reason);
    // On disk before the rename makes it the file: a crash then leaves the old file or
    // the whole new one, never an empty or partial one.
    if (::fsync(m_fd) != 0)
        return fail(tr("cannot flush %1 to the disk: %2").arg(m_target, systemError(errno)),
                    reason);
    // The target may have been swapped for something else while we wrote.
    QString again;
    QString why;
    if (!AtomicWrite::resolveTarget(m_path, &again, &why))
        return fail(why, reason);
    if (again != m_target)
        return fail(tr("%1 changed while it was being written").arg(m_path), reason);
    if (!m_file->commit()) {
        const QString error = m_file->errorString();
        m_file.reset();
        m_fd = -1;
        m_failed = true;
        if (reason)
            *reason = error;
        return false;
    }
    m_file.reset();
    m_fd = -1;
    // The rename is durable once the folder is on disk too. The new file is in place by
    // now, so a failure here cannot be undone and is not reported.
    const QByteArray folder = QFile::encodeName(QFileInfo(m_target).absolutePath());
    const int folderFd = ::open(folder.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folderFd >= 0) {
        ::fsync(folderFd);
        ::close(folderFd);
    }
    return true;
}

void CheckedSaveFile::cancel() {
    if (m_file) {
        m_file->cancelWriting();
        m_file.reset(); // QSaveFile removes its temporary file
    }
    m_fd = -1;
}

} // namespace ntl
