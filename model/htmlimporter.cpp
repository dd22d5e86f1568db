#include "htmlimporter.h"

#include "plaintextimporter.h"
#include "utf8.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <nlohmann/json.hpp>

#include <QSet>

#include <mutex>

namespace ntl {

namespace {

using Json = nlohmann::json;

QString utf8(const xmlChar *text) {
    return text ? QString::fromUtf8(reinterpret_cast<const char *>(text)) : QString();
}

QByteArray name(const xmlNode *node) {
    return node->name ? QByteArray(reinterpret_cast<const char *>(node->name)).toLower()
                      : QByteArray();
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
const QSet<QString> &boilerplateWords() {
    static const QSet<QString> words{
        QStringLiteral("share"),        QStringLiteral("sharing"),
        QStringLiteral("social"),       QStringLiteral("cookie"),
        QStringLiteral("cookies"),      QStringLiteral("consent"),
        QStringLiteral("gdpr"),         QStringLiteral("subscribe"),
        QStringLiteral("subscription"), QStringLiteral("newsletter"),
        QStringLiteral("signup"),       QStringLiteral("related"),
        QStringLiteral("recommended"),  QStringLiteral("promo"),
        QStringLiteral("advert"),       QStringLiteral("advertisement"),
        QStringLiteral("ad"),           QStringLiteral("ads"),
        QStringLiteral("adslot"),       QStringLiteral("sponsor"),
        QStringLiteral("sponsored"),    QStringLiteral("comment"),
        QStringLiteral("comments"),     QStringLiteral("breadcrumb"),
        QStringLiteral("breadcrumbs"),  QStringLiteral("popup"),
        QStringLiteral("modal"),        QStringLiteral("paywall"),
        QStringLiteral("sidebar"),      QStringLiteral("outbrain"),
        QStringLiteral("taboola"),      QStringLiteral("hidden")};
    return words;
}

bool hasBoilerplateName(const QString &value) {
    const QString lower = value.toLower();
    // Screen-reader-only labels ("Advertisement", "Skip to content").
    for (const QString &whole :
         {QStringLiteral("sr-only"), QStringLiteral("visually-hidden"),
          QStringLiteral("screen-reader-text"), QStringLiteral("skip-link")}) {
        if (lower.split(u' ').contains(whole))
            return true;
    }
    QString word;
    for (qsizetype i = 0; i <= lower.size(); ++i) {
        const QChar c = i < lower.size() ? lower.at(i) : QChar(u' ');
        if (c.isLetterOrNumber()) {
            word.append(c);
            continue;
        }
        if (boilerplateWords().contains(word))
            return true;
        word.clear();
    }
    return false;
}

bool isHidden(const xmlNode *node) {
    if (hasAttribute(node, "hidden"))
        return true;
    if (attribute(node, "aria-hidden")
            .trimmed()
            .compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
        return true;
    QString style = attribute(node, "style").toLower();
    style.remove(u' ');
    return style.contains(QLatin1String("display:none")) ||
           style.contains(QLatin1String("visibility:hidden"));
}

bool isLeftOut(const xmlNode *node, bool useHints) {
    if (leftOutElements().contains(name(node)) || isHidden(node))
        return true;
    if (leftOutRoles().contains(attribute(node, "role").trimmed().toLower()))
        return true;
    return useHints && (hasBoilerplateName(attribute(node, "class")) ||
                        hasBoilerplateName(attribute(node, "id")));
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
        for (const QChar c : value) {
            if (preformatted && c == u'\n') {
                breakLine();
            } else if (c.isSpace()) { // no-break spaces too: they are spaces in the text
                m_space = !m_current.isEmpty();
            } else {
                if (m_space)
                    m_current.append(u' ');
                m_space = false;
                m_current.append(c);
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
        const qsizetype length = textOf(candidate).size();
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
