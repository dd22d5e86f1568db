#include "htmlfragmenttext.h"

#include <QByteArray>
#include <QSet>
#include <QStringList>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <memory>

namespace ntl {

namespace {

bool isBlock(const QByteArray &tag) {
    static const QSet<QByteArray> names{
        "p",          "div", "section", "article", "h1",      "h2",         "h3", "h4",
        "h5",         "h6",  "li",      "ul",      "ol",      "dl",         "dt", "dd",
        "blockquote", "pre", "table",   "tr",      "caption", "figcaption", "hr", "address"};
    return names.contains(tag);
}

bool isLeftOut(const QByteArray &tag) {
    static const QSet<QByteArray> names{"script", "style",  "template", "noscript", "head",
                                        "iframe", "object", "svg",      "math"};
    return names.contains(tag);
}

bool hasClass(const xmlNode *node, const QString &wanted) {
    if (wanted.isEmpty())
        return false;
    xmlChar *value = xmlGetProp(node, reinterpret_cast<const xmlChar *>("class"));
    if (!value)
        return false;
    const QString classes = QString::fromUtf8(reinterpret_cast<const char *>(value));
    xmlFree(value);
    return classes.split(u' ', Qt::SkipEmptyParts).contains(wanted);
}

struct Walk {
    QString skipClass;
    QStringList lines;
    QString line;
    bool space = false;

    void breakLine() {
        const QString done = line.trimmed();
        if (!done.isEmpty())
            lines.append(done);
        line.clear();
        space = false;
    }
    void text(const QString &value) {
        for (const QChar c : value) {
            if (c.isSpace()) {
                space = !line.isEmpty();
                continue;
            }
            if (space)
                line += u' ';
            space = false;
            line += c;
        }
    }
    void element(const xmlNode *node, int depth) {
        if (depth > HtmlFragmentText::maxDepth)
            return;
        for (const xmlNode *child = node->children; child; child = child->next) {
            if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
                text(QString::fromUtf8(reinterpret_cast<const char *>(child->content)));
                continue;
            }
            if (child->type != XML_ELEMENT_NODE)
                continue;
            const QByteArray tag =
                QByteArray(reinterpret_cast<const char *>(child->name)).toLower();
            if (isLeftOut(tag) || hasClass(child, skipClass))
                continue;
            if (tag == "br") {
                breakLine();
                continue;
            }
            const bool block = isBlock(tag);
            if (block)
                breakLine();
            element(child, depth + 1);
            if (block)
                breakLine();
        }
    }
};

// Text with no markup and no entity, in characters the parser passes through as they are: the
// parser would make one text node of it, so it is walked as that node without parsing (a
// spreadsheet's cells are mostly such text, and a parse per cell was most of an import).
bool isPlainText(const QString &html) {
    for (const QChar c : html) {
        const char16_t u = c.unicode();
        const bool passes = (u >= 0x20 && u < 0x7F && u != u'<' && u != u'&') || u == u'\t' ||
                            u == u'\n' || u == u'\r' || (u >= 0xA0 && u < 0xD800) ||
                            (u >= 0xE000 && u <= 0xFFFD && u != 0xFEFF);
        if (!passes)
            return false;
    }
    return true;
}

} // namespace

QString HtmlFragmentText::toPlainText(const QString &html, const QString &skipClass) {
    if (html.trimmed().isEmpty())
        return {};
    if (isPlainText(html)) {
        Walk walk;
        walk.text(html);
        walk.breakLine();
        return walk.lines.join(u'\n');
    }
    // A fragment in a body of its own, in UTF-8 as said: the parser adds nothing but the
    // elements it would imply, fetches nothing and runs nothing.
    const QByteArray bytes = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" +
                             html.toUtf8() + "</body></html>";
    const int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_RECOVER | HTML_PARSE_NODEFDTD | HTML_PARSE_NOIMPLIED;
    std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> document(
        htmlReadMemory(bytes.constData(), int(bytes.size()), nullptr, "UTF-8", options),
        xmlFreeDoc);
    if (!document)
        return {};
    Walk walk;
    walk.skipClass = skipClass;
    walk.element(reinterpret_cast<const xmlNode *>(document.get()), 0);
    walk.breakLine();
    return walk.lines.join(u'\n');
}

QString HtmlFragmentText::toOneLine(const QString &html) {
    return toPlainText(html).split(u'\n', Qt::SkipEmptyParts).join(u' ');
}

} // namespace ntl
