#pragma once

#include "dataset.h"

#include <QByteArray>
#include <QString>

namespace ntl {

// Writes a dataset as a `negotiation-timeline` version 1 document. Anchored
// passages are written with their current offsets, converted back to code points.
// Articles read from a `textFile` keep referring to it; the file is not rewritten.
class DatasetWriter
{
public:
    static QByteArray toJson(const Dataset &dataset);
    // Atomic: the old file stays intact unless the whole new one is written.
    // Returns false and sets errorMessage (naming the file) on failure.
    static bool writeFile(const Dataset &dataset, const QString &path, QString *errorMessage = nullptr);
};

} // namespace ntl
