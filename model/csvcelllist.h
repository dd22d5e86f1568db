#pragma once

#include <QString>
#include <QStringList>

namespace ntl {

// The reversible syntax of a CSV cell that holds several values (sides, actors, articles):
// items joined by "; ", each item's own ";", ",", "(", ")" and "\" escaped with a backslash.
// An actor item is "NAME (ROLE)" or "NAME (ROLE, SIDE)" (docs/interop.md, CSV).
class CsvCellList {
public:
    static QString escape(const QString &text);
    static QString unescape(const QString &text);
    // Items are escaped and joined.
    static QString join(const QStringList &items);
    // The items of a cell, still escaped (an actor item is taken apart by parseActor), with
    // the white space around each trimmed; empty items are dropped.
    static QStringList splitRaw(const QString &cell);
    static QStringList split(const QString &cell);

    static QString actor(const QString &name, const QString &role, const QString &side);
    // `raw` is one item of splitRaw(). Role and side are empty when the item has none.
    static void parseActor(const QString &raw, QString *name, QString *role, QString *side);
};

} // namespace ntl
