#include "csvtable.h"

#include <QCoreApplication>

namespace ntl {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("ntl::CsvTable", text);
}

Diagnostic error(const QString &file, int row, int column, const QString &message) {
    Diagnostic d;
    d.file = file;
    d.line = row;
    d.column = column;
    d.message = message;
    return d;
}

// The first invalid UTF-8 sequence in `bytes` from `from`, or -1.
qsizetype invalidUtf8At(const QByteArray &bytes) {
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    while (i < size) {
        const unsigned char c = data[i];
        int length = 0;
        unsigned int codePoint = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            length = 2;
            codePoint = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3;
            codePoint = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4;
            codePoint = c & 0x07;
        } else {
            return i;
        }
        if (i + length > size)
            return i;
        for (int k = 1; k < length; ++k) {
            if ((data[i + k] & 0xC0) != 0x80)
                return i;
            codePoint = (codePoint << 6) | (data[i + k] & 0x3F);
        }
        const bool overlong = (length == 2 && codePoint < 0x80) ||
                              (length == 3 && codePoint < 0x800) ||
                              (length == 4 && codePoint < 0x10000);
        if (overlong || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            return i;
        i += length;
    }
    return -1;
}

} // namespace

CsvTable CsvTable::parse(const QByteArray &input, const QString &fileName) {
    CsvTable table;
    const bool bom = input.startsWith("\xEF\xBB\xBF");
    const QByteArray bytes = bom ? input.mid(3) : input;
    // The first bad byte is reported where the table has it (row and column), so the text is
    // decoded with replacements and the walk stops at that character.
    const qsizetype badByte = invalidUtf8At(bytes);
    const QString text = QString::fromUtf8(bytes);
    const qsizetype badChar =
        badByte < 0 ? -1 : QString::fromUtf8(bytes.constData(), badByte).size();

    // Rows and columns as a spreadsheet numbers them: the header is row 1, a record with
    // line breaks in quotes is one row, the first field is column 1.
    QList<QStringList> records;
    QList<int> recordRows;
    QStringList record;
    QString field;
    bool quoted = false;    // inside a quoted field
    bool wasQuoted = false; // the current field was quoted and has closed
    bool fieldStarted = false;
    int row = 1;
    int quoteRow = 1;
    const auto column = [&] {
        return int(record.size()) + 1;
    };
    const auto fail = [&](int r, int c, const QString &message) {
        table.diagnostics.append(error(fileName, r, c, message));
        return table;
    };
    const auto endField = [&] {
        record.append(field);
        field.clear();
        wasQuoted = false;
        fieldStarted = false;
    };
    const auto endRecord = [&] {
        endField();
        records.append(record);
        recordRows.append(row);
        record.clear();
        ++row;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (i == badChar)
            return fail(row, column(),
                        tr("not UTF-8 (byte 0x%1 at byte offset %2); save the file as UTF-8")
                            .arg(QString::number(quint8(bytes.at(badByte)), 16).toUpper())
                            .arg(badByte + (bom ? 3 : 0)));
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                    wasQuoted = true;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == u'"') {
            if (fieldStarted)
                return fail(row, column(),
                            tr("a quote inside a field that does not begin with one; quote the "
                               "field and double the quote (\"\")"));
            quoted = true;
            quoteRow = row;
            fieldStarted = true;
            continue;
        }
        if (c == u',') {
            endField();
            if (record.size() >= maxColumns)
                return fail(row, column(), tr("more than %1 columns").arg(maxColumns));
            continue;
        }
        if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
            continue; // the \n ends the record
        if (c == u'\n' || c == u'\r') {
            endRecord();
            if (records.size() > maxRows)
                return fail(row, 1, tr("more than %1 rows").arg(maxRows));
            continue;
        }
        if (wasQuoted)
            return fail(row, column(),
                        tr("text after a quoted field's closing quote; expected a comma or a "
                           "line end"));
        field += c;
        fieldStarted = true;
    }
    if (quoted)
        return fail(quoteRow, column(),
                    tr("a quoted field is not closed before the end of the file"));
    if (fieldStarted || !record.isEmpty())
        endRecord();
    if (records.isEmpty())
        return fail(1, 1, tr("the file is empty; expected a header row"));
    table.header = records.takeFirst();
    recordRows.removeFirst();
    for (QString &name : table.header)
        name = name.trimmed();
    for (qsizetype r = 0; r < records.size(); ++r) {
        // A blank line is a row of empty fields, so rows keep the numbers a spreadsheet
        // shows (header + 1 + index).
        if (records.at(r).size() == 1 && records.at(r).first().isEmpty())
            records[r] = QStringList(table.header.size(), QString());
        const qsizetype fields = records.at(r).size();
        if (fields != table.header.size())
            table.diagnostics.append(error(fileName, recordRows.at(r),
                                           int(std::min(fields, table.header.size()) + 1),
                                           tr("row %1 has %2 fields; the header has %3")
                                               .arg(recordRows.at(r))
                                               .arg(fields)
                                               .arg(table.header.size())));
    }
    if (table.hasErrors())
        return table;
    table.rows = std::move(records);
    return table;
}

} // namespace ntl
