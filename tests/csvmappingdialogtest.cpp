// The CSV column-mapping dialog through its real widgets: a guessed mapping, OK disabled with
// the reason while the start column is missing, the preview as the rows would import with
// each row's problems, and the chosen mapping remembered for the same header.
#include "csvmappingdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

using namespace ntl;
using namespace Qt::StringLiterals;

namespace {

const QByteArray foreignCsv = "Name,When it happened,Notes\r\n"
                              "Summit,2031-05-02,<b>not bold</b>\r\n"
                              "Bad day,2031-02-30,\r\n"
                              "=Formula,2031,x\r\n";

} // namespace

class CsvMappingDialogTest : public QObject {
    Q_OBJECT

private:
    QComboBox *combo(QDialog &dialog, const char *field) {
        auto *c = dialog.findChild<QComboBox *>(u"column-"_s + QString::fromLatin1(field));
        if (!c)
            qFatal("no combo for %s", field);
        return c;
    }
    QPushButton *ok(QDialog &dialog) {
        return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"NegotiationTimelineTest"_s);
        QCoreApplication::setApplicationName(u"csvmappingdialogtest"_s);
        QSettings().clear();
    }

    void mapsPreviewsAndRemembers() {
        const CsvTable table = CsvTable::parse(foreignCsv, u"foreign.csv"_s);
        QVERIFY(table.ok());
        Dataset base;
        base.title = u"Base"_s;
        {
            CsvMappingDialog dialog(table, base, u"foreign.csv"_s);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            // Guessed: Name is the title, Notes the note; nothing says which column is the start.
            QCOMPARE(combo(dialog, "Title")->currentData().toInt(), 0);
            QCOMPARE(combo(dialog, "Note")->currentData().toInt(), 2);
            QCOMPARE(combo(dialog, "Start")->currentData().toInt(), -1);
            QVERIFY(!ok(dialog)->isEnabled());
            const QString reason = dialog.findChild<QLabel *>(u"reason"_s)->text();
            QVERIFY2(reason.contains(CsvMapping::label(CsvMapping::Start)), qPrintable(reason));
            QCOMPARE(ok(dialog)->toolTip(), reason);

            // Choose the start column from the keyboard, as a user would.
            QComboBox *start = combo(dialog, "Start");
            start->setFocus();
            QTest::keyClick(start, Qt::Key_Down);
            QTest::keyClick(start, Qt::Key_Down);
            QCOMPARE(start->currentData().toInt(), 1);
            QVERIFY(ok(dialog)->isEnabled());

            auto *preview = dialog.findChild<QTableWidget *>(u"preview"_s);
            QCOMPARE(preview->rowCount(), 3);
            QCOMPARE(preview->item(0, 0)->text(), u"2"_s);
            QCOMPARE(preview->item(0, 1)->text(), u"add ev-summit"_s);
            QCOMPARE(preview->item(0, 2)->text(), u"Summit"_s);
            QCOMPARE(preview->item(0, 3)->text(), u"2031-05-02 (day)"_s);
            // The impossible date is the row's problem, at its row and column.
            QVERIFY2(preview->item(1, 2)->text().contains(u"row 3, column 2 (When it happened)"_s),
                     qPrintable(preview->item(1, 2)->text()));
            QCOMPARE(preview->item(1, 1)->text(), u"not imported"_s);
            QCOMPARE(preview->columnSpan(1, 2), 3);
            QCOMPARE(preview->columnSpan(0, 2), 1);
            // A guarded cell shows unguarded, as text; a year is a year.
            QCOMPARE(preview->item(2, 2)->text(), u"=Formula"_s);
            QCOMPARE(preview->item(2, 3)->text(), u"2031-01-01 to 2031-12-31 (year)"_s);
            QVERIFY(dialog.findChild<QLabel *>(u"reason"_s)->text().contains(u"1 of"_s));

            // No note column after all, then OK by the keyboard.
            combo(dialog, "Note")->setCurrentIndex(0);
            ok(dialog)->setFocus();
            QTest::keyClick(ok(dialog), Qt::Key_Space);
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
            QCOMPARE(dialog.mapping().column(CsvMapping::Start), 1);
            QCOMPARE(dialog.mapping().column(CsvMapping::Note), -1);
        }
        // The same header again: the mapping chosen last time, not the guess.
        {
            CsvMappingDialog dialog(table, base, u"foreign.csv"_s);
            QCOMPARE(combo(dialog, "Start")->currentData().toInt(), 1);
            QCOMPARE(combo(dialog, "Note")->currentData().toInt(), -1);
            QVERIFY(ok(dialog)->isEnabled());
            QVERIFY(
                dialog.findChild<QLabel *>(u"mappingOrigin"_s)->text().contains(u"last time"_s));
        }
        // Another header is guessed afresh.
        const CsvTable other = CsvTable::parse("Name,When it happened\r\nx,2031\r\n", u"o.csv"_s);
        CsvMappingDialog dialog(other, base, u"o.csv"_s);
        QCOMPARE(combo(dialog, "Start")->currentData().toInt(), -1);
    }

    void aBrokenFileCannotBeImported() {
        const CsvTable table = CsvTable::parse("Title,Start\r\nx,2031\r\ny\r\n", u"r.csv"_s);
        QVERIFY(!table.ok());
        Dataset base;
        CsvMappingDialog dialog(table, base, u"r.csv"_s);
        QVERIFY(!ok(dialog)->isEnabled());
        QVERIFY(dialog.findChild<QLabel *>(u"reason"_s)->text().contains(u"row 3 has 1 fields"_s));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }

    void askReturnsNothingWhenCancelled() {
        const CsvTable table = CsvTable::parse("Title,Start\r\nx,2031\r\n", u"t.csv"_s);
        Dataset base;
        QTimer::singleShot(0, [] {
            if (auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget()))
                dialog->reject();
        });
        QVERIFY(!CsvMappingDialog::ask(nullptr, table, base).has_value());
        QTimer::singleShot(0, [] {
            if (auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget()))
                dialog->accept();
        });
        const auto mapping = CsvMappingDialog::ask(nullptr, table, base);
        QVERIFY(mapping.has_value());
        QCOMPARE(mapping->column(CsvMapping::Title), 0);
        QCOMPARE(mapping->column(CsvMapping::Start), 1);
    }
};

QTEST_MAIN(CsvMappingDialogTest)
#include "csvmappingdialogtest.moc"
