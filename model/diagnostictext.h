#pragma once

#include "dataset.h"
#include "diagnostic.h"

#include <QCoreApplication>
#include <QString>

namespace ntl {

// A diagnostic in words for the window, where Diagnostic::toString() is for the command
// line (which keeps its path and line:column form): the place named as a reader knows it
// ("Event “Geneva talks”, participant 1") and the common messages reworded ("“x” is not in the
// list of actors"). Dataset text in it is escaped as in toString(); the technical location
// stays available from toString() (the window shows it under Details).
class DiagnosticText {
    Q_DECLARE_TR_FUNCTIONS(DiagnosticText)
public:
    // `dataset`, when known (warnings of a dataset that loaded), names events, articles, actors
    // and sides by title or name; without it they are numbered from 1.
    static QString plain(const Diagnostic &diagnostic, const Dataset *dataset = nullptr);
    // Where a JSON pointer points, in words: "/events/3/participants/0/actor" is
    // "Event “Geneva talks”, participant 1, actor" (or "Event 4, …" without a dataset).
    static QString place(const QString &jsonPath, const Dataset *dataset = nullptr);
    // `title` cut at a word to at most `maxLength` characters, with "…": names an article in
    // running text; the whole title belongs in a tooltip.
    static QString shortTitle(const QString &title, int maxLength = 48);
};

} // namespace ntl
