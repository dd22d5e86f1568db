#pragma once

#include "document.h"
#include "documentcommand.h"

#include <QCoreApplication>

#include <optional>

namespace ntl {

// Adds, edits or removes one side, actor or article, named by id; the value before and after
// is stored, so undo puts back exactly the old value in its old place. `Refusal` says why
// the change would break the format (Refusal(dataset, before, after); either may be empty).
template <typename Item, QList<Item> Dataset::*Member, Document::Part PartName,
          QString (*Refusal)(const Dataset &, const std::optional<Item> &,
                             const std::optional<Item> &)>
class EditItemCommand : public DocumentCommand {
public:
    // `after` empty: remove `id`; `id` unknown: add `after`; else replace `id` by `after`.
    EditItemCommand(Document *document, const QString &id, const std::optional<Item> &after,
                    const QString &text, QUndoCommand *parent = nullptr)
        : DocumentCommand(document, parent)
        , m_id(id)
        , m_after(after) {
        const QList<Item> &items = document->dataset().*Member;
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (items.at(i).id == id) {
                m_before = items.at(i);
                m_row = int(i);
                break;
            }
        }
        setText(text);
    }

    QString refusal() const override {
        if (!m_before && !m_after)
            return QCoreApplication::translate("ntl::EditItemCommand", "unknown id \"%1\"")
                .arg(m_id);
        return Refusal(document()->dataset(), m_before, m_after);
    }
    void redo() override { apply(m_before, m_after); }
    void undo() override { apply(m_after, m_before); }

    // The change as the journal records it (id() is QUndoCommand's merge id).
    QString itemId() const { return m_id; }
    const std::optional<Item> &after() const { return m_after; }

private:
    void apply(const std::optional<Item> &from, const std::optional<Item> &to) {
        const int row = m_row;
        document()->changePart(PartName, [&](Dataset &dataset) {
            QList<Item> &items = dataset.*Member;
            if (from && to)
                items.replace(row, *to);
            else if (from)
                items.removeAt(row);
            else if (row >= 0 && row <= items.size())
                items.insert(row, *to);
            else
                items.append(*to);
        });
        if (!from && m_row < 0)
            m_row = int((document()->dataset().*Member).size()) - 1;
    }

    QString m_id;
    std::optional<Item> m_before;
    std::optional<Item> m_after;
    int m_row = -1;
};

} // namespace ntl
