#pragma once

#include <QString>

class QSaveFile;

namespace ntl {

// Commits a QSaveFile only if every byte written reached the disk. Qt 6.4 reports a
// short write (a full disk, a file size limit) as success and would then replace the
// old file with a truncated one; comparing the file's size with what was written
// catches that, and the old file stays as it was.
bool commitFully(QSaveFile &file, QString *reason);

} // namespace ntl
