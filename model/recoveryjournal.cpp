#include "recoveryjournal.h"

#include "backgroundsync.h"
#include "commandrecord.h"
#include "commands/documentcommand.h"
#include "datasetreader.h"
#include "datasetwriter.h"
#include "document.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUuid>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace ntl {

namespace {

using Json = nlohmann::json;

QString trJournal(const char *text) {
    return QCoreApplication::translate("ntl::RecoveryJournal", text);
}

const QString journalSuffix = QStringLiteral(".jsonl");
const QString baseSuffix = QStringLiteral(".base.json");
const QString newPrefix = QStringLiteral("new");

// A resource has no canonical form on disk; a file's is what makes two spellings one key.
QString canonicalPath(const QString &path) {
    if (path.startsWith(QLatin1String(":/")) || path.startsWith(QLatin1String("qrc:")))
        return path;
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? info.absoluteFilePath() : canonical;
}

QString shortHash(const QString &text) {
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
}

// The name's stem: the path's hash (then a uuid), so that an open finds out from the folder
// alone that no journal was left for it (the usual case).
QString pathKey(const QString &canonical) {
    return shortHash(canonical);
}

bool isSha1Hex(const std::string &text) {
    return text.size() == 40 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

// Reads one line into `line` (without its newline) and never more than `limit` bytes of it.
enum class LineRead { Line, End, CutShort, TooLong, Error };
LineRead readLine(QFile &file, QByteArray &line, qint64 limit) {
    line.clear();
    char chunk[64 * 1024];
    for (;;) {
        const qint64 n = file.readLine(chunk, sizeof chunk);
        if (n < 0)
            return line.isEmpty() && file.atEnd() ? LineRead::End : LineRead::Error;
        if (n == 0)
            return line.isEmpty() ? LineRead::End : LineRead::CutShort;
        line.append(chunk, n);
        if (line.endsWith('\n')) {
            line.chop(1);
            return LineRead::Line;
        }
        if (line.size() > limit)
            return LineRead::TooLong;
        if (file.atEnd())
            return LineRead::CutShort;
    }
}

QString lineProblem(LineRead read) {
    switch (read) {
    case LineRead::CutShort:
        return trJournal("the line is cut short (the program ended while writing it)");
    case LineRead::TooLong:
        return trJournal("the line is longer than %1 bytes").arg(CommandRecord::maxRecordBytes);
    default:
        return trJournal("it cannot be read");
    }
}

QList<RecoveryJournal::Entry> entriesNamed(const QString &prefix) {
    QList<RecoveryJournal::Entry> entries;
    const QDir dir(RecoveryJournal::directory());
    const QStringList names =
        dir.entryList({prefix + QStringLiteral("-*") + journalSuffix}, QDir::Files);
    for (const QString &name : names) {
        RecoveryJournal::Entry entry;
        if (RecoveryJournal::readEntry(dir.filePath(name), &entry, nullptr))
            entries.append(entry);
    }
    std::sort(entries.begin(), entries.end(),
              [](const auto &a, const auto &b) { return a.time > b.time; });
    return entries;
}

} // namespace

RecoveryJournal::RecoveryJournal(Document *document, QObject *parent)
    : QObject(parent)
    , m_document(document) {
    QUndoStack *stack = document->undoStack();
    connect(document, &Document::datasetReset, this, &RecoveryJournal::reset);
    connect(document, &Document::aboutToPush, this, &RecoveryJournal::onAboutToPush);
    connect(document, &Document::pushed, this, &RecoveryJournal::onPushed);
    connect(stack, &QUndoStack::indexChanged, this, &RecoveryJournal::onIndexChanged);
    connect(stack, &QUndoStack::cleanChanged, this, &RecoveryJournal::onCleanChanged);
    m_base = m_index = stack->index();
    // Polled rather than called back: a std::shared_future has no callback, and Qt 6.4's
    // QFuture::then(context) asserts the context alive from the worker thread.
    m_hashPoll.setInterval(hashPollMs);
    connect(&m_hashPoll, &QTimer::timeout, this, &RecoveryJournal::writeHashWhenReady);
    startHashing();
}

RecoveryJournal::~RecoveryJournal() {
    // Ending normally, the window has asked to save or discard: only a crash leaves one.
    closeAndRemove();
}

void RecoveryJournal::startHashing() {
    // SHA-1, the file watch's hash, rather than a SHA-256 of its own: one hash per open or
    // save instead of two, and SHA-1 is about 5 times faster in Qt 6.4 (0.46 s against 2.2 s
    // per 100 MiB here). It only tells one version of the user's own file from another; no one
    // gains by forging a collision with it. The stat is taken now, the hash on a worker.
    m_printedPath = m_document ? m_document->filePath() : QString();
    m_print = m_printedPath.isEmpty() ? FileFingerprint() : FileFingerprint::of(m_printedPath);
}

void RecoveryJournal::writeHashWhenReady() {
    if (!m_file.isOpen() || m_hashWritten || !m_print.hash.valid()) {
        m_hashPoll.stop();
        return;
    }
    if (!m_print.hashReady()) {
        if (!m_hashPoll.isActive())
            m_hashPoll.start();
        return;
    }
    m_hashPoll.stop();
    m_hashWritten = true;
    const QByteArray hash = m_print.hashValue(); // ready: returns at once
    // Empty: the file could not be read whole; the size and time are all the journal keeps.
    if (!hash.isEmpty())
        append(QByteArray("{\"sha1\":\"") + hash.toHex() + "\"}");
}

void RecoveryJournal::waitForSync() {
    if (m_sync)
        m_sync->waitForIdle();
}

QString RecoveryJournal::directory() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/recovery");
}

void RecoveryJournal::discard() {
    closeAndRemove();
    if (m_document)
        m_base = m_index = m_document->undoStack()->index();
    m_inMacro = false;
}

void RecoveryJournal::reset() {
    closeAndRemove();
    m_base = m_index = m_document ? m_document->undoStack()->index() : 0;
    m_inMacro = false;
    m_pushing = false;
    m_lastError.clear();
    startHashing();
}

bool RecoveryJournal::inMacro() const {
    const QUndoStack *stack = m_document->undoStack();
    // While a macro is built its command is last, at index(), and nothing can be redone.
    return stack->count() > stack->index() && !stack->canRedo();
}

void RecoveryJournal::onAboutToPush(const DocumentCommand *command) {
    m_pushing = true;
    const QByteArray record = CommandRecord::encode(*command);
    if (record.isEmpty()) {
        m_lastError = trJournal("an edit of a kind the recovery journal cannot record");
        emit writeFailed(m_lastError);
        return;
    }
    if (!ensureOpen())
        return;
    if (inMacro() && !m_inMacro) {
        QUndoStack *stack = m_document->undoStack();
        const QString text = stack->command(stack->count() - 1)->text();
        if (!append(QByteArray::fromStdString(Json{{"begin", text.toStdString()}}.dump(
                -1, ' ', false, Json::error_handler_t::replace))))
            return;
        m_inMacro = true;
    }
    append(record);
}

void RecoveryJournal::onPushed() {
    m_pushing = false;
    if (!m_inMacro)
        m_index = m_document->undoStack()->index();
}

void RecoveryJournal::onIndexChanged(int index) {
    if (m_pushing || !m_document)
        return;
    if (m_inMacro) {
        if (!inMacro()) {
            append(QByteArrayLiteral("{\"end\":1}"));
            m_inMacro = false;
        }
        m_index = index;
        return;
    }
    if (index < m_base) {
        // Undone past where the journal began (past a save): start again from a snapshot of
        // the state now, the only base the recorded steps could be replayed onto.
        closeAndRemove();
        m_base = m_index = index;
        ensureOpen();
        return;
    }
    const int steps = index - m_index;
    m_index = index;
    if (steps == 0 || !ensureOpen())
        return;
    append(steps < 0 ? QByteArray("{\"u\":") + QByteArray::number(-steps) + '}'
                     : QByteArray("{\"r\":") + QByteArray::number(steps) + '}');
}

void RecoveryJournal::onCleanChanged(bool clean) {
    if (!clean || !m_document)
        return;
    const QUndoStack *stack = m_document->undoStack();
    // Clean at the journal's own base is an undo back to it (the journal keeps the redo);
    // clean anywhere else is a save: the file now holds everything.
    if (stack->cleanIndex() == m_base)
        return;
    closeAndRemove();
    m_base = m_index = stack->index();
    m_lastError.clear();
    startHashing(); // the saved bytes: the next journal's key
}

bool RecoveryJournal::ensureOpen() {
    if (m_file.isOpen())
        return true;
    if (!m_document)
        return false;
    const QString path = m_document->filePath();
    // The file is the base only while the stack's clean state is where the journal begins.
    const bool baseIsFile = !path.isEmpty() && m_document->undoStack()->cleanIndex() == m_base;
    const QString canonical = path.isEmpty() ? QString() : canonicalPath(path);
    if (path != m_printedPath)
        startHashing(); // the path changed without a save or a load
    const QString dir = directory();
    const QString stem = (path.isEmpty() ? newPrefix : pathKey(canonical)) + u'-' +
                         QUuid::createUuid().toString(QUuid::Id128);
    const auto fail = [this](const QString &message) {
        m_lastError = message;
        emit writeFailed(message);
        return false;
    };
    if (!path.isEmpty() && !m_print.exists && baseIsFile)
        return fail(trJournal("Could not start a recovery journal: %1 cannot be read.")
                        .arg(QDir::toNativeSeparators(path)));
    if (!QDir().mkpath(dir))
        return fail(trJournal("Could not start a recovery journal: the folder %1 cannot be made.")
                        .arg(QDir::toNativeSeparators(dir)));
    Json header = {
        {"ntl-journal", formatVersion},
        {"path", canonical.toStdString()},
        {"size", m_print.exists ? m_print.size : -1},
        {"modified", m_print.exists ? m_print.modified.toMSecsSinceEpoch() : 0},
        {"time", QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString()},
        {"base", nullptr}};
    if (!baseIsFile) {
        QString error;
        DatasetWriter::Options options;
        options.texts = DatasetWriter::ArticleTexts::Inline; // one file, nothing beside it
        if (!DatasetWriter::write(m_document->snapshot(), QDir(dir).filePath(stem + baseSuffix),
                                  options, &error))
            return fail(trJournal("Could not start a recovery journal: %1").arg(error));
        header["base"] = (stem + baseSuffix).toStdString();
    }
    m_file.setFileName(QDir(dir).filePath(stem + journalSuffix));
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        const QString message =
            trJournal("Could not start the recovery journal %1: %2")
                .arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString());
        m_file.setFileName(QString());
        return fail(message);
    }
    // The new name reaches the disk with its folder, once per journal: on the sync's thread
    // (tens of milliseconds on a busy disk), or here for Sync::Immediate.
    if (m_syncMode == Sync::Background)
        m_sync = std::make_unique<BackgroundSync>(m_file.handle(), QFile::encodeName(dir));
    else
        BackgroundSync::syncDirectory(QFile::encodeName(dir));
    m_hashWritten = false;
    if (!append(
            QByteArray::fromStdString(header.dump(-1, ' ', false, Json::error_handler_t::replace))))
        return false;
    writeHashWhenReady(); // at once when ready, else by m_hashPoll: never waited for
    return true;
}

bool RecoveryJournal::append(const QByteArray &line) {
    if (!m_file.isOpen())
        return false;
    // One write per line, so a crash leaves at most the last line cut short.
    const QByteArray bytes = line + '\n';
    // flush() hands the line to the kernel: from there it survives the program's end.
    const bool written = m_file.write(bytes) == bytes.size() && m_file.flush();
    if (written && m_sync && !m_sync->failed()) {
        m_sync->request();
        return true;
    }
    if (written && !m_sync && BackgroundSync::syncNow(m_file.handle()))
        return true;
    m_lastError = trJournal("Could not write the recovery journal %1: %2")
                      .arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString());
    // What is on disk stays replayable up to here; nothing is appended after a failed line.
    m_sync.reset();
    m_file.close();
    emit writeFailed(m_lastError);
    return false;
}

void RecoveryJournal::closeAndRemove() {
    m_hashPoll.stop();
    const QString path = m_file.fileName();
    m_sync.reset(); // before the descriptor closes
    m_file.close();
    m_file.setFileName(QString());
    if (!path.isEmpty())
        remove(path);
}

void RecoveryJournal::remove(const QString &journalPath) {
    QFile::remove(journalPath);
    if (journalPath.endsWith(journalSuffix))
        QFile::remove(journalPath.chopped(journalSuffix.size()) + baseSuffix);
}

bool RecoveryJournal::readEntry(const QString &journalPath, Entry *entry, QString *error) {
    QString ignored;
    QString &message = error ? *error : ignored;
    QFile file(journalPath);
    if (!file.open(QIODevice::ReadOnly)) {
        message =
            trJournal("%1: %2").arg(QDir::toNativeSeparators(journalPath), file.errorString());
        return false;
    }
    const auto failAt = [&](int line, const QString &why) {
        message = trJournal("%1, line %2: %3")
                      .arg(QDir::toNativeSeparators(journalPath))
                      .arg(line)
                      .arg(why);
        return false;
    };
    if (file.size() > maxJournalBytes)
        return failAt(1, trJournal("the journal is larger than %1 bytes").arg(maxJournalBytes));
    QByteArray line;
    const LineRead read = readLine(file, line, 64 * 1024);
    if (read != LineRead::Line)
        return failAt(1, lineProblem(read));
    const Json header = Json::parse(line.constBegin(), line.constEnd(), nullptr, false);
    const auto text = [&](const char *key, QString &out) {
        const auto it = header.find(key);
        if (it == header.end() || !it->is_string())
            return false;
        out = QString::fromStdString(it->get<std::string>());
        return true;
    };
    Entry found;
    found.journalPath = journalPath;
    QString time;
    if (!header.is_object() || header.value("ntl-journal", Json()) != Json(formatVersion) ||
        !text("path", found.datasetPath) || !text("time", time) ||
        !header.value("size", Json()).is_number_integer() ||
        !header.value("modified", Json()).is_number_integer())
        return failAt(1, trJournal("not a recovery journal of this version"));
    found.fileSize = header["size"].get<qint64>();
    found.fileModified = header["modified"].get<qint64>();
    found.time = QDateTime::fromString(time, Qt::ISODateWithMs);
    const auto base = header.find("base");
    if (base != header.end() && base->is_string()) {
        const QString name = QString::fromStdString(base->get<std::string>());
        // Only a file beside the journal: a header must not point anywhere else.
        if (name.isEmpty() || name.contains(u'/') || name.contains(u'\\') || name.startsWith(u'.'))
            return failAt(1, trJournal("the base is not a file beside the journal"));
        found.basePath = QFileInfo(journalPath).dir().filePath(name);
    } else if (found.datasetPath.isEmpty()) {
        return failAt(1, trJournal("the journal names neither a file nor a base"));
    }
    // Edits are the lines starting {"c" (members are written in order, "c" first); the
    // file's hash is a line of its own, written when the worker had it.
    for (;;) {
        const LineRead next = readLine(file, line, CommandRecord::maxRecordBytes + 64);
        if (next != LineRead::Line)
            break;
        if (line.startsWith("{\"c\"")) {
            ++found.edits;
        } else if (line.startsWith("{\"sha1\"") && found.fileSha1.isEmpty()) {
            const Json hash = Json::parse(line.constBegin(), line.constEnd(), nullptr, false);
            const Json value = hash.is_object() ? hash.value("sha1", Json()) : Json();
            if (!value.is_string() || !isSha1Hex(value.get<std::string>()))
                break; // counted up to here, as the replay would stop here
            found.fileSha1 = QString::fromStdString(value.get<std::string>());
        }
    }
    *entry = found;
    return true;
}

QList<RecoveryJournal::Entry> RecoveryJournal::journalsFor(const QString &datasetPath) {
    const QString canonical = canonicalPath(datasetPath);
    const QStringList any =
        QDir(directory())
            .entryList({pathKey(canonical) + QStringLiteral("-*") + journalSuffix}, QDir::Files);
    if (any.isEmpty())
        return {}; // no journal for this path: no need to read the file
    const FileFingerprint now = FileFingerprint::of(datasetPath, false);
    if (!now.exists)
        return {};
    QList<Entry> entries = entriesNamed(pathKey(canonical));
    // The name is a hash of the path: the header says for sure.
    entries.removeIf([&](const Entry &e) {
        return e.datasetPath != canonical || e.fileSize != now.size ||
               e.fileModified != now.modified.toMSecsSinceEpoch();
    });
    return entries;
}

bool RecoveryJournal::sameBytes(const Entry &entry, const QByteArray &fileSha1) {
    return entry.fileSha1.isEmpty() || entry.fileSha1.toLatin1() == fileSha1.toHex();
}

QList<RecoveryJournal::Entry> RecoveryJournal::unsavedJournals() {
    QList<Entry> entries = entriesNamed(newPrefix);
    entries.removeIf(
        [](const Entry &e) { return !e.datasetPath.isEmpty() || e.basePath.isEmpty(); });
    return entries;
}

RecoveryJournal::Replay RecoveryJournal::replay(const QString &journalPath, Document *document,
                                                const QByteArray &fileSha1) {
    Replay result;
    const auto failAt = [&](int line, const QString &why) {
        result.badLine = line;
        result.error = trJournal("%1, line %2: %3")
                           .arg(QDir::toNativeSeparators(journalPath))
                           .arg(line)
                           .arg(why);
        return result;
    };
    Entry entry;
    if (!readEntry(journalPath, &entry, &result.error)) {
        result.badLine = 1;
        return result;
    }
    QUndoStack *stack = document->undoStack();
    if (entry.basePath.isEmpty()) {
        const QString path = document->filePath();
        const FileFingerprint now = FileFingerprint::of(path, false);
        const auto otherBytes = [&] {
            if (entry.fileSha1.isEmpty())
                return false;
            return !sameBytes(entry, fileSha1.isEmpty() ? FileFingerprint::of(path).hashValue()
                                                        : fileSha1);
        };
        if (path.isEmpty() || canonicalPath(path) != entry.datasetPath || !now.exists ||
            now.size != entry.fileSize || now.modified.toMSecsSinceEpoch() != entry.fileModified ||
            stack->count() != 0 || otherBytes())
            return failAt(1, trJournal("the journal is for another file, or another version "
                                       "of it, than the one open"));
    } else {
        const DatasetReader::Result base = DatasetReader::readFile(entry.basePath);
        if (!base.ok())
            return failAt(1, trJournal("its base %1 cannot be read")
                                 .arg(QDir::toNativeSeparators(entry.basePath)));
        document->load(base.dataset, entry.datasetPath, base.diagnostics);
        // Not what any file holds: modified from the start.
        stack->resetClean();
    }
    QFile file(journalPath);
    if (!file.open(QIODevice::ReadOnly))
        return failAt(1, file.errorString());
    QByteArray line;
    readLine(file, line, 64 * 1024); // the header, read above
    bool macroOpen = false;
    for (int number = 2;; ++number) {
        const LineRead read = readLine(file, line, CommandRecord::maxRecordBytes + 64);
        if (read == LineRead::End)
            break;
        if (read != LineRead::Line) {
            failAt(number, lineProblem(read));
            break;
        }
        if (line.startsWith("{\"c\"")) {
            QString error;
            std::unique_ptr<DocumentCommand> command =
                CommandRecord::decode(line, document, &error);
            if (!command) {
                failAt(number, error);
                break;
            }
            if (!document->push(command.release())) {
                failAt(number, trJournal("the edit is refused: %1").arg(document->lastError()));
                break;
            }
            ++result.edits;
            continue;
        }
        const Json step = Json::parse(line.constBegin(), line.constEnd(), nullptr, false);
        const auto count = [&](const char *key) -> int {
            const auto it = step.find(key);
            if (it == step.end() || !it->is_number_integer())
                return -1;
            const qint64 n = it->get<qint64>();
            return n >= 1 && n <= 1'000'000'000 ? int(n) : -1;
        };
        if (!step.is_object() || step.size() != 1) {
            failAt(number, trJournal("not a step of a recovery journal"));
            break;
        }
        if (step.contains("u") || step.contains("r")) {
            const bool undo = step.contains("u");
            const int n = count(undo ? "u" : "r");
            const int target = undo ? stack->index() - n : stack->index() + n;
            if (n < 1 || macroOpen || target < 0 || target > stack->count()) {
                failAt(number, trJournal("an undo or redo past the ends of the history"));
                break;
            }
            stack->setIndex(target);
        } else if (step.contains("begin") && step["begin"].is_string() && !macroOpen) {
            stack->beginMacro(QString::fromStdString(step["begin"].get<std::string>()));
            macroOpen = true;
        } else if (step.contains("sha1") && step["sha1"].is_string()) {
            // The file's hash, checked above.
        } else if (step.contains("end") && macroOpen) {
            stack->endMacro();
            macroOpen = false;
        } else {
            failAt(number, trJournal("not a step of a recovery journal"));
            break;
        }
    }
    // A crash inside a compound edit: what was done of it is one step.
    if (macroOpen)
        stack->endMacro();
    result.ok = result.badLine == 0;
    return result;
}

} // namespace ntl
