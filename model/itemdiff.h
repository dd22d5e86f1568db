#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace ntl {

// What an edit did to a list of sides, actors or articles, found by id: the Document says only
// that the list changed (an actor merge removes one and re-points others), so the models
// and the Problems list work out which rows to remove, insert and refresh.
struct ItemDiff {
    QList<int> removed;  // rows in the old list, descending (removing them in turn is valid)
    QList<int> inserted; // rows in the new list, ascending (inserting them in turn is valid)
    QList<int> changed;  // rows in the new list of items in both whose value differs
    // The items in both are not in the same order: only a reset describes that.
    bool reordered = false;

    template <typename Item, typename Same>
    static ItemDiff of(const QList<Item> &before, const QList<Item> &after, Same same) {
        ItemDiff diff;
        QHash<QString, int> rowBefore;
        rowBefore.reserve(before.size());
        for (int row = 0; row < before.size(); ++row)
            rowBefore.insert(before.at(row).id, row);
        QSet<QString> idsAfter;
        idsAfter.reserve(after.size());
        int lastKept = -1;
        for (int row = 0; row < after.size(); ++row) {
            const Item &item = after.at(row);
            idsAfter.insert(item.id);
            const auto it = rowBefore.constFind(item.id);
            if (it == rowBefore.cend()) {
                diff.inserted.append(row);
                continue;
            }
            if (*it < lastKept)
                diff.reordered = true;
            lastKept = *it;
            if (!same(before.at(*it), item))
                diff.changed.append(row);
        }
        for (int row = int(before.size()) - 1; row >= 0; --row) {
            if (!idsAfter.contains(before.at(row).id))
                diff.removed.append(row);
        }
        return diff;
    }
};

} // namespace ntl
