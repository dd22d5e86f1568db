#include "articlemodel.h"
#include "testdataset.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace ntl;

class ArticleModelTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }
    void passesTheModelTester();
    void countsPassagesAndEvents();
    void columnsShowTheArticle();
};

void ArticleModelTest::passesTheModelTester()
{
    ArticleModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDataset(loadFixture("valid/minimal.json"));
    QCOMPARE(model.rowCount(), 2);
    model.setDataset(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void ArticleModelTest::countsPassagesAndEvents()
{
    ArticleModel model;
    model.setDataset(loadFixture("valid/minimal.json"));
    const QModelIndex a = model.indexOfArticle(QStringLiteral("art-a"));
    QCOMPARE(a.data(ArticleModel::PassageCountRole).toInt(), 3);
    QCOMPARE(a.data(ArticleModel::EventCountRole).toInt(), 3);
    const QModelIndex b = model.indexOfArticle(QStringLiteral("art-b"));
    QCOMPARE(b.data(ArticleModel::PassageCountRole).toInt(), 2);
    QCOMPARE(b.data(ArticleModel::EventCountRole).toInt(), 2);
    QVERIFY(b.data(ArticleModel::TextRole).toString().startsWith(QStringLiteral("Officials said")));
    QCOMPARE(b.data(ArticleModel::PublishedInferredRole).toBool(), true);
}

void ArticleModelTest::columnsShowTheArticle()
{
    ArticleModel model;
    model.setDataset(loadFixture("valid/minimal.json"));
    QCOMPARE(model.index(0, ArticleModel::PublisherColumn).data().toString(), QStringLiteral("Example Wire"));
    QCOMPARE(model.index(1, ArticleModel::PublisherColumn).data().toString(), QStringLiteral("unknown"));
    QCOMPARE(model.index(1, ArticleModel::PublishedColumn).data().toString(), QStringLiteral("6 Mar 2030 (inferred)"));
}

QTEST_GUILESS_MAIN(ArticleModelTest)
#include "articlemodeltest.moc"
