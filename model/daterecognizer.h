#pragma once

#include "datetokens.h"

#include <QList>

namespace ntl {

// A date expression found in text, not yet resolved against a publication date.
struct DateMention {
    enum class Form {
        Iso,       // 2025-11-23
        Explicit,  // November 23, 23 November 2025, Nov. 23, November 24-25
        Month,     // (in) August, November 2025, last November
        Year,      // in 2024
        Weekday,   // (on|last|this|next) Monday, Sunday's
        Day,       // today, tonight, yesterday, tomorrow (count = offset in days)
        Period,    // this/last/next week|month|year, earlier this month, later this week
        Ago,       // N days|weeks|months|years ago
        Weekend,   // over the weekend, this/last/next weekend
        Overnight, // overnight, last night
    };
    enum class Shift { None, Last, This, Next };
    enum class Part { Whole, Early, Mid, Late, Earlier, Later };
    enum class Unit { Day, Week, Month, Year };

    Form form = Form::Explicit;
    Shift shift = Shift::None;
    Part part = Part::Whole;
    Unit unit = Unit::Day;
    int year = 0; // 0 when the text gives none
    int month = 0;
    int day = 0;
    int endMonth = 0; // a range's last day ("November 24-25"); 0 when not a range
    int endDay = 0;
    int weekday = 0; // 1 = Monday
    int count = 0;
    int firstToken = 0; // inclusive token indices
    int lastToken = 0;
    int start = 0; // UTF-16 span in the tokenized text
    int end = 0;
};

// Finds date expressions in tokens (docs/date-suggestion.md lists the forms). Each
// pattern looks ahead a fixed few tokens, so the work is linear in the input.
class DateRecognizer {
public:
    static QList<DateMention> recognize(const QList<DateToken> &tokens);
};

} // namespace ntl
