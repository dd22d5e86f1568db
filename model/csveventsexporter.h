#pragma once

#include "dataset.h"

#include <QByteArray>
#include <QStringList>

namespace ntl {

// Writes events as CSV tables for spreadsheets (docs/interop.md, CSV): the events table, one
// row per event, and the passages table, one row per passage with code-point offsets. Every
// cell of dataset text goes through the formula guard (CsvTable::guardFormula).
class CsvEventsExporter {
public:
    // Columns of the events table, in order. The first ones map to CsvMapping fields by name.
    static QStringList eventsHeader();
    static QStringList passagesHeader();

    // `eventIds`: the events to write, in this order (ids naming no event are skipped).
    // `separator`: ',' for CSV, '\t' for TSV (the quoting is the same).
    static QByteArray write(const Dataset &dataset, const QStringList &eventIds, bool byteOrderMark,
                            char separator = ',');
    static QByteArray writePassages(const Dataset &dataset, const QStringList &eventIds,
                                    bool byteOrderMark);

    // How an actor or a side is named in a cell: its name, or its id when the name would not
    // find it again (another one has the same name, or an id equal to it).
    static QString actorName(const Dataset &dataset, const Actor &actor);
    static QString sideName(const Dataset &dataset, const Side &side);
};

} // namespace ntl
