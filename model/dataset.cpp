#include "dataset.h"

#include <QSet>

#include <array>
#include <utility>

namespace ntl {

namespace {

// One table per enum keeps the file's spelling and the code's enum in one place.
template <typename Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, const char16_t *>, N>;

constexpr NameTable<DatePrecision, 6> precisionNames{{{DatePrecision::Day, u"day"},
                                                      {DatePrecision::Days, u"days"},
                                                      {DatePrecision::Week, u"week"},
                                                      {DatePrecision::Month, u"month"},
                                                      {DatePrecision::Year, u"year"},
                                                      {DatePrecision::Unknown, u"unknown"}}};
constexpr NameTable<DateBasis, 4> basisNames{{{DateBasis::Stated, u"stated"},
                                              {DateBasis::Relative, u"relative"},
                                              {DateBasis::Inferred, u"inferred"},
                                              {DateBasis::External, u"external"}}};
constexpr NameTable<EventStatus, 4> statusNames{{{EventStatus::Occurred, u"occurred"},
                                                 {EventStatus::Planned, u"planned"},
                                                 {EventStatus::Reported, u"reported"},
                                                 {EventStatus::Cancelled, u"cancelled"}}};
constexpr NameTable<ActorKind, 5> actorKindNames{{{ActorKind::Person, u"person"},
                                                  {ActorKind::Country, u"country"},
                                                  {ActorKind::Organisation, u"organisation"},
                                                  {ActorKind::Group, u"group"},
                                                  {ActorKind::Media, u"media"}}};
constexpr NameTable<ParticipantRole, 6> roleNames{{{ParticipantRole::Party, u"party"},
                                                   {ParticipantRole::Mediator, u"mediator"},
                                                   {ParticipantRole::Host, u"host"},
                                                   {ParticipantRole::Speaker, u"speaker"},
                                                   {ParticipantRole::Target, u"target"},
                                                   {ParticipantRole::Mentioned, u"mentioned"}}};

template <typename Enum, std::size_t N>
QString nameOf(const NameTable<Enum, N> &table, Enum value)
{
    for (const auto &[candidate, name] : table) {
        if (candidate == value)
            return QString::fromUtf16(name);
    }
    return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueOf(const NameTable<Enum, N> &table, const QString &text)
{
    for (const auto &[candidate, name] : table) {
        if (text == QStringView(name))
            return candidate;
    }
    return std::nullopt;
}

template <typename Item>
void buildIndex(const QList<Item> &items, QHash<QString, int> &index)
{
    index.clear();
    index.reserve(items.size());
    // Backwards, so that of duplicate ids (refused by the reader) the first one wins.
    for (qsizetype i = items.size() - 1; i >= 0; --i)
        index.insert(items.at(i).id, int(i));
}

template <typename Item>
const Item *lookup(const QList<Item> &items, const QHash<QString, int> &index, const QString &id)
{
    const auto it = index.constFind(id);
    return it == index.cend() ? nullptr : &items.at(*it);
}

} // namespace

QString jsonName(DatePrecision precision) { return nameOf(precisionNames, precision); }
QString jsonName(DateBasis basis) { return nameOf(basisNames, basis); }
QString jsonName(EventStatus status) { return nameOf(statusNames, status); }
QString jsonName(ActorKind kind) { return nameOf(actorKindNames, kind); }
QString jsonName(ParticipantRole role) { return nameOf(roleNames, role); }

std::optional<DatePrecision> datePrecisionFromString(const QString &text)
{
    return valueOf(precisionNames, text);
}
std::optional<DateBasis> dateBasisFromString(const QString &text)
{
    return valueOf(basisNames, text);
}
std::optional<EventStatus> eventStatusFromString(const QString &text)
{
    return valueOf(statusNames, text);
}
std::optional<ActorKind> actorKindFromString(const QString &text)
{
    return valueOf(actorKindNames, text);
}
std::optional<ParticipantRole> participantRoleFromString(const QString &text)
{
    return valueOf(roleNames, text);
}

void Dataset::reindex()
{
    buildIndex(sides, m_sideIndex);
    buildIndex(articles, m_articleIndex);
    buildIndex(actors, m_actorIndex);
}

const Side *Dataset::side(const QString &id) const { return lookup(sides, m_sideIndex, id); }
const Article *Dataset::article(const QString &id) const
{
    return lookup(articles, m_articleIndex, id);
}
const Actor *Dataset::actor(const QString &id) const { return lookup(actors, m_actorIndex, id); }

int Dataset::sideIndex(const QString &id) const { return m_sideIndex.value(id, -1); }

QString Dataset::effectiveSideId(const QString &actorId) const
{
    QSet<QString> visited; // affiliations may form a cycle in a bad file
    const Actor *current = actor(actorId);
    while (current && !visited.contains(current->id)) {
        if (!current->sideId.isEmpty())
            return current->sideId;
        visited.insert(current->id);
        current = current->affiliationId.isEmpty() ? nullptr : actor(current->affiliationId);
    }
    return {};
}

QStringList Dataset::eventSideIds(const Event &event) const
{
    QSet<QString> present;
    for (const Participant &participant : event.participants) {
        const QString sideId = effectiveSideId(participant.actorId);
        if (!sideId.isEmpty())
            present.insert(sideId);
    }
    QStringList ordered;
    for (const Side &s : sides) {
        if (present.contains(s.id) && !ordered.contains(s.id))
            ordered.append(s.id);
    }
    return ordered;
}

bool Dataset::holdsEventsAt(qsizetype first, const QStringList &ids) const {
    const qsizetype end = first + ids.size();
    return !ids.isEmpty() && first >= 0 && end <= events.size() &&
           events.at(first).id == ids.constFirst() && events.at(end - 1).id == ids.constLast();
}

QStringList Dataset::eventArticleIds(const Event &event)
{
    QStringList ids;
    for (const SourcePassage &source : event.sources) {
        if (!ids.contains(source.articleId))
            ids.append(source.articleId);
    }
    return ids;
}

} // namespace ntl
