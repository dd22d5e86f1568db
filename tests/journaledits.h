#pragma once

#include "document.h"

#include <QDate>
#include <QStringList>

// Edits named on a command line ("field:EVENT:title:TEXT", "remove:EVENT", "date:EVENT:YYYY-MM-DD",
// "undo"), so that the kill -9 child and the test that recovers it agree on what was done.
inline bool applyJournalEdit(ntl::Document &document, const QString &edit) {
    using namespace ntl;
    const QStringList parts = edit.split(u':');
    if (parts.value(0) == QLatin1String("title") && parts.size() == 3)
        return document.setEventField(parts.at(1), EventField::Title, parts.at(2));
    if (parts.value(0) == QLatin1String("date") && parts.size() == 3)
        return document.setEventField(parts.at(1), EventField::DateStart,
                                      QDate::fromString(parts.at(2), Qt::ISODate));
    if (parts.value(0) == QLatin1String("remove") && parts.size() == 2)
        return document.removeEvent(parts.at(1));
    if (parts.value(0) == QLatin1String("undo") && document.undoStack()->canUndo()) {
        document.undoStack()->undo();
        return true;
    }
    return false;
}
