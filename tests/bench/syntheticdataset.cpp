#include "syntheticdataset.h"

#include <QRandomGenerator>

#include <array>

namespace ntl {

namespace {
constexpr int sideCount = 6;
constexpr int actorCount = 300;
constexpr int articleCount = 2000;
const std::array<const char *, 9> kinds{"talks", "meeting", "statement", "proposal", "call",
                                        "deadline", "attack", "sanctions", "report"};
const std::array<const char *, 8> verbs{"met to discuss", "exchanged proposals on", "issued statements about",
                                        "held a call about", "disagreed publicly over", "reached an understanding on",
                                        "set a deadline for", "reported progress on"};
const std::array<const char *, 10> topics{"a ceasefire line", "prisoner exchanges", "sanctions relief", "security guarantees",
                                          "grain corridors", "energy infrastructure", "frozen assets", "humanitarian access",
                                          "monitoring missions", "border crossings"};
const std::array<const char *, 6> filler{
    "Officials declined to give details of the schedule.",
    "Analysts said the outcome remained uncertain.",
    "Diplomats familiar with the matter spoke on condition of anonymity.",
    "The discussions continued late into the evening.",
    "Neither side published a full account of the meeting.",
    "Observers noted a change in tone compared with earlier rounds."};
} // namespace

std::shared_ptr<Dataset> makeSyntheticDataset(int eventCount, quint32 seed)
{
    QRandomGenerator random(seed);
    auto dataset = std::make_shared<Dataset>();
    dataset->title = QStringLiteral("Synthetic negotiation, %1 events").arg(eventCount);
    for (int s = 0; s < sideCount; ++s)
        dataset->sides.append({QStringLiteral("side-%1").arg(s), QStringLiteral("Side %1").arg(QChar(u'A' + s))});
    for (int a = 0; a < actorCount; ++a) {
        Actor actor;
        actor.id = QStringLiteral("actor-%1").arg(a);
        actor.name = QStringLiteral("Actor %1").arg(a);
        actor.kind = a < 30 ? ActorKind::Country : ActorKind::Person;
        actor.sideId = dataset->sides.at(a % sideCount).id;
        actor.title = a % 4 == 0 ? QStringLiteral("Envoy") : QString();
        dataset->actors.append(actor);
    }

    // Article texts grow sentence by sentence; passages are the sentences that report events.
    QList<QString> texts(articleCount);
    for (int i = 0; i < articleCount; ++i)
        texts[i] = QString::fromLatin1(filler[std::size_t(i) % filler.size()]);

    const QDate first(2024, 1, 1);
    const int days = int(first.daysTo(QDate(2025, 12, 31)));
    for (int e = 0; e < eventCount; ++e) {
        Event event;
        event.id = QStringLiteral("event-%1").arg(e);
        event.kind = QString::fromLatin1(kinds[random.bounded(int(kinds.size()))]);
        const int roll = int(random.bounded(100));
        event.status = roll < 85 ? EventStatus::Occurred : roll < 95 ? EventStatus::Planned : EventStatus::Reported;
        const QDate start = first.addDays(random.bounded(days));
        const int precisionRoll = int(random.bounded(100));
        if (precisionRoll < 80)
            event.date = {start, start, DatePrecision::Day, {}, DateBasis::Stated, {}, {}};
        else if (precisionRoll < 90)
            event.date = {start, start.addDays(1 + random.bounded(3)), DatePrecision::Days, {}, DateBasis::Stated, {}, {}};
        else if (precisionRoll < 95) {
            const QDate monday = start.addDays(1 - start.dayOfWeek());
            event.date = {monday, monday.addDays(6), DatePrecision::Week, QStringLiteral("that week"), DateBasis::Relative, {}, {}};
        } else {
            const QDate month(start.year(), start.month(), 1);
            event.date = {month, month.addMonths(1).addDays(-1), DatePrecision::Month, QStringLiteral("that month"), DateBasis::Relative, {}, {}};
        }
        const int participants = 1 + int(random.bounded(4));
        QStringList names;
        for (int p = 0; p < participants; ++p) {
            const Actor &actor = dataset->actors.at(random.bounded(actorCount));
            if (names.contains(actor.name))
                continue;
            names.append(actor.name);
            event.participants.append({actor.id, p == 0 ? ParticipantRole::Speaker : ParticipantRole::Party});
        }
        const QString topic = QString::fromLatin1(topics[random.bounded(int(topics.size()))]);
        event.title = QStringLiteral("%1 %2 %3").arg(names.join(QStringLiteral(" and ")),
                                                    QString::fromLatin1(verbs[random.bounded(int(verbs.size()))]), topic);
        event.summary = QStringLiteral("Synthetic event %1 about %2.").arg(e).arg(topic);
        const int sources = 1 + int(random.bounded(5));
        QList<int> used;
        for (int s = 0; s < sources; ++s) {
            const int article = int(random.bounded(articleCount));
            if (used.contains(article))
                continue;
            used.append(article);
            const QString sentence = QStringLiteral(" According to officials, %1 (report %2-%3).").arg(event.title).arg(e).arg(s);
            SourcePassage passage;
            passage.articleId = QStringLiteral("article-%1").arg(article);
            passage.start = int(texts[article].size()) + 1; // after the leading space
            texts[article] += sentence;
            passage.end = int(texts[article].size());
            event.sources.append(passage);
        }
        dataset->events.append(event);
    }

    for (int i = 0; i < articleCount; ++i) {
        texts[i] += QLatin1Char(' ') + QString::fromLatin1(filler[std::size_t(i + 3) % filler.size()]);
        Article article;
        article.id = QStringLiteral("article-%1").arg(i);
        article.title = QStringLiteral("Report %1 on the negotiation").arg(i);
        article.publisher = i % 3 == 0 ? QStringLiteral("Wire %1").arg(i % 7) : QString();
        article.published = first.addDays(i % days);
        article.text = texts.at(i);
        dataset->articles.append(article);
    }
    dataset->reindex();

    // Quotes, context and disagreements, now that the texts are final.
    for (qsizetype e = 0; e < dataset->events.size(); ++e) {
        Event &event = dataset->events[e]; // the events are read-only through iterators
        for (SourcePassage &passage : event.sources) {
            const QString &text = dataset->article(passage.articleId)->text;
            passage.exact = text.mid(passage.start, passage.end - passage.start);
            passage.prefix = text.mid(std::max(0, passage.start - 32), std::min(32, passage.start));
            passage.suffix = text.mid(passage.end, 32);
            passage.storedStart = passage.start;
            passage.storedEnd = passage.end;
        }
        if (event.sources.size() >= 2 && random.bounded(100) < 3) {
            Disagreement disagreement;
            disagreement.topic = QStringLiteral("How the reports describe it");
            for (int c = 0; c < 2; ++c)
                disagreement.claims.append({event.sources.at(c).articleId, event.sources.at(c).exact,
                                            c == 0 ? QStringLiteral("one account") : QStringLiteral("another account"), -1, -1});
            event.disagreements.append(disagreement);
        }
    }
    return dataset;
}

} // namespace ntl
