#include "regularfile.h"

#include <QDir>
#include <QFile>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ntl {

namespace {


qint64 modifiedNs(const struct stat &info) {
    return qint64(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec;
}

// realpath(3), or an empty string when it cannot say (fail closed).
QString canonical(const QString &path) {
    char resolved[PATH_MAX];
    if (!::realpath(QFile::encodeName(path).constData(), resolved))
        return {};
    return QFile::decodeName(resolved);
}

bool isInside(const QString &candidate, const QString &folder) {
    return candidate.startsWith(folder.endsWith(u'/') ? folder : folder + u'/');
}

// Opens `components` one by one below the folder `dirFd`, following no link; the last
// one for reading. Returns the descriptor, or -1 with errno set.
int openBelow(int dirFd, const QStringList &components) {
    int current = dirFd;
    for (qsizetype i = 0; i < components.size(); ++i) {
        const bool last = i == components.size() - 1;
        const QByteArray name = QFile::encodeName(components.at(i));
        const int flags = last ? (O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY)
                               : (O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        const int next = ::openat(current, name.constData(), flags);
        const int saved = errno;
        if (current != dirFd)
            ::close(current);
        if (next < 0) {
            errno = saved;
            return -1;
        }
        current = next;
    }
    return current;
}

} // namespace

RegularFile::~RegularFile() {
    if (m_fd >= 0)
        ::close(m_fd);
}

QString RegularFile::kindName(unsigned mode)
{
    if (S_ISDIR(mode))
        return QStringLiteral("a folder");
    if (S_ISFIFO(mode))
        return QStringLiteral("a FIFO");
    if (S_ISCHR(mode))
        return QStringLiteral("a character device");
    if (S_ISBLK(mode))
        return QStringLiteral("a block device");
    if (S_ISSOCK(mode))
        return QStringLiteral("a socket");
    return QStringLiteral("not a regular file");
}

bool RegularFile::hasControlCharacter(const QString &name) {
    return std::any_of(name.cbegin(), name.cend(), [](QChar c) {
        return c.unicode() < 0x20 || (c.unicode() >= 0x7F && c.unicode() < 0xA0);
    });
}

QString RegularFile::describe(int errorNumber) {
    switch (errorNumber) {
    case ENOENT:
        return QStringLiteral("no such file");
    case EACCES:
    case EPERM:
        return QStringLiteral("permission denied");
    case ENOTDIR:
        return QStringLiteral("a part of the path is not a folder");
    case ELOOP:
        return QStringLiteral("too many levels of symbolic links");
    case ENAMETOOLONG:
        return QStringLiteral("the name is too long");
    case ENOMEM:
        return QStringLiteral("not enough memory");
    default:
        return QString::fromLocal8Bit(std::strerror(errorNumber));
    }
}

bool RegularFile::open(const QString &path, QString *error) {
    if (path.contains(QChar(u'\0'))) {
        *error = QStringLiteral("the file name contains a NUL character");
        return false;
    }
    m_path = QFile::encodeName(path);
    // Non-blocking: opening a FIFO for reading would otherwise wait for a writer.
    m_fd = ::open(m_path.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (m_fd < 0) {
        *error = describe(errno);
        return false;
    }
    return checkOpened(error);
}

bool RegularFile::openInside(const QString &folder, const QString &relative, QString *error,
                             QString *linkTarget) {
    if (relative.isEmpty() || hasControlCharacter(relative)) {
        *error = QStringLiteral("the file name is empty or contains a control character");
        return false;
    }
    if (QDir::isAbsolutePath(relative) || relative.startsWith(u':')) {
        *error = QStringLiteral("expected a path relative to the dataset's folder");
        return false;
    }
    const QString cleaned = QDir::cleanPath(relative);
    if (cleaned == QLatin1String("..") || cleaned.startsWith(QLatin1String("../")) ||
        cleaned == QLatin1String(".")) {
        *error = QStringLiteral(
            "leaves the dataset's folder; article texts are read only from inside it");
        return false;
    }
    const QString base = canonical(folder);
    if (base.isEmpty()) {
        *error =
            QStringLiteral("the dataset's folder cannot be resolved (%1)").arg(describe(errno));
        return false;
    }
    const int baseFd =
        ::open(QFile::encodeName(base).constData(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (baseFd < 0) {
        *error = describe(errno);
        return false;
    }
    m_fd = openBelow(baseFd, cleaned.split(u'/'));
    if (m_fd < 0 && (errno == ELOOP || errno == ENOTDIR)) {
        // A link on the way: follow it only if it ends inside the folder, then open that
        // place through no link at all (a link swapped in meanwhile fails again).
        const QString target = canonical(base + u'/' + cleaned);
        if (target.isEmpty()) {
            *error = QStringLiteral("is a link that cannot be resolved (%1)").arg(describe(errno));
            ::close(baseFd);
            return false;
        }
        if (!isInside(target, base)) {
            if (linkTarget)
                *linkTarget = target;
            *error =
                QStringLiteral("is a link to \"%1\", outside the dataset's folder").arg(target);
            ::close(baseFd);
            return false;
        }
        m_fd = openBelow(baseFd, target.mid(base.size() + 1).split(u'/'));
    }
    const int saved = errno;
    ::close(baseFd);
    if (m_fd < 0) {
        *error = describe(saved);
        return false;
    }
    return checkOpened(error);
}

bool RegularFile::checkOpened(QString *error) {
    struct stat info {};
    if (::fstat(m_fd, &info) != 0) {
        *error = describe(errno);
        return false;
    }
    if (!S_ISREG(info.st_mode)) {
        *error = QStringLiteral("is %1, not a regular file").arg(kindName(info.st_mode));
        ::close(m_fd);
        m_fd = -1;
        return false;
    }
    // Regular files never block; reads should wait for the disk as usual.
    ::fcntl(m_fd, F_SETFL, ::fcntl(m_fd, F_GETFL) & ~O_NONBLOCK);
    m_size = qint64(info.st_size);
    m_modifiedNs = modifiedNs(info);
    m_device = quint64(info.st_dev);
    m_inode = quint64(info.st_ino);
    return true;
}

bool RegularFile::readInto(char *data, qint64 size, QString *error) {
    qint64 done = 0;
    while (done < size) {
        const ssize_t got = ::pread(m_fd, data + done, std::size_t(size - done), done);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            *error = QStringLiteral("cannot read: %1").arg(describe(errno));
            return false;
        }
        if (got == 0)
            break;
        done += got;
    }
    char extra;
    ssize_t more;
    do
        more = ::pread(m_fd, &extra, 1, done);
    while (more < 0 && errno == EINTR);
    if (done != size || more != 0 || !unchangedSinceOpen()) {
        *error = QStringLiteral("the file changed while it was read");
        return false;
    }
    return true;
}

bool RegularFile::readAll(qint64 maxSize, QByteArray *out, QString *error) {
    if (m_size > maxSize) {
        *error = QStringLiteral("is %1 bytes; at most %2 are read").arg(m_size).arg(maxSize);
        return false;
    }
    try {
        out->resize(qsizetype(m_size));
    } catch (const std::bad_alloc &) {
        *error = QStringLiteral("not enough memory to read it");
        return false;
    }
    return readInto(out->data(), m_size, error);
}

bool RegularFile::unchangedSinceOpen() const {
    struct stat now {};
    if (::fstat(m_fd, &now) != 0 || qint64(now.st_size) != m_size ||
        modifiedNs(now) != m_modifiedNs)
        return false;
    if (m_path.isEmpty())
        return true;
    struct stat named {}; // replaced by another file under the same name?
    return ::stat(m_path.constData(), &named) == 0 && quint64(named.st_dev) == m_device &&
           quint64(named.st_ino) == m_inode;
}

} // namespace ntl
