#pragma once

#include <QList>
#include <QStringView>

namespace ntl {

// Converts between Unicode code point offsets (what the file stores) and QString
// UTF-16 indices (what Qt uses) in O(log n), after one pass over the text. Texts
// without characters outside the Basic Multilingual Plane convert in O(1).
class CodePointIndex
{
public:
    explicit CodePointIndex(QStringView text);

    // -1 when the offset is negative or past the end of the text.
    int toUtf16(qint64 codePointOffset) const;
    qint64 toCodePoint(int utf16Index) const;
    qint64 codePointCount() const { return m_codePoints; }

private:
    QList<int> m_pairStarts; // UTF-16 indices of the high surrogate of each pair
    int m_utf16Size = 0;
    qint64 m_codePoints = 0;
};

} // namespace ntl
