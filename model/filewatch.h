#pragma once

#include "filefingerprint.h"

#include <QObject>
#include <QString>
#include <QTimer>

class QFileSystemWatcher;

namespace ntl {

// Tells when the dataset file open in a document is changed by another writer, without
// widgets (FileWatchController decides what the window does about it).
//
// It watches the file and its folder: editors and QSaveFile replace a file by renaming a
// new one over it, which ends a watch on the file itself; the folder's notice brings it
// back. Notices are debounced (a burst of writes, or a rename's remove-then-create, is one
// check `debounceMs` after the last), and the file is then compared with the fingerprint
// of what was read or last saved, so the app's own saves and touches that keep the bytes
// are no change. Embedded (":/") and empty paths are not watched.
class FileWatch : public QObject {
    Q_OBJECT
public:
    static constexpr int defaultDebounceMs = 300;

    explicit FileWatch(QObject *parent = nullptr);
    ~FileWatch() override;

    // Watches `path`, known to hold what `known` saw (taken before the file was read, so a
    // change made while it was read is reported: a check follows at once when it no
    // longer matches).
    void watch(const QString &path, const FileFingerprint &known);
    // Watches `path` as it is now.
    void watch(const QString &path) { watch(path, FileFingerprint::of(path)); }
    void stop();
    QString path() const { return m_path; }

    // The app has just written the file itself (a save): what it holds now is known, and a
    // notice still pending is dropped. Call it once the save has finished, successful or
    // not (a failed save leaves the old file, which then simply matches again).
    void noteOwnWrite();
    // The user has seen the file as it is now (kept their version, or was told it is
    // gone): no further notice until it changes again.
    void acknowledge() { noteOwnWrite(); }

    void setDebounceMs(int ms) { m_debounce.setInterval(ms); }
    // A check is waiting for the debounce, or for the hashes it compares.
    bool isPending() const { return m_debounce.isActive() || m_hashPoll.isActive(); }

signals:
    // The file now holds other bytes than those known (or it came back after being gone).
    void changedOnDisk(const QString &path);
    // The file is gone (deleted, or moved away), once the debounce found it still missing.
    void removedFromDisk(const QString &path);

private:
    void noticed();
    void check();
    // Same size, another time (a touch, or a rewrite to the same length): the bytes decide,
    // hashed on a worker and compared when both hashes are ready, so the GUI thread never
    // waits for a large file's hash.
    void compareHashes();
    // Says what changed, `now` known from here on.
    void report(const FileFingerprint &now);
    // Re-adds the file to the watcher when it exists again (it drops a replaced file).
    void rewatchFile();

    QFileSystemWatcher *m_watcher;
    QTimer m_debounce;
    QTimer m_hashPoll;
    FileFingerprint m_candidate; // the file as it is now, being hashed
    QString m_path;
    FileFingerprint m_known;
};

} // namespace ntl
