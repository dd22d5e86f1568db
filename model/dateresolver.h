#pragma once

#include "daterecognizer.h"
#include "datesuggestion.h"
#include "tensecues.h"

#include <QDate>
#include <QList>

namespace ntl {

// Resolves a recognised date expression against the article's publication date
// (DCT), with the news conventions of docs/date-suggestion.md. The first reading is
// the rule's; any further ones are ranked alternatives (the rest of a period, say).
class DateResolver {
public:
    // Readings with start, end, precision, basis and rule set; empty when the
    // expression needs a publication date and `published` is invalid, or names no
    // real day (30 February).
    static QList<DateSuggestion> resolve(const DateMention &mention, const QDate &published,
                                         Tense tense);

    // The year of a month named without one: the publication year, moved by tense.
    static int yearOfMonth(int month, const QDate &published, Tense tense);
};

} // namespace ntl
