#include "filebuffer.h"

#include <QFile>

#ifdef Q_OS_UNIX
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace ntl {

FileBuffer::~FileBuffer()
{
#ifdef Q_OS_UNIX
    if (m_mappedSize > 0) {
        munmap(m_data, std::size_t(m_mappedSize));
        return;
    }
#endif
    delete[] m_data;
}

bool FileBuffer::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open: %1").arg(file.errorString());
        return false;
    }
    // Sequential files (and some virtual ones) do not know their size: read them as Qt does.
    if (file.isSequential() || file.size() == 0) {
        const QByteArray all = file.readAll();
        if (file.error() != QFileDevice::NoError) {
            *error = QStringLiteral("cannot read: %1").arg(file.errorString());
            return false;
        }
        m_size = all.size();
        m_data = new char[std::size_t(std::max<qsizetype>(m_size, 1))];
        std::copy(all.cbegin(), all.cend(), m_data);
        return true;
    }
    const qsizetype size = file.size();
#ifdef Q_OS_UNIX
    // Anonymous pages of our own, not a mapping of the file: another program truncating
    // the file while it is read cannot make them vanish (SIGBUS), and they can be released.
    void *pages = mmap(nullptr, std::size_t(size), PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (pages != MAP_FAILED) {
        m_data = static_cast<char *>(pages);
        m_mappedSize = size;
    }
#endif
    if (!m_data)
        m_data = new char[std::size_t(size)];
    qsizetype done = 0;
    while (done < size) {
        const qint64 got = file.read(m_data + done, size - done);
        if (got <= 0)
            break; // the file shrank while being read, or an error
        done += got;
    }
    if (file.error() != QFileDevice::NoError) {
        *error = QStringLiteral("cannot read: %1").arg(file.errorString());
        return false;
    }
    m_size = done;
    return true;
}

void FileBuffer::release(qsizetype begin, qsizetype end)
{
#ifdef Q_OS_UNIX
    if (m_mappedSize == 0)
        return;
    static const qsizetype pageSize = qsizetype(sysconf(_SC_PAGESIZE));
    const qsizetype first = (begin + pageSize - 1) / pageSize * pageSize; // whole pages only
    const qsizetype last = end / pageSize * pageSize;
    if (last <= first)
        return;
    m_hasReleased = true;
    madvise(m_data + first, std::size_t(last - first), MADV_DONTNEED);
#else
    Q_UNUSED(begin);
    Q_UNUSED(end);
#endif
}

} // namespace ntl
