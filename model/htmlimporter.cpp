#include "htmlimporter.h"

#include "plaintextimporter.h"
#include "utf8.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <nlohmann/json.hpp>

#include <QSet>

#include <cstring>
#include <mutex>

namespace ntl {

namespace {

using Json = nlohmann::json;

QString utf8(const xmlChar *text) {
    return text ? QString::fromUtf8(reinterpret_cast<const char *>(text)) : QString();
}

// The element's name without a copy: the HTML parser writes names in lower case.
QByteArray name(const xmlNode *node) {
    return node->name ? QByteArray::fromRawData(
                            reinterpret_cast<const char *>(node->name),
                            qsizetype(std::strlen(reinterpret_cast<const char *>(node->name))))
                      : QByteArray();
}

// An attribute's value as the parser stored it (one text node), without a copy; null when
// the attribute is absent. The walk asks each element for several, so no strings are made.
const char *rawAttribute(const xmlNode *node, const char *attributeName) {
    for (const xmlAttr *a = node->properties; a; a = a->next) {
        if (a->name && qstricmp(reinterpret_cast<const char *>(a->name), attributeName) == 0) {
            const xmlNode *child = a->children;
            return child && child->type == XML_TEXT_NODE && child->content
                       ? reinterpret_cast<const char *>(child->content)
                       : "";
        }
    }
    return nullptr;
}

QString attribute(const xmlNode *node, const char *attributeName) {
    for (const xmlAttr *a = node->properties; a; a = a->next) {
        if (a->name && qstricmp(reinterpret_cast<const char *>(a->name), attributeName) == 0) {
            QString value;
            for (const xmlNode *child = a->children; child; child = child->next) {
                if (child->type == XML_TEXT_NODE)
                    value += utf8(child->content);
            }
            return value;
        }
    }
    return {};
}

bool hasAttribute(const xmlNode *node, const char *attributeName) {
    for (const xmlAttr *a = node->properties; a; a = a->next) {
        if (a->name && qstricmp(reinterpret_cast<const char *>(a->name), attributeName) == 0)
            return true;
    }
    return false;
}

bool isElement(const xmlNode *node) {
    return node->type == XML_ELEMENT_NODE;
}

// Elements whose content is never the article's text.
const QSet<QByteArray> &leftOutElements() {
    static const QSet<QByteArray> names{
        "nav",      "header", "footer",   "aside",    "script", "style", "noscript", "form",
        "iframe",   "frame",  "frameset", "template", "svg",    "math",  "button",   "select",
        "textarea", "input",  "object",   "embed",    "canvas", "video", "audio",    "figure",
        "dialog",   "menu",   "head",     "title",    "link",   "meta",  "picture",  "map"};
    return names;
}

// Landmark roles that are not the article.
const QSet<QString> &leftOutRoles() {
    static const QSet<QString> roles{
        QStringLiteral("navigation"),    QStringLiteral("banner"), QStringLiteral("contentinfo"),
        QStringLiteral("complementary"), QStringLiteral("search"), QStringLiteral("dialog"),
        QStringLiteral("alertdialog"),   QStringLiteral("menu"),   QStringLiteral("menubar"),
        QStringLiteral("toolbar"),       QStringLiteral("form")};
    return roles;
}

// Words in a class or id that mark boilerplate: sharing, cookie and consent banners,
// subscription boxes, "related" lists, advertising, comments.
const QSet<QByteArray> &boilerplateWords() {
    static const QSet<QByteArray> words{
        "share",       "sharing",   "social",       "cookie",        "cookies",  "consent",
        "gdpr",        "subscribe", "subscription", "newsletter",    "signup",   "related",
        "recommended", "promo",     "advert",       "advertisement", "ad",       "ads",
        "adslot",      "sponsor",   "sponsored",    "comment",       "comments", "breadcrumb",
        "breadcrumbs", "popup",     "modal",        "paywall",       "sidebar",  "outbrain",
        "taboola",     "hidden"};
    return words;
}

bool hasBoilerplateName(const char *value) {
    if (!value || !*value)
        return false;
    // Words of ASCII letters and digits, lower-cased; whole tokens for screen-reader labels.
    static const QSet<QByteArray> wholeTokens{"sr-only", "visually-hidden", "screen-reader-text",
                                              "skip-link"};
    QByteArray token;
    QByteArray word;
    for (const char *c = value;; ++c) {
        const char lower = (*c >= 'A' && *c <= 'Z') ? char(*c - 'A' + 'a') : *c;
        const bool alnum = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9');
        if (alnum) {
            word.append(lower);
        } else {
            if (!word.isEmpty() && boilerplateWords().contains(word))
                return true;
            word.clear();
        }
        if (*c == 0 || *c == ' ' || *c == '\t' || *c == '\n') {
            if (wholeTokens.contains(token))
                return true;
            token.clear();
        } else {
            token.append(lower);
        }
        if (*c == 0)
            return false;
    }
}

bool equalsIgnoringCase(const char *value, const char *expected) {
    if (!value)
        return false;
    while (*value == ' ')
        ++value;
    QByteArray trimmed(value);
    return qstricmp(trimmed.trimmed().constData(), expected) == 0;
}

bool isHidden(const xmlNode *node) {
    if (!node->properties)
        return false;
    if (rawAttribute(node, "hidden") ||
        equalsIgnoringCase(rawAttribute(node, "aria-hidden"), "true"))
        return true;
    const char *style = rawAttribute(node, "style");
    if (!style || !*style)
        return false;
    QByteArray compact = QByteArray(style).toLower();
    compact.replace(" ", "");
    return compact.contains("display:none") || compact.contains("visibility:hidden");
}

bool isLeftOut(const xmlNode *node, bool useHints) {
    if (leftOutElements().contains(name(node)))
        return true;
    if (!node->properties)
        return false;
    if (isHidden(node))
        return true;
    if (const char *role = rawAttribute(node, "role");
        role && leftOutRoles().contains(QString::fromUtf8(role).trimmed().toLower()))
        return true;
    return useHints && (hasBoilerplateName(rawAttribute(node, "class")) ||
                        hasBoilerplateName(rawAttribute(node, "id")));
}

const QSet<QByteArray> &blockElements() {
    static const QSet<QByteArray> names{
        "p",       "div",     "section",    "article", "main",   "body",    "h1",      "h2",
        "h3",      "h4",      "h5",         "h6",      "li",     "ul",      "ol",      "dl",
        "dt",      "dd",      "blockquote", "pre",     "table",  "tr",      "td",      "th",
        "caption", "address", "figcaption", "hr",      "center", "details", "summary", "fieldset",
        "legend",  "hgroup",  "tbody",      "thead",   "tfoot"};
    return names;
}

// Collects text one line per block, white space collapsed as a browser shows it.
class Lines {
public:
    void text(const QString &value, bool preformatted) {
        // Runs of characters that are not spaces are appended whole.
        const QChar *data = value.constData();
        const qsizetype size = value.size();
        qsizetype i = 0;
        while (i < size) {
            const QChar c = data[i];
            if (preformatted && c == u'\n') {
                breakLine();
                ++i;
            } else if (c.isSpace()) { // no-break spaces too: they are spaces in the text
                m_space = !m_current.isEmpty();
                ++i;
            } else {
                qsizetype end = i + 1;
                while (end < size && !data[end].isSpace())
                    ++end;
                if (m_space)
                    m_current.append(u' ');
                m_space = false;
                m_current.append(data + i, end - i);
                i = end;
            }
        }
    }
    void breakLine() {
        if (!m_current.isEmpty())
            m_lines.append(m_current);
        m_current.clear();
        m_space = false;
    }
    QStringList take() {
        breakLine();
        return std::move(m_lines);
    }

private:
    QStringList m_lines;
    QString m_current;
    bool m_space = false;
};

struct Walk {
    bool useHints = true;
    bool tooDeep = false;
    Lines lines;

    void element(const xmlNode *node, int depth, bool preformatted) {
        if (depth > HtmlImporter::maxDepth) {
            tooDeep = true;
            return;
        }
        for (const xmlNode *child = node->children; child; child = child->next) {
            if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
                lines.text(utf8(child->content), preformatted);
            } else if (isElement(child) && !isLeftOut(child, useHints)) {
                const QByteArray tag = name(child);
                if (tag == "br") {
                    lines.breakLine();
                    continue;
                }
                const bool block = blockElements().contains(tag);
                if (block)
                    lines.breakLine();
                element(child, depth + 1, preformatted || tag == "pre");
                if (block)
                    lines.breakLine();
            }
        }
    }
};

// All the text under `node`, on one line (a headline).
QString textOf(const xmlNode *node) {
    Walk walk;
    walk.useHints = false;
    walk.element(node, 0, false);
    return walk.lines.take().join(u' ');
}

// Bytes of text under `node` outside scripts and styles: enough to tell the article from
// teasers, without making strings.
qsizetype textLength(const xmlNode *node, int depth) {
    qsizetype length = 0;
    if (depth > HtmlImporter::maxDepth)
        return 0;
    for (const xmlNode *child = node->children; child; child = child->next) {
        if (child->type == XML_TEXT_NODE && child->content) {
            length += qsizetype(std::strlen(reinterpret_cast<const char *>(child->content)));
        } else if (isElement(child)) {
            const QByteArray tag = name(child);
            if (tag != "script" && tag != "style")
                length += textLength(child, depth + 1);
        }
    }
    return length;
}

// What the page says of itself, and where its article is.
struct Page {
    QHash<QString, QString> meta; // first content per property or name, lower-case keys
    QString titleTag;
    QString canonical;
    QString timePreferred; // <time itemprop=datePublished> or <time pubdate>
    QString timeFirst;
    QList<QByteArray> jsonLd;
    QList<const xmlNode *> articles;
    const xmlNode *main = nullptr;
    const xmlNode *body = nullptr;
    bool tooDeep = false;

    void scan(const xmlNode *node, int depth) {
        if (depth > HtmlImporter::maxDepth) {
            tooDeep = true;
            return;
        }
        for (const xmlNode *child = node->children; child; child = child->next) {
            if (!isElement(child))
                continue;
            const QByteArray tag = name(child);
            if (tag == "meta") {
                const QString content = attribute(child, "content");
                for (const char *key : {"property", "name", "itemprop"}) {
                    const QString k = attribute(child, key).trimmed().toLower();
                    if (!k.isEmpty() && !meta.contains(k))
                        meta.insert(k, content);
                }
            } else if (tag == "title" && titleTag.isEmpty()) {
                titleTag = textOf(child);
            } else if (tag == "link") {
                const QStringList rel =
                    attribute(child, "rel").toLower().split(u' ', Qt::SkipEmptyParts);
                if (rel.contains(QLatin1String("canonical")) && canonical.isEmpty())
                    canonical = attribute(child, "href");
            } else if (tag == "time" && hasAttribute(child, "datetime")) {
                const QString value = attribute(child, "datetime");
                if (timePreferred.isEmpty() &&
                    (hasAttribute(child, "pubdate") ||
                     attribute(child, "itemprop").trimmed() == QLatin1String("datePublished")))
                    timePreferred = value;
                if (timeFirst.isEmpty())
                    timeFirst = value;
            } else if (tag == "script") {
                if (attribute(child, "type").trimmed().toLower() ==
                    QLatin1String("application/ld+json")) {
                    QByteArray content;
                    for (const xmlNode *text = child->children; text; text = text->next) {
                        if (text->content)
                            content += reinterpret_cast<const char *>(text->content);
                    }
                    jsonLd.append(content);
                }
                continue; // a script's text is never the page's
            } else if (tag == "article") {
                articles.append(child);
            } else if ((tag == "main" ||
                        attribute(child, "role").trimmed() == QLatin1String("main")) &&
                       !main) {
                main = child;
            } else if (tag == "body" && !body) {
                body = child;
            }
            scan(child, depth + 1);
        }
    }
};

// Nesting of a JSON text, counted outside strings: nlohmann's parser recurses per level.
bool jsonDepthWithin(const QByteArray &text, int limit) {
    int depth = 0;
    bool inString = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > limit)
                return false;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return true;
}

QString jsonString(const Json &object, const char *key) {
    const auto it = object.find(key);
    if (it == object.end())
        return {};
    if (it->is_string())
        return QString::fromStdString(it->get<std::string>());
    if (it->is_array() && !it->empty() && it->front().is_string())
        return QString::fromStdString(it->front().get<std::string>());
    return {};
}

bool isArticleType(const Json &object) {
    const auto it = object.find("@type");
    if (it == object.end())
        return false;
    const auto matches = [](const Json &type) {
        if (!type.is_string())
            return false;
        const std::string &t = type.get_ref<const std::string &>();
        return t.size() >= 7 && t.compare(t.size() - 7, 7, "Article") == 0
                   ? true
                   : t == "ReportageNews" || t == "BlogPosting" || t == "LiveBlogPosting";
    };
    if (it->is_array())
        return std::any_of(it->begin(), it->end(), matches);
    return matches(*it);
}

struct JsonLdFacts {
    QString headline;
    QString datePublished;
    QString publisher;
    QString url;
};

// The first article-typed object's facts (else any object's with a datePublished), its
// publisher followed through an "@id" reference within the same block.
JsonLdFacts readJsonLd(const QList<QByteArray> &blocks, Diagnostics *diagnostics,
                       const QString &displayName) {
    JsonLdFacts facts;
    for (const QByteArray &block : blocks) {
        if (block.size() > HtmlImporter::maxJsonLdSize || !jsonDepthWithin(block, 64)) {
            diagnostics->append(ArticleImporter::warning(
                displayName, HtmlImporter::tr("a JSON-LD block larger than 1 MB or nested "
                                              "deeper than 64 levels was not read")));
            continue;
        }
        const Json root =
            Json::parse(block.constData(), block.constData() + block.size(), nullptr, false);
        if (root.is_discarded())
            continue; // pages carry broken JSON-LD often enough; the other sources remain
        std::vector<const Json *> objects;
        const auto add = [&objects](const Json &value) {
            if (value.is_object())
                objects.push_back(&value);
        };
        const auto addWithGraph = [&](const Json &value) {
            add(value);
            if (value.is_object()) {
                const auto graph = value.find("@graph");
                if (graph != value.end() && graph->is_array())
                    for (const Json &item : *graph)
                        add(item);
            }
        };
        if (root.is_array())
            for (const Json &item : root)
                addWithGraph(item);
        else
            addWithGraph(root);
        const Json *chosen = nullptr;
        for (const Json *object : objects) {
            if (isArticleType(*object)) {
                chosen = object;
                break;
            }
        }
        for (const Json *object : objects) {
            if (!chosen && object->contains("datePublished"))
                chosen = object;
        }
        if (!chosen)
            continue;
        if (facts.headline.isEmpty())
            facts.headline = jsonString(*chosen, "headline");
        if (facts.datePublished.isEmpty())
            facts.datePublished = jsonString(*chosen, "datePublished");
        if (facts.url.isEmpty())
            facts.url = jsonString(*chosen, "url");
        if (facts.url.isEmpty()) {
            const auto page = chosen->find("mainEntityOfPage");
            if (page != chosen->end())
                facts.url = page->is_string()   ? QString::fromStdString(page->get<std::string>())
                            : page->is_object() ? jsonString(*page, "@id")
                                                : QString();
        }
        if (facts.publisher.isEmpty()) {
            auto publisher = chosen->find("publisher");
            if (publisher != chosen->end()) {
                const Json *p = &*publisher;
                if (p->is_array() && !p->empty())
                    p = &p->front();
                if (p->is_string()) {
                    facts.publisher = QString::fromStdString(p->get<std::string>());
                } else if (p->is_object()) {
                    facts.publisher = jsonString(*p, "name");
                    const QString reference = jsonString(*p, "@id");
                    for (const Json *object : objects) {
                        if (facts.publisher.isEmpty() && !reference.isEmpty() &&
                            jsonString(*object, "@id") == reference)
                            facts.publisher = jsonString(*object, "name");
                    }
                }
            }
        }
    }
    return facts;
}

QDate dateFrom(const QString &value) {
    const QString trimmed = value.trimmed();
    if (trimmed.size() < 10)
        return {};
    return QDate::fromString(trimmed.left(10), Qt::ISODate);
}

QString webUrl(const QString &value) {
    const QString trimmed = value.trimmed();
    const bool web = trimmed.startsWith(QLatin1String("https://"), Qt::CaseInsensitive) ||
                     trimmed.startsWith(QLatin1String("http://"), Qt::CaseInsensitive);
    if (!web || trimmed.size() > 2048)
        return {};
    for (const QChar c : trimmed) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return {};
    }
    return trimmed;
}

template <typename... Values> QString firstOf(const Values &...values) {
    for (const QString &value : {values...}) {
        if (!ArticleImporter::oneLine(value).isEmpty())
            return value;
    }
    return {};
}

const xmlNode *firstH1(const xmlNode *node, int depth) {
    if (depth > HtmlImporter::maxDepth)
        return nullptr;
    for (const xmlNode *child = node->children; child; child = child->next) {
        if (!isElement(child))
            continue;
        if (name(child) == "h1")
            return child;
        const QByteArray tag = name(child);
        if (tag == "script" || tag == "style" || tag == "nav" || tag == "aside" || tag == "footer")
            continue;
        if (const xmlNode *found = firstH1(child, depth + 1))
            return found;
    }
    return nullptr;
}

} // namespace

ArticleImporter::Result HtmlImporter::read(const QByteArray &bytes, const QString &displayName,
                                           const QDate &fallbackDate) {
    if (bytes.size() > maxHtmlSize)
        return {
            std::nullopt,
            {ArticleImporter::error(displayName, tr("the page is %1 bytes; at most %2 are imported")
                                                     .arg(bytes.size())
                                                     .arg(maxHtmlSize))}};
    static std::once_flag initialised;
    std::call_once(initialised, [] { xmlInitParser(); });

    // Well-formed UTF-8 is read as UTF-8 whatever the page claims; otherwise libxml2 goes
    // by the byte-order mark or the page's own charset (else Latin-1, as browsers do).
    const bool isUtf8 =
        !bytes.startsWith("\xff\xfe") && !bytes.startsWith("\xfe\xff") && invalidUtf8At(bytes) < 0;
    // No network, no entity loading (the HTML parser loads none; NONET forbids it anyway),
    // errors recovered silently as a browser would.
    const int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_RECOVER | HTML_PARSE_NODEFDTD;
    const std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> document(
        htmlReadMemory(bytes.constData(), int(bytes.size()), nullptr, isUtf8 ? "UTF-8" : nullptr,
                       options),
        xmlFreeDoc);
    if (!document || !xmlDocGetRootElement(document.get()))
        return {std::nullopt,
                {ArticleImporter::error(displayName, tr("not a readable HTML page"))}};

    Diagnostics diagnostics;
    Page page;
    page.scan(reinterpret_cast<const xmlNode *>(document.get()), 0);
    const JsonLdFacts jsonLd = readJsonLd(page.jsonLd, &diagnostics, displayName);

    // The article: the <article> with the most text (a page may list teasers as articles
    // too), else <main>, else the body, else the whole document.
    const xmlNode *root = nullptr;
    qsizetype longest = -1;
    for (const xmlNode *candidate : page.articles) {
        const qsizetype length = textLength(candidate, 0);
        if (length > longest) {
            longest = length;
            root = candidate;
        }
    }
    if (!root || longest == 0)
        root = page.main ? page.main : page.body;
    if (!root)
        root = xmlDocGetRootElement(document.get());

    Walk walk;
    walk.element(root, 0, false);
    QStringList lines = walk.lines.take();
    if (lines.isEmpty()) {
        // Hints by class or id were wrong for this page (a wrapper named "has-sidebar"…).
        Walk plain;
        plain.useHints = false;
        plain.element(root, 0, false);
        lines = plain.lines.take();
        walk.tooDeep = walk.tooDeep || plain.tooDeep;
    }
    if (page.tooDeep || walk.tooDeep)
        diagnostics.append(ArticleImporter::warning(
            displayName, tr("elements nested deeper than %1 levels were left out").arg(maxDepth)));

    const xmlNode *h1 = firstH1(root, 0);
    if (!h1)
        h1 = firstH1(reinterpret_cast<const xmlNode *>(document.get()), 0);
    const QString h1Text = h1 ? ArticleImporter::oneLine(textOf(h1)) : QString();

    Article article;
    article.title = firstOf(page.meta.value(QStringLiteral("og:title")), jsonLd.headline, h1Text,
                            page.titleTag);
    article.publisher = firstOf(page.meta.value(QStringLiteral("og:site_name")), jsonLd.publisher,
                                page.meta.value(QStringLiteral("application-name")));
    for (const QString &date :
         {page.meta.value(QStringLiteral("article:published_time")), jsonLd.datePublished,
          page.meta.value(QStringLiteral("datepublished")), page.timePreferred, page.timeFirst,
          page.meta.value(QStringLiteral("date")), page.meta.value(QStringLiteral("dc.date")),
          page.meta.value(QStringLiteral("dcterms.date"))}) {
        article.published = dateFrom(date);
        if (article.published.isValid())
            break;
    }
    for (const QString &url :
         {page.canonical, page.meta.value(QStringLiteral("og:url")), jsonLd.url}) {
        article.url = webUrl(url);
        if (!article.url.isEmpty())
            break;
    }

    // The text begins with the headline, once, then the paragraphs.
    const QString headline = ArticleImporter::oneLine(
        firstOf(h1Text, jsonLd.headline, page.meta.value(QStringLiteral("og:title")),
                page.titleTag),
        100000);
    lines.removeOne(headline);
    if (lines.isEmpty()) {
        diagnostics.append(ArticleImporter::error(
            displayName, tr("the page has no article text (it may be filled in by scripts, "
                            "which are not run): save it once it has loaded, or paste its text")));
        return {std::nullopt, diagnostics};
    }
    if (!headline.isEmpty())
        lines.prepend(headline);
    QString text = lines.join(u'\n') + u'\n';
    if (!PlainTextImporter::normalise(&text, displayName, &diagnostics))
        return {std::nullopt, diagnostics};
    article.text = std::move(text);
    return ArticleImporter::finish(std::move(article), std::move(diagnostics), displayName,
                                   fallbackDate);
}

} // namespace ntl
