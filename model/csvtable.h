#pragma once

#include "diagnostic.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace ntl {

// An RFC 4180 table in UTF-8: the first record is the header. Reading accepts CRLF, LF and CR
// line ends and a UTF-8 byte-order mark; writing quotes what needs it and ends every record
// with CRLF. Reading is bounded and fails closed: invalid UTF-8, a ragged row or an unclosed
// quote is an error naming its row and column (the header is row 1, as a spreadsheet counts)
// and, for bytes, the offset; a table with an error is never to be used.
struct CsvTable {
    QStringList header;
    QList<QStringList> rows; // rows[i] is row i + 2; each has header.size() fields
    Diagnostics diagnostics;

    static constexpr qint64 maxBytes = 64 * 1024 * 1024;
    static constexpr qsizetype maxRows = 1'000'000;
    static constexpr qsizetype maxColumns = 1000;
    static constexpr qsizetype maxFieldBytes = 1024 * 1024;
    // Rows times columns: a wide header and blank lines make many cells of few bytes.
    static constexpr qsizetype maxCells = 5'000'000;

    bool ok() const { return !ntl::hasErrors(diagnostics); }
    bool hasErrors() const { return ntl::hasErrors(diagnostics); }

    // The field separator of `fileName`: a tab for a .tsv name; otherwise a tab when
    // the first line of `bytes` has a tab and no comma (a spreadsheet's "tab-delimited text"
    // saved as .csv), else a comma. Quoting is RFC 4180's either way.
    static char separatorFor(const QString &fileName, const QByteArray &bytes);
    // Reads with separatorFor(fileName, bytes).
    static CsvTable parse(const QByteArray &bytes, const QString &fileName);
    static CsvTable parse(const QByteArray &bytes, const QString &fileName, char separator);
    static QByteArray write(const QStringList &header, const QList<QStringList> &rows,
                            bool byteOrderMark, char separator = ',');
    // One record, quoted as needed and ended with CRLF.
    static QByteArray writeRecord(const QStringList &fields, char separator = ',');

    // Spreadsheet formula injection (OWASP "CSV Injection"): a cell from dataset text that
    // starts with = + - @ or a tab or CR would run as a formula, so it is written with a
    // leading apostrophe, which a spreadsheet shows as text. A cell starting with an
    // apostrophe that is followed by one of those or by another apostrophe gets one too, so
    // that unguardFormula() reverses every guarded cell exactly (docs/interop.md, CSV).
    static QString guardFormula(const QString &cell);
    static QString unguardFormula(const QString &cell);
};

} // namespace ntl
