#include "csvcelllist.h"

namespace ntl {

namespace {

bool isSpecial(QChar c) {
    return c == u';' || c == u',' || c == u'(' || c == u')' || c == u'\\';
}

// Indices of the unescaped occurrences of `wanted` in `raw`.
QList<qsizetype> unescaped(const QString &raw, QChar wanted) {
    QList<qsizetype> found;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw.at(i) == u'\\') {
            ++i;
            continue;
        }
        if (raw.at(i) == wanted)
            found.append(i);
    }
    return found;
}

} // namespace

QString CsvCellList::escape(const QString &text) {
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        if (isSpecial(c))
            out += u'\\';
        out += c;
    }
    return out;
}

QString CsvCellList::unescape(const QString &text) {
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'\\' && i + 1 < text.size())
            ++i;
        out += text.at(i);
    }
    return out;
}

QString CsvCellList::join(const QStringList &items) {
    QStringList escaped;
    for (const QString &item : items)
        escaped.append(escape(item));
    return escaped.join(QStringLiteral("; "));
}

QStringList CsvCellList::splitRaw(const QString &cell) {
    QStringList items;
    qsizetype from = 0;
    QList<qsizetype> cuts = unescaped(cell, u';');
    cuts.append(cell.size());
    for (qsizetype cut : cuts) {
        const QString item = cell.mid(from, cut - from).trimmed();
        if (!item.isEmpty())
            items.append(item);
        from = cut + 1;
    }
    return items;
}

QStringList CsvCellList::split(const QString &cell) {
    QStringList items;
    for (const QString &raw : splitRaw(cell))
        items.append(unescape(raw));
    return items;
}

QString CsvCellList::actor(const QString &name, const QString &role, const QString &side) {
    QString item = escape(name) + QStringLiteral(" (") + escape(role);
    if (!side.isEmpty())
        item += QStringLiteral(", ") + escape(side);
    return item + u')';
}

void CsvCellList::parseActor(const QString &raw, QString *name, QString *role, QString *side) {
    name->clear();
    role->clear();
    side->clear();
    const QList<qsizetype> opens = unescaped(raw, u'(');
    const QList<qsizetype> closes = unescaped(raw, u')');
    if (opens.isEmpty() || closes.isEmpty() || closes.last() != raw.size() - 1 ||
        closes.last() < opens.last()) {
        *name = unescape(raw).trimmed();
        return;
    }
    const qsizetype open = opens.last();
    *name = unescape(raw.left(open)).trimmed();
    const QString inside = raw.mid(open + 1, raw.size() - open - 2);
    const QList<qsizetype> commas = unescaped(inside, u',');
    if (commas.isEmpty()) {
        *role = unescape(inside).trimmed();
    } else {
        *role = unescape(inside.left(commas.first())).trimmed();
        *side = unescape(inside.mid(commas.first() + 1)).trimmed();
    }
}

} // namespace ntl
