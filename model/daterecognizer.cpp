#include "daterecognizer.h"

#include <optional>

namespace ntl {

namespace {

using Form = DateMention::Form;
using Shift = DateMention::Shift;
using Part = DateMention::Part;
using Unit = DateMention::Unit;
using Kind = DateToken::Kind;

bool isOneOf(const QString &word, std::initializer_list<const char16_t *> words) {
    for (const char16_t *w : words) {
        if (word == QStringView(w))
            return true;
    }
    return false;
}

// Pattern matching over the token list; every pattern looks ahead a bounded number
// of tokens and never backtracks further than that.
class Matcher {
public:
    explicit Matcher(const QList<DateToken> &tokens)
        : m_tokens(tokens) {}

    std::optional<DateMention> at(int i) const {
        if (auto m = iso(i))
            return m;
        if (auto m = ago(i))
            return m;
        if (auto m = overnight(i))
            return m;
        if (auto m = weekendPhrase(i))
            return m;
        if (auto m = relativeDay(i))
            return m;
        if (auto m = dayFirst(i))
            return m;
        return modified(i);
    }

private:
    const QList<DateToken> &m_tokens;

    const DateToken *token(int i) const {
        return i >= 0 && i < m_tokens.size() ? &m_tokens[i] : nullptr;
    }
    bool isWord(int i, std::initializer_list<const char16_t *> words) const {
        const DateToken *t = token(i);
        return t && t->kind == Kind::Word && !t->possessive && isOneOf(t->lower, words);
    }
    bool isPunct(int i, std::initializer_list<const char16_t *> marks) const {
        const DateToken *t = token(i);
        return t && t->kind == Kind::Punct && isOneOf(t->lower, marks);
    }
    bool touches(int i) const // token i follows token i - 1 without a space
    {
        return token(i) && token(i - 1) && m_tokens[i].start == m_tokens[i - 1].end;
    }
    int number(int i, int minValue, int maxValue, int maxDigits) const {
        const DateToken *t = token(i);
        if (!t || t->kind != Kind::Number || t->digits > maxDigits || t->value < minValue ||
            t->value > maxValue)
            return -1;
        return t->value;
    }
    int year(int i) const {
        const DateToken *t = token(i);
        return t && t->digits == 4 ? number(i, 1900, 2199, 4) : -1;
    }
    bool isRangeDash(int i) const {
        return isPunct(i, {u"-", u"\u2013", u"\u2014"}) || isWord(i, {u"to", u"through", u"until"});
    }
    DateMention make(Form form, int first, int last) const {
        DateMention m;
        m.form = form;
        m.firstToken = first;
        m.lastToken = last;
        m.start = m_tokens[first].start;
        m.end = m_tokens[last].end;
        return m;
    }

    std::optional<DateMention> iso(int i) const {
        const int y = year(i);
        if (y < 0 || !isPunct(i + 1, {u"-"}) || !isPunct(i + 3, {u"-"}))
            return std::nullopt;
        const int mo = number(i + 2, 1, 12, 2);
        const int d = number(i + 4, 1, 31, 2);
        if (mo < 0 || d < 0 || !touches(i + 1) || !touches(i + 2) || !touches(i + 3) ||
            !touches(i + 4))
            return std::nullopt;
        DateMention m = make(Form::Iso, i, i + 4);
        m.year = y;
        m.month = mo;
        m.day = d;
        return m;
    }

    int countAt(int i) const {
        const DateToken *t = token(i);
        if (!t)
            return 0;
        if (t->kind == Kind::Number)
            return t->digits <= 3 && t->value > 0 ? t->value : 0;
        return t->kind == Kind::Word ? DateTokens::numberWord(t->lower) : 0;
    }

    std::optional<DateMention> ago(int i) const {
        const int n = countAt(i);
        if (n <= 0 || !isWord(i + 2, {u"ago"}))
            return std::nullopt;
        DateMention m = make(Form::Ago, i, i + 2);
        m.count = n;
        if (isWord(i + 1, {u"day", u"days"}))
            m.unit = Unit::Day;
        else if (isWord(i + 1, {u"week", u"weeks"}))
            m.unit = Unit::Week;
        else if (isWord(i + 1, {u"month", u"months"}))
            m.unit = Unit::Month;
        else if (isWord(i + 1, {u"year", u"years"}))
            m.unit = Unit::Year;
        else
            return std::nullopt;
        return m;
    }

    std::optional<DateMention> overnight(int i) const {
        int last = -1;
        if (isWord(i, {u"overnight"}))
            last = i;
        else if (isWord(i, {u"last"}) && isWord(i + 1, {u"night"}))
            last = i + 1;
        if (last < 0)
            return std::nullopt;
        // "overnight into Tuesday": the article names the day, and the event takes it.
        if (isWord(last + 1, {u"into", u"on", u"to", u"until"}) && token(last + 2)) {
            if (const int wd = DateTokens::weekday(m_tokens[last + 2])) {
                DateMention m = make(Form::Weekday, i, last + 2);
                m.weekday = wd;
                return m;
            }
        }
        return make(Form::Overnight, i, last);
    }

    std::optional<DateMention> weekendPhrase(int i) const {
        if (isWord(i, {u"over", u"at", u"during"}) && isWord(i + 1, {u"the"}) &&
            isWord(i + 2, {u"weekend"}))
            return make(Form::Weekend, i, i + 2);
        const DateToken *t = token(i);
        if (t && t->kind == Kind::Word && t->lower == u"weekend")
            return make(Form::Weekend, i, i);
        return std::nullopt;
    }

    std::optional<DateMention> relativeDay(int i) const {
        int offset = 2;
        int last = i;
        if (isWord(i, {u"today", u"tonight"}))
            offset = 0;
        else if (isWord(i, {u"yesterday"}))
            offset = -1;
        else if (isWord(i, {u"tomorrow"}))
            offset = 1;
        else if (isWord(i, {u"this"}) && isWord(i + 1, {u"morning", u"afternoon", u"evening"}))
            offset = 0, last = i + 1;
        if (offset == 2)
            return std::nullopt;
        DateMention m = make(Form::Day, i, last);
        m.count = offset;
        return m;
    }

    // Reads "Month [.] [day [- day | - Month day]] [,] [year]" from i; false if no month.
    bool monthFirst(int i, DateMention &m, int &last) const {
        const DateToken *t = token(i);
        const int mo = t ? DateTokens::month(*t) : 0;
        if (!mo)
            return false;
        m.month = mo;
        int j = i + 1;
        if (DateTokens::isMonthAbbreviation(*t) && isPunct(j, {u"."}) && touches(j))
            ++j;
        last = j - 1;
        const int d = number(j, 1, 31, 2);
        if (d > 0) {
            m.day = d;
            last = j++;
            if (isRangeDash(j)) {
                const int d2 = number(j + 1, 1, 31, 2);
                const int mo2 = token(j + 1) ? DateTokens::month(m_tokens[j + 1]) : 0;
                const int d3 = mo2 ? number(j + 2, 1, 31, 2) : -1;
                if (d2 > d) {
                    m.endMonth = mo, m.endDay = d2, last = j + 1, j += 2;
                } else if (mo2 && d3 > 0) {
                    m.endMonth = mo2, m.endDay = d3, last = j + 2, j += 3;
                }
            }
            if (isPunct(j, {u","}) && year(j + 1) > 0)
                ++j;
        }
        if (const int y = year(j); y > 0) {
            m.year = y;
            last = j;
        }
        return true;
    }

    // "23 November [2025]", "24-25 November", "23rd of November".
    std::optional<DateMention> dayFirst(int i) const {
        const int d = number(i, 1, 31, 2);
        if (d < 0)
            return std::nullopt;
        int j = i + 1;
        int d2 = 0;
        if (isRangeDash(j) && number(j + 1, 1, 31, 2) > d) {
            d2 = number(j + 1, 1, 31, 2);
            j += 2;
        }
        if (isWord(j, {u"of"}))
            ++j;
        DateMention m = make(Form::Explicit, i, i);
        int last = j;
        if (!token(j) || !DateTokens::month(m_tokens[j]))
            return std::nullopt;
        m.month = DateTokens::month(m_tokens[j]);
        m.day = d;
        if (d2) {
            m.endMonth = m.month;
            m.endDay = d2;
        }
        if (DateTokens::isMonthAbbreviation(m_tokens[j]) && isPunct(j + 1, {u"."}) &&
            touches(j + 1))
            last = ++j;
        if (const int y = year(j + 1); y > 0) {
            m.year = y;
            last = j + 1;
        }
        m.lastToken = last;
        m.end = m_tokens[last].end;
        return m;
    }

    // [early|mid|late|earlier|later] [last|this|next] then a weekday, a month, a year,
    // week/month/year or weekend.
    std::optional<DateMention> modified(int i) const {
        int j = i;
        Part part = Part::Whole;
        if (isWord(j, {u"early"}))
            part = Part::Early, ++j;
        else if (isWord(j, {u"mid"}))
            part = Part::Mid, j += isPunct(j + 1, {u"-"}) ? 2 : 1;
        else if (isWord(j, {u"late"}))
            part = Part::Late, ++j;
        else if (isWord(j, {u"earlier", u"later"})) {
            part = isWord(j, {u"earlier"}) ? Part::Earlier : Part::Later;
            ++j;
            if (isWord(j, {u"in"}) && isWord(j + 1, {u"the"}) &&
                isWord(j + 2, {u"week", u"month", u"year"})) {
                DateMention m = make(Form::Period, i, j + 2);
                m.shift = Shift::This;
                m.part = part;
                m.unit = unitOf(j + 2);
                return m;
            }
            if (!isWord(j, {u"this"}))
                return std::nullopt;
        }
        Shift shift = Shift::None;
        if (isWord(j, {u"last"}))
            shift = Shift::Last, ++j;
        else if (isWord(j, {u"this"}))
            shift = Shift::This, ++j;
        else if (isWord(j, {u"next"}))
            shift = Shift::Next, ++j;
        const DateToken *t = token(j);
        if (!t)
            return std::nullopt;
        if (const int wd = DateTokens::weekday(*t)) {
            DateMention m = make(Form::Weekday, i, j);
            m.weekday = wd;
            m.shift = shift;
            return m; // "early Tuesday" is still Tuesday
        }
        if (shift != Shift::None && isWord(j, {u"week", u"month", u"year"})) {
            DateMention m = make(Form::Period, i, j);
            m.shift = shift;
            m.part = part;
            m.unit = unitOf(j);
            return m;
        }
        if (shift != Shift::None && part == Part::Whole && t->kind == Kind::Word &&
            t->lower == u"weekend") {
            DateMention m = make(Form::Weekend, i, j);
            m.shift = shift;
            return m;
        }
        if (part == Part::Earlier || part == Part::Later)
            return std::nullopt;
        DateMention m = make(Form::Month, i, j);
        int last = j;
        if (monthFirst(j, m, last)) {
            if (m.day > 0) {
                m.form = Form::Explicit;
                m.part = Part::Whole;
                m.shift = Shift::None;
            } else {
                m.part = part;
                m.shift = shift;
                // "may" is a verb far more often than a month: only in a date's company.
                if (t->lower == u"may" && !m.year && j == i && !isPrepositionBefore(i))
                    return std::nullopt;
            }
            m.lastToken = last;
            m.end = m_tokens[last].end;
            return m;
        }
        if (const int y = year(j);
            y > 0 && shift == Shift::None && (part != Part::Whole || isPrepositionBefore(i))) {
            m = make(Form::Year, i, j);
            m.year = y;
            m.part = part;
            return m;
        }
        return std::nullopt;
    }

    Unit unitOf(int i) const {
        if (isWord(i, {u"week"}))
            return Unit::Week;
        return isWord(i, {u"month"}) ? Unit::Month : Unit::Year;
    }

    bool isPrepositionBefore(int i) const {
        return isWord(i - 1, {u"in", u"of", u"since", u"until", u"by", u"during", u"from",
                              u"through", u"throughout", u"before", u"after", u"early", u"late"});
    }
};

} // namespace

QList<DateMention> DateRecognizer::recognize(const QList<DateToken> &tokens) {
    QList<DateMention> mentions;
    const Matcher matcher(tokens);
    int i = 0;
    while (i < tokens.size()) {
        std::optional<DateMention> m = matcher.at(i);
        if (!m) {
            ++i;
            continue;
        }
        // The preposition is part of the article's words: "on Monday", "in August".
        const int before = m->firstToken - 1;
        if (before >= 0 && tokens[before].kind == Kind::Word) {
            const bool on =
                tokens[before].lower == u"on" &&
                (m->form == Form::Weekday || m->form == Form::Explicit || m->form == Form::Iso);
            const bool in =
                tokens[before].lower == u"in" && (m->form == Form::Month || m->form == Form::Year);
            if ((on || in) && (mentions.isEmpty() || mentions.last().lastToken < before)) {
                m->firstToken = before;
                m->start = tokens[before].start;
            }
        }
        i = m->lastToken + 1;
        mentions.append(*m);
    }
    return mentions;
}

} // namespace ntl
