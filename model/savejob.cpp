#include "savejob.h"

#include <QThread>

namespace ntl {

SaveJob::SaveJob(std::shared_ptr<const Dataset> snapshot, const QString &path,
                 const DatasetWriter::Options &options, QObject *parent)
    : QObject(parent)
    , m_snapshot(std::move(snapshot))
    , m_path(path)
    , m_options(options) {}

SaveJob::~SaveJob() {
    if (m_thread) {
        m_cancelled = true;
        m_thread->wait();
    }
}

bool SaveJob::isRunning() const {
    return m_thread && m_thread->isRunning();
}

void SaveJob::start() {
    if (m_thread)
        return;
    m_thread = QThread::create([this] {
        const auto report = [this](qsizetype done, qsizetype total) {
            emit progress(done, total); // queued to the receivers' thread
            return !m_cancelled.load();
        };
        QString error;
        m_ok = DatasetWriter::write(m_snapshot, m_path, m_options, &error, report);
        m_message = error;
    });
    m_thread->setParent(this);
    m_thread->setObjectName(QStringLiteral("SaveJob"));
    // QThread::finished is emitted on the worker; delivered here, the result is complete.
    connect(
        m_thread, &QThread::finished, this, [this] { emit finished(m_ok, m_message); },
        Qt::QueuedConnection);
    m_thread->start(QThread::LowPriority);
}

} // namespace ntl
