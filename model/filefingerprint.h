#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <future>

namespace ntl {

// What a file held at one moment: whether it existed, its size, its modification time and a
// hash of its bytes. FileWatch compares the file as it is now with the one the document was
// read from or last saved to, so that a touch or a rewrite with the same bytes (an editor's
// "save" without changes, the app's own save) is not taken for another writer's change. The
// recovery journal keys itself to the same hash (RecoveryJournal).
struct FileFingerprint {
    bool exists = false;
    qint64 size = -1;
    QDateTime modified;
    // SHA-1 of the bytes, computed on a worker thread (a 220 MB dataset takes about a
    // second): the file is opened here and hashed there, so opening a document waits for
    // neither. Empty when the file could not be read whole; invalid without a hash.
    std::shared_future<QByteArray> hash;

    // The file at `path` as it is now. `withHash` false leaves the hash out (cheap: one
    // stat), for a comparison that may not need it. One hash per version of a file: a
    // fingerprint of a file unchanged since an earlier one (same inode, size, modification
    // and change times) shares that one's hash, done or under way, so the file watch and the
    // recovery journal hash a file once per open or save.
    static FileFingerprint of(const QString &path, bool withHash = true);
    // The hash, once computed. BLOCKS until the worker is done: never on the GUI thread
    // before hashReady() (a 220 MB file takes seconds).
    QByteArray hashValue() const;
    // The hash is computed (hashValue() returns at once), or there is none to wait for.
    bool hashReady() const;

    // Tests: while held, hash workers wait before hashing (to show that nothing waits for
    // them); letting go lets them run.
    static void holdHashingForTest(bool hold);
};

} // namespace ntl
