// The Actors and Sources views keep the actor and the article the user selected through edits
// (issue 15): their models follow the Document without resets.
#include "actormodel.h"
#include "actorsview.h"
#include "articlemodel.h"
#include "document.h"
#include "editactorcommand.h"
#include "editparticipantscommand.h"
#include "session.h"
#include "sourcesview.h"

#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace ntl;

namespace {

const QString statement = QStringLiteral("ev-statement");

// Selects the row whose `role` is `id` in `table`, as a click would.
bool selectRow(QTableView *table, int role, const QString &id) {
    QAbstractItemModel *model = table->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(role).toString() == id) {
            table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                                QItemSelectionModel::Rows);
            return true;
        }
    }
    return false;
}

QString selectedId(QTableView *table, int role) {
    const QModelIndexList rows = table->selectionModel()->selectedRows();
    return rows.size() == 1 ? rows.first().data(role).toString() : QString();
}

// An edit of each kind the actor and article rows show: participants, a passage, an actor
// added and another renamed.
void editAround(Document *document) {
    const Dataset &dataset = document->dataset();
    QList<Participant> participants = dataset.events.at(document->eventRow(statement)).participants;
    participants.append({QStringLiteral("south-state"), ParticipantRole::Mentioned});
    QVERIFY(document->push(new EditParticipantsCommand(document, statement, participants, {})));
    QVERIFY(document->addPassage(statement, dataset.events.at(0).sources.first()));
    Actor extra;
    extra.id = QStringLiteral("aaa-extra"); // sorts first by id, and "Aaa" by name
    extra.name = QStringLiteral("Aaa Extra");
    QVERIFY(document->push(new EditActorCommand(document, extra.id, extra, {})));
    Actor renamed = *document->dataset().actor(QStringLiteral("north-state"));
    renamed.name = QStringLiteral("Northland");
    QVERIFY(document->push(new EditActorCommand(document, renamed.id, renamed, {})));
}

} // namespace

class PartViewSelectionTest : public QObject {
    Q_OBJECT

private slots:
    void actorsViewKeepsTheSelectedActor() {
        Session session;
        QVERIFY(session.open(QStringLiteral(NTL_TEST_DATA_DIR "/valid/minimal.json")));
        ActorsView view(session.actorModel(), session.filterModel(), session.selectionModel());
        view.show();
        QVERIFY(selectRow(view.table(), ActorModel::ActorIdRole, QStringLiteral("league")));
        QSignalSpy reset(session.actorModel(), &QAbstractItemModel::modelReset);
        editAround(session.document());
        QCOMPARE(reset.count(), 0);
        QCOMPARE(view.currentActorId(), QStringLiteral("league"));
        QCOMPARE(selectedId(view.table(), ActorModel::ActorIdRole), QStringLiteral("league"));
        session.document()->undoStack()->undo();
        session.document()->undoStack()->undo(); // the extra actor goes
        QCOMPARE(selectedId(view.table(), ActorModel::ActorIdRole), QStringLiteral("league"));
    }

    void sourcesViewKeepsTheSelectedArticle() {
        Session session;
        QVERIFY(session.open(QStringLiteral(NTL_TEST_DATA_DIR "/valid/minimal.json")));
        SourcesView view(session.eventModel(), session.filterModel(), session.selectionModel(),
                         session.articleModel());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(
            selectRow(view.articleList(), ArticleModel::ArticleIdRole, QStringLiteral("art-b")));
        QCOMPARE(view.currentArticleId(), QStringLiteral("art-b"));
        QSignalSpy reset(session.articleModel(), &QAbstractItemModel::modelReset);
        editAround(session.document());
        QCOMPARE(reset.count(), 0);
        QCOMPARE(view.currentArticleId(), QStringLiteral("art-b"));
        QCOMPARE(selectedId(view.articleList(), ArticleModel::ArticleIdRole),
                 QStringLiteral("art-b"));
    }
};

QTEST_MAIN(PartViewSelectionTest)
#include "partviewselectiontest.moc"
