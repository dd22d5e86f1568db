#include "columnfit.h"

#include <QHeaderView>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTest>

using namespace ntl;

// Columns kept as wide as their contents at the cost of what changed: a changed cell is
// measured alone, a hidden table not at all, and a shown one is fitted before it paints.
class ColumnFitTest : public QObject {
    Q_OBJECT
private slots:
    void fitsOnlyWhileShown();
    void aChangedCellIsMeasuredAlone();
    void removedRowsFitAgain();
    void fittedAgainAfterAReset();
    void fittedAgainForAnotherFont();
};

namespace {
// Counts the cells measured.
class CountingDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override {
        ++measured;
        return QStyledItemDelegate::sizeHint(option, index);
    }
    mutable int measured = 0;
};

struct Table {
    QStandardItemModel model{40, 2};
    QTableView view;
    CountingDelegate delegate;
    Table() {
        for (int row = 0; row < model.rowCount(); ++row)
            for (int column = 0; column < 2; ++column)
                model.setItem(row, column, new QStandardItem(QStringLiteral("ab")));
        view.setModel(&model);
        view.setItemDelegate(&delegate);
        view.horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
        view.resize(600, 300);
        new ColumnFit(&view, view.horizontalHeader(), {0});
    }
    int fitted() const {
        const QAbstractItemView &base = view; // public there
        return std::max(base.sizeHintForColumn(0), view.horizontalHeader()->sectionSizeHint(0));
    }
    void showAndSettle() {
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        settle();
    }
    void settle() {
        for (int i = 0; i < 3; ++i) {
            QCoreApplication::processEvents();
            QTest::qWait(1);
        }
    }
    int textWidth(const QString &text) const {
        return QFontMetrics(view.font()).horizontalAdvance(text);
    }
};
} // namespace

void ColumnFitTest::fitsOnlyWhileShown() {
    Table table;
    QHeaderView *header = table.view.horizontalHeader();
    QCOMPARE(header->sectionResizeMode(0), QHeaderView::Interactive);
    table.showAndSettle();
    const int narrow = header->sectionSize(0);
    QCOMPARE(narrow, table.fitted());

    table.view.hide();
    QCOMPARE(header->sectionResizeMode(1), QHeaderView::Stretch); // left as it was
    table.delegate.measured = 0;
    table.model.item(1, 0)->setText(QStringLiteral("a much, much wider text than before"));
    table.settle();
    QCOMPARE(header->sectionSize(0), narrow); // not measured while hidden
    QCOMPARE(table.delegate.measured, 0);

    // Shown: fitted at once, before any event is processed (no frame with the old width).
    table.view.show();
    QVERIFY(table.fitted() > narrow);
    QCOMPARE(header->sectionSize(0), table.fitted());
    QCOMPARE(header->sectionResizeMode(1), QHeaderView::Stretch);
}

void ColumnFitTest::aChangedCellIsMeasuredAlone() {
    Table table;
    QHeaderView *header = table.view.horizontalHeader();
    table.showAndSettle();
    const int narrow = header->sectionSize(0);

    // Wider: the column widens at once, having measured that cell alone (Qt's
    // ResizeToContents measures every row of the column again).
    const QString wide = QStringLiteral("a much, much wider text than before");
    table.delegate.measured = 0;
    table.model.item(7, 0)->setText(wide);
    const int widthAtOnce = header->sectionSize(0);
    table.settle();
    QVERIFY2(table.delegate.measured <= 3, qPrintable(QString::number(table.delegate.measured)));
    QCOMPARE(widthAtOnce, table.fitted()); // (this measures every row)
    QVERIFY(widthAtOnce >= table.textWidth(wide));
    const int widened = header->sectionSize(0);
    QVERIFY(widened > narrow);

    // Narrower: the column keeps its width (no jump when a count drops).
    table.model.item(7, 0)->setText(QStringLiteral("a"));
    table.settle();
    QCOMPARE(header->sectionSize(0), widened);

    // Inserted rows are measured alone too.
    table.delegate.measured = 0;
    const QString wider = wide + QStringLiteral(" and wider still");
    table.model.insertRow(3, {new QStandardItem(wider), new QStandardItem(QStringLiteral("x"))});
    table.settle();
    QVERIFY(header->sectionSize(0) >= table.textWidth(wider));
    QVERIFY2(table.delegate.measured <= 4, qPrintable(QString::number(table.delegate.measured)));
}

void ColumnFitTest::removedRowsFitAgain() {
    Table table;
    QHeaderView *header = table.view.horizontalHeader();
    table.model.item(5, 0)->setText(QStringLiteral("a much, much wider text than before"));
    table.showAndSettle();
    const int wide = header->sectionSize(0);
    table.model.removeRow(5); // the widest cell gone: fitted again, narrower
    table.settle();
    QVERIFY(header->sectionSize(0) < wide);
    QCOMPARE(header->sectionSize(0), table.fitted());
}

void ColumnFitTest::fittedAgainAfterAReset() {
    Table table;
    QHeaderView *header = table.view.horizontalHeader();
    table.showAndSettle();
    table.model.clear(); // a reset: the header's default mode for every column again
    table.model.setColumnCount(2);
    table.model.appendRow({new QStandardItem(QStringLiteral("a wide text after the reset")),
                           new QStandardItem(QStringLiteral("x"))});
    table.settle();
    QCOMPARE(header->sectionResizeMode(0), QHeaderView::Interactive);
    QCOMPARE(header->sectionSize(0), table.fitted());
    QVERIFY(header->sectionSize(0) >= table.textWidth(QStringLiteral("a wide text after the reset")));
}

void ColumnFitTest::fittedAgainForAnotherFont() {
    Table table;
    QHeaderView *header = table.view.horizontalHeader();
    table.model.item(2, 0)->setText(QStringLiteral("a longer text to measure"));
    table.showAndSettle();
    const int before = header->sectionSize(0);
    QFont larger = table.view.font();
    larger.setPointSizeF(larger.pointSizeF() * 2);
    table.view.setFont(larger);
    table.settle();
    QVERIFY(header->sectionSize(0) > before);
    QCOMPARE(header->sectionSize(0), table.fitted());
}

QTEST_MAIN(ColumnFitTest)
#include "columnfittest.moc"
