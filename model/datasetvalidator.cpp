#include "datasetvalidator.h"

#include "datasetreader.h"
#include "passageanchor.h"
#include "passagesearch.h"

#include <QCryptographicHash>

namespace ntl {

namespace {

const char *listName(DatasetValidator::Location::List list) {
    switch (list) {
    case DatasetValidator::Location::List::Sides:
        return "sides";
    case DatasetValidator::Location::List::Articles:
        return "articles";
    case DatasetValidator::Location::List::Actors:
        return "actors";
    case DatasetValidator::Location::List::Events:
        return "events";
    case DatasetValidator::Location::List::None:
        break;
    }
    return nullptr;
}

// Collects findings as Diagnostics located by their in-memory paths.
class Collector : public DatasetValidator::Reporter {
public:
    Diagnostics diagnostics;
    void report(Diagnostic::Severity severity, const DatasetValidator::Location &location,
                const QString &message) override {
        Diagnostic d;
        d.severity = severity;
        d.jsonPath = location.path();
        d.message = message;
        diagnostics.append(std::move(d));
    }
};

using List = DatasetValidator::Location::List;

QList<qsizetype> allIndexes(qsizetype count) {
    QList<qsizetype> indexes(count);
    for (qsizetype i = 0; i < count; ++i)
        indexes[i] = i;
    return indexes;
}

// The rules of one event, in the order the reader meets its fields.
void checkEventContent(DatasetValidator &rules, const DatasetValidator::Location &at,
                       Event &event) {
    rules.checkEventFields(at, event);
    rules.checkDate(at.within("date"), event.date);
    for (qsizetype i = 0; i < event.participants.size(); ++i)
        rules.checkParticipant(at.within("participants", i), event.participants[i]);
    rules.checkHasSources(at, event.sources.size());
    for (qsizetype i = 0; i < event.sources.size(); ++i) {
        SourcePassage &source = event.sources[i];
        const DatasetValidator::Location sourceAt = at.within("sources", i);
        const Article *article = rules.checkSourceArticle(sourceAt, source);
        const bool exactUsable = !QStringView(source.exact).trimmed().isEmpty() &&
                                 source.exact.size() <= DatasetReader::maxFieldLength("exact");
        if (rules.checkSourceOffsets(sourceAt, source) && exactUsable)
            rules.anchorSource(sourceAt, article, source);
    }
    for (qsizetype i = 0; i < event.disagreements.size(); ++i) {
        Disagreement &disagreement = event.disagreements[i];
        const DatasetValidator::Location disagreementAt = at.within("disagreements", i);
        rules.checkClaimCount(disagreementAt, disagreement.claims.size());
        for (qsizetype c = 0; c < disagreement.claims.size(); ++c) {
            Claim &claim = disagreement.claims[c];
            const Article *article = rules.checkClaimArticle(disagreementAt.claimAt(c), claim);
            rules.findClaim(disagreementAt.claimAt(c), article, claim);
        }
    }
}

// The items other than `index` with `id`: the lists of sides, articles and actors are short,
// and a lookup table finds only one of two items with the same id.
template <typename Items> // a QList or the dataset's EventList
QList<qsizetype> othersWithId(const Items &items, const QString &id, qsizetype index) {
    QList<qsizetype> others;
    for (qsizetype i = 0; i < items.size() && !id.isEmpty(); ++i) {
        if (i != index && items.at(i).id == id)
            others.append(i);
    }
    return others;
}

// Reports the item at `index` and the `others` with its id as the whole pass does: each
// later one, naming the first.
void reportDuplicates(DatasetValidator &rules, DatasetValidator::Location::List list,
                      const QString &id, qsizetype index, QList<qsizetype> others) {
    using Location = DatasetValidator::Location;
    if (others.isEmpty())
        return;
    std::sort(others.begin(), others.end());
    if (others.first() < index) {
        rules.duplicateId(Location::of(list, index), id, Location::of(list, others.first()));
        return;
    }
    for (const qsizetype other : std::as_const(others))
        rules.duplicateId(Location::of(list, other), id, Location::of(list, index));
}

QString sha256Hex(const QByteArray &bytes) {
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

// --- Location

DatasetValidator::Location DatasetValidator::Location::of(List list, qsizetype index,
                                                          const char *field) {
    Location location;
    location.list = list;
    location.index = index;
    location.field = field;
    return location;
}

DatasetValidator::Location DatasetValidator::Location::within(const char *itemsName,
                                                              qsizetype itemIndex) const {
    Location location = *this;
    location.items = itemsName;
    location.item = itemIndex;
    return location;
}

DatasetValidator::Location DatasetValidator::Location::claimAt(qsizetype claimIndex) const {
    Location location = *this;
    location.claim = claimIndex;
    return location;
}

DatasetValidator::Location DatasetValidator::Location::at(const char *fieldName) const {
    Location location = *this;
    location.field = fieldName;
    return location;
}

QString DatasetValidator::Location::path() const {
    QString path;
    if (const char *name = listName(list)) {
        path += u'/' + QLatin1String(name);
        if (index >= 0)
            path += u'/' + QString::number(index);
    }
    if (items) {
        path += u'/' + QLatin1String(items);
        if (item >= 0)
            path += u'/' + QString::number(item);
    }
    if (claim >= 0)
        path += QStringLiteral("/claims/") + QString::number(claim);
    if (field)
        path += u'/' + QLatin1String(field);
    return path;
}

// --- the whole dataset and one item

Diagnostics DatasetValidator::validate(const Dataset &dataset) {
    Collector collector;
    PassageSearch search(dataset, DatasetReader::approximateSearchBudget);
    search.buildCodePointIndexes();
    DatasetValidator rules(dataset, search, collector);
    for (qsizetype i = 0; i < dataset.sides.size(); ++i)
        rules.checkSideFields(Location::of(List::Sides, i), dataset.sides.at(i));
    rules.checkUniqueIds(List::Sides, dataset.sides, allIndexes(dataset.sides.size()));
    for (qsizetype i = 0; i < dataset.articles.size(); ++i) {
        const Article &article = dataset.articles.at(i);
        rules.checkArticleFields(Location::of(List::Articles, i), article);
        rules.checkArticleText(Location::of(List::Articles, i), article);
        if (!article.textSha256.isEmpty())
            rules.checkArticleHash(Location::of(List::Articles, i), article.textSha256,
                                   sha256Hex(article.text.toUtf8()));
    }
    rules.checkUniqueIds(List::Articles, dataset.articles, allIndexes(dataset.articles.size()));
    for (qsizetype i = 0; i < dataset.actors.size(); ++i) {
        rules.checkActorFields(Location::of(List::Actors, i), dataset.actors.at(i));
        rules.checkActorSide(Location::of(List::Actors, i), dataset.actors.at(i));
    }
    rules.checkUniqueIds(List::Actors, dataset.actors, allIndexes(dataset.actors.size()));
    for (qsizetype i = 0; i < dataset.actors.size(); ++i)
        rules.checkActorAffiliation(Location::of(List::Actors, i), dataset.actors.at(i));
    for (qsizetype i = 0; i < dataset.events.size(); ++i) {
        Event event = dataset.events.at(i); // shared, detached only where a check writes
        checkEventContent(rules, Location::of(List::Events, i), event);
    }
    rules.checkUniqueIds(List::Events, dataset.events, allIndexes(dataset.events.size()));
    return collector.diagnostics;
}

Diagnostics DatasetValidator::checkSide(const Dataset &dataset, qsizetype index) {
    Collector collector;
    PassageSearch search(dataset, 0);
    DatasetValidator rules(dataset, search, collector);
    const Side &side = dataset.sides.at(index);
    const Location at = Location::of(List::Sides, index);
    rules.checkSideFields(at, side);
    reportDuplicates(rules, List::Sides, side.id, index,
                     othersWithId(dataset.sides, side.id, index));
    return collector.diagnostics;
}

Diagnostics DatasetValidator::checkArticle(const Dataset &dataset, qsizetype index) {
    Collector collector;
    PassageSearch search(dataset, 0);
    DatasetValidator rules(dataset, search, collector);
    const Article &article = dataset.articles.at(index);
    const Location at = Location::of(List::Articles, index);
    rules.checkArticleFields(at, article);
    rules.checkArticleText(at, article);
    if (!article.textSha256.isEmpty())
        rules.checkArticleHash(at, article.textSha256, sha256Hex(article.text.toUtf8()));
    reportDuplicates(rules, List::Articles, article.id, index,
                     othersWithId(dataset.articles, article.id, index));
    return collector.diagnostics;
}

Diagnostics DatasetValidator::checkActor(const Dataset &dataset, qsizetype index) {
    Collector collector;
    PassageSearch search(dataset, 0);
    DatasetValidator rules(dataset, search, collector);
    const Actor &actor = dataset.actors.at(index);
    const Location at = Location::of(List::Actors, index);
    rules.checkActorFields(at, actor);
    rules.checkActorSide(at, actor);
    reportDuplicates(rules, List::Actors, actor.id, index,
                     othersWithId(dataset.actors, actor.id, index));
    rules.checkActorAffiliation(at, actor);
    return collector.diagnostics;
}

Diagnostics DatasetValidator::checkEvent(const Dataset &dataset, const Event &event,
                                         qsizetype index,
                                         const QMultiHash<QString, qsizetype> *eventRowsById) {
    Collector collector;
    PassageSearch search(dataset, DatasetReader::approximateSearchBudget);
    DatasetValidator rules(dataset, search, collector);
    const qsizetype at = index >= 0 ? index : dataset.events.size();
    Event checked = event;
    checkEventContent(rules, Location::of(List::Events, at), checked);
    // The other events with this id, found through the caller's table of ids when given
    // (100,000 events are not gone through for one).
    QList<qsizetype> others;
    if (!event.id.isEmpty() && eventRowsById) {
        for (auto it = eventRowsById->constFind(event.id);
             it != eventRowsById->cend() && it.key() == event.id; ++it) {
            if (*it != index)
                others.append(*it);
        }
    } else {
        others = othersWithId(dataset.events, event.id, index);
    }
    reportDuplicates(rules, List::Events, event.id, at, others);
    return collector.diagnostics;
}

// --- the rules

DatasetValidator::DatasetValidator(const Dataset &references, PassageSearch &search,
                                   Reporter &reporter)
    : m_references(references)
    , m_search(search)
    , m_reporter(reporter) {}

void DatasetValidator::setListsRead(bool sides, bool articles, bool actors) {
    m_readSides = sides;
    m_readArticles = articles;
    m_readActors = actors;
}

void DatasetValidator::error(const Location &at, const QString &message) {
    m_reporter.report(Diagnostic::Severity::Error, at, message);
}

void DatasetValidator::warning(const Location &at, const QString &message) {
    m_reporter.report(Diagnostic::Severity::Warning, at, message);
}

QString DatasetValidator::blankMessage() {
    return QStringLiteral("expected a non-empty string");
}

QString DatasetValidator::tooLongMessage(qsizetype limit, qsizetype length) {
    return QStringLiteral("expected at most %1 characters, found %2").arg(limit).arg(length);
}

QString DatasetValidator::endBeforeStartMessage(const QDate &start, const QDate &end) {
    return QStringLiteral("expected an end on or after the start %1, found %2")
        .arg(start.toString(Qt::ISODate), end.toString(Qt::ISODate));
}

bool DatasetValidator::datesInOrder(const EventDate &date) {
    return !(date.start.isValid() && date.end.isValid() && date.end < date.start);
}

bool DatasetValidator::dayPrecisionFits(const EventDate &date) {
    return !(date.precision == DatePrecision::Day && date.start.isValid() && date.end.isValid() &&
             date.start != date.end);
}

bool DatasetValidator::field(const Location &at, const QString &text, bool required,
                             const char *key) {
    if (!m_checkFields)
        return true;
    const qsizetype limit = DatasetReader::maxFieldLength(key);
    if (text.size() > limit) {
        error(at.at(key), tooLongMessage(limit, text.size()));
        return false;
    }
    if (required && QStringView(text).trimmed().isEmpty()) {
        error(at.at(key), blankMessage());
        return false;
    }
    return true;
}

void DatasetValidator::duplicateId(const Location &at, const QString &id, const Location &firstAt) {
    const char *what = at.list == List::Sides      ? "side"
                       : at.list == List::Articles ? "article"
                       : at.list == List::Actors   ? "actor"
                                                   : "event";
    error(at.at("id"), QStringLiteral("duplicate %1 id \"%2\" (first used at %3)")
                           .arg(QLatin1String(what), id, firstAt.path()));
}

void DatasetValidator::reference(const Location &at, const QString &target, bool exists,
                                 const char *what) {
    // A list that could not be read has been reported; every reference into it would only
    // repeat that.
    const QLatin1String kind(what);
    const bool listRead = kind == QLatin1String("side")      ? m_readSides
                          : kind == QLatin1String("article") ? m_readArticles
                                                             : m_readActors;
    if (!target.isEmpty() && !exists && listRead)
        error(at, QStringLiteral("unknown %1 id \"%2\"").arg(kind, target));
}

void DatasetValidator::checkSideFields(const Location &at, const Side &side) {
    field(at, side.id, true, "id");
    field(at, side.name, true, "name");
    checkSideColor(at, side);
}

void DatasetValidator::checkSideColor(const Location &at, const Side &side) {
    if (!side.color.isEmpty() && !isSideColor(side.color))
        error(at.at("color"), sideColorMessage(side.color));
}

bool DatasetValidator::isSideColor(const QString &color) {
    // Exactly "#rrggbb": what the schema says, and what every tool reading the file understands
    // (no names, no alpha, no short form).
    if (color.size() != 7 || color.at(0) != QLatin1Char('#'))
        return false;
    for (qsizetype i = 1; i < color.size(); ++i) {
        const char16_t c = color.at(i).unicode();
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F')))
            return false;
    }
    return true;
}

QString DatasetValidator::sideColorMessage(const QString &found) {
    return QStringLiteral("expected a colour \"#rrggbb\", found \"%1\"").arg(found.left(40));
}

void DatasetValidator::checkArticleFields(const Location &at, const Article &article) {
    field(at, article.id, true, "id");
    field(at, article.title, true, "title");
    field(at, article.publisher, false, "publisher");
    field(at, article.url, false, "url");
}

void DatasetValidator::checkArticleText(const Location &at, const Article &article) {
    const Location textAt = at.at(article.textFile.isEmpty() ? "text" : "textFile");
    if (article.text.contains(QChar(u'\0')))
        warning(textAt, QStringLiteral("article text contains NUL characters"));
}

void DatasetValidator::checkArticleHash(const Location &at, const QString &expected,
                                        const QString &actualSha256) {
    if (expected.size() != 64 || !QByteArray::fromHex(expected.toLatin1()).size())
        error(at.at("textSha256"),
              QStringLiteral("expected 64 hexadecimal digits, found \"%1\"").arg(expected));
    else if (expected.compare(actualSha256, Qt::CaseInsensitive) != 0)
        warning(at.at("textSha256"),
                QStringLiteral("article text changed since curation (SHA-256 is %1)")
                    .arg(actualSha256));
}

void DatasetValidator::checkActorFields(const Location &at, const Actor &actor) {
    field(at, actor.id, true, "id");
    field(at, actor.name, true, "name");
    field(at, actor.sideId, false, "side");
    field(at, actor.affiliationId, false, "affiliation");
    field(at, actor.title, false, "title");
}

void DatasetValidator::checkActorSide(const Location &at, const Actor &actor) {
    reference(at.at("side"), actor.sideId, m_references.side(actor.sideId), "side");
}

void DatasetValidator::checkActorAffiliation(const Location &at, const Actor &actor) {
    reference(at.at("affiliation"), actor.affiliationId, m_references.actor(actor.affiliationId),
              "actor");
    if (actor.affiliationId == actor.id && !actor.id.isEmpty())
        error(at.at("affiliation"), QStringLiteral("an actor cannot be affiliated with itself"));
}

void DatasetValidator::checkEventFields(const Location &at, const Event &event) {
    field(at, event.id, true, "id");
    field(at, event.title, true, "title");
    field(at, event.summary, false, "summary");
    field(at, event.kind, true, "kind");
    field(at, event.place, false, "place");
    field(at, event.note, false, "note");
    const Location dateAt = at.within("date");
    field(dateAt, event.date.expression, false, "expression");
    field(dateAt, event.date.anchorArticleId, false, "anchor");
    field(dateAt, event.date.note, false, "note");
    for (qsizetype i = 0; i < event.sources.size(); ++i) {
        const SourcePassage &source = event.sources.at(i);
        const Location sourceAt = at.within("sources", i);
        field(sourceAt, source.exact, true, "exact");
        field(sourceAt, source.prefix, false, "prefix");
        field(sourceAt, source.suffix, false, "suffix");
    }
    for (qsizetype i = 0; i < event.disagreements.size(); ++i) {
        const Disagreement &disagreement = event.disagreements.at(i);
        const Location disagreementAt = at.within("disagreements", i);
        field(disagreementAt, disagreement.topic, true, "topic");
        for (qsizetype c = 0; c < disagreement.claims.size(); ++c) {
            field(disagreementAt.claimAt(c), disagreement.claims.at(c).exact, true, "exact");
            field(disagreementAt.claimAt(c), disagreement.claims.at(c).says, false, "says");
        }
    }
}

void DatasetValidator::checkDate(const Location &date, const EventDate &value) {
    if (m_checkFields && !value.start.isValid()) // as the reader words an empty one
        error(date.at("start"), QStringLiteral("expected a calendar date YYYY-MM-DD, found \"\""));
    checkDateRange(date, value);
    checkDatePrecision(date, value);
    checkDateAnchor(date, value);
}

void DatasetValidator::checkDateRange(const Location &date, const EventDate &value) {
    if (!datesInOrder(value))
        error(date.at("end"), endBeforeStartMessage(value.start, value.end));
}

void DatasetValidator::checkDatePrecision(const Location &date, const EventDate &value) {
    if (!dayPrecisionFits(value))
        warning(date.at("precision"),
                QStringLiteral("precision \"day\" but the date spans %1 days; use \"days\"")
                    .arg(value.start.daysTo(value.end) + 1));
}

void DatasetValidator::checkDateAnchor(const Location &date, const EventDate &value) {
    reference(date.at("anchor"), value.anchorArticleId, m_references.article(value.anchorArticleId),
              "article");
}

void DatasetValidator::checkParticipant(const Location &participant, Participant &value) {
    if (!field(participant, value.actorId, true, "actor"))
        return;
    const Actor *actor = m_references.actor(value.actorId);
    reference(participant.at("actor"), value.actorId, actor, "actor");
    if (actor)
        value.actorId = actor->id; // shares the actor's copy: 100,000s of events repeat it
}

void DatasetValidator::checkHasSources(const Location &event, qsizetype sourceCount) {
    if (sourceCount == 0)
        warning(event.at("sources"), QStringLiteral("the event cites no passage"));
}

const Article *DatasetValidator::checkSourceArticle(const Location &source, SourcePassage &value) {
    if (!field(source, value.articleId, true, "article"))
        return nullptr;
    const Article *article = m_references.article(value.articleId);
    reference(source.at("article"), value.articleId, article, "article");
    if (article)
        value.articleId = article->id; // shares the article's copy
    return article;
}

bool DatasetValidator::checkSourceOffsets(const Location &source, const SourcePassage &value) {
    if (value.storedStart < 0 || value.storedEnd < 0)
        return false; // not read (reported by the reader)
    if (value.storedEnd < value.storedStart) {
        error(source.at("end"),
              QStringLiteral("expected an end offset not before the start %1, found %2")
                  .arg(value.storedStart)
                  .arg(value.storedEnd));
        return false;
    }
    return true;
}

DatasetValidator::Search DatasetValidator::anchorSource(const Location &source,
                                                        const Article *article,
                                                        SourcePassage &value,
                                                        bool reportOverBudget) {
    if (!article)
        return Search::Done; // an unknown article has been reported already
    const CodePointIndex &offsets = m_search.codePoints(article);
    const int storedStart = offsets.toUtf16(value.storedStart);
    const int storedEnd = offsets.toUtf16(value.storedEnd);
    if (storedStart < 0 || storedEnd < 0) {
        error(source.at("end"),
              QStringLiteral("offsets %1..%2 lie outside the article text (%3 characters)")
                  .arg(value.storedStart)
                  .arg(value.storedEnd)
                  .arg(offsets.codePointCount()));
        return Search::Done;
    }
    const PassageAnchor::Result anchored =
        PassageAnchor::anchor(article->text, value.exact, value.prefix, value.suffix, storedStart,
                              m_search.budget(), &m_search.occurrencesIn(article));
    switch (anchored.outcome) {
    case PassageAnchor::Outcome::TooCostly:
        if (!reportOverBudget)
            return Search::OverBudget;
        error(source.at("exact"),
              QStringLiteral(
                  "the passage is not at its offsets and searching for it costs more than is "
                  "left (this load's search budget is spent)"));
        return Search::Done;
    case PassageAnchor::Outcome::NotFound:
        error(source.at("exact"),
              QStringLiteral("the passage does not occur in article \"%1\", not even approximately")
                  .arg(value.articleId));
        return Search::Done;
    case PassageAnchor::Outcome::AtStoredPosition:
        if (storedEnd != anchored.end)
            warning(source.at("end"),
                    QStringLiteral("end offset %1 does not match the passage; it ends at %2")
                        .arg(value.storedEnd)
                        .arg(offsets.toCodePoint(anchored.end)));
        break;
    case PassageAnchor::Outcome::ExactElsewhere:
    case PassageAnchor::Outcome::Approximate: {
        const qint64 newStart = offsets.toCodePoint(anchored.start);
        const qint64 newEnd = offsets.toCodePoint(anchored.end);
        const QString how =
            anchored.outcome == PassageAnchor::Outcome::ExactElsewhere
                ? QStringLiteral("found verbatim")
                : QStringLiteral("found approximately (%1 edits)").arg(anchored.edits);
        warning(source, QStringLiteral("passage re-anchored from %1..%2 to %3..%4: %5")
                            .arg(value.storedStart)
                            .arg(value.storedEnd)
                            .arg(newStart)
                            .arg(newEnd)
                            .arg(how));
        break;
    }
    }
    value.start = anchored.start;
    value.end = anchored.end;
    return Search::Done;
}

void DatasetValidator::checkClaimCount(const Location &disagreement, qsizetype claimCount) {
    if (claimCount < 2)
        warning(disagreement.at("claims"),
                QStringLiteral("a disagreement needs at least two claims"));
}

const Article *DatasetValidator::checkClaimArticle(const Location &claim, const Claim &value) {
    if (!field(claim, value.articleId, true, "article"))
        return nullptr;
    const Article *article = m_references.article(value.articleId);
    reference(claim.at("article"), value.articleId, article, "article");
    return article;
}

DatasetValidator::Search DatasetValidator::findClaim(const Location &claim, const Article *article,
                                                     Claim &value, bool reportOverBudget) {
    if (!article || article->text.isEmpty() || value.exact.isEmpty())
        return Search::Done;
    // Charged to the search budget, and each claim's words scanned for once.
    const OccurrenceIndex::Occurrences *found =
        m_search.occurrencesIn(article).find(value.exact, m_search.budget());
    const qsizetype at = found && !found->starts.isEmpty() ? found->starts.first() : -1;
    if (!found && !reportOverBudget)
        return Search::OverBudget;
    if (!found) {
        error(claim.at("exact"),
              QStringLiteral("the quoted words were not searched for in article \"%1\": "
                             "this load's search budget is spent")
                  .arg(value.articleId));
    } else if (at < 0) {
        error(
            claim.at("exact"),
            QStringLiteral("the quoted words do not occur in article \"%1\"").arg(value.articleId));
    } else {
        value.start = int(at);
        value.end = int(at + value.exact.size());
    }
    return Search::Done;
}

} // namespace ntl
