#include "jsonparts.h"

#include "jsoncursor.h"

#include <QThread>

#include <algorithm>
#include <new>
#include <thread>

namespace ntl {

qint64 JsonParts::elementBudget(std::string_view text) {
    return 16 * 1024 * 1024 + qint64(text.size()); // as the rest's budget, for the same reasons
}

bool JsonParts::startsWithBom(std::string_view text) {
    return text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF";
}

bool JsonParts::parseEvent(std::string_view text, Json &into, bool *tooLarge) {
    *tooLarge = false;
    if (startsWithBom(text))
        return false;
    std::atomic<qint64> budget{elementBudget(text)};
    BoundedDom::Outcome outcome = BoundedDom::Outcome::TooLarge;
    try {
        outcome = BoundedDom::parse(text, JsonShape::event(), budget, into);
    } catch (const std::bad_alloc &) {
        into = Json();
    }
    *tooLarge = outcome == BoundedDom::Outcome::TooLarge;
    return outcome == BoundedDom::Outcome::Parsed;
}

std::string_view JsonParts::slice(std::string_view json, JsonOutline::Range range) {
    return json.substr(std::size_t(range.begin), std::size_t(range.end - range.begin));
}

bool JsonParts::parseFlatObject(std::string_view json, Json &into, std::atomic<qint64> &budget) {
    JsonCursor in(json);
    if (!in.take('{'))
        return false;
    Json object(Json::value_t::object);
    auto &members = object.get_ref<Json::object_t &>();
    std::string storage;
    if (!in.take('}')) {
        do {
            std::string_view key;
            if (!in.readKey(key) || !in.take(':') || !JsonShape::article()->find(key))
                return false; // unknown members are the bounded parser's to skip
            auto [member, inserted] = members.try_emplace(JsonString(key.data(), key.size()));
            if (!inserted) // the parser keeps the last of repeated keys; leave that to it
                return false;
            if (in.peek('n')) {
                if (!in.readNull())
                    return false;
            } else {
                std::string_view bytes;
                if (!in.readStringBytes(bytes, storage))
                    return false;
                member->second = JsonString(bytes.data(), bytes.size());
            }
        } while (in.take(','));
        if (!in.take('}'))
            return false;
    }
    if (!in.atEnd())
        return false;
    // What BoundedDom would charge, about: the text, and a member per key.
    const qint64 cost = qint64(json.size()) + 96 * qint64(members.size() + 1);
    if (budget.fetch_sub(cost) - cost < 0)
        return false; // over the budget: the bounded parser says so
    into = std::move(object);
    return true;
}

BoundedDom::Outcome JsonParts::parseInParallel(std::string_view json,
                                               const std::vector<JsonOutline::Range> &elements,
                                               std::vector<Json> &parsed,
                                               std::atomic<qint64> &budget) {
    parsed.resize(elements.size());
    const std::size_t shares =
        std::clamp<std::size_t>(std::size_t(std::max(1, QThread::idealThreadCount())), 1,
                                std::max<std::size_t>(elements.size(), 1));
    std::atomic<bool> failed{false};
    std::atomic<bool> tooLarge{false};
    const auto parseShare = [&](std::size_t share) {
        const std::size_t first = elements.size() * share / shares;
        const std::size_t last = elements.size() * (share + 1) / shares;
        try {
            for (std::size_t i = first; i < last && !failed; ++i) {
                const std::string_view element = slice(json, elements[i]);
                if (startsWithBom(element)) {
                    failed = true;
                    break;
                }
                if (parseFlatObject(element, parsed[i], budget))
                    continue;
                const BoundedDom::Outcome outcome =
                    BoundedDom::parse(element, JsonShape::article(), budget, parsed[i]);
                if (outcome == BoundedDom::Outcome::TooLarge)
                    tooLarge = true;
                if (outcome != BoundedDom::Outcome::Parsed)
                    failed = true;
            }
        } catch (const std::bad_alloc &) {
            tooLarge = true;
            failed = true;
        }
    };
    std::vector<std::thread> threads;
    for (std::size_t share = 1; share < shares; ++share)
        threads.emplace_back(parseShare, share);
    parseShare(0);
    for (std::thread &thread : threads)
        thread.join();
    if (!failed)
        return BoundedDom::Outcome::Parsed;
    return tooLarge ? BoundedDom::Outcome::TooLarge : BoundedDom::Outcome::SyntaxError;
}

} // namespace ntl
