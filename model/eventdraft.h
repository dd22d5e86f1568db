#pragma once

#include "dataset.h"

#include <QStringView>

#include <functional>

namespace ntl {

// A new event proposed from words selected in an article ("New Event from Selection"):
// its passage anchored exactly (SelectionPassage), a title from the sentence, the date
// DateSuggester reads first, an id in the dataset's "ev-words-of-title" style and the
// dataset's most common kind. The user edits what it guessed; nothing here is stored.
class EventDraft {
public:
    static constexpr int MaxTitleLength = 80;

    // `taken` says whether an event id is in use; `kind` is the new event's (usualKind(), or
    // what a caller keeps counted). An invalid date (start) means no date can be proposed:
    // the words name none and the article has no publication date.
    static Event fromSelection(const Article &article, int start, int end, const QString &kind,
                               const std::function<bool(const QString &)> &taken);

    // The sentence around [start, end), trimmed, without its closing full stop and at most
    // MaxTitleLength characters, cut at a word (with "…") when longer.
    static QString title(QStringView text, int start, int end);
    // The date DateSuggester reads first; else the article's publication date, marked
    // inferred from it; else an invalid date.
    static EventDate date(const Article &article, int start, int end);
    // "ev-" and the title's first words in lower-case ASCII; "-2", "-3"… while `taken`.
    static QString newId(const QString &title, const std::function<bool(const QString &)> &taken,
                         QHash<QString, int> *nextNumber = nullptr);
    // The kind most events have (the first such in dataset order on a tie); "statement"
    // for a dataset without events, the kind of most reported events.
    static QString usualKind(const Dataset &dataset);
};

} // namespace ntl
