#include "editcheck.h"

#include "datasetreader.h"
#include "datasetvalidator.h"

#include <QCoreApplication>

namespace ntl::EditCheck {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1) {
    return QCoreApplication::translate("ntl::EditCheck", text, disambiguation, n);
}

QString where(const QString &eventId, const QString &what) {
    return tr("event \"%1\", %2: ").arg(eventId, what);
}

// A string longer than the reader accepts for `key` (DatasetReader::maxFieldLength).
QString tooLong(const QString &prefix, const char *key, const QString &text) {
    const qsizetype limit = DatasetReader::maxFieldLength(key);
    if (text.size() <= limit)
        return {};
    return prefix + tr("expected at most %1 characters, found %2").arg(limit).arg(text.size());
}

} // namespace

QString eventDate(const QString &eventId, const EventDate &date) {
    // The file writes both as exactly YYYY-MM-DD: a real day in years 1 to 9999.
    const auto writable = [](const QDate &day) {
        return day.isValid() && day.year() >= 1 && day.year() <= 9999;
    };
    if (!writable(date.start))
        return where(eventId, QStringLiteral("date/start")) +
               tr("expected a calendar date YYYY-MM-DD");
    if (!writable(date.end))
        return where(eventId, QStringLiteral("date/end")) +
               tr("expected a calendar date YYYY-MM-DD");
    if (date.end < date.start)
        return where(eventId, QStringLiteral("date/end")) +
               tr("expected an end on or after the start %1, found %2")
                   .arg(date.start.toString(Qt::ISODate), date.end.toString(Qt::ISODate));
    return {};
}

QString eventReferences(const Dataset &dataset, const Event &event) {
    const auto unknown = [&](const QString &path, const char *what, const QString &id) {
        return where(event.id, path) + tr("unknown %1 id \"%2\"").arg(QLatin1String(what), id);
    };
    for (qsizetype i = 0; i < event.participants.size(); ++i) {
        const QString &actorId = event.participants.at(i).actorId;
        if (!dataset.actor(actorId))
            return unknown(QStringLiteral("participants/%1/actor").arg(i), "actor", actorId);
    }
    for (qsizetype i = 0; i < event.sources.size(); ++i) {
        const SourcePassage &passage = event.sources.at(i);
        const Article *article = dataset.article(passage.articleId);
        if (!article)
            return unknown(QStringLiteral("sources/%1/article").arg(i), "article",
                           passage.articleId);
        // The passage must stand where it says in its article's text.
        if (passage.start < 0 || passage.end < passage.start ||
            passage.end > article->text.size() ||
            QStringView(article->text).mid(passage.start, passage.end - passage.start) !=
                passage.exact)
            return where(event.id, QStringLiteral("sources/%1/exact").arg(i)) +
                   tr("the passage does not occur in article \"%1\" at %2..%3")
                       .arg(passage.articleId)
                       .arg(passage.start)
                       .arg(passage.end);
    }
    for (qsizetype d = 0; d < event.disagreements.size(); ++d) {
        const QList<Claim> &claims = event.disagreements.at(d).claims;
        for (qsizetype c = 0; c < claims.size(); ++c) {
            const Claim &claim = claims.at(c);
            const Article *article = dataset.article(claim.articleId);
            if (!article)
                return unknown(QStringLiteral("disagreements/%1/claims/%2/article").arg(d).arg(c),
                               "article", claim.articleId);
            if (claim.exact.isEmpty() || !article->text.contains(claim.exact))
                return where(event.id,
                             QStringLiteral("disagreements/%1/claims/%2/exact").arg(d).arg(c)) +
                       tr("the quoted words do not occur in article \"%1\"").arg(claim.articleId);
        }
    }
    const QString &anchor = event.date.anchorArticleId;
    if (!anchor.isEmpty() && !dataset.article(anchor))
        return unknown(QStringLiteral("date/anchor"), "article", anchor);
    return {};
}

QString event(const Dataset &dataset, const Event &event) {
    if (event.title.trimmed().isEmpty())
        return where(event.id, QStringLiteral("title")) + tr("expected a non-empty string");
    const std::pair<const char *, const QString *> fields[] = {
        {"id", &event.id},
        {"title", &event.title},
        {"summary", &event.summary},
        {"kind", &event.kind},
        {"place", &event.place},
        {"note", &event.note},
        {"expression", &event.date.expression},
        {"note", &event.date.note}};
    for (const auto &[key, text] : fields) {
        const QString message = tooLong(where(event.id, QString::fromLatin1(key)), key, *text);
        if (!message.isEmpty())
            return message;
    }
    QString message = eventDate(event.id, event.date);
    if (message.isEmpty())
        message = eventReferences(dataset, event);
    return message;
}

QString newId(const QString &what, const QString &id, bool used) {
    if (id.isEmpty())
        return tr("a new %1 needs an id (a non-empty string)").arg(what);
    if (used)
        return tr("duplicate %1 id \"%2\"").arg(what, id);
    return {};
}

QString newEventId(const Dataset &dataset, const QString &id) {
    bool used = false;
    for (const Event &event : dataset.events) {
        if (event.id == id) {
            used = true;
            break;
        }
    }
    return newId(QStringLiteral("event"), id, used);
}

QString actor(const Dataset &dataset, const Actor &actor) {
    const QString here = tr("actor \"%1\", %2: ");
    for (const auto &[key, text] : {std::pair<const char *, const QString *>{"id", &actor.id},
                                    {"name", &actor.name},
                                    {"title", &actor.title}}) {
        const QString message = tooLong(here.arg(actor.id, QString::fromLatin1(key)), key, *text);
        if (!message.isEmpty())
            return message;
    }
    if (actor.name.trimmed().isEmpty())
        return here.arg(actor.id, QStringLiteral("name")) + tr("expected a non-empty string");
    if (!actor.sideId.isEmpty() && !dataset.side(actor.sideId))
        return here.arg(actor.id, QStringLiteral("side")) +
               tr("unknown side id \"%1\"").arg(actor.sideId);
    if (!actor.affiliationId.isEmpty() && !dataset.actor(actor.affiliationId))
        return here.arg(actor.id, QStringLiteral("affiliation")) +
               tr("unknown actor id \"%1\"").arg(actor.affiliationId);
    if (actor.affiliationId == actor.id)
        return here.arg(actor.id, QStringLiteral("affiliation")) +
               tr("an actor cannot be affiliated with itself");
    return {};
}

namespace {

// The rules every add or edit of an item with an id shares.
template <typename Item>
QString idChange(const QString &what, const QList<Item> &items, const std::optional<Item> &before,
                 const std::optional<Item> &after) {
    if (!after)
        return {};
    if (before && before->id != after->id)
        return tr("%1 \"%2\": an id cannot be changed by an edit").arg(what, before->id);
    if (!before) {
        bool used = false;
        for (const Item &item : items)
            used = used || item.id == after->id;
        return newId(what, after->id, used);
    }
    return {};
}

// How many events name the actor or the article (as a participant, a passage, a claim, an anchor).
int eventsNaming(const Dataset &dataset, const QString &actorId, const QString &articleId) {
    int count = 0;
    for (const Event &event : dataset.events) {
        bool names = false;
        for (const Participant &p : event.participants)
            names = names || (!actorId.isEmpty() && p.actorId == actorId);
        if (!articleId.isEmpty()) {
            names = names || event.date.anchorArticleId == articleId;
            for (const SourcePassage &passage : event.sources)
                names = names || passage.articleId == articleId;
            for (const Disagreement &d : event.disagreements)
                for (const Claim &claim : d.claims)
                    names = names || claim.articleId == articleId;
        }
        count += names ? 1 : 0;
    }
    return count;
}

} // namespace

QString sideChange(const Dataset &dataset, const std::optional<Side> &before,
                   const std::optional<Side> &after) {
    QString message = idChange(QStringLiteral("side"), dataset.sides, before, after);
    if (!message.isEmpty())
        return message;
    if (after) {
        message = tooLong(tr("side \"%1\", name: ").arg(after->id), "name", after->name);
        if (message.isEmpty())
            message = tooLong(tr("side \"%1\", id: ").arg(after->id), "id", after->id);
        if (!message.isEmpty())
            return message;
    }
    if (after && after->name.trimmed().isEmpty())
        return tr("side \"%1\", name: expected a non-empty string").arg(after->id);
    if (after && !after->color.isEmpty() && !DatasetValidator::isSideColor(after->color))
        return tr("side \"%1\", color: ").arg(after->id) +
               DatasetValidator::sideColorMessage(after->color);
    if (before && !after) {
        for (const Actor &actor : dataset.actors) {
            if (actor.sideId == before->id)
                return tr("side \"%1\" cannot be removed: actor \"%2\" stands on it")
                    .arg(before->id, actor.id);
        }
    }
    return {};
}

QString actorChange(const Dataset &dataset, const std::optional<Actor> &before,
                    const std::optional<Actor> &after) {
    QString message = idChange(QStringLiteral("actor"), dataset.actors, before, after);
    if (!message.isEmpty())
        return message;
    if (after) {
        return actor(dataset, *after);
    }
    for (const Actor &other : dataset.actors) {
        if (other.affiliationId == before->id)
            return tr("actor \"%1\" cannot be removed: actor \"%2\" is affiliated with it")
                .arg(before->id, other.id);
    }
    if (const int n = eventsNaming(dataset, before->id, {}))
        return tr("actor \"%1\" cannot be removed: %n event(s) name it", nullptr, n)
            .arg(before->id);
    return {};
}

QString articleChange(const Dataset &dataset, const std::optional<Article> &before,
                      const std::optional<Article> &after) {
    QString message = idChange(QStringLiteral("article"), dataset.articles, before, after);
    if (!message.isEmpty())
        return message;
    if (after) {
        for (const auto &[key, text] : {std::pair<const char *, const QString *>{"id", &after->id},
                                        {"title", &after->title},
                                        {"publisher", &after->publisher},
                                        {"url", &after->url},
                                        {"text", &after->text}}) {
            message = tooLong(tr("article \"%1\", %2: ").arg(after->id, QString::fromLatin1(key)),
                              key, *text);
            if (!message.isEmpty())
                return message;
        }
    }
    if (after && after->title.trimmed().isEmpty())
        return tr("article \"%1\", title: expected a non-empty string").arg(after->id);
    if (before && after && before->text != after->text) {
        // Passages are anchored into the text: a changed text must keep each one in place.
        Dataset probe = dataset;
        for (Article &article : probe.articles) {
            if (article.id == after->id)
                article = *after;
        }
        probe.reindex();
        for (const Event &event : dataset.events) {
            for (const SourcePassage &passage : event.sources) {
                if (passage.articleId == after->id) {
                    message = eventReferences(probe, event);
                    if (!message.isEmpty())
                        return message;
                }
            }
        }
    }
    if (before && !after) {
        if (const int n = eventsNaming(dataset, {}, before->id))
            return tr("article \"%1\" cannot be removed: %n event(s) cite it", nullptr, n)
                .arg(before->id);
    }
    return {};
}

} // namespace ntl::EditCheck
