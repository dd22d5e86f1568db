#pragma once

#include <QByteArray>
#include <QString>

namespace ntl {

// Replaces a file with new contents, all or nothing. Every writer (PNG, SVG, PDF,
// screenshot) renders into memory first and hands the bytes here (the dataset writer
// streams through CheckedSaveFile, which this uses), so that a
// full disk, a file size limit or a device that refuses part of the data leaves the
// old file byte-for-byte as it was: Qt 6.4's QSaveFile, QSvgGenerator and QPdfWriter
// drop what the device refused and would commit a truncated file.
class AtomicWrite {
public:
    // Writes `bytes` to `path` through a QSaveFile: every write checked, the size on
    // disk compared with the byte count, fsync'd, and only then committed. Only a
    // regular file (or a symbolic link to one, written through to its target) is
    // replaced. Returns false and sets `reason` (naming the file) on any failure.
    static bool writeFile(const QString &path, const QByteArray &bytes, QString *reason);

    // The file `path` would replace: `path` itself if it does not exist yet, else the
    // regular file it is or links to. Returns false and sets `reason` for a device,
    // FIFO, socket, folder, a link to one, a dangling link or a path that cannot be
    // checked: when in doubt, refuse.
    static bool resolveTarget(const QString &path, QString *target, QString *reason);
};

} // namespace ntl
