#include "emptystatepage.h"

#include "printabletext.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ntl {

EmptyStatePage::EmptyStatePage(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel)
    , m_message(new QLabel)
    , m_hint(new QLabel)
    , m_clear(new QPushButton(tr("Clear filters")))
    , m_open(new QPushButton(tr("Open…")))
    , m_import(new QPushButton(tr("Import Articles…")))
    , m_removals(new QWidget) {
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_title->setFont(big);
    // The filters quote the dataset and the search: plain text, never markup.
    for (QLabel *label : {m_title, m_message, m_hint}) {
        label->setTextFormat(Qt::PlainText);
        label->setAlignment(Qt::AlignHCenter);
        label->setWordWrap(true);
    }
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_clear->setAccessibleName(tr("Clear all filters"));
    m_open->setAccessibleName(tr("Open a dataset"));
    connect(m_clear, &QPushButton::clicked, this, &EmptyStatePage::clearFiltersRequested);
    connect(m_open, &QPushButton::clicked, this, &EmptyStatePage::openRequested);
    m_import->setObjectName(QStringLiteral("importArticlesButton"));
    m_import->setAccessibleName(tr("Import articles"));
    connect(m_import, &QPushButton::clicked, this, &EmptyStatePage::importRequested);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_clear);
    buttons->addWidget(m_open);
    buttons->addWidget(m_import);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->addStretch(2);
    layout->addWidget(m_title);
    layout->addWidget(m_message);
    layout->addSpacing(8);
    layout->addLayout(buttons);
    layout->addWidget(m_hint);
    layout->addWidget(m_removals);
    new QVBoxLayout(m_removals);
    m_removals->layout()->setContentsMargins(0, 0, 0, 0);
    layout->addStretch(3);
    setAutoFillBackground(true);
    showNoEvents(false);
}

void EmptyStatePage::showNoMatch(const QStringList &filters, const QList<int> &eventsWithout) {
    m_state = State::NoMatch;
    m_title->setText(tr("No events match the filters"));
    QStringList lines;
    for (const QString &filter : filters)
        lines.append(PrintableText::oneLine(filter));
    m_message->setText(filters.size() == 1 ? tr("Active filter: %1").arg(lines.first())
                                           : tr("Active filters: %1").arg(lines.join(tr("; "))));
    setRemovals(lines, eventsWithout);
    m_clear->setVisible(true);
    m_open->setVisible(false);
    m_import->setVisible(false);
    setFocusProxy(m_clear);
    setAccessibleName(m_title->text());
}

void EmptyStatePage::setRemovals(const QStringList &filters, const QList<int> &eventsWithout) {
    for (QPushButton *button : std::as_const(m_removeButtons)) {
        button->hide();
        button->deleteLater(); // the one clicked may be what is running now
    }
    m_removeButtons.clear();
    // Only with two filters or more: removing the only one is what Clear filters does. Only
    // the removals that would show events: a button that leads to nothing again is a dead end.
    const bool offer = filters.size() > 1 && eventsWithout.size() == filters.size();
    m_hint->setVisible(offer);
    if (!offer)
        return;
    for (int i = 0; i < filters.size(); ++i) {
        const int count = eventsWithout.at(i);
        if (count <= 0)
            continue;
        // Names are the chips' (dataset text): a button shows text literally, & escaped.
        QString name = filters.at(i);
        name.replace(u'&', QStringLiteral("&&"));
        auto *button = new QPushButton(
            count == 1 ? tr("Remove %1 (1 event)").arg(name)
                       : tr("Remove %1 (%2 events)").arg(name, QString::number(count)));
        button->setFlat(true);
        connect(button, &QPushButton::clicked, this, [this, i] { emit removeFilterRequested(i); });
        static_cast<QVBoxLayout *>(m_removals->layout())->addWidget(button, 0, Qt::AlignHCenter);
        m_removeButtons.append(button);
    }
    m_hint->setText(m_removeButtons.isEmpty()
                        ? tr("No single filter removed would show events: clear them all.")
                        : tr("Or remove one filter:"));
}

void EmptyStatePage::showNoEvents(bool datasetOpen) {
    m_state = datasetOpen ? State::NoEvents : State::NoDataset;
    m_title->setText(datasetOpen ? tr("This dataset has no events") : tr("No dataset is open"));
    m_message->setText(datasetOpen ? tr("There is nothing to show on a timeline yet.")
                                   : tr("Open a dataset to see its events."));
    setRemovals({}, {});
    m_hint->setText(tr("File → Open Default Dataset shows the built-in example."));
    m_hint->setVisible(true);
    m_clear->setVisible(false);
    m_open->setVisible(true);
    m_import->setVisible(false);
    setFocusProxy(m_open);
    setAccessibleName(m_title->text());
}

void EmptyStatePage::showNoArticles() {
    m_state = State::NoArticles;
    m_title->setText(tr("Import articles to begin"));
    m_message->setText(tr("Bring in the news articles of this negotiation: text, HTML pages "
                          "saved from a browser, or PDFs. Then select the words that report "
                          "an event."));
    setRemovals({}, {});
    m_hint->setText(tr("You can also drop files on the window, or paste an article with "
                       "Edit → Paste as Article."));
    m_hint->setVisible(true);
    m_clear->setVisible(false);
    m_open->setVisible(false);
    m_import->setVisible(true);
    setFocusProxy(m_import);
    setAccessibleName(m_title->text());
}

QString EmptyStatePage::title() const {
    return m_title->text();
}

QString EmptyStatePage::message() const {
    return m_message->text();
}

} // namespace ntl
