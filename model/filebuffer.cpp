#include "filebuffer.h"

#include <QFile>

#include <atomic>

#include <new>

#ifdef Q_OS_UNIX
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace ntl {

namespace {
std::atomic<qint64> released{0};
} // namespace

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

bool FileBuffer::load(const QString &path, qint64 maxSize, QString *error)
{
    if (path.startsWith(u':')) { // compiled into the program: trusted, and not a file
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot open: %1").arg(file.errorString());
            return false;
        }
        const QByteArray all = file.readAll();
        m_size = all.size();
        m_data = new char[std::size_t(std::max<qsizetype>(m_size, 1))];
        std::copy(all.cbegin(), all.cend(), m_data);
        return true;
    }
    auto file = std::make_unique<RegularFile>();
    if (!file->open(path, error))
        return false;
    return load(std::move(file), maxSize, error);
}

bool FileBuffer::load(std::unique_ptr<RegularFile> file, qint64 maxSize, QString *error)
{
    const qint64 size = file->size();
    if (size > maxSize) {
        *error = QStringLiteral("file is %1 MiB; the largest dataset read is %2 MiB")
                     .arg(size / (1024 * 1024))
                     .arg(maxSize / (1024 * 1024));
        return false;
    }
#ifdef Q_OS_UNIX
    // Anonymous pages of our own, not a mapping of the file: another program truncating
    // the file while it is read cannot make them vanish (SIGBUS), and they can be released.
    if (size > 0) {
        void *pages = mmap(nullptr, std::size_t(size), PROT_READ | PROT_WRITE,
                           MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        const qsizetype words = (size / qsizetype(sysconf(_SC_PAGESIZE))) / 64 + 1;
        m_releasedPages.reset(new (std::nothrow) std::atomic<quint64>[std::size_t(words)]{});
        if (pages != MAP_FAILED && m_releasedPages) {
            m_data = static_cast<char *>(pages);
            m_mappedSize = size;
        } else if (pages != MAP_FAILED) {
            munmap(pages, std::size_t(size));
        }
    }
#endif
    if (!m_data)
        m_data = new (std::nothrow) char[std::size_t(std::max<qint64>(size, 1))];
    if (!m_data) {
        *error = QStringLiteral("not enough memory to read it");
        return false;
    }
    if (!file->readInto(m_data, size, error))
        return false;
    m_size = size;
    m_file = std::move(file);
    return true;
}

QByteArray FileBuffer::reread(QString *error) const
{
    QByteArray bytes;
    if (!m_file) {
        *error = QStringLiteral("nothing to read again");
        return bytes;
    }
    if (!m_file->readAll(m_size, &bytes, error))
        bytes.clear();
    return bytes;
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
    // Runs of pages not given back yet, each marked as it is claimed (by one thread only).
    qsizetype runStart = -1;
    const auto giveBack = [&](qsizetype upTo) {
        if (runStart >= 0) {
            madvise(m_data + runStart, std::size_t(upTo - runStart), MADV_DONTNEED);
            released += upTo - runStart;
        }
        runStart = -1;
    };
    for (qsizetype at = first; at < last; at += pageSize) {
        const qsizetype page = at / pageSize;
        const quint64 bit = quint64(1) << (page % 64);
        const bool claimed = (m_releasedPages[std::size_t(page / 64)].fetch_or(bit) & bit) == 0;
        if (claimed && runStart < 0)
            runStart = at;
        else if (!claimed)
            giveBack(at);
    }
    giveBack(last);
#else
    Q_UNUSED(begin);
    Q_UNUSED(end);
#endif
}

qint64 FileBuffer::bytesReleased()
{
    return released.load();
}

} // namespace ntl
