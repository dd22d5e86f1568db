#pragma once

#include "articletextfiles.h"
#include "datasetreader.h"
#include "datasetvalidator.h"
#include "eventdomreader.h"
#include "filebuffer.h"
#include "jsonoutline.h"
#include "wellformedevent.h"

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ntl {

// Reads one `negotiation-timeline` document from its bytes (private to model/): its outline,
// its parts parsed bounded, each section's objects, the article texts, and the events on
// several threads, every rule applied as it goes. DatasetReader's whole work, for one load.
class DocumentReader : private DatasetValidator::Reporter, private EventDomReader {
public:
    // `references` resolves ids for a reader ahead: the main reader's dataset.
    DocumentReader(QString displayName, QString baseDirectory, const Dataset *references = nullptr)
        : EventDomReader(references ? references : &m_dataset,
                         references ? 0 : DatasetReader::approximateSearchBudget, *this)
        , m_file(std::move(displayName))
        , m_baseDirectory(std::move(baseDirectory))
        , m_textFiles(m_baseDirectory) {
        // The reader checks each string's presence and length as it reads its type.
        m_rules.setCheckFields(false);
    }

    DatasetReader::Result run(std::string_view json);
    // The bytes passed to run() are `buffer`'s, of the file m_file: they are given back
    // once read, and the file is read again should a syntax error need all of it.
    void releaseWhenRead(FileBuffer *buffer) { m_buffer = buffer; }

private:
    // How reading one element of the events array ahead, on another thread, went.
    struct ElementOutcome {
        qsizetype diagnosticsEnd = 0; // m_diagnostics.size() after the element
        int suppressedEnd = 0;        // m_suppressed after it
        bool hasErrors = false;       // m_hasErrors after it
        bool isEvent = false;         // it was an object, read into m_events
        bool readAgain = false;       // what came before decides; read it again in order
    };

    // A reader of a later share of the events, on another thread: it starts from this
    // one's state after the actors, looks sides, articles and actors up in this one's
    // Dataset (read-only meanwhile) and marks what depends on the events before it.
    std::unique_ptr<DocumentReader> makeReaderAhead() const;

    // --- reporting
    // The rules name items by their index in the file: their paths are its JSON pointers.
    void report(Diagnostic::Severity severity, const Location &location,
                const QString &message) override {
        report(severity, location.path(), message);
    }
    void listsRead() { m_rules.setListsRead(m_readSides, m_readArticles, m_readActors); }
    void report(Diagnostic::Severity severity, const QString &path,
                const QString &message) override {
        if (severity == Diagnostic::Severity::Error)
            m_hasErrors = true;
        if (m_diagnostics.size() >= DatasetReader::maxReportedDiagnostics) {
            ++m_suppressed;
            return;
        }
        Diagnostic d;
        d.severity = severity;
        d.file = m_file;
        d.jsonPath = path.isEmpty() ? QStringLiteral("/") : path;
        d.message = message;
        m_diagnostics.append(std::move(d));
    }
    // Takes over a diagnostic made by a reader ahead, in the order it would have come.
    void report(Diagnostic &&d) {
        if (d.isError())
            m_hasErrors = true;
        if (m_diagnostics.size() >= DatasetReader::maxReportedDiagnostics) {
            ++m_suppressed;
            return;
        }
        m_diagnostics.append(std::move(d));
    }
    static QString tooLargeMessage() {
        return QStringLiteral("too large to read: its structure would take more memory than "
                              "a file of its size may take");
    }
    // The document's first syntax error, reported as Json::parse reports it; nullopt when
    // the document is valid JSON. Reads the whole text again, without building a DOM.
    std::optional<Diagnostic> syntaxError(std::string_view json) const;

    // --- sections
    void readSides(const Json &root);
    void readArticles(const Json &root);
    void readArticleText(const Json &object, const QString &path, const Location &at,
                         Article &article);
    void readActors(const Json &root);
    void readEvents(Json &root, std::string_view json, const JsonOutline &outline);
    bool readEventsInShares(std::string_view json, const std::vector<JsonOutline::Range> &elements);
    void readEventsAhead(std::string_view json, const std::vector<JsonOutline::Range> &elements,
                         qsizetype first, qsizetype last, std::atomic<bool> &syntaxErrorFound);
    void takeOverEventsReadAhead(DocumentReader &ahead, std::string_view json,
                                 const std::vector<JsonOutline::Range> &elements, qsizetype first);
    // The event in `text` when reading it would report nothing and change nothing but the
    // events; nullopt whenever that is not certain (then readEvent() reads it from a DOM).
    std::optional<Event> readWellFormedEvent(std::string_view text) {
        if (!m_wellFormed) // made once the lists the events refer to are read
            m_wellFormed.emplace(*m_references, m_search.codePointIndexes(), m_readArticles,
                                 m_readActors);
        return m_wellFormed->read(text);
    }
    // Gives back the bytes from `releasedUpTo` to `readUpTo` once they are a megabyte, or
    // at once at the end of a piece (a megabyte left in each of many would add up).
    void releaseRead(qsizetype &releasedUpTo, qsizetype readUpTo, bool pieceEnds = false) {
        constexpr qsizetype batch = 1024 * 1024;
        if (m_buffer && (readUpTo - releasedUpTo >= batch || pieceEnds)) {
            m_buffer->release(releasedUpTo, readUpTo);
            releasedUpTo = readUpTo;
        }
    }
    void appendEvent(std::optional<Event> &&event, qsizetype index);

    QString m_file;
    QString m_baseDirectory;
    FileBuffer *m_buffer = nullptr;
    Diagnostics m_diagnostics;
    int m_suppressed = 0;
    bool m_readSides = false;
    bool m_readArticles = false;
    bool m_readActors = false;
    Dataset m_dataset;
    QList<qsizetype> m_eventIndexes; // each event's index in the events array
    ArticleTextFiles m_textFiles;    // read so far, each once
    bool m_eventsParsed = false;     // every element of a split-off events array parsed

    QList<Event> m_events;                  // read ahead, for the elements that are events
    std::vector<ElementOutcome> m_outcomes; // one per element read ahead
    std::optional<std::string> m_internalError;
    std::optional<WellFormedEvent> m_wellFormed;
};

} // namespace ntl
