// Data in and out of the window (issue 17): File → Import… (TimelineJS and articles together,
// one undoable step, all or nothing, warnings listed, errors located) and File → Export
// Data… (the filtered events).
#include "dataexportcontroller.h"
#include "dataimportcontroller.h"
#include "document.h"
#include "emptystatepage.h"
#include "eventfiltermodel.h"
#include "mainwindow.h"
#include "session.h"
#include "webannotationexporter.h"
#include "testwindow.h"

#include <QAction>
#include <QFile>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenuBar>
#include <QTemporaryDir>
#include <QTest>

using namespace ntl;

namespace {

QString fixture(const char *name) {
    return QStringLiteral(NTL_TEST_DATA_DIR "/") + QString::fromLatin1(name);
}

struct Window {
    MainWindow window;
    QStringList files;
    QString exportPath;
    Window() {
        window.setInteractive(false);
        window.newDataset(QStringLiteral("Harbour talks"),
                          {Side{QStringLiteral("north"), QStringLiteral("North"), {}}});
        window.dataImport()->setFileChooser([this] { return files; });
        window.dataExport()->setFileChooser([this] { return exportPath; });
        window.show();
        settleEvents();
    }
    const Dataset &dataset() const { return window.session()->document()->dataset(); }
    QUndoStack *undo() { return window.session()->document()->undoStack(); }
    QAction *action(const char *name) {
        return window.findChild<QAction *>(QString::fromLatin1(name));
    }
};

} // namespace

class DataImportWindowTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { useTestSettings("dataimportwindowtest"); }

    void importIsOneUndoableStep() {
        Window w;
        QCOMPARE(w.window.emptyStatePage()->state(), EmptyStatePage::State::NoArticles);
        w.files = {fixture("interop/talks.timelinejs.json"), fixture("import/utf16le.txt")};
        QAction *import = w.action("importAction");
        QVERIFY(import && import->isEnabled());
        // The one Import… holds the shortcut Import Articles… had; no other action shares it.
        QCOMPARE(import->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
        for (const QAction *other : w.window.findChildren<QAction *>()) {
            if (other != import)
                QVERIFY2(other->shortcut() != import->shortcut(), qPrintable(other->text()));
        }
        import->trigger();
        settleEvents();
        QCOMPARE(w.dataset().events.size(), 3);
        QCOMPARE(w.dataset().articles.size(), 1);
        QCOMPARE(w.window.filterModel()->rowCount(), 3);
        QCOMPARE(w.undo()->count(), 1);
        QCOMPARE(w.undo()->undoText(), QStringLiteral("Import 2 files"));
        // The timeline shows them, and the first is selected.
        QVERIFY(!w.window.emptyStatePage()->isVisible());
        QCOMPARE(w.window.selectionModel()->currentIndex().data(EventModel::EventIdRole).toString(),
                 QStringLiteral("talks-open"));
        // Each unsourced event listed to the user.
        int unsourced = 0;
        for (const Diagnostic &d : w.window.dataImport()->lastDiagnostics())
            unsourced += d.message.contains(QLatin1String("listed as unsourced")) ? 1 : 0;
        QCOMPARE(unsourced, 3);
        // North is the dataset's side; Mediators is new.
        QCOMPARE(w.dataset().sides.size(), 2);

        w.undo()->undo();
        settleEvents();
        QVERIFY(w.dataset().events.isEmpty());
        QVERIFY(w.dataset().articles.isEmpty());
        QCOMPARE(w.dataset().sides.size(), 1);
        QCOMPARE(w.window.filterModel()->rowCount(), 0);
        w.undo()->redo();
        settleEvents();
        QCOMPARE(w.window.filterModel()->rowCount(), 3);
    }

    // A Web Annotation file while an event is current: the user says where the passages go
    // (every one to that event, or each as its annotation says), or cancels.
    void annotationsGoWhereTheUserSays() {
        Window w;
        w.files = {fixture("interop/talks.timelinejs.json"), fixture("import/utf16le.txt")};
        w.action("importAction")->trigger();
        settleEvents();
        QCOMPARE(w.dataset().events.size(), 3);
        // Annotations of a passage of "talks-open", as exported.
        Dataset annotated = w.dataset();
        const Article &article = annotated.articles.first();
        const QString words = QStringLiteral("The envoys met in Geneva");
        SourcePassage passage;
        passage.articleId = article.id;
        passage.start = int(article.text.indexOf(words));
        QVERIFY(passage.start >= 0);
        passage.end = passage.start + int(words.size());
        passage.exact = words;
        passage.storedStart = passage.start;
        passage.storedEnd = passage.end;
        const QString named = QStringLiteral("talks-open");
        qsizetype namedRow = -1;
        QString otherId;
        for (qsizetype i = 0; i < annotated.events.size(); ++i) {
            if (annotated.events.at(i).id == named)
                namedRow = i;
            else
                otherId = annotated.events.at(i).id;
        }
        QVERIFY(namedRow >= 0 && !otherId.isEmpty());
        Event withPassage = annotated.events.at(namedRow);
        withPassage.sources.append(passage);
        annotated.events.replace(namedRow, withPassage);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.jsonld"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(WebAnnotationExporter::write(annotated, {named}));
        file.close();

        const auto sourcesOf = [&w](const QString &id) {
            for (const Event &event : w.dataset().events)
                if (event.id == id)
                    return event.sources.size();
            return qsizetype(-1);
        };
        w.window.selectionModel()->setCurrentIndex(w.window.filterModel()->indexOfEvent(otherId),
                                                   QItemSelectionModel::ClearAndSelect |
                                                       QItemSelectionModel::Rows);
        QStringList asked;
        std::optional<QString> answer;
        w.window.dataImport()->setAnnotationTargetChooser(
            [&](const QString &file, const QString &current) {
                asked.append(QFileInfo(file).fileName() + u' ' + current);
                return answer;
            });
        const int steps = w.undo()->count();

        // Cancelled: nothing changes.
        answer = std::nullopt;
        QVERIFY(!w.window.dataImport()->importFiles({path}));
        QCOMPARE(asked, QStringList{QStringLiteral("notes.jsonld ") + otherId});
        QCOMPARE(w.undo()->count(), steps);
        QCOMPARE(sourcesOf(otherId), 0);

        // To the current event: it gets the passage, the named event does not.
        answer = otherId;
        QVERIFY(w.window.dataImport()->importFiles({path}));
        QCOMPARE(sourcesOf(otherId), 1);
        QCOMPARE(sourcesOf(named), 0);
        w.undo()->undo();
        QCOMPARE(sourcesOf(otherId), 0);

        // As the annotations say: the event their body names.
        w.window.selectionModel()->setCurrentIndex(w.window.filterModel()->indexOfEvent(otherId),
                                                   QItemSelectionModel::ClearAndSelect |
                                                       QItemSelectionModel::Rows);
        answer = QString();
        QVERIFY(w.window.dataImport()->importFiles({path}));
        QCOMPARE(sourcesOf(named), 1);
        QCOMPARE(sourcesOf(otherId), 0);
        QCOMPARE(asked.size(), 3);

        // No event current: not asked.
        w.undo()->undo();
        w.window.selectionModel()->clearCurrentIndex();
        QVERIFY(w.window.dataImport()->importFiles({path}));
        QCOMPARE(asked.size(), 3);
        QCOMPARE(sourcesOf(named), 1);
    }

    void badFileChangesNothing() {
        Window w;
        w.files = {fixture("interop/talks.timelinejs.json"),
                   fixture("interop/bad-dates.timelinejs.json")};
        w.action("importAction")->trigger();
        settleEvents();
        QVERIFY(w.dataset().events.isEmpty());
        QCOMPARE(w.undo()->count(), 0);
        QVERIFY2(
            w.window.dataImport()->lastReport().contains(QLatin1String("Nothing was imported")),
            qPrintable(w.window.dataImport()->lastReport()));
        QStringList errors;
        for (const Diagnostic &d : w.window.dataImport()->lastDiagnostics()) {
            if (d.isError())
                errors.append(d.toString());
        }
        QCOMPARE(errors.size(), 2);
        QVERIFY2(errors.first().endsWith(QLatin1String(
                     "bad-dates.timelinejs.json: /events/1/start_date/month: error: month 13 "
                     "does not exist; expected 1 to 12")),
                 qPrintable(errors.first()));
    }

    void exportDataWritesTheFilteredEvents() {
        Window w;
        w.files = {fixture("interop/talks.timelinejs.json")};
        w.action("importAction")->trigger();
        settleEvents();
        QTemporaryDir dir;
        w.exportPath = dir.filePath(QStringLiteral("shown.timelinejs.json"));
        w.window.filterModel()->setSearchText(QStringLiteral("round"));
        settleEvents();
        QCOMPARE(w.window.filterModel()->rowCount(), 1);
        QAction *exportData = w.action("exportDataAction");
        QVERIFY(exportData && exportData->isEnabled());
        exportData->trigger();
        QFile file(w.exportPath);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(w.window.dataExport()->lastReport()));
        const QJsonArray events = QJsonDocument::fromJson(file.readAll())
                                      .object()
                                      .value(QLatin1String("events"))
                                      .toArray();
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.at(0)
                     .toObject()
                     .value(QLatin1String("text"))
                     .toObject()
                     .value(QLatin1String("headline"))
                     .toString(),
                 QStringLiteral("Second round"));

        // The other formats, by the name's suffix: Web Annotations, the CSV tables.
        const QList<std::pair<QString, QByteArray>> others{
            {QStringLiteral("a.jsonld"), QByteArrayLiteral("\"AnnotationCollection\"")},
            {QStringLiteral("a.csv"), QByteArrayLiteral("Second round")},
            {QStringLiteral("a.passages.csv"), QByteArrayLiteral("Event ID")}};
        for (const auto &[name, expected] : others) {
            w.exportPath = dir.filePath(name);
            exportData->trigger();
            QFile written(w.exportPath);
            QVERIFY2(written.open(QIODevice::ReadOnly), qPrintable(w.exportPath));
            const QByteArray bytes = written.readAll();
            QVERIFY2(bytes.contains(expected), qPrintable(name));
            QVERIFY(!bytes.startsWith("\xEF\xBB\xBF")); // a byte-order mark only on request
        }

        // Nothing shown, nothing to export: the action says why.
        w.window.filterModel()->setSearchText(QStringLiteral("no such words"));
        settleEvents();
        QVERIFY(!exportData->isEnabled());
        QVERIFY(!exportData->toolTip().isEmpty());
    }

    void fileMenuOffersBoth() {
        Window w;
        QMenu *file = w.window.menuBar()->findChildren<QMenu *>().value(0);
        QVERIFY(file);
        const QList<QAction *> actions = file->actions();
        QVERIFY(actions.contains(w.action("importAction")));
        QVERIFY(actions.contains(w.action("exportDataAction")));
    }
};

QTEST_MAIN(DataImportWindowTest)
#include "dataimportwindowtest.moc"
