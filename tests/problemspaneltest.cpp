// The Problems panel (issue 15): a click or Enter on a problem selects its event in the
// session's selection (which the details panel follows); a filtered-out event is said to be
// hidden, and shown once the user asks; the filter box narrows the list.
#include "problemspanel.h"
#include "document.h"
#include "eventdetailspanel.h"
#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "problemsmodel.h"
#include "session.h"

#include <QApplication>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTreeView>

using namespace ntl;

namespace {

const QString statement = QStringLiteral("ev-statement");

// A session on minimal.json whose "statement" event cites nothing: one warning, about it.
struct Fixture {
    Session session;
    ProblemsPanel *panel = nullptr;

    Fixture() {
        if (!session.open(QStringLiteral(NTL_TEST_DATA_DIR "/valid/minimal.json")))
            qFatal("minimal.json does not open");
        Document *document = session.document();
        while (!document->dataset().events.at(document->eventRow(statement)).sources.isEmpty())
            document->removePassage(statement, 0);
        panel = new ProblemsPanel(&session);
        panel->resize(600, 300);
        panel->show();
    }
    ~Fixture() { delete panel; }

    QString currentEventId() const {
        return session.selectionModel()->currentIndex().data(EventModel::EventIdRole).toString();
    }
    QStringList selectedEventIds() const {
        QStringList ids;
        for (const QModelIndex &index : session.selectionModel()->selectedRows())
            ids.append(index.data(EventModel::EventIdRole).toString());
        return ids;
    }
};

} // namespace

class ProblemsPanelTest : public QObject {
    Q_OBJECT

private slots:
    void clickSelectsTheEvent() {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(f.panel));
        QTreeView *view = f.panel->view();
        QCOMPARE(view->model()->rowCount(), 1);
        const QModelIndex problem = view->model()->index(0, 0);
        QVERIFY(problem.data().toString().contains(QStringLiteral("cites no passage")));
        QVERIFY(!problem.data(Qt::DecorationRole).isNull()); // the severity's icon
        QVERIFY(!f.session.selectionModel()->currentIndex().isValid());
        // The details panel, as the window puts it on the same selection.
        EventDetailsPanel details(f.session.eventModel(), f.session.filterModel(),
                                  f.session.selectionModel());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(problem).center());
        QCOMPARE(f.currentEventId(), statement);
        QCOMPARE(f.selectedEventIds(), QStringList{statement});
        QCOMPARE(details.currentEventId(), statement);
        QVERIFY(f.panel->notice()->isHidden());
    }

    void enterSelectsTheEvent() {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(f.panel));
        QTreeView *view = f.panel->view();
        view->setFocus();
        view->setCurrentIndex(view->model()->index(0, 0)); // as the arrow keys would
        QVERIFY(!f.session.selectionModel()->currentIndex().isValid());
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(f.currentEventId(), statement);
    }

    void aFilteredOutEventIsSaidHiddenAndShownOnRequest() {
        Fixture f;
        QVERIFY(QTest::qWaitForWindowExposed(f.panel));
        f.session.filterModel()->setSearchText(QStringLiteral("no event has these words"));
        QCOMPARE(f.session.filterModel()->rowCount(), 0);
        QTreeView *view = f.panel->view();
        const QModelIndex problem = view->model()->index(0, 0);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(problem).center());
        // The user's filters are theirs: not cleared unasked, and nothing silently selected.
        QCOMPARE(f.session.filterModel()->searchText(), QStringLiteral("no event has these words"));
        QVERIFY(!f.session.selectionModel()->currentIndex().isValid());
        QVERIFY(f.panel->notice()->isVisible());
        QVERIFY2(f.panel->notice()->text().contains(QStringLiteral("filters hide")),
                 qPrintable(f.panel->notice()->text()));
        QVERIFY(f.panel->showHiddenButton()->isVisible());
        f.panel->showHiddenButton()->click();
        QCOMPARE(f.session.filterModel()->searchText(), QString());
        QCOMPARE(f.currentEventId(), statement);
        QVERIFY(f.panel->notice()->isHidden());
    }

    void theListFollowsEditsAndTheFilterBox() {
        Fixture f;
        QTreeView *view = f.panel->view();
        QCOMPARE(view->model()->rowCount(), 1);
        const SourcePassage passage = f.session.document()->dataset().events.at(0).sources.first();
        QVERIFY(f.session.document()->addPassage(statement, passage));
        QCOMPARE(view->model()->rowCount(), 0); // cited now: nothing to say
        f.session.document()->undoStack()->undo();
        QCOMPARE(view->model()->rowCount(), 1);
        QTest::keyClicks(f.panel->filterEdit(), QStringLiteral("CITES"));
        QCOMPARE(view->model()->rowCount(), 1); // any case
        f.panel->filterEdit()->setText(QStringLiteral("unrelated words"));
        QCOMPARE(view->model()->rowCount(), 0);
        f.panel->filterEdit()->clear();
        QCOMPARE(view->model()->rowCount(), 1);
    }
};

QTEST_MAIN(ProblemsPanelTest)
#include "problemspaneltest.moc"
