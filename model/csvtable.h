#pragma once

#include "diagnostic.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace ntl {

// A CSV file (RFC 4180) read into a header and rows of fields: quoted fields with commas,
// quotes (doubled) and line breaks, CRLF or LF line ends, a UTF-8 byte-order mark skipped.
// Untrusted input: invalid UTF-8 is refused with its row and column, a row with more or fewer
// fields than the header with its row; a table with any error has no rows. A blank line is
// a row of empty fields: rows.at(i) is the spreadsheet's row i + 2 (the header is row 1).
struct CsvTable {
    QStringList header;
    QList<QStringList> rows;
    Diagnostics diagnostics;

    static constexpr qsizetype maxRows = 1000000;
    static constexpr qsizetype maxColumns = 1000;

    bool hasErrors() const { return ntl::hasErrors(diagnostics); }
    // `fileName` names the file in messages. Rows are numbered as a spreadsheet shows them:
    // the header is row 1.
    static CsvTable parse(const QByteArray &bytes, const QString &fileName);
};

} // namespace ntl
