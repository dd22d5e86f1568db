#include "wellformedevent.h"

#include "datasetreader.h"
#include "datasetvalidator.h"
#include "jsoncursor.h"
#include "jsonfields.h"
#include "passageanchor.h"

namespace ntl {

namespace {

// Reads the object next in `in`, handing each member's key to `readMember`, which reads the
// value; false if it is not an object or `readMember` fails.
template <typename ReadMember> bool readMembers(JsonCursor &in, ReadMember &&readMember) {
    if (!in.take('{'))
        return false;
    if (in.take('}'))
        return true;
    do {
        std::string_view key;
        if (!in.readKey(key) || !in.take(':') || !readMember(key))
            return false;
    } while (in.take(','));
    return in.take('}');
}

template <typename ReadItem> bool readItems(JsonCursor &in, ReadItem &&readItem) {
    if (!in.take('['))
        return false;
    if (in.take(']'))
        return true;
    do {
        if (!readItem())
            return false;
    } while (in.take(','));
    return in.take(']');
}

// The bit of `key` among `known` (at most 32), or 0 for an unknown key.
template <std::size_t N>
std::uint32_t memberBit(std::string_view key, const std::string_view (&known)[N]) {
    static_assert(N <= 32);
    for (std::size_t i = 0; i < N; ++i) {
        if (key == known[i])
            return std::uint32_t(1) << i;
    }
    return 0;
}

// Marks `bit` in `seen`; false for an unknown or repeated key (a DOM keeps the last of
// repeated keys, which the quick way does not try to match).
bool markMember(std::uint32_t &seen, std::uint32_t bit) {
    if (bit == 0 || (seen & bit) != 0)
        return false;
    seen |= bit;
    return true;
}

// Whether every string of `event` is within its field's length, as string() checks.
bool withinLengths(const Event &event) {
    // Looked up once: maxFieldLength() compares names, which 100,000 events × 20 fields felt.
    struct Limits {
        qsizetype id, title, summary, kind, place, note, expression, anchor, actor, article, exact,
            prefix, suffix;
    };
    static const Limits limit = [] {
        const auto of = DatasetReader::maxFieldLength;
        return Limits{of("id"),    of("title"),      of("summary"), of("kind"),  of("place"),
                      of("note"),  of("expression"), of("anchor"),  of("actor"), of("article"),
                      of("exact"), of("prefix"),     of("suffix")};
    }();
    bool ok = event.id.size() <= limit.id && event.title.size() <= limit.title &&
              event.summary.size() <= limit.summary && event.kind.size() <= limit.kind &&
              event.place.size() <= limit.place && event.note.size() <= limit.note &&
              event.date.expression.size() <= limit.expression &&
              event.date.note.size() <= limit.note &&
              event.date.anchorArticleId.size() <= limit.anchor;
    for (const Participant &participant : event.participants)
        ok = ok && participant.actorId.size() <= limit.actor;
    for (const SourcePassage &source : event.sources)
        ok = ok && source.articleId.size() <= limit.article && source.exact.size() <= limit.exact &&
             source.prefix.size() <= limit.prefix && source.suffix.size() <= limit.suffix;
    return ok;
}

// What string(…, allowEmpty = false) accepts without a word.
bool isNonBlank(const QString &text) {
    return !QStringView(text).trimmed().isEmpty();
}

} // namespace

WellFormedEvent::WellFormedEvent(const Dataset &references,
                                 const QList<CodePointIndex> *codePointIndexes, bool articlesRead,
                                 bool actorsRead)
    : m_references(references)
    , m_codePointIndexes(codePointIndexes)
    , m_readArticles(articlesRead)
    , m_readActors(actorsRead) {}

QString WellFormedEvent::sharedKind(const QString &kind) {
    for (const QString &known : std::as_const(m_sharedKinds)) {
        if (known == kind)
            return known;
    }
    if (m_sharedKinds.size() < 64)
        m_sharedKinds.append(kind);
    return kind;
}

std::optional<Event> WellFormedEvent::read(std::string_view text) {
    static constexpr std::string_view keys[] = {
        "id",    "title",        "summary", "kind",          "status", "date",
        "place", "participants", "sources", "disagreements", "note"};
    enum : std::uint32_t {
        Id = 1,
        Title = 2,
        Summary = 4,
        Kind = 8,
        Status = 16,
        Date = 32,
        Participants = 128,
        Sources = 256
    };
    constexpr std::uint32_t required =
        Id | Title | Summary | Kind | Status | Date | Participants | Sources;
    JsonCursor in(text);
    Event event;
    QString status;
    std::uint32_t seen = 0;
    const auto readMember = [&](std::string_view key) {
        const std::uint32_t bit = memberBit(key, keys);
        if (!markMember(seen, bit))
            return false;
        switch (bit) {
        case Id:
            return in.readString(event.id) && isNonBlank(event.id);
        case Title:
            return in.readString(event.title) && isNonBlank(event.title);
        case Summary:
            return in.readString(event.summary);
        case Kind:
            return in.readString(event.kind) && isNonBlank(event.kind);
        case Status:
            return in.readString(status);
        case Date:
            return readDate(in, event.date);
        case 64:
            return in.readNullableString(event.place);
        case Participants:
            return readItems(in, [&] {
                Participant participant;
                QString role;
                std::uint32_t seenInItem = 0;
                static constexpr std::string_view itemKeys[] = {"actor", "role"};
                const bool read = readMembers(in, [&](std::string_view itemKey) {
                    const std::uint32_t itemBit = memberBit(itemKey, itemKeys);
                    if (!markMember(seenInItem, itemBit))
                        return false;
                    return itemBit == 1 ? in.readString(participant.actorId) : in.readString(role);
                });
                if (!read || seenInItem != 3 || !isNonBlank(participant.actorId))
                    return false;
                const Actor *actor = m_references.actor(participant.actorId);
                if (!actor && m_readActors)
                    return false; // an unknown actor
                if (actor)
                    participant.actorId = actor->id; // shares the actor's copy, as readEvent()
                const std::optional<ParticipantRole> parsedRole = participantRoleFromString(role);
                if (!parsedRole)
                    return false;
                participant.role = *parsedRole;
                event.participants.append(std::move(participant));
                return true;
            });
        case Sources: {
            const bool read = readItems(in, [&] {
                SourcePassage source;
                if (!readSource(in, source))
                    return false;
                event.sources.append(std::move(source));
                return true;
            });
            return read && !event.sources.isEmpty(); // no sources is warned about
        }
        case 512: // disagreements are searched for in the articles: left to readEvent()
            return readItems(in, [] { return false; });
        case 1024:
            return in.readNullableString(event.note);
        }
        return false;
    };
    if (!readMembers(in, readMember) || !in.atEnd() || (seen & required) != required ||
        !withinLengths(event))
        return std::nullopt;
    // Appended one by one, the lists have room to spare; readEvent() reserves their size.
    event.participants.squeeze();
    event.sources.squeeze();
    const std::optional<EventStatus> parsedStatus = eventStatusFromString(status);
    if (!parsedStatus)
        return std::nullopt;
    event.status = *parsedStatus;
    event.kind = sharedKind(event.kind);
    return event;
}

bool WellFormedEvent::readDate(JsonCursor &in, EventDate &date) const {
    static constexpr std::string_view keys[] = {"start", "end",    "precision", "expression",
                                                "basis", "anchor", "note"};
    enum : std::uint32_t { Start = 1, End = 2, Precision = 4, Basis = 16 };
    QString start, end, precision, basis;
    std::uint32_t seen = 0;
    const bool read = readMembers(in, [&](std::string_view key) {
        const std::uint32_t bit = memberBit(key, keys);
        if (!markMember(seen, bit))
            return false;
        switch (bit) {
        case Start:
            return in.readString(start);
        case End:
            return in.readString(end);
        case Precision:
            return in.readString(precision);
        case 8:
            return in.readNullableString(date.expression);
        case Basis:
            return in.readString(basis);
        case 32:
            return in.readNullableString(date.anchorArticleId);
        case 64:
            return in.readNullableString(date.note);
        }
        return false;
    });
    if (!read || (seen & (Start | Precision | Basis)) != (Start | Precision | Basis))
        return false;
    date.start = JsonFields::isoDate(start);
    date.end = (seen & End) ? JsonFields::isoDate(end) : date.start;
    if (!date.start.isValid() || !date.end.isValid() || !DatasetValidator::datesInOrder(date))
        return false;
    const std::optional<DatePrecision> parsedPrecision = datePrecisionFromString(precision);
    const std::optional<DateBasis> parsedBasis = dateBasisFromString(basis);
    if (!parsedPrecision || !parsedBasis)
        return false;
    date.precision = *parsedPrecision;
    if (!DatasetValidator::dayPrecisionFits(date))
        return false; // warned about
    date.basis = *parsedBasis;
    return date.anchorArticleId.isEmpty() || !m_readArticles ||
           m_references.article(date.anchorArticleId);
}

bool WellFormedEvent::readSource(JsonCursor &in, SourcePassage &source) const {
    static constexpr std::string_view keys[] = {"article", "exact", "prefix",
                                                "suffix",  "start", "end"};
    enum : std::uint32_t {
        ArticleKey = 1,
        Exact = 2,
        Prefix = 4,
        Suffix = 8,
        Start = 16,
        End = 32
    };
    std::uint32_t seen = 0;
    const bool read = readMembers(in, [&](std::string_view key) {
        const std::uint32_t bit = memberBit(key, keys);
        if (!markMember(seen, bit))
            return false;
        switch (bit) {
        case ArticleKey:
            return in.readString(source.articleId);
        case Exact:
            return in.readString(source.exact);
        case Prefix:
            return in.readNullableString(source.prefix);
        case Suffix:
            return in.readNullableString(source.suffix);
        case Start:
            return in.readUnsignedInteger(JsonFields::maxSafeInteger, source.storedStart);
        case End:
            return in.readUnsignedInteger(JsonFields::maxSafeInteger, source.storedEnd);
        }
        return false;
    });
    constexpr std::uint32_t required = ArticleKey | Exact | Start | End;
    if (!read || (seen & required) != required || !isNonBlank(source.articleId) ||
        !isNonBlank(source.exact) || source.storedEnd < source.storedStart)
        return false;
    const Article *article = m_references.article(source.articleId);
    if (!article)
        return !m_readArticles;     // unknown, or (when the articles were not read) not anchored
    source.articleId = article->id; // shares the article's copy, as readSources()
    if (article->text.isEmpty())
        return false; // whether that is reported depends on what came before
    const CodePointIndex &offsets =
        m_codePointIndexes->at(article - m_references.articles.constData());
    const int storedStart = offsets.toUtf16(source.storedStart);
    const int storedEnd = offsets.toUtf16(source.storedEnd);
    if (storedStart < 0 || storedEnd < 0)
        return false;
    // Only a passage found at its offsets is certain to cost no budget and report nothing.
    qint64 noBudget = 0;
    const PassageAnchor::Result anchored = PassageAnchor::anchor(
        article->text, source.exact, source.prefix, source.suffix, storedStart, &noBudget);
    if (anchored.outcome != PassageAnchor::Outcome::AtStoredPosition || anchored.end != storedEnd)
        return false;
    source.start = anchored.start;
    source.end = anchored.end;
    return true;
}

} // namespace ntl
