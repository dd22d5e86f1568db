#pragma once

#include <QString>

#include <string>
#include <string_view>

namespace ntl {

// Reads JSON text token by token, front to back, accepting only what it is sure of: each
// read either succeeds, with what nlohmann::json would have made of the same text, or
// returns false. Used to read well-formed elements much faster than building a DOM of
// them; the caller falls back to the DOM (and its diagnostics) whenever a read fails, so
// failing is always safe and reasons are not given.
class JsonCursor
{
public:
    explicit JsonCursor(std::string_view json) : m_json(json) {}

    void skipWhiteSpace()
    {
        while (m_at < m_json.size() && isWhiteSpace(m_json[m_at]))
            ++m_at;
    }
    // The next token, after white space, is `c`: consumes it.
    bool take(char c)
    {
        skipWhiteSpace();
        if (m_at >= m_json.size() || m_json[m_at] != c)
            return false;
        ++m_at;
        return true;
    }
    // The next token, after white space, starts with `c` (which is not consumed).
    bool peek(char c)
    {
        skipWhiteSpace();
        return m_at < m_json.size() && m_json[m_at] == c;
    }
    // Only white space is left.
    bool atEnd()
    {
        skipWhiteSpace();
        return m_at == m_json.size();
    }

    // An object key without escapes, as it is written (valid UTF-8, no control characters).
    bool readKey(std::string_view &key);
    // A string value's UTF-8 bytes, decoded as nlohmann decodes them: into `storage` when
    // it has escapes, else where it is written.
    bool readStringBytes(std::string_view &bytes, std::string &storage);
    // A string value, as QString::fromUtf8 of nlohmann's string.
    bool readString(QString &text);
    // `null`.
    bool readNull();
    // `null`, read as a null QString, or a string.
    bool readNullableString(QString &text);
    // A non-negative integer without fraction or exponent, at most `max`.
    bool readUnsignedInteger(qint64 max, qint64 &value);

private:
    static bool isWhiteSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
    // From the opening quote: the raw text between the quotes, whether it has escapes.
    bool scanString(std::string_view &raw, bool &hasEscapes);
    static bool decodeEscapes(std::string_view raw, std::string &decoded);

    std::string_view m_json;
    std::size_t m_at = 0;
};

} // namespace ntl
