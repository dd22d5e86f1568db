#pragma once

#include "dataset.h"
#include "importbatch.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace ntl {

// A TimelineJS3 timeline brought in as events (docs/interop.md): its JSON file or its
// spreadsheet saved as CSV. Each slide becomes an event: the headline and text turned from
// HTML into plain text, the date's precision from the fields given, the group a side (one
// of base's with the same name, else a new one, with an actor standing for it), unique_id
// the id when free. TimelineJS holds no passages: every event comes in unsourced, and says
// so in a warning. Impossible dates are errors located by JSON pointer or row and column;
// a batch with any error is not applied (ImportApplier).
class TimelineJsImporter {
public:
    static constexpr qsizetype maxJsonSize = 32 * 1024 * 1024;
    static constexpr int maxJsonDepth = 64;
    static constexpr qsizetype maxEvents = 100000;

    // Whether a CSV header is TimelineJS's spreadsheet: Year and Headline and at least two
    // more of its columns (Month, Day, End Year, Display Date, Text, Media, Type, Group…).
    static bool isTimelineJsHeader(const QStringList &header);

    static ImportBatch readJson(const QByteArray &bytes, const QString &fileName,
                                const Dataset &base);
    static ImportBatch readCsv(const QByteArray &bytes, const QString &fileName,
                               const Dataset &base);
};

} // namespace ntl
