#pragma once

#include "dataset.h"
#include "diagnostic.h"

#include <QObject>
#include <QString>

#include <memory>

class QItemSelectionModel;

namespace ntl {

class ActorModel;
class ArticleModel;
class Document;
class EventFilterModel;
class EventModel;

// What a window shows, without the window: the document being edited (the dataset, its
// path, undo stack and diagnostics), the item models over it, the filter and the one
// selection. MainWindow owns
// one and puts views on it; --save-as and --export run on a session alone, so they read
// no window settings and write no recent files.
class Session : public QObject {
    Q_OBJECT
public:
    // The embedded default dataset: the one place its location is written.
    static const QString defaultDatasetPath;

    explicit Session(QObject *parent = nullptr);
    ~Session() override;

    // Reads `path` (defaultDatasetPath for the embedded one). On success the models show it, the
    // selection is cleared, and so are the filters when it is another file; on failure
    // errors() lists why and the current dataset stays.
    bool open(const QString &path);
    // Starts a new, untitled dataset (no file yet: Save asks where) with this title and these
    // sides and nothing else; the undo history, selection and filters start over.
    void newDataset(const QString &title, const QList<Side> &sides);

    std::shared_ptr<const Dataset> dataset() const;
    QString path() const;
    // False until a dataset has been opened (the document then holds an empty one).
    bool hasDataset() const { return m_hasDataset; }
    // Every edit goes through the document; the models follow it.
    Document *document() const { return m_document; }
    Diagnostics warnings() const { return m_warnings; }
    Diagnostics errors() const { return m_errors; }

    EventModel *eventModel() const { return m_events; }
    ActorModel *actorModel() const { return m_actors; }
    ArticleModel *articleModel() const { return m_articles; }
    EventFilterModel *filterModel() const { return m_filter; }
    QItemSelectionModel *selectionModel() const { return m_selection; }

private:
    Document *m_document = nullptr;
    EventModel *m_events;
    ActorModel *m_actors;
    ArticleModel *m_articles;
    EventFilterModel *m_filter;
    QItemSelectionModel *m_selection;
    Diagnostics m_warnings;
    bool m_hasDataset = false;
    Diagnostics m_errors;
};

} // namespace ntl
