#pragma once

#include "regularfile.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <memory>
#include <string_view>

namespace ntl {

// A whole file's bytes in memory that can be given back to the system piece by piece
// once read, so that loading a 200 MB file does not hold all of it until the end, next
// to what is made of it. Where pages cannot be given back, release() does nothing.
class FileBuffer
{
public:
    FileBuffer() = default;
    FileBuffer(const FileBuffer &) = delete;
    FileBuffer &operator=(const FileBuffer &) = delete;
    ~FileBuffer();

    // Reads `path` whole, a regular file of at most `maxSize` bytes (or a Qt resource,
    // ":/…"); on failure says why in `error`. The file stays open for reread().
    bool load(const QString &path, qint64 maxSize, QString *error);
    // Reads the file opened by `file` whole (taking it over).
    bool load(std::unique_ptr<RegularFile> file, qint64 maxSize, QString *error);
    // The file's bytes again, from the descriptor it was read from (not by name, which may
    // lead elsewhere by now); empty with `error` set if it changed meanwhile.
    QByteArray reread(QString *error) const;

    std::string_view bytes() const { return {m_data, std::size_t(m_size)}; }
    // Gives back the whole pages inside [begin, end) (byte offsets) not given back yet: they
    // read as zeros from then on. Safe from several threads, for ranges that overlap too.
    void release(qsizetype begin, qsizetype end);
    // Whether any bytes may have been given back: bytes() is then not the file any more.
    bool hasReleased() const { return m_hasReleased.load(); }
    // Bytes given back by every buffer in this process (for tests and benchmarks).
    static qint64 bytesReleased();

private:
    std::unique_ptr<RegularFile> m_file; // null for a resource
    char *m_data = nullptr;
    qsizetype m_size = 0;
    qsizetype m_mappedSize = 0; // 0: m_data is from new[], and release() does nothing
    // A bit per page, set once it is given back: a range may be released twice (a piece
    // after the elements kept in it), and only what was not given back yet counts.
    std::unique_ptr<std::atomic<quint64>[]> m_releasedPages;
    std::atomic<bool> m_hasReleased{false};
};

} // namespace ntl
