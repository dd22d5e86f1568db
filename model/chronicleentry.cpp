#include "chronicleentry.h"

#include "eventdatetext.h"

#include <QCoreApplication>

namespace ntl {

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("ChronicleEntry", text);
}
} // namespace

QString ChronicleEntry::roleName(ParticipantRole role) {
    switch (role) {
    case ParticipantRole::Party:
        return {};
    case ParticipantRole::Mediator:
        return tr("mediator");
    case ParticipantRole::Host:
        return tr("host");
    case ParticipantRole::Speaker:
        return tr("speaker");
    case ParticipantRole::Target:
        return tr("target");
    case ParticipantRole::Mentioned:
        return tr("mentioned");
    }
    return {};
}

ChronicleEntry ChronicleEntry::of(const Dataset &dataset, const Event &event,
                                  const QLocale &locale) {
    ChronicleEntry entry;
    entry.eventId = event.id;
    entry.dateText = EventDateText(locale).formatWithStatus(event.date, event.status);
    entry.title = event.title;
    entry.summary = event.summary;
    entry.sideIds = dataset.eventSideIds(event);
    for (const QString &sideId : std::as_const(entry.sideIds)) {
        const Side *side = dataset.side(sideId);
        entry.sideNames.append(side && !side->name.isEmpty() ? side->name : sideId);
    }
    for (const Participant &participant : event.participants) {
        const Actor *actor = dataset.actor(participant.actorId);
        const QString name = actor && !actor->name.isEmpty() ? actor->name : participant.actorId;
        const QString role = roleName(participant.role);
        entry.participants.append(role.isEmpty() ? name : tr("%1 (%2)").arg(name, role));
    }
    entry.articleCount = int(Dataset::eventArticleIds(event).size());
    entry.articleTotal = int(dataset.articles.size());
    entry.reportedBy =
        entry.articleCount == 0 ? tr("no article reports it")
        : entry.articleTotal == 1
            ? tr("reported by the only article")
            : tr("reported by %1 of %2 articles").arg(entry.articleCount).arg(entry.articleTotal);
    entry.hasDisagreement = !event.disagreements.isEmpty();
    for (const Disagreement &disagreement : event.disagreements)
        entry.disagreementTopics.append(disagreement.topic);
    if (!event.sources.isEmpty()) {
        const SourcePassage &first = event.sources.constFirst();
        entry.firstQuote = first.exact;
        entry.firstQuoteArticleId = first.articleId;
        const Article *article = dataset.article(first.articleId);
        entry.firstQuoteArticleTitle =
            article && !article->title.isEmpty() ? article->title : first.articleId;
    }
    return entry;
}

} // namespace ntl
