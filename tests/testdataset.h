#pragma once

#include "datasetreader.h"

#include <QTest>

// Loads a fixture from tests/data; a broken fixture stops the test with its diagnostics.
inline std::shared_ptr<const ntl::Dataset> loadFixture(const char *relativePath)
{
    const auto result = ntl::DatasetReader::readFile(QStringLiteral(NTL_TEST_DATA_DIR "/") +
                                                     QString::fromUtf8(relativePath));
    if (!result.ok()) {
        QStringList lines;
        for (const ntl::Diagnostic &d : result.diagnostics)
            lines.append(d.toString());
        qFatal("fixture %s does not load:\n%s", relativePath, qPrintable(lines.join(u'\n')));
    }
    return result.dataset;
}
