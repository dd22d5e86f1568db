#include "facetcounts.h"

#include "dataset.h"
#include "eventmodel.h"

namespace ntl {

void FacetCounts::reset(const EventModel &events) {
    const auto zero = [this](Facet facet, int size) {
        m_counts[facet].assign(std::size_t(std::max(size, 0)), 0);
    };
    zero(Side, events.sides().count());
    zero(Actor, events.participants().count());
    zero(Kind, events.kinds().count());
    zero(Article, events.articles().count());
    zero(Status, int(EventStatus::Cancelled) + 1);
}

void FacetCounts::addIds(Facet facet, const int *begin, const int *end, int step) {
    std::vector<int> &counts = m_counts[facet];
    for (const int *number = begin; number != end; ++number) {
        // An edit may bring an id numbered after the last reset().
        if (std::size_t(*number) >= counts.size())
            counts.resize(std::size_t(*number) + 1, 0);
        counts[std::size_t(*number)] += step;
    }
}

void FacetCounts::addRow(const EventModel &events, int row, unsigned failed) {
    countRow(events, row, failed, 1);
}

void FacetCounts::removeRow(const EventModel &events, int row, unsigned failed) {
    countRow(events, row, failed, -1);
}

void FacetCounts::countRow(const EventModel &events, int row, unsigned failed, int step) {
    // Fails two filters or more: no single change of a facet brings it in.
    if (failed & (failed - 1))
        return;
    const auto counts = [failed](Facet facet) {
        return failed == 0 || failed == facetBit(facet);
    };
    if (counts(Side))
        addIds(Side, events.sides().begin(row), events.sides().end(row), step);
    if (counts(Actor))
        addIds(Actor, events.participants().begin(row), events.participants().end(row), step);
    if (counts(Kind))
        addIds(Kind, events.kinds().begin(row), events.kinds().end(row), step);
    if (counts(Article))
        addIds(Article, events.articles().begin(row), events.articles().end(row), step);
    const int status = events.status(row);
    if (counts(Status) && status >= 0 && std::size_t(status) < m_counts[Status].size())
        m_counts[Status][std::size_t(status)] += step;
}

int FacetCounts::count(Facet facet, int number) const {
    const std::vector<int> &counts = m_counts[facet];
    return number >= 0 && std::size_t(number) < counts.size() ? counts[std::size_t(number)] : 0;
}

} // namespace ntl
