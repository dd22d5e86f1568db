#include "csvmapping.h"

#include <QCoreApplication>
#include <QCryptographicHash>

namespace ntl {

namespace {

// Lower case, "_" and "-" as spaces, spaces collapsed: "Start_Date" matches "start date".
QString normalised(const QString &name) {
    QString text = name.toCaseFolded();
    text.replace(u'_', u' ');
    text.replace(u'-', u' ');
    return text.simplified();
}

// Other names people give the columns (TimelineJS, ACLED, Aeon Timeline, Preceden, …).
QStringList names(std::initializer_list<const char *> list) {
    QStringList out;
    for (const char *name : list)
        out.append(QString::fromLatin1(name));
    return out;
}

QStringList synonyms(CsvMapping::Field field) {
    switch (field) {
    case CsvMapping::Id:
        return names({"event id", "identifier", "unique id", "uid", "key"});
    case CsvMapping::Start:
        return names({"start date", "date", "begin", "from", "event date", "when", "start time"});
    case CsvMapping::End:
        return names({"end date", "to", "until", "finish"});
    case CsvMapping::Precision:
        return names({"date precision", "time precision"});
    case CsvMapping::Title:
        return names({"headline", "name", "event", "event title", "label"});
    case CsvMapping::Summary:
        return names({"description", "text", "details", "content"});
    case CsvMapping::Kind:
        return names({"type", "event type", "category"});
    case CsvMapping::Status:
        return names({"state"});
    case CsvMapping::Sides:
        return names({"side", "group", "groups"});
    case CsvMapping::Actors:
        return names({"actor", "participants", "people", "who"});
    case CsvMapping::Place:
        return names({"location", "where", "places", "venue"});
    case CsvMapping::Note:
        return names({"notes", "comment", "comments"});
    case CsvMapping::DateExpression:
        return names({"expression"});
    case CsvMapping::DateBasis:
        return names({"basis"});
    case CsvMapping::DateAnchor:
        return names({"anchor", "anchor article"});
    case CsvMapping::DateNote:
        return {};
    case CsvMapping::FieldCount:
        break;
    }
    return {};
}

} // namespace

CsvMapping::CsvMapping()
    : m_columns(FieldCount, -1) {}

void CsvMapping::setColumn(Field field, int column) {
    m_columns[field] = column < 0 ? -1 : column;
}

QString CsvMapping::headerName(Field field) {
    switch (field) {
    case Id:
        return QStringLiteral("ID");
    case Start:
        return QStringLiteral("Start");
    case End:
        return QStringLiteral("End");
    case Precision:
        return QStringLiteral("Precision");
    case Title:
        return QStringLiteral("Title");
    case Summary:
        return QStringLiteral("Summary");
    case Kind:
        return QStringLiteral("Kind");
    case Status:
        return QStringLiteral("Status");
    case Sides:
        return QStringLiteral("Sides");
    case Actors:
        return QStringLiteral("Actors");
    case Place:
        return QStringLiteral("Place");
    case Note:
        return QStringLiteral("Note");
    case DateExpression:
        return QStringLiteral("Date expression");
    case DateBasis:
        return QStringLiteral("Date basis");
    case DateAnchor:
        return QStringLiteral("Date anchor");
    case DateNote:
        return QStringLiteral("Date note");
    case FieldCount:
        break;
    }
    return {};
}

QString CsvMapping::label(Field field) {
    const char *text = "";
    switch (field) {
    case Id:
        text = QT_TRANSLATE_NOOP("ntl::CsvMapping", "ID (updates an existing event)");
        break;
    case Start:
        text = QT_TRANSLATE_NOOP("ntl::CsvMapping", "Start date");
        break;
    case End:
        text = QT_TRANSLATE_NOOP("ntl::CsvMapping", "End date");
        break;
    case Precision:
        text = QT_TRANSLATE_NOOP("ntl::CsvMapping", "Precision");
        break;
    case Title:
        text = QT_TRANSLATE_NOOP("ntl::CsvMapping", "Title");
        break;
    case Summary:
        text = QT_TRANSLATE_NOOP("ntl::CsvMapping", "Summary");
        break;
    case Kind:
        text = QT_TRANSLATE_NOOP("ntl::CsvMapping", "Kind");
        break;
    case Status:
        text = QT_TRANSLATE_NOOP("ntl::CsvMapping", "Status");
        break;
    case Sides:
        text = QT_TRANSLATE_NOOP("ntl::CsvMapping", "Sides");
        break;
    case Actors:
        text = QT_TRANSLATE_NOOP("ntl::CsvMapping", "Actors and roles");
        break;
    case Place:
        text = QT_TRANSLATE_NOOP("ntl::CsvMapping", "Place");
        break;
    case Note:
        text = QT_TRANSLATE_NOOP("ntl::CsvMapping", "Note");
        break;
    case DateExpression:
        text = QT_TRANSLATE_NOOP("ntl::CsvMapping", "Date expression");
        break;
    case DateBasis:
        text = QT_TRANSLATE_NOOP("ntl::CsvMapping", "Date basis");
        break;
    case DateAnchor:
        text = QT_TRANSLATE_NOOP("ntl::CsvMapping", "Date anchor article");
        break;
    case DateNote:
        text = QT_TRANSLATE_NOOP("ntl::CsvMapping", "Date note");
        break;
    case FieldCount:
        break;
    }
    return QCoreApplication::translate("ntl::CsvMapping", text);
}

CsvMapping CsvMapping::guess(const QStringList &header) {
    CsvMapping mapping;
    QList<bool> taken(header.size(), false);
    QStringList names;
    for (const QString &name : header)
        names.append(normalised(name));
    // Our own names first, so that our export's "Date" (the date as text) never takes the
    // place of its "Start"; then the synonyms, for the fields still without a column.
    for (int pass = 0; pass < 2; ++pass) {
        for (int f = 0; f < FieldCount; ++f) {
            const auto field = Field(f);
            if (mapping.column(field) >= 0)
                continue;
            const QStringList wanted =
                pass == 0 ? QStringList{normalised(headerName(field))} : synonyms(field);
            for (const QString &want : wanted) {
                const int column = int(names.indexOf(want));
                if (column >= 0 && !taken.at(column)) {
                    mapping.setColumn(field, column);
                    taken[column] = true;
                    break;
                }
            }
        }
        // Our export's informative columns are never guessed as a field in the second pass.
        for (const char *ours : {"date", "articles", "number of articles", "first quote"}) {
            if (pass == 0 && mapping.column(Start) >= 0) {
                const int column = int(names.indexOf(QString::fromLatin1(ours)));
                if (column >= 0)
                    taken[column] = true;
            }
        }
    }
    return mapping;
}

QString CsvMapping::missing() const {
    QStringList absent;
    if (column(Title) < 0)
        absent.append(label(Title));
    if (column(Start) < 0)
        absent.append(label(Start));
    if (absent.isEmpty())
        return {};
    return QCoreApplication::translate("ntl::CsvMapping", "Choose the column that holds: %1")
        .arg(absent.join(QStringLiteral(", ")));
}

bool CsvMapping::fits(int columnCount) const {
    for (int column : m_columns)
        if (column >= columnCount)
            return false;
    return true;
}

QString CsvMapping::headerKey(const QStringList &header) {
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &name : header) {
        hash.addData(name.toUtf8());
        hash.addData(QByteArrayView("\0", 1)); // "a,bc" and "ab,c" differ
    }
    return QString::fromLatin1(hash.result().toHex().left(32));
}

QString CsvMapping::toSettingsValue() const {
    QStringList parts;
    for (int column : m_columns)
        parts.append(QString::number(column));
    return parts.join(u',');
}

bool CsvMapping::fromSettingsValue(const QString &value, CsvMapping *mapping) {
    const QStringList parts = value.split(u',');
    if (parts.size() != FieldCount)
        return false;
    CsvMapping result;
    for (int f = 0; f < FieldCount; ++f) {
        bool ok = false;
        const int column = parts.at(f).toInt(&ok);
        if (!ok || column < -1 || column >= 100000)
            return false;
        result.setColumn(Field(f), column);
    }
    *mapping = result;
    return true;
}

} // namespace ntl
