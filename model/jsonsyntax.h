#pragma once

#include "diagnostic.h"

#include <QString>

#include <optional>
#include <string_view>
#include <utility>

namespace ntl {

// Syntax errors of a JSON text, found and worded as a whole-document parse finds them,
// without building anything (a dataset is parsed in parts, which locate errors differently).
class JsonSyntax {
public:
    static bool isValid(std::string_view text);
    // The first syntax error, at its line:column in `file`; nullopt when `json` is valid.
    static std::optional<Diagnostic> firstError(std::string_view json, const QString &file);
    // 1-based line and column (in characters) of a byte offset in UTF-8 text.
    static std::pair<int, int> lineAndColumn(std::string_view bytes, qsizetype byteOffset);
};

} // namespace ntl
