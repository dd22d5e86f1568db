#include "datesuggestion.h"

namespace ntl {

EventDate DateSuggestion::toEventDate() const {
    EventDate date;
    date.start = start;
    date.end = end;
    date.precision = precision;
    date.basis = basis;
    date.expression = expression;
    // The format keeps the anchor only for dates resolved against an article.
    date.anchorArticleId = basis == DateBasis::Stated ? QString() : anchorArticleId;
    return date;
}

} // namespace ntl
