#pragma once

#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// Runs the real negotiation-timeline executable (NTL_APP_PATH) without a display.
struct AppRun {
    int exitCode = -1; // -1: crashed or timed out
    QString out;
    QString err;
};

// A home of the tests' own, made once per test process: the app run by a test keeps its
// settings, recent files and caches there, never in the developer's own.
inline QString isolatedHome() {
    static QTemporaryDir home;
    return home.path();
}

// The environment a test runs the app in: this process's, with the display removed and
// HOME and the XDG configuration, data and cache folders inside isolatedHome().
// `platform`: the QT_QPA_PLATFORM to set, or empty to leave it unset.
inline QProcessEnvironment appEnvironment(const QString &platform = QStringLiteral("offscreen")) {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    if (!platform.isEmpty())
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), platform);
    const QString home = isolatedHome();
    for (const char *folder : {"config", "data", "cache"})
        QDir(home).mkpath(QLatin1String(folder));
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
    return environment;
}

inline AppRun runProgram(const QString &program, const QStringList &arguments,
                         const QProcessEnvironment &environment) {
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
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

#ifdef NTL_APP_PATH
// `platform`: the QT_QPA_PLATFORM to set, or empty to leave it unset (the app must
// then choose one by itself).
inline AppRun runApp(const QStringList &arguments,
                     const QString &platform = QStringLiteral("offscreen")) {
    return runProgram(QStringLiteral(NTL_APP_PATH), arguments, appEnvironment(platform));
}

// As runApp, with files limited to `kib` KiB (RLIMIT_FSIZE) and SIGXFSZ ignored, so that
// a write fails part-way with EFBIG, as it would on a full disk, instead of killing the app.
inline AppRun runAppWithFileSizeLimit(const QStringList &arguments, int kib,
                                      const QString &platform = QString()) {
    return runProgram(
        QStringLiteral("bash"),
        QStringList{QStringLiteral("-c"),
                    QStringLiteral("trap '' XFSZ; ulimit -f %1 && exec \"$0\" \"$@\"").arg(kib),
                    QStringLiteral(NTL_APP_PATH)} +
            arguments,
        appEnvironment(platform));
}
#endif // NTL_APP_PATH
