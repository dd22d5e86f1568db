#pragma once

#include <array>
#include <vector>

namespace ntl {

class EventModel;

// Facet counts: for every value of a facet (a side, actor, kind, status or article), the
// number of events that have it and pass every active filter except that facet's own. It is
// what checking the value would add to (or, alone, show of) the events on screen.
//
// EventFilterModel fills it in the same pass over the rows that decides which rows pass: each
// row reports which filters it fails, and counts for a facet only when no other filter fails.
class FacetCounts {
public:
    enum Facet { Side, Actor, Kind, Status, Article, FacetCount };
    // The bit of each facet's filter in a row's failed filters; the date range and the search
    // share one bit (they have no counts of their own).
    static constexpr unsigned facetBit(Facet facet) { return 1u << unsigned(facet); }
    static constexpr unsigned otherBit = 1u << unsigned(FacetCount);

    // Zeroes every count, one per id number of `events` (statuses: per ntl::EventStatus value).
    void reset(const EventModel &events);
    // Counts `row`, which fails the filters in `failed`.
    void addRow(const EventModel &events, int row, unsigned failed);
    // Takes back addRow() for a row about to change or go (with its facts as they were).
    void removeRow(const EventModel &events, int row, unsigned failed);
    // The count of value `number` (an id number of the matching EventModel::RowIds, or the
    // status); 0 for a number out of range.
    int count(Facet facet, int number) const;

private:
    void addIds(Facet facet, const int *begin, const int *end, int step);
    void countRow(const EventModel &events, int row, unsigned failed, int step);

    std::array<std::vector<int>, FacetCount> m_counts;
};

} // namespace ntl
