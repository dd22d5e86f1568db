#include "chronicledelegate.h"
#include "chronicleentry.h"
#include "chronicleheading.h"
#include "chronicleview.h"
#include "eventdetailspanel.h"
#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "mainwindow.h"
#include "sourcesview.h"
#include "syntheticdataset.h"
#include "testdataset.h"
#include "testwindow.h"
#include "timelineview.h"

#include <QAccessible>
#include <QApplication>
#include <QClipboard>
#include <QItemSelectionModel>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

using namespace ntl;

// The Chronicle tab: the filtered events in order under group headings, drawn by a delegate
// over the shared filter and selection models. Every interaction goes through the real widgets
// on the offscreen platform.
class ChronicleViewTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void showsEveryFilteredEventInOrderUnderHeadings();
    void entryShowsTheEventsWords();
    void filterChangeUpdatesTheRows();
    void survivesEmptyResultAndModelReset();
    void clickSelectsInTheSharedSelection();
    void selectionOnTheTimelineScrollsTheChronicle();
    void enterOpensThePassage();
    void doubleClickOpensThePassage();
    void ctrl4ShowsTheTabAndFocusesTheView();
    void keysMoveTheCurrentEvent();
    void accessibleNameAndDescription();
    void copyPutsTheCurrentEntryOnTheClipboard();
    void longTitleWrapsAndIsNeverElided();
    void measuresOnlyTheRowsNearTheViewport();
    void filterChangeKeepsTheCurrentEventInPlace();
    void hiddenChronicleWaitsUntilShown();
    void darkThemeDrawsLightTextOnDark();

private:
    ChronicleView *view() const { return m_window->chronicleView(); }
    QModelIndex rowIndex(int row) const { return m_window->filterModel()->index(row, 0); }
    QString idOf(int row) const { return rowIndex(row).data(EventModel::EventIdRole).toString(); }
    void showChronicle();
    // Every row the view shows from top to bottom, scrolling a page at a time.
    QList<int> rowsReadTopToBottom();

    MainWindow *m_window = nullptr;
};

static QString defaultDataset() {
    return shippedDatasetPath();
}

void ChronicleViewTest::initTestCase() {
    useTestSettings("chronicleviewtest"); // never the user's settings
}

void ChronicleViewTest::init() {
    m_window = new MainWindow;
    m_window->setInteractive(false);
    QVERIFY(m_window->openDataset(defaultDataset()));
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_window->tabs()->setCurrentIndex(MainWindow::TimelineTab);
    QCoreApplication::processEvents();
}

void ChronicleViewTest::cleanup() {
    delete m_window;
    m_window = nullptr;
}

void ChronicleViewTest::showChronicle() {
    m_window->tabs()->setCurrentIndex(MainWindow::ChronicleTab);
    QCoreApplication::processEvents();
    QVERIFY(view()->isVisible());
}

QList<int> ChronicleViewTest::rowsReadTopToBottom() {
    QList<int> rows;
    view()->scrollTo(rowIndex(0), QAbstractItemView::PositionAtTop);
    for (int page = 0; page < 1000; ++page) {
        for (int row : view()->shownRows()) {
            if (rows.isEmpty() || row > rows.constLast())
                rows.append(row);
        }
        const QModelIndex top = view()->topIndex();
        const int offset = view()->topOffset();
        view()->scrollByPixels(view()->viewport()->height());
        if (view()->topIndex() == top && view()->topOffset() == offset)
            break; // the end
    }
    return rows;
}

void ChronicleViewTest::showsEveryFilteredEventInOrderUnderHeadings() {
    showChronicle();
    EventFilterModel *filter = m_window->filterModel();
    const int count = filter->rowCount();
    QCOMPARE(count, int(m_window->eventModel()->dataset()->events.size()));

    QList<int> expected;
    for (int row = 0; row < count; ++row)
        expected.append(row);
    QCOMPARE(rowsReadTopToBottom(), expected);

    // The filter's order is by start date; a heading is drawn where the group changes.
    const ChronicleDelegate *delegate = view()->chronicleDelegate();
    const std::shared_ptr<const Dataset> dataset = m_window->eventModel()->dataset();
    QStringList headings;
    ChronicleHeading previous;
    QDate previousStart;
    for (int row = 0; row < count; ++row) {
        const Event *event =
            m_window->eventModel()->event(filter->mapToSource(rowIndex(row)).row());
        QVERIFY(!previousStart.isValid() || previousStart <= event->date.start);
        previousStart = event->date.start;
        const ChronicleHeading heading = ChronicleHeading::of(event->date);
        const QStringList drawn = delegate->drawnTexts(rowIndex(row));
        if (row == 0 || heading != previous) {
            QCOMPARE(delegate->headingText(rowIndex(row)), heading.text());
            QCOMPARE(drawn.first(), heading.text());
            headings.append(heading.text());
        } else {
            QVERIFY2(delegate->headingText(rowIndex(row)).isEmpty(), qPrintable(heading.text()));
            QVERIFY(!drawn.contains(heading.text()));
        }
        previous = heading;
        QVERIFY2(drawn.contains(event->title), qPrintable(event->title));
    }
    // Days and the imprecise groups of the default dataset, each heading once.
    QCOMPARE(QSet<QString>(headings.begin(), headings.end()).size(), headings.size());
    QVERIFY2(headings.contains(QStringLiteral("Sunday 23 November 2025")),
             qPrintable(headings.join(u'|')));
    QVERIFY2(headings.contains(QStringLiteral("November 2025")), qPrintable(headings.join(u'|')));
}

void ChronicleViewTest::entryShowsTheEventsWords() {
    showChronicle();
    const ChronicleDelegate *delegate = view()->chronicleDelegate();
    const std::shared_ptr<const Dataset> dataset = m_window->eventModel()->dataset();
    bool sawDisagreement = false;
    bool sawQuote = false;
    for (int row = 0; row < m_window->filterModel()->rowCount(); ++row) {
        const Event *event = m_window->eventModel()->event(
            m_window->filterModel()->mapToSource(rowIndex(row)).row());
        const ChronicleEntry entry = ChronicleEntry::of(*dataset, *event);
        const QString drawn = delegate->drawnTexts(rowIndex(row)).join(u'\n');
        QVERIFY2(drawn.contains(entry.dateText), qPrintable(drawn));
        QVERIFY2(drawn.contains(entry.summary), qPrintable(drawn));
        QVERIFY2(drawn.contains(entry.reportedBy, Qt::CaseInsensitive), qPrintable(drawn));
        for (const QString &side : entry.sideNames)
            QVERIFY2(drawn.contains(side), qPrintable(drawn));
        for (const QString &participant : entry.participants)
            QVERIFY2(drawn.contains(participant), qPrintable(drawn));
        QCOMPARE(drawn.contains(QStringLiteral("★ Sources disagree")), entry.hasDisagreement);
        sawDisagreement = sawDisagreement || entry.hasDisagreement;
        if (!entry.firstQuote.isEmpty()) {
            QVERIFY2(drawn.contains(entry.firstQuote.simplified()), qPrintable(drawn));
            QVERIFY2(drawn.contains(entry.firstQuoteArticleTitle), qPrintable(drawn));
            sawQuote = true;
        }
    }
    QVERIFY(sawDisagreement);
    QVERIFY(sawQuote);
}

void ChronicleViewTest::filterChangeUpdatesTheRows() {
    showChronicle();
    EventFilterModel *filter = m_window->filterModel();
    const int all = filter->rowCount();
    filter->setSearchText(QStringLiteral("Geneva"));
    QCoreApplication::processEvents();
    const int found = filter->rowCount();
    QVERIFY(found > 0 && found < all);
    const QList<int> rows = rowsReadTopToBottom();
    QCOMPARE(rows.size(), found);
    // What the view draws is the filtered rows' events.
    for (int row : rows) {
        const QString title = rowIndex(row).data(EventModel::TitleRole).toString();
        QVERIFY(view()->chronicleDelegate()->drawnTexts(rowIndex(row)).contains(title));
    }
    filter->setSearchText(QString());
    QCoreApplication::processEvents();
    QCOMPARE(rowsReadTopToBottom().size(), all);
}

void ChronicleViewTest::survivesEmptyResultAndModelReset() {
    showChronicle();
    view()->scrollTo(rowIndex(30), QAbstractItemView::PositionAtTop);
    m_window->filterModel()->setSearchText(QStringLiteral("zzqqxxnothing"));
    QCoreApplication::processEvents();
    QCOMPARE(m_window->filterModel()->rowCount(), 0);
    QVERIFY(view()->shownRows().isEmpty());
    QVERIFY(!view()->topIndex().isValid());
    QVERIFY(!view()->grab().isNull()); // paints "No events to show"
    QTest::keyClick(view(), Qt::Key_Down);
    QTest::keyClick(view(), Qt::Key_End);
    m_window->filterModel()->setSearchText(QString());
    QCoreApplication::processEvents();
    QVERIFY(!view()->shownRows().isEmpty());

    // A new dataset resets the models: the view starts at its top.
    view()->scrollTo(rowIndex(40), QAbstractItemView::PositionAtTop);
    QVERIFY(m_window->openDataset(QStringLiteral(NTL_TEST_DATA_DIR "/valid/minimal.json")));
    QCoreApplication::processEvents();
    QCOMPARE(view()->topIndex().row(), 0);
    const int rows = m_window->filterModel()->rowCount();
    QCOMPARE(rowsReadTopToBottom().size(), rows);
    QVERIFY(!view()->grab().isNull());
}

void ChronicleViewTest::clickSelectsInTheSharedSelection() {
    showChronicle();
    const QRect rect = view()->visualRect(rowIndex(2));
    QVERIFY(rect.isValid());
    QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, rect.center());
    QItemSelectionModel *selection = m_window->selectionModel();
    QCOMPARE(selection->currentIndex().row(), 2);
    QVERIFY(selection->isSelected(rowIndex(2)));
    // The other views read the same selection: the details panel shows the event.
    QTRY_VERIFY(m_window->detailsPanel()->isVisible());
    QCOMPARE(selection->selectedRows().size(), 1);
}

void ChronicleViewTest::selectionOnTheTimelineScrollsTheChronicle() {
    // On the Timeline tab: the last event becomes current there.
    m_window->timeline()->setFocus();
    const int last = m_window->filterModel()->rowCount() - 1;
    for (int i = 0; i <= last; ++i)
        m_window->timeline()->moveCurrent(1);
    QCOMPARE(m_window->selectionModel()->currentIndex().row(), last);
    showChronicle();
    const QRect rect = view()->visualRect(rowIndex(last));
    QVERIFY(rect.isValid());
    QVERIFY(view()->viewport()->rect().contains(rect));

    // While the Chronicle is shown, a selection elsewhere scrolls it too.
    m_window->selectionModel()->setCurrentIndex(rowIndex(3), QItemSelectionModel::ClearAndSelect |
                                                                 QItemSelectionModel::Rows);
    QVERIFY(view()->viewport()->rect().contains(view()->visualRect(rowIndex(3))));
}

void ChronicleViewTest::enterOpensThePassage() {
    showChronicle();
    const int row = 5;
    m_window->selectionModel()->setCurrentIndex(rowIndex(row), QItemSelectionModel::ClearAndSelect |
                                                                   QItemSelectionModel::Rows);
    const ChronicleEntry entry = view()->chronicleDelegate()->entry(rowIndex(row));
    QVERIFY(!entry.firstQuoteArticleId.isEmpty());
    QSignalSpy activated(view(), &ChronicleView::eventActivated);
    view()->setFocus();
    QTest::keyClick(view(), Qt::Key_Return);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().toString(), idOf(row));
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::SourcesTab));
    QCOMPARE(m_window->sourcesView()->currentArticleId(), entry.firstQuoteArticleId);
}

void ChronicleViewTest::doubleClickOpensThePassage() {
    showChronicle();
    // A row whose first passage is in another article than the first row's.
    const QString firstArticle =
        view()->chronicleDelegate()->entry(rowIndex(0)).firstQuoteArticleId;
    int row = 1;
    while (view()->chronicleDelegate()->entry(rowIndex(row)).firstQuoteArticleId == firstArticle)
        ++row;
    view()->scrollTo(rowIndex(row));
    const ChronicleEntry entry = view()->chronicleDelegate()->entry(rowIndex(row));
    const QRect rect = view()->visualRect(rowIndex(row));
    QVERIFY(rect.isValid());
    QSignalSpy activated(view(), &ChronicleView::eventActivated);
    QTest::mouseDClick(view()->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().toString(), entry.eventId);
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::SourcesTab));
    QCOMPARE(m_window->sourcesView()->currentArticleId(), entry.firstQuoteArticleId);
    QCOMPARE(m_window->selectionModel()->currentIndex().row(), row);
}

void ChronicleViewTest::ctrl4ShowsTheTabAndFocusesTheView() {
    QApplication::setActiveWindow(m_window);
    QTest::keyClick(m_window, Qt::Key_4, Qt::ControlModifier);
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::ChronicleTab));
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(view()));
    // Focusing the view does not pick an event for every view.
    QVERIFY(!m_window->selectionModel()->currentIndex().isValid());
}

void ChronicleViewTest::keysMoveTheCurrentEvent() {
    showChronicle();
    view()->setFocus();
    QItemSelectionModel *selection = m_window->selectionModel();
    QTest::keyClick(view(), Qt::Key_Down); // no current yet: the first shown row
    QCOMPARE(selection->currentIndex().row(), 0);
    QTest::keyClick(view(), Qt::Key_Down);
    QCOMPARE(selection->currentIndex().row(), 1);
    QVERIFY(selection->isSelected(rowIndex(1)));
    QTest::keyClick(view(), Qt::Key_Up);
    QCOMPARE(selection->currentIndex().row(), 0);
    QTest::keyClick(view(), Qt::Key_PageDown);
    const int page = selection->currentIndex().row();
    QVERIFY2(page > 1, qPrintable(QString::number(page)));
    QVERIFY(view()->viewport()->rect().contains(view()->visualRect(rowIndex(page))));
    QTest::keyClick(view(), Qt::Key_End);
    const int last = m_window->filterModel()->rowCount() - 1;
    QCOMPARE(selection->currentIndex().row(), last);
    QVERIFY(view()->viewport()->rect().contains(view()->visualRect(rowIndex(last))));
    QTest::keyClick(view(), Qt::Key_PageUp);
    QVERIFY(selection->currentIndex().row() < last);
    QTest::keyClick(view(), Qt::Key_Home);
    QCOMPARE(selection->currentIndex().row(), 0);
    QCOMPARE(view()->topIndex().row(), 0);
}

void ChronicleViewTest::accessibleNameAndDescription() {
    showChronicle();
    QCOMPARE(view()->accessibleName(), QStringLiteral("Chronicle"));
    m_window->selectionModel()->setCurrentIndex(rowIndex(4), QItemSelectionModel::ClearAndSelect |
                                                                 QItemSelectionModel::Rows);
    const QString title = rowIndex(4).data(EventModel::TitleRole).toString();
    QVERIFY2(view()->accessibleDescription().contains(title),
             qPrintable(view()->accessibleDescription()));
    QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(view());
    QVERIFY(accessible);
    QCOMPARE(accessible->text(QAccessible::Name), QStringLiteral("Chronicle"));
    QVERIFY(accessible->text(QAccessible::Description).contains(title));
}

void ChronicleViewTest::copyPutsTheCurrentEntryOnTheClipboard() {
    showChronicle();
    m_window->selectionModel()->setCurrentIndex(rowIndex(6), QItemSelectionModel::ClearAndSelect |
                                                                 QItemSelectionModel::Rows);
    QGuiApplication::clipboard()->clear();
    view()->setFocus();
    QTest::keySequence(view(), QKeySequence::Copy);
    const QString copied = QGuiApplication::clipboard()->text();
    const ChronicleEntry entry = view()->chronicleDelegate()->entry(rowIndex(6));
    QVERIFY2(copied.startsWith(entry.dateText), qPrintable(copied));
    QVERIFY2(copied.contains(u'\n' + entry.title + u'\n'), qPrintable(copied));
    QVERIFY2(copied.contains(entry.summary), qPrintable(copied));
}

void ChronicleViewTest::longTitleWrapsAndIsNeverElided() {
    auto dataset = std::make_shared<Dataset>(*loadFixture("valid/minimal.json"));
    QString longTitle;
    for (int i = 0; i < 60; ++i)
        longTitle += QStringLiteral("word%1 ").arg(i);
    longTitle += QStringLiteral("end-of-title");
    dataset->events[0].title = longTitle;
    dataset->events[1].title = QStringLiteral("Short");
    dataset->events[0].summary = dataset->events[1].summary;
    EventModel events;
    EventFilterModel filter;
    filter.setSourceModel(&events);
    events.setDataset(dataset);
    QItemSelectionModel selection(&filter);
    ChronicleView view(&filter, &selection);
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QModelIndex longRow = filter.indexOfEvent(dataset->events[0].id);
    const QModelIndex shortRow = filter.indexOfEvent(dataset->events[1].id);
    QVERIFY(view.chronicleDelegate()->drawnTexts(longRow).contains(longTitle));
    // Without headings, the rows differ only by their titles.
    const auto entryHeight = [&](const QModelIndex &index) {
        QStyleOptionViewItem option;
        option.initFrom(&view);
        option.rect = QRect(0, 0, view.viewport()->width(), 0);
        return view.chronicleDelegate()->entryRect(option, index).height();
    };
    const int lineSpacing = QFontMetrics(view.font()).lineSpacing();
    QVERIFY2(
        entryHeight(longRow) >= entryHeight(shortRow) + 2 * lineSpacing,
        qPrintable(QStringLiteral("%1 %2").arg(entryHeight(longRow)).arg(entryHeight(shortRow))));
    // Narrower: more lines, the row grows (the title wraps, it is not cut).
    const int wide = view.rowHeight(longRow.row());
    view.resize(450, 600);
    QCoreApplication::processEvents();
    QVERIFY(view.rowHeight(longRow.row()) > wide);
}

void ChronicleViewTest::measuresOnlyTheRowsNearTheViewport() {
    EventModel events;
    EventFilterModel filter;
    filter.setSourceModel(&events);
    events.setDataset(makeSyntheticDataset(20000, 3));
    QItemSelectionModel selection(&filter);
    ChronicleView view(&filter, &selection);
    view.resize(900, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(filter.rowCount(), 20000);
    QVERIFY(!view.shownRows().isEmpty());
    QVERIFY2(view.measuredRowCount() < 200, qPrintable(QString::number(view.measuredRowCount())));
    // The end, a filter change and back: still only what was shown.
    QTest::keyClick(&view, Qt::Key_End);
    QCOMPARE(selection.currentIndex().row(), 19999);
    QVERIFY(view.shownRows().contains(19999));
    filter.setSearchText(QStringLiteral("talks"));
    QCoreApplication::processEvents();
    view.shownRows();
    QVERIFY2(view.measuredRowCount() < 200, qPrintable(QString::number(view.measuredRowCount())));
    // The scroll bar spans every row.
    filter.setSearchText(QString());
    QCoreApplication::processEvents();
    QVERIFY(view.verticalScrollBar()->maximum() > 19000 * 50);
}

void ChronicleViewTest::filterChangeKeepsTheCurrentEventInPlace() {
    showChronicle();
    const int row = 20;
    view()->scrollTo(rowIndex(row), QAbstractItemView::PositionAtCenter);
    m_window->selectionModel()->setCurrentIndex(rowIndex(row), QItemSelectionModel::ClearAndSelect |
                                                                   QItemSelectionModel::Rows);
    const QString id = idOf(row);
    const int y = view()->visualRect(rowIndex(row)).top();
    // A date filter that keeps the event and the rows after it, and drops rows before it.
    const QDate from = rowIndex(10).data(EventModel::StartDateRole).toDate();
    QVERIFY(from < rowIndex(row).data(EventModel::StartDateRole).toDate());
    m_window->filterModel()->setDateRange(from, QDate());
    QCoreApplication::processEvents();
    const QModelIndex now = m_window->filterModel()->indexOfEvent(id);
    QVERIFY(now.isValid());
    QVERIFY(now.row() < row);
    QCOMPARE(view()->visualRect(now).top(), y);
    QCOMPARE(m_window->selectionModel()->currentIndex(), now);
}

void ChronicleViewTest::hiddenChronicleWaitsUntilShown() {
    // Shown once, then another tab: filter changes lay nothing out until it is shown again.
    showChronicle();
    m_window->tabs()->setCurrentIndex(MainWindow::TimelineTab);
    QCoreApplication::processEvents();
    QVERIFY(!view()->isVisible());
    m_window->filterModel()->setSearchText(QStringLiteral("Geneva"));
    QCoreApplication::processEvents();
    m_window->filterModel()->setSearchText(QStringLiteral("talks"));
    QCoreApplication::processEvents();
    QCOMPARE(view()->measuredRowCount(), 0);
    showChronicle();
    QVERIFY(view()->measuredRowCount() > 0);
    const int rows = m_window->filterModel()->rowCount();
    QVERIFY(rows > 0);
    QCOMPARE(rowsReadTopToBottom().size(), rows);
}

void ChronicleViewTest::darkThemeDrawsLightTextOnDark() {
    m_window->setTheme(ThemePalette::Theme::Dark, false);
    showChronicle();
    QCoreApplication::processEvents();
    const QImage image = view()->viewport()->grab().toImage();
    // The first row's entry (under its heading), nothing selected: the background is the
    // dark palette's, and its text is drawn light, from the palette.
    QStyleOptionViewItem option;
    option.initFrom(view());
    option.rect = view()->visualRect(rowIndex(0));
    QVERIFY(option.rect.isValid());
    const QRect entry = view()->chronicleDelegate()->entryRect(option, rowIndex(0));
    int light = 0;
    int dark = 0;
    for (int y = entry.top(); y <= std::min(entry.bottom(), image.height() - 1); ++y) {
        for (int x = 40; x < image.width(); x += 2) { // right of the side stripes
            const float lightness = QColor(image.pixel(x, y)).lightnessF();
            light += lightness > 0.75f;
            dark += lightness < 0.25f;
        }
    }
    QVERIFY2(dark > 10 * light, qPrintable(QStringLiteral("%1 %2").arg(dark).arg(light)));
    QVERIFY2(light > 200, qPrintable(QString::number(light)));
    m_window->setTheme(ThemePalette::Theme::Light, false);
}

QTEST_MAIN(ChronicleViewTest)
#include "chronicleviewtest.moc"
