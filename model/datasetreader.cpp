#include "datasetreader.h"

#include "codepointindex.h"
#include "passageanchor.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStringDecoder>

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <optional>

namespace ntl {

namespace {

using Json = nlohmann::json;

constexpr char formatName[] = "negotiation-timeline";
constexpr int supportedVersion = 1;
// Offsets beyond 2^53 cannot round-trip through JSON numbers in other tools.
constexpr qint64 maxSafeInteger = (qint64(1) << 53);

QString qs(const std::string &s) { return QString::fromStdString(s); }

QString jsonTypeName(const Json &value)
{
    switch (value.type()) {
    case Json::value_t::null: return QStringLiteral("null");
    case Json::value_t::object: return QStringLiteral("an object");
    case Json::value_t::array: return QStringLiteral("an array");
    case Json::value_t::string: return QStringLiteral("a string");
    case Json::value_t::boolean: return QStringLiteral("a boolean");
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: return QStringLiteral("an integer");
    case Json::value_t::number_float: return QStringLiteral("a number");
    default: return QStringLiteral("an unsupported value");
    }
}

// 1-based line and column (in characters) of a byte offset in UTF-8 text.
std::pair<int, int> lineAndColumn(const QByteArray &bytes, qsizetype byteOffset)
{
    byteOffset = std::clamp<qsizetype>(byteOffset, 0, bytes.size());
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < byteOffset; ++i) {
        const auto byte = static_cast<unsigned char>(bytes.at(i));
        if (byte == '\n') {
            ++line;
            column = 1;
        } else if ((byte & 0xC0) != 0x80) { // continuation bytes belong to the previous character
            ++column;
        }
    }
    return {line, column};
}

// nlohmann's message starts with "[json.exception…] parse error at line L, column C: ";
// we report our own location, so keep only the reason.
QString parseErrorReason(const char *what)
{
    QString message = QString::fromUtf8(what);
    const qsizetype columnAt = message.indexOf(QStringLiteral("column "));
    const qsizetype colonAt =
        columnAt >= 0 ? message.indexOf(QStringLiteral(": "), columnAt) : message.indexOf(u':');
    if (colonAt >= 0)
        message = message.mid(colonAt + (columnAt >= 0 ? 2 : 1)).trimmed();
    return message;
}

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// The deepest nesting of arrays and objects, counting brackets outside strings; stops
// counting once past `limit`. A linear scan is far cheaper than nlohmann's callback
// parser, which would otherwise be the way to bound the depth.
int nestingDepth(const QByteArray &bytes, int limit)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : bytes) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
            if (deepest > limit)
                return deepest;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return deepest;
}

class Checker
{
public:
    Checker(QString displayName, QString baseDirectory)
        : m_file(std::move(displayName))
        , m_baseDirectory(std::move(baseDirectory))
    {
    }

    DatasetReader::Result run(const QByteArray &bytes);

private:
    // --- reporting
    void error(const QString &path, const QString &message)
    {
        report(Diagnostic::Severity::Error, path, message);
    }
    void warning(const QString &path, const QString &message)
    {
        report(Diagnostic::Severity::Warning, path, message);
    }
    void report(Diagnostic::Severity severity, const QString &path, const QString &message)
    {
        if (severity == Diagnostic::Severity::Error)
            m_hasErrors = true;
        if (m_diagnostics.size() >= DatasetReader::maxReportedDiagnostics) {
            ++m_suppressed;
            return;
        }
        Diagnostic d;
        d.severity = severity;
        d.file = m_file;
        d.jsonPath = path.isEmpty() ? QStringLiteral("/") : path;
        d.message = message;
        m_diagnostics.append(d);
    }

    // --- typed field access; each reports what it expected and returns nullopt on failure
    const Json *field(const Json &object, const QString &path, const char *key, bool required)
    {
        const auto it = object.find(key);
        if (it == object.end()) {
            if (required)
                error(path, QStringLiteral("missing required field \"%1\"").arg(QLatin1String(key)));
            return nullptr;
        }
        return &*it;
    }

    static QString child(const QString &path, const char *key)
    {
        return path + u'/' + QLatin1String(key);
    }
    static QString child(const QString &path, qsizetype index)
    {
        return path + u'/' + QString::number(index);
    }

    std::optional<QString> string(const Json &object, const QString &path, const char *key,
                                  bool required = true, bool allowEmpty = true)
    {
        const Json *value = field(object, path, key, required);
        if (!value)
            return std::nullopt;
        if (!value->is_string()) {
            error(child(path, key), QStringLiteral("expected a string, found %1").arg(jsonTypeName(*value)));
            return std::nullopt;
        }
        QString text = qs(value->get<std::string>());
        if (!allowEmpty && text.trimmed().isEmpty()) {
            error(child(path, key), QStringLiteral("expected a non-empty string"));
            return std::nullopt;
        }
        return text;
    }

    // A string or null; an absent field counts as null. Returns an empty string for null.
    QString nullableString(const Json &object, const QString &path, const char *key)
    {
        const Json *value = field(object, path, key, false);
        if (!value || value->is_null())
            return {};
        if (!value->is_string()) {
            error(child(path, key),
                  QStringLiteral("expected a string or null, found %1").arg(jsonTypeName(*value)));
            return {};
        }
        return qs(value->get<std::string>());
    }

    QString id(const Json &object, const QString &path)
    {
        return string(object, path, "id", true, false).value_or(QString());
    }

    std::optional<qint64> integer(const Json &object, const QString &path, const char *key)
    {
        const Json *value = field(object, path, key, true);
        if (!value)
            return std::nullopt;
        if (value->is_number_unsigned()) {
            const auto number = value->get<std::uint64_t>();
            if (number > std::uint64_t(maxSafeInteger)) {
                error(child(path, key), QStringLiteral("expected an offset no larger than 2^53, found %1")
                                            .arg(QString::number(number)));
                return std::nullopt;
            }
            return qint64(number);
        }
        if (value->is_number_integer()) {
            const auto number = value->get<std::int64_t>();
            if (number < 0) {
                error(child(path, key),
                      QStringLiteral("expected a non-negative offset, found %1").arg(number));
                return std::nullopt;
            }
            return number;
        }
        error(child(path, key), QStringLiteral("expected a non-negative integer, found %1")
                                    .arg(value->is_number() ? qs(value->dump()) : jsonTypeName(*value)));
        return std::nullopt;
    }

    const Json *array(const Json &object, const QString &path, const char *key, bool required = true)
    {
        const Json *value = field(object, path, key, required);
        if (!value)
            return nullptr;
        if (!value->is_array()) {
            error(child(path, key), QStringLiteral("expected an array, found %1").arg(jsonTypeName(*value)));
            return nullptr;
        }
        return value;
    }

    bool isObject(const Json &value, const QString &path)
    {
        if (value.is_object())
            return true;
        error(path, QStringLiteral("expected an object, found %1").arg(jsonTypeName(value)));
        return false;
    }

    QDate date(const Json &object, const QString &path, const char *key, bool required = true)
    {
        const std::optional<QString> text = string(object, path, key, required);
        if (!text)
            return {};
        const QDate parsed = QDate::fromString(*text, Qt::ISODate);
        // fromString accepts some non-canonical forms; insist on exactly YYYY-MM-DD.
        if (!parsed.isValid() || text->size() != 10 || parsed.toString(Qt::ISODate) != *text) {
            error(child(path, key),
                  QStringLiteral("expected a calendar date YYYY-MM-DD, found \"%1\"").arg(*text));
            return {};
        }
        return parsed;
    }

    template <typename Enum>
    std::optional<Enum> enumeration(const Json &object, const QString &path, const char *key,
                                    std::optional<Enum> (*parse)(const QString &),
                                    const char *allowed)
    {
        const std::optional<QString> text = string(object, path, key);
        if (!text)
            return std::nullopt;
        const std::optional<Enum> value = parse(*text);
        if (!value)
            error(child(path, key), QStringLiteral("expected one of %1, found \"%2\"")
                                        .arg(QLatin1String(allowed), *text));
        return value;
    }

    void unknownFields(const Json &object, const QString &path, std::initializer_list<const char *> known)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            const bool isKnown = std::any_of(known.begin(), known.end(),
                                             [&](const char *k) { return it.key() == k; });
            if (!isKnown)
                warning(path, QStringLiteral("unknown field \"%1\" ignored").arg(qs(it.key())));
        }
    }

    template <typename Item>
    void checkUniqueIds(const QList<Item> &items, const QList<QString> &paths, const char *what)
    {
        QHash<QString, qsizetype> firstSeen;
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QString &itemId = items.at(i).id;
            if (itemId.isEmpty())
                continue;
            const auto it = firstSeen.constFind(itemId);
            if (it != firstSeen.cend())
                error(paths.at(i) + QStringLiteral("/id"),
                      QStringLiteral("duplicate %1 id \"%2\" (first used at %3)")
                          .arg(QLatin1String(what), itemId, paths.at(*it)));
            else
                firstSeen.insert(itemId, i);
        }
    }

    void reference(const QString &path, const QString &target, bool exists, const char *what)
    {
        // A list that could not be read has been reported; every reference into it
        // would only repeat that.
        const QLatin1String kind(what);
        const bool listRead = kind == QLatin1String("side")      ? m_readSides
                              : kind == QLatin1String("article") ? m_readArticles
                                                                 : m_readActors;
        if (!target.isEmpty() && !exists && listRead)
            error(path, QStringLiteral("unknown %1 id \"%2\"").arg(QLatin1String(what), target));
    }

    // --- sections
    void readSides(const Json &root);
    void readArticles(const Json &root);
    void readArticleText(const Json &object, const QString &path, Article &article);
    void readActors(const Json &root);
    void readEvents(const Json &root);
    void readDate(const Json &object, const QString &path, EventDate &date);
    void readParticipants(const Json &object, const QString &path, Event &event);
    void readSources(const Json &object, const QString &path, Event &event);
    void readDisagreements(const Json &object, const QString &path, Event &event);
    void anchorSource(const QString &path, SourcePassage &source);
    std::optional<QString> resolveTextFile(const QString &path, const QString &relative);

    QString m_file;
    QString m_baseDirectory;
    Diagnostics m_diagnostics;
    int m_suppressed = 0;
    bool m_readSides = false;
    bool m_readArticles = false;
    bool m_readActors = false;
    qint64 m_searchBudget = DatasetReader::approximateSearchBudget;
    QHash<QString, CodePointIndex> m_codePointIndexes; // per article, built on first use
    bool m_hasErrors = false;
    Dataset m_dataset;
};

DatasetReader::Result Checker::run(const QByteArray &bytes)
{
    DatasetReader::Result result;
    Json root;
    // Bound the nesting first, so hostile input cannot make the DOM absurdly deep.
    if (nestingDepth(bytes, DatasetReader::maxNestingDepth) > DatasetReader::maxNestingDepth) {
        error({}, QStringLiteral("JSON nested deeper than %1 levels").arg(DatasetReader::maxNestingDepth));
        result.diagnostics = m_diagnostics;
        return result;
    }
    try {
        root = Json::parse(bytes.cbegin(), bytes.cend());
    } catch (const Json::parse_error &e) {
        Diagnostic d;
        d.file = m_file;
        // e.byte counts the bytes read, the offending one included.
        std::tie(d.line, d.column) = lineAndColumn(bytes, qsizetype(e.byte) - 1);
        d.message = QStringLiteral("not valid JSON: %1").arg(parseErrorReason(e.what()));
        result.diagnostics.append(d);
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
                readEvents(root);
            }
        }
    } catch (const std::exception &e) {
        // Every access above is type-checked; this is a last line of defence, not a code path.
        error({}, QStringLiteral("internal error while reading: %1").arg(QString::fromUtf8(e.what())));
    }

    if (m_suppressed > 0) {
        Diagnostic d;
        d.file = m_file;
        d.severity = m_hasErrors ? Diagnostic::Severity::Error : Diagnostic::Severity::Warning;
        d.message = QStringLiteral("%1 more problems not listed").arg(m_suppressed);
        m_diagnostics.append(d);
    }
    result.diagnostics = m_diagnostics;
    if (!m_hasErrors)
        result.dataset = std::make_shared<const Dataset>(std::move(m_dataset));
    return result;
}

void Checker::readSides(const Json &root)
{
    const Json *sides = array(root, {}, "sides");
    if (!sides)
        return;
    m_readSides = true;
    QList<QString> paths;
    for (std::size_t i = 0; i < sides->size(); ++i) {
        const QString path = child(QStringLiteral("/sides"), qsizetype(i));
        const Json &object = (*sides)[i];
        if (!isObject(object, path))
            continue;
        unknownFields(object, path, {"id", "name"});
        Side side;
        side.id = id(object, path);
        side.name = string(object, path, "name", true, false).value_or(QString());
        m_dataset.sides.append(side);
        paths.append(path);
    }
    checkUniqueIds(m_dataset.sides, paths, "side");
    m_dataset.reindex();
}

void Checker::readArticles(const Json &root)
{
    const Json *articles = array(root, {}, "articles");
    if (!articles)
        return;
    m_readArticles = true;
    QList<QString> paths;
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
        readArticleText(object, path, article);
        m_dataset.articles.append(article);
        paths.append(path);
    }
    checkUniqueIds(m_dataset.articles, paths, "article");
    m_dataset.reindex();
}

std::optional<QString> Checker::resolveTextFile(const QString &path, const QString &relative)
{
    const QString fieldPath = child(path, "textFile");
    if (relative.isEmpty() || QDir::isAbsolutePath(relative) || relative.startsWith(u':')) {
        error(fieldPath, QStringLiteral("expected a path relative to the dataset's folder, found \"%1\"").arg(relative));
        return std::nullopt;
    }
    const QString base = QDir::cleanPath(m_baseDirectory);
    const QString resolved = QDir::cleanPath(base + u'/' + relative);
    const auto isInside = [](const QString &candidate, const QString &folder) {
        return candidate.startsWith(folder.endsWith(u'/') ? folder : folder + u'/');
    };
    if (!isInside(resolved, base)) {
        error(fieldPath, QStringLiteral("\"%1\" leaves the dataset's folder; article texts are read only from inside it").arg(relative));
        return std::nullopt;
    }
    if (!base.startsWith(u':')) {
        // Resolve symbolic links too: a link may point anywhere.
        const QString canonicalBase = QFileInfo(base).canonicalFilePath();
        const QString canonical = QFileInfo(resolved).canonicalFilePath();
        if (!canonical.isEmpty() && !isInside(canonical, canonicalBase)) {
            error(fieldPath, QStringLiteral("\"%1\" is a link to \"%2\", outside the dataset's folder").arg(relative, canonical));
            return std::nullopt;
        }
    }
    return resolved;
}

void Checker::readArticleText(const Json &object, const QString &path, Article &article)
{
    const bool hasInline = object.contains("text");
    const bool hasFile = object.contains("textFile");
    if (hasInline == hasFile) {
        error(path, hasInline ? QStringLiteral("expected either \"text\" or \"textFile\", not both")
                              : QStringLiteral("missing required field \"text\" or \"textFile\""));
        return;
    }
    QByteArray bytes;
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
        const std::optional<QString> resolved = resolveTextFile(path, *relative);
        if (!resolved)
            return;
        QFile file(*resolved);
        const QFileInfo info(*resolved);
        if (info.isDir() || !file.open(QIODevice::ReadOnly)) {
            error(textPath, QStringLiteral("cannot read article text \"%1\": %2")
                                .arg(*relative, info.isDir() ? QStringLiteral("it is a folder")
                                                             : file.errorString()));
            return;
        }
        if (file.size() > DatasetReader::maxArticleTextSize) {
            error(textPath, QStringLiteral("article text \"%1\" is larger than 64 MiB").arg(*relative));
            return;
        }
        bytes = file.readAll();
        QStringDecoder decoder(QStringDecoder::Utf8);
        article.text = decoder.decode(bytes);
        if (decoder.hasError()) {
            error(textPath, QStringLiteral("article text \"%1\" is not valid UTF-8").arg(*relative));
            article.text.clear();
            return;
        }
    }
    if (article.text.contains(QChar(u'\0')))
        warning(textPath, QStringLiteral("article text contains NUL characters"));

    const std::optional<QString> expected = string(object, path, "textSha256", false);
    if (expected) {
        if (expected->size() != 64 || !QByteArray::fromHex(expected->toLatin1()).size())
            error(child(path, "textSha256"), QStringLiteral("expected 64 hexadecimal digits, found \"%1\"").arg(*expected));
        else if (expected->compare(sha256Hex(bytes), Qt::CaseInsensitive) != 0)
            warning(child(path, "textSha256"),
                    QStringLiteral("article text changed since curation (SHA-256 is %1)").arg(sha256Hex(bytes)));
        article.textSha256 = expected->toLower();
    }
}

void Checker::readActors(const Json &root)
{
    const Json *actors = array(root, {}, "actors");
    if (!actors)
        return;
    m_readActors = true;
    QList<QString> paths;
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
        reference(child(path, "side"), actor.sideId, m_dataset.side(actor.sideId), "side");
        actor.affiliationId = nullableString(object, path, "affiliation");
        actor.title = nullableString(object, path, "title");
        m_dataset.actors.append(actor);
        paths.append(path);
    }
    checkUniqueIds(m_dataset.actors, paths, "actor");
    m_dataset.reindex();
    for (qsizetype i = 0; i < m_dataset.actors.size(); ++i) {
        const Actor &actor = m_dataset.actors.at(i);
        reference(child(paths.at(i), "affiliation"), actor.affiliationId,
                  m_dataset.actor(actor.affiliationId), "actor");
        if (actor.affiliationId == actor.id && !actor.id.isEmpty())
            error(child(paths.at(i), "affiliation"), QStringLiteral("an actor cannot be affiliated with itself"));
    }
}

void Checker::readEvents(const Json &root)
{
    const Json *events = array(root, {}, "events");
    if (!events)
        return;
    if (qsizetype(events->size()) > DatasetReader::maxEvents) {
        error(QStringLiteral("/events"), QStringLiteral("%1 events; the most a dataset may hold is %2")
                                             .arg(events->size())
                                             .arg(DatasetReader::maxEvents));
        return;
    }
    QList<QString> paths;
    for (std::size_t i = 0; i < events->size(); ++i) {
        const QString path = child(QStringLiteral("/events"), qsizetype(i));
        const Json &object = (*events)[i];
        if (!isObject(object, path))
            continue;
        unknownFields(object, path, {"id", "title", "summary", "kind", "status", "date", "place", "participants", "sources", "disagreements", "note"});
        Event event;
        event.id = id(object, path);
        event.title = string(object, path, "title", true, false).value_or(QString());
        event.summary = string(object, path, "summary").value_or(QString());
        event.kind = string(object, path, "kind", true, false).value_or(QString());
        event.status = enumeration<EventStatus>(object, path, "status", eventStatusFromString,
                                                "\"occurred\", \"planned\", \"reported\", \"cancelled\"")
                           .value_or(EventStatus::Occurred);
        if (const Json *dateObject = field(object, path, "date", true)) {
            if (isObject(*dateObject, child(path, "date")))
                readDate(*dateObject, child(path, "date"), event.date);
        }
        event.place = nullableString(object, path, "place");
        readParticipants(object, path, event);
        readSources(object, path, event);
        readDisagreements(object, path, event);
        event.note = nullableString(object, path, "note");
        m_dataset.events.append(event);
        paths.append(path);
    }
    checkUniqueIds(m_dataset.events, paths, "event");
}

void Checker::readDate(const Json &object, const QString &path, EventDate &date)
{
    unknownFields(object, path, {"start", "end", "precision", "expression", "basis", "anchor", "note"});
    date.start = this->date(object, path, "start");
    date.end = object.contains("end") ? this->date(object, path, "end") : date.start;
    if (date.start.isValid() && date.end.isValid() && date.end < date.start)
        error(child(path, "end"), QStringLiteral("expected an end on or after the start %1, found %2")
                                      .arg(date.start.toString(Qt::ISODate), date.end.toString(Qt::ISODate)));
    date.precision = enumeration<DatePrecision>(object, path, "precision", datePrecisionFromString,
                                                "\"day\", \"days\", \"week\", \"month\", \"year\", \"unknown\"")
                         .value_or(DatePrecision::Unknown);
    if (date.precision == DatePrecision::Day && date.start.isValid() && date.end.isValid() &&
        date.start != date.end)
        warning(child(path, "precision"),
                QStringLiteral("precision \"day\" but the date spans %1 days; use \"days\"")
                    .arg(date.start.daysTo(date.end) + 1));
    date.expression = nullableString(object, path, "expression");
    date.basis = enumeration<DateBasis>(object, path, "basis", dateBasisFromString,
                                        "\"stated\", \"relative\", \"inferred\", \"external\"")
                     .value_or(DateBasis::Stated);
    date.anchorArticleId = nullableString(object, path, "anchor");
    reference(child(path, "anchor"), date.anchorArticleId, m_dataset.article(date.anchorArticleId),
              "article");
    date.note = nullableString(object, path, "note");
}

void Checker::readParticipants(const Json &object, const QString &path, Event &event)
{
    const Json *participants = array(object, path, "participants");
    if (!participants)
        return;
    for (std::size_t i = 0; i < participants->size(); ++i) {
        const QString itemPath = child(child(path, "participants"), qsizetype(i));
        const Json &item = (*participants)[i];
        if (!isObject(item, itemPath))
            continue;
        unknownFields(item, itemPath, {"actor", "role"});
        Participant participant;
        participant.actorId = string(item, itemPath, "actor", true, false).value_or(QString());
        reference(child(itemPath, "actor"), participant.actorId,
                  m_dataset.actor(participant.actorId), "actor");
        participant.role = enumeration<ParticipantRole>(item, itemPath, "role", participantRoleFromString,
                                                        "\"party\", \"mediator\", \"host\", \"speaker\", \"target\", \"mentioned\"")
                               .value_or(ParticipantRole::Mentioned);
        event.participants.append(participant);
    }
}

void Checker::readSources(const Json &object, const QString &path, Event &event)
{
    const Json *sources = array(object, path, "sources");
    if (!sources)
        return;
    if (sources->empty())
        warning(child(path, "sources"), QStringLiteral("the event cites no passage"));
    for (std::size_t i = 0; i < sources->size(); ++i) {
        const QString itemPath = child(child(path, "sources"), qsizetype(i));
        const Json &item = (*sources)[i];
        if (!isObject(item, itemPath))
            continue;
        unknownFields(item, itemPath, {"article", "exact", "prefix", "suffix", "start", "end"});
        SourcePassage source;
        source.articleId = string(item, itemPath, "article", true, false).value_or(QString());
        reference(child(itemPath, "article"), source.articleId, m_dataset.article(source.articleId), "article");
        const std::optional<QString> exact = string(item, itemPath, "exact", true, false);
        source.exact = exact.value_or(QString());
        source.prefix = nullableString(item, itemPath, "prefix");
        source.suffix = nullableString(item, itemPath, "suffix");
        const std::optional<qint64> start = integer(item, itemPath, "start");
        const std::optional<qint64> end = integer(item, itemPath, "end");
        bool positionUsable = start && end;
        if (start && end && *end < *start) {
            error(child(itemPath, "end"), QStringLiteral("expected an end offset not before the start %1, found %2").arg(*start).arg(*end));
            positionUsable = false;
        }
        source.storedStart = start.value_or(-1);
        source.storedEnd = end.value_or(-1);
        if (exact && positionUsable)
            anchorSource(itemPath, source);
        event.sources.append(source);
    }
}

void Checker::anchorSource(const QString &path, SourcePassage &source)
{
    const Article *article = m_dataset.article(source.articleId);
    if (!article || (article->text.isEmpty() && m_hasErrors))
        return; // an unknown article or unreadable text has been reported already
    const QStringView text = article->text;
    auto indexIt = m_codePointIndexes.find(article->id);
    if (indexIt == m_codePointIndexes.end())
        indexIt = m_codePointIndexes.insert(article->id, CodePointIndex(text));
    const CodePointIndex &offsets = *indexIt;
    const int storedStart = offsets.toUtf16(source.storedStart);
    const int storedEnd = offsets.toUtf16(source.storedEnd);
    if (storedStart < 0 || storedEnd < 0) {
        error(child(path, "end"), QStringLiteral("offsets %1..%2 lie outside the article text (%3 characters)")
                                      .arg(source.storedStart)
                                      .arg(source.storedEnd)
                                      .arg(offsets.codePointCount()));
        return;
    }
    const PassageAnchor::Result anchored =
        PassageAnchor::anchor(text, source.exact, source.prefix, source.suffix, storedStart, &m_searchBudget);
    switch (anchored.outcome) {
    case PassageAnchor::Outcome::TooCostly:
        error(child(path, "exact"), QStringLiteral("the passage is not at its offsets and too long to search for approximately "
                                                   "(this load's search budget is spent)"));
        return;
    case PassageAnchor::Outcome::NotFound:
        error(child(path, "exact"), QStringLiteral("the passage does not occur in article \"%1\", not even approximately")
                                        .arg(source.articleId));
        return;
    case PassageAnchor::Outcome::AtStoredPosition:
        if (storedEnd != anchored.end)
            warning(child(path, "end"), QStringLiteral("end offset %1 does not match the passage; it ends at %2")
                                            .arg(source.storedEnd)
                                            .arg(offsets.toCodePoint(anchored.end)));
        break;
    case PassageAnchor::Outcome::ExactElsewhere:
    case PassageAnchor::Outcome::Approximate: {
        const qint64 newStart = offsets.toCodePoint(anchored.start);
        const qint64 newEnd = offsets.toCodePoint(anchored.end);
        QString how = anchored.outcome == PassageAnchor::Outcome::ExactElsewhere
                          ? QStringLiteral("found verbatim")
                          : QStringLiteral("found approximately (%1 edits)").arg(anchored.edits);
        warning(path, QStringLiteral("passage re-anchored from %1..%2 to %3..%4: %5")
                          .arg(source.storedStart)
                          .arg(source.storedEnd)
                          .arg(newStart)
                          .arg(newEnd)
                          .arg(how));
        break;
    }
    }
    source.start = anchored.start;
    source.end = anchored.end;
}

void Checker::readDisagreements(const Json &object, const QString &path, Event &event)
{
    const Json *disagreements = array(object, path, "disagreements", false);
    if (!disagreements)
        return;
    for (std::size_t i = 0; i < disagreements->size(); ++i) {
        const QString itemPath = child(child(path, "disagreements"), qsizetype(i));
        const Json &item = (*disagreements)[i];
        if (!isObject(item, itemPath))
            continue;
        unknownFields(item, itemPath, {"topic", "claims"});
        Disagreement disagreement;
        disagreement.topic = string(item, itemPath, "topic", true, false).value_or(QString());
        const Json *claims = array(item, itemPath, "claims");
        if (claims && claims->size() < 2)
            warning(child(itemPath, "claims"), QStringLiteral("a disagreement needs at least two claims"));
        for (std::size_t c = 0; claims && c < claims->size(); ++c) {
            const QString claimPath = child(child(itemPath, "claims"), qsizetype(c));
            const Json &claimObject = (*claims)[c];
            if (!isObject(claimObject, claimPath))
                continue;
            unknownFields(claimObject, claimPath, {"article", "exact", "says"});
            Claim claim;
            claim.articleId = string(claimObject, claimPath, "article", true, false).value_or(QString());
            reference(child(claimPath, "article"), claim.articleId, m_dataset.article(claim.articleId), "article");
            claim.exact = string(claimObject, claimPath, "exact", true, false).value_or(QString());
            claim.says = string(claimObject, claimPath, "says").value_or(QString());
            if (const Article *article = m_dataset.article(claim.articleId);
                article && !article->text.isEmpty() && !claim.exact.isEmpty()) {
                const QList<int> found = PassageAnchor::findAll(article->text, claim.exact, 1);
                const qsizetype at = found.isEmpty() ? -1 : found.first();
                if (at < 0) {
                    error(child(claimPath, "exact"), QStringLiteral("the quoted words do not occur in article \"%1\"").arg(claim.articleId));
                } else {
                    claim.start = int(at);
                    claim.end = int(at + claim.exact.size());
                }
            }
            disagreement.claims.append(claim);
        }
        event.disagreements.append(disagreement);
    }
}

} // namespace

DatasetReader::Result DatasetReader::readFile(const QString &path)
{
    Result result;
    const QFileInfo info(path);
    const auto fail = [&](const QString &message) {
        Diagnostic d;
        d.file = path;
        d.message = message;
        result.diagnostics.append(d);
        return result;
    };
    if (!info.exists())
        return fail(QStringLiteral("no such file"));
    if (info.isDir())
        return fail(QStringLiteral("is a folder, not a dataset file"));
    if (info.size() > maxFileSize)
        return fail(QStringLiteral("file is %1 MiB; the largest dataset read is 256 MiB").arg(info.size() / (1024 * 1024)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot open: %1").arg(file.errorString()));
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return fail(QStringLiteral("cannot read: %1").arg(file.errorString()));
    if (bytes.trimmed().isEmpty())
        return fail(QStringLiteral("file is empty; expected a JSON dataset"));
    return readBytes(bytes, path, info.absolutePath());
}

DatasetReader::Result DatasetReader::readBytes(const QByteArray &bytes, const QString &displayName,
                                               const QString &baseDirectory)
{
    Checker checker(displayName, baseDirectory);
    return checker.run(bytes);
}

} // namespace ntl
