#include "newdatasetdialog.h"

#include "datasetreader.h"
#include "editcheck.h"
#include "fieldmark.h"
#include "idwords.h"
#include "sidepalette.h"

#include <QColorDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

namespace ntl {

namespace {
constexpr int colorRole = Qt::UserRole + 1; // a side's own colour, "#rrggbb"; none: its lane's
} // namespace

NewDatasetDialog::NewDatasetDialog(QWidget *parent)
    : QDialog(parent)
    , m_title(new QLineEdit)
    , m_titleError(FieldMark::errorLabel(QStringLiteral("titleError")))
    , m_sides(new QListWidget)
    , m_sideName(new QLineEdit)
    , m_add(new QPushButton(tr("&Add Side")))
    , m_remove(new QPushButton(tr("&Remove")))
    , m_up(new QPushButton(tr("Move &Up")))
    , m_down(new QPushButton(tr("Move &Down")))
    , m_color(new QPushButton(tr("C&olour…")))
    , m_sidesError(FieldMark::errorLabel(QStringLiteral("sidesError")))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel)) {
    setObjectName(QStringLiteral("newDatasetDialog"));
    setWindowTitle(tr("New Dataset"));
    m_title->setObjectName(QStringLiteral("titleEdit"));
    m_title->setPlaceholderText(tr("e.g. Ceasefire talks, 2026"));
    m_title->setAccessibleName(tr("Dataset title"));
    m_sides->setObjectName(QStringLiteral("sideList"));
    m_sides->setAccessibleName(tr("Sides, in lane order"));
    m_sides->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::SelectedClicked);
    m_sides->setIconSize(QSize(14, 14));
    m_sideName->setObjectName(QStringLiteral("sideNameEdit"));
    m_sideName->setPlaceholderText(tr("Name of a side, e.g. European Union"));
    m_sideName->setAccessibleName(tr("New side's name"));
    m_add->setObjectName(QStringLiteral("addSideButton"));
    m_remove->setObjectName(QStringLiteral("removeSideButton"));
    m_up->setObjectName(QStringLiteral("moveSideUpButton"));
    m_down->setObjectName(QStringLiteral("moveSideDownButton"));
    m_color->setObjectName(QStringLiteral("sideColorButton"));
    m_color->setToolTip(tr("Choose the selected side's colour"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));

    auto *intro = new QLabel(tr("A dataset collects the articles of one negotiation and the "
                                "events they report. Its sides are the parties, one lane each "
                                "on the timeline."));
    intro->setWordWrap(true);
    auto *sidesHint = new QLabel(tr("A side without a colour of its own takes its lane's. "
                                    "Sides can also be added later."));
    sidesHint->setWordWrap(true);
    sidesHint->setForegroundRole(QPalette::PlaceholderText);

    auto *form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(QString(), m_titleError);

    auto *sideBox = new QGridLayout;
    sideBox->addWidget(m_sideName, 0, 0);
    sideBox->addWidget(m_add, 0, 1);
    sideBox->addWidget(m_sides, 1, 0, 5, 1);
    sideBox->addWidget(m_remove, 1, 1);
    sideBox->addWidget(m_up, 2, 1);
    sideBox->addWidget(m_down, 3, 1);
    sideBox->addWidget(m_color, 4, 1);
    sideBox->setRowStretch(5, 1);
    auto *sidesLabel = new QLabel(tr("&Sides:"));
    sidesLabel->setBuddy(m_sideName);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addWidget(sidesLabel);
    layout->addLayout(sideBox, 1);
    layout->addWidget(m_sidesError);
    layout->addWidget(sidesHint);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, &NewDatasetDialog::addSide);
    // Enter in the side's name adds it, rather than creating the dataset half-done.
    m_sideName->installEventFilter(this);
    connect(m_remove, &QPushButton::clicked, this, &NewDatasetDialog::removeSide);
    connect(m_up, &QPushButton::clicked, this, [this] { moveSide(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveSide(1); });
    connect(m_color, &QPushButton::clicked, this, &NewDatasetDialog::chooseColor);
    connect(m_title, &QLineEdit::textChanged, this, &NewDatasetDialog::validate);
    connect(m_sideName, &QLineEdit::textChanged, this,
            [this] { m_add->setEnabled(!m_sideName->text().trimmed().isEmpty()); });
    connect(m_sides, &QListWidget::itemChanged, this, &NewDatasetDialog::validate);
    connect(m_sides, &QListWidget::currentRowChanged, this, &NewDatasetDialog::validate);
    m_add->setEnabled(false);
    m_add->setAutoDefault(false);
    for (QPushButton *button : {m_remove, m_up, m_down, m_color})
        button->setAutoDefault(false);
    validate();
    resize(480, 420);
}

QString NewDatasetDialog::datasetTitle() const {
    return m_title->text().trimmed();
}

QList<Side> NewDatasetDialog::sides() const {
    QList<Side> sides;
    QStringList taken;
    for (int row = 0; row < m_sides->count(); ++row) {
        const QString name = m_sides->item(row)->text().trimmed();
        const QString id = sideId(name, taken);
        taken.append(id);
        sides.append(Side{id, name, m_sides->item(row)->data(colorRole).toString()});
    }
    return sides;
}

QString NewDatasetDialog::sideId(const QString &name, const QStringList &taken) {
    return idFromWords(QString(), name, QStringLiteral("side"),
                       [&taken](const QString &id) { return taken.contains(id); });
}

QPushButton *NewDatasetDialog::okButton() const {
    return m_buttons->button(QDialogButtonBox::Ok);
}

void NewDatasetDialog::addSide() {
    const QString name = m_sideName->text().trimmed();
    if (name.isEmpty())
        return;
    auto *item = new QListWidgetItem(name);
    item->setFlags(item->flags() | Qt::ItemIsEditable);
    m_sides->addItem(item);
    m_sides->setCurrentItem(item);
    m_sideName->clear();
    updateSwatches();
    validate();
}

void NewDatasetDialog::setCurrentSideColor(const QString &color) {
    QListWidgetItem *item = m_sides->currentItem();
    if (!item)
        return;
    item->setData(colorRole, color.isEmpty() ? QVariant() : QVariant(color));
    updateSwatches();
}

void NewDatasetDialog::chooseColor() {
    const int row = m_sides->currentRow();
    if (row < 0)
        return;
    const QString own = m_sides->item(row)->data(colorRole).toString();
    QColorDialog dialog(own.isEmpty() ? SidePalette::laneColor(row) : QColor(own), this);
    dialog.setObjectName(QStringLiteral("sideColorDialog"));
    dialog.setWindowTitle(tr("Colour of “%1”").arg(m_sides->item(row)->text()));
    if (dialog.exec() == QDialog::Accepted && dialog.selectedColor().isValid())
        setCurrentSideColor(dialog.selectedColor().name(QColor::HexRgb));
}

void NewDatasetDialog::removeSide() {
    delete m_sides->takeItem(m_sides->currentRow());
    updateSwatches();
    validate();
}

void NewDatasetDialog::moveSide(int by) {
    const int row = m_sides->currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_sides->count())
        return;
    QListWidgetItem *item = m_sides->takeItem(row);
    m_sides->insertItem(to, item);
    m_sides->setCurrentRow(to);
    updateSwatches();
}

void NewDatasetDialog::updateSwatches() {
    const QSignalBlocker blocker(m_sides); // an icon is no edit of the name
    const SidePalette palette(this->palette());
    for (int row = 0; row < m_sides->count(); ++row) {
        QPixmap swatch(14, 14);
        swatch.fill(Qt::transparent);
        QPainter painter(&swatch);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(this->palette().color(QPalette::WindowText));
        painter.setBrush(palette.color(row, m_sides->item(row)->data(colorRole).toString()));
        painter.drawRoundedRect(QRectF(0.5, 0.5, 13, 13), 3, 3);
        painter.end();
        QListWidgetItem *item = m_sides->item(row);
        item->setIcon(QIcon(swatch));
        const QString own = m_sides->item(row)->data(colorRole).toString();
        item->setToolTip(own.isEmpty() ? tr("Lane %1's colour").arg(row + 1)
                                       : tr("Own colour %1").arg(own));
    }
}

void NewDatasetDialog::validate() {
    QString titleMessage;
    const QString title = datasetTitle();
    if (title.isEmpty())
        titleMessage = tr("title: expected a non-empty string");
    else if (title.size() > DatasetReader::maxFieldLength("title"))
        titleMessage = tr("title: expected at most %1 characters, found %2")
                           .arg(DatasetReader::maxFieldLength("title"))
                           .arg(title.size());
    // Shown once something was typed: an empty form is not yet wrong, only unfinished.
    FieldMark::mark(m_title, m_titleError, m_title->isModified() ? titleMessage : QString());

    QString sidesMessage;
    Dataset probe;
    QStringList names;
    for (const Side &side : sides()) {
        sidesMessage = EditCheck::sideChange(probe, std::nullopt, side);
        if (sidesMessage.isEmpty() && names.contains(side.name, Qt::CaseInsensitive))
            sidesMessage = tr("two sides are named \"%1\"").arg(side.name);
        if (!sidesMessage.isEmpty())
            break;
        names.append(side.name);
        probe.sides.append(side);
        probe.reindex();
    }
    FieldMark::mark(m_sides, m_sidesError, sidesMessage);
    const int row = m_sides->currentRow();
    m_remove->setEnabled(row >= 0);
    m_color->setEnabled(row >= 0);
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row + 1 < m_sides->count());
    okButton()->setEnabled(titleMessage.isEmpty() && sidesMessage.isEmpty());
}

bool NewDatasetDialog::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_sideName && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) &&
            !m_sideName->text().trimmed().isEmpty()) {
            addSide();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void NewDatasetDialog::changeEvent(QEvent *event) {
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) // light ↔ dark: the palette's other colours
        updateSwatches();
}

} // namespace ntl
