#include <QTest>
class Stub : public QObject { Q_OBJECT private slots: void stub() { QVERIFY(false); } };
QTEST_MAIN(Stub)
#include "eventdetailspaneltest.moc"
