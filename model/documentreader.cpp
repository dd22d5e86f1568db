#include "documentreader.h"

#include "jsonparts.h"
#include "jsonsyntax.h"

#include <QCryptographicHash>
#include <QThread>

#include <algorithm>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace ntl {

namespace {

constexpr char formatName[] = "negotiation-timeline";
constexpr int supportedVersion = 1;
QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

std::unique_ptr<DocumentReader> DocumentReader::makeReaderAhead() const
{
    auto ahead = std::make_unique<DocumentReader>(m_file, m_baseDirectory, &m_dataset);
    ahead->m_readSides = m_readSides;
    ahead->m_readArticles = m_readArticles;
    ahead->m_readActors = m_readActors;
    ahead->listsRead();
    ahead->m_hasErrors = m_hasErrors;
    ahead->m_search.shareCodePointIndexes(m_search.codePointIndexes());
    ahead->m_readingAhead = true;
    ahead->m_buffer = m_buffer;
    return ahead;
}

std::optional<Diagnostic> DocumentReader::syntaxError(std::string_view json) const
{
    QByteArray reread;
    if (m_buffer && m_buffer->hasReleased()) { // parts of `json` are gone: read the file again
        QString why;
        reread = m_buffer->reread(&why);
        if (reread.isEmpty()) {
            Diagnostic d;
            d.file = m_file;
            d.message = why;
            return d;
        }
        json = std::string_view(reread.constData(), std::size_t(reread.size()));
    }
    return JsonSyntax::firstError(json, m_file);
}

DatasetReader::Result DocumentReader::run(std::string_view json)
{
    DatasetReader::Result result;
    const auto failWith = [&](Diagnostic d) {
        result.diagnostics = {std::move(d)};
        return result;
    };
    // Bound the nesting first, so hostile input cannot make the DOM absurdly deep. The same
    // pass finds the elements of the events array, which make up most of a large dataset:
    // each is parsed on its own and converted at once, so no DOM of all of them is built;
    // and those of the articles, to parse them on all cores.
    const JsonOutline outline = JsonOutline::scan(json, DatasetReader::maxNestingDepth,
                                                  {"articles", "events"}, DatasetReader::maxEvents);
    const JsonOutline::Array &articles = outline.array(0);
    const JsonOutline::Array &events = outline.array(1);
    if (outline.depth() > DatasetReader::maxNestingDepth) {
        error({}, QStringLiteral("JSON nested deeper than %1 levels").arg(DatasetReader::maxNestingDepth));
        result.diagnostics = m_diagnostics;
        return result;
    }
    Json root;
    try {
        // Too many events are refused without reading them, once the document is known to
        // be valid JSON (a syntax error is what a whole-document parse reports first).
        if (events.elementCount > DatasetReader::maxEvents) {
            if (std::optional<Diagnostic> d = syntaxError(json))
                return failWith(*d);
            m_eventsParsed = true;
        }
        // Everything but the events and the articles, which read as []. The articles (with
        // their texts, a large part of a dataset) are parsed on all cores and put in place;
        // the events are parsed one by one as they are read (readEvents).
        const bool splitArticles = articles.found && articles.elementCount > 0 &&
                                   articles.elementCount == qsizetype(articles.elements.size());
        std::vector<JsonParts::SkippingIterator::Gap> gaps;
        for (const JsonOutline::Array *array : {&articles, &events}) {
            if (array->found && (array == &events || splitArticles))
                gaps.push_back(
                    {json.data() + array->range.begin + 1, json.data() + array->range.end - 1});
        }
        std::sort(gaps.begin(), gaps.end());
        // Everything but the events shares one budget, so that a file never costs more than
        // three times its size and 100 MB (docs/security.md): the file itself, as much again
        // for nlohmann's lexer (it keeps every character since the last string or number, so
        // a run of brackets costs its length), and the tree: as much as the file, and a bit.
        std::atomic<qint64> budget{32 * 1024 * 1024 + qint64(json.size())};
        BoundedDom::Outcome outcome =
            BoundedDom::parse(JsonParts::SkippingIterator{json.data(), &gaps},
                              JsonParts::SkippingIterator{json.data() + json.size(), &gaps},
                              JsonShape::dataset(), budget, root);
        std::vector<Json> parsedArticles;
        if (outcome == BoundedDom::Outcome::Parsed && splitArticles)
            outcome = JsonParts::parseInParallel(json, articles.elements, parsedArticles, budget);
        if (outcome != BoundedDom::Outcome::Parsed) {
            if (std::optional<Diagnostic> d = syntaxError(json))
                return failWith(*d);
            if (outcome == BoundedDom::Outcome::SyntaxError)
                throw std::logic_error("the document is valid JSON, but not in parts");
            error({}, tooLargeMessage());
            result.diagnostics = m_diagnostics;
            return result;
        }
        if (splitArticles) // the last "articles" member, as the outline's
            root.find("articles")->get_ref<Json::array_t &>() = std::move(parsedArticles);
        if (m_buffer) { // all but the events are in `root` now
            const JsonOutline::Range kept = events.found ? events.range : JsonOutline::Range{};
            m_buffer->release(0, kept.begin);
            m_buffer->release(kept.end, qsizetype(json.size()));
        }
    } catch (const std::bad_alloc &) {
        error({}, QStringLiteral("not enough memory to read the file"));
        result.diagnostics = m_diagnostics;
        return result;
    } catch (const std::exception &e) {
        error({}, QStringLiteral("cannot parse: %1").arg(QString::fromUtf8(e.what())));
        result.diagnostics = m_diagnostics;
        return result;
    }

    try {
        if (isObject(root, {})) {
            const std::optional<QString> format = string(root, {}, "format");
            const Json *version = field(root, {}, "version", true);
            if (format && *format != QLatin1String(formatName))
                error(QStringLiteral("/format"),
                      QStringLiteral("expected \"%1\", found \"%2\"").arg(QLatin1String(formatName), *format));
            // Any JSON number equal to 1 (so "1.0" too, as JSON Schema sees it).
            if (version && !(version->is_number() && version->get<double>() == double(supportedVersion)))
                error(QStringLiteral("/version"),
                      QStringLiteral("unsupported version %1; this build reads version %2")
                          .arg(qs(version->dump()))
                          .arg(supportedVersion));
            // A different format or version may mean anything; checking its fields would only add noise.
            if (!m_hasErrors) {
                unknownFields(root, {}, {"format", "version", "title", "offsetUnit", "sides", "articles", "actors", "events"});
                m_dataset.title = string(root, {}, "title", true, false).value_or(QString());
                const std::optional<QString> unit = string(root, {}, "offsetUnit");
                if (unit && *unit != QLatin1String("codepoint"))
                    error(QStringLiteral("/offsetUnit"),
                          QStringLiteral("expected \"codepoint\", found \"%1\"").arg(*unit));
                readSides(root);
                readArticles(root);
                readActors(root);
                readEvents(root, json, outline);
            }
        }
    } catch (const std::bad_alloc &) {
        error({}, QStringLiteral("not enough memory to read the file"));
    } catch (const std::exception &e) {
        // Every access above is type-checked; this is a last line of defence, not a code path.
        error({}, QStringLiteral("internal error while reading: %1").arg(QString::fromUtf8(e.what())));
    }
    // Events left unparsed (after a wrong format, say) or one that did not parse: what a
    // whole-document parse would have said comes first.
    if (events.found && !m_eventsParsed) {
        if (std::optional<Diagnostic> d = syntaxError(json))
            return failWith(*d);
    }

    if (m_suppressed > 0) {
        Diagnostic d;
        d.file = m_file;
        d.severity = m_hasErrors ? Diagnostic::Severity::Error : Diagnostic::Severity::Warning;
        d.message = QStringLiteral("%1 more problems not listed").arg(m_suppressed);
        m_diagnostics.append(d);
    }
    result.diagnostics = std::move(m_diagnostics);
    if (!m_hasErrors)
        result.dataset = std::make_shared<const Dataset>(std::move(m_dataset));
    return result;
}

void DocumentReader::readSides(const Json &root)
{
    const Json *sides = array(root, {}, "sides");
    if (!sides)
        return;
    m_readSides = true;
    listsRead();
    QList<qsizetype> indexes;
    for (std::size_t i = 0; i < sides->size(); ++i) {
        const QString path = child(QStringLiteral("/sides"), qsizetype(i));
        const Json &object = (*sides)[i];
        if (!isObject(object, path))
            continue;
        unknownFields(object, path, {"id", "name", "color"});
        Side side;
        side.id = id(object, path);
        side.name = string(object, path, "name", true, false).value_or(QString());
        if (object.contains("color")) {
            side.color = string(object, path, "color").value_or(QString());
            m_rules.checkSideColor(Location::of(List::Sides, qsizetype(i)), side);
        }
        m_dataset.sides.append(std::move(side));
        indexes.append(qsizetype(i));
    }
    m_rules.checkUniqueIds(List::Sides, m_dataset.sides, indexes);
    m_dataset.reindex();
}

void DocumentReader::readArticles(const Json &root)
{
    const Json *articles = array(root, {}, "articles");
    if (!articles)
        return;
    m_readArticles = true;
    listsRead();
    QList<qsizetype> indexes;
    for (std::size_t i = 0; i < articles->size(); ++i) {
        const QString path = child(QStringLiteral("/articles"), qsizetype(i));
        const Json &object = (*articles)[i];
        if (!isObject(object, path))
            continue;
        unknownFields(object, path, {"id", "title", "publisher", "url", "published", "publishedBasis", "textFile", "text", "textSha256"});
        Article article;
        article.id = id(object, path);
        article.title = string(object, path, "title", true, false).value_or(QString());
        article.publisher = nullableString(object, path, "publisher");
        article.url = nullableString(object, path, "url");
        article.published = date(object, path, "published");
        if (object.contains("publishedBasis")) {
            const std::optional<QString> basis = string(object, path, "publishedBasis");
            if (basis && *basis != QLatin1String("stated") && *basis != QLatin1String("inferred"))
                error(child(path, "publishedBasis"),
                      QStringLiteral("expected one of \"stated\", \"inferred\", found \"%1\"").arg(*basis));
            article.publishedInferred = basis && *basis == QLatin1String("inferred");
        }
        readArticleText(object, path, Location::of(List::Articles, qsizetype(i)), article);
        m_dataset.articles.append(std::move(article));
        indexes.append(qsizetype(i));
    }
    m_rules.checkUniqueIds(List::Articles, m_dataset.articles, indexes);
    m_dataset.reindex();
    // Built now rather than on first use, so that readers on other threads only read them.
    m_search.buildCodePointIndexes();
}

void DocumentReader::readArticleText(const Json &object, const QString &path, const Location &at,
                              Article &article) {
    const bool hasInline = object.contains("text");
    const bool hasFile = object.contains("textFile");
    if (hasInline == hasFile) {
        error(path, hasInline ? QStringLiteral("expected either \"text\" or \"textFile\", not both")
                              : QStringLiteral("missing required field \"text\" or \"textFile\""));
        return;
    }
    QByteArray bytes; // an inline text's, or a file's when it was read just now
    ArticleTextFile *file = nullptr;
    QString textPath;
    if (hasInline) {
        const std::optional<QString> text = string(object, path, "text");
        if (!text)
            return;
        article.text = *text;
        bytes = text->toUtf8();
        textPath = child(path, "text");
    } else {
        const std::optional<QString> relative = string(object, path, "textFile");
        if (!relative)
            return;
        article.textFile = *relative;
        textPath = child(path, "textFile");
        QString why;
        file = m_textFiles.read(*relative, &bytes, &why);
        if (!file) {
            error(textPath, why);
            return;
        }
        if (file->invalidUtf8At >= 0) {
            error(textPath, QStringLiteral("article text \"%1\" is not valid UTF-8 (at byte %2)")
                                .arg(*relative)
                                .arg(file->invalidUtf8At));
            return;
        }
        article.text = file->text;
    }
    m_rules.checkArticleText(at, article);

    const std::optional<QString> expected = string(object, path, "textSha256", false);
    if (expected) {
        QString actual;
        if (file && file->sha256.isEmpty()) // valid UTF-8 decodes and encodes back to its bytes
            file->sha256 = sha256Hex(bytes.isEmpty() ? file->text.toUtf8() : bytes);
        if (expected->size() == 64 && QByteArray::fromHex(expected->toLatin1()).size())
            actual = file ? file->sha256 : sha256Hex(bytes); // not hashed for a malformed one
        m_rules.checkArticleHash(at, *expected, actual);
        article.textSha256 = expected->toLower();
    }
}

void DocumentReader::readActors(const Json &root)
{
    const Json *actors = array(root, {}, "actors");
    if (!actors)
        return;
    m_readActors = true;
    listsRead();
    QList<qsizetype> indexes;
    for (std::size_t i = 0; i < actors->size(); ++i) {
        const QString path = child(QStringLiteral("/actors"), qsizetype(i));
        const Json &object = (*actors)[i];
        if (!isObject(object, path))
            continue;
        unknownFields(object, path, {"id", "name", "kind", "side", "affiliation", "title"});
        Actor actor;
        actor.id = id(object, path);
        actor.name = string(object, path, "name", true, false).value_or(QString());
        actor.kind = enumeration<ActorKind>(object, path, "kind", actorKindFromString,
                                            "\"person\", \"country\", \"organisation\", \"group\", \"media\"")
                         .value_or(ActorKind::Person);
        actor.sideId = nullableString(object, path, "side");
        m_rules.checkActorSide(Location::of(List::Actors, qsizetype(i)), actor);
        actor.affiliationId = nullableString(object, path, "affiliation");
        actor.title = nullableString(object, path, "title");
        m_dataset.actors.append(std::move(actor));
        indexes.append(qsizetype(i));
    }
    m_rules.checkUniqueIds(List::Actors, m_dataset.actors, indexes);
    m_dataset.reindex();
    for (qsizetype i = 0; i < m_dataset.actors.size(); ++i)
        m_rules.checkActorAffiliation(Location::of(List::Actors, indexes.at(i)),
                                      m_dataset.actors.at(i));
}

void DocumentReader::readEvents(Json &root, std::string_view json, const JsonOutline &outline)
{
    const Json *events = array(root, {}, "events");
    if (!events)
        return;
    // Split off, the events array reads as [] in `root`; its elements lie in `json`.
    const JsonOutline::Array &splitOffEvents = outline.array(1);
    const bool splitOff = splitOffEvents.found;
    const qsizetype count = splitOff ? splitOffEvents.elementCount : qsizetype(events->size());
    if (count > DatasetReader::maxEvents) {
        error(QStringLiteral("/events"),
              QStringLiteral("%1 events; the most a dataset may hold is %2")
                  .arg(count)
                  .arg(DatasetReader::maxEvents));
        return;
    }
    m_dataset.events.reserve(count);
    m_eventIndexes.reserve(count);
    if (splitOff) {
        // All else has been read: free its DOM (the article texts, say) before the events
        // fill the Dataset.
        root = Json();
        if (!readEventsInShares(json, splitOffEvents.elements))
            throw std::logic_error("an event is not valid JSON on its own"); // see run()
        m_eventsParsed = true;
    } else {
        for (std::size_t i = 0; i < events->size(); ++i)
            appendEvent(readEvent((*events)[i], qsizetype(i)), qsizetype(i));
    }
    m_rules.checkUniqueIds(List::Events, m_dataset.events, m_eventIndexes);
}

// The events are independent of each other but for the search budget they share and the
// rule that an empty article text is not reported once there are errors. So: the events are
// cut into pieces; this thread reads pieces from the front, in order, as always, while other
// threads take pieces from the back, each read by a reader ahead, until the two meet (so
// that no thread waits long for another, however fast each goes). What was read ahead is
// taken over in order, reading again on this thread the few elements whose outcome depended
// on the events before them. The diagnostics, their order and the budget spent are exactly
// those of reading all events here in order.
bool DocumentReader::readEventsInShares(std::string_view json,
                                 const std::vector<JsonOutline::Range> &elements)
{
    const qsizetype count = qsizetype(elements.size());
    if (count == 0)
        return true;
    const qsizetype threadCount =
        std::clamp<qsizetype>(QThread::idealThreadCount(), 1, std::min<qsizetype>(count, 8));
    // Enough pieces for the threads to meet close to where both are done, few enough that
    // the readers ahead cost nothing to speak of.
    const qsizetype pieces = threadCount == 1 ? 1 : std::min<qsizetype>(count, 64);
    // Pieces of about equal bytes: element k starts piece p when it is the first to start
    // past p/pieces of the array.
    std::vector<qsizetype> pieceStarts;
    const qsizetype firstByte = elements.front().begin;
    const qsizetype bytes = elements.back().end - firstByte;
    for (qsizetype p = 0; p < pieces; ++p) {
        const qsizetype from = firstByte + qsizetype(double(bytes) * double(p) / double(pieces));
        const auto at = std::lower_bound(
            elements.begin(), elements.end(), from,
            [](const JsonOutline::Range &range, qsizetype byte) { return range.begin < byte; });
        pieceStarts.push_back(std::max(pieceStarts.empty() ? 0 : pieceStarts.back(),
                                       qsizetype(at - elements.begin())));
    }
    pieceStarts.push_back(count);

    // Made now, from this reader's state after the actors, which reading changes.
    std::vector<std::unique_ptr<DocumentReader>> readersAhead;
    for (qsizetype p = 0; p < pieces; ++p)
        readersAhead.push_back(p == 0 ? nullptr : makeReaderAhead());
    // Pieces [0, front) are this thread's, [back, pieces) the other threads'; the first is
    // this thread's from the start.
    std::mutex claiming;
    qsizetype front = 1;
    qsizetype back = pieces;
    const auto claimFront = [&]() -> qsizetype {
        const std::lock_guard<std::mutex> lock(claiming);
        return front < back ? front++ : -1;
    };
    const auto claimBack = [&]() -> qsizetype {
        const std::lock_guard<std::mutex> lock(claiming);
        return front < back ? --back : -1;
    };

    std::atomic<bool> syntaxErrorFound{false};
    std::vector<std::thread> threads;
    // Joins however this function is left, before what the threads use goes away.
    struct Joiner {
        std::vector<std::thread> &threads;
        std::atomic<bool> &stop;
        ~Joiner()
        {
            if (std::uncaught_exceptions() > 0)
                stop = true;
            for (std::thread &thread : threads)
                thread.join();
        }
    } joiner{threads, syntaxErrorFound};
    for (qsizetype t = 1; t < threadCount; ++t) {
        threads.emplace_back([&] {
            for (qsizetype p = claimBack(); p >= 0 && !syntaxErrorFound; p = claimBack()) {
                DocumentReader *ahead = readersAhead[std::size_t(p)].get();
                try {
                    ahead->readEventsAhead(json, elements, pieceStarts[std::size_t(p)],
                                           pieceStarts[std::size_t(p) + 1], syntaxErrorFound);
                } catch (const std::exception &e) {
                    // Reported when taken over, after the elements read before it.
                    ahead->m_internalError = e.what();
                }
            }
        });
    }

    Json object;
    qsizetype releasedUpTo = elements.front().begin;
    for (qsizetype p = 0; p >= 0; p = claimFront()) {
        for (qsizetype i = pieceStarts[std::size_t(p)]; i < pieceStarts[std::size_t(p) + 1]; ++i) {
            const std::string_view text = JsonParts::slice(json, elements[std::size_t(i)]);
            if (syntaxErrorFound)
                return false;
            if (std::optional<Event> event = readWellFormedEvent(text)) {
                appendEvent(std::move(event), i);
            } else if (bool tooLarge = false; !JsonParts::parseEvent(text, object, &tooLarge)) {
                if (!tooLarge || !JsonSyntax::isValid(text)) {
                    syntaxErrorFound = true;
                    return false;
                }
                error(child(QStringLiteral("/events"), i), tooLargeMessage());
            } else {
                appendEvent(readEvent(object, i), i);
            }
            releaseRead(releasedUpTo, elements[std::size_t(i)].end);
        }
    }
    for (std::thread &thread : threads)
        thread.join();
    threads.clear();
    if (syntaxErrorFound)
        return false;
    for (qsizetype p = front; p < pieces; ++p) {
        takeOverEventsReadAhead(*readersAhead[std::size_t(p)], json, elements,
                                pieceStarts[std::size_t(p)]);
        readersAhead[std::size_t(p)].reset(); // its lists, emptied, go
    }
    return true;
}

void DocumentReader::readEventsAhead(std::string_view json,
                              const std::vector<JsonOutline::Range> &elements, qsizetype first,
                              qsizetype last, std::atomic<bool> &syntaxErrorFound)
{
    if (first >= last)
        return; // an empty share (a few large events): nothing to read, no element to look at
    m_events.reserve(last - first);
    m_outcomes.reserve(std::size_t(last - first));
    Json object;
    qsizetype releasedUpTo = elements[std::size_t(first)].begin;
    for (qsizetype i = first; i < last && !syntaxErrorFound; ++i) {
        const std::string_view text = JsonParts::slice(json, elements[std::size_t(i)]);
        if (std::optional<Event> event = readWellFormedEvent(text)) { // reports nothing
            m_events.append(std::move(*event));
            ElementOutcome outcome;
            outcome.isEvent = true;
            outcome.diagnosticsEnd = m_diagnostics.size();
            outcome.suppressedEnd = m_suppressed;
            outcome.hasErrors = m_hasErrors;
            m_outcomes.push_back(outcome);
            releaseRead(releasedUpTo, elements[std::size_t(i)].end);
            continue;
        }
        bool tooLarge = false;
        if (!JsonParts::parseEvent(text, object, &tooLarge) &&
            (!tooLarge || !JsonSyntax::isValid(text))) {
            syntaxErrorFound = true;
            return;
        }
        const qsizetype diagnosticsBefore = m_diagnostics.size();
        const int suppressedBefore = m_suppressed;
        const bool hadErrors = m_hasErrors;
        m_dependsOnEarlier = false;
        std::optional<Event> event;
        if (tooLarge)
            error(child(QStringLiteral("/events"), i), tooLargeMessage());
        else
            event = readEvent(object, i);
        ElementOutcome outcome;
        if (m_dependsOnEarlier) { // forget it; it is read again in order
            m_diagnostics.resize(diagnosticsBefore);
            m_suppressed = suppressedBefore;
            m_hasErrors = hadErrors;
            outcome.readAgain = true;
        } else if (event) {
            m_events.append(std::move(*event));
            outcome.isEvent = true;
        }
        outcome.diagnosticsEnd = m_diagnostics.size();
        outcome.suppressedEnd = m_suppressed;
        outcome.hasErrors = m_hasErrors;
        m_outcomes.push_back(outcome);
        if (outcome.readAgain) {
            // Only its own pages stay, for the reading in order, until the piece is taken
            // over: keeping all that follows it kept most of the file, as about every
            // piece has one.
            releaseRead(releasedUpTo, elements[std::size_t(i)].begin, true);
            releasedUpTo = elements[std::size_t(i)].end;
        } else {
            releaseRead(releasedUpTo, elements[std::size_t(i)].end);
        }
    }
    if (!syntaxErrorFound)
        releaseRead(releasedUpTo, elements[std::size_t(last - 1)].end, true);
}

void DocumentReader::takeOverEventsReadAhead(DocumentReader &ahead, std::string_view json,
                                      const std::vector<JsonOutline::Range> &elements,
                                      qsizetype first)
{
    qsizetype diagnosticsTaken = 0;
    int suppressedTaken = 0;
    qsizetype eventsTaken = 0;
    bool readAgain = false;
    for (std::size_t k = 0; k < ahead.m_outcomes.size(); ++k) {
        const ElementOutcome &outcome = ahead.m_outcomes[k];
        const qsizetype index = first + qsizetype(k);
        if (outcome.readAgain) {
            Json object;
            bool tooLarge = false; // parsed before: it is an event read ahead, not too large
            JsonParts::parseEvent(JsonParts::slice(json, elements[std::size_t(index)]), object,
                                  &tooLarge);
            appendEvent(readEvent(object, index), index);
            readAgain = true;
            continue;
        }
        for (; diagnosticsTaken < outcome.diagnosticsEnd; ++diagnosticsTaken)
            report(std::move(ahead.m_diagnostics[diagnosticsTaken]));
        // Past the reader's own cap, so past this one's too: only counted.
        m_suppressed += outcome.suppressedEnd - suppressedTaken;
        suppressedTaken = outcome.suppressedEnd;
        m_hasErrors = m_hasErrors || outcome.hasErrors;
        if (outcome.isEvent)
            appendEvent(std::move(ahead.m_events[eventsTaken++]), index);
    }
    ahead.m_events.clear();
    if (m_buffer && readAgain) { // what the reader ahead kept for it, and the pages around
        m_buffer->release(elements[std::size_t(first)].begin,
                          elements[std::size_t(first) + ahead.m_outcomes.size() - 1].end);
    }
    if (ahead.m_internalError)
        throw std::runtime_error(*ahead.m_internalError);
}

void DocumentReader::appendEvent(std::optional<Event> &&event, qsizetype index)
{
    if (!event)
        return;
    m_dataset.events.append(std::move(*event));
    m_eventIndexes.append(index);
}

} // namespace ntl
