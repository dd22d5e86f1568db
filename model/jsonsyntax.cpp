#include "jsonsyntax.h"

#include "readerjson.h"

#include <algorithm>

namespace ntl {

namespace {

// nlohmann's message starts with "[json.exception…] parse error at line L, column C: ";
// we report our own location, so keep only the reason.
QString parseErrorReason(const char *what) {
    QString message = QString::fromUtf8(what);
    if (message.startsWith(u'[') &&
        message.indexOf(QStringLiteral("] ")) > 0) // "[json.exception.…] "
        message = message.mid(message.indexOf(QStringLiteral("] ")) + 2);
    const qsizetype columnAt = message.indexOf(QStringLiteral("column "));
    const qsizetype colonAt =
        columnAt >= 0 ? message.indexOf(QStringLiteral(": "), columnAt) : message.indexOf(u':');
    if (colonAt >= 0)
        message = message.mid(colonAt + (columnAt >= 0 ? 2 : 1)).trimmed();
    return message;
}

// A SAX consumer that accepts every value and keeps the first error: Json::parse's
// error for a whole document, found without building it.
struct FirstErrorSax {
    std::string message;
    std::optional<std::size_t> byte; // set for parse errors, which have a position

    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(Json::number_integer_t) { return true; }
    bool number_unsigned(Json::number_unsigned_t) { return true; }
    template <typename Text> // Json::string_t, or std::string from the binary formats' reader
    bool number_float(Json::number_float_t, const Text &) {
        return true;
    }
    bool string(Json::string_t &) { return true; }
    bool binary(Json::binary_t &) { return true; }
    bool start_object(std::size_t) { return true; }
    bool key(Json::string_t &) { return true; }
    bool end_object() { return true; }
    bool start_array(std::size_t) { return true; }
    bool end_array() { return true; }
    std::size_t position = 0; // bytes read when the error was found, for any error
    bool parse_error(std::size_t at, const std::string &,
                     const nlohmann::detail::exception &error) {
        position = at;
        message = error.what();
        if (const auto *parseError = dynamic_cast<const Json::parse_error *>(&error))
            byte = parseError->byte;
        return false;
    }
};

} // namespace

bool JsonSyntax::isValid(std::string_view text) {
    FirstErrorSax sax;
    return Json::sax_parse(text.begin(), text.end(), &sax);
}

std::optional<Diagnostic> JsonSyntax::firstError(std::string_view json, const QString &file) {
    FirstErrorSax sax;
    if (Json::sax_parse(json.begin(), json.end(), &sax))
        return std::nullopt;
    Diagnostic d;
    d.file = file;
    if (sax.byte) {
        // The byte counts the bytes read, the offending one included.
        std::tie(d.line, d.column) = lineAndColumn(json, qsizetype(*sax.byte) - 1);
        d.message = QStringLiteral("not valid JSON: %1").arg(parseErrorReason(sax.message.c_str()));
    } else { // e.g. a number too large for a double: located where it ends
        std::tie(d.line, d.column) = lineAndColumn(json, qsizetype(sax.position));
        d.message = QStringLiteral("not valid JSON: %1").arg(parseErrorReason(sax.message.c_str()));
    }
    return d;
}

std::pair<int, int> JsonSyntax::lineAndColumn(std::string_view bytes, qsizetype byteOffset) {
    byteOffset = std::clamp<qsizetype>(byteOffset, 0, qsizetype(bytes.size()));
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < byteOffset; ++i) {
        const auto byte = static_cast<unsigned char>(bytes[std::size_t(i)]);
        if (byte == '\n') {
            ++line;
            column = 1;
        } else if ((byte & 0xC0) != 0x80) { // continuation bytes belong to the previous character
            ++column;
        }
    }
    return {line, column};
}

} // namespace ntl
