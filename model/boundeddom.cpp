#include "boundeddom.h"

#include <iterator>

namespace ntl {

namespace {

// What a value costs in its array (16 bytes, twice over while the vector doubles), a member
// in its std::map node, and an object or array of its own, malloc's overhead included
// (about what libstdc++ and nlohmann allocate on 64-bit; measured peaks agree).
constexpr qint64 valueCost = 32;
constexpr qint64 memberCost = 96;
constexpr qint64 containerCost = 96;
// Charged to the shared budget in batches, so that threads do not contend on every value.
constexpr qint64 chargeBatch = 64 * 1024;

using Member = JsonShape::Member;

template <std::size_t N> constexpr JsonShape shapeOf(const Member (&members)[N]) {
    return JsonShape{members, N};
}

const Member sideMembers[] = {{"id", nullptr}, {"name", nullptr}, {"color", nullptr}};
const JsonShape sideShape = shapeOf(sideMembers);
const Member articleMembers[] = {
    {"id", nullptr},       {"title", nullptr},     {"publisher", nullptr},
    {"url", nullptr},      {"published", nullptr}, {"publishedBasis", nullptr},
    {"textFile", nullptr}, {"text", nullptr},      {"textSha256", nullptr}};
const JsonShape articleShape = shapeOf(articleMembers);
const Member actorMembers[] = {{"id", nullptr},   {"name", nullptr},        {"kind", nullptr},
                               {"side", nullptr}, {"affiliation", nullptr}, {"title", nullptr}};
const JsonShape actorShape = shapeOf(actorMembers);
const Member dateMembers[] = {{"start", nullptr},      {"end", nullptr},   {"precision", nullptr},
                              {"expression", nullptr}, {"basis", nullptr}, {"anchor", nullptr},
                              {"note", nullptr}};
const JsonShape dateShape = shapeOf(dateMembers);
const Member participantMembers[] = {{"actor", nullptr}, {"role", nullptr}};
const JsonShape participantShape = shapeOf(participantMembers);
const Member sourceMembers[] = {{"article", nullptr}, {"exact", nullptr}, {"prefix", nullptr},
                                {"suffix", nullptr},  {"start", nullptr}, {"end", nullptr}};
const JsonShape sourceShape = shapeOf(sourceMembers);
const Member claimMembers[] = {{"article", nullptr}, {"exact", nullptr}, {"says", nullptr}};
const JsonShape claimShape = shapeOf(claimMembers);
const Member disagreementMembers[] = {{"topic", nullptr}, {"claims", &claimShape}};
const JsonShape disagreementShape = shapeOf(disagreementMembers);
const Member eventMembers[] = {{"id", nullptr},           {"title", nullptr},
                               {"summary", nullptr},      {"kind", nullptr},
                               {"status", nullptr},       {"date", &dateShape},
                               {"place", nullptr},        {"participants", &participantShape},
                               {"sources", &sourceShape}, {"disagreements", &disagreementShape},
                               {"note", nullptr}};
const JsonShape eventShape = shapeOf(eventMembers);
const Member datasetMembers[] = {{"format", nullptr},     {"version", nullptr},
                                 {"title", nullptr},      {"offsetUnit", nullptr},
                                 {"sides", &sideShape},   {"articles", &articleShape},
                                 {"actors", &actorShape}, {"events", &eventShape}};
const JsonShape datasetShape = shapeOf(datasetMembers);

} // namespace

const JsonShape::Member *JsonShape::find(std::string_view key) const {
    for (std::size_t i = 0; i < count; ++i) {
        if (members[i].key == key)
            return &members[i];
    }
    return nullptr;
}

const JsonShape *JsonShape::dataset() {
    return &datasetShape;
}
const JsonShape *JsonShape::article() {
    return &articleShape;
}
const JsonShape *JsonShape::event() {
    return &eventShape;
}

BoundedDom::Builder::Builder(Json &root, const JsonShape *shape, std::atomic<qint64> &budget)
    : m_root(root)
    , m_budget(budget) {
    m_nextShape = shape;
}

bool BoundedDom::Builder::charge(qint64 bytes) {
    m_charged += bytes;
    if (m_charged < chargeBatch)
        return true;
    const qint64 left = m_budget.fetch_sub(m_charged) - m_charged;
    m_charged = 0;
    if (left < 0) {
        m_overBudget = true;
        return false;
    }
    return true;
}

Json *BoundedDom::Builder::put(Json &&value) {
    if (m_stack.empty()) {
        m_root = std::move(value);
        return &m_root;
    }
    Frame &top = m_stack.back();
    if (top.value->is_array()) {
        auto &array = top.value->get_ref<Json::array_t &>();
        array.push_back(std::move(value));
        return &array.back();
    }
    if (m_next == Next::Drop)
        return nullptr;
    Json &member = (*top.value)[m_key];
    member = std::move(value);
    return &member;
}

bool BoundedDom::Builder::scalar(Json &&value) {
    if (m_skipDepth > 0)
        return true;
    put(m_next == Next::Skip ? Json(nullptr) : std::move(value));
    return charge(valueCost);
}

bool BoundedDom::Builder::null() {
    if (m_skipDepth > 0)
        return true;
    put(Json(nullptr));
    return charge(valueCost);
}

bool BoundedDom::Builder::boolean(bool value) {
    return scalar(Json(value));
}

bool BoundedDom::Builder::number_integer(Json::number_integer_t value) {
    return scalar(Json(value));
}

bool BoundedDom::Builder::number_unsigned(Json::number_unsigned_t value) {
    return scalar(Json(value));
}

bool BoundedDom::Builder::number(Json::number_float_t value) {
    return scalar(Json(value));
}

bool BoundedDom::Builder::string(JsonString &value) {
    if (m_skipDepth > 0)
        return true;
    // Copied, not moved: the parser reuses the string's buffer for the next token.
    put(m_next == Next::Skip ? Json(nullptr) : Json(value));
    return charge(valueCost + qint64(value.size()));
}

bool BoundedDom::Builder::binary(Json::binary_t &) {
    return m_skipDepth > 0 || (put(Json(nullptr)), charge(valueCost)); // JSON text has none
}

bool BoundedDom::Builder::startContainer(Json::value_t type) {
    if (m_skipDepth > 0) {
        ++m_skipDepth;
        return true;
    }
    // Skip: an unknown member's value reads as null. Flatten: a container where a plain value
    // belongs reads as an empty one of its kind, so the message says what was found.
    if (m_next == Next::Skip || m_next == Next::Drop || m_next == Next::Flatten) {
        put(m_next == Next::Flatten ? Json(type) : Json(nullptr));
        m_skipDepth = 1;
        return charge(containerCost);
    }
    Json *value = put(Json(type));
    m_stack.push_back({value, m_nextShape});
    // An array's elements all have the array's shape; an object's members are looked up.
    m_next = Next::Keep;
    return charge(containerCost);
}

bool BoundedDom::Builder::endContainer() {
    if (m_skipDepth > 0) {
        --m_skipDepth;
    } else {
        m_stack.pop_back();
    }
    if (m_skipDepth == 0)
        m_next = Next::Keep;
    if (m_skipDepth == 0 && !m_stack.empty() && m_stack.back().value->is_array()) {
        // the next element of the enclosing array
        m_nextShape = m_stack.back().shape;
    }
    if (m_stack.empty() && m_skipDepth == 0) {
        const qint64 left = m_budget.fetch_sub(m_charged) - m_charged; // settle the rest
        m_charged = 0;
        if (left < 0) {
            m_overBudget = true;
            return false;
        }
    }
    return true;
}

bool BoundedDom::Builder::start_object(std::size_t) {
    const bool inArray = m_skipDepth == 0 && !m_stack.empty() && m_stack.back().value->is_array();
    if (inArray) { // an element: it has the array's element shape
        m_nextShape = m_stack.back().shape;
        m_next = Next::Keep;
    }
    return startContainer(Json::value_t::object);
}

bool BoundedDom::Builder::start_array(std::size_t) {
    if (m_skipDepth == 0 && !m_stack.empty() && m_stack.back().value->is_array()) {
        // An array inside an array: nothing in a dataset is one, so only its kind is kept.
        m_next = m_stack.back().shape ? Next::Flatten : Next::Keep;
        m_nextShape = nullptr;
    }
    return startContainer(Json::value_t::array);
}

bool BoundedDom::Builder::end_object() {
    return endContainer();
}
bool BoundedDom::Builder::end_array() {
    return endContainer();
}

bool BoundedDom::Builder::key(JsonString &key) {
    if (m_skipDepth > 0)
        return true;
    Frame &top = m_stack.back();
    m_key = key;      // copied into a buffer of its own that is reused from key to key
    if (!top.shape) { // a place the reader knows nothing of: kept as it is
        m_next = Next::Keep;
        m_nextShape = nullptr;
        return charge(memberCost + qint64(m_key.size()));
    }
    const JsonShape::Member *member = top.shape->find(std::string_view(m_key.data(), m_key.size()));
    if (member) {
        m_next = member->shape ? Next::Keep : Next::Flatten;
        m_nextShape = member->shape;
        // A plain value under a known key is kept as it is (Flatten only acts on containers).
    } else if (top.value->contains(m_key) || top.unknownKept < maxUnknownMembersKept) {
        if (!top.value->contains(m_key))
            ++top.unknownKept;
        m_next = Next::Skip;
        m_nextShape = nullptr;
    } else {
        m_next = Next::Drop;
        m_nextShape = nullptr;
        return true;
    }
    return charge(memberCost + qint64(m_key.size()));
}

bool BoundedDom::Builder::parse_error(std::size_t, const std::string &,
                                      const nlohmann::detail::exception &) {
    m_syntaxError = true;
    return false;
}

} // namespace ntl
