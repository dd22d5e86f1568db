#pragma once

#include "dataset.h"
#include "datesuggestion.h"

#include <QDate>
#include <QList>
#include <QStringView>

namespace ntl {

// Suggests an event's date from words selected in an article: recognises the date
// expressions in the selection and its sentence, resolves them against the article's
// publication date (docs/date-suggestion.md) and ranks the readings, best first:
// expressions inside the selection, then the nearest in its sentence; the more
// precise before the vaguer. Stateless; safe to call from any thread.
class DateSuggester {
public:
    // At most this much of a selection is read (UTF-16 units), and at most
    // `ContextLength` either side of it, so any selection costs a bounded time.
    static constexpr int MaxSelectionLength = 4000;
    static constexpr int ContextLength = 1000;

    // `selectionStart`/`selectionEnd` are UTF-16 indices into article.text (end
    // exclusive; clamped to the text). Spans in the result index article.text.
    static QList<DateSuggestion> suggest(const Article &article, int selectionStart,
                                         int selectionEnd);
    static QList<DateSuggestion> suggest(QStringView text, int selectionStart, int selectionEnd,
                                         const QDate &published,
                                         const QString &articleId = QString());
};

} // namespace ntl
