#pragma once

#include <QByteArray>
#include <QString>

#include <map>

namespace ntl {

// One article text file as read in one load: every article that names the file (under any
// name) shares it, so forty articles naming a big file cost what one does.
struct ArticleTextFile {
    QString text;                 // decoded; copies share it
    qsizetype invalidUtf8At = -1; // the offset of the first bad byte, or -1
    QString sha256;               // of the bytes, computed when first asked for
};

// The article text files of one load, read safely from inside the dataset's folder (or
// the resource folder of an embedded dataset), each once, within the size limits of
// DatasetReader.
class ArticleTextFiles {
public:
    explicit ArticleTextFiles(const QString &baseDirectory)
        : m_baseDirectory(baseDirectory) {}

    // The file `relative` names; its bytes in `bytes` when read just now. Null, with why
    // in `error` (a whole message), when it cannot or must not be read.
    ArticleTextFile *read(const QString &relative, QByteArray *bytes, QString *error);

    // Bytes of article text files read by every load in this process.
    static qint64 bytesReadInAll();

private:
    QString m_baseDirectory;
    // By device and inode (or resource path): a link to a file already read is that file.
    std::map<QString, ArticleTextFile> m_files;
    qint64 m_bytes = 0; // taken out of DatasetReader::maxArticleTextsSize
};

} // namespace ntl
