#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace ntl {

// A word, number or punctuation mark of the text the date recogniser reads.
struct DateToken {
    enum class Kind { Word, Number, Punct };
    Kind kind = Kind::Punct;
    int start = 0; // UTF-16 index into the tokenized text
    int end = 0;   // exclusive
    QString lower; // lower case; curly apostrophes as '
    bool capitalised = false;
    bool possessive = false;    // "Sunday's": lower holds "sunday"
    bool newlineBefore = false; // a paragraph break precedes it
    int value = -1;             // a Number's value (at most 4 digits), else -1
    int digits = 0;
};

// A small hand tokenizer and the word tables of date expressions. One linear
// pass, no regular expression: the input is bounded by the caller.
class DateTokens {
public:
    static QList<DateToken> tokenize(QStringView text);

    static int month(const DateToken &token); // 1..12, 0 if not a month name
    static bool isMonthAbbreviation(const DateToken &token);
    static int weekday(const DateToken &token);  // 1 (Monday)..7, 0 if not a weekday
    static int numberWord(const QString &lower); // "one".."twenty", "a"/"an" = 1; else 0
};

} // namespace ntl
