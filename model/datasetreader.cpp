#include "datasetreader.h"

#include "articletextfiles.h"
#include "documentreader.h"
#include "filebuffer.h"

#include <QFileInfo>

#include <algorithm>
#include <string_view>

namespace ntl {

namespace {

// What QByteArray::trimmed().isEmpty() says, without copying 200 MB to say it.
bool isBlank(std::string_view bytes)
{
    // QByteArray's white space: space, \t, \n, \v, \f, \r.
    return std::all_of(bytes.begin(), bytes.end(),
                       [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); });
}

} // namespace

qsizetype DatasetReader::maxFieldLength(const char *key)
{
    const std::string_view name(key);
    for (const std::string_view ids : {"id", "article", "actor", "side", "affiliation", "anchor"}) {
        if (name == ids)
            return maxIdLength;
    }
    if (name == "url")
        return 2048;
    if (name == "exact")
        return 100000; // a passage, not an article
    for (const std::string_view texts : {"summary", "note", "says"}) {
        if (name == texts)
            return maxTextFieldLength;
    }
    if (name == "text")
        return maxArticleTextSize;
    return maxNameLength;
}

DatasetReader::Result DatasetReader::readFile(const QString &path)
{
    Result result;
    const auto fail = [&](const QString &message) {
        Diagnostic d;
        d.file = path;
        d.message = message;
        result.diagnostics.append(d);
        return result;
    };
    FileBuffer buffer;
    QString error;
    if (!buffer.load(path, maxFileSize, &error))
        return fail(error);
    const std::string_view bytes = buffer.bytes();
    if (isBlank(bytes))
        return fail(QStringLiteral("file is empty; expected a JSON dataset"));
    try {
        DocumentReader checker(path, QFileInfo(path).absolutePath());
        checker.releaseWhenRead(&buffer);
        return checker.run(bytes);
    } catch (const std::bad_alloc &) { // made the checker, or left it: nothing to keep
        return fail(QStringLiteral("not enough memory to read it"));
    }
}

qint64 DatasetReader::articleTextBytesRead() {
    return ArticleTextFiles::bytesReadInAll();
}

DatasetReader::Result DatasetReader::readBytes(const QByteArray &bytes, const QString &displayName,
                                               const QString &baseDirectory)
{
    try {
        DocumentReader checker(displayName, baseDirectory);
        return checker.run(std::string_view(bytes.constData(), std::size_t(bytes.size())));
    } catch (const std::bad_alloc &) {
        Result result;
        Diagnostic d;
        d.file = displayName;
        d.message = QStringLiteral("not enough memory to read it");
        result.diagnostics.append(d);
        return result;
    }
}

} // namespace ntl
