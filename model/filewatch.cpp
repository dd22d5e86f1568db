#include "filewatch.h"

#include <QFileInfo>
#include <QFileSystemWatcher>

namespace ntl {

FileWatch::FileWatch(QObject *parent)
    : QObject(parent)
    , m_watcher(new QFileSystemWatcher(this)) {
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(defaultDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &FileWatch::check);
    m_hashPoll.setInterval(50);
    connect(&m_hashPoll, &QTimer::timeout, this, &FileWatch::compareHashes);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &FileWatch::noticed);
    // Another file in the folder changing is a notice too: the debounced check sorts it out
    // with one stat, and a rename over the dataset shows only here.
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &FileWatch::noticed);
}

FileWatch::~FileWatch() = default;

void FileWatch::watch(const QString &path, const FileFingerprint &known) {
    stop();
    if (path.isEmpty() || path.startsWith(u':') || path.startsWith(QLatin1String("qrc:")))
        return;
    m_path = QFileInfo(path).absoluteFilePath();
    m_known = known;
    m_watcher->addPath(QFileInfo(m_path).absolutePath());
    rewatchFile();
    // Changed between the fingerprint and now (while it was read): say so, debounced. Only
    // the cheap part here; the debounced check compares bytes when it must.
    const FileFingerprint now = FileFingerprint::of(m_path, false);
    if (now.exists != m_known.exists || now.size != m_known.size ||
        now.modified != m_known.modified)
        m_debounce.start();
}

void FileWatch::stop() {
    m_debounce.stop();
    m_hashPoll.stop();
    m_candidate = {};
    const QStringList watched = m_watcher->files() + m_watcher->directories();
    if (!watched.isEmpty())
        m_watcher->removePaths(watched);
    m_path.clear();
    m_known = {};
}

void FileWatch::noteOwnWrite() {
    if (m_path.isEmpty())
        return;
    m_debounce.stop();
    m_hashPoll.stop();
    m_candidate = {};
    m_known = FileFingerprint::of(m_path);
    rewatchFile();
}

void FileWatch::noticed() {
    if (m_path.isEmpty())
        return;
    rewatchFile();
    m_debounce.start(); // restarts: a burst of notices is one check after the last
}

void FileWatch::rewatchFile() {
    if (!m_watcher->files().contains(m_path) && QFileInfo::exists(m_path))
        m_watcher->addPath(m_path);
}

void FileWatch::check() {
    m_hashPoll.stop();
    m_candidate = {};
    if (m_path.isEmpty())
        return;
    const FileFingerprint now = FileFingerprint::of(m_path, false);
    if (now.exists == m_known.exists &&
        (!now.exists || (now.size == m_known.size && now.modified == m_known.modified)))
        return; // the same file
    if (now.exists && m_known.exists && now.size == m_known.size) {
        m_candidate = FileFingerprint::of(m_path);
        compareHashes();
        return;
    }
    report(FileFingerprint::of(m_path));
}

void FileWatch::compareHashes() {
    if (!m_known.hashReady() || !m_candidate.hashReady()) {
        if (!m_hashPoll.isActive())
            m_hashPoll.start();
        return;
    }
    m_hashPoll.stop();
    const FileFingerprint candidate = m_candidate;
    m_candidate = {};
    // Both ready: hashValue() returns at once. A file that could not be read is a change.
    const QByteArray known = m_known.hashValue();
    if (!known.isEmpty() && candidate.hashValue() == known) {
        m_known = candidate; // touched only: its new time is known from now on
        return;
    }
    report(candidate);
}

void FileWatch::report(const FileFingerprint &now) {
    const QString path = m_path;
    // Known from here on, so one change is one notice whatever the receiver does.
    m_known = now;
    rewatchFile();
    if (m_known.exists)
        emit changedOnDisk(path);
    else
        emit removedFromDisk(path);
}

} // namespace ntl
