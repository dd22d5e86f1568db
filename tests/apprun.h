#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

// Runs the real negotiation-timeline executable (NTL_APP_PATH) without a display.
struct AppRun {
    int exitCode = -1; // -1: crashed or timed out
    QString out;
    QString err;
};

// `platform`: the QT_QPA_PLATFORM to set, or empty to leave it unset (the app must
// then choose one by itself).
inline AppRun runApp(const QStringList &arguments, const QString &platform = QStringLiteral("offscreen"))
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    if (!platform.isEmpty())
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), platform);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(NTL_APP_PATH), arguments);
    AppRun result;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}
