#pragma once

#include "codepointindex.h"
#include "occurrenceindex.h"

#include <QList>

#include <map>
#include <memory>
#include <vector>

namespace ntl {

struct Article;
struct Dataset;

// What the passage checks of one load (or one edit) search with: a search budget shared by
// every search (exact scans, approximate matches, claims), each article's code-point index
// and, per article text, where each quote occurs (scanned for once). Not thread-safe: one
// per reader, each thread's own; the code-point indexes may be shared read-only.
class PassageSearch {
public:
    // `articlesOf` holds the articles searched; `budget` the steps all searches may take.
    PassageSearch(const Dataset &articlesOf, qint64 budget);

    // Indexes built by another search over the same articles, one per article (only read).
    void shareCodePointIndexes(const QList<CodePointIndex> *indexes) { m_shared = indexes; }
    // One per article, built now, so that searches on other threads only read them;
    // articles sharing one text (one file named by several) share one.
    void buildCodePointIndexes();
    const QList<CodePointIndex> *codePointIndexes() const { return m_shared; }

    // The code-point index of `article`, one of `articlesOf`'s; built when first asked for
    // unless shared (a one-event check builds only the articles it cites).
    const CodePointIndex &codePoints(const Article *article);
    OccurrenceIndex &occurrencesIn(const Article *article);

    qint64 *budget() { return &m_budget; }

private:
    qsizetype indexOf(const Article *article) const;

    const Dataset &m_dataset;
    qint64 m_budget;
    QList<CodePointIndex> m_ownCodePoints;
    const QList<CodePointIndex> *m_shared = nullptr;
    std::map<qsizetype, CodePointIndex> m_builtOnDemand;
    std::vector<std::shared_ptr<OccurrenceIndex>> m_occurrenceIndexes;
    std::map<const QChar *, std::shared_ptr<OccurrenceIndex>> m_occurrenceIndexByText;
};

} // namespace ntl
