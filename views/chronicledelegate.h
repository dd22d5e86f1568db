#pragma once

#include "chronicleentry.h"
#include "chronicleheading.h"

#include <QHash>
#include <QStyledItemDelegate>

namespace ntl {

class EventModel;

// Draws one event of the Chronicle (ChronicleView): the group heading when it differs from
// the previous row's, then the date, side colours, the whole title (wrapped, never elided),
// summary, participants, "reported by N of M articles", the disagreement mark and the first
// quote. Every string is the dataset's and is laid out with QTextLayout as plain text: no
// markup in a title can become rich text.
//
// It reads rows of an EventFilterModel over an EventModel (or of an EventModel itself).
class ChronicleDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit ChronicleDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    // The row's height at option.rect's width (the heading included when drawn).
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    ChronicleHeading heading(const QModelIndex &index) const;
    // The heading drawn above this row: empty when the previous row is under the same one.
    QString headingText(const QModelIndex &index) const;
    ChronicleEntry entry(const QModelIndex &index) const;
    // Every text drawn for the row, in drawing order (the heading first when drawn).
    QStringList drawnTexts(const QModelIndex &index) const;
    // The part of the row below its heading (what a selection fills).
    QRect entryRect(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    // Forgets the entries kept for painting (a new dataset, another locale).
    void clearCache() const;

private:
    enum class Style { Heading, Date, Title, Body, Muted, Disagreement, Quote, QuoteSource };
    struct Block {
        Style style;
        QString text;
    };
    struct Content {
        QString heading;
        bool dayHeading = true;
        QList<Block> blocks;
        QList<int> sideIndexes; // the dataset's index of each side, for SidePalette
    };
    Content content(const QModelIndex &index) const;
    // Lays the row out in option.rect; paints it when `painter` is set. Returns the height.
    int layoutRow(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index,
                  QRect *entry = nullptr) const;
    const Event *eventOf(const QModelIndex &index, const EventModel **model) const;

    mutable QHash<const Event *, ChronicleEntry> m_entries;
    mutable const EventModel *m_cacheModel = nullptr;
    mutable quint64 m_cacheGeneration = 0;
};

} // namespace ntl
