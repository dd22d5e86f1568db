#include "commandrecord.h"

#include "commands/addeventcommand.h"
#include "commands/editactorcommand.h"
#include "commands/editarticlecommand.h"
#include "commands/editdisagreementscommand.h"
#include "commands/editeventfieldcommand.h"
#include "commands/editparticipantscommand.h"
#include "commands/editpassagescommand.h"
#include "commands/editsidecommand.h"
#include "commands/importeventscommand.h"
#include "commands/mergeactorscommand.h"
#include "commands/removeeventcommand.h"
#include "document.h"

#include <QCoreApplication>

#include <nlohmann/json.hpp>

namespace ntl {

namespace {

using Json = nlohmann::json;

QString trRecord(const char *text) {
    return QCoreApplication::translate("ntl::CommandRecord", text);
}

// --- Encoding: every value as the JSON type its reading below expects.

Json str(const QString &text) {
    return text.toStdString();
}

Json date(const QDate &value) {
    return value.isValid() ? Json(value.toString(Qt::ISODate).toStdString()) : Json(nullptr);
}

const std::pair<EventField, const char *> fieldNames[] = {
    {EventField::Title, "title"},
    {EventField::Summary, "summary"},
    {EventField::Kind, "kind"},
    {EventField::Status, "status"},
    {EventField::DateStart, "date.start"},
    {EventField::DateEnd, "date.end"},
    {EventField::DatePrecision, "date.precision"},
    {EventField::DateExpression, "date.expression"},
    {EventField::DateBasis, "date.basis"},
    {EventField::DateAnchor, "date.anchor"},
    {EventField::DateNote, "date.note"},
    {EventField::Place, "place"},
    {EventField::Note, "note"},
};

Json participantJson(const Participant &p) {
    return {{"actor", str(p.actorId)}, {"role", str(jsonName(p.role))}};
}

Json passageJson(const SourcePassage &p) {
    return {{"article", str(p.articleId)},
            {"exact", str(p.exact)},
            {"prefix", str(p.prefix)},
            {"suffix", str(p.suffix)},
            {"storedStart", p.storedStart},
            {"storedEnd", p.storedEnd},
            {"start", p.start},
            {"end", p.end}};
}

Json disagreementJson(const Disagreement &d) {
    Json claims = Json::array();
    for (const Claim &c : d.claims)
        claims.push_back({{"article", str(c.articleId)},
                          {"exact", str(c.exact)},
                          {"says", str(c.says)},
                          {"start", c.start},
                          {"end", c.end}});
    return {{"topic", str(d.topic)}, {"claims", std::move(claims)}};
}

template <typename Item> Json listJson(const QList<Item> &items, Json (*one)(const Item &)) {
    Json array = Json::array();
    for (const Item &item : items)
        array.push_back(one(item));
    return array;
}

Json eventJson(const Event &e) {
    return {{"id", str(e.id)},
            {"title", str(e.title)},
            {"summary", str(e.summary)},
            {"kind", str(e.kind)},
            {"status", str(jsonName(e.status))},
            {"date",
             {{"start", date(e.date.start)},
              {"end", date(e.date.end)},
              {"precision", str(jsonName(e.date.precision))},
              {"expression", str(e.date.expression)},
              {"basis", str(jsonName(e.date.basis))},
              {"anchor", str(e.date.anchorArticleId)},
              {"note", str(e.date.note)}}},
            {"place", str(e.place)},
            {"participants", listJson(e.participants, participantJson)},
            {"sources", listJson(e.sources, passageJson)},
            {"disagreements", listJson(e.disagreements, disagreementJson)},
            {"note", str(e.note)}};
}

Json sideJson(const Side &s) {
    return {{"id", str(s.id)}, {"name", str(s.name)}, {"color", str(s.color)}};
}

Json actorJson(const Actor &a) {
    return {{"id", str(a.id)},
            {"name", str(a.name)},
            {"kind", str(jsonName(a.kind))},
            {"side", str(a.sideId)},
            {"affiliation", str(a.affiliationId)},
            {"title", str(a.title)}};
}

Json articleJson(const Article &a) {
    return {{"id", str(a.id)},
            {"title", str(a.title)},
            {"publisher", str(a.publisher)},
            {"url", str(a.url)},
            {"published", date(a.published)},
            {"publishedInferred", a.publishedInferred},
            {"textFile", str(a.textFile)},
            {"text", str(a.text)},
            {"textSha256", str(a.textSha256)}};
}

Json fieldValueJson(EventField field, const QVariant &value) {
    switch (field) {
    case EventField::Status:
        return str(jsonName(value.value<EventStatus>()));
    case EventField::DatePrecision:
        return str(jsonName(value.value<DatePrecision>()));
    case EventField::DateBasis:
        return str(jsonName(value.value<DateBasis>()));
    case EventField::DateStart:
    case EventField::DateEnd:
        return date(value.toDate());
    default:
        return str(value.toString());
    }
}

// --- Decoding: each reader returns false with the member's name in `error`.

struct In {
    QString *error;

    bool fail(const QString &where, const char *expected) {
        *error = trRecord("member \"%1\": expected %2").arg(where, trRecord(expected));
        return false;
    }
    const Json *member(const Json &object, const char *key, const QString &where) {
        const auto it = object.find(key);
        if (it == object.end()) {
            *error = trRecord("member \"%1\" is missing").arg(where);
            return nullptr;
        }
        return &*it;
    }
    bool text(const Json &object, const char *key, const QString &at, QString &out) {
        const QString where = at + QLatin1String(key);
        const Json *value = member(object, key, where);
        if (!value)
            return false;
        if (!value->is_string())
            return fail(where, "a string");
        out = QString::fromStdString(value->get_ref<const std::string &>());
        return true;
    }
    template <typename Number>
    bool number(const Json &object, const char *key, const QString &at, Number &out) {
        const QString where = at + QLatin1String(key);
        const Json *value = member(object, key, where);
        if (!value)
            return false;
        if (!value->is_number_integer() ||
            (value->is_number_unsigned() && value->get<quint64>() > quint64(LLONG_MAX)))
            return fail(where, "an integer");
        const qint64 n = value->get<qint64>();
        if (n < qint64(std::numeric_limits<Number>::min()) ||
            n > qint64(std::numeric_limits<Number>::max()))
            return fail(where, "an integer in range");
        out = Number(n);
        return true;
    }
    bool boolean(const Json &object, const char *key, const QString &at, bool &out) {
        const QString where = at + QLatin1String(key);
        const Json *value = member(object, key, where);
        if (!value)
            return false;
        if (!value->is_boolean())
            return fail(where, "true or false");
        out = value->get<bool>();
        return true;
    }
    bool dateValue(const Json &value, const QString &where, QDate &out) {
        if (value.is_null()) {
            out = QDate();
            return true;
        }
        if (!value.is_string())
            return fail(where, "a date (YYYY-MM-DD) or null");
        out = QDate::fromString(QString::fromStdString(value.get<std::string>()), Qt::ISODate);
        return out.isValid() || fail(where, "a date (YYYY-MM-DD) or null");
    }
    bool dateMember(const Json &object, const char *key, const QString &at, QDate &out) {
        const QString where = at + QLatin1String(key);
        const Json *value = member(object, key, where);
        return value && dateValue(*value, where, out);
    }
    template <typename Enum>
    bool enumValue(const QString &name, std::optional<Enum> (*parse)(const QString &),
                   const QString &where, Enum &out) {
        const std::optional<Enum> value = parse(name);
        if (!value)
            return fail(where, "a known name");
        out = *value;
        return true;
    }
    template <typename Enum>
    bool enumMember(const Json &object, const char *key, const QString &at,
                    std::optional<Enum> (*parse)(const QString &), Enum &out) {
        QString name;
        return text(object, key, at, name) && enumValue(name, parse, at + QLatin1String(key), out);
    }
    const Json *object(const Json &value, const QString &where) {
        if (!value.is_object()) {
            fail(where, "an object");
            return nullptr;
        }
        return &value;
    }
    template <typename Item>
    bool list(const Json &object, const char *key, const QString &at, QList<Item> &out,
              bool (In::*one)(const Json &, const QString &, Item &)) {
        const QString where = at + QLatin1String(key);
        const Json *value = member(object, key, where);
        if (!value)
            return false;
        if (!value->is_array())
            return fail(where, "an array");
        out.clear();
        out.reserve(qsizetype(value->size()));
        for (std::size_t i = 0; i < value->size(); ++i) {
            Item item;
            const QString itemAt = QStringLiteral("%1[%2].").arg(where).arg(i);
            if (!this->object((*value)[i], itemAt.chopped(1)) ||
                !(this->*one)((*value)[i], itemAt, item))
                return false;
            out.append(item);
        }
        return true;
    }

    bool participant(const Json &o, const QString &at, Participant &p) {
        return text(o, "actor", at, p.actorId) &&
               enumMember(o, "role", at, participantRoleFromString, p.role);
    }
    bool passage(const Json &o, const QString &at, SourcePassage &p) {
        return text(o, "article", at, p.articleId) && text(o, "exact", at, p.exact) &&
               text(o, "prefix", at, p.prefix) && text(o, "suffix", at, p.suffix) &&
               number(o, "storedStart", at, p.storedStart) &&
               number(o, "storedEnd", at, p.storedEnd) && number(o, "start", at, p.start) &&
               number(o, "end", at, p.end);
    }
    bool claim(const Json &o, const QString &at, Claim &c) {
        return text(o, "article", at, c.articleId) && text(o, "exact", at, c.exact) &&
               text(o, "says", at, c.says) && number(o, "start", at, c.start) &&
               number(o, "end", at, c.end);
    }
    bool disagreement(const Json &o, const QString &at, Disagreement &d) {
        return text(o, "topic", at, d.topic) && list(o, "claims", at, d.claims, &In::claim);
    }
    bool event(const Json &o, const QString &at, Event &e) {
        const QString dateAt = at + QStringLiteral("date.");
        const Json *d = member(o, "date", dateAt.chopped(1));
        return text(o, "id", at, e.id) && text(o, "title", at, e.title) &&
               text(o, "summary", at, e.summary) && text(o, "kind", at, e.kind) &&
               enumMember(o, "status", at, eventStatusFromString, e.status) && d &&
               object(*d, dateAt.chopped(1)) && dateMember(*d, "start", dateAt, e.date.start) &&
               dateMember(*d, "end", dateAt, e.date.end) &&
               enumMember(*d, "precision", dateAt, datePrecisionFromString, e.date.precision) &&
               text(*d, "expression", dateAt, e.date.expression) &&
               enumMember(*d, "basis", dateAt, dateBasisFromString, e.date.basis) &&
               text(*d, "anchor", dateAt, e.date.anchorArticleId) &&
               text(*d, "note", dateAt, e.date.note) && text(o, "place", at, e.place) &&
               list(o, "participants", at, e.participants, &In::participant) &&
               list(o, "sources", at, e.sources, &In::passage) &&
               list(o, "disagreements", at, e.disagreements, &In::disagreement) &&
               text(o, "note", at, e.note);
    }
    bool side(const Json &o, const QString &at, Side &s) {
        // "color" came later: a journal written without it reads as no colour.
        return text(o, "id", at, s.id) && text(o, "name", at, s.name) &&
               (!o.contains("color") || text(o, "color", at, s.color));
    }
    bool actor(const Json &o, const QString &at, Actor &a) {
        return text(o, "id", at, a.id) && text(o, "name", at, a.name) &&
               enumMember(o, "kind", at, actorKindFromString, a.kind) &&
               text(o, "side", at, a.sideId) && text(o, "affiliation", at, a.affiliationId) &&
               text(o, "title", at, a.title);
    }
    bool article(const Json &o, const QString &at, Article &a) {
        return text(o, "id", at, a.id) && text(o, "title", at, a.title) &&
               text(o, "publisher", at, a.publisher) && text(o, "url", at, a.url) &&
               dateMember(o, "published", at, a.published) &&
               boolean(o, "publishedInferred", at, a.publishedInferred) &&
               text(o, "textFile", at, a.textFile) && text(o, "text", at, a.text) &&
               text(o, "textSha256", at, a.textSha256);
    }
    bool fieldValue(const Json &o, EventField field, QVariant &out) {
        const QString where = QStringLiteral("value");
        const Json *value = member(o, "value", where);
        if (!value)
            return false;
        QDate day;
        QString name;
        switch (field) {
        case EventField::DateStart:
        case EventField::DateEnd:
            if (!dateValue(*value, where, day))
                return false;
            out = day;
            return true;
        default:
            break;
        }
        if (!text(o, "value", {}, name))
            return false;
        EventStatus status;
        DatePrecision precision;
        DateBasis basis;
        switch (field) {
        case EventField::Status:
            if (!enumValue(name, eventStatusFromString, where, status))
                return false;
            out = QVariant::fromValue(status);
            return true;
        case EventField::DatePrecision:
            if (!enumValue(name, datePrecisionFromString, where, precision))
                return false;
            out = QVariant::fromValue(precision);
            return true;
        case EventField::DateBasis:
            if (!enumValue(name, dateBasisFromString, where, basis))
                return false;
            out = QVariant::fromValue(basis);
            return true;
        default:
            out = name;
            return true;
        }
    }
};

// The kinds of item change (sides, actors, articles): add, edit, or remove (no "value").
template <typename Command, typename Item>
Json itemRecord(const char *kind, const Command &c, Json (*one)(const Item &)) {
    Json record = {{"c", kind}, {"id", str(c.itemId())}, {"text", str(c.text())}};
    if (c.after())
        record["value"] = one(*c.after());
    return record;
}

template <typename Command, typename Item>
std::unique_ptr<DocumentCommand> itemCommand(In &in, const Json &record, Document *document,
                                             bool (In::*one)(const Json &, const QString &,
                                                             Item &)) {
    QString id, text;
    if (!in.text(record, "id", {}, id) || !in.text(record, "text", {}, text))
        return nullptr;
    std::optional<Item> after;
    const auto value = record.find("value");
    if (value != record.end()) {
        Item item;
        if (!in.object(*value, QStringLiteral("value")) ||
            !(in.*one)(*value, QStringLiteral("value."), item))
            return nullptr;
        after = item;
    }
    return std::make_unique<Command>(document, id, after, text);
}

template <typename Command, typename Item>
Json listRecord(const char *kind, const Command &c, Json (*one)(const Item &)) {
    return {{"c", kind},
            {"event", str(c.eventId())},
            {"text", str(c.text())},
            {"items", listJson(c.items(), one)}};
}

template <typename Command, typename Item>
std::unique_ptr<DocumentCommand> listCommand(In &in, const Json &record, Document *document,
                                             bool (In::*one)(const Json &, const QString &,
                                                             Item &)) {
    QString eventId, text;
    QList<Item> items;
    if (!in.text(record, "event", {}, eventId) || !in.text(record, "text", {}, text) ||
        !in.list(record, "items", {}, items, one))
        return nullptr;
    return std::make_unique<Command>(document, eventId, items, text);
}

} // namespace

QByteArray CommandRecord::encode(const QUndoCommand &command) {
    Json record;
    if (const auto *c = dynamic_cast<const EditEventFieldCommand *>(&command)) {
        const auto name = std::find_if(std::begin(fieldNames), std::end(fieldNames),
                                       [&](const auto &pair) { return pair.first == c->field(); });
        if (name == std::end(fieldNames))
            return {};
        record = {{"c", "field"},
                  {"event", str(c->eventId())},
                  {"field", name->second},
                  {"value", fieldValueJson(c->field(), c->newValue())}};
    } else if (const auto *c = dynamic_cast<const AddEventCommand *>(&command)) {
        record = {{"c", "add-event"}, {"row", c->row()}, {"value", eventJson(c->event())}};
    } else if (const auto *c = dynamic_cast<const RemoveEventCommand *>(&command)) {
        record = {{"c", "remove-event"}, {"event", str(c->eventId())}};
    } else if (const auto *c = dynamic_cast<const ImportEventsCommand *>(&command)) {
        // (nlohmann orders the keys: each must sort after "c", which starts every record.)
        record = {{"c", "import-events"},
                  {"text", str(c->text())},
                  {"new", listJson(c->added(), eventJson)},
                  {"updated", listJson(c->updated(), eventJson)}};
    } else if (const auto *c = dynamic_cast<const MergeActorsCommand *>(&command)) {
        record = {{"c", "merge-actors"}, {"from", str(c->fromId())}, {"into", str(c->intoId())}};
    } else if (const auto *c = dynamic_cast<const EditParticipantsCommand *>(&command)) {
        record = listRecord("participants", *c, participantJson);
    } else if (const auto *c = dynamic_cast<const EditPassagesCommand *>(&command)) {
        record = listRecord("passages", *c, passageJson);
    } else if (const auto *c = dynamic_cast<const EditDisagreementsCommand *>(&command)) {
        record = listRecord("disagreements", *c, disagreementJson);
    } else if (const auto *c = dynamic_cast<const EditSideCommand *>(&command)) {
        record = itemRecord("side", *c, sideJson);
    } else if (const auto *c = dynamic_cast<const EditActorCommand *>(&command)) {
        record = itemRecord("actor", *c, actorJson);
    } else if (const auto *c = dynamic_cast<const EditArticleCommand *>(&command)) {
        record = itemRecord("article", *c, articleJson);
    } else {
        return {};
    }
    // Invalid UTF-16 (a lone surrogate) became U+FFFD in toStdString; replace, never throw.
    return QByteArray::fromStdString(record.dump(-1, ' ', false, Json::error_handler_t::replace));
}

std::unique_ptr<DocumentCommand> CommandRecord::decode(const QByteArray &bytes, Document *document,
                                                       QString *error) {
    QString ignored;
    In in{error ? error : &ignored};
    if (bytes.size() > maxRecordBytes) {
        *in.error = trRecord("the record is longer than %1 bytes").arg(maxRecordBytes);
        return nullptr;
    }
    const Json record = Json::parse(bytes.constBegin(), bytes.constEnd(), nullptr, false);
    if (record.is_discarded()) {
        *in.error = trRecord("the record is not JSON");
        return nullptr;
    }
    if (!in.object(record, QStringLiteral("record")))
        return nullptr;
    QString kind;
    if (!in.text(record, "c", {}, kind))
        return nullptr;
    if (kind == QLatin1String("field")) {
        QString eventId, fieldName;
        if (!in.text(record, "event", {}, eventId) || !in.text(record, "field", {}, fieldName))
            return nullptr;
        const auto name =
            std::find_if(std::begin(fieldNames), std::end(fieldNames),
                         [&](const auto &pair) { return fieldName == QLatin1String(pair.second); });
        if (name == std::end(fieldNames)) {
            in.fail(QStringLiteral("field"), "an event field's name");
            return nullptr;
        }
        QVariant value;
        if (!in.fieldValue(record, name->first, value))
            return nullptr;
        return std::make_unique<EditEventFieldCommand>(document, eventId, name->first, value);
    }
    if (kind == QLatin1String("add-event")) {
        int row = -1;
        Event event;
        const Json *value = in.member(record, "value", QStringLiteral("value"));
        if (!in.number(record, "row", {}, row) || !value ||
            !in.object(*value, QStringLiteral("value")) ||
            !in.event(*value, QStringLiteral("value."), event))
            return nullptr;
        if (row < -1 || row > document->dataset().events.size()) {
            in.fail(QStringLiteral("row"), "a row of the dataset, or -1");
            return nullptr;
        }
        return std::make_unique<AddEventCommand>(document, event, row);
    }
    if (kind == QLatin1String("remove-event")) {
        QString eventId;
        if (!in.text(record, "event", {}, eventId))
            return nullptr;
        return std::make_unique<RemoveEventCommand>(document, eventId);
    }
    if (kind == QLatin1String("import-events")) {
        QString text;
        QList<Event> added, updated;
        if (!in.text(record, "text", {}, text) || !in.list(record, "new", {}, added, &In::event) ||
            !in.list(record, "updated", {}, updated, &In::event))
            return nullptr;
        return std::make_unique<ImportEventsCommand>(document, added, updated, text);
    }
    if (kind == QLatin1String("merge-actors")) {
        QString from, into;
        if (!in.text(record, "from", {}, from) || !in.text(record, "into", {}, into))
            return nullptr;
        return std::make_unique<MergeActorsCommand>(document, from, into);
    }
    if (kind == QLatin1String("participants"))
        return listCommand<EditParticipantsCommand>(in, record, document, &In::participant);
    if (kind == QLatin1String("passages"))
        return listCommand<EditPassagesCommand>(in, record, document, &In::passage);
    if (kind == QLatin1String("disagreements"))
        return listCommand<EditDisagreementsCommand>(in, record, document, &In::disagreement);
    if (kind == QLatin1String("side"))
        return itemCommand<EditSideCommand>(in, record, document, &In::side);
    if (kind == QLatin1String("actor"))
        return itemCommand<EditActorCommand>(in, record, document, &In::actor);
    if (kind == QLatin1String("article"))
        return itemCommand<EditArticleCommand>(in, record, document, &In::article);
    *in.error = trRecord("unknown kind of edit \"%1\"").arg(kind);
    return nullptr;
}

} // namespace ntl
