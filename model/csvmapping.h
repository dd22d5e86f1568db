#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace ntl {

// Which column of a CSV events table holds which event field (-1: none). Guessed from the
// header (our own export's header maps itself fully; common synonyms such as "Headline" or
// "Start date" are recognised, case-insensitively), edited in the column-mapping dialog, and
// remembered per header under headerKey().
class CsvMapping {
public:
    // The event fields an import can fill, in the order of our export's columns.
    enum Field {
        Id,
        Start,
        End,
        Precision,
        Title,
        Summary,
        Kind,
        Status,
        Sides,
        Actors,
        Place,
        Note,
        DateExpression,
        DateBasis,
        DateAnchor,
        DateNote,
        FieldCount
    };

    CsvMapping();

    int column(Field field) const { return m_columns.at(field); }
    void setColumn(Field field, int column);
    bool operator==(const CsvMapping &other) const { return m_columns == other.m_columns; }

    // The header our export writes for the field ("Start", "Date expression", …).
    static QString headerName(Field field);
    // The field's name for people, translated.
    static QString label(Field field);

    static CsvMapping guess(const QStringList &header);
    // Empty when the mapping can import; else why not (no title or start column).
    QString missing() const;
    // Every column names an existing column of a header of `columnCount` columns.
    bool fits(int columnCount) const;

    // A key for QSettings, the same for the same header (a hash of its names, so it stays short).
    static QString headerKey(const QStringList &header);
    // "0,1,-1,…" for QSettings, and back; nullopt-like: an empty mapping when malformed.
    QString toSettingsValue() const;
    static bool fromSettingsValue(const QString &value, CsvMapping *mapping);

private:
    QList<int> m_columns;
};

} // namespace ntl
