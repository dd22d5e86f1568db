// Edit → Edit Event, Delete Event and Duplicate Event in the window (issue 16, item 5): each
// one undoable step on the current event, disabled with the reason while there is none; F2
// opens the editor's dock at the title; Delete acts in the timeline, not in a text field.
#include "eventeditcontroller.h"
#include "document.h"
#include "eventeditor.h"
#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "mainwindow.h"
#include "session.h"
#include "timelineview.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QListWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace ntl;

class EventEditControllerTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    MainWindow *m_window = nullptr;

    Document *document() const { return m_window->session()->document(); }
    EventEditController *controller() const { return m_window->eventEditing(); }
    void select(const QString &id) {
        m_window->selectionModel()->setCurrentIndex(m_window->filterModel()->indexOfEvent(id),
                                                    QItemSelectionModel::ClearAndSelect |
                                                        QItemSelectionModel::Rows);
    }
    QString current() const {
        return m_window->selectionModel()->currentIndex().data(EventModel::EventIdRole).toString();
    }

private slots:
    void init() {
        const QString path = m_dir.filePath(QStringLiteral("minimal.json"));
        QFile::remove(path);
        QVERIFY(QFile::copy(QStringLiteral(NTL_TEST_DATA_DIR "/valid/minimal.json"), path));
        m_window = new MainWindow;
        m_window->setInteractive(false);
        QVERIFY(m_window->openDataset(path));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }
    void cleanup() {
        delete m_window;
        m_window = nullptr;
    }

    void actionsNeedACurrentEventAndSayWhy() {
        m_window->selectionModel()->clearCurrentIndex();
        for (QAction *action : controller()->actions()) {
            QVERIFY(!action->isEnabled());
            QCOMPARE(action->statusTip(), QStringLiteral("Select an event first"));
        }
        select(QStringLiteral("ev-talks"));
        for (QAction *action : controller()->actions())
            QVERIFY(action->isEnabled());
    }

    void f2OpensTheEditorAtTheTitle() {
        select(QStringLiteral("ev-talks"));
        m_window->timeline()->setFocus();
        QTest::keyClick(m_window->timeline(), Qt::Key_F2);
        QVERIFY(controller()->dock()->isVisible());
        QCOMPARE(controller()->editor()->eventId(), QStringLiteral("ev-talks"));
        auto *title = controller()->editor()->findChild<QLineEdit *>(QStringLiteral("title"));
        QTRY_COMPARE(QApplication::focusWidget(), title);
        // Delete in the title deletes text, not the event.
        QTest::keyClick(title, Qt::Key_Home);
        QTest::keyClick(title, Qt::Key_Delete);
        QVERIFY(document()->eventRow(QStringLiteral("ev-talks")) >= 0);
        QCOMPARE(title->text(), document()
                                    ->dataset()
                                    .events.at(document()->eventRow(QStringLiteral("ev-talks")))
                                    .title);
        // Delete in the editor's passage list removes the passage, not the event.
        auto *passages =
            controller()->editor()->findChild<QListWidget *>(QStringLiteral("passages"));
        passages->setFocus();
        passages->setCurrentRow(0);
        QTest::keyClick(passages, Qt::Key_Delete);
        QVERIFY(document()->eventRow(QStringLiteral("ev-talks")) >= 0);
        QCOMPARE(document()
                     ->dataset()
                     .events.at(document()->eventRow(QStringLiteral("ev-talks")))
                     .sources.size(),
                 1);
    }

    void deleteInTheTimelineAndUndo() {
        select(QStringLiteral("ev-statement"));
        const int events = int(document()->dataset().events.size());
        m_window->tabs()->setCurrentIndex(MainWindow::TimelineTab);
        m_window->timeline()->setFocus();
        QTest::keyClick(m_window->timeline(), Qt::Key_Delete);
        QCOMPARE(document()->dataset().events.size(), events - 1);
        QCOMPARE(document()->eventRow(QStringLiteral("ev-statement")), -1);
        document()->undoStack()->undo();
        QCOMPARE(document()->dataset().events.size(), events);
        QVERIFY(document()->eventRow(QStringLiteral("ev-statement")) >= 0);
    }

    void duplicateMakesACopyWithANewId() {
        select(QStringLiteral("ev-talks"));
        const int row = document()->eventRow(QStringLiteral("ev-talks"));
        QTest::keySequence(m_window, QKeySequence(Qt::CTRL | Qt::Key_D));
        const int copyRow = document()->eventRow(QStringLiteral("ev-talks-copy"));
        QCOMPARE(copyRow, row + 1);
        const Event &copy = document()->dataset().events.at(copyRow);
        const Event &original = document()->dataset().events.at(row);
        QCOMPARE(copy.title, original.title + QStringLiteral(" (copy)"));
        QCOMPARE(copy.sources.size(), original.sources.size());
        QCOMPARE(copy.participants.size(), original.participants.size());
        QCOMPARE(current(), QStringLiteral("ev-talks-copy"));
        // A second copy of the same gets the next free id.
        select(QStringLiteral("ev-talks"));
        QVERIFY(controller()->duplicateCurrentEvent());
        QVERIFY(document()->eventRow(QStringLiteral("ev-talks-copy-2")) >= 0);
        document()->undoStack()->undo();
        document()->undoStack()->undo();
        QCOMPARE(document()->eventRow(QStringLiteral("ev-talks-copy")), -1);
    }
};

QTEST_MAIN(EventEditControllerTest)
#include "eventeditcontrollertest.moc"
