#include "eventdetailspanel.h"
#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "testdataset.h"

#include <QAbstractButton>
#include <QClipboard>
#include <QGuiApplication>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace ntl;

class EventDetailsPanelTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void placeholderWithoutEvent();
    void showsTitleDateAndFacts();
    void showsHowTheDateWasFound();
    void showsQuotesUnderTheirArticles();
    void clickingAQuoteEmitsQuoteActivated();
    void copyPutsTheCitationOnTheClipboard();
    void copyMenuOffersEachCitationForm();
    void showsDisagreementsSideBySide();
    void markupIsShownLiterally();
    void longArticleTitlesAreShortenedInRunningText();
    void filteringOutTheEventClearsThePanel();
    void narrowPanelCutsNothingOff();
    void narrowPanelWrapsDisagreementsAndKeepsEveryRow();

private:
    void select(const QString &eventId);
    QLabel *label(const QString &text) const;
    QAbstractButton *button(const QString &accessibleName) const;

    EventModel *m_events = nullptr;
    EventFilterModel *m_filter = nullptr;
    QItemSelectionModel *m_selection = nullptr;
    EventDetailsPanel *m_panel = nullptr;
};

void EventDetailsPanelTest::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

void EventDetailsPanelTest::init()
{
    m_events = new EventModel;
    m_filter = new EventFilterModel;
    m_filter->setSourceModel(m_events);
    m_selection = new QItemSelectionModel(m_filter);
    m_events->setDataset(loadFixture("valid/minimal.json"));
    m_panel = new EventDetailsPanel(m_events, m_filter, m_selection);
    m_panel->resize(500, 900);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel));
}

void EventDetailsPanelTest::cleanup()
{
    delete m_panel;
    delete m_selection;
    delete m_filter;
    delete m_events;
}

void EventDetailsPanelTest::select(const QString &eventId)
{
    const QModelIndex index = m_filter->indexOfEvent(eventId);
    QVERIFY(index.isValid());
    m_selection->setCurrentIndex(index,
                                 QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

QLabel *EventDetailsPanelTest::label(const QString &text) const
{
    const QList<QLabel *> labels = m_panel->findChildren<QLabel *>();
    for (QLabel *candidate : labels) {
        if (candidate->text() == text)
            return candidate;
    }
    return nullptr;
}

QAbstractButton *EventDetailsPanelTest::button(const QString &accessibleName) const
{
    const QList<QAbstractButton *> buttons = m_panel->findChildren<QAbstractButton *>();
    for (QAbstractButton *candidate : buttons) {
        if (candidate->accessibleName() == accessibleName)
            return candidate;
    }
    return nullptr;
}

void EventDetailsPanelTest::placeholderWithoutEvent()
{
    const QString placeholder = QStringLiteral("Select an event to see its sources.");
    QVERIFY(label(placeholder));
    QVERIFY(m_panel->currentEventId().isEmpty());
    QVERIFY(m_panel->citation(0).isEmpty());
    select(QStringLiteral("ev-talks"));
    QVERIFY(!label(placeholder));
    QCOMPARE(m_panel->currentEventId(), QStringLiteral("ev-talks"));
    m_selection->clear();
    QVERIFY(label(placeholder));
    QVERIFY(!label(QStringLiteral("Talks in Lakeside")));
    // A new dataset clears the selection without a signal; the panel follows anyway.
    select(QStringLiteral("ev-talks"));
    m_events->setDataset(loadFixture("valid/minimal.json"));
    QVERIFY(label(placeholder));
    QVERIFY(m_panel->currentEventId().isEmpty());
}

void EventDetailsPanelTest::showsTitleDateAndFacts()
{
    select(QStringLiteral("ev-talks"));
    QLabel *title = label(QStringLiteral("Talks in Lakeside"));
    QVERIFY(title);
    QVERIFY(title->font().bold());
    QVERIFY(title->font().pointSizeF() > m_panel->font().pointSizeF());
    QVERIFY(label(QStringLiteral("Mon 4 Mar 2030")));
    QVERIFY(label(QStringLiteral("Lakeside")));
    QVERIFY(label(QStringLiteral("talks")));
    QVERIFY(label(QStringLiteral("North — party")));
    QVERIFY(label(QStringLiteral("South — party")));
    QVERIFY(label(QStringLiteral("The League — mediator")));
    QVERIFY(label(QStringLiteral("●● 2 of 2 articles")));

    select(QStringLiteral("ev-second-round"));
    QVERIFY(label(QStringLiteral("Second round announced")));
    QVERIFY(label(QStringLiteral("week of 11 Mar 2030 · planned")));
    QVERIFY(label(QStringLiteral("●○ 1 of 2 articles")));
    QVERIFY(!label(QStringLiteral("Talks in Lakeside")));
    QVERIFY(!label(QStringLiteral("The League — mediator")));

    select(QStringLiteral("ev-statement"));
    QVERIFY(label(QStringLiteral("Ana Envoy, Special Envoy — speaker")));
    QVERIFY(label(QStringLiteral("The League — speaker")));
}

void EventDetailsPanelTest::showsHowTheDateWasFound()
{
    select(QStringLiteral("ev-talks"));
    // The article's own words, and the anchor article named by its title, not its id.
    QVERIFY(label(QStringLiteral(
        "“on Monday” — resolved relative to the publication date of “Lakeside talks open”")));
    select(QStringLiteral("ev-statement"));
    QVERIFY(label(QStringLiteral("4–5 Mar 2030")));
    QVERIFY(label(QStringLiteral("Inferred from the articles")));
    QVERIFY(label(QStringLiteral("Said after the talks.")));
}

void EventDetailsPanelTest::showsQuotesUnderTheirArticles()
{
    select(QStringLiteral("ev-talks"));
    QLabel *first =
        label(QStringLiteral("“The northern and southern delegations met in Lakeside on Monday”"));
    QLabel *second =
        label(QStringLiteral("“Officials said the Lakeside talks took place on Tuesday.”"));
    QVERIFY(first);
    QVERIFY(second);
    QVERIFY(first->font().italic());
    QCOMPARE(first->textFormat(), Qt::PlainText);
    // Each quote sits under its article's title.
    QLabel *titleA = label(QStringLiteral("Lakeside talks open"));
    QLabel *titleB = label(QStringLiteral("Officials on Lakeside"));
    QVERIFY(titleA);
    QVERIFY(titleB);
    QCOMPARE(titleA->parentWidget(), first->parentWidget());
    QCOMPARE(titleB->parentWidget(), second->parentWidget());
}

void EventDetailsPanelTest::clickingAQuoteEmitsQuoteActivated()
{
    select(QStringLiteral("ev-talks"));
    QSignalSpy spy(m_panel, &EventDetailsPanel::quoteActivated);
    QLabel *second =
        label(QStringLiteral("“Officials said the Lakeside talks took place on Tuesday.”"));
    QVERIFY(second);
    QTest::mouseClick(second, Qt::LeftButton, {}, second->rect().center());
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("ev-talks"));
    QCOMPARE(spy.at(0).at(1).toInt(), 1);

    // By keyboard: the "Show in article" button of the first quote.
    QAbstractButton *show = button(QStringLiteral("Show quote 1 in its article"));
    QVERIFY(show);
    QCOMPARE(show->text(), QStringLiteral("Show in article"));
    QVERIFY(show->focusPolicy() & Qt::TabFocus);
    show->setFocus();
    QTest::keyClick(show, Qt::Key_Space);
    QCOMPARE(spy.size(), 2);
    QCOMPARE(spy.at(1).at(0).toString(), QStringLiteral("ev-talks"));
    QCOMPARE(spy.at(1).at(1).toInt(), 0);
}

void EventDetailsPanelTest::copyPutsTheCitationOnTheClipboard()
{
    select(QStringLiteral("ev-talks"));
    const QString first =
        QStringLiteral("“The northern and southern delegations met in Lakeside on Monday” — "
                       "Example Wire, “Lakeside talks open”, 5 Mar 2030");
    // art-b has no publisher and an inferred date.
    const QString second =
        QStringLiteral("“Officials said the Lakeside talks took place on Tuesday.” — "
                       "“Officials on Lakeside”, 6 Mar 2030 (inferred)");
    QCOMPARE(m_panel->citation(0), first);
    QCOMPARE(m_panel->citation(1), second);
    QVERIFY(m_panel->citation(2).isEmpty());

    QGuiApplication::clipboard()->clear();
    QAbstractButton *copy = button(QStringLiteral("Copy quote 2 with citation"));
    QVERIFY(copy);
    QCOMPARE(copy->text(), QStringLiteral("Copy citation"));
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), second);
    copy = button(QStringLiteral("Copy quote 1 with citation"));
    QVERIFY(copy);
    copy->setFocus();
    QTest::keyClick(copy, Qt::Key_Space);
    QCOMPARE(QGuiApplication::clipboard()->text(), first);
}

// The button's menu: the quote alone, plain text, Markdown (also as text/markdown) and Chicago,
// each triggered as the user would and read back from the clipboard.
void EventDetailsPanelTest::copyMenuOffersEachCitationForm() {
    select(QStringLiteral("ev-talks"));
    auto *copy = qobject_cast<QToolButton *>(button(QStringLiteral("Copy quote 1 with citation")));
    QVERIFY(copy);
    QVERIFY(copy->menu());
    QCOMPARE(copy->popupMode(), QToolButton::MenuButtonPopup);
    const auto action = [&](const QString &text) -> QAction * {
        for (QAction *candidate : copy->menu()->actions()) {
            if (candidate->text() == text)
                return candidate;
        }
        return nullptr;
    };
    const QString words =
        QStringLiteral("The northern and southern delegations met in Lakeside on Monday");
    const std::pair<QString, QString> expected[] = {
        {QStringLiteral("Copy &Quote"), words},
        {QStringLiteral("Copy Citation as &Plain Text"),
         QStringLiteral("“%1” — Example Wire, “Lakeside talks open”, 5 Mar 2030").arg(words)},
        {QStringLiteral("Copy Citation as &Markdown"),
         QStringLiteral("> %1\n\n“Lakeside talks open”, Example Wire, 5 Mar 2030\n").arg(words)},
        {QStringLiteral("Copy Citation, &Chicago Style"),
         QStringLiteral("Example Wire. “Lakeside talks open.” March 5, 2030.")}};
    for (const auto &[text, clipboard] : expected) {
        QGuiApplication::clipboard()->clear();
        QAction *form = action(text);
        QVERIFY2(form, qPrintable(text));
        form->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), clipboard);
    }
    QCOMPARE(QString::fromUtf8(
                 QGuiApplication::clipboard()->mimeData()->data(QStringLiteral("text/plain"))),
             expected[3].second);
    action(QStringLiteral("Copy Citation as &Markdown"))->trigger();
    QCOMPARE(QString::fromUtf8(
                 QGuiApplication::clipboard()->mimeData()->data(QStringLiteral("text/markdown"))),
             expected[2].second);

    // The second passage's menu copies the second passage.
    copy = qobject_cast<QToolButton *>(button(QStringLiteral("Copy quote 2 with citation")));
    QVERIFY(copy);
    copy->menu()->actions().constFirst()->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(),
             QStringLiteral("Officials said the Lakeside talks took place on Tuesday."));
}

void EventDetailsPanelTest::showsDisagreementsSideBySide()
{
    select(QStringLiteral("ev-talks"));
    QVERIFY(label(QStringLiteral("Day of the talks")));
    QLabel *monday = label(QStringLiteral("“met in Lakeside on Monday”"));
    QLabel *tuesday = label(QStringLiteral("“took place on Tuesday”"));
    QVERIFY(monday);
    QVERIFY(tuesday);
    QVERIFY(label(QStringLiteral("Monday")));
    QVERIFY(label(QStringLiteral("Tuesday")));
    // Each claim is a column with its article's title; the columns stand side by side.
    QCOMPARE(monday->parentWidget()->findChildren<QLabel *>().first()->text(),
             QStringLiteral("Lakeside talks open"));
    QCOMPARE(tuesday->parentWidget()->findChildren<QLabel *>().first()->text(),
             QStringLiteral("Officials on Lakeside"));
    QTRY_VERIFY(monday->mapTo(m_panel, QPoint()).x() < tuesday->mapTo(m_panel, QPoint()).x());
    QCOMPARE(monday->mapTo(m_panel, QPoint()).y(), tuesday->mapTo(m_panel, QPoint()).y());

    select(QStringLiteral("ev-statement"));
    QVERIFY(!label(QStringLiteral("Day of the talks")));
}

void EventDetailsPanelTest::markupIsShownLiterally()
{
    const QString markup = QStringLiteral("<b>x</b><img src=x>");
    auto dataset = std::make_shared<Dataset>();
    Article article;
    article.id = QStringLiteral("a1");
    article.title = QStringLiteral("<i>Article</i>");
    article.publisher = QStringLiteral("<u>Wire</u>");
    article.published = QDate(2030, 3, 5);
    article.text = QStringLiteral("Before <a href=\"http://example.com\">link</a> after.");
    dataset->articles.append(article);
    Actor actor;
    actor.id = QStringLiteral("p1");
    actor.name = QStringLiteral("<s>Someone</s>");
    dataset->actors.append(actor);
    Event event;
    event.id = QStringLiteral("e1");
    event.title = markup;
    event.place = QStringLiteral("<font color=red>Here</font>");
    event.date.start = event.date.end = QDate(2030, 3, 4);
    event.participants.append({actor.id, ParticipantRole::Host});
    SourcePassage source;
    source.articleId = article.id;
    source.start = int(article.text.indexOf(u'<'));
    source.end = int(article.text.indexOf(QStringLiteral(" after")));
    source.exact = article.text.mid(source.start, source.end - source.start);
    event.sources.append(source);
    dataset->events.append(event);
    dataset->reindex();
    m_events->setDataset(dataset);
    select(QStringLiteral("e1"));

    QLabel *title = label(markup);
    QVERIFY(title);
    QCOMPARE(title->textFormat(), Qt::PlainText);
    QCOMPARE(title->text(), markup);
    QVERIFY(label(QStringLiteral("<font color=red>Here</font>")));
    QVERIFY(label(QStringLiteral("<s>Someone</s> — host")));
    QVERIFY(label(QStringLiteral("“<a href=\"http://example.com\">link</a>”")));
    QCOMPARE(m_panel->citation(0), QStringLiteral("“<a href=\"http://example.com\">link</a>” — "
                                                  "<u>Wire</u>, “<i>Article</i>”, 5 Mar 2030"));
    // Every label showing dataset text shows it literally.
    int withMarkup = 0;
    for (const QLabel *candidate : m_panel->findChildren<QLabel *>()) {
        if (candidate->text().contains(u'<')) {
            ++withMarkup;
            QCOMPARE(candidate->textFormat(), Qt::PlainText);
        }
    }
    QVERIFY(withMarkup >= 6);
}

// Issue 14 item 7: articles are named by their titles, never their ids; in the date's basis and
// the disagreement columns a long title is cut at a word, the whole title in the tooltip.
void EventDetailsPanelTest::longArticleTitlesAreShortenedInRunningText() {
    const QString longTitle = QStringLiteral("Army Secretary Driscoll holds talks with Russian "
                                             "officials in Abu Dhabi after Geneva understandings");
    auto dataset = std::make_shared<Dataset>();
    for (const QString &id : {QStringLiteral("a000-long"), QStringLiteral("a001-short")}) {
        Article article;
        article.id = id;
        article.title = id == QLatin1String("a000-long") ? longTitle : QStringLiteral("Short one");
        article.published = QDate(2025, 11, 25);
        article.text = QStringLiteral("talks on Sunday. talks at the weekend.");
        dataset->articles.append(article);
    }
    Event event;
    event.id = QStringLiteral("e1");
    event.title = QStringLiteral("Talks");
    event.date.start = event.date.end = QDate(2025, 11, 23);
    event.date.basis = DateBasis::Relative;
    event.date.anchorArticleId = QStringLiteral("a000-long");
    Disagreement disagreement;
    disagreement.topic = QStringLiteral("Day");
    disagreement.claims.append(
        {QStringLiteral("a000-long"), QStringLiteral("on Sunday"), QStringLiteral("Sunday")});
    disagreement.claims.append({QStringLiteral("a001-short"), QStringLiteral("at the weekend"),
                                QStringLiteral("weekend")});
    event.disagreements.append(disagreement);
    dataset->events.append(event);
    dataset->reindex();
    m_events->setDataset(dataset);
    select(QStringLiteral("e1"));

    const QString shortTitle = QStringLiteral("Army Secretary Driscoll holds talks with…");
    QLabel *basis = m_panel->findChild<QLabel *>(QStringLiteral("dateBasis"));
    QVERIFY(basis);
    QCOMPARE(basis->text(),
             QStringLiteral("Resolved relative to the publication date of “%1”").arg(shortTitle));
    QVERIFY(basis->toolTip().contains(longTitle));
    QStringList claimTitles;
    for (const QLabel *claim : m_panel->findChildren<QLabel *>(QStringLiteral("claimArticle"))) {
        claimTitles.append(claim->text());
        QCOMPARE(claim->toolTip(),
                 claim->text() == shortTitle ? longTitle : QStringLiteral("Short one"));
    }
    QCOMPARE(claimTitles, QStringList({shortTitle, QStringLiteral("Short one")}));
    // No article id anywhere on the panel.
    for (const QLabel *label : m_panel->findChildren<QLabel *>())
        QVERIFY2(!label->text().contains(QLatin1String("a000")), qPrintable(label->text()));
}

void EventDetailsPanelTest::filteringOutTheEventClearsThePanel()
{
    select(QStringLiteral("ev-talks"));
    QCOMPARE(m_panel->currentEventId(), QStringLiteral("ev-talks"));
    m_filter->setKinds({QStringLiteral("statement")}); // the talks are no statement
    QCOMPARE(m_panel->currentEventId(), QString());
    QVERIFY(label(QStringLiteral("Talks in Lakeside")) == nullptr);
    m_filter->clearFilters();
    select(QStringLiteral("ev-statement"));
    m_filter->setKinds({QStringLiteral("statement")}); // still shown: still in the panel
    QCOMPARE(m_panel->currentEventId(), QStringLiteral("ev-statement"));
}

void EventDetailsPanelTest::narrowPanelCutsNothingOff()
{
    // A small screen narrows the panel (the views keep their share): the quotes' buttons
    // then stack, and no control reaches past the panel's right edge.
    select(QStringLiteral("ev-talks"));
    const auto rightmost = [this] {
        int right = 0;
        for (QAbstractButton *button : m_panel->findChildren<QAbstractButton *>()) {
            if (button->isVisible())
                right = std::max(right, button->mapTo(m_panel, QPoint(button->width(), 0)).x());
        }
        return right;
    };
    QAbstractButton *show = button(QStringLiteral("Show quote 1 in its article"));
    QAbstractButton *copy = button(QStringLiteral("Copy quote 1 with citation"));
    QVERIFY(show && copy);
    QTRY_COMPARE(show->mapTo(m_panel, QPoint()).y(), copy->mapTo(m_panel, QPoint()).y());
    m_panel->resize(180, 900);
    QTRY_VERIFY(show->mapTo(m_panel, QPoint()).y() < copy->mapTo(m_panel, QPoint()).y());
    QTRY_VERIFY2(rightmost() <= m_panel->width(),
                 qPrintable(QStringLiteral("%1 > %2").arg(rightmost()).arg(m_panel->width())));
    // Wide again: side by side again.
    m_panel->resize(500, 900);
    QTRY_COMPARE(show->mapTo(m_panel, QPoint()).y(), copy->mapTo(m_panel, QPoint()).y());
}

void EventDetailsPanelTest::narrowPanelWrapsDisagreementsAndKeepsEveryRow() {
    // The embedded dataset's claims: up to four to a disagreement, long titles and quotes. Side
    // by side, their columns' minimum widths added up past the panel of a 1024×768 window (170
    // px, its minimum), and the page was cut off at the right (no horizontal scroll bar).
    const auto result = DatasetReader::readFile(
        QStringLiteral(NTL_SOURCE_DIR "/resources/datasets/peace-talks-2025/dataset.json"));
    QVERIFY(result.ok());
    m_events->setDataset(result.dataset);
    auto *scroll = m_panel->findChild<QScrollArea *>();
    QVERIFY(scroll && scroll->widget());
    QWidget *viewport = scroll->viewport();
    // The first thing wrong with the page: a visible widget past the viewport's right edge,
    // or a label lower than its wrapped text (a form row that wrapped under its label once
    // kept no height for its field). Empty when all is well.
    const auto problem = [&]() -> QString {
        for (QWidget *child : scroll->widget()->findChildren<QWidget *>()) {
            if (!child->isVisible())
                continue;
            auto *label = qobject_cast<QLabel *>(child);
            const QString name = label ? label->text() : child->objectName();
            const int right = child->mapTo(viewport, QPoint(child->width(), 0)).x();
            if (right > viewport->width())
                return QStringLiteral("%1 “%2” ends at %3, past %4")
                    .arg(QString::fromLatin1(child->metaObject()->className()), name)
                    .arg(right)
                    .arg(viewport->width());
            if (label && !label->text().isEmpty() &&
                label->height() < label->heightForWidth(label->width()))
                return QStringLiteral("“%1” is %2 px high, needs %3 at %4 px wide")
                    .arg(name)
                    .arg(label->height())
                    .arg(label->heightForWidth(label->width()))
                    .arg(label->width());
        }
        return {};
    };
    const QStringList events = {QStringLiteral("ev-zelensky-us-visit"),
                                QStringLiteral("ev-russian-strike-kyiv"),
                                QStringLiteral("ev-us-official-ukrainians-agreed")};
    for (const int width : {170, 300, 500}) {
        m_panel->resize(width, 900);
        for (const QString &id : events) {
            select(id);
            const Event *event =
                m_events->event(m_filter->mapToSource(m_filter->indexOfEvent(id)).row());
            QVERIFY(event && !event->disagreements.isEmpty());
            const QString where = QStringLiteral("%1 at %2 px: ").arg(id).arg(width);
            QTRY_VERIFY2(problem().isEmpty(), qPrintable(where + problem()));
            // The "When" row's date: shown, with its text, not squeezed to nothing.
            auto *date = scroll->widget()->findChild<QLabel *>(QStringLiteral("date"));
            QVERIFY(date);
            QVERIFY2(date->isVisible() && date->height() > 0, qPrintable(where));
            QVERIFY(!date->text().isEmpty());
            QVERIFY(date->mapTo(viewport, QPoint(date->width(), 0)).x() <= viewport->width());
        }
    }
}

QTEST_MAIN(EventDetailsPanelTest)
#include "eventdetailspaneltest.moc"
