#pragma once

#include "dataset.h"
#include "datasetvalidator.h"
#include "jsonfields.h"
#include "passagesearch.h"
#include "readerjson.h"

#include <optional>

namespace ntl {

// Reads one event from its bounded tree (private to model/): every field's shape and type
// (JsonFields) and every content rule (DatasetValidator) as it goes, each problem reported
// at its JSON pointer. The dataset reader reads through it the events that the quick way
// (WellFormedEvent) leaves, and all else it reads shares its rules and search.
class EventDomReader : protected JsonFields {
protected:
    using Location = DatasetValidator::Location;
    using List = DatasetValidator::Location::List;

    // `references` resolves ids; `searchBudget` is what the passage searches may spend.
    EventDomReader(const Dataset *references, qint64 searchBudget,
                   DatasetValidator::Reporter &reporter);

    // The event at `index` of the events array; nullopt when it is not an object.
    std::optional<Event> readEvent(const Json &object, qsizetype index);

    // Where references resolve: the reader's own dataset, or for a reader ahead the main one's.
    const Dataset *m_references;
    // One budget for every search of this load (exact scans, approximate matching, claims),
    // and the articles' indexes; a reader ahead has no budget, and shares the indexes.
    PassageSearch m_search;
    DatasetValidator m_rules;
    bool m_hasErrors = false; // set by the reader's reporting
    // A reader ahead does not know what the events before its share did: it marks each
    // element whose outcome depends on that (m_dependsOnEarlier), which is then read
    // again in order. It searches with no budget, so any search needed is such a case.
    bool m_readingAhead = false;
    bool m_dependsOnEarlier = false;

private:
    void readDate(const Json &object, const QString &path, const Location &at, EventDate &date);
    void readParticipants(const Json &object, const QString &path, const Location &at,
                          Event &event);
    void readSources(const Json &object, const QString &path, const Location &at, Event &event);
    void readDisagreements(const Json &object, const QString &path, const Location &at,
                           Event &event);
    void anchorSource(const Location &at, const Article *article, SourcePassage &source);
};

} // namespace ntl
