#pragma once

#include <QtGlobal>

#include <initializer_list>
#include <string_view>
#include <vector>

namespace ntl {

// What one linear pass over JSON text finds without parsing it: how deep it nests, and
// where the elements of some array members of the root object lie, so that each element
// can be parsed on its own instead of building one document tree of the whole text.
//
// It trusts nothing: for valid JSON the ranges are exact; for invalid JSON they may be
// anything, so a caller parses every piece and, should one fail, the whole text again
// to report its first error.
class JsonOutline
{
public:
    struct Range {
        qsizetype begin = 0; // byte offsets into the text
        qsizetype end = 0;   // exclusive
    };

    struct Array {
        bool found = false; // the member is an array (that ends)
        Range range;        // from its '[' to one past its ']'
        qsizetype elementCount = 0;
        std::vector<Range> elements; // each with the white space around it; none past maxElements
    };

    // Scans `json` for the members `keys` of the root object (the last of repeated keys,
    // as a parser keeps the last). Stops counting depth past `maxDepth`, and then finds
    // no arrays. Records the ranges of at most `maxElements` elements of each array, but
    // counts them all.
    static JsonOutline scan(std::string_view json, int maxDepth,
                            std::initializer_list<std::string_view> keys, qsizetype maxElements);

    // The deepest nesting of arrays and objects; past maxDepth, where the scan stopped.
    int depth() const { return m_depth; }
    // What was found for keys[keyIndex].
    const Array &array(std::size_t keyIndex) const { return m_arrays.at(keyIndex); }

private:
    int m_depth = 0;
    std::vector<Array> m_arrays;
};

} // namespace ntl
