// The recovery test's child: opens a dataset in a Session, attaches the recovery journal as
// the window does, applies the edits named on its command line, prints "ready" and waits
// to be killed (SIGKILL: no destructor runs, as in a crash).
#include "journaledits.h"
#include "journalsetup.h"
#include "recoveryjournal.h"
#include "session.h"

#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char **argv) {
    QGuiApplication app(argc, argv);
    journalsetup::nameApplication();
    const QStringList args = app.arguments().mid(1);
    if (args.isEmpty())
        return 2;
    ntl::Session session;
    if (!session.open(args.first()))
        return 3;
    auto *journal = new ntl::RecoveryJournal(session.document(), &session);
    for (const QString &edit : args.mid(1)) {
        if (!applyJournalEdit(*session.document(), edit)) {
            std::fprintf(stderr, "edit refused: %s\n", qPrintable(edit));
            return 4;
        }
    }
    if (!journal->lastError().isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(journal->lastError()));
        return 5;
    }
    std::printf("ready\n");
    std::fflush(stdout);
    return app.exec();
}
