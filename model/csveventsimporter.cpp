#include "csveventsimporter.h"

#include "csvcelllist.h"
#include "eventdraft.h"
#include "idwords.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <functional>
#include <initializer_list>
#include <set>
#include <vector>

namespace ntl {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1) {
    return QCoreApplication::translate("ntl::CsvEventsImporter", text, disambiguation, n);
}

// A date in one of the ISO forms a spreadsheet column holds, and the range its form spans.
struct CellDate {
    QDate first;
    QDate last;
    DatePrecision form = DatePrecision::Day; // Day, Month or Year
};

std::optional<CellDate> parseDate(const QString &text) {
    static const QRegularExpression pattern(
        QStringLiteral("^(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?$"));
    const auto match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const int year = match.captured(1).toInt();
    if (match.captured(2).isEmpty()) {
        return CellDate{QDate(year, 1, 1), QDate(year, 12, 31), DatePrecision::Year};
    }
    const int month = match.captured(2).toInt();
    if (month < 1 || month > 12)
        return std::nullopt;
    if (match.captured(3).isEmpty()) {
        const QDate first(year, month, 1);
        return CellDate{first, first.addDays(first.daysInMonth() - 1), DatePrecision::Month};
    }
    const QDate day(year, month, match.captured(3).toInt());
    if (!day.isValid())
        return std::nullopt;
    return CellDate{day, day, DatePrecision::Day};
}

// Items by id and by case-folded name (the first of that name), so that a table of 100,000
// rows looks each one up in constant time.
struct NameIndex {
    QHash<QString, int> byId;
    QHash<QString, int> byName;

    void add(const QString &id, const QString &name, int index) {
        byId.insert(id, index);
        const QString folded = name.toCaseFolded();
        if (!byName.contains(folded))
            byName.insert(folded, index);
    }
    int find(const QString &text) const {
        const auto it = byId.constFind(text);
        return it != byId.cend() ? *it : byName.value(text.toCaseFolded(), -1);
    }
};

QString sideActorKey(const QString &sideId, const QString &name) {
    return sideId + u'\n' + name.toCaseFolded();
}

// `nextNumber` remembers where each base's count stopped (see idFromWords).
QString uniqueId(const QString &prefix, const QString &name,
                 const std::function<bool(const QString &)> &taken,
                 QHash<QString, int> *nextNumber) {
    return idFromWords(QString(), name, prefix, taken, nextNumber);
}

class Reader {
public:
    Reader(const CsvTable &table, const QString &fileName, const Dataset &base,
           const CsvMapping &mapping)
        : m_table(table)
        , m_file(fileName)
        , m_base(base)
        , m_mapping(mapping) {
        m_batch.sourceName = fileName;
    }

    ImportBatch run() {
        m_batch.diagnostics = m_table.diagnostics;
        if (!m_table.ok())
            return std::move(m_batch);
        if (!m_mapping.fits(int(m_table.header.size()))) {
            error(-1, -1, tr("the column mapping names a column the file does not have"));
            return std::move(m_batch);
        }
        if (const QString missing = m_mapping.missing(); !missing.isEmpty()) {
            error(-1, -1, missing);
            return std::move(m_batch);
        }
        for (const Event &event : m_base.events)
            m_baseEvents.insert(event.id, &event);
        m_rows.reserve(m_table.rows.size());
        for (const QStringList &row : m_table.rows) {
            QStringList cells;
            for (const QString &cell : row)
                cells.append(CsvTable::unguardFormula(cell));
            m_rows.append(cells);
        }
        indexBase();
        reserveIds();
        createSides();
        for (qsizetype i = 0; i < m_rows.size() && !m_full; ++i)
            readRow(int(i));
        // One line for all of them: a table of events brings no passages of its own.
        if (!m_batch.newEvents.isEmpty() && !m_batch.hasErrors())
            error(-1, -1,
                  tr("%n new event(s) cite no passage: listed as unsourced until their passages "
                     "are added (import the passages table, or select them in the articles)",
                     nullptr, int(m_batch.newEvents.size())),
                  Diagnostic::Severity::Warning);
        return std::move(m_batch);
    }

private:
    QString cell(int rowIndex, CsvMapping::Field field) const {
        const int column = m_mapping.column(field);
        return column < 0 ? QString() : m_rows.at(rowIndex).at(column);
    }
    bool mapped(CsvMapping::Field field) const { return m_mapping.column(field) >= 0; }

    // The kind of a row without one: found once (a pass over base's events), not per row.
    const QString &usualKind() {
        if (m_usualKind.isEmpty()) {
            m_usualKind = EventDraft::usualKind(m_base);
            if (m_usualKind.isEmpty())
                m_usualKind = QStringLiteral("event");
        }
        return m_usualKind;
    }

    // rowIndex -1 with column -1: the whole file.
    void error(int rowIndex, int column, const QString &message,
               Diagnostic::Severity severity = Diagnostic::Severity::Error) {
        if (m_batch.diagnostics.size() >= CsvEventsImporter::maxErrors) {
            m_full = true;
            return;
        }
        Diagnostic d;
        d.severity = severity;
        d.file = m_file;
        if (rowIndex >= 0) {
            d.line = rowIndex + 2;
            d.column = column + 1;
            QString where = column < 0 ? tr("row %1").arg(rowIndex + 2)
                                       : tr("row %1, column %2").arg(rowIndex + 2).arg(column + 1);
            if (column >= 0 && !m_table.header.at(column).isEmpty())
                where += QStringLiteral(" (%1)").arg(m_table.header.at(column).left(80));
            d.message = where + QStringLiteral(": ") + message;
        } else {
            d.message = message;
        }
        m_batch.diagnostics.append(d);
    }
    void error(int rowIndex, CsvMapping::Field field, const QString &message) {
        error(rowIndex, m_mapping.column(field), message);
    }

    // Ids the file gives are reserved before any id is made, so a made one never takes them.
    void reserveIds() {
        if (!mapped(CsvMapping::Id))
            return;
        QHash<QString, int> firstRow;
        for (int i = 0; i < m_rows.size(); ++i) {
            const QString id = cell(i, CsvMapping::Id).trimmed();
            if (id.isEmpty())
                continue;
            if (firstRow.contains(id)) {
                error(i, CsvMapping::Id,
                      tr("the id \"%1\" is already used at row %2").arg(id).arg(firstRow[id] + 2));
                continue;
            }
            firstRow.insert(id, i);
            m_usedEventIds.insert(id);
        }
    }

    void indexBase() {
        for (int i = 0; i < m_base.sides.size(); ++i)
            m_baseSides.add(m_base.sides.at(i).id, m_base.sides.at(i).name, i);
        for (int i = 0; i < m_base.actors.size(); ++i) {
            const Actor &actor = m_base.actors.at(i);
            m_baseActors.add(actor.id, actor.name, i);
            if (!actor.sideId.isEmpty() &&
                !m_sideActors.contains(sideActorKey(actor.sideId, actor.name)))
                m_sideActors.insert(sideActorKey(actor.sideId, actor.name), actor.id);
        }
    }

    const Side *findSide(const QString &text) const {
        if (const int i = m_baseSides.find(text); i >= 0)
            return &m_base.sides.at(i);
        if (const int i = m_batchSides.find(text); i >= 0)
            return &m_batch.sides.at(i);
        return nullptr;
    }

    // New sides in an order that keeps every cell's order (cells list sides in the order of the
    // dataset they came from), so that a round trip writes the same cells again.
    void createSides() {
        QStringList order;            // first appearance, case-folded keys
        QHash<QString, QString> name; // key -> name as first written
        QHash<QString, QSet<QString>> after;
        QHash<QString, int> before;
        auto note = [&](const QString &text) -> QString {
            if (text.isEmpty() || findSide(text))
                return {};
            const QString key = text.toCaseFolded();
            if (!name.contains(key)) {
                name.insert(key, text);
                order.append(key);
                before.insert(key, 0);
            }
            return key;
        };
        for (int i = 0; i < m_rows.size(); ++i) {
            QString previous;
            for (const QString &text : CsvCellList::split(cell(i, CsvMapping::Sides))) {
                const QString key = note(text);
                if (key.isEmpty())
                    continue;
                if (!previous.isEmpty() && previous != key && !after[previous].contains(key)) {
                    after[previous].insert(key);
                    ++before[key];
                }
                previous = key;
            }
            for (const QString &raw : CsvCellList::splitRaw(cell(i, CsvMapping::Actors))) {
                QString actor, role, side;
                CsvCellList::parseActor(raw, &actor, &role, &side);
                note(side);
            }
        }
        // Kahn's order, ties by first appearance; a cycle (cells disagreeing) falls back to it.
        // The ready ones are kept sorted by appearance, so that tens of thousands of sides in
        // a cell do not make it quadratic.
        QHash<QString, qsizetype> position;
        std::set<qsizetype> ready;
        for (qsizetype i = 0; i < order.size(); ++i) {
            position.insert(order.at(i), i);
            if (before.value(order.at(i)) == 0)
                ready.insert(i);
        }
        std::vector<bool> done(size_t(order.size()), false);
        qsizetype lowestLeft = 0;
        for (qsizetype count = 0; count < order.size(); ++count) {
            qsizetype index;
            if (!ready.empty()) {
                index = *ready.begin();
                ready.erase(ready.begin());
            } else {
                while (done[size_t(lowestLeft)])
                    ++lowestLeft;
                index = lowestLeft;
            }
            done[size_t(index)] = true;
            const QString next = order.at(index);
            for (const QString &key : after.value(next)) {
                const qsizetype at = position.value(key);
                if (--before[key] == 0 && !done[size_t(at)])
                    ready.insert(at);
            }
            Side side;
            side.name = name.value(next);
            side.id = uniqueId(
                QStringLiteral("side"), side.name,
                [this](const QString &id) {
                    return m_base.side(id) || m_batchSides.byId.contains(id);
                },
                &m_nextSideNumber);
            m_batchSides.add(side.id, side.name, int(m_batch.sides.size()));
            m_batch.sides.append(side);
        }
    }

    const Actor *findActor(const QString &text) const {
        if (const int i = m_baseActors.find(text); i >= 0)
            return &m_base.actors.at(i);
        if (const int i = m_batchActors.find(text); i >= 0)
            return &m_batch.actors.at(i);
        return nullptr;
    }

    QString sideOf(const QString &actorId) const {
        if (m_base.actor(actorId))
            return m_base.effectiveSideId(actorId);
        if (const int i = m_batchActors.byId.value(actorId, -1); i >= 0)
            return m_batch.actors.at(i).sideId;
        return {};
    }

    QString newActor(const QString &actorName, const QString &sideId) {
        Actor actor;
        actor.name = actorName;
        actor.kind = ActorKind::Group; // CSV does not say; the user can change it
        actor.sideId = sideId;
        actor.id = uniqueId(
            QStringLiteral("actor"), actorName,
            [this](const QString &id) {
                return m_base.actor(id) || m_batchActors.byId.contains(id);
            },
            &m_nextActorNumber);
        m_batchActors.add(actor.id, actor.name, int(m_batch.actors.size()));
        if (!sideId.isEmpty() && !m_sideActors.contains(sideActorKey(sideId, actorName)))
            m_sideActors.insert(sideActorKey(sideId, actorName), actor.id);
        m_batch.actors.append(actor);
        return actor.id;
    }

    bool readParticipants(int row, Event &event) {
        bool ok = true;
        if (mapped(CsvMapping::Actors)) {
            event.participants.clear();
            for (const QString &raw : CsvCellList::splitRaw(cell(row, CsvMapping::Actors))) {
                QString actorName, roleText, sideText;
                CsvCellList::parseActor(raw, &actorName, &roleText, &sideText);
                Participant participant;
                if (!roleText.isEmpty()) {
                    const auto role = participantRoleFromString(roleText.toLower());
                    if (!role) {
                        error(row, CsvMapping::Actors,
                              tr("\"%1\": expected a role party, mediator, host, speaker, "
                                 "target or mentioned, found \"%2\"")
                                  .arg(actorName, roleText));
                        ok = false;
                        continue;
                    }
                    participant.role = *role;
                }
                if (actorName.isEmpty()) {
                    error(row, CsvMapping::Actors, tr("an actor without a name"));
                    ok = false;
                    continue;
                }
                const Actor *actor = findActor(actorName);
                if (actor) {
                    participant.actorId = actor->id;
                } else {
                    const Side *side = sideText.isEmpty() ? nullptr : findSide(sideText);
                    participant.actorId = newActor(actorName, side ? side->id : QString());
                }
                event.participants.append(participant);
            }
        }
        // The sides taking part so far, in a set: a cell may name thousands of sides.
        QSet<QString> present;
        const QStringList sideTexts = CsvCellList::split(cell(row, CsvMapping::Sides));
        if (!sideTexts.isEmpty())
            for (const Participant &p : std::as_const(event.participants))
                present.insert(sideOf(p.actorId));
        for (const QString &text : sideTexts) {
            const Side *side = findSide(text);
            if (!side)
                continue; // cannot happen: createSides() made every one
            const QString sideId = side->id;
            if (present.contains(sideId))
                continue;
            present.insert(sideId);
            // The side takes part through an actor of its own name (made when there is none).
            QString actorId = m_sideActors.value(sideActorKey(sideId, side->name));
            if (actorId.isEmpty())
                actorId = newActor(side->name, sideId);
            event.participants.append(Participant{actorId, ParticipantRole::Party});
        }
        return ok;
    }

    bool readDate(int row, Event &event, bool update) {
        const QString startText = cell(row, CsvMapping::Start).trimmed();
        const auto start = parseDate(startText);
        if (!start) {
            error(row, CsvMapping::Start,
                  tr("expected a date YYYY, YYYY-MM or YYYY-MM-DD, found \"%1\"").arg(startText));
            return false;
        }
        CellDate end = *start;
        const QString endText = cell(row, CsvMapping::End).trimmed();
        if (!endText.isEmpty()) {
            const auto parsed = parseDate(endText);
            if (!parsed) {
                error(row, CsvMapping::End,
                      tr("expected a date YYYY, YYYY-MM or YYYY-MM-DD, found \"%1\"").arg(endText));
                return false;
            }
            end = *parsed;
        }
        if (end.last < start->first) {
            error(row, CsvMapping::End,
                  tr("the end %1 is before the start %2").arg(endText, startText));
            return false;
        }
        EventDate &date = event.date;
        date.start = start->first;
        date.end = end.last;
        const QString precisionText = cell(row, CsvMapping::Precision).trimmed();
        if (!precisionText.isEmpty()) {
            const auto precision = datePrecisionFromString(precisionText.toLower());
            if (!precision) {
                error(row, CsvMapping::Precision,
                      tr("expected day, days, week, month, year or unknown, found \"%1\"")
                          .arg(precisionText));
                return false;
            }
            date.precision = *precision;
        } else if (start->form != end.form) {
            date.precision = DatePrecision::Unknown;
        } else if (start->form == DatePrecision::Day) {
            date.precision = date.start == date.end ? DatePrecision::Day : DatePrecision::Days;
        } else {
            date.precision = start->form;
        }
        if (mapped(CsvMapping::DateExpression) || !update)
            date.expression = cell(row, CsvMapping::DateExpression);
        if (mapped(CsvMapping::DateNote) || !update)
            date.note = cell(row, CsvMapping::DateNote);
        if (mapped(CsvMapping::DateBasis) || !update) {
            const QString basisText = cell(row, CsvMapping::DateBasis).trimmed();
            date.basis = DateBasis::Stated;
            if (!basisText.isEmpty()) {
                const auto basis = dateBasisFromString(basisText.toLower());
                if (!basis) {
                    error(row, CsvMapping::DateBasis,
                          tr("expected stated, relative, inferred or external, found \"%1\"")
                              .arg(basisText));
                    return false;
                }
                date.basis = *basis;
            }
        }
        if (mapped(CsvMapping::DateAnchor) || !update) {
            const QString anchor = cell(row, CsvMapping::DateAnchor).trimmed();
            if (!anchor.isEmpty() && !m_base.article(anchor)) {
                error(row, CsvMapping::DateAnchor,
                      tr("no article of the dataset has the id \"%1\"").arg(anchor));
                return false;
            }
            date.anchorArticleId = anchor;
        }
        return true;
    }

    void readRow(int row) {
        // A blank line between rows (a spreadsheet's empty row) holds no event.
        if (std::all_of(m_rows.at(row).cbegin(), m_rows.at(row).cend(),
                        [](const QString &c) { return c.trimmed().isEmpty(); }))
            return;
        const QString id = cell(row, CsvMapping::Id).trimmed();
        const Event *existing = id.isEmpty() ? nullptr : m_baseEvents.value(id);
        const bool update = existing != nullptr;
        Event event = update ? *existing : Event();
        bool ok = true;

        event.title = cell(row, CsvMapping::Title).trimmed();
        if (event.title.isEmpty()) {
            error(row, CsvMapping::Title, tr("an event needs a title"));
            ok = false;
        }
        ok = readDate(row, event, update) && ok;
        if (mapped(CsvMapping::Summary) || !update)
            event.summary = cell(row, CsvMapping::Summary);
        if (mapped(CsvMapping::Kind) || !update) {
            event.kind = cell(row, CsvMapping::Kind).trimmed();
            if (event.kind.isEmpty())
                event.kind = usualKind();
        }
        if (mapped(CsvMapping::Status) || !update) {
            const QString statusText = cell(row, CsvMapping::Status).trimmed();
            event.status = EventStatus::Occurred;
            if (!statusText.isEmpty()) {
                const auto status = eventStatusFromString(statusText.toLower());
                if (!status) {
                    error(row, CsvMapping::Status,
                          tr("expected occurred, planned, reported or cancelled, found \"%1\"")
                              .arg(statusText));
                    ok = false;
                } else {
                    event.status = *status;
                }
            }
        }
        if (mapped(CsvMapping::Place) || !update)
            event.place = cell(row, CsvMapping::Place).trimmed();
        if (mapped(CsvMapping::Note) || !update)
            event.note = cell(row, CsvMapping::Note);
        ok = readParticipants(row, event) && ok;
        if (!ok)
            return;
        if (update) {
            m_batch.updatedEvents.append(event);
            return;
        }
        if (id.isEmpty()) {
            event.id = EventDraft::newId(
                event.title,
                [this](const QString &candidate) {
                    return m_baseEvents.contains(candidate) || m_usedEventIds.contains(candidate);
                },
                &m_nextEventNumber);
            m_usedEventIds.insert(event.id);
        } else {
            event.id = id;
        }
        m_batch.newEvents.append(event);
    }

    const CsvTable &m_table;
    const QString m_file;
    const Dataset &m_base;
    const CsvMapping m_mapping;
    ImportBatch m_batch;
    QList<QStringList> m_rows;
    QHash<QString, const Event *> m_baseEvents;
    QSet<QString> m_usedEventIds;
    NameIndex m_baseSides, m_batchSides, m_baseActors, m_batchActors;
    QHash<QString, QString> m_sideActors; // sideActorKey -> the actor of that name on the side
    QString m_usualKind;
    QHash<QString, int> m_nextSideNumber, m_nextActorNumber, m_nextEventNumber;
    bool m_full = false;
};

} // namespace

ImportBatch CsvEventsImporter::read(const CsvTable &table, const QString &fileName,
                                    const Dataset &base, const CsvMapping &mapping) {
    return Reader(table, fileName, base, mapping).run();
}

ImportBatch CsvEventsImporter::read(const QByteArray &bytes, const QString &fileName,
                                    const Dataset &base, const CsvMapping &mapping) {
    return read(CsvTable::parse(bytes, fileName), fileName, base, mapping);
}

ImportBatch CsvEventsImporter::read(const QByteArray &bytes, const QString &fileName,
                                    const Dataset &base) {
    const CsvTable table = CsvTable::parse(bytes, fileName);
    return read(table, fileName, base, CsvMapping::guess(table.header));
}

} // namespace ntl
