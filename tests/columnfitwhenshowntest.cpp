#include "columnfitwhenshown.h"

#include <QHeaderView>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

using namespace ntl;

// A ResizeToContents column of a hidden table is not fitted on each change (Qt fits it on
// a timer, shown or not); shown, it is fitted before its first frame and follows changes.
class ColumnFitWhenShownTest : public QObject {
    Q_OBJECT
private slots:
    void fitsOnlyWhileShown();
    void pausedAgainAfterAReset();
};

namespace {
struct Table {
    QStandardItemModel model{3, 2};
    QTableView view;
    Table() {
        for (int row = 0; row < 3; ++row)
            for (int column = 0; column < 2; ++column)
                model.setItem(row, column, new QStandardItem(QStringLiteral("ab")));
        view.setModel(&model);
        view.horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        view.horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
        view.resize(600, 300);
        new ColumnFitWhenShown(view.horizontalHeader());
    }
    int fitted() const {
        const QAbstractItemView &base = view; // public there
        return std::max(base.sizeHintForColumn(0), view.horizontalHeader()->sectionSizeHint(0));
    }
    void settle() {
        for (int i = 0; i < 3; ++i) {
            QCoreApplication::processEvents();
            QTest::qWait(1);
        }
    }
};
} // namespace

void ColumnFitWhenShownTest::fitsOnlyWhileShown() {
    Table table;
    QHeaderView *header = table.view.horizontalHeader();
    table.view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&table.view));
    table.settle();
    const int narrow = header->sectionSize(0);
    QCOMPARE(narrow, table.fitted());
    QCOMPARE(header->sectionResizeMode(0), QHeaderView::ResizeToContents);

    table.view.hide();
    QCOMPARE(header->sectionResizeMode(1), QHeaderView::Stretch); // left as it was
    table.model.item(1, 0)->setText(QStringLiteral("a much, much wider text than before"));
    table.settle();
    QCOMPARE(header->sectionSize(0), narrow); // not measured while hidden

    // Shown: fitted at once, before any event is processed (no frame with the old width).
    table.view.show();
    QVERIFY(table.fitted() > narrow);
    QCOMPARE(header->sectionSize(0), table.fitted());
    QCOMPARE(header->sectionResizeMode(0), QHeaderView::ResizeToContents);
    QCOMPARE(header->sectionResizeMode(1), QHeaderView::Stretch);

    // Shown, it follows changes as Qt's ResizeToContents does.
    table.model.item(1, 0)->setText(QStringLiteral("a"));
    table.settle();
    QCOMPARE(header->sectionSize(0), table.fitted());
    QVERIFY(
        header->sectionSize(0) <
        QFontMetrics(table.view.font()).horizontalAdvance(QStringLiteral("a much, much wider")));
}

void ColumnFitWhenShownTest::pausedAgainAfterAReset() {
    Table table; // never shown yet: paused from the start
    QHeaderView *header = table.view.horizontalHeader();
    QCOMPARE(header->sectionResizeMode(0), QHeaderView::Fixed);
    table.model.clear(); // a reset: the header's default mode for every column again
    table.model.setColumnCount(2);
    table.model.appendRow({new QStandardItem(QStringLiteral("a wide text after the reset")),
                           new QStandardItem(QStringLiteral("x"))});
    QCOMPARE(header->sectionResizeMode(0), QHeaderView::Fixed);
    table.settle();
    const int hidden = header->sectionSize(0);
    QVERIFY(hidden < table.fitted()); // the wide text not measured while hidden
    table.view.show();
    QCOMPARE(header->sectionSize(0), table.fitted());
}

QTEST_MAIN(ColumnFitWhenShownTest)
#include "columnfitwhenshowntest.moc"
