#include <QDir>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "apprun.h"

// Builds the packages with CPack and checks them as a packager would: the .deb's
// Depends and files, the desktop entry and AppStream metadata, and that the unpacked
// binary runs.
class PackageTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void debDependsOnTheQtLibraries();
    void debHoldsEveryInstalledFile_data();
    void debHoldsEveryInstalledFile();
    void tarballHoldsTheBinary();
    void desktopEntryValidates();
    void appStreamMetadataValidates();
    void unpackedBinaryPrintsItsVersion();
    void unpackedBinaryExportsThePeaceTalks();

private:
    struct Run {
        int exitCode = -1;
        QString output;
    };
    static Run run(const QString &program, const QStringList &arguments, int timeoutMs = 240000);
    QString prefixed(const QString &path) const { return m_root.filePath(QStringLiteral("usr/") + path); }

    QTemporaryDir m_out;
    QTemporaryDir m_root;
    QString m_deb;
    QString m_tarball;
};

PackageTest::Run PackageTest::run(const QString &program, const QStringList &arguments, int timeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    // The tests' own home: the packaged app must not write the developer's settings either.
    process.setProcessEnvironment(appEnvironment(qEnvironmentVariable("QT_QPA_PLATFORM")));
    process.start(program, arguments);
    Run result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.output = QStringLiteral("timed out: %1 %2").arg(program, arguments.join(u' '));
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.output = QString::fromUtf8(process.readAll());
    return result;
}

void PackageTest::initTestCase()
{
    const Run cpack = run(QStringLiteral("cpack"), {QStringLiteral("--config"), QStringLiteral(NTL_BUILD_DIR "/CPackConfig.cmake"),
                                                    QStringLiteral("-G"), QStringLiteral("DEB;TGZ"), QStringLiteral("-B"), m_out.path()});
    QVERIFY2(cpack.exitCode == 0, qPrintable(cpack.output));
    const QDir out(m_out.path());
    const QStringList debs = out.entryList({QStringLiteral("*.deb")}, QDir::Files);
    const QStringList tarballs = out.entryList({QStringLiteral("*.tar.gz")}, QDir::Files);
    QCOMPARE(debs.size(), 1);
    QCOMPARE(tarballs.size(), 1);
    m_deb = out.filePath(debs.first());
    m_tarball = out.filePath(tarballs.first());
    const Run unpack = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), m_deb, m_root.path()});
    QVERIFY2(unpack.exitCode == 0, qPrintable(unpack.output));
}

void PackageTest::debDependsOnTheQtLibraries()
{
    const Run info = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), m_deb, QStringLiteral("Depends")});
    QCOMPARE(info.exitCode, 0);
    for (const char *library : {"libqt6core6", "libqt6gui6", "libqt6widgets6", "libqt6charts6", "libqt6svg6", "libc6"})
        QVERIFY2(info.output.contains(QLatin1String(library)), qPrintable(info.output));
    const Run version = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), m_deb, QStringLiteral("Version")});
    QCOMPARE(version.output.trimmed(), QStringLiteral(NTL_VERSION));
}

void PackageTest::debHoldsEveryInstalledFile_data()
{
    QTest::addColumn<QString>("path");
    const QString id = QStringLiteral(NTL_APP_ID);
    QTest::newRow("binary") << QStringLiteral("bin/negotiation-timeline");
    QTest::newRow("desktop entry") << QStringLiteral("share/applications/%1.desktop").arg(id);
    QTest::newRow("metainfo") << QStringLiteral("share/metainfo/%1.metainfo.xml").arg(id);
    QTest::newRow("svg icon") << QStringLiteral("share/icons/hicolor/scalable/apps/%1.svg").arg(id);
    for (int size : {48, 128, 256})
        QTest::newRow(qPrintable(QStringLiteral("png %1").arg(size))) << QStringLiteral("share/icons/hicolor/%1x%1/apps/%2.png").arg(size).arg(id);
    QTest::newRow("mime type") << QStringLiteral("share/mime/packages/%1.xml").arg(id);
    QTest::newRow("man page") << QStringLiteral("share/man/man1/negotiation-timeline.1");
}

void PackageTest::debHoldsEveryInstalledFile()
{
    QFETCH(QString, path);
    const Run contents = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-c"), m_deb});
    QVERIFY2(contents.output.contains(QStringLiteral("./usr/") + path), qPrintable(contents.output));
    QVERIFY(QFileInfo(prefixed(path)).size() > 0);
    if (path.endsWith(QLatin1String(".png"))) {
        const int size = path.section(u'/', 3, 3).section(u'x', 0, 0).toInt();
        QCOMPARE(QImage(prefixed(path)).size(), QSize(size, size));
    }
}

void PackageTest::tarballHoldsTheBinary()
{
    const Run contents = run(QStringLiteral("tar"), {QStringLiteral("-tzf"), m_tarball});
    QCOMPARE(contents.exitCode, 0);
    QVERIFY2(contents.output.contains(QStringLiteral("/bin/negotiation-timeline")), qPrintable(contents.output));
    QVERIFY(contents.output.contains(QStringLiteral("/share/applications/" NTL_APP_ID ".desktop")));
}

void PackageTest::desktopEntryValidates()
{
    const QString entry = prefixed(QStringLiteral("share/applications/" NTL_APP_ID ".desktop"));
    const Run validate = run(QStringLiteral("desktop-file-validate"), {entry});
    QVERIFY2(validate.exitCode == 0 && !validate.output.contains(QStringLiteral("error")), qPrintable(validate.output));
    QFile file(entry);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("MimeType=application/x-negotiation-timeline+json;"));
    QVERIFY(text.contains("Icon=" NTL_APP_ID));
}

void PackageTest::appStreamMetadataValidates()
{
    const Run validate = run(QStringLiteral("appstreamcli"),
                             {QStringLiteral("validate"), QStringLiteral("--no-net"),
                              prefixed(QStringLiteral("share/metainfo/" NTL_APP_ID ".metainfo.xml"))});
    QVERIFY2(validate.exitCode == 0, qPrintable(validate.output));
}

void PackageTest::unpackedBinaryPrintsItsVersion()
{
    const Run version = run(prefixed(QStringLiteral("bin/negotiation-timeline")), {QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.output.trimmed(), QStringLiteral("negotiation-timeline " NTL_VERSION));
}

void PackageTest::unpackedBinaryExportsThePeaceTalks()
{
    const QString png = m_out.filePath(QStringLiteral("default.png"));
    const Run exported = run(prefixed(QStringLiteral("bin/negotiation-timeline")),
                             {QStringLiteral("--export"), png, QStringLiteral("--size"), QStringLiteral("1280x800"),
                              QStringLiteral("--scale"), QStringLiteral("1")});
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.output));
    QCOMPARE(QImage(png).size(), QSize(1280, 800));
}

QTEST_GUILESS_MAIN(PackageTest)
#include "packagetest.moc"
