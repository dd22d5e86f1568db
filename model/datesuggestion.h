#pragma once

#include "dataset.h"

#include <QDate>
#include <QString>

namespace ntl {

// One reading of a date expression found in an article, ready to become an
// event's date (docs/date-suggestion.md). The user accepts or edits it; nothing
// here is written to a dataset by itself.
struct DateSuggestion {
    QDate start;
    QDate end;
    DatePrecision precision = DatePrecision::Day;
    DateBasis basis = DateBasis::Stated;
    QString anchorArticleId;    // the article resolved against; empty when stated
    QString expression;         // the article's own words, verbatim
    int start16 = -1;           // UTF-16 span of `expression` in Article::text
    int end16 = -1;             // exclusive
    qint64 codePointStart = -1; // the same span in code points, as the file stores offsets
    qint64 codePointEnd = -1;
    QString rule; // which rule of docs/date-suggestion.md produced it, e.g. "weekday-last"

    bool isValid() const { return start.isValid() && end.isValid() && start <= end; }
    // The event date fields this suggestion fills (note left empty for the user).
    EventDate toEventDate() const;
};

} // namespace ntl
