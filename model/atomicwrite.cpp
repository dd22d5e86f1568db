#include "atomicwrite.h"

#include "regularfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <cstdlib>
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

bool AtomicWrite::resolveTarget(const QString &path, QString *target, QString *reason) {
    const auto refuse = [&](const QString &why) {
        if (reason)
            *reason = why;
        return false;
    };
    if (path.isEmpty())
        return refuse(tr("no file name"));
    const QByteArray native = QFile::encodeName(path);
    struct stat link {};
    if (::lstat(native.constData(), &link) != 0) {
        if (errno == ENOENT) {
            // A new file: QSaveFile creates it (or reports a missing folder).
            *target = path;
            return true;
        }
        return refuse(tr("cannot check %1: %2").arg(path, systemError(errno)));
    }
    if (S_ISREG(link.st_mode)) {
        *target = path;
        return true;
    }
    if (!S_ISLNK(link.st_mode))
        return refuse(tr("%1 is %2, not a regular file").arg(path, RegularFile::kindName(link.st_mode)));

    // A link: write through to the file it finally names, and only if that is a regular file.
    char *resolved = ::realpath(native.constData(), nullptr);
    if (!resolved)
        return refuse(tr("%1 is a link that cannot be followed: %2").arg(path, systemError(errno)));
    const QString final = QFile::decodeName(resolved);
    std::free(resolved);
    struct stat info {};
    if (::lstat(QFile::encodeName(final).constData(), &info) != 0)
        return refuse(
            tr("cannot check %1 (the target of %2): %3").arg(final, path, systemError(errno)));
    if (!S_ISREG(info.st_mode))
        return refuse(tr("%1 links to %2, which is %3, not a regular file")
                          .arg(path, final, RegularFile::kindName(info.st_mode)));
    *target = final;
    return true;
}

bool AtomicWrite::writeFile(const QString &path, const QByteArray &bytes, QString *reason) {
    QString target;
    if (!resolveTarget(path, &target, reason))
        return false;
    QSaveFile file(target);
    const auto fail = [&](const QString &why) {
        if (reason)
            *reason = why;
        file.cancelWriting();
        return false;
    };
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    const int fd = file.handle();
    if (fd < 0)
        return fail(tr("cannot write %1: no file descriptor").arg(target));

    // Our own loop on the descriptor: every short write and every error is seen here,
    // where QIODevice would buffer them and forget.
    qint64 written = 0;
    int writeError = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + written, size_t(bytes.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            writeError = n < 0 ? errno : ENOSPC;
            break;
        }
        written += n;
    }
    struct stat info {};
    const bool sized = ::fstat(fd, &info) == 0;
    if (writeError != 0 || !sized || qint64(info.st_size) != qint64(bytes.size())) {
        const QString why = writeError != 0 ? systemError(writeError)
                            : !sized        ? systemError(errno)
                                            : tr("short write");
        return fail(tr("only %1 of %2 bytes reached the disk (%3)")
                        .arg(sized ? qint64(info.st_size) : written)
                        .arg(bytes.size())
                        .arg(why));
    }
    // On disk before the rename makes it the file: a crash then leaves the old file or
    // the whole new one, never an empty or partial one.
    if (::fsync(fd) != 0)
        return fail(tr("cannot flush %1 to the disk: %2").arg(target, systemError(errno)));
    // The target may have been swapped for something else while we wrote.
    QString again;
    if (!resolveTarget(path, &again, reason))
        return fail(reason ? *reason : QString());
    if (again != target)
        return fail(tr("%1 changed while it was being written").arg(path));
    if (!file.commit()) {
        if (reason)
            *reason = file.errorString();
        return false;
    }
    // The rename is durable once the folder is on disk too. The new file is in place by
    // now, so a failure here cannot be undone and is not reported.
    const QByteArray folder = QFile::encodeName(QFileInfo(target).absolutePath());
    const int folderFd = ::open(folder.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folderFd >= 0) {
        ::fsync(folderFd);
        ::close(folderFd);
    }
    return true;
}

} // namespace ntl
