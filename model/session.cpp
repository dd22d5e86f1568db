#include "session.h"

#include "actormodel.h"
#include "articlemodel.h"
#include "datasetreader.h"
#include "eventfiltermodel.h"
#include "eventmodel.h"

#include <QItemSelectionModel>

namespace ntl {

const QString Session::defaultDatasetPath =
    QStringLiteral(":/datasets/peace-talks-2025/dataset.json");

Session::Session(QObject *parent)
    : QObject(parent)
    , m_events(new EventModel(this))
    , m_actors(new ActorModel(this))
    , m_articles(new ArticleModel(this))
    , m_filter(new EventFilterModel(this))
    , m_selection(new QItemSelectionModel(m_filter, this)) {
    m_filter->setSourceModel(m_events);
}

Session::~Session() = default;

bool Session::open(const QString &path) {
    const DatasetReader::Result result = DatasetReader::readFile(path);
    if (!result.ok()) {
        m_errors = result.diagnostics;
        return false;
    }
    m_errors.clear();
    m_selection->clear();
    // Another dataset's ids and words would filter this one to nothing, under names it lacks.
    if (path != m_path)
        m_filter->clearFilters();
    m_events->setDataset(result.dataset);
    m_actors->setDataset(result.dataset);
    m_articles->setDataset(result.dataset);
    m_path = path;
    m_warnings = result.diagnostics;
    return true;
}

std::shared_ptr<const Dataset> Session::dataset() const {
    return m_events->dataset();
}

} // namespace ntl
