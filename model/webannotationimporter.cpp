#include "webannotationimporter.h"

#include "articleimporter.h"
#include "boundeddom.h"
#include "codepointindex.h"
#include "datasetreader.h"
#include "eventdraft.h"
#include "jsonsyntax.h"
#include "passageanchor.h"
#include "regularfile.h"
#include "selectionpassage.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QUrl>

#include <memory>

namespace ntl {

namespace {

// What is read of an annotation file: the members below and nothing else (bounded, whatever
// else a file carries: Hypothesis's document metadata, permissions, links…). A member with a
// shape keeps its value whatever it is (a string, an object, an array of objects), as the
// formats allow; one without keeps only a plain value.
using Member = JsonShape::Member;
template <std::size_t N> constexpr JsonShape shapeOf(const Member (&members)[N]) {
    return JsonShape{members, N};
}
const Member listMembers[] = {{"", nullptr}}; // the elements of an array of strings (tags)
const JsonShape listShape = shapeOf(listMembers);
const Member selectorMembers[] = {{"type", &listShape}, {"exact", nullptr}, {"prefix", nullptr},
                                  {"suffix", nullptr},  {"start", nullptr}, {"end", nullptr}};
const JsonShape selectorShape = shapeOf(selectorMembers);
const Member targetMembers[] = {{"id", nullptr}, {"source", nullptr}, {"selector", &selectorShape}};
const JsonShape targetShape = shapeOf(targetMembers);
const Member bodyMembers[] = {{"type", &listShape}, {"purpose", &listShape}, {"value", nullptr}};
const JsonShape bodyShape = shapeOf(bodyMembers);
const Member annotationMembers[] = {
    {"id", nullptr},      {"type", &listShape},   {"motivation", &listShape},
    {"body", &bodyShape}, {"bodyValue", nullptr}, {"target", &targetShape},
    {"uri", nullptr},     {"text", nullptr},      {"tags", &listShape}};
const JsonShape annotationShape = shapeOf(annotationMembers);
const Member pageMembers[] = {{"type", &listShape}, {"items", &annotationShape}};
const JsonShape pageShape = shapeOf(pageMembers);
// The root: a collection, a page, one annotation (W3C or Hypothesis), Hypothesis's export or
// API answer; an array's elements have the same shape, so an array of annotations reads too.
// No shape holds itself, so the tree kept is never deeper than these few levels.
const Member rootMembers[] = {
    {"id", nullptr},           {"type", &listShape},        {"motivation", &listShape},
    {"body", &bodyShape},      {"bodyValue", nullptr},      {"target", &targetShape},
    {"uri", nullptr},          {"text", nullptr},           {"tags", &listShape},
    {"first", &pageShape},     {"items", &annotationShape}, {"annotations", &annotationShape},
    {"rows", &annotationShape}};
const JsonShape rootShape = shapeOf(rootMembers);

// The tree may cost this much plus treeFactor times the file's size: our own pretty-printed export
// costs about 3.1 times its size (measured on 30,000 annotations), so a 64 MiB file of real
// annotations fits in about 320 MiB, and a file of tiny values packed tight is refused.
constexpr qint64 treeBudget = 64 * 1024 * 1024;
constexpr qint64 treeFactor = 4;
// What all the annotations' anchoring may spend, as the reader's load does.
constexpr qint64 searchBudget = 1000000000;
// Warnings listed one by one; the rest are counted in one more.
constexpr int maxListedWarnings = 500;

QString text(const Json *value) {
    if (!value || !value->is_string())
        return QString();
    const JsonString &s = value->get_ref<const JsonString &>();
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

const Json *member(const Json &object, const char *key) {
    if (!object.is_object())
        return nullptr;
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

// A string or the strings of an array (`type`, `purpose`, `motivation`, `tags` may be either).
QStringList strings(const Json *value) {
    QStringList out;
    if (!value)
        return out;
    if (value->is_string())
        out.append(text(value));
    else if (value->is_array())
        for (const Json &element : *value)
            if (element.is_string())
                out.append(text(&element));
    return out;
}

// A value, an object or an array of them, as a list (how the model lets most members be).
QList<const Json *> oneOrMany(const Json *value) {
    QList<const Json *> out;
    if (!value || value->is_null())
        return out;
    if (value->is_array()) {
        for (const Json &element : *value)
            out.append(&element);
    } else {
        out.append(value);
    }
    return out;
}

std::optional<qint64> offset(const Json *value) {
    if (!value)
        return std::nullopt;
    if (value->is_number_unsigned())
        return qint64(std::min<Json::number_unsigned_t>(value->get<Json::number_unsigned_t>(),
                                                        Json::number_unsigned_t(1) << 53));
    if (value->is_number_integer() && value->get<Json::number_integer_t>() >= 0)
        return qint64(value->get<Json::number_integer_t>());
    return std::nullopt;
}

QString tr(const char *source) {
    return QCoreApplication::translate("ntl::WebAnnotationImporter", source);
}

// A quote as a message shows it: on one line, cut short.
QString shown(const QString &quote) {
    const QString line = ArticleImporter::oneLine(quote, 60);
    return line.size() < quote.simplified().size() ? line + QChar(0x2026) : line;
}

// The first line of an annotator's comment as an event title (at most EventDraft's length).
QString titleFromComment(const QString &comment) {
    QString line;
    for (const QString &candidate : comment.split(u'\n')) {
        line = ArticleImporter::oneLine(candidate);
        if (!line.isEmpty())
            break;
    }
    if (line.size() <= EventDraft::MaxTitleLength)
        return line;
    int cut = int(line.lastIndexOf(u' ', EventDraft::MaxTitleLength - 1));
    if (cut <= 0)
        cut = EventDraft::MaxTitleLength - 1;
    return line.left(cut).trimmed() + QChar(0x2026);
}

// Up to SelectionPassage::ContextLength code points before `at` and after `at`, never half a
// pair (SelectionPassage::make's context, without its trimming of the selection).
QString contextBefore(QStringView text, int at) {
    int from = at;
    for (int n = 0; n < SelectionPassage::ContextLength && from > 0; ++n) {
        --from;
        if (from > 0 && text.at(from).isLowSurrogate() && text.at(from - 1).isHighSurrogate())
            --from;
    }
    return text.mid(from, at - from).toString();
}
QString contextAfter(QStringView text, int at) {
    int to = at;
    for (int n = 0; n < SelectionPassage::ContextLength && to < text.size(); ++n) {
        ++to;
        if (to < text.size() && text.at(to).isLowSurrogate() && text.at(to - 1).isHighSurrogate())
            ++to;
    }
    return text.mid(at, to - at).toString();
}

// At most `length` UTF-16 units of `text`, never half a pair: a field the file's limits hold.
QString cut(const QString &text, qsizetype length) {
    if (text.size() <= length)
        return text;
    if (length > 0 && text.at(length - 1).isHighSurrogate())
        --length;
    return text.left(length);
}

// One annotation, as far as the import needs it.
struct Annotation {
    QString pointer;
    bool utf16Positions = false; // Hypothesis's TextPositionSelector counts UTF-16 units
    QString uri;                 // Hypothesis's document URI (a target's source when it has none)
    QString eventRef;            // an identifying body: our export's event id
    QString title;               // a describing body: our export's event title
    QString comment;             // a comment (Hypothesis `text`, a commenting or plain body)
    QStringList tags;
    QList<const Json *> targets;
};

Annotation describe(const Json &json, const QString &pointer) {
    Annotation a;
    a.pointer = pointer;
    // W3C annotations say they are one (type is a MUST); Hypothesis's own JSON does not.
    a.utf16Positions =
        !strings(member(json, "type")).contains(QStringLiteral("Annotation")) ||
        // Hypothesis's JSON-LD rendering says it is one but counts as it always does
        text(member(json, "id")).startsWith(QStringLiteral("https://hypothes.is/a/"));
    a.uri = text(member(json, "uri"));
    a.comment = text(member(json, "text"));
    a.tags = strings(member(json, "tags"));
    if (const QString value = text(member(json, "bodyValue"));
        !value.isEmpty() && a.comment.isEmpty())
        a.comment = value;
    for (const Json *body : oneOrMany(member(json, "body"))) {
        const QString value = text(member(*body, "value"));
        if (value.isEmpty())
            continue;
        const QStringList purposes = strings(member(*body, "purpose"));
        if (purposes.contains(QStringLiteral("identifying")) && a.eventRef.isEmpty())
            a.eventRef = value.trimmed();
        else if (purposes.contains(QStringLiteral("describing")) && a.title.isEmpty())
            a.title = value;
        else if (purposes.contains(QStringLiteral("tagging")))
            a.tags.append(value);
        else if (a.comment.isEmpty())
            a.comment = value;
    }
    for (const Json *target : oneOrMany(member(json, "target")))
        a.targets.append(target);
    return a;
}

class Importer {
public:
    Importer(const QString &fileName, const Dataset &base, const WebAnnotationImporter::Options &o)
        : m_file(fileName)
        , m_base(base)
        , m_options(o) {
        m_batch.sourceName = fileName;
        for (int i = 0; i < base.articles.size(); ++i) {
            const Article &article = base.articles.at(i);
            const QString url = WebAnnotationImporter::normalisedUrl(article.url);
            if (!url.isEmpty())
                m_byUrl[url].append(i);
            const QString hash = article.textSha256.isEmpty()
                                     ? ArticleImporter::textSha256(article.text)
                                     : article.textSha256.toLower();
            m_byHash[hash].append(i);
        }
        for (int i = 0; i < base.events.size(); ++i)
            m_baseEvents.insert(base.events.at(i).id, i);
        m_kind = EventDraft::usualKind(base);
    }

    ImportBatch run(const QByteArray &bytes);

private:
    void warn(const QString &pointer, const QString &message);
    void error(const QString &pointer, const QString &message);
    void collect(const Json &root);
    void import(const Annotation &annotation);
    // The articles a target's source names, and whether by the text's hash.
    QList<int> articlesOf(const QString &source, bool *byHash) const;
    const CodePointIndex &indexOf(int article);
    std::optional<SourcePassage> anchor(const Annotation &a, const Json &target, int articleIndex,
                                        bool byHash, QString *why);
    void attach(const Annotation &a, const Article &article, const SourcePassage &passage);
    bool taken(const QString &id) const {
        return m_baseEvents.contains(id) || m_newIds.contains(id);
    }

    QString m_file;
    const Dataset &m_base;
    WebAnnotationImporter::Options m_options;
    ImportBatch m_batch;
    QHash<QString, QList<int>> m_byUrl;
    QHash<QString, QList<int>> m_byHash;
    QHash<QString, int> m_baseEvents;
    QHash<int, std::shared_ptr<CodePointIndex>> m_indexes;
    QHash<QString, int> m_updated;  // event id -> index in m_batch.updatedEvents
    QHash<QString, int> m_namedNew; // identifying body -> index in m_batch.newEvents
    QSet<QString> m_newIds;
    QString m_kind;
    QList<std::pair<QString, const Json *>> m_annotations; // pointer, value
    int m_warnings = 0;
    int m_anchored = 0;
    qint64 m_budget = searchBudget;
};

void Importer::warn(const QString &pointer, const QString &message) {
    if (++m_warnings > maxListedWarnings)
        return;
    Diagnostic d = ArticleImporter::warning(m_file, message);
    d.jsonPath = pointer;
    m_batch.diagnostics.append(d);
}

void Importer::error(const QString &pointer, const QString &message) {
    Diagnostic d = ArticleImporter::error(m_file, message);
    d.jsonPath = pointer;
    m_batch.diagnostics.append(d);
}

void Importer::collect(const Json &root) {
    const auto addAll = [this](const Json *list, const QString &pointer) {
        if (!list || !list->is_array()) {
            error(pointer, tr("expected an array of annotations here"));
            return;
        }
        for (std::size_t i = 0; i < list->size(); ++i)
            m_annotations.append({pointer + u'/' + QString::number(i), &(*list)[i]});
    };
    if (root.is_array()) {
        addAll(&root, QString());
        return;
    }
    if (!root.is_object()) {
        error(QString(), tr("not a Web Annotation or Hypothesis file: expected an object or an "
                            "array of annotations"));
        return;
    }
    const QStringList types = strings(member(root, "type"));
    if (const Json *list = member(root, "annotations")) { // Hypothesis's export
        addAll(list, QStringLiteral("/annotations"));
    } else if (const Json *list = member(root, "rows")) { // Hypothesis's API search answer
        addAll(list, QStringLiteral("/rows"));
    } else if (const Json *first = member(root, "first")) {
        if (first->is_string()) {
            error(QStringLiteral("/first"),
                  tr("the collection's annotations are not in this file: its first page is "
                     "only named (%1); save the collection with its pages embedded")
                      .arg(shown(text(first))));
            return;
        }
        addAll(member(*first, "items"), QStringLiteral("/first/items"));
    } else if (member(root, "items")) { // a page, or a collection with its items inline
        addAll(member(root, "items"), QStringLiteral("/items"));
    } else if (types.contains(QStringLiteral("Annotation")) || member(root, "target")) {
        m_annotations.append({QString(), &root});
    } else {
        error(QString(), tr("not a Web Annotation or Hypothesis file: no annotations, items, "
                            "first page or target"));
    }
}

QList<int> Importer::articlesOf(const QString &source, bool *byHash) const {
    *byHash = false;
    static const QString urn = QStringLiteral("urn:sha256:");
    if (source.startsWith(urn, Qt::CaseInsensitive)) {
        *byHash = true;
        return m_byHash.value(source.mid(urn.size()).toLower());
    }
    const QString url = WebAnnotationImporter::normalisedUrl(source);
    return url.isEmpty() ? QList<int>() : m_byUrl.value(url);
}

const CodePointIndex &Importer::indexOf(int article) {
    std::shared_ptr<CodePointIndex> &index = m_indexes[article];
    if (!index)
        index = std::make_shared<CodePointIndex>(m_base.articles.at(article).text);
    return *index;
}

std::optional<SourcePassage> Importer::anchor(const Annotation &a, const Json &target,
                                              int articleIndex, bool byHash, QString *why) {
    const Article &article = m_base.articles.at(articleIndex);
    const QStringView articleText(article.text);
    QString exact, prefix, suffix;
    bool quoted = false;
    std::optional<qint64> start, end;
    for (const Json *selector : oneOrMany(member(target, "selector"))) {
        const QStringList types = strings(member(*selector, "type"));
        if (types.contains(QStringLiteral("TextQuoteSelector")) && !quoted) {
            exact = text(member(*selector, "exact"));
            prefix = text(member(*selector, "prefix"));
            suffix = text(member(*selector, "suffix"));
            quoted = true;
        } else if (types.contains(QStringLiteral("TextPositionSelector")) && !start) {
            start = offset(member(*selector, "start"));
            end = offset(member(*selector, "end"));
            if (!start || !end || *end < *start)
                start = end = std::nullopt;
        }
        // RangeSelector, XPathSelector, CssSelector… name places in a page's markup, which
        // an article's text has not kept.
    }
    // The position as a UTF-16 index into our text: a hint for the search, -1 when unknown.
    int hint = -1, hintEnd = -1;
    if (start) {
        if (a.utf16Positions) {
            if (*end <= articleText.size()) {
                hint = int(*start);
                hintEnd = int(*end);
            }
        } else {
            hint = indexOf(articleIndex).toUtf16(*start);
            hintEnd = indexOf(articleIndex).toUtf16(*end);
            if (hint < 0 || hintEnd < 0)
                hint = hintEnd = -1;
        }
    }
    if (!quoted || exact.isEmpty()) {
        // Only a position: exact when the text is the one annotated (its hash), never a guess
        // in a page whose text differs from the article's.
        if (!byHash || hint < 0 || hintEnd <= hint) {
            *why = tr("it has no TextQuoteSelector with the quoted words");
            return std::nullopt;
        }
        exact = articleText.mid(hint, hintEnd - hint).toString();
    }
    const PassageAnchor::Result result =
        PassageAnchor::anchor(articleText, exact, prefix, suffix, hint, &m_budget);
    switch (result.outcome) {
    case PassageAnchor::Outcome::NotFound:
        *why = tr("the quote \u201c%1\u201d is not in article %2").arg(shown(exact), article.id);
        return std::nullopt;
    case PassageAnchor::Outcome::TooCostly:
        *why = tr("finding the quote \u201c%1\u201d costs more than an import may spend")
                   .arg(shown(exact));
        return std::nullopt;
    case PassageAnchor::Outcome::Approximate:
        warn(a.pointer, tr("the quote \u201c%1\u201d anchored approximately in article %2 (%3 "
                           "edits): check the passage")
                            .arg(shown(exact), article.id)
                            .arg(result.edits));
        break;
    default:
        break;
    }

    if (result.end - result.start > DatasetReader::maxFieldLength("exact")) {
        *why = tr("the quoted passage is longer than a passage may be (%1 characters)")
                   .arg(DatasetReader::maxFieldLength("exact"));
        return std::nullopt;
    }
    SourcePassage passage;
    passage.articleId = article.id;
    passage.start = result.start;
    passage.end = result.end;
    passage.exact = articleText.mid(result.start, result.end - result.start).toString();
    // The annotation's context where it is the text's; else the text's own, as a selection's.
    // (A context far longer than a selection's is not kept: the file's limits must hold.)
    const qsizetype longest = 4 * SelectionPassage::ContextLength;
    passage.prefix = !prefix.isEmpty() && prefix.size() <= longest &&
                             articleText.left(result.start).endsWith(prefix)
                         ? prefix
                         : contextBefore(articleText, result.start);
    passage.suffix = !suffix.isEmpty() && suffix.size() <= longest &&
                             articleText.mid(result.end).startsWith(suffix)
                         ? suffix
                         : contextAfter(articleText, result.end);
    passage.storedStart = indexOf(articleIndex).toCodePoint(result.start);
    passage.storedEnd = indexOf(articleIndex).toCodePoint(result.end);
    return passage;
}

void Importer::attach(const Annotation &a, const Article &article, const SourcePassage &passage) {
    const auto alreadyThere = [&](const Event &event) {
        for (const SourcePassage &p : event.sources) {
            if (p.articleId == passage.articleId && p.start == passage.start &&
                p.end == passage.end) {
                warn(a.pointer,
                     tr("already a passage of event %1: not imported again").arg(event.id));
                return true;
            }
        }
        return false;
    };
    // The event: the one picked, else the one the body names (our own export), else one a
    // Hypothesis tag names.
    QString eventId = m_options.eventId;
    if (eventId.isEmpty() && m_baseEvents.contains(a.eventRef))
        eventId = a.eventRef;
    for (qsizetype i = 0; eventId.isEmpty() && i < a.tags.size(); ++i) {
        if (m_baseEvents.contains(a.tags.at(i).trimmed()))
            eventId = a.tags.at(i).trimmed();
    }
    if (!eventId.isEmpty()) {
        auto found = m_updated.constFind(eventId);
        if (found == m_updated.constEnd()) {
            m_batch.updatedEvents.append(m_base.events.at(m_baseEvents.value(eventId)));
            found = m_updated.insert(eventId, int(m_batch.updatedEvents.size() - 1));
        }
        Event &event = m_batch.updatedEvents[*found];
        if (!alreadyThere(event))
            event.sources.append(passage);
        ++m_anchored;
        return;
    }
    // An event the body names that the dataset does not have (a collection exported from
    // another dataset with the same articles): one new event for all its passages.
    if (const auto named = m_namedNew.constFind(a.eventRef); named != m_namedNew.constEnd()) {
        Event &event = m_batch.newEvents[*named];
        if (!alreadyThere(event))
            event.sources.append(passage);
        ++m_anchored;
        return;
    }
    const auto taken = [this](const QString &id) {
        return this->taken(id);
    };
    // As "New Event from Selection" makes one: the date read from the words, the kind most
    // events have.
    Event event = EventDraft::fromSelection(article, passage.start, passage.end, m_kind, taken);
    if (!event.date.start.isValid()) {
        warn(a.pointer, tr("no date for a new event: the quoted words name none and article %1 "
                           "has no publication date; not imported")
                            .arg(article.id));
        return;
    }
    if (!a.title.trimmed().isEmpty()) // as written: our own export's title comes back unchanged
        event.title = cut(a.title, DatasetReader::maxFieldLength("title"));
    else if (const QString title = titleFromComment(a.comment); !title.isEmpty())
        event.title = title;
    // The annotator's words, when the title does not hold them all.
    if (!a.comment.trimmed().isEmpty() && a.comment.trimmed() != event.title)
        event.note = cut(a.comment.trimmed(), DatasetReader::maxFieldLength("note"));
    const bool usableRef = !a.eventRef.isEmpty() &&
                           a.eventRef.size() <= DatasetReader::maxFieldLength("id") &&
                           std::none_of(a.eventRef.cbegin(), a.eventRef.cend(),
                                        [](QChar c) { return c.isSpace() || c.isNull(); });
    event.id = usableRef && !taken(a.eventRef) ? a.eventRef : EventDraft::newId(event.title, taken);
    event.sources = {passage};
    m_newIds.insert(event.id);
    m_batch.newEvents.append(event);
    if (!a.eventRef.isEmpty())
        m_namedNew.insert(a.eventRef, int(m_batch.newEvents.size() - 1));
    ++m_anchored;
}

void Importer::import(const Annotation &a) {
    if (a.targets.isEmpty()) {
        warn(a.pointer, tr("the annotation has no target: not imported"));
        return;
    }
    for (qsizetype i = 0; i < a.targets.size(); ++i) {
        const Json &target = *a.targets.at(i);
        const QString which = a.targets.size() > 1 ? tr("target %1: ").arg(i) : QString();
        if (target.is_string()) {
            warn(a.pointer, which + tr("it annotates the whole of %1, not words in it: not "
                                       "imported")
                                        .arg(shown(text(&target))));
            continue;
        }
        QString source = text(member(target, "source"));
        if (source.isEmpty())
            source = a.uri; // Hypothesis's document URI
        if (source.isEmpty()) {
            warn(a.pointer, which + tr("the target names no source document: not imported"));
            continue;
        }
        bool byHash = false;
        const QList<int> articles = articlesOf(source, &byHash);
        if (articles.isEmpty()) {
            warn(a.pointer, which + tr("its source %1 is no article of the dataset (by URL or "
                                       "urn:sha256: of the text): not imported")
                                        .arg(shown(source)));
            continue;
        }
        QString why;
        bool anchored = false;
        for (const int index : articles) {
            QString whyHere;
            if (const auto passage = anchor(a, target, index, byHash, &whyHere)) {
                attach(a, m_base.articles.at(index), *passage);
                anchored = true;
                break;
            }
            if (why.isEmpty())
                why = whyHere;
        }
        if (!anchored)
            warn(a.pointer, which + tr("it does not anchor: %1; not imported").arg(why));
    }
}

ImportBatch Importer::run(const QByteArray &bytes) {
    if (bytes.size() > WebAnnotationImporter::maxFileSize) {
        error(QString(),
              tr("the file is larger than %1 MiB").arg(WebAnnotationImporter::maxFileSize >> 20));
        return m_batch;
    }
    const std::string_view json(bytes.constData(), std::size_t(bytes.size()));
    std::atomic<qint64> budget{treeBudget + treeFactor * qint64(bytes.size())};
    Json root;
    switch (BoundedDom::parse(json, &rootShape, budget, root)) {
    case BoundedDom::Outcome::SyntaxError:
        if (std::optional<Diagnostic> d = JsonSyntax::firstError(json, m_file))
            m_batch.diagnostics.append(*d);
        else
            error(QString(), tr("not valid JSON"));
        return m_batch;
    case BoundedDom::Outcome::TooLarge:
        error(QString(), tr("the annotations take more memory than an import may use"));
        return m_batch;
    case BoundedDom::Outcome::Parsed:
        break;
    }
    collect(root);
    if (m_batch.hasErrors())
        return m_batch;
    if (m_annotations.isEmpty()) {
        error(QString(), tr("the file holds no annotations"));
        return m_batch;
    }
    if (m_annotations.size() > WebAnnotationImporter::maxAnnotations) {
        error(QString(), tr("the file holds %1 annotations; at most %2 are imported at once")
                             .arg(m_annotations.size())
                             .arg(WebAnnotationImporter::maxAnnotations));
        return m_batch;
    }
    if (!m_options.eventId.isEmpty() && !m_baseEvents.contains(m_options.eventId)) {
        error(QString(),
              tr("the dataset has no event %1 to add the passages to").arg(m_options.eventId));
        return m_batch;
    }
    for (const auto &[pointer, value] : std::as_const(m_annotations)) {
        if (!value->is_object()) {
            warn(pointer, tr("not an annotation (an object was expected): not imported"));
            continue;
        }
        import(describe(*value, pointer));
    }
    if (m_warnings > maxListedWarnings) {
        Diagnostic more = ArticleImporter::warning(
            m_file, tr("and %1 more warnings").arg(m_warnings - maxListedWarnings));
        m_batch.diagnostics.append(more);
    }
    if (m_anchored == 0)
        error(QString(), tr("no annotation of the %1 in the file anchors in an article of the "
                            "dataset")
                             .arg(m_annotations.size()));
    return m_batch;
}

} // namespace

ImportBatch WebAnnotationImporter::read(const QByteArray &bytes, const QString &fileName,
                                        const Dataset &base, const Options &options) {
    return Importer(fileName, base, options).run(bytes);
}

ImportBatch WebAnnotationImporter::readFile(const QString &path, const Dataset &base,
                                            const Options &options) {
    RegularFile file;
    QByteArray bytes;
    QString why;
    if (!file.open(path, &why) || !file.readAll(maxFileSize, &bytes, &why)) {
        ImportBatch batch;
        batch.sourceName = path;
        batch.diagnostics.append(
            ArticleImporter::error(path, tr("cannot read the annotations: %1").arg(why)));
        return batch;
    }
    return read(bytes, path, base, options);
}

bool WebAnnotationImporter::looksLikeAnnotations(const QByteArray &bytes) {
    // The start of the file is enough: these names come first in every such file seen.
    const QByteArray start = bytes.left(64 * 1024);
    for (const char *mark : {"\"AnnotationCollection\"", "\"AnnotationPage\"", "\"Annotation\"",
                             "anno.jsonld", "\"export_userid\"", "\"TextQuoteSelector\""}) {
        if (start.contains(mark))
            return true;
    }
    return false;
}

QString WebAnnotationImporter::normalisedUrl(const QString &text) {
    QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.isRelative())
        return QString();
    url.setFragment(QString());
    url.setScheme(url.scheme().toLower());
    url.setHost(url.host().toLower()); // QUrl lower-cases registered names; IP literals stay
    if ((url.scheme() == u"http" && url.port() == 80) ||
        (url.scheme() == u"https" && url.port() == 443))
        url.setPort(-1);
    QString path = url.path(QUrl::FullyEncoded);
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path, QUrl::TolerantMode);
    return url.toString(QUrl::FullyEncoded | QUrl::NormalizePathSegments | QUrl::RemoveFragment);
}

} // namespace ntl
