#pragma once

#include <QCoreApplication>

namespace journalsetup {
// The test and its child must find journals in one place: same names, same XDG_DATA_HOME.
inline void nameApplication() {
    QCoreApplication::setOrganizationName(QStringLiteral("NegotiationTimelineTest"));
    QCoreApplication::setApplicationName(QStringLiteral("recoveryjournaltest"));
}
} // namespace journalsetup
