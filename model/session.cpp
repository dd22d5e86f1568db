#include "session.h"

#include "actormodel.h"
#include "articlemodel.h"
#include "datasetreader.h"
#include "document.h"
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
    // Made after the models so that it is deleted after them: its end resets no model
    // while a window is half destroyed.
    m_document = new Document(this);
    m_events->setDocument(m_document);
    m_actors->setDocument(m_document);
    m_articles->setDocument(m_document);
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
    if (path != m_document->filePath())
        m_filter->clearFilters();
    m_warnings = result.diagnostics;
    m_hasDataset = true; // before the load: what follows its reset sees a dataset open
    m_document->load(result.dataset, path, result.diagnostics);
    return true;
}

void Session::newDataset(const QString &title, const QList<Side> &sides) {
    auto dataset = std::make_shared<Dataset>();
    dataset->title = title;
    dataset->sides = sides;
    dataset->reindex();
    m_errors.clear();
    m_warnings.clear();
    m_selection->clear();
    m_filter->clearFilters();
    m_hasDataset = true; // before the load: what follows its reset sees a dataset open
    m_document->load(std::move(dataset), QString());
}

std::shared_ptr<const Dataset> Session::dataset() const {
    return m_document->snapshot();
}

QString Session::path() const {
    return m_document->filePath();
}

} // namespace ntl
