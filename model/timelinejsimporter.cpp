#include "timelinejsimporter.h"

#include "articleimporter.h"
#include "boundeddom.h"
#include "csvtable.h"
#include "eventdatetext.h"
#include "eventdraft.h"
#include "htmlfragmenttext.h"
#include "idwords.h"
#include "jsonsyntax.h"
#include "timelinejsexporter.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QSet>

#include <functional>
#include <optional>

namespace ntl {

namespace {

// What is read of a TimelineJS file: these members and nothing else, so that the tree built
// is bounded whatever the file holds (media, backgrounds, scale…), and never deeper than these
// few levels. Eras are only counted: each is kept as an empty object.
using Member = JsonShape::Member;
template <std::size_t N> constexpr JsonShape shapeOf(const Member (&members)[N]) {
    return JsonShape{members, N};
}
const Member dateMembers[] = {
    {"year", nullptr}, {"month", nullptr}, {"day", nullptr}, {"display_date", nullptr}};
const JsonShape dateShape = shapeOf(dateMembers);
const Member textMembers[] = {{"headline", nullptr}, {"text", nullptr}};
const JsonShape textShape = shapeOf(textMembers);
const Member slideMembers[] = {{"start_date", &dateShape}, {"end_date", &dateShape},
                               {"display_date", nullptr},  {"text", &textShape},
                               {"group", nullptr},         {"unique_id", nullptr}};
const JsonShape slideShape = shapeOf(slideMembers);
const Member eraMembers[] = {{"", nullptr}};
const JsonShape eraShape = shapeOf(eraMembers);
const Member rootMembers[] = {{"events", &slideShape}, {"eras", &eraShape}};
const JsonShape rootShape = shapeOf(rootMembers);
// The tree may cost this much plus treeFactor times the file's size (as WebAnnotationImporter).
constexpr qint64 treeBudget = 64 * 1024 * 1024;
constexpr qint64 treeFactor = 4;

QString stringOf(const Json &value) {
    const JsonString &s = value.get_ref<const JsonString &>();
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString tr(const char *text) {
    return QCoreApplication::translate("ntl::TimelineJsImporter", text);
}

// Where a slide's field is in the file, to say so: a JSON pointer, or a row and a column
// ("row 4, column 2 (Month)").
struct Where {
    QString file;
    QString pointer; // JSON: the slide's, such as /events/3
    int row = 0;     // CSV: the row as a spreadsheet numbers it (header 1)
    const QHash<QString, int> *columns = nullptr; // CSV: lower-case name → 1-based column
    QStringList header;

    // `jsonField` such as "start_date/month"; `csvColumn` such as "Month".
    Diagnostic at(const QString &jsonField, const QString &csvColumn, const QString &message,
                  Diagnostic::Severity severity = Diagnostic::Severity::Error) const {
        Diagnostic d;
        d.severity = severity;
        d.file = file;
        if (columns) {
            d.line = row;
            const int column = columns->value(csvColumn.toLower(), 0);
            d.column = column > 0 ? column : 1;
            d.message = column > 0 ? tr("row %1, column %2 (%3): %4")
                                         .arg(QString::number(row), QString::number(column),
                                              header.value(column - 1), message)
                                   : tr("row %1: %2").arg(QString::number(row), message);
        } else {
            d.jsonPath = jsonField.isEmpty() ? pointer : pointer + u'/' + jsonField;
            d.message = message;
        }
        return d;
    }
};

// One TimelineJS date as given: the fields present, not yet checked.
struct DateFields {
    bool given = false;
    QString year, month, day; // as written; empty when absent
};

// A slide, from either file form.
struct Slide {
    Where where;
    DateFields start;
    DateFields end;
    QString displayDate;
    QString headline; // HTML
    QString text;     // HTML
    QString group;
    QString uniqueId;
};

// A checked date part: the first and last day it covers and how finely it is given.
struct DatePart {
    QDate first;
    QDate last;
    DatePrecision level = DatePrecision::Day; // Day, Month or Year
};

class Builder {
public:
    Builder(const QString &fileName, const Dataset &base) {
        m_batch.sourceName = fileName;
        for (const Event &event : base.events)
            m_eventIds.insert(event.id);
        for (const Side &side : base.sides)
            m_sideIds.insert(side.id);
        for (const Actor &actor : base.actors)
            m_actorIds.insert(actor.id);
        // The first side of each name, and the first actor of each name on each side: looked
        // up per slide, so hashed (a scan per slide is quadratic over thousands of groups).
        for (const Side &side : base.sides)
            if (!m_sideByName.contains(side.name.toCaseFolded()))
                m_sideByName.insert(side.name.toCaseFolded(), side.id);
        for (const Actor &actor : base.actors)
            if (!m_actorByName.contains(actorKey(actor.name, actor.sideId)))
                m_actorByName.insert(actorKey(actor.name, actor.sideId), actor.id);
        m_kind = EventDraft::usualKind(base);
        if (m_kind.isEmpty())
            m_kind = QStringLiteral("event");
    }

    // Every message goes through here: past maxListed, they are counted and said in one.
    void report(const Diagnostic &d) {
        if (m_batch.diagnostics.size() < maxListed)
            m_batch.diagnostics.append(d);
        else if (d.isError())
            ++m_errorsLeftOut;
        else
            ++m_warningsLeftOut;
    }
    void error(const Diagnostic &d) { report(d); }
    void error(const QString &message, int line = 0, int column = 0) {
        Diagnostic d;
        d.file = m_batch.sourceName;
        d.line = line;
        d.column = column;
        d.message = message;
        report(d);
    }
    void warning(const QString &message) {
        Diagnostic d;
        d.severity = Diagnostic::Severity::Warning;
        d.file = m_batch.sourceName;
        d.message = message;
        report(d);
    }
    bool hasErrors() const { return m_errorsLeftOut > 0 || m_batch.hasErrors(); }

    void add(const Slide &slide);
    ImportBatch take() {
        if (m_errorsLeftOut + m_warningsLeftOut > 0) {
            Diagnostic d;
            d.severity = m_errorsLeftOut > 0 ? Diagnostic::Severity::Error
                                             : Diagnostic::Severity::Warning;
            d.file = m_batch.sourceName;
            d.message = tr("%1 more errors and %2 more warnings not listed")
                            .arg(m_errorsLeftOut)
                            .arg(m_warningsLeftOut);
            m_batch.diagnostics.append(d);
        }
        return std::move(m_batch);
    }
    qsizetype eventCount() const { return m_batch.newEvents.size(); }

private:
    std::optional<DatePart> datePart(const Slide &slide, const DateFields &fields, bool isEnd);
    std::optional<int> number(const Slide &slide, const QString &value, const char *jsonField,
                              const QString &csvColumn, int lowest, int highest,
                              const QString &what);
    QString sideFor(const QString &group);
    QString actorFor(const QString &group, const QString &sideId);
    QString uniqueId(const QString &wanted, const QSet<QString> &taken, const QString &name);
    static QString actorKey(const QString &name, const QString &sideId) {
        return sideId + u'\n' + name.toCaseFolded();
    }

    static constexpr qsizetype maxListed = 200;
    QHash<QString, QString> m_sideByName;  // case-folded name -> id
    QHash<QString, QString> m_actorByName; // actorKey -> id
    // Per id base, where its count stopped (idFromWords).
    QHash<QString, int> m_nextSideNumber, m_nextActorNumber, m_nextEventNumber;
    qsizetype m_errorsLeftOut = 0;
    qsizetype m_warningsLeftOut = 0;
    ImportBatch m_batch;
    QSet<QString> m_eventIds;
    QSet<QString> m_sideIds;
    QSet<QString> m_actorIds;
    QString m_kind;
    // Made once, not per slide: a display date is compared in both locales.
    const EventDateText m_systemDates{QLocale()};
    const EventDateText m_englishDates{QLocale(QLocale::English)};
};

std::optional<int> Builder::number(const Slide &slide, const QString &value, const char *jsonField,
                                   const QString &csvColumn, int lowest, int highest,
                                   const QString &what) {
    bool ok = false;
    const QString trimmed = value.trimmed();
    int result = trimmed.toInt(&ok);
    if (!ok) {
        // A spreadsheet may write a whole number as "3.0".
        const double real = trimmed.toDouble(&ok);
        // The range first: converting a huge, infinite or NaN double to an integer is
        // undefined behaviour.
        ok = ok && qAbs(real) < 1e9 && real == double(qint64(real));
        result = ok ? int(real) : 0;
    }
    if (!ok) {
        error(slide.where.at(QLatin1String(jsonField), csvColumn,
                             tr("expected a whole number for the %1, found \"%2\"")
                                 .arg(what, ArticleImporter::oneLine(value, 40))));
        return std::nullopt;
    }
    if (result < lowest || result > highest) {
        error(slide.where.at(QLatin1String(jsonField), csvColumn,
                             tr("%1 %2 does not exist; expected %3 to %4")
                                 .arg(what, QString::number(result), QString::number(lowest),
                                      QString::number(highest))));
        return std::nullopt;
    }
    return result;
}

std::optional<DatePart> Builder::datePart(const Slide &slide, const DateFields &fields,
                                          bool isEnd) {
    const QString prefix = isEnd ? QStringLiteral("end_date/") : QStringLiteral("start_date/");
    const QString csv = isEnd ? QStringLiteral("End ") : QString();
    const auto json = [&](const char *field) {
        return (prefix + QLatin1String(field)).toUtf8();
    };
    if (fields.year.trimmed().isEmpty()) {
        error(slide.where.at(prefix + QStringLiteral("year"), csv + QStringLiteral("Year"),
                             isEnd ? tr("an end date without a year")
                                   : tr("a slide without a year; TimelineJS needs one")));
        return std::nullopt;
    }
    const QByteArray yearField = json("year");
    const std::optional<int> year = number(slide, fields.year, yearField.constData(),
                                           csv + QStringLiteral("Year"), 1, 9999, tr("year"));
    if (!year)
        return std::nullopt;
    DatePart part;
    if (fields.month.trimmed().isEmpty()) {
        if (!fields.day.trimmed().isEmpty()) {
            error(slide.where.at(prefix + QStringLiteral("day"), csv + QStringLiteral("Day"),
                                 tr("a day without a month")));
            return std::nullopt;
        }
        part.first = QDate(*year, 1, 1);
        part.last = QDate(*year, 12, 31);
        part.level = DatePrecision::Year;
        return part;
    }
    const QByteArray monthField = json("month");
    const std::optional<int> month = number(slide, fields.month, monthField.constData(),
                                            csv + QStringLiteral("Month"), 1, 12, tr("month"));
    if (!month)
        return std::nullopt;
    const QDate firstOfMonth(*year, *month, 1);
    if (fields.day.trimmed().isEmpty()) {
        part.first = firstOfMonth;
        part.last = firstOfMonth.addDays(firstOfMonth.daysInMonth() - 1);
        part.level = DatePrecision::Month;
        return part;
    }
    const QByteArray dayField = json("day");
    const std::optional<int> day = number(slide, fields.day, dayField.constData(),
                                          csv + QStringLiteral("Day"), 1, 31, tr("day"));
    if (!day)
        return std::nullopt;
    if (*day > firstOfMonth.daysInMonth()) {
        error(slide.where.at(
            prefix + QStringLiteral("day"), csv + QStringLiteral("Day"),
            tr("%1 has no day %2")
                .arg(QLocale(QLocale::English).toString(firstOfMonth, QStringLiteral("MMMM yyyy")),
                     QString::number(*day))));
        return std::nullopt;
    }
    part.first = part.last = QDate(*year, *month, *day);
    part.level = DatePrecision::Day;
    return part;
}

QString Builder::uniqueId(const QString &wanted, const QSet<QString> &taken, const QString &name) {
    const QStringList words = idWords(name);
    return idFromWords(
        QString(), name, wanted, [&](const QString &id) { return taken.contains(id); },
        &taken == &m_sideIds ? &m_nextSideNumber : &m_nextActorNumber);
}

QString Builder::sideFor(const QString &group) {
    if (const auto it = m_sideByName.constFind(group.toCaseFolded()); it != m_sideByName.cend())
        return *it;
    Side side;
    side.name = group;
    side.id = uniqueId(QStringLiteral("side"), m_sideIds, group);
    m_sideIds.insert(side.id);
    m_sideByName.insert(group.toCaseFolded(), side.id);
    m_batch.sides.append(side);
    return side.id;
}

QString Builder::actorFor(const QString &group, const QString &sideId) {
    // The actor the group stands for: one of that name on that side, else any on that side
    // named like it, else a new one.
    if (const auto it = m_actorByName.constFind(actorKey(group, sideId));
        it != m_actorByName.cend())
        return *it;
    Actor actor;
    actor.name = group;
    actor.kind = ActorKind::Group;
    actor.sideId = sideId;
    actor.id = uniqueId(QStringLiteral("actor"), m_actorIds, group);
    m_actorIds.insert(actor.id);
    m_actorByName.insert(actorKey(group, sideId), actor.id);
    m_batch.actors.append(actor);
    return actor.id;
}

void Builder::add(const Slide &slide) {
    const int errorsBefore = errorCount(m_batch.diagnostics) + int(m_errorsLeftOut);
    Event event;
    event.title = ArticleImporter::oneLine(HtmlFragmentText::toOneLine(slide.headline));
    event.summary = HtmlFragmentText::toPlainText(slide.text, TimelineJsExporter::passageClass());
    if (event.title.isEmpty()) {
        // TimelineJS lets a slide go without a headline; an event needs a title.
        const QString firstLine = event.summary.section(u'\n', 0, 0);
        event.title = firstLine.size() > EventDraft::MaxTitleLength
                          ? firstLine.left(EventDraft::MaxTitleLength - 1) + u'…'
                          : firstLine;
    }
    if (event.title.isEmpty())
        error(slide.where.at(QStringLiteral("text/headline"), QStringLiteral("Headline"),
                             tr("a slide with neither a headline nor text")));
    if (event.summary.size() > 20000)
        error(slide.where.at(QStringLiteral("text/text"), QStringLiteral("Text"),
                             tr("the text is %1 characters long; an event's summary holds at "
                                "most 20000")
                                 .arg(event.summary.size())));

    const std::optional<DatePart> start = datePart(slide, slide.start, false);
    std::optional<DatePart> end;
    if (slide.end.given)
        end = datePart(slide, slide.end, true);
    if (!start || (slide.end.given && !end))
        return;
    EventDate &date = event.date;
    date.basis = DateBasis::External;
    date.start = start->first;
    date.end = end ? end->last : start->last;
    date.precision = start->level;
    if (end) {
        if (end->last < start->first) {
            error(slide.where.at(
                QStringLiteral("end_date"), QStringLiteral("End Year"),
                tr("the end (%1) is before the start (%2)")
                    .arg(end->last.toString(Qt::ISODate), start->first.toString(Qt::ISODate))));
            return;
        }
        if (start->level == DatePrecision::Day && end->level == DatePrecision::Day) {
            date.precision = date.start == date.end ? DatePrecision::Day : DatePrecision::Days;
            // A week, or a day somewhere in a range, is a span of days to TimelineJS; our
            // own export's display_date says which it was.
            for (const DatePrecision finer : {DatePrecision::Week, DatePrecision::Unknown}) {
                EventDate candidate = date;
                candidate.precision = finer;
                for (const EventDateText *dates : {&m_systemDates, &m_englishDates}) {
                    if (!slide.displayDate.isEmpty() &&
                        dates->format(candidate) == slide.displayDate.trimmed())
                        date.precision = finer;
                }
            }
        } else if (start->level != end->level) {
            date.precision = DatePrecision::Unknown;
        }
    }
    const QString shown = slide.displayDate.trimmed();
    if (!shown.isEmpty() && shown != m_systemDates.format(date) &&
        shown != m_englishDates.format(date))
        date.note = ArticleImporter::oneLine(tr("TimelineJS display date: %1").arg(shown));

    event.kind = m_kind;
    event.status = EventStatus::Occurred;
    const QString group = ArticleImporter::oneLine(HtmlFragmentText::toOneLine(slide.group), 200);
    if (!group.isEmpty() &&
        group.compare(TimelineJsExporter::severalSidesGroup(), Qt::CaseInsensitive) != 0) {
        const QString sideId = sideFor(group);
        event.participants.append({actorFor(group, sideId), ParticipantRole::Party});
    }
    if (errorCount(m_batch.diagnostics) + int(m_errorsLeftOut) > errorsBefore)
        return;

    const QString wanted = slide.uniqueId.trimmed();
    if (!wanted.isEmpty() && wanted.size() <= 200 && !m_eventIds.contains(wanted)) {
        event.id = wanted;
    } else {
        event.id = EventDraft::newId(
            event.title, [this](const QString &id) { return m_eventIds.contains(id); },
            &m_nextEventNumber);
        if (!wanted.isEmpty())
            report(
                slide.where.at(QStringLiteral("unique_id"), QString(),
                               tr("unique_id \"%1\" is already an event's id; imported as \"%2\"")
                                   .arg(ArticleImporter::oneLine(wanted, 80), event.id),
                               Diagnostic::Severity::Warning));
    }
    m_eventIds.insert(event.id);
    report(slide.where.at(
        QString(), QString(),
        tr("event \"%1\" has no passage (TimelineJS holds none): listed as unsourced")
            .arg(event.title),
        Diagnostic::Severity::Warning));
    m_batch.newEvents.append(event);
}

// --- JSON

QString jsonText(const Json &value) {
    if (value.is_string())
        return stringOf(value);
    if (value.is_number_integer())
        return QString::number(value.get<qint64>());
    if (value.is_number_float())
        return QString::number(value.get<double>(), 'g', 17);
    return {};
}

DateFields jsonDate(const Json &object) {
    DateFields fields;
    if (!object.is_object())
        return fields;
    fields.given = true;
    const auto member = [&](const char *key) {
        const auto it = object.find(key);
        return it == object.end() ? QString() : jsonText(*it);
    };
    fields.year = member("year");
    fields.month = member("month");
    fields.day = member("day");
    if (fields.year.isEmpty() && fields.month.isEmpty() && fields.day.isEmpty())
        fields.given = false; // an empty end_date ({}) is no end
    return fields;
}

} // namespace

bool TimelineJsImporter::isTimelineJsHeader(const QStringList &header) {
    static const QStringList others{QStringLiteral("month"),
                                    QStringLiteral("day"),
                                    QStringLiteral("time"),
                                    QStringLiteral("end year"),
                                    QStringLiteral("end month"),
                                    QStringLiteral("end day"),
                                    QStringLiteral("end time"),
                                    QStringLiteral("display date"),
                                    QStringLiteral("text"),
                                    QStringLiteral("media"),
                                    QStringLiteral("media credit"),
                                    QStringLiteral("media caption"),
                                    QStringLiteral("media thumbnail"),
                                    QStringLiteral("alt text"),
                                    QStringLiteral("type"),
                                    QStringLiteral("group"),
                                    QStringLiteral("background")};
    QSet<QString> names;
    for (const QString &name : header)
        names.insert(name.trimmed().toLower());
    if (!names.contains(QStringLiteral("year")) || !names.contains(QStringLiteral("headline")))
        return false;
    int count = 0;
    for (const QString &other : others)
        count += names.contains(other) ? 1 : 0;
    return count >= 2;
}

ImportBatch TimelineJsImporter::readJson(const QByteArray &bytes, const QString &fileName,
                                         const Dataset &base) {
    Builder builder(fileName, base);
    if (bytes.size() > maxJsonSize) {
        builder.error(tr("the file is %1 MiB; the largest TimelineJS file read is %2 MiB")
                          .arg(bytes.size() / (1024 * 1024))
                          .arg(maxJsonSize / (1024 * 1024)));
        return builder.take();
    }
    const std::string_view json(bytes.constData(), std::size_t(bytes.size()));
    std::atomic<qint64> budget{treeBudget + treeFactor * qint64(bytes.size())};
    Json root;
    const auto atPointer = [&](const QString &pointer, const QString &message) {
        Diagnostic d;
        d.file = fileName;
        d.jsonPath = pointer;
        d.message = message;
        builder.error(d);
    };
    switch (BoundedDom::parse(json, &rootShape, budget, root)) {
    case BoundedDom::Outcome::SyntaxError:
        if (std::optional<Diagnostic> d = JsonSyntax::firstError(json, fileName)) {
            d->message = tr("not valid JSON: %1").arg(d->message);
            builder.error(*d);
        } else {
            builder.error(tr("not valid JSON"));
        }
        return builder.take();
    case BoundedDom::Outcome::TooLarge:
        atPointer(QStringLiteral("/"),
                  tr("the timeline takes more memory than an import may use"));
        return builder.take();
    case BoundedDom::Outcome::Parsed:
        break;
    }
    if (!root.is_object()) {
        atPointer(QStringLiteral("/"), tr("expected a TimelineJS object with \"events\""));
        return builder.take();
    }
    const auto events = root.find("events");
    if (events == root.end() || !events->is_array()) {
        atPointer(QStringLiteral("/events"), tr("expected an array of slides"));
        return builder.take();
    }
    if (qsizetype(events->size()) > maxEvents) {
        atPointer(
            QStringLiteral("/events"),
            tr("%1 slides; the most imported at once is %2").arg(events->size()).arg(maxEvents));
        return builder.take();
    }
    if (const auto eras = root.find("eras");
        eras != root.end() && eras->is_array() && !eras->empty())
        builder.warning((eras->size() == 1 ? tr("1 era not imported: a dataset has no eras")
                                           : tr("%1 eras not imported: a dataset has no eras"))
                            .arg(eras->size()));
    for (std::size_t i = 0; i < events->size(); ++i) {
        const Json &object = (*events)[i];
        Slide slide;
        slide.where.file = fileName;
        slide.where.pointer = QStringLiteral("/events/%1").arg(i);
        if (!object.is_object()) {
            atPointer(slide.where.pointer, tr("expected a slide (an object)"));
            continue;
        }
        const auto string = [&](const Json &parent, const char *key, const QString &path) {
            const auto it = parent.find(key);
            if (it == parent.end() || it->is_null())
                return QString();
            if (!it->is_string()) {
                atPointer(slide.where.pointer + path, tr("expected a string"));
                return QString();
            }
            return stringOf(*it);
        };
        const auto startIt = object.find("start_date");
        if (startIt == object.end() || !startIt->is_object()) {
            atPointer(slide.where.pointer + QStringLiteral("/start_date"),
                      tr("expected a start_date object; every slide but the title needs one"));
            continue;
        }
        slide.start = jsonDate(*startIt);
        slide.start.given = true;
        if (const auto endIt = object.find("end_date");
            endIt != object.end() && !endIt->is_null()) {
            if (!endIt->is_object()) {
                atPointer(slide.where.pointer + QStringLiteral("/end_date"),
                          tr("expected an end_date object"));
                continue;
            }
            slide.end = jsonDate(*endIt);
        }
        slide.displayDate = string(object, "display_date", QStringLiteral("/display_date"));
        if (slide.displayDate.isEmpty())
            slide.displayDate =
                string(*startIt, "display_date", QStringLiteral("/start_date/display_date"));
        if (const auto text = object.find("text"); text != object.end() && text->is_object()) {
            slide.headline = string(*text, "headline", QStringLiteral("/text/headline"));
            slide.text = string(*text, "text", QStringLiteral("/text/text"));
        }
        slide.group = string(object, "group", QStringLiteral("/group"));
        if (const auto id = object.find("unique_id"); id != object.end())
            slide.uniqueId = jsonText(*id);
        builder.add(slide);
    }
    return builder.take();
}

ImportBatch TimelineJsImporter::readCsv(const QByteArray &bytes, const QString &fileName,
                                        const Dataset &base) {
    Builder builder(fileName, base);
    const CsvTable table = CsvTable::parse(bytes, fileName);
    if (table.hasErrors()) {
        for (const Diagnostic &d : table.diagnostics)
            builder.error(d);
        return builder.take();
    }
    if (table.rows.size() > maxEvents) {
        builder.error(
            tr("%1 rows; the most imported at once is %2").arg(table.rows.size()).arg(maxEvents));
        return builder.take();
    }
    QHash<QString, int> columns;
    for (int c = 0; c < table.header.size(); ++c) {
        const QString name = table.header.at(c).trimmed().toLower();
        if (!columns.contains(name))
            columns.insert(name, c + 1);
    }
    const auto cell = [&](const QStringList &row, const char *name) {
        const int column = columns.value(QLatin1String(name), 0);
        return column > 0 ? row.value(column - 1) : QString();
    };
    int eras = 0;
    for (qsizetype r = 0; r < table.rows.size(); ++r) {
        const QStringList &row = table.rows.at(r);
        bool blank = true;
        for (const QString &field : row)
            blank = blank && field.trimmed().isEmpty();
        if (blank)
            continue;
        const QString type = cell(row, "type").trimmed().toLower();
        if (type == QLatin1String("title"))
            continue; // the timeline's title slide: no event
        if (type == QLatin1String("era")) {
            ++eras;
            continue;
        }
        Slide slide;
        slide.where.file = fileName;
        // Rows as a spreadsheet shows them: the header is row 1.
        slide.where.row = int(r) + 2;
        slide.where.columns = &columns;
        slide.where.header = table.header;
        slide.start.given = true;
        slide.start.year = cell(row, "year");
        slide.start.month = cell(row, "month");
        slide.start.day = cell(row, "day");
        slide.end.year = cell(row, "end year");
        slide.end.month = cell(row, "end month");
        slide.end.day = cell(row, "end day");
        slide.end.given =
            !(slide.end.year.trimmed().isEmpty() && slide.end.month.trimmed().isEmpty() &&
              slide.end.day.trimmed().isEmpty());
        slide.displayDate = cell(row, "display date");
        slide.headline = cell(row, "headline");
        slide.text = cell(row, "text");
        slide.group = cell(row, "group");
        builder.add(slide);
    }
    if (eras > 0)
        builder.warning((eras == 1 ? tr("1 era not imported: a dataset has no eras")
                                   : tr("%1 eras not imported: a dataset has no eras"))
                            .arg(eras));
    return builder.take();
}

} // namespace ntl
