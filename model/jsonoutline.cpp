#include "jsonoutline.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>

namespace ntl {

namespace {

bool isJsonWhiteSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// The index of the quote that closes the string opening at `open`, or npos. memchr
// jumps over long texts; a quote is escaped when an odd number of backslashes precede it.
std::size_t closingQuote(std::string_view json, std::size_t open)
{
    std::size_t from = open + 1;
    while (from < json.size()) {
        const void *found = std::memchr(json.data() + from, '"', json.size() - from);
        if (!found)
            return std::string_view::npos;
        const std::size_t quote = std::size_t(static_cast<const char *>(found) - json.data());
        std::size_t backslashes = 0;
        while (json[quote - 1 - backslashes] == '\\') // stops at the opening quote at the latest
            ++backslashes;
        if (backslashes % 2 == 0)
            return quote;
        from = quote + 1;
    }
    return std::string_view::npos;
}

// Whether the string token `token` (quotes included) spells `key`; escapes are decoded
// by nlohmann, as the parser will.
bool spells(std::string_view token, std::string_view key)
{
    const std::string_view raw = token.substr(1, token.size() - 2);
    if (raw.find('\\') == std::string_view::npos)
        return raw == key;
    const auto decoded = nlohmann::json::parse(token.begin(), token.end(), nullptr, false);
    return decoded.is_string() && decoded.get_ref<const std::string &>() == key;
}

} // namespace

JsonOutline JsonOutline::scan(std::string_view json, int maxDepth,
                              std::initializer_list<std::string_view> keys, qsizetype maxElements)
{
    JsonOutline outline;
    outline.m_arrays.resize(keys.size());
    int depth = 0;
    bool rootSeen = false;
    bool inRootObject = false;       // depth 1 is the root object, not yet closed
    std::string_view lastRootString; // the latest string token directly in the root object
    Array *awaited = nullptr;        // after `"key":` of one of `keys`, before its value
    Array *inArray = nullptr;        // inside that value, an array
    qsizetype elementBegin = 0;
    bool elementHasContent = false;

    const auto endElement = [&](std::size_t at) {
        if (qsizetype(inArray->elements.size()) < maxElements)
            inArray->elements.push_back({elementBegin, qsizetype(at)});
        ++inArray->elementCount;
        elementBegin = qsizetype(at) + 1;
        elementHasContent = false;
    };

    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        switch (c) {
        case '"': {
            const std::size_t close = closingQuote(json, i);
            if (close == std::string_view::npos) { // unterminated: no brackets follow
                i = json.size();
                break;
            }
            if (depth == 1 && inRootObject)
                lastRootString = json.substr(i, close + 1 - i);
            if (inArray && depth == 2)
                elementHasContent = true;
            awaited = nullptr;
            i = close;
            break;
        }
        case '[':
        case '{':
            ++depth;
            outline.m_depth = std::max(outline.m_depth, depth);
            if (outline.m_depth > maxDepth) {
                outline.m_arrays.assign(keys.size(), Array());
                return outline;
            }
            if (depth == 1 && !rootSeen) {
                rootSeen = true;
                inRootObject = c == '{';
            } else if (depth == 2 && awaited && c == '[') {
                inArray = awaited;
                inArray->range.begin = qsizetype(i);
                elementBegin = qsizetype(i) + 1;
                elementHasContent = false;
            } else if (depth == 3 && inArray) {
                elementHasContent = true;
            }
            awaited = nullptr;
            break;
        case ']':
        case '}':
            if (inArray && depth == 2) {
                if (elementHasContent || inArray->elementCount > 0)
                    endElement(i);
                inArray->range.end = qsizetype(i) + 1;
                inArray->found = true;
                inArray = nullptr;
            }
            --depth;
            if (depth == 0)
                inRootObject = false;
            break;
        case ',':
            if (inArray && depth == 2)
                endElement(i);
            awaited = nullptr;
            break;
        case ':':
            if (depth == 1 && inRootObject && !lastRootString.empty()) {
                awaited = nullptr;
                for (std::size_t k = 0; k < keys.size(); ++k) {
                    if (spells(lastRootString, keys.begin()[k])) {
                        awaited = &outline.m_arrays[k];
                        *awaited = Array(); // a repeated key replaces the earlier value
                    }
                }
            }
            break;
        default:
            if (!isJsonWhiteSpace(c)) {
                if (inArray && depth == 2)
                    elementHasContent = true;
                awaited = nullptr;
            }
            break;
        }
    }
    for (Array &array : outline.m_arrays) {
        if (!array.found)
            array = Array(); // not an array, or one that does not end
        else if (array.elementCount > maxElements)
            array.elements = {};
    }
    return outline;
}

} // namespace ntl
