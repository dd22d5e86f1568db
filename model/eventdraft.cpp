#include "eventdraft.h"

#include "datesuggester.h"
#include "idwords.h"
#include "selectionpassage.h"

#include <QCoreApplication>
#include <QHash>
#include <QTextBoundaryFinder>

#include <algorithm>

namespace ntl {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("ntl::EventDraft", text);
}

// The sentence (Unicode's rules: a line break ends one too) holding `position`. A title is
// a proposal the user edits, so an abbreviation ending it early does little harm.
std::pair<int, int> sentenceAround(QStringView text, int position) {
    // A window around the position, so a long article costs no more than a short one: a
    // sentence longer than this is cut at its edge, and a title shortens it anyway.
    constexpr int Reach = 2000;
    const int windowStart = std::max(0, position - Reach);
    const QStringView window = text.mid(windowStart, Reach * 2);
    position -= windowStart;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Sentence, window.constData(), window.size());
    finder.setPosition(position);
    int from = position;
    if (!finder.isAtBoundary()) {
        const qsizetype previous = finder.toPreviousBoundary();
        from = previous < 0 ? 0 : int(previous);
        finder.setPosition(from);
    }
    const qsizetype next = finder.toNextBoundary();
    return {windowStart + from, windowStart + (next < 0 ? int(window.size()) : int(next))};
}

} // namespace

QString EventDraft::title(QStringView text, int start, int end) {
    SelectionPassage::trim(text, &start, &end);
    if (start >= end)
        return QString();
    // The sentence of the selection's start: a selection of several is titled by its first.
    const auto [from, to] = sentenceAround(text, start);
    QString sentence = text.mid(from, to - from).toString().simplified();
    // A list item's bullet, a quote's opening mark and the closing full stop are no title.
    while (!sentence.isEmpty() && QStringView(u"-*•\u2013\u2014").contains(sentence.front()))
        sentence = sentence.mid(1).trimmed();
    while (sentence.endsWith(u'.') || sentence.endsWith(u':') || sentence.endsWith(u';'))
        sentence.chop(1);
    if (sentence.size() <= MaxTitleLength)
        return sentence;
    // Cut at the last space that leaves room for the ellipsis, not inside a word.
    int cut = int(sentence.lastIndexOf(u' ', MaxTitleLength - 1));
    if (cut <= 0)
        cut = MaxTitleLength - 1;
    QString shortened = sentence.left(cut);
    while (!shortened.isEmpty() && (shortened.back().isPunct() || shortened.back().isSpace()))
        shortened.chop(1);
    return shortened + QChar(0x2026);
}

EventDate EventDraft::date(const Article &article, int start, int end) {
    const QList<DateSuggestion> suggestions = DateSuggester::suggest(article, start, end);
    for (const DateSuggestion &suggestion : suggestions) {
        if (suggestion.isValid())
            return suggestion.toEventDate();
    }
    EventDate date;
    if (!article.published.isValid())
        return date; // nothing to go by: the caller says so
    date.start = article.published;
    date.end = article.published;
    date.precision = DatePrecision::Day;
    // Honest about its source: no words of the article say it, the publication date does.
    date.basis = DateBasis::Inferred;
    date.anchorArticleId = article.id;
    date.note = tr("No date in the selected words or their sentence: the article's publication "
                   "date, to be checked.");
    return date;
}

QString EventDraft::newId(const QString &title, const std::function<bool(const QString &)> &taken,
                          QHash<QString, int> *nextNumber) {
    return idFromWords(QStringLiteral("ev-"), title, QStringLiteral("ev-event"), taken, nextNumber);
}

QString EventDraft::usualKind(const Dataset &dataset) {
    // Kinds are few and the strings shared, so this is one hash step per event.
    QHash<QString, int> counts;
    QString best;
    int bestCount = 0;
    for (const Event &event : dataset.events) {
        if (event.kind.isEmpty())
            continue;
        const int count = ++counts[event.kind];
        if (count > bestCount) {
            best = event.kind;
            bestCount = count;
        }
    }
    return best.isEmpty() ? QStringLiteral("statement") : best;
}

Event EventDraft::fromSelection(const Article &article, int start, int end, const QString &kind,
                                const std::function<bool(const QString &)> &taken) {
    Event event;
    const SourcePassage passage = SelectionPassage::make(article, start, end);
    event.title = title(article.text, passage.start, passage.end);
    event.id = newId(event.title, taken);
    event.kind = kind;
    event.date = date(article, passage.start, passage.end);
    // A date after the article's publication has not happened yet as far as it knows.
    if (article.published.isValid() && event.date.start.isValid() &&
        event.date.start > article.published)
        event.status = EventStatus::Planned;
    event.sources.append(passage);
    return event;
}

} // namespace ntl
