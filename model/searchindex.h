#pragma once

#include <QBitArray>
#include <QHashFunctions>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <vector>

namespace ntl {

// Finds the rows whose case-folded text contains every query word as a substring, without
// scanning the texts. A word holds no whitespace, so it occurs in a text exactly when it occurs
// inside one of the text's tokens (maximal runs of non-whitespace). The index keeps each
// distinct token once, in one string with a separator between tokens, and which rows hold it:
// a query word is one substring search through that string, its hits map back to tokens, and
// the rows of those tokens are its matches.
//
// "Whitespace" is what QRegularExpression's default \s matches (ASCII only: tab, line feed,
// vertical tab, form feed, carriage return, space), so splitting a query with \s+ gives words
// this index answers exactly. Case folding is QString::toCaseFolded(), which maps each code
// point on its own.
class SearchIndex
{
public:
    // `seed` varies the token hash; by default the process's random one, so that nobody can
    // write a dataset whose tokens all collide and make building the index quadratic.
    explicit SearchIndex(size_t seed = QHashSeed::globalSeed())
        : m_seed(seed) {}

    static quint32 hashOf(QStringView token, size_t seed);

    static bool isSpace(QChar c)
    {
        const char16_t u = c.unicode();
        return u == u' ' || (u >= u'\t' && u <= u'\r');
    }

    // Building: startRow() once per row, then addText() for each of its fields (title,
    // summary, passages; as if joined by '\n'), then finish() once.
    void startRow();
    void addText(QStringView text);
    void finish();

    int rowCount() const { return m_rowCount; }
    int tokenCount() const { return int(m_tokenStarts.size()) - 1; }
    // Slots of the lookup table looked at while building (a test of the hashing).
    qint64 probeCount() const { return m_probes; }

    // Rows containing every word: words are case-folded, non-empty and free of whitespace
    // (an empty word occurs everywhere). No words: every row.
    QBitArray rowsContainingAll(const QStringList &words) const;
    QBitArray rowsContaining(QStringView word) const;

private:
    // A token in the lookup table used while building; all a lookup needs, in one place.
    struct Slot {
        quint32 hash = 0;
        quint32 start = 0;   // of the token in m_tokens
        quint32 id = 0;      // 0: empty slot; else token number + 1
        quint32 lastRow = 0; // the row that last held the token, from 1
    };

    struct PendingToken {
        QStringView text;
        quint32 hash;
    };

    void addFoldedText(QStringView folded);
    Slot &slotOf(QStringView token, quint32 hash);
    void growSlots();

    size_t m_seed = 0;
    qint64 m_probes = 0;
    int m_rowCount = 0;
    // Every distinct token followed by '\n' (whitespace: a query word never spans two).
    QString m_tokens;
    std::vector<quint32> m_tokenStarts{0}; // offsets into m_tokens, plus the end
    std::vector<quint32> m_postingStarts;  // per token into m_postingRows, plus the end
    std::vector<quint32> m_postingRows;    // ascending per token

    // Only while building: token lookup (open addressing) and each row's token ids.
    std::vector<Slot> m_slots;
    std::vector<quint32> m_rowTokens;
    std::vector<quint32> m_rowTokenStarts;
    std::vector<PendingToken> m_pending;
    QString m_foldBuffer;
};

} // namespace ntl
