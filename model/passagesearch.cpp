#include "passagesearch.h"

#include "dataset.h"

namespace ntl {

PassageSearch::PassageSearch(const Dataset &articlesOf, qint64 budget)
    : m_dataset(articlesOf)
    , m_budget(budget) {}

qsizetype PassageSearch::indexOf(const Article *article) const {
    return article - m_dataset.articles.constData();
}

void PassageSearch::buildCodePointIndexes() {
    m_ownCodePoints.clear();
    m_ownCodePoints.reserve(m_dataset.articles.size());
    std::map<const QChar *, qsizetype> indexOfText;
    for (const Article &article : m_dataset.articles) {
        const auto known =
            article.text.isEmpty() ? indexOfText.end() : indexOfText.find(article.text.constData());
        if (known != indexOfText.end()) {
            m_ownCodePoints.append(m_ownCodePoints.at(known->second));
            continue;
        }
        indexOfText.emplace(article.text.constData(), m_ownCodePoints.size());
        m_ownCodePoints.append(CodePointIndex(article.text));
    }
    m_shared = &m_ownCodePoints;
}

const CodePointIndex &PassageSearch::codePoints(const Article *article) {
    const qsizetype at = indexOf(article);
    if (m_shared)
        return m_shared->at(at);
    auto built = m_builtOnDemand.find(at);
    if (built == m_builtOnDemand.end())
        built = m_builtOnDemand.emplace(at, CodePointIndex(article->text)).first;
    return built->second;
}

OccurrenceIndex &PassageSearch::occurrencesIn(const Article *article) {
    const std::size_t at = std::size_t(indexOf(article));
    if (m_occurrenceIndexes.size() <= at)
        m_occurrenceIndexes.resize(std::size_t(m_dataset.articles.size()));
    if (!m_occurrenceIndexes[at]) {
        // Articles sharing one text (one file named by several) share one index: each
        // would otherwise keep its own positions of the same quotes.
        std::shared_ptr<OccurrenceIndex> &shared =
            m_occurrenceIndexByText[article->text.constData()];
        if (!shared || shared->text().size() != article->text.size())
            shared = std::make_shared<OccurrenceIndex>(article->text);
        m_occurrenceIndexes[at] = shared;
    }
    return *m_occurrenceIndexes[at];
}

} // namespace ntl
