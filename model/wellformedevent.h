#pragma once

#include "codepointindex.h"
#include "dataset.h"

#include <QList>
#include <QString>

#include <optional>
#include <string_view>

namespace ntl {

class JsonCursor;

// The quick way to read a well-formed event (private to model/): straight from its text,
// with no DOM, when reading it would report nothing (every rule of DatasetValidator is
// met, every field present and of its type). Anything else is left to the reader's DOM
// checks, which word every message. One per reader: a reader is used by one thread at a time.
class WellFormedEvent {
public:
    // `references` holds the sides, articles and actors read, with `codePointIndexes` one
    // per article; whether the articles and actors could be read decides unknown ids.
    WellFormedEvent(const Dataset &references, const QList<CodePointIndex> *codePointIndexes,
                    bool articlesRead, bool actorsRead);

    // The event in `text`, or nullopt whenever reading it might report something.
    std::optional<Event> read(std::string_view text);

private:
    bool readDate(JsonCursor &in, EventDate &date) const;
    bool readSource(JsonCursor &in, SourcePassage &source) const;
    // One copy of each kind, shared by the events of that kind: a dataset has a few kinds
    // and 100,000s of events.
    QString sharedKind(const QString &kind);

    const Dataset &m_references;
    const QList<CodePointIndex> *m_codePointIndexes;
    bool m_readArticles;
    bool m_readActors;
    QList<QString> m_sharedKinds;
};

} // namespace ntl
