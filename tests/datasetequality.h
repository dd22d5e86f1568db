#pragma once

#include "dataset.h"

#include <QString>

// The first field in which two datasets differ, as "events/3/sources/0/start: 12 vs 13";
// empty when every field of every side, article, actor and event is the same. Offsets are
// compared as anchored (UTF-16): the stored ones are the file's, which a save corrects.
// `ignoreTextFile`: a save with other text options renames text files, which is all it may change.
inline QString datasetDifference(const ntl::Dataset &a, const ntl::Dataset &b,
                                 bool ignoreTextFile = false) {
    using namespace ntl;
    QString difference;
    const auto same = [&](const QString &where, const auto &x, const auto &y) {
        if (!difference.isEmpty() || x == y)
            return difference.isEmpty();
        QString left, right;
        QDebug(&left) << x;
        QDebug(&right) << y;
        difference = where + QStringLiteral(": ") + left.trimmed() + QStringLiteral(" vs ") +
                     right.trimmed();
        return false;
    };
    const auto at = [](const char *list, qsizetype i, const char *field) {
        return QStringLiteral("%1/%2/%3").arg(QLatin1String(list)).arg(i).arg(QLatin1String(field));
    };
    same(QStringLiteral("title"), a.title, b.title);
    if (!same(QStringLiteral("sides"), a.sides.size(), b.sides.size()))
        return difference;
    for (qsizetype i = 0; i < a.sides.size(); ++i) {
        same(at("sides", i, "id"), a.sides[i].id, b.sides[i].id);
        same(at("sides", i, "name"), a.sides[i].name, b.sides[i].name);
    }
    if (!same(QStringLiteral("articles"), a.articles.size(), b.articles.size()))
        return difference;
    for (qsizetype i = 0; i < a.articles.size(); ++i) {
        const Article &x = a.articles[i];
        const Article &y = b.articles[i];
        same(at("articles", i, "id"), x.id, y.id);
        same(at("articles", i, "title"), x.title, y.title);
        same(at("articles", i, "publisher"), x.publisher, y.publisher);
        same(at("articles", i, "url"), x.url, y.url);
        same(at("articles", i, "published"), x.published, y.published);
        same(at("articles", i, "publishedInferred"), x.publishedInferred, y.publishedInferred);
        if (!ignoreTextFile)
            same(at("articles", i, "textFile"), x.textFile, y.textFile);
        same(at("articles", i, "text"), x.text, y.text);
        same(at("articles", i, "textSha256"), x.textSha256, y.textSha256);
    }
    if (!same(QStringLiteral("actors"), a.actors.size(), b.actors.size()))
        return difference;
    for (qsizetype i = 0; i < a.actors.size(); ++i) {
        const Actor &x = a.actors[i];
        const Actor &y = b.actors[i];
        same(at("actors", i, "id"), x.id, y.id);
        same(at("actors", i, "name"), x.name, y.name);
        same(at("actors", i, "kind"), x.kind, y.kind);
        same(at("actors", i, "side"), x.sideId, y.sideId);
        same(at("actors", i, "affiliation"), x.affiliationId, y.affiliationId);
        same(at("actors", i, "title"), x.title, y.title);
    }
    if (!same(QStringLiteral("events"), a.events.size(), b.events.size()))
        return difference;
    for (qsizetype i = 0; i < a.events.size() && difference.isEmpty(); ++i) {
        const Event &x = a.events[i];
        const Event &y = b.events[i];
        same(at("events", i, "id"), x.id, y.id);
        same(at("events", i, "title"), x.title, y.title);
        same(at("events", i, "summary"), x.summary, y.summary);
        same(at("events", i, "kind"), x.kind, y.kind);
        same(at("events", i, "status"), x.status, y.status);
        same(at("events", i, "date/start"), x.date.start, y.date.start);
        same(at("events", i, "date/end"), x.date.end, y.date.end);
        same(at("events", i, "date/precision"), x.date.precision, y.date.precision);
        same(at("events", i, "date/expression"), x.date.expression, y.date.expression);
        same(at("events", i, "date/basis"), x.date.basis, y.date.basis);
        same(at("events", i, "date/anchor"), x.date.anchorArticleId, y.date.anchorArticleId);
        same(at("events", i, "date/note"), x.date.note, y.date.note);
        same(at("events", i, "place"), x.place, y.place);
        same(at("events", i, "note"), x.note, y.note);
        if (!same(at("events", i, "participants"), x.participants.size(), y.participants.size()))
            return difference;
        for (qsizetype p = 0; p < x.participants.size(); ++p) {
            same(at("events", i, "participants/actor"), x.participants[p].actorId,
                 y.participants[p].actorId);
            same(at("events", i, "participants/role"), x.participants[p].role,
                 y.participants[p].role);
        }
        if (!same(at("events", i, "sources"), x.sources.size(), y.sources.size()))
            return difference;
        for (qsizetype s = 0; s < x.sources.size(); ++s) {
            const SourcePassage &u = x.sources[s];
            const SourcePassage &v = y.sources[s];
            same(at("events", i, "sources/article"), u.articleId, v.articleId);
            same(at("events", i, "sources/exact"), u.exact, v.exact);
            same(at("events", i, "sources/prefix"), u.prefix, v.prefix);
            same(at("events", i, "sources/suffix"), u.suffix, v.suffix);
            same(at("events", i, "sources/start"), u.start, v.start);
            same(at("events", i, "sources/end"), u.end, v.end);
        }
        if (!same(at("events", i, "disagreements"), x.disagreements.size(), y.disagreements.size()))
            return difference;
        for (qsizetype d = 0; d < x.disagreements.size(); ++d) {
            const Disagreement &u = x.disagreements[d];
            const Disagreement &v = y.disagreements[d];
            same(at("events", i, "disagreements/topic"), u.topic, v.topic);
            if (!same(at("events", i, "disagreements/claims"), u.claims.size(), v.claims.size()))
                return difference;
            for (qsizetype c = 0; c < u.claims.size(); ++c) {
                same(at("events", i, "claims/article"), u.claims[c].articleId,
                     v.claims[c].articleId);
                same(at("events", i, "claims/exact"), u.claims[c].exact, v.claims[c].exact);
                same(at("events", i, "claims/says"), u.claims[c].says, v.claims[c].says);
                same(at("events", i, "claims/start"), u.claims[c].start, v.claims[c].start);
                same(at("events", i, "claims/end"), u.claims[c].end, v.claims[c].end);
            }
        }
    }
    return difference;
}
