#include "jsoncursor.h"

#include <cstdint>
#include <cstring>

namespace ntl {

namespace {

bool inRange(unsigned char byte, unsigned char low, unsigned char high)
{
    return byte >= low && byte <= high;
}

// The length of the UTF-8 sequence at `at` if it is one nlohmann's lexer accepts (RFC 3629:
// no overlong forms, no surrogates, nothing past U+10FFFF), else 0.
std::size_t validSequenceLength(std::string_view text, std::size_t at)
{
    const auto byte = [&](std::size_t i) {
        return at + i < text.size() ? static_cast<unsigned char>(text[at + i]) : 0;
    };
    const unsigned char lead = byte(0);
    const auto continues = [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) {
            if (!inRange(byte(i), 0x80, 0xBF))
                return false;
        }
        return true;
    };
    if (inRange(lead, 0xC2, 0xDF))
        return continues(1, 2) ? 2 : 0;
    if (lead == 0xE0)
        return inRange(byte(1), 0xA0, 0xBF) && continues(2, 3) ? 3 : 0;
    if (inRange(lead, 0xE1, 0xEC) || inRange(lead, 0xEE, 0xEF))
        return continues(1, 3) ? 3 : 0;
    if (lead == 0xED)
        return inRange(byte(1), 0x80, 0x9F) && continues(2, 3) ? 3 : 0;
    if (lead == 0xF0)
        return inRange(byte(1), 0x90, 0xBF) && continues(2, 4) ? 4 : 0;
    if (inRange(lead, 0xF1, 0xF3))
        return continues(1, 4) ? 4 : 0;
    if (lead == 0xF4)
        return inRange(byte(1), 0x80, 0x8F) && continues(2, 4) ? 4 : 0;
    return 0;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// The four hex digits of a \u escape at `at` (just past the 'u'), or -1.
int codeUnit(std::string_view raw, std::size_t at)
{
    if (at + 4 > raw.size())
        return -1;
    int value = 0;
    for (std::size_t i = at; i < at + 4; ++i) {
        const int digit = hexValue(raw[i]);
        if (digit < 0)
            return -1;
        value = value * 16 + digit;
    }
    return value;
}

void appendUtf8(std::string &out, char32_t codePoint)
{
    if (codePoint < 0x80) {
        out.push_back(char(codePoint));
    } else if (codePoint < 0x800) {
        out.push_back(char(0xC0 | (codePoint >> 6)));
        out.push_back(char(0x80 | (codePoint & 0x3F)));
    } else if (codePoint < 0x10000) {
        out.push_back(char(0xE0 | (codePoint >> 12)));
        out.push_back(char(0x80 | ((codePoint >> 6) & 0x3F)));
        out.push_back(char(0x80 | (codePoint & 0x3F)));
    } else {
        out.push_back(char(0xF0 | (codePoint >> 18)));
        out.push_back(char(0x80 | ((codePoint >> 12) & 0x3F)));
        out.push_back(char(0x80 | ((codePoint >> 6) & 0x3F)));
        out.push_back(char(0x80 | (codePoint & 0x3F)));
    }
}

// The first index from `at` on of a byte in `text` that is not plain printable ASCII inside
// a string ('"', '\\', a control character or a non-ASCII byte), eight bytes at a time:
// most of a dataset's text is plain.
std::size_t skipPlainAscii(std::string_view text, std::size_t at)
{
    constexpr std::uint64_t ones = 0x0101010101010101u;
    constexpr std::uint64_t highBits = 0x8080808080808080u;
    const auto hasZeroByte = [](std::uint64_t word) { return (word - ones) & ~word & highBits; };
    while (at + 8 <= text.size()) {
        std::uint64_t word;
        std::memcpy(&word, text.data() + at, 8);
        const std::uint64_t special =
            (word & highBits) | ((word - 0x20 * ones) & ~word & highBits) |
            hasZeroByte(word ^ ('"' * ones)) | hasZeroByte(word ^ ('\\' * ones));
        if (special != 0)
            break;
        at += 8;
    }
    while (at < text.size()) {
        const auto byte = static_cast<unsigned char>(text[at]);
        if (byte < 0x20 || byte >= 0x80 || byte == '"' || byte == '\\')
            break;
        ++at;
    }
    return at;
}

} // namespace

bool JsonCursor::scanString(std::string_view &raw, bool &hasEscapes)
{
    if (!take('"'))
        return false;
    const std::size_t begin = m_at;
    hasEscapes = false;
    while (m_at < m_json.size()) {
        m_at = skipPlainAscii(m_json, m_at);
        if (m_at >= m_json.size())
            break;
        const auto byte = static_cast<unsigned char>(m_json[m_at]);
        if (byte == '"') {
            raw = m_json.substr(begin, m_at - begin);
            ++m_at;
            return true;
        }
        if (byte < 0x20) // control characters must be escaped
            return false;
        if (byte == '\\') {
            hasEscapes = true; // checked when decoded; here only the next byte is skipped
            m_at += 2;
        } else if (byte < 0x80) {
            ++m_at;
        } else {
            const std::size_t length = validSequenceLength(m_json, m_at);
            if (length == 0)
                return false;
            m_at += length;
        }
    }
    return false;
}

bool JsonCursor::decodeEscapes(std::string_view raw, std::string &decoded)
{
    decoded.clear();
    decoded.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '\\') {
            decoded.push_back(raw[i]);
            continue;
        }
        if (++i >= raw.size())
            return false;
        switch (raw[i]) {
        case '"': decoded.push_back('"'); break;
        case '\\': decoded.push_back('\\'); break;
        case '/': decoded.push_back('/'); break;
        case 'b': decoded.push_back('\b'); break;
        case 'f': decoded.push_back('\f'); break;
        case 'n': decoded.push_back('\n'); break;
        case 'r': decoded.push_back('\r'); break;
        case 't': decoded.push_back('\t'); break;
        case 'u': {
            const int unit = codeUnit(raw, i + 1);
            if (unit < 0 || (unit >= 0xDC00 && unit <= 0xDFFF)) // a lone low surrogate
                return false;
            i += 4;
            char32_t codePoint = char32_t(unit);
            if (unit >= 0xD800 && unit <= 0xDBFF) { // a high surrogate: its low one must follow
                if (i + 2 >= raw.size() || raw[i + 1] != '\\' || raw[i + 2] != 'u')
                    return false;
                const int low = codeUnit(raw, i + 3);
                if (low < 0xDC00 || low > 0xDFFF)
                    return false;
                i += 6;
                codePoint = 0x10000 + ((char32_t(unit) - 0xD800) << 10) + (char32_t(low) - 0xDC00);
            }
            appendUtf8(decoded, codePoint);
            break;
        }
        default: return false;
        }
    }
    return true;
}

bool JsonCursor::readKey(std::string_view &key)
{
    bool hasEscapes = false;
    return scanString(key, hasEscapes) && !hasEscapes;
}

bool JsonCursor::readStringBytes(std::string_view &bytes, std::string &storage)
{
    std::string_view raw;
    bool hasEscapes = false;
    if (!scanString(raw, hasEscapes))
        return false;
    if (!hasEscapes) {
        bytes = raw;
        return true;
    }
    if (!decodeEscapes(raw, storage))
        return false;
    bytes = storage;
    return true;
}

bool JsonCursor::readString(QString &text)
{
    std::string_view bytes;
    std::string storage;
    if (!readStringBytes(bytes, storage))
        return false;
    text = QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
    return true;
}

bool JsonCursor::readNull()
{
    skipWhiteSpace();
    if (m_json.substr(m_at, 4) != "null")
        return false;
    m_at += 4;
    return true;
}

bool JsonCursor::readNullableString(QString &text)
{
    if (peek('n')) {
        text = QString();
        return readNull();
    }
    return readString(text);
}

bool JsonCursor::readUnsignedInteger(qint64 max, qint64 &value)
{
    skipWhiteSpace();
    const std::size_t begin = m_at;
    value = 0;
    while (m_at < m_json.size() && m_json[m_at] >= '0' && m_json[m_at] <= '9') {
        if (m_at - begin >= 18) // would overflow; such numbers go the slow way
            return false;
        value = value * 10 + (m_json[m_at] - '0');
        ++m_at;
    }
    const std::size_t digits = m_at - begin;
    if (digits == 0 || (digits > 1 && m_json[begin] == '0')) // JSON has no leading zeros
        return false;
    if (m_at < m_json.size()) { // a fraction or an exponent would make it a float
        const char next = m_json[m_at];
        if (next == '.' || next == 'e' || next == 'E')
            return false;
    }
    return value <= max;
}

} // namespace ntl
