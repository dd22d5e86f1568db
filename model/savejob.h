#pragma once

#include "datasetwriter.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class QThread;

namespace ntl {

// A save on a worker thread: DatasetWriter::write over a snapshot, so the GUI thread
// only takes the snapshot and later receives finished(). The snapshot is shared and
// never changes, so edits made while the save runs neither block nor disturb it.
class SaveJob : public QObject {
    Q_OBJECT
public:
    SaveJob(std::shared_ptr<const Dataset> snapshot, const QString &path,
            const DatasetWriter::Options &options = {}, QObject *parent = nullptr);
    // Cancels a save still running and waits for its thread: the old file is then kept.
    ~SaveJob() override;

    // Starts the save once; finished() follows, on this object's thread.
    void start();
    // Asks the running save to stop; finished(false, …) follows.
    void cancel() { m_cancelled = true; }
    bool isRunning() const;
    QString path() const { return m_path; }

signals:
    // Events written so far out of `total`, about every thousand events.
    void progress(qint64 done, qint64 total);
    // `message`: the reason, naming the file, when !ok.
    void finished(bool ok, const QString &message);

private:
    std::shared_ptr<const Dataset> m_snapshot;
    QString m_path;
    DatasetWriter::Options m_options;
    QThread *m_thread = nullptr;
    std::atomic<bool> m_cancelled{false};
    bool m_ok = false; // written by the worker, read after its thread finished
    QString m_message;
};

} // namespace ntl
