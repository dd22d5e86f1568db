#pragma once

#include "dataset.h"
#include "diagnostic.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>

#include <memory>

namespace ntl {

class Document;

// The document's problems, one row each: the warnings from reading the file, then what the
// validator finds in the items edited since (an event that cites no passage, …). After each
// edit only the edited items are checked again (DatasetValidator's one-item checks): their
// rows are replaced in place (dataChanged), removed or inserted, never reset. A row keeps
// its item's place as items are added and removed, so its JSON pointer is the current one; a
// file position (line:column) is dropped once its item is edited, since it no longer holds.
// Rows are in document order: dataset-wide, sides, articles, actors, then events.
class ProblemsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { MessageColumn, LocationColumn, ColumnCount };

    enum Role {
        SeverityRole = Qt::UserRole + 1, // int, Diagnostic::Severity
        MessageRole,    // QString, in words with the place named (DiagnosticText::plain)
        EventIdRole,    // QString, the event the problem is about; empty when not an event's
        JsonPathRole,   // QString, RFC 6901 pointer into the data as it stands now
        LineRole,       // int, 1-based line in the file; 0 when not from the file or stale
        ColumnRole,     // int, 1-based column; 0 likewise
        LineColumnRole, // QString, "12:5"; empty likewise
        TechnicalRole,  // QString, Diagnostic::toString() for the command-line form
    };
    Q_ENUM(Role)

    explicit ProblemsModel(QObject *parent = nullptr);

    // Lists the document's diagnostics from reading and follows its edits.
    void setDocument(Document *document);
    Document *document() const;

    int warningCount() const { return m_warningCount; }
    // The first row about `eventId`, or an invalid index.
    QModelIndex indexOfEvent(const QString &eventId) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void warningCountChanged(int count);

private:
    // Dataset-wide first, then the lists in the order a file holds them.
    enum class List { None, Sides, Articles, Actors, Events };
    struct Problem {
        Diagnostic diagnostic; // jsonPath as found; line and column while they hold
        List list = List::None;
        int item = -1;  // the item's index in its list now
        QString within; // the rest of the pointer after the item: "/sources/0/end"
        bool fromFile = false;
        bool operator==(const Problem &other) const;
    };

    void reload();
    void onEventsChanged(const QStringList &eventIds);
    void onEventInserted(const QString &eventId, int row);
    void onEventRemoved(const QString &eventId, int row);
    void onPartChanged(List list);

    static Problem located(const Diagnostic &diagnostic);
    QString pathOf(const Problem &problem) const;
    // The item's findings now, from `dataset` (which holds it at `item`).
    static Diagnostics check(const Dataset &dataset, List list, int item);
    // Replaces the rows about (list, item) with `wanted`, in place where it can.
    void replaceRows(List list, int item, const QList<Problem> &wanted);
    // The rows from reading about the item (listed at `item`) that no rule gives of it as
    // `before` held it (at `itemBefore`): the reader's own notes, which an edit leaves true,
    // without their file position.
    QList<Problem> readersOwn(List list, const Dataset *before, int itemBefore, int item) const;
    // Checks (list, item) again: `before` holds it as it was (at `itemBefore`), `after` now;
    // `restored` are notes of its own to list with it.
    void recheck(List list, const Dataset *before, int itemBefore, const Dataset &after, int item,
                 const QList<Problem> &restored = {});
    // The rows about (list, item), a contiguous range [first, last).
    std::pair<int, int> rowsOf(List list, int item) const;
    // Items from `from` on moved by `by` (an item inserted or removed before them).
    void shiftItems(List list, int from, int by);
    void removeItemRows(List list, int item);
    void countWarnings();

    QPointer<Document> m_document;
    std::shared_ptr<const Dataset> m_dataset;
    QList<Problem> m_rows;
    // The reader's notes on removed events, by id, for an undo that brings one back.
    QHash<QString, QList<Problem>> m_removedNotes;
    int m_warningCount = 0;
};

} // namespace ntl
