// ProblemsModel (issue 15): the document's warnings from reading plus what the validator
// finds in the items edited since, kept current by checking only those items again, with
// rows inserted, removed and changed (never a reset); file positions dropped once their
// event is edited; JSON pointers following the events' places.
#include "problemsmodel.h"
#include "datasetvalidator.h"
#include "diagnostictext.h"
#include "document.h"
#include "testdataset.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace ntl;

namespace {

const QString statement = QStringLiteral("ev-statement");
const QString noPassage = QStringLiteral("the event cites no passage");

QVariant cell(const ProblemsModel &model, int row, int role) {
    return model.index(row, 0).data(role);
}

// Each row as "severity path message", sorted: what the list says, whatever its order.
QStringList rowsOf(const ProblemsModel &model) {
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row)
        rows.append(QStringLiteral("%1 %2 %3")
                        .arg(cell(model, row, ProblemsModel::SeverityRole).toInt())
                        .arg(cell(model, row, ProblemsModel::JsonPathRole).toString(),
                             cell(model, row, ProblemsModel::MessageRole).toString()));
    rows.sort();
    return rows;
}

// What the validator says of the whole dataset, in the same form.
QStringList validatorRows(const Dataset &dataset) {
    QStringList rows;
    for (const Diagnostic &d : DatasetValidator::validate(dataset))
        rows.append(QStringLiteral("%1 %2 %3")
                        .arg(int(d.severity))
                        .arg(d.jsonPath, DiagnosticText::plain(d, &dataset)));
    rows.sort();
    return rows;
}

// minimal.json with `eventRow`'s passages gone.
std::shared_ptr<const Dataset> withoutPassages(int eventRow) {
    auto dataset = std::make_shared<Dataset>(*loadFixture("valid/minimal.json"));
    Event event = dataset->events.at(eventRow);
    event.sources.clear();
    dataset->events.replace(eventRow, event);
    return dataset;
}

// A reader's warning with a file position (this reader gives pointers; the model keeps both).
Diagnostic fromFile(const QString &path, int line, const QString &message) {
    Diagnostic d;
    d.severity = Diagnostic::Severity::Warning;
    d.file = QStringLiteral("test.json");
    d.line = line;
    d.column = 7;
    d.jsonPath = path;
    d.message = message;
    return d;
}

} // namespace

class ProblemsModelTest : public QObject {
    Q_OBJECT

private slots:
    void readingWarningsAreListedWithTheirEvent() {
        Document document;
        const auto result = DatasetReader::readFile(QStringLiteral(NTL_TEST_DATA_DIR) +
                                                    QStringLiteral("/bad/hostile-field-name.json"));
        QVERIFY(result.ok());
        QCOMPARE(result.diagnostics.size(), 1);
        document.load(result.dataset, QStringLiteral("hostile.json"), result.diagnostics);
        ProblemsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDocument(&document);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.warningCount(), 1);
        QCOMPARE(cell(model, 0, ProblemsModel::SeverityRole).toInt(),
                 int(Diagnostic::Severity::Warning));
        QCOMPARE(cell(model, 0, ProblemsModel::EventIdRole).toString(), QStringLiteral("ev-talks"));
        QCOMPARE(cell(model, 0, ProblemsModel::JsonPathRole).toString(),
                 QStringLiteral("/events/0"));
        const QString words = cell(model, 0, Qt::DisplayRole).toString();
        QVERIFY2(words.startsWith(QStringLiteral("Event “Talks in Lakeside”: unknown field")),
                 qPrintable(words));
        QVERIFY(!words.contains(QChar(0x1b))); // escaped, as the reader's words are
        QVERIFY(cell(model, 0, ProblemsModel::TechnicalRole)
                    .toString()
                    .endsWith(QStringLiteral("ignored")));

        // An edit of that event keeps the reader's own note (the validator cannot say it),
        // in the event's new name, as a change of that row.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QVERIFY(document.setEventField(QStringLiteral("ev-talks"), EventField::Title,
                                       QStringLiteral("Renamed")));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 1);
        QVERIFY(cell(model, 0, Qt::DisplayRole)
                    .toString()
                    .startsWith(QStringLiteral("Event “Renamed”: unknown field")));
    }

    void addingASourceRemovesTheWarningAndRemovingTheLastAddsIt() {
        Document document;
        document.load(loadFixture("valid/minimal.json"), QStringLiteral("minimal.json"));
        ProblemsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDocument(&document);
        QCOMPARE(model.rowCount(), 0);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy count(&model, &ProblemsModel::warningCountChanged);
        const int row = document.eventRow(statement);
        const QList<SourcePassage> sources = document.dataset().events.at(row).sources;
        QVERIFY(!sources.isEmpty());
        for (qsizetype i = sources.size() - 1; i > 0; --i)
            QVERIFY(document.removePassage(statement, int(i)));
        QCOMPARE(model.rowCount(), 0); // one passage left: nothing to say
        QVERIFY(document.removePassage(statement, 0));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(cell(model, 0, ProblemsModel::EventIdRole).toString(), statement);
        QCOMPARE(cell(model, 0, ProblemsModel::JsonPathRole).toString(),
                 QStringLiteral("/events/%1/sources").arg(row));
        QVERIFY(cell(model, 0, ProblemsModel::MessageRole).toString().endsWith(noPassage));
        QCOMPARE(cell(model, 0, ProblemsModel::LineRole).toInt(), 0); // not from the file
        QCOMPARE(model.warningCount(), 1);
        QCOMPARE(model.indexOfEvent(statement).row(), 0);

        QVERIFY(document.addPassage(statement, sources.first()));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.warningCount(), 0);
        document.undoStack()->undo(); // the passage goes again
        QCOMPARE(model.rowCount(), 1);
        document.undoStack()->undo(); // the last removal undone
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(count.count(), 4);
    }

    void anEditedEventLosesItsFilePositionsOnly() {
        Document document;
        // Events 1 and 2 without passages; the "reader" placed their warnings in the file,
        // and noted an unknown field in event 1 that no rule of the validator gives.
        auto dataset = std::make_shared<Dataset>(*withoutPassages(1));
        Event third = dataset->events.at(2);
        third.sources.clear();
        dataset->events.replace(2, third);
        document.load(dataset, QStringLiteral("test.json"),
                      {fromFile(QStringLiteral("/events/1"), 30,
                                QStringLiteral("unknown field \"x\" ignored")),
                       fromFile(QStringLiteral("/events/1/sources"), 40, noPassage),
                       fromFile(QStringLiteral("/events/2/sources"), 50, noPassage)});
        ProblemsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDocument(&document);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(cell(model, 1, ProblemsModel::LineColumnRole).toString(), QStringLiteral("40:7"));
        QCOMPARE(model.index(1, ProblemsModel::LocationColumn).data().toString(),
                 QStringLiteral("40:7"));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const QString second = dataset->events.at(1).id;
        const QString thirdId = dataset->events.at(2).id;
        QVERIFY(document.setEventField(second, EventField::Title, QStringLiteral("Edited")));
        QCOMPARE(model.rowCount(), 3);
        // Both of the edited event's rows stay (the unknown field still is not written, the
        // event still cites nothing), without the lines they no longer are on.
        QCOMPARE(cell(model, 0, ProblemsModel::LineRole).toInt(), 0);
        QCOMPARE(cell(model, 0, ProblemsModel::MessageRole).toString(),
                 QStringLiteral("Event “Edited”: unknown field \"x\" ignored"));
        QCOMPARE(cell(model, 1, ProblemsModel::LineRole).toInt(), 0);
        QCOMPARE(cell(model, 1, ProblemsModel::LineColumnRole).toString(), QString());
        QCOMPARE(model.index(1, ProblemsModel::LocationColumn).data().toString(),
                 QStringLiteral("/events/1/sources"));
        QVERIFY(cell(model, 1, ProblemsModel::MessageRole).toString().endsWith(noPassage));
        // The other event was not edited: its position holds.
        QCOMPARE(cell(model, 2, ProblemsModel::LineColumnRole).toString(), QStringLiteral("50:7"));
        QCOMPARE(cell(model, 2, ProblemsModel::EventIdRole).toString(), thirdId);

        // An event removed before them: their pointers follow their events' places.
        QVERIFY(document.removeEvent(dataset->events.at(0).id));
        QCOMPARE(cell(model, 1, ProblemsModel::JsonPathRole).toString(),
                 QStringLiteral("/events/0/sources"));
        QCOMPARE(cell(model, 2, ProblemsModel::JsonPathRole).toString(),
                 QStringLiteral("/events/1/sources"));
        QCOMPARE(cell(model, 2, ProblemsModel::EventIdRole).toString(), thirdId);
        QVERIFY(document.removeEvent(second)); // its rows go with it
        QCOMPARE(model.rowCount(), 1);
        // Undone, it is back with the reader's note (the validator finds the rest again).
        document.undoStack()->undo();
        document.undoStack()->undo();
        QCOMPARE(cell(model, 0, ProblemsModel::MessageRole).toString(),
                 QStringLiteral("Event “Edited”: unknown field \"x\" ignored"));
        QCOMPARE(cell(model, 2, ProblemsModel::JsonPathRole).toString(),
                 QStringLiteral("/events/2/sources"));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(reset.count(), 0);
    }

    void setOnAnEditedDocumentListsWhatHoldsNow() {
        Document document;
        document.load(loadFixture("valid/minimal.json"), QStringLiteral("minimal.json"));
        while (!document.dataset().events.at(document.eventRow(statement)).sources.isEmpty())
            QVERIFY(document.removePassage(statement, 0));
        ProblemsModel model; // after the edits: the reading's (empty) list no longer holds
        model.setDocument(&document);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(cell(model, 0, ProblemsModel::EventIdRole).toString(), statement);
        QCOMPARE(rowsOf(model), validatorRows(document.dataset()));
    }

    void randomEditsListWhatTheValidatorFinds() {
        Document document;
        document.load(loadFixture("valid/minimal.json"), QStringLiteral("minimal.json"));
        QCOMPARE(validatorRows(document.dataset()), QStringList()); // a clean start
        ProblemsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDocument(&document);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QRandomGenerator random(1515);
        const auto original = document.snapshot();
        int added = 0;
        int mostRows = 0;
        for (int step = 0; step < 300; ++step) {
            const EventList &events = document.dataset().events;
            const QString id =
                events.isEmpty() ? QString() : events.at(random.bounded(int(events.size()))).id;
            switch (random.bounded(7)) {
            case 0:
                document.undoStack()->undo();
                break;
            case 1:
                document.undoStack()->redo();
                break;
            case 2: {
                Event event = original->events.at(random.bounded(int(original->events.size())));
                event.id = QStringLiteral("ev-added-%1").arg(++added);
                if (random.bounded(2))
                    event.sources.clear();
                QVERIFY(document.addEvent(event));
                break;
            }
            case 3:
                if (!id.isEmpty())
                    QVERIFY(document.removeEvent(id));
                break;
            case 4:
            case 5:
                if (!id.isEmpty()) {
                    const auto &sources = events.at(document.eventRow(id)).sources;
                    if (!sources.isEmpty())
                        document.removePassage(id, random.bounded(int(sources.size())));
                }
                break;
            case 6:
                if (!id.isEmpty()) {
                    const Event &from = original->events.at(random.bounded(3));
                    if (!from.sources.isEmpty())
                        document.addPassage(id, from.sources.first());
                }
                break;
            }
            QCOMPARE(rowsOf(model), validatorRows(document.dataset()));
            mostRows = std::max(mostRows, model.rowCount());
        }
        QVERIFY(mostRows >= 3); // the walk did leave several events without passages
        QCOMPARE(reset.count(), 0);
    }
};

QTEST_GUILESS_MAIN(ProblemsModelTest)
#include "problemsmodeltest.moc"
