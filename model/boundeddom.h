#pragma once

#include "readerjson.h"

#include <QtGlobal>

#include <atomic>
#include <string_view>

namespace ntl {

// What the reader knows of a dataset's objects: the members it reads, and for each the
// shape of its value (an object, or an array of objects), or none for a plain value.
struct JsonShape {
    struct Member {
        std::string_view key;
        const JsonShape *shape; // null: a string, number, boolean or null
    };
    const Member *members;
    std::size_t count;

    const Member *find(std::string_view key) const;

    // The shapes of a whole dataset document, one article and one event.
    static const JsonShape *dataset();
    static const JsonShape *article();
    static const JsonShape *event();
};

// Builds a DOM as Json::parse does, but one bounded in memory whatever the input: a member
// the shape does not know reads as null (its key kept, so that it can be warned about;
// past a few per object, dropped), a container where a plain value belongs reads as an empty
// one of its kind, and the tree built never costs more than the budget. The text is still
// parsed whole, so a syntax error is found as Json::parse finds it.
class BoundedDom {
public:
    enum class Outcome { Parsed, SyntaxError, TooLarge };

    // Unknown members kept per object (to be warned about); the rest are dropped.
    static constexpr int maxUnknownMembersKept = 16;

    // `budget` (bytes) is shared by every parse charged to it, on any thread.
    template <typename Iterator>
    static Outcome parse(Iterator first, Iterator last, const JsonShape *shape,
                         std::atomic<qint64> &budget, Json &into);
    static Outcome parse(std::string_view text, const JsonShape *shape, std::atomic<qint64> &budget,
                         Json &into) {
        return parse(text.begin(), text.end(), shape, budget, into);
    }

    // The SAX handler behind parse().
    class Builder;
};

class BoundedDom::Builder {
public:
    Builder(Json &root, const JsonShape *shape, std::atomic<qint64> &budget);

    bool null();
    bool boolean(bool value);
    bool number_integer(Json::number_integer_t value);
    bool number_unsigned(Json::number_unsigned_t value);
    template <typename Text> // JsonString, or std::string from the binary formats' reader
    bool number_float(Json::number_float_t value, const Text &) {
        return number(value);
    }
    bool string(JsonString &value);
    bool binary(Json::binary_t &);
    bool start_object(std::size_t);
    bool key(JsonString &key);
    bool end_object();
    bool start_array(std::size_t);
    bool end_array();
    bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &);

    bool overBudget() const { return m_overBudget; }
    bool syntaxError() const { return m_syntaxError; }

private:
    // What the next value is, as the member or array it belongs to says.
    enum class Next { Keep, Skip, Drop, Flatten };
    struct Frame {
        Json *value;
        const JsonShape *shape; // of the object, or of each element of the array
        int unknownKept = 0;
    };
    bool charge(qint64 bytes);
    bool number(Json::number_float_t value);
    // A number or a boolean, kept unless its member is skipped.
    bool scalar(Json &&value);
    // Puts `value` where the next value goes; returns it (null when dropped).
    Json *put(Json &&value);
    bool startContainer(Json::value_t type);
    bool endContainer();

    Json &m_root;
    std::atomic<qint64> &m_budget;
    std::vector<Frame> m_stack;
    JsonString m_key;
    Next m_next = Next::Keep;
    const JsonShape *m_nextShape = nullptr;
    int m_skipDepth = 0;  // inside a value that is not kept
    qint64 m_charged = 0; // charged to m_budget but not yet taken from it
    bool m_overBudget = false;
    bool m_syntaxError = false;
};

template <typename Iterator>
BoundedDom::Outcome BoundedDom::parse(Iterator first, Iterator last, const JsonShape *shape,
                                      std::atomic<qint64> &budget, Json &into) {
    into = Json();
    Builder builder(into, shape, budget);
    const bool parsed = Json::sax_parse(first, last, &builder);
    if (parsed)
        return Outcome::Parsed;
    into = Json();
    return builder.overBudget() ? Outcome::TooLarge : Outcome::SyntaxError;
}

} // namespace ntl
