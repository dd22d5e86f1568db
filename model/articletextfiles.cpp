#include "articletextfiles.h"

#include "datasetreader.h"
#include "regularfile.h"
#include "utf8.h"

#include <QDir>
#include <QFile>

#include <atomic>

namespace ntl {

namespace {

std::atomic<qint64> s_bytesReadInAll{0};

} // namespace

qint64 ArticleTextFiles::bytesReadInAll() {
    return s_bytesReadInAll;
}

ArticleTextFile *ArticleTextFiles::read(const QString &relative, QByteArray *bytesRead,
                                        QString *error) {
    const auto refuse = [&](const QString &why) -> ArticleTextFile * {
        *error = QStringLiteral("cannot read article text \"%1\": %2").arg(relative, why);
        return nullptr;
    };
    const QString allTooLarge = QStringLiteral("article texts of this dataset exceed %1 MiB in all")
                                    .arg(DatasetReader::maxArticleTextsSize / (1024 * 1024));
    const auto overBudget = [&](qint64 size) {
        return size > DatasetReader::maxArticleTextsSize - m_bytes;
    };
    if (RegularFile::hasControlCharacter(relative))
        return refuse(QStringLiteral("the file name contains a control character"));
    if (relative.isEmpty() || QDir::isAbsolutePath(relative) || relative.startsWith(u':')) {
        *error = QStringLiteral("expected a path relative to the dataset's folder, found \"%1\"")
                     .arg(relative);
        return nullptr;
    }
    const QString base = QDir::cleanPath(m_baseDirectory);
    const QString resolved = QDir::cleanPath(base + u'/' + relative);
    if (!resolved.startsWith(base.endsWith(u'/') ? base : base + u'/')) {
        *error =
            QStringLiteral(
                "\"%1\" leaves the dataset's folder; article texts are read only from inside it")
                .arg(relative);
        return nullptr;
    }
    QByteArray bytes;
    QString key;
    if (base.startsWith(u':')) { // a dataset compiled into the program: its texts are too
        key = resolved;
        if (const auto known = m_files.find(key); known != m_files.end())
            return &known->second;
        QFile file(resolved);
        if (!file.open(QIODevice::ReadOnly))
            return refuse(file.errorString());
        bytes = file.read(DatasetReader::maxArticleTextSize + 1);
    } else {
        RegularFile file;
        QString why;
        QString linkTarget;
        if (!file.openInside(base, relative, &why, &linkTarget)) {
            if (!linkTarget.isEmpty()) {
                *error = QStringLiteral("\"%1\" is a link to \"%2\", outside the dataset's folder")
                             .arg(relative, linkTarget);
                return nullptr;
            }
            return refuse(why);
        }
        // Identified by what was opened, not by its name: a link or a hard link to a
        // file already read is that file.
        key = QStringLiteral("%1:%2").arg(file.device()).arg(file.inode());
        if (const auto known = m_files.find(key); known != m_files.end())
            return &known->second;
        if (file.size() > DatasetReader::maxArticleTextSize)
            return refuse(QStringLiteral("it is larger than 64 MiB"));
        if (overBudget(file.size())) // refused before it is read
            return refuse(allTooLarge);
        if (!file.readAll(DatasetReader::maxArticleTextSize, &bytes, &why))
            return refuse(why);
    }
    s_bytesReadInAll += bytes.size();
    if (bytes.size() > DatasetReader::maxArticleTextSize)
        return refuse(QStringLiteral("it is larger than 64 MiB"));
    if (overBudget(bytes.size()))
        return refuse(allTooLarge);
    m_bytes += bytes.size();
    ArticleTextFile read;
    read.invalidUtf8At = invalidUtf8At(bytes);
    if (read.invalidUtf8At < 0)
        read.text = QString::fromUtf8(bytes);
    *bytesRead = std::move(bytes);
    return &m_files.emplace(key, std::move(read)).first->second;
}

} // namespace ntl
