#pragma once

#include "dataset.h"
#include "diagnostic.h"

#include <QHash>
#include <QList>
#include <QMultiHash>
#include <QString>

namespace ntl {

class PassageSearch;

// The content rules of a dataset (docs/format.md), over in-memory data: ids unique and every
// reference resolving, dates in order, passages found in their articles, and what is allowed
// but worth a look (an event citing no passage, say). The reader applies them as it reads;
// editing commands apply them to the item they change. Errors are what would break the
// format (the reader refuses such a file); warnings are kept.
//
// A finding's place is a Location: a list, an item's index in it, and a field. The
// whole-dataset and one-item checks name items by their index in the Dataset; the reader
// gives each item's index in the file, so the path it reports is the file's JSON pointer.
class DatasetValidator {
public:
    struct Location {
        enum class List { None, Sides, Articles, Actors, Events };
        List list = List::None;
        qsizetype index = -1;
        // Within an event: "date", "participants", "sources" or "disagreements".
        const char *items = nullptr;
        qsizetype item = -1;         // the index in `items`, -1 for "date"
        qsizetype claim = -1;        // a claim's index within a disagreement
        const char *field = nullptr; // the field, or null for the item as a whole

        Location within(const char *itemsName, qsizetype itemIndex = -1) const;
        Location claimAt(qsizetype claimIndex) const;
        Location at(const char *fieldName) const;
        // An RFC 6901 pointer such as /events/12/sources/0/end.
        QString path() const;
        static Location of(List list, qsizetype index, const char *field = nullptr);
    };

    // Receives the findings of the rules applied one by one (the reader's own reporting).
    class Reporter {
    public:
        virtual ~Reporter() = default;
        virtual void report(Diagnostic::Severity severity, const Location &location,
                            const QString &message) = 0;
    };

    // --- the whole dataset, and one item (each costs that item's work only)

    // Every rule over every item, in the reader's order; each Diagnostic's jsonPath is its
    // Location's path (in-memory indexes), without a file.
    static Diagnostics validate(const Dataset &dataset);
    // The side, article or actor at `index` of `dataset` (as it would be after an edit).
    static Diagnostics checkSide(const Dataset &dataset, qsizetype index);
    static Diagnostics checkArticle(const Dataset &dataset, qsizetype index);
    static Diagnostics checkActor(const Dataset &dataset, qsizetype index);
    // `event` as it would stand at `index` of the events (-1: appended). Its id is compared
    // with the other events' through `eventRowsById` (id → each index that has it), which
    // the caller keeps; without it, by a pass over the events.
    static Diagnostics checkEvent(const Dataset &dataset, const Event &event, qsizetype index = -1,
                                  const QMultiHash<QString, qsizetype> *eventRowsById = nullptr);

    // --- the rules, one at a time, for a reader that applies them as it reads

    // `references` resolves ids; `search` finds passages (its budget is charged).
    DatasetValidator(const Dataset &references, PassageSearch &search, Reporter &reporter);

    // Whether each list was read: references into a list that could not be read are not
    // reported (its own error says enough).
    void setListsRead(bool sides, bool articles, bool actors);
    // Whether the required and limited string fields are checked here (the reader checks
    // them as it reads each value's type).
    void setCheckFields(bool check) { m_checkFields = check; }

    // `indexes` holds each item's index for its location. Reads the ids in place: the
    // events' are 100,000s.
    template <typename Items> // a QList or the dataset's EventList
    void checkUniqueIds(Location::List list, const Items &items,
                        const QList<qsizetype> &indexes) {
        QHash<QString, qsizetype> firstSeen;
        firstSeen.reserve(items.size());
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QString &itemId = items.at(i).id;
            if (itemId.isEmpty())
                continue;
            const auto it = firstSeen.constFind(itemId);
            if (it != firstSeen.cend())
                duplicateId(Location::of(list, indexes.at(i)), itemId,
                            Location::of(list, indexes.at(*it)));
            else
                firstSeen.insert(itemId, i);
        }
    }
    // The id of an item at `at` against one other item's that has it first, at `firstAt`.
    void duplicateId(const Location &at, const QString &id, const Location &firstAt);

    void checkSideFields(const Location &at, const Side &side);
    // A side's colour, when it has one, is "#rrggbb".
    void checkSideColor(const Location &at, const Side &side);
    void checkArticleFields(const Location &at, const Article &article);
    // NUL characters in an article's text.
    void checkArticleText(const Location &at, const Article &article);
    // The SHA-256 the article states (`expected`) against that of its text's bytes.
    void checkArticleHash(const Location &at, const QString &expected, const QString &actualSha256);
    void checkActorFields(const Location &at, const Actor &actor);
    void checkActorSide(const Location &at, const Actor &actor);
    void checkActorAffiliation(const Location &at, const Actor &actor);

    void checkEventFields(const Location &at, const Event &event);
    void checkDate(const Location &date, const EventDate &value);
    // checkDate() in three steps, for the reader, which reads fields in between.
    void checkDateRange(const Location &date, const EventDate &value);
    void checkDatePrecision(const Location &date, const EventDate &value);
    void checkDateAnchor(const Location &date, const EventDate &value);
    void checkParticipant(const Location &participant, Participant &value);
    // Warns about an event that cites no passage.
    void checkHasSources(const Location &event, qsizetype sourceCount);
    // The passage's article (null when unknown); its id then shares the article's copy.
    const Article *checkSourceArticle(const Location &source, SourcePassage &value);
    // The passage's stored offsets; false when they cannot be used to anchor it.
    bool checkSourceOffsets(const Location &source, const SourcePassage &value);

    enum class Search { Done, OverBudget };
    // Anchors `source` in `article` (source.start/end become UTF-16 indices) and reports
    // how. OverBudget, reporting nothing, when the search costs more than is left and
    // `reportOverBudget` is false.
    Search anchorSource(const Location &source, const Article *article, SourcePassage &value,
                        bool reportOverBudget = true);
    void checkClaimCount(const Location &disagreement, qsizetype claimCount);
    // The claim's article (null when unknown).
    const Article *checkClaimArticle(const Location &claim, const Claim &value);
    // The claim's words found in `article` (claim.start/end set).
    Search findClaim(const Location &claim, const Article *article, Claim &value,
                     bool reportOverBudget = true);

    // The messages the reader gives for a value's type and length, in one place.
    static QString blankMessage();
    static QString tooLongMessage(qsizetype limit, qsizetype length);
    static QString endBeforeStartMessage(const QDate &start, const QDate &end);
    static bool isSideColor(const QString &color);
    static QString sideColorMessage(const QString &found);

    // Rules the reader's quick path (events with nothing to report) asks about.
    static bool datesInOrder(const EventDate &date);
    static bool dayPrecisionFits(const EventDate &date);

private:
    void reference(const Location &at, const QString &target, bool exists, const char *what);
    // False when the field is reported (too long, or blank though required).
    bool field(const Location &at, const QString &text, bool required, const char *key);
    void error(const Location &at, const QString &message);
    void warning(const Location &at, const QString &message);

    const Dataset &m_references;
    PassageSearch &m_search;
    Reporter &m_reporter;
    bool m_readSides = true;
    bool m_readArticles = true;
    bool m_readActors = true;
    bool m_checkFields = true;
};

} // namespace ntl
