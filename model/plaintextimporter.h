#pragma once

#include "articleimporter.h"

#include <functional>

namespace ntl {

// A plain text file as an article. UTF-8 (a byte-order mark skipped) or UTF-16 little- or
// big-endian by its byte-order mark; anything else is refused at the byte offset of its
// first ill-formed sequence. Line endings become "\n" (CR LF, CR, NEL, U+2028, U+2029, form
// feed and vertical tab); a NUL refuses the file (it is binary, or UTF-16 without a mark);
// the other control characters (C0 but tab and newline, DEL, C1) are removed, with a warning.
class PlainTextImporter {
    Q_DECLARE_TR_FUNCTIONS(PlainTextImporter)

public:
    static ArticleImporter::Result read(const QByteArray &bytes, const QString &displayName,
                                        const QDate &fallbackDate);
    // Decodes `bytes` (UTF-8 or UTF-16 by its BOM); false with an error naming the byte.
    // `bomSize` and `utf16` say how a character's index maps back to a byte offset.
    static bool decode(const QByteArray &bytes, const QString &displayName, QString *text,
                       Diagnostics *diagnostics);
    // Normalises line endings and control characters as above; false (an error added) on
    // a NUL. `byteOffsetOf` maps an index into `text` to the file's byte offset (or -1).
    static bool normalise(QString *text, const QString &displayName, Diagnostics *diagnostics,
                          const std::function<qint64(qsizetype)> &byteOffsetOf = {});
};

} // namespace ntl
