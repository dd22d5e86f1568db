#include "eventdomreader.h"

namespace ntl {

EventDomReader::EventDomReader(const Dataset *references, qint64 searchBudget,
                               DatasetValidator::Reporter &reporter)
    : m_references(references)
    , m_search(*references, searchBudget)
    , m_rules(*references, m_search, reporter) {}

std::optional<Event> EventDomReader::readEvent(const Json &object, qsizetype index) {
    const QString path = child(QStringLiteral("/events"), index);
    if (!isObject(object, path))
        return std::nullopt;
    unknownFields(object, path,
                  {"id", "title", "summary", "kind", "status", "date", "place", "participants",
                   "sources", "disagreements", "note"});
    Event event;
    event.id = id(object, path);
    event.title = string(object, path, "title", true, false).value_or(QString());
    event.summary = string(object, path, "summary").value_or(QString());
    event.kind = string(object, path, "kind", true, false).value_or(QString());
    event.status =
        enumeration<EventStatus>(object, path, "status", eventStatusFromString,
                                 "\"occurred\", \"planned\", \"reported\", \"cancelled\"")
            .value_or(EventStatus::Occurred);
    const Location at = Location::of(List::Events, index);
    if (const Json *dateObject = field(object, path, "date", true)) {
        const QString datePath = child(path, "date");
        if (isObject(*dateObject, datePath))
            readDate(*dateObject, datePath, at.within("date"), event.date);
    }
    event.place = nullableString(object, path, "place");
    readParticipants(object, path, at, event);
    readSources(object, path, at, event);
    readDisagreements(object, path, at, event);
    event.note = nullableString(object, path, "note");
    return event;
}

void EventDomReader::readDate(const Json &object, const QString &path, const Location &at,
                              EventDate &date) {
    unknownFields(object, path,
                  {"start", "end", "precision", "expression", "basis", "anchor", "note"});
    date.start = this->date(object, path, "start");
    date.end = object.contains("end") ? this->date(object, path, "end") : date.start;
    m_rules.checkDateRange(at, date);
    date.precision =
        enumeration<DatePrecision>(object, path, "precision", datePrecisionFromString,
                                   "\"day\", \"days\", \"week\", \"month\", \"year\", \"unknown\"")
            .value_or(DatePrecision::Unknown);
    m_rules.checkDatePrecision(at, date);
    date.expression = nullableString(object, path, "expression");
    date.basis = enumeration<DateBasis>(object, path, "basis", dateBasisFromString,
                                        "\"stated\", \"relative\", \"inferred\", \"external\"")
                     .value_or(DateBasis::Stated);
    date.anchorArticleId = nullableString(object, path, "anchor");
    m_rules.checkDateAnchor(at, date);
    date.note = nullableString(object, path, "note");
}

void EventDomReader::readParticipants(const Json &object, const QString &path, const Location &at,
                                      Event &event) {
    const Json *participants = array(object, path, "participants");
    if (!participants)
        return;
    event.participants.reserve(qsizetype(participants->size()));
    for (std::size_t i = 0; i < participants->size(); ++i) {
        const QString itemPath = child(path, "participants", qsizetype(i));
        const Json &item = (*participants)[i];
        if (!isObject(item, itemPath))
            continue;
        unknownFields(item, itemPath, {"actor", "role"});
        Participant participant;
        participant.actorId = string(item, itemPath, "actor", true, false).value_or(QString());
        m_rules.checkParticipant(at.within("participants", qsizetype(i)), participant);
        participant.role =
            enumeration<ParticipantRole>(
                item, itemPath, "role", participantRoleFromString,
                "\"party\", \"mediator\", \"host\", \"speaker\", \"target\", \"mentioned\"")
                .value_or(ParticipantRole::Mentioned);
        event.participants.append(std::move(participant));
    }
}

void EventDomReader::readSources(const Json &object, const QString &path, const Location &at,
                                 Event &event) {
    const Json *sources = array(object, path, "sources");
    if (!sources)
        return;
    m_rules.checkHasSources(at, qsizetype(sources->size()));
    event.sources.reserve(qsizetype(sources->size()));
    for (std::size_t i = 0; i < sources->size(); ++i) {
        const QString itemPath = child(path, "sources", qsizetype(i));
        const Json &item = (*sources)[i];
        if (!isObject(item, itemPath))
            continue;
        unknownFields(item, itemPath, {"article", "exact", "prefix", "suffix", "start", "end"});
        SourcePassage source;
        const Location sourceAt = at.within("sources", qsizetype(i));
        source.articleId = string(item, itemPath, "article", true, false).value_or(QString());
        const Article *article = m_rules.checkSourceArticle(sourceAt, source);
        const std::optional<QString> exact = string(item, itemPath, "exact", true, false);
        source.exact = exact.value_or(QString());
        source.prefix = nullableString(item, itemPath, "prefix");
        source.suffix = nullableString(item, itemPath, "suffix");
        const std::optional<qint64> start = integer(item, itemPath, "start");
        const std::optional<qint64> end = integer(item, itemPath, "end");
        source.storedStart = start.value_or(-1);
        source.storedEnd = end.value_or(-1);
        if (m_rules.checkSourceOffsets(sourceAt, source) && exact)
            anchorSource(sourceAt, article, source);
        event.sources.append(std::move(source));
    }
}

void EventDomReader::anchorSource(const Location &at, const Article *article,
                                  SourcePassage &source) {
    if (article && article->text.isEmpty()) {
        if (m_hasErrors)
            return;           // unreadable text has been reported already
        if (m_readingAhead) { // whether the events before had errors decides
            m_dependsOnEarlier = true;
            return;
        }
    }
    // A reader ahead has no budget of its own: the budget left decides.
    if (m_rules.anchorSource(at, article, source, !m_readingAhead) ==
        DatasetValidator::Search::OverBudget)
        m_dependsOnEarlier = true;
}

void EventDomReader::readDisagreements(const Json &object, const QString &path, const Location &at,
                                       Event &event) {
    const Json *disagreements = array(object, path, "disagreements", false);
    if (!disagreements)
        return;
    for (std::size_t i = 0; i < disagreements->size(); ++i) {
        const QString itemPath = child(path, "disagreements", qsizetype(i));
        const Json &item = (*disagreements)[i];
        if (!isObject(item, itemPath))
            continue;
        unknownFields(item, itemPath, {"topic", "claims"});
        Disagreement disagreement;
        disagreement.topic = string(item, itemPath, "topic", true, false).value_or(QString());
        const Json *claims = array(item, itemPath, "claims");
        const Location disagreementAt = at.within("disagreements", qsizetype(i));
        if (claims)
            m_rules.checkClaimCount(disagreementAt, qsizetype(claims->size()));
        for (std::size_t c = 0; claims && c < claims->size(); ++c) {
            const QString claimPath = child(itemPath, "claims", qsizetype(c));
            const Json &claimObject = (*claims)[c];
            if (!isObject(claimObject, claimPath))
                continue;
            unknownFields(claimObject, claimPath, {"article", "exact", "says"});
            const Location claimAt = disagreementAt.claimAt(qsizetype(c));
            Claim claim;
            claim.articleId =
                string(claimObject, claimPath, "article", true, false).value_or(QString());
            const Article *article = m_rules.checkClaimArticle(claimAt, claim);
            claim.exact = string(claimObject, claimPath, "exact", true, false).value_or(QString());
            claim.says = string(claimObject, claimPath, "says").value_or(QString());
            // A reader ahead has no budget of its own: the budget left decides.
            if (m_rules.findClaim(claimAt, article, claim, !m_readingAhead) ==
                DatasetValidator::Search::OverBudget)
                m_dependsOnEarlier = true;
            disagreement.claims.append(std::move(claim));
        }
        event.disagreements.append(std::move(disagreement));
    }
}

} // namespace ntl
