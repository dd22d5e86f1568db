#include "filterchipsbar.h"

#include "eventdatetext.h"
#include "eventfiltermodel.h"
#include "eventmodel.h"
#include "flowlayout.h"
#include "plaintext.h"
#include "printabletext.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QToolButton>

#include <algorithm>

namespace ntl {

namespace {
// A long article title or search is elided on its chip; the tooltip has it whole.
constexpr int maxChipTextLength = 48;
constexpr qsizetype maxChipsPerFilter = 8;

QString elided(const QString &text) {
    const QString line = PrintableText::oneLine(text);
    if (line.size() <= maxChipTextLength)
        return line;
    qsizetype cut = maxChipTextLength - 1;
    if (line.at(cut - 1).isHighSurrogate())
        --cut; // never half a character
    return line.left(cut) + u'…';
}
} // namespace

FilterChipsBar::FilterChipsBar(EventModel *events, EventFilterModel *filter, QWidget *parent)
    : QWidget(parent)
    , m_events(events)
    , m_filter(filter)
    , m_flow(new FlowLayout(this, 6))
    , m_clearAll(new QPushButton(tr("Clear all"))) {
    setAccessibleName(tr("Active filters"));
    m_flow->setContentsMargins(6, 4, 6, 4);
    m_clearAll->setAccessibleName(tr("Clear all filters"));
    m_clearAll->setFlat(true);
    m_flow->addWidget(m_clearAll);
    connect(m_clearAll, &QPushButton::clicked, m_filter, &EventFilterModel::clearFilters);
    connect(m_filter, &EventFilterModel::filtersChanged, this, &FilterChipsBar::rebuild);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &FilterChipsBar::rebuild);
    rebuild();
}

QStringList FilterChipsBar::chipTexts() const {
    QStringList texts;
    for (const Chip &chip : m_chips)
        texts.append(chip.text);
    return texts;
}

QList<FilterChipsBar::Chip> FilterChipsBar::chips() const {
    using Getter = QSet<QString> (EventFilterModel::*)() const;
    using Setter = void (EventFilterModel::*)(const QSet<QString> &);
    const std::shared_ptr<const Dataset> dataset = m_events->dataset();
    const EventFilterModel *filter = m_filter;
    QList<Chip> chips;
    // One chip per value, sorted by what it says, so the same filters read the same; its ×
    // takes that value out of the set.
    const auto addValues = [&](const QString &label, Getter getter, Setter setter,
                               const std::function<QString(const QString &)> &nameOf) {
        QList<QPair<QString, QString>> named; // name, id
        for (const QString &id : (filter->*getter)()) {
            const QString name = nameOf(id);
            named.append({name.isEmpty() ? id : name, id});
        }
        // Past a few values of one filter (every article checked, say), one chip for them
        // all: thousands of chips would bury the views.
        if (named.size() > maxChipsPerFilter) {
            chips.append(
                {label.arg(tr("%1 chosen").arg(named.size())), [setter](EventFilterModel *filter) {
                     (filter->*setter)({});
                 }});
            return;
        }
        std::sort(named.begin(), named.end(), [](const auto &a, const auto &b) {
            return QString::compare(a.first, b.first, Qt::CaseInsensitive) < 0;
        });
        for (const auto &[name, id] : named) {
            chips.append({label.arg(name), [getter, setter, id = id](EventFilterModel *filter) {
                              QSet<QString> rest = (filter->*getter)();
                              rest.remove(id);
                              (filter->*setter)(rest);
                          }});
        }
    };
    addValues(tr("Side: %1"), &EventFilterModel::sideIds, &EventFilterModel::setSideIds,
              [&](const QString &id) {
                  const Side *side = dataset ? dataset->side(id) : nullptr;
                  return side ? side->name : QString();
              });
    addValues(tr("Actor: %1"), &EventFilterModel::actorIds, &EventFilterModel::setActorIds,
              [&](const QString &id) {
                  const Actor *actor = dataset ? dataset->actor(id) : nullptr;
                  return actor ? actor->name : QString();
              });
    addValues(tr("Kind: %1"), &EventFilterModel::kinds, &EventFilterModel::setKinds,
              [](const QString &kind) { return kind; });
    const EventDateText dateText;
    QList<int> statuses(m_filter->statuses().cbegin(), m_filter->statuses().cend());
    std::sort(statuses.begin(), statuses.end());
    for (int status : statuses) {
        chips.append({tr("Status: %1").arg(dateText.statusName(EventStatus(status))),
                      [status](EventFilterModel *filter) {
                          QSet<int> rest = filter->statuses();
                          rest.remove(status);
                          filter->setStatuses(rest);
                      }});
    }
    if (!m_filter->searchWords().isEmpty()) {
        chips.append({tr("Search: %1").arg(m_filter->searchText().simplified()),
                      [](EventFilterModel *filter) {
                          filter->setSearchText(QString());
                      }});
    }
    // Articles by their titles, never their ids.
    addValues(tr("Article: %1"), &EventFilterModel::articleIds, &EventFilterModel::setArticleIds,
              [&](const QString &id) {
                  const Article *article = dataset ? dataset->article(id) : nullptr;
                  return article ? article->title : QString();
              });
    const QLocale locale;
    const QString format = QStringLiteral("d MMM yyyy");
    if (m_filter->fromDate().isValid()) {
        chips.append({tr("From %1").arg(locale.toString(m_filter->fromDate(), format)),
                      [](EventFilterModel *filter) {
                          filter->setDateRange(QDate(), filter->toDate());
                      }});
    }
    if (m_filter->toDate().isValid()) {
        chips.append({tr("To %1").arg(locale.toString(m_filter->toDate(), format)),
                      [](EventFilterModel *filter) {
                          filter->setDateRange(filter->fromDate(), QDate());
                      }});
    }
    return chips;
}

void FilterChipsBar::rebuild() {
    const QList<Chip> wanted = chips();
    QStringList wantedTexts;
    for (const Chip &chip : wanted)
        wantedTexts.append(chip.text);
    // Rebuilt only when the chips differ: an unchanged bar keeps its focus and its look.
    const bool same = wantedTexts == chipTexts() && !m_paletteChanged;
    m_chips = wanted;
    setVisible(!m_chips.isEmpty());
    if (same)
        return;
    m_paletteChanged = false;
    for (QWidget *widget : std::as_const(m_chipWidgets)) {
        m_flow->removeWidget(widget);
        widget->hide();
        widget->deleteLater(); // a chip's own × may be what is running now
    }
    m_chipWidgets.clear();
    m_removeButtons.clear();
    m_flow->removeWidget(m_clearAll);

    // Chips are drawn from the palette, so they read in any theme (rebuilt when it changes).
    const QPalette p = palette();
    const QString style =
        QStringLiteral("QFrame#filterChip { background: %1; border: 1px solid %2; "
                       "border-radius: 10px; }")
            .arg(p.color(QPalette::AlternateBase).name(), p.color(QPalette::Mid).name());
    for (int i = 0; i < m_chips.size(); ++i) {
        const Chip &chip = m_chips.at(i);
        auto *frame = new QFrame;
        frame->setObjectName(QStringLiteral("filterChip"));
        frame->setStyleSheet(style);
        frame->setAccessibleName(tr("Filter %1").arg(chip.text));
        auto *row = new QHBoxLayout(frame);
        row->setContentsMargins(8, 1, 2, 1);
        row->setSpacing(2);
        auto *label = new QLabel;
        label->setTextFormat(Qt::PlainText); // dataset text, never markup
        label->setText(elided(chip.text));
        label->setToolTip(PlainText::toolTip(PrintableText::oneLine(chip.text)));
        auto *remove = new QToolButton;
        remove->setText(QStringLiteral("×"));
        remove->setAutoRaise(true);
        remove->setFocusPolicy(Qt::StrongFocus);
        remove->setAccessibleName(tr("Remove filter %1").arg(chip.text));
        remove->setToolTip(tr("Remove this filter (Delete)"));
        remove->installEventFilter(this);
        connect(remove, &QToolButton::clicked, this, [this, i] { removeChip(i); });
        row->addWidget(label);
        row->addWidget(remove);
        m_flow->addWidget(frame);
        m_chipWidgets.append(frame);
        m_removeButtons.append(remove);
    }
    m_flow->addWidget(m_clearAll);
    // Tab reads the bar as it is drawn: the chips, then "Clear all" (made before them).
    if (!m_removeButtons.isEmpty())
        QWidget::setTabOrder(m_removeButtons.constLast(), m_clearAll);
}

void FilterChipsBar::removeChip(int index) {
    if (index < 0 || index >= m_chips.size())
        return;
    const bool hadFocus = m_removeButtons.value(index) && m_removeButtons.at(index)->hasFocus();
    const auto remove = m_chips.at(index).remove; // rebuild() replaces m_chips
    remove(m_filter);
    // Keyboard users stay in the bar: on the chip that took this one's place, else the last.
    if (hadFocus && !m_removeButtons.isEmpty())
        m_removeButtons.at(std::min(index, int(m_removeButtons.size()) - 1))->setFocus();
}

int FilterChipsBar::eventsWithout(int index) const {
    if (index < 0 || index >= m_chips.size() || !m_filter->sourceModel())
        return -1;
    // The same filters on a filter of its own, less this chip's.
    EventFilterModel without;
    without.setSourceModel(m_filter->sourceModel());
    without.setActorIds(m_filter->actorIds());
    without.setSideIds(m_filter->sideIds());
    without.setKinds(m_filter->kinds());
    without.setStatuses(m_filter->statuses());
    without.setArticleIds(m_filter->articleIds());
    without.setDateRange(m_filter->fromDate(), m_filter->toDate());
    without.setSearchText(m_filter->searchText());
    m_chips.at(index).remove(&without);
    return without.rowCount();
}

bool FilterChipsBar::eventFilter(QObject *watched, QEvent *event) {
    if (event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        const int index = m_removeButtons.indexOf(qobject_cast<QToolButton *>(watched));
        if (index >= 0 && (key == Qt::Key_Delete || key == Qt::Key_Backspace)) {
            removeChip(index);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FilterChipsBar::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_paletteChanged = true;
        rebuild();
    }
}

} // namespace ntl
