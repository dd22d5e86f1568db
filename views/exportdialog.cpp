#include "exportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>

namespace ntl {

namespace {
enum SizeChoice { WindowSize, FullHd, UltraHd, CustomSize };
} // namespace

ExportDialog::ExportDialog(QWidget *parent)
    : QDialog(parent)
    , m_view(new QComboBox)
    , m_visible(new QRadioButton(tr("What is &visible")))
    , m_whole(new QRadioButton(tr("The &whole filtered period")))
    , m_size(new QComboBox)
    , m_width(new QSpinBox)
    , m_height(new QSpinBox)
    , m_scale(new QComboBox)
    , m_theme(new QComboBox)
    , m_title(new QLineEdit)
    , m_decorations(new QCheckBox(tr("Title, date range, legend and sources footer")))
{
    setWindowTitle(tr("Export View"));
    m_view->addItems({tr("Timeline"), tr("Actors"), tr("Sources (the article shown)")});
    m_size->addItems({tr("The window's size"), QStringLiteral("1920 × 1080"), QStringLiteral("3840 × 2160"), tr("Custom")});
    for (QSpinBox *box : {m_width, m_height}) {
        box->setRange(200, 16384);
        box->setSuffix(tr(" px"));
        box->setEnabled(false);
    }
    m_width->setValue(1920);
    m_height->setValue(1080);
    m_scale->addItems({tr("1× (standard)"), tr("2× (sharp on high-density screens and in print)")});
    m_theme->addItems({tr("Light"), tr("Dark")});
    m_title->setPlaceholderText(tr("The dataset's title"));
    m_title->setMaxLength(ExportOptions::maxTitleLength);
    m_decorations->setChecked(true);
    m_visible->setChecked(true);

    QSettings settings;
    m_size->setCurrentIndex(settings.value(QStringLiteral("export/size"), FullHd).toInt());
    m_scale->setCurrentIndex(settings.value(QStringLiteral("export/scale"), 1).toInt());
    m_theme->setCurrentIndex(settings.value(QStringLiteral("export/theme"), 0).toInt());
    m_width->setEnabled(m_size->currentIndex() == CustomSize);
    m_height->setEnabled(m_size->currentIndex() == CustomSize);

    auto *custom = new QHBoxLayout;
    custom->addWidget(m_width);
    custom->addWidget(m_height);
    auto *range = new QHBoxLayout;
    range->addWidget(m_visible);
    range->addWidget(m_whole);
    auto *form = new QFormLayout;
    form->addRow(tr("&View:"), m_view);
    form->addRow(tr("Range:"), range);
    form->addRow(tr("&Size:"), m_size);
    form->addRow(tr("Custom size:"), custom);
    form->addRow(tr("S&cale:"), m_scale);
    form->addRow(tr("&Theme:"), m_theme);
    form->addRow(tr("T&itle:"), m_title);
    form->addRow(QString(), m_decorations);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export…"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(m_size, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_width->setEnabled(index == CustomSize);
        m_height->setEnabled(index == CustomSize);
    });
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        QSettings settings;
        settings.setValue(QStringLiteral("export/size"), m_size->currentIndex());
        settings.setValue(QStringLiteral("export/scale"), m_scale->currentIndex());
        settings.setValue(QStringLiteral("export/theme"), m_theme->currentIndex());
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ExportDialog::setWindowSize(const QSize &size)
{
    m_windowSize = size.expandedTo(QSize(200, 200));
}

void ExportDialog::setView(ExportOptions::View view)
{
    m_view->setCurrentIndex(int(view));
}

ExportOptions ExportDialog::options() const
{
    ExportOptions options;
    options.view = ExportOptions::View(m_view->currentIndex());
    switch (m_size->currentIndex()) {
    case WindowSize: options.size = m_windowSize; break;
    case FullHd: options.size = QSize(1920, 1080); break;
    case UltraHd: options.size = QSize(3840, 2160); break;
    default: options.size = QSize(m_width->value(), m_height->value()); break;
    }
    options.scale = m_scale->currentIndex() + 1;
    options.theme = m_theme->currentIndex() == 1 ? ThemePalette::Theme::Dark : ThemePalette::Theme::Light;
    options.wholePeriod = m_whole->isChecked();
    options.title = m_title->text();
    options.decorations = m_decorations->isChecked();
    return options;
}

} // namespace ntl
