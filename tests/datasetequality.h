#pragma once

#include "dataset.h"

#include <QDebug>
#include <QString>

// The first difference between two datasets, field by field ("" when equal), so that a failed
// comparison says where and what: "event \"ev-1\" title differs: \"a\" vs \"b\"".
namespace datasetequality {

using namespace ntl;

// What a comparison may leave out. A save writes the anchored offsets (the stored ones are the
// file's, which a save corrects) and, with other text options, renames text files.
struct Compare {
    bool storedOffsets = true;
    bool textFile = true;
};

template<typename T>
QString shown(const T &value) {
    QString text;
    QDebug(&text) << value;
    return text.trimmed();
}

#define NTL_DIFF(a, b, what)                                                                       \
    if ((a) != (b))                                                                                \
        return QStringLiteral("%1 differs: %2 vs %3").arg(what, shown(a), shown(b));

inline QString eventDifference(const Event &a, const Event &b, const Compare &compare = {}) {
    const QString at = QStringLiteral("event \"%1\" ").arg(a.id);
    NTL_DIFF(a.id, b.id, at + QStringLiteral("id"))
    NTL_DIFF(a.title, b.title, at + QStringLiteral("title"))
    NTL_DIFF(a.summary, b.summary, at + QStringLiteral("summary"))
    NTL_DIFF(a.kind, b.kind, at + QStringLiteral("kind"))
    NTL_DIFF(a.status, b.status, at + QStringLiteral("status"))
    NTL_DIFF(a.date.start, b.date.start, at + QStringLiteral("date.start"))
    NTL_DIFF(a.date.end, b.date.end, at + QStringLiteral("date.end"))
    NTL_DIFF(a.date.precision, b.date.precision, at + QStringLiteral("date.precision"))
    NTL_DIFF(a.date.expression, b.date.expression, at + QStringLiteral("date.expression"))
    NTL_DIFF(a.date.basis, b.date.basis, at + QStringLiteral("date.basis"))
    NTL_DIFF(a.date.anchorArticleId, b.date.anchorArticleId, at + QStringLiteral("date.anchor"))
    NTL_DIFF(a.date.note, b.date.note, at + QStringLiteral("date.note"))
    NTL_DIFF(a.place, b.place, at + QStringLiteral("place"))
    NTL_DIFF(a.note, b.note, at + QStringLiteral("note"))
    NTL_DIFF(a.participants.size(), b.participants.size(), at + QStringLiteral("participant count"))
    for (qsizetype i = 0; i < a.participants.size(); ++i) {
        NTL_DIFF(a.participants.at(i).actorId, b.participants.at(i).actorId,
                 at + QStringLiteral("participant actor"))
        NTL_DIFF(a.participants.at(i).role, b.participants.at(i).role,
                 at + QStringLiteral("participant role"))
    }
    NTL_DIFF(a.sources.size(), b.sources.size(), at + QStringLiteral("passage count"))
    for (qsizetype i = 0; i < a.sources.size(); ++i) {
        const SourcePassage &x = a.sources.at(i), &y = b.sources.at(i);
        NTL_DIFF(x.articleId, y.articleId, at + QStringLiteral("passage article"))
        NTL_DIFF(x.exact, y.exact, at + QStringLiteral("passage exact"))
        NTL_DIFF(x.prefix, y.prefix, at + QStringLiteral("passage prefix"))
        NTL_DIFF(x.suffix, y.suffix, at + QStringLiteral("passage suffix"))
        if (compare.storedOffsets) {
            NTL_DIFF(x.storedStart, y.storedStart, at + QStringLiteral("passage stored start"))
            NTL_DIFF(x.storedEnd, y.storedEnd, at + QStringLiteral("passage stored end"))
        }
        NTL_DIFF(x.start, y.start, at + QStringLiteral("passage start"))
        NTL_DIFF(x.end, y.end, at + QStringLiteral("passage end"))
    }
    NTL_DIFF(a.disagreements.size(), b.disagreements.size(),
             at + QStringLiteral("disagreement count"))
    for (qsizetype i = 0; i < a.disagreements.size(); ++i) {
        const Disagreement &x = a.disagreements.at(i), &y = b.disagreements.at(i);
        NTL_DIFF(x.topic, y.topic, at + QStringLiteral("disagreement topic"))
        NTL_DIFF(x.claims.size(), y.claims.size(), at + QStringLiteral("claim count"))
        for (qsizetype c = 0; c < x.claims.size(); ++c) {
            NTL_DIFF(x.claims.at(c).articleId, y.claims.at(c).articleId,
                     at + QStringLiteral("claim article"))
            NTL_DIFF(x.claims.at(c).exact, y.claims.at(c).exact, at + QStringLiteral("claim exact"))
            NTL_DIFF(x.claims.at(c).says, y.claims.at(c).says, at + QStringLiteral("claim says"))
            NTL_DIFF(x.claims.at(c).start, y.claims.at(c).start, at + QStringLiteral("claim start"))
            NTL_DIFF(x.claims.at(c).end, y.claims.at(c).end, at + QStringLiteral("claim end"))
        }
    }
    return {};
}

inline QString difference(const Dataset &a, const Dataset &b, const Compare &compare = {}) {
    NTL_DIFF(a.title, b.title, QStringLiteral("title"))
    NTL_DIFF(a.sides.size(), b.sides.size(), QStringLiteral("side count"))
    for (qsizetype i = 0; i < a.sides.size(); ++i) {
        NTL_DIFF(a.sides.at(i).id, b.sides.at(i).id, QStringLiteral("side id"))
        NTL_DIFF(a.sides.at(i).name, b.sides.at(i).name, QStringLiteral("side name"))
        NTL_DIFF(a.sides.at(i).color, b.sides.at(i).color, QStringLiteral("side color"))
    }
    NTL_DIFF(a.articles.size(), b.articles.size(), QStringLiteral("article count"))
    for (qsizetype i = 0; i < a.articles.size(); ++i) {
        const Article &x = a.articles.at(i), &y = b.articles.at(i);
        const QString at = QStringLiteral("article \"%1\" ").arg(x.id);
        NTL_DIFF(x.id, y.id, at + QStringLiteral("id"))
        NTL_DIFF(x.title, y.title, at + QStringLiteral("title"))
        NTL_DIFF(x.publisher, y.publisher, at + QStringLiteral("publisher"))
        NTL_DIFF(x.url, y.url, at + QStringLiteral("url"))
        NTL_DIFF(x.published, y.published, at + QStringLiteral("published"))
        NTL_DIFF(x.publishedInferred, y.publishedInferred, at + QStringLiteral("publishedInferred"))
        if (compare.textFile)
            NTL_DIFF(x.textFile, y.textFile, at + QStringLiteral("textFile"))
        NTL_DIFF(x.text, y.text, at + QStringLiteral("text"))
        NTL_DIFF(x.textSha256, y.textSha256, at + QStringLiteral("textSha256"))
    }
    NTL_DIFF(a.actors.size(), b.actors.size(), QStringLiteral("actor count"))
    for (qsizetype i = 0; i < a.actors.size(); ++i) {
        const Actor &x = a.actors.at(i), &y = b.actors.at(i);
        const QString at = QStringLiteral("actor \"%1\" ").arg(x.id);
        NTL_DIFF(x.id, y.id, at + QStringLiteral("id"))
        NTL_DIFF(x.name, y.name, at + QStringLiteral("name"))
        NTL_DIFF(x.kind, y.kind, at + QStringLiteral("kind"))
        NTL_DIFF(x.sideId, y.sideId, at + QStringLiteral("side"))
        NTL_DIFF(x.affiliationId, y.affiliationId, at + QStringLiteral("affiliation"))
        NTL_DIFF(x.title, y.title, at + QStringLiteral("title"))
    }
    NTL_DIFF(a.events.size(), b.events.size(), QStringLiteral("event count"))
    for (qsizetype i = 0; i < a.events.size(); ++i) {
        const QString d = eventDifference(a.events.at(i), b.events.at(i), compare);
        if (!d.isEmpty())
            return QStringLiteral("row %1: %2").arg(i).arg(d);
    }
    // The lookups must follow the lists (a missed reindex() after an edit).
    for (const Actor &actor : a.actors)
        NTL_DIFF(b.actor(actor.id) ? b.actor(actor.id)->name : QString(), actor.name,
                 QStringLiteral("actor lookup"))
    return {};
}

#undef NTL_DIFF

} // namespace datasetequality
