#pragma once

#include <QByteArray>
#include <QString>

namespace ntl {

// A file opened for reading the way hostile input requires: only a regular file is read,
// as checked on the opened descriptor (never a FIFO, a device or a folder, and opening
// never blocks); a file inside a folder is reached without following any link out of it;
// sizes are bounded while reading, not trusted from what the file reports; and a file
// that changes while it is read is noticed. Every refusal says why in a short phrase.
class RegularFile {
public:
    RegularFile() = default;
    RegularFile(const RegularFile &) = delete;
    RegularFile &operator=(const RegularFile &) = delete;
    ~RegularFile();

    // Opens `path` as named (links followed: the user chose it).
    bool open(const QString &path, QString *error);
    // Opens `relative` inside `folder`. `relative` must be a plain relative path with no
    // control characters that stays inside `folder`; links are followed only where they
    // lead to a place inside `folder`, and the file is then opened through no link at all.
    // On refusal, `linkTarget` (if given) is set when a link leads outside.
    bool openInside(const QString &folder, const QString &relative, QString *error,
                    QString *linkTarget = nullptr);

    bool isOpen() const { return m_fd >= 0; }
    // The size the file had when opened.
    qint64 size() const { return m_size; }
    // The opened file's device and inode: the same file under any name, link or hard link.
    quint64 device() const { return m_device; }
    quint64 inode() const { return m_inode; }

    // Reads the whole file into `out`, refusing one larger than `maxSize` bytes or one that
    // changes while it is read.
    bool readAll(qint64 maxSize, QByteArray *out, QString *error);
    // Reads bytes [0, size) into `data` (exactly size() bytes); false if the file changed.
    bool readInto(char *data, qint64 size, QString *error);
    // Whether the file still has the size and time it had when opened, and (for open())
    // its name still leads to it.
    bool unchangedSinceOpen() const;

    // Whether `name` holds a character that has no business in a file name read from a
    // dataset: NUL or another control character.
    static bool hasControlCharacter(const QString &name);
    // "a folder", "a FIFO", "a character device" … for a file's st_mode.
    static QString kindName(unsigned mode);
    // "permission denied", "no such file", … for an errno value.
    static QString describe(int errorNumber);

private:
    bool checkOpened(QString *error);

    int m_fd = -1;
    QByteArray m_path; // encoded name for open(); empty for openInside()
    qint64 m_size = 0;
    qint64 m_modifiedNs = 0;
    quint64 m_device = 0;
    quint64 m_inode = 0;
};

} // namespace ntl
