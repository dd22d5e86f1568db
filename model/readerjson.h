#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ntl {

// The JSON value type the dataset reader builds (private to model/).
//
// std::allocator in all but name: a std::string with it is a type of its own, compiled here
// rather than taken from libstdc++, so that the parser's per-character push_back is inlined
// (about a tenth of the parsing time of a large dataset).
template <typename T> struct InlinedAllocator : std::allocator<T> {
    template <typename U> struct rebind { using other = InlinedAllocator<U>; };
    InlinedAllocator() = default;
    template <typename U> InlinedAllocator(const InlinedAllocator<U> &) noexcept {}
};
using JsonString = std::basic_string<char, std::char_traits<char>, InlinedAllocator<char>>;
using Json = nlohmann::basic_json<std::map, std::vector, JsonString>;

} // namespace ntl
