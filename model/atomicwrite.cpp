#include "atomicwrite.h"

#include "checkedsavefile.h"
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
    CheckedSaveFile file;
    return file.open(path, reason) && file.write(bytes, reason) && file.commit(reason);
}

} // namespace ntl
