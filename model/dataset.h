#pragma once

#include "eventlist.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

// Plain value types of a loaded `negotiation-timeline` dataset (docs/format.md).
// Offsets are QString (UTF-16) indices here; the file stores code points and the
// reader converts them.

namespace ntl {
Q_NAMESPACE // registers the enums below, so tests and debug output print their names

enum class DatePrecision { Day, Days, Week, Month, Year, Unknown };
Q_ENUM_NS(DatePrecision)
enum class DateBasis { Stated, Relative, Inferred, External };
Q_ENUM_NS(DateBasis)
enum class EventStatus { Occurred, Planned, Reported, Cancelled };
Q_ENUM_NS(EventStatus)
enum class ActorKind { Person, Country, Organisation, Group, Media };
Q_ENUM_NS(ActorKind)
enum class ParticipantRole { Party, Mediator, Host, Speaker, Target, Mentioned };
Q_ENUM_NS(ParticipantRole)

struct Side {
    QString id;
    QString name;
    // "#rrggbb", or empty: the views pick one by the side's position. The default lets
    // `{id, name}` initialise a side without a warning.
    QString color = {};
};

struct Article {
    QString id;
    QString title;
    QString publisher;      // empty when unknown
    QString url;            // empty when unknown
    QDate published;
    bool publishedInferred = false;
    QString textFile;       // as written in the file; empty when the text is inline
    QString text;
    QString textSha256;
};

struct Actor {
    QString id;
    QString name;
    ActorKind kind = ActorKind::Person;
    QString sideId;         // empty when the actor belongs to no side
    QString affiliationId;  // empty when none
    QString title;          // empty when none
};

struct Participant {
    QString actorId;
    ParticipantRole role = ParticipantRole::Party;
};

// A W3C TextQuoteSelector plus TextPositionSelector, anchored into the article text.
struct SourcePassage {
    QString articleId;
    QString exact;
    QString prefix;
    QString suffix;
    qint64 storedStart = 0; // code points, as written in the file
    qint64 storedEnd = 0;
    int start = 0;          // UTF-16 index into Article::text after anchoring
    int end = 0;            // exclusive
};

struct Claim {
    QString articleId;
    QString exact;
    QString says;
    int start = -1;         // UTF-16 index of `exact` in the article, -1 if not found
    int end = -1;
};

struct Disagreement {
    QString topic;
    QList<Claim> claims;
};

struct EventDate {
    QDate start;
    QDate end;
    DatePrecision precision = DatePrecision::Day;
    QString expression;     // the article's own words; empty when none
    DateBasis basis = DateBasis::Stated;
    QString anchorArticleId;
    QString note;
};

struct Event {
    QString id;
    QString title;
    QString summary;
    QString kind;
    EventStatus status = EventStatus::Occurred;
    EventDate date;
    QString place;
    QList<Participant> participants;
    QList<SourcePassage> sources;
    QList<Disagreement> disagreements;
    QString note;
};

// Held by pointer per event: see SharedItemList.
using EventList = SharedItemList<Event>;

struct Dataset {
    QString title;
    QList<Side> sides;
    QList<Article> articles;
    QList<Actor> actors;
    EventList events;

    const Side *side(const QString &id) const;
    const Article *article(const QString &id) const;
    const Actor *actor(const QString &id) const;
    int sideIndex(const QString &id) const;

    // The side an actor stands on: its own, else the nearest affiliation's.
    QString effectiveSideId(const QString &actorId) const;
    // Sides of an event's participants, in the order of `sides`.
    QStringList eventSideIds(const Event &event) const;
    // Articles an event cites, in first-cited order, without repeats.
    static QStringList eventArticleIds(const Event &event);
    // Whether `ids` (a removal's, in row order) name this dataset's events from row `first`
    // on: a model following edits checks that what it shows is what was removed (the ends
    // suffice, rows being removed as one range).
    bool holdsEventsAt(qsizetype first, const QStringList &ids) const;

    // Fills the id lookup tables; call after changing the lists.
    void reindex();

private:
    QHash<QString, int> m_sideIndex;
    QHash<QString, int> m_articleIndex;
    QHash<QString, int> m_actorIndex;
};

QString jsonName(DatePrecision precision);
QString jsonName(DateBasis basis);
QString jsonName(EventStatus status);
QString jsonName(ActorKind kind);
QString jsonName(ParticipantRole role);

std::optional<DatePrecision> datePrecisionFromString(const QString &text);
std::optional<DateBasis> dateBasisFromString(const QString &text);
std::optional<EventStatus> eventStatusFromString(const QString &text);
std::optional<ActorKind> actorKindFromString(const QString &text);
std::optional<ParticipantRole> participantRoleFromString(const QString &text);

} // namespace ntl
