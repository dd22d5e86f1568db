#pragma once

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QString>
#include <QStringList>

// Small file helpers the tests share.

// The dataset the app ships with, in the source tree.
inline QString shippedDatasetPath()
{
    return QStringLiteral(NTL_SOURCE_DIR "/resources/datasets/peace-talks-2025/dataset.json");
}

// A file's bytes, or "(unreadable)": a comparison with it then fails and says why.
inline QByteArray fileContents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(unreadable)");
}

// Writes `bytes` to `path`; false when not all of them were written.
inline bool putFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// Every file below `folder`, hidden ones too, relative to it, sorted.
inline QStringList filesIn(const QString &folder)
{
    QStringList files;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(QDir(folder).relativeFilePath(it.next()));
    files.sort();
    return files;
}
