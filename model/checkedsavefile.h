#pragma once

#include <QByteArray>
#include <QSaveFile>
#include <QString>

#include <memory>

namespace ntl {

// A QSaveFile written in pieces, every byte accounted for. Qt 6.4's file engine may
// report a short write as success and commit a truncated file; here every write goes
// through our own loop on the descriptor, and commit() first checks that the size on
// disk is the number of bytes written and fsyncs, so the file is replaced only when
// all of it is known to be on disk. Until commit() succeeds the old file is untouched;
// a failed or abandoned CheckedSaveFile leaves nothing behind.
class CheckedSaveFile {
public:
    CheckedSaveFile() = default;
    CheckedSaveFile(const CheckedSaveFile &) = delete;
    CheckedSaveFile &operator=(const CheckedSaveFile &) = delete;
    ~CheckedSaveFile();

    // Opens a temporary file beside `path` (or beside the regular file a link at `path`
    // names: see AtomicWrite::resolveTarget). False with `reason` on failure.
    bool open(const QString &path, QString *reason);
    // Writes all of `size` bytes or fails; after a failure every call fails.
    bool write(const char *data, qint64 size, QString *reason);
    bool write(const QByteArray &bytes, QString *reason) {
        return write(bytes.constData(), bytes.size(), reason);
    }
    // Checks the size on disk, fsyncs, checks the target was not swapped, then renames
    // the new file into place and syncs the folder. False with `reason` on failure.
    bool commit(QString *reason);
    // Drops the temporary file; the old file stays as it was.
    void cancel();

    qint64 bytesWritten() const { return m_written; }

private:
    bool fail(const QString &why, QString *reason);

    QString m_path;
    QString m_target;
    std::unique_ptr<QSaveFile> m_file;
    int m_fd = -1;
    qint64 m_written = 0;   // bytes the system took
    qint64 m_attempted = 0; // bytes handed to write()
    bool m_failed = false;
};

} // namespace ntl
