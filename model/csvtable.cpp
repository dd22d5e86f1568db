#include "csvtable.h"

#include "utf8.h"

#include <QCoreApplication>

#include <cstring>

namespace ntl {

namespace {

constexpr int maxErrors = 20; // enough to see a pattern; a broken file is not listed whole

QString tr(const char *text) {
    return QCoreApplication::translate("ntl::CsvTable", text);
}

// The place of a field in the messages: "row 3, column 2 (Title)".
QString where(int row, int column, const QStringList &header) {
    QString text = tr("row %1, column %2").arg(row).arg(column);
    if (row > 1 && column >= 1 && column <= header.size() && !header.at(column - 1).isEmpty())
        text += QStringLiteral(" (%1)").arg(header.at(column - 1).left(80));
    return text;
}

bool isFormulaStart(QChar c) {
    return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r';
}

class Parser {
public:
    Parser(const QByteArray &bytes, const QString &fileName, char separator)
        : m_bytes(bytes)
        , m_file(fileName)
        , m_separator(separator) {}

    CsvTable run() {
        if (m_bytes.size() > CsvTable::maxBytes) {
            fail(0, 0,
                 tr("the file has %1 bytes; at most %2 are read")
                     .arg(m_bytes.size())
                     .arg(CsvTable::maxBytes));
            return std::move(m_table);
        }
        if (m_bytes.startsWith("\xEF\xBB\xBF"))
            m_pos = 3;
        m_badUtf8 = invalidUtf8At(m_bytes);
        // Line ends at the very end make no record: files usually end with one. Found once,
        // so that a run of blank lines is not scanned again for each of its lines.
        m_tail = m_bytes.size();
        while (m_tail > m_pos && (m_bytes.at(m_tail - 1) == '\r' || m_bytes.at(m_tail - 1) == '\n'))
            --m_tail;
        if (m_tail <= m_pos) {
            fail(1, 0, tr("the file is empty: a CSV table needs at least a header row"));
            return std::move(m_table);
        }
        while (m_pos < m_tail && !m_stop)
            readRecord();
        return std::move(m_table);
    }

private:

    // Reads one record and the line end after it.
    void readRecord() {
        ++m_row;
        QStringList fields;
        for (;;) {
            const qsizetype fieldStart = m_pos;
            const int column = int(fields.size()) + 1;
            if (fields.size() >= CsvTable::maxColumns) {
                fail(m_row, column,
                     tr("%1: more than %2 columns")
                         .arg(where(m_row, column, m_table.header))
                         .arg(CsvTable::maxColumns));
                return;
            }
            QByteArray value;
            if (m_pos < m_bytes.size() && m_bytes.at(m_pos) == '"') {
                if (!readQuoted(column, &value))
                    return;
            } else {
                const qsizetype end = unquotedEnd();
                // Searched within the field only: the rest of the file may hold no quote.
                const char *found = static_cast<const char *>(
                    std::memchr(m_bytes.constData() + m_pos, '"', size_t(end - m_pos)));
                const qsizetype quote = found ? found - m_bytes.constData() : -1;
                if (quote >= 0) {
                    fail(m_row, column,
                         tr("%1: a double quote inside a field that does not start with one "
                            "(byte offset %2); quote the whole field and double the quote")
                             .arg(where(m_row, column, m_table.header))
                             .arg(m_pos + quote));
                    return;
                }
                value = m_bytes.mid(m_pos, end - m_pos);
                m_pos = end;
            }
            if (value.size() > CsvTable::maxFieldBytes) {
                fail(m_row, column,
                     tr("%1: the field has %2 bytes; at most %3 are read")
                         .arg(where(m_row, column, m_table.header))
                         .arg(value.size())
                         .arg(CsvTable::maxFieldBytes));
                return;
            }
            if (m_badUtf8 >= fieldStart && m_badUtf8 < m_pos) {
                fail(m_row, column,
                     tr("%1: not UTF-8 at byte offset %2; save the file as UTF-8")
                         .arg(where(m_row, column, m_table.header))
                         .arg(m_badUtf8));
                return;
            }
            fields.append(QString::fromUtf8(value));
            if (m_pos >= m_bytes.size())
                break;
            const char c = m_bytes.at(m_pos);
            if (c == m_separator) {
                ++m_pos;
                continue;
            }
            // A line end: CRLF, LF or CR.
            if (c == '\r' && m_pos + 1 < m_bytes.size() && m_bytes.at(m_pos + 1) == '\n')
                ++m_pos;
            ++m_pos;
            break;
        }
        finishRecord(std::move(fields));
    }

    qsizetype unquotedEnd() const {
        qsizetype i = m_pos;
        while (i < m_bytes.size()) {
            const char c = m_bytes.at(i);
            if (c == m_separator || c == '\r' || c == '\n')
                break;
            ++i;
        }
        return i;
    }

    bool readQuoted(int column, QByteArray *value) {
        const qsizetype opened = m_pos;
        const int openedRow = m_row;
        ++m_pos;
        for (;;) {
            const qsizetype quote = m_bytes.indexOf('"', m_pos);
            if (quote < 0) {
                fail(openedRow, column,
                     tr("%1: the quoted field opened here (byte offset %2) never closes")
                         .arg(where(openedRow, column, m_table.header))
                         .arg(opened));
                return false;
            }
            value->append(m_bytes.constData() + m_pos, quote - m_pos);
            if (value->size() > CsvTable::maxFieldBytes) {
                m_pos = quote;
                return true; // the caller reports the length
            }
            if (quote + 1 < m_bytes.size() && m_bytes.at(quote + 1) == '"') {
                value->append('"');
                m_pos = quote + 2;
                continue;
            }
            m_pos = quote + 1;
            if (m_pos < m_bytes.size()) {
                const char c = m_bytes.at(m_pos);
                if (c != m_separator && c != '\r' && c != '\n') {
                    fail(openedRow, column,
                         (m_separator == '\t'
                              ? tr("%1: expected a tab or a line end after the closing quote "
                                   "(byte offset %2)")
                              : tr("%1: expected a comma or a line end after the closing quote "
                                   "(byte offset %2)"))
                             .arg(where(openedRow, column, m_table.header))
                             .arg(m_pos));
                    return false;
                }
            }
            return true;
        }
    }

    void finishRecord(QStringList fields) {
        if (m_row == 1) {
            m_table.header = std::move(fields);
            return;
        }
        // A blank line is an empty row, as a spreadsheet shows it (the importers pass over
        // it), so the rows after it keep the numbers a spreadsheet gives them.
        if (fields.size() == 1 && fields.first().isEmpty() && m_table.header.size() > 1)
            fields = QStringList(m_table.header.size(), QString());
        if (fields.size() != m_table.header.size()) {
            fail(m_row, int(fields.size()),
                 tr("row %1 has %2 fields, the header has %3")
                     .arg(m_row)
                     .arg(fields.size())
                     .arg(m_table.header.size()),
                 /*stop=*/false);
            return;
        }
        if (m_table.rows.size() >= CsvTable::maxRows) {
            fail(m_row, 0, tr("row %1: more than %2 rows").arg(m_row).arg(CsvTable::maxRows));
            return;
        }
        m_cells += fields.size();
        if (m_cells > CsvTable::maxCells) {
            fail(m_row, 0,
                 tr("row %1: more than %2 cells (rows times columns)")
                     .arg(m_row)
                     .arg(CsvTable::maxCells));
            return;
        }
        m_table.rows.append(std::move(fields));
    }

    // Syntax errors stop the reading (the rest is out of step); a ragged row does not, so that
    // a file with several is reported in one go.
    void fail(int row, int column, const QString &message, bool stop = true) {
        Diagnostic d;
        d.file = m_file;
        d.line = row;
        d.column = column;
        d.message = message;
        m_table.diagnostics.append(d);
        if (stop || m_table.diagnostics.size() >= maxErrors)
            m_stop = true;
    }

    const QByteArray &m_bytes;
    const QString m_file;
    const char m_separator;
    CsvTable m_table;
    qsizetype m_pos = 0;
    qsizetype m_badUtf8 = -1;
    qsizetype m_tail = 0;  // where the line ends closing the file start
    qsizetype m_cells = 0; // in the rows kept
    int m_row = 0;
    bool m_stop = false;
};

} // namespace

char CsvTable::separatorFor(const QString &fileName, const QByteArray &bytes) {
    if (fileName.endsWith(QLatin1String(".tsv"), Qt::CaseInsensitive))
        return '\t';
    // A header line with tabs and no comma is not a one-column CSV table in practice.
    qsizetype end = bytes.indexOf('\n');
    if (end < 0)
        end = bytes.size();
    const QByteArrayView first(bytes.constData(), end);
    return first.contains('\t') && !first.contains(',') ? '\t' : ',';
}

CsvTable CsvTable::parse(const QByteArray &bytes, const QString &fileName) {
    return parse(bytes, fileName, separatorFor(fileName, bytes));
}

CsvTable CsvTable::parse(const QByteArray &bytes, const QString &fileName, char separator) {
    return Parser(bytes, fileName, separator).run();
}

QByteArray CsvTable::writeRecord(const QStringList &fields, char separator) {
    QByteArray out;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out += separator;
        const QByteArray value = fields.at(i).toUtf8();
        // Leading or trailing spaces are quoted too: some readers trim unquoted fields.
        const bool quote = value.contains(separator) || value.contains('"') ||
                           value.contains('\n') || value.contains('\r') || value.startsWith(' ') ||
                           value.endsWith(' ');
        if (quote) {
            out += '"';
            QByteArray doubled = value;
            doubled.replace("\"", "\"\"");
            out += doubled;
            out += '"';
        } else {
            out += value;
        }
    }
    out += "\r\n";
    return out;
}

QByteArray CsvTable::write(const QStringList &header, const QList<QStringList> &rows,
                           bool byteOrderMark, char separator) {
    QByteArray out;
    if (byteOrderMark)
        out += "\xEF\xBB\xBF";
    out += writeRecord(header, separator);
    for (const QStringList &row : rows)
        out += writeRecord(row, separator);
    return out;
}

QString CsvTable::guardFormula(const QString &cell) {
    if (cell.isEmpty())
        return cell;
    const bool guard =
        isFormulaStart(cell.at(0)) || (cell.at(0) == u'\'' && cell.size() > 1 &&
                                       (isFormulaStart(cell.at(1)) || cell.at(1) == u'\''));
    return guard ? u'\'' + cell : cell;
}

QString CsvTable::unguardFormula(const QString &cell) {
    if (cell.size() > 1 && cell.at(0) == u'\'' &&
        (isFormulaStart(cell.at(1)) || cell.at(1) == u'\''))
        return cell.mid(1);
    return cell;
}

} // namespace ntl
