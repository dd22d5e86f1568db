#pragma once

#include <QList>
#include <QString>

namespace ntl {

// One problem found in a dataset: where it is (file plus line:column or a JSON
// pointer) and what was expected.
struct Diagnostic {
    enum class Severity { Error, Warning };

    Severity severity = Severity::Error;
    QString file;
    int line = 0;     // 1-based; 0 when the location is a JSON path
    int column = 0;   // 1-based, in characters
    QString jsonPath; // RFC 6901 pointer such as /events/12/date/start
    QString message;

    bool isError() const { return severity == Severity::Error; }
    // "FILE:LINE:COL: error: …" or "FILE: /json/path: warning: …", one line, with
    // control and bidi characters escaped (PrintableText::escaped).
    QString toString() const;
};

using Diagnostics = QList<Diagnostic>;

bool hasErrors(const Diagnostics &diagnostics);
int errorCount(const Diagnostics &diagnostics);

} // namespace ntl
