#include "codepointindex.h"

#include <algorithm>

namespace ntl {

CodePointIndex::CodePointIndex(QStringView text)
    : m_utf16Size(int(text.size()))
{
    for (int i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && text.at(i + 1).isLowSurrogate()) {
            m_pairStarts.append(i);
            ++i;
        }
    }
    m_codePoints = m_utf16Size - m_pairStarts.size();
}

int CodePointIndex::toUtf16(qint64 codePointOffset) const
{
    if (codePointOffset < 0 || codePointOffset > m_codePoints)
        return -1;
    // The k-th pair starts at code point pairStart - k; count the pairs before the offset.
    qsizetype low = 0;
    qsizetype high = m_pairStarts.size();
    while (low < high) {
        const qsizetype middle = (low + high) / 2;
        if (m_pairStarts.at(middle) - middle < codePointOffset)
            low = middle + 1;
        else
            high = middle;
    }
    return int(codePointOffset + low);
}

qint64 CodePointIndex::toCodePoint(int utf16Index) const
{
    utf16Index = std::clamp(utf16Index, 0, m_utf16Size);
    // Pairs that start before the index each count one code point for two units.
    const auto pairsBefore = std::lower_bound(m_pairStarts.cbegin(), m_pairStarts.cend(), utf16Index) - m_pairStarts.cbegin();
    const bool insidePair = pairsBefore > 0 && m_pairStarts.at(pairsBefore - 1) + 1 == utf16Index;
    return utf16Index - pairsBefore + (insidePair ? 1 : 0);
}

} // namespace ntl
