#pragma once

#include "boundeddom.h"
#include "jsonoutline.h"
#include "readerjson.h"

#include <atomic>
#include <iterator>
#include <string_view>
#include <utility>
#include <vector>

namespace ntl {

// The dataset parsed in parts rather than as one document (private to model/): the
// elements of its articles and events arrays each on their own, bounded, and the rest
// around them in place.
class JsonParts {
public:
    // Walks a text as if some ranges of it (`gaps`, in order) were not there, so that the
    // document around split-off arrays is parsed in place instead of copied.
    struct SkippingIterator {
        using Gap = std::pair<const char *, const char *>;
        using iterator_category = std::forward_iterator_tag;
        using value_type = char;
        using difference_type = std::ptrdiff_t;
        using pointer = const char *;
        using reference = const char &;

        const char *at;
        const std::vector<Gap> *gaps;
        std::size_t nextGap = 0;

        reference operator*() const { return *at; }
        SkippingIterator &operator++() {
            ++at;
            while (nextGap < gaps->size() && at == (*gaps)[nextGap].first)
                at = (*gaps)[nextGap++].second;
            return *this;
        }
        SkippingIterator operator++(int) {
            SkippingIterator before = *this;
            ++*this;
            return before;
        }
        bool operator==(const SkippingIterator &other) const { return at == other.at; }
        bool operator!=(const SkippingIterator &other) const { return at != other.at; }
    };

    // What the tree of one element of the events array may cost: it is freed once read.
    static qint64 elementBudget(std::string_view text);
    // A byte-order mark where an element begins: nlohmann skips one at the start of what it
    // parses, but in a whole document it is only allowed at the very start.
    static bool startsWithBom(std::string_view text);
    // Parses one element of the events array into a bounded tree; false with `tooLarge`
    // unset on a syntax error.
    static bool parseEvent(std::string_view text, Json &into, bool *tooLarge);
    static std::string_view slice(std::string_view json, JsonOutline::Range range);
    // An object whose values are all strings or null (an article, say) read into `into` much
    // faster than the parser would; false, leaving it to the parser, for anything else.
    static bool parseFlatObject(std::string_view json, Json &into, std::atomic<qint64> &budget);
    // Parses each of `elements` of `json` into `parsed`, on as many threads as there are
    // cores, charging `budget`; Parsed, or what went wrong with the first that failed.
    static BoundedDom::Outcome parseInParallel(std::string_view json,
                                               const std::vector<JsonOutline::Range> &elements,
                                               std::vector<Json> &parsed,
                                               std::atomic<qint64> &budget);
};

} // namespace ntl
