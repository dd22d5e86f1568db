#include "exportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QTimer>

namespace ntl {

namespace {
// New choices go at the end: the index is kept in the settings.
enum SizeChoice {
    WindowSize,
    FullHd,
    UltraHd,
    CustomSize,
    PageA4,
    PageA3,
    PageLetter,
    CustomPrint
};
constexpr int previewWidth = 360; // pixels of the thumbnail
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
    , m_orientation(new QComboBox)
    , m_paperWidth(new QDoubleSpinBox)
    , m_paperHeight(new QDoubleSpinBox)
    , m_dpi(new QSpinBox)
    , m_preview(new QLabel)
    , m_sizeNote(new QLabel)
    , m_previewTimer(new QTimer(this))
    , m_theme(new QComboBox)
    , m_title(new QLineEdit)
    , m_decorations(new QCheckBox(tr("Title, date range, legend and sources footer"))) {
    setWindowTitle(tr("Export View"));
    // In ExportOptions::View's order.
    m_view->addItems({tr("Timeline"), tr("Actors"), tr("Sources (the article shown)"),
                      tr("Chronicle (every filtered event, in order)")});
    m_size->addItems({tr("The window's size"), QStringLiteral("1920 × 1080"),
                      QStringLiteral("3840 × 2160"), tr("Custom"), tr("A4 page"), tr("A3 page"),
                      tr("Letter page"), tr("Custom print size")});
    for (QSpinBox *box : {m_width, m_height}) {
        box->setRange(200, 16384);
        box->setSuffix(tr(" px"));
    }
    m_width->setValue(1920);
    m_height->setValue(1080);
    for (QDoubleSpinBox *box : {m_paperWidth, m_paperHeight}) {
        box->setRange(20, ExportOptions::maxPaperSide);
        box->setDecimals(1);
        box->setSuffix(tr(" mm"));
    }
    m_paperWidth->setValue(170);
    m_paperHeight->setValue(100);
    m_orientation->addItems({tr("Landscape"), tr("Portrait")});
    m_dpi->setRange(ExportOptions::minDpi, ExportOptions::maxDpi);
    m_dpi->setValue(300);
    m_dpi->setSuffix(tr(" dpi"));
    m_scale->addItems({tr("1× (standard)"), tr("2× (sharp on high-density screens and in print)")});
    m_theme->addItems({tr("Light"), tr("Dark")});
    m_title->setPlaceholderText(tr("The dataset's title"));
    m_title->setMaxLength(ExportOptions::maxTitleLength);
    m_decorations->setChecked(true);
    m_visible->setChecked(true);
    m_preview->setObjectName(QStringLiteral("exportPreview"));
    m_preview->setMinimumSize(previewWidth, previewWidth * 9 / 16);
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setFrameShape(QFrame::StyledPanel);
    m_sizeNote->setObjectName(QStringLiteral("exportSizeNote"));

    QSettings settings;
    m_size->setCurrentIndex(settings.value(QStringLiteral("export/size"), FullHd).toInt());
    m_scale->setCurrentIndex(settings.value(QStringLiteral("export/scale"), 1).toInt());
    m_theme->setCurrentIndex(settings.value(QStringLiteral("export/theme"), 0).toInt());
    m_dpi->setValue(settings.value(QStringLiteral("export/dpi"), 300).toInt());
    m_orientation->setCurrentIndex(
        settings.value(QStringLiteral("export/portrait"), false).toBool() ? 1 : 0);

    auto *custom = new QHBoxLayout;
    custom->addWidget(m_width);
    custom->addWidget(m_height);
    auto *print = new QHBoxLayout;
    print->addWidget(m_paperWidth);
    print->addWidget(m_paperHeight);
    auto *page = new QHBoxLayout;
    page->addWidget(m_orientation);
    page->addWidget(m_dpi);
    auto *range = new QHBoxLayout;
    range->addWidget(m_visible);
    range->addWidget(m_whole);
    auto *form = new QFormLayout;
    form->addRow(tr("&View:"), m_view);
    form->addRow(tr("Range:"), range);
    form->addRow(tr("&Size:"), m_size);
    form->addRow(tr("Custom size:"), custom);
    form->addRow(tr("Print size:"), print);
    form->addRow(tr("&Page:"), page);
    form->addRow(tr("S&cale:"), m_scale);
    form->addRow(tr("&Theme:"), m_theme);
    form->addRow(tr("T&itle:"), m_title);
    form->addRow(QString(), m_decorations);
    form->addRow(QString(), m_sizeNote);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export…"));
    auto *columns = new QHBoxLayout;
    columns->addLayout(form);
    columns->addWidget(m_preview, 1, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(buttons);

    // A preview lays out a whole chart: wait until the options stop changing.
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(150);
    connect(m_previewTimer, &QTimer::timeout, this, &ExportDialog::updatePreview);
    for (QComboBox *box : {m_view, m_size, m_scale, m_orientation, m_theme})
        connect(box, &QComboBox::currentIndexChanged, this, &ExportDialog::optionsChanged);
    for (QSpinBox *box : {m_width, m_height, m_dpi})
        connect(box, &QSpinBox::valueChanged, this, &ExportDialog::optionsChanged);
    for (QDoubleSpinBox *box : {m_paperWidth, m_paperHeight})
        connect(box, &QDoubleSpinBox::valueChanged, this, &ExportDialog::optionsChanged);
    for (QRadioButton *button : {m_visible, m_whole})
        connect(button, &QRadioButton::toggled, this, &ExportDialog::optionsChanged);
    connect(m_decorations, &QCheckBox::toggled, this, &ExportDialog::optionsChanged);
    connect(m_title, &QLineEdit::textChanged, this, &ExportDialog::optionsChanged);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        QSettings settings;
        settings.setValue(QStringLiteral("export/size"), m_size->currentIndex());
        settings.setValue(QStringLiteral("export/scale"), m_scale->currentIndex());
        settings.setValue(QStringLiteral("export/theme"), m_theme->currentIndex());
        settings.setValue(QStringLiteral("export/dpi"), m_dpi->value());
        settings.setValue(QStringLiteral("export/portrait"), m_orientation->currentIndex() == 1);
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    optionsChanged();
}

void ExportDialog::setWindowSize(const QSize &size)
{
    m_windowSize = size.expandedTo(QSize(200, 200));
    optionsChanged();
}

void ExportDialog::setView(ExportOptions::View view)
{
    m_view->setCurrentIndex(int(view));
}

void ExportDialog::setPreviewPainter(PreviewPainter painter) {
    m_previewPainter = std::move(painter);
    updatePreview();
}

QImage ExportDialog::previewImage() const {
    return m_preview->pixmap().toImage();
}

void ExportDialog::optionsChanged() {
    const int choice = m_size->currentIndex();
    const bool page = choice == PageA4 || choice == PageA3 || choice == PageLetter;
    const bool print = page || choice == CustomPrint;
    m_width->setEnabled(choice == CustomSize);
    m_height->setEnabled(choice == CustomSize);
    m_paperWidth->setEnabled(choice == CustomPrint);
    m_paperHeight->setEnabled(choice == CustomPrint);
    m_orientation->setEnabled(page);
    m_dpi->setEnabled(print);
    m_scale->setEnabled(!print);
    // The Chronicle holds every filtered event with its title block: no range, no choice.
    const bool chronicle =
        ExportOptions::View(m_view->currentIndex()) == ExportOptions::View::Chronicle;
    m_visible->setEnabled(!chronicle);
    m_whole->setEnabled(!chronicle);
    m_decorations->setEnabled(!chronicle);
    // Say what the file will hold, so a print size is never a surprise in pixels.
    const ExportOptions chosen = options();
    const QSize pixels = chosen.pixelSize(ExportOptions::Format::Png);
    QString problem;
    if (chronicle)
        m_sizeNote->setText(
            print ? tr("A PDF on %1 × %2 mm pages, numbered, with the references at the end; "
                       "a PNG %3 pixels wide, as tall as the events need; or Markdown or HTML")
                        .arg(chosen.paperSize.width(), 0, 'f', 1)
                        .arg(chosen.paperSize.height(), 0, 'f', 1)
                        .arg(pixels.width())
                  : tr("A PDF on A4 pages, numbered, with the references at the end; a PNG %1 "
                       "pixels wide, as tall as the events need; or Markdown or HTML")
                        .arg(pixels.width()));
    else if (!chosen.withinLimits(ExportOptions::Format::Png, &problem))
        m_sizeNote->setText(tr("Too large for a PNG: %1").arg(problem));
    else if (print)
        m_sizeNote->setText(tr("%1 × %2 mm; a PNG of %3 × %4 pixels; type in points at this size")
                                .arg(chosen.paperSize.width(), 0, 'f', 1)
                                .arg(chosen.paperSize.height(), 0, 'f', 1)
                                .arg(pixels.width())
                                .arg(pixels.height()));
    else
        m_sizeNote->setText(tr("A PNG of %1 × %2 pixels").arg(pixels.width()).arg(pixels.height()));
    m_previewTimer->start();
}

void ExportDialog::updatePreview() {
    if (!m_previewPainter)
        return;
    const ExportOptions chosen = options();
    const QSize size = chosen.logicalSize();
    if (size.isEmpty())
        return;
    // The export laid out at its own size, drawn small: what the file will look like.
    const qreal factor = qreal(previewWidth) / size.width();
    QImage image((QSizeF(size) * factor).toSize().expandedTo(QSize(1, 1)), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.scale(factor, factor);
    m_previewPainter(&painter, size, chosen);
    painter.end();
    m_preview->setPixmap(QPixmap::fromImage(image));
}

ExportOptions ExportDialog::options() const
{
    ExportOptions options;
    options.view = ExportOptions::View(m_view->currentIndex());
    const bool landscape = m_orientation->currentIndex() == 0;
    switch (m_size->currentIndex()) {
    case WindowSize: options.size = m_windowSize; break;
    case FullHd: options.size = QSize(1920, 1080); break;
    case UltraHd: options.size = QSize(3840, 2160); break;
    case PageA4:
        ExportOptions::pageFromName(QStringLiteral("A4"), landscape, &options.paperSize);
        break;
    case PageA3:
        ExportOptions::pageFromName(QStringLiteral("A3"), landscape, &options.paperSize);
        break;
    case PageLetter:
        ExportOptions::pageFromName(QStringLiteral("Letter"), landscape, &options.paperSize);
        break;
    case CustomPrint:
        options.paperSize = QSizeF(m_paperWidth->value(), m_paperHeight->value());
        break;
    default: options.size = QSize(m_width->value(), m_height->value()); break;
    }
    if (options.isPhysical())
        options.dpi = m_dpi->value();
    options.scale = m_scale->currentIndex() + 1;
    options.theme = m_theme->currentIndex() == 1 ? ThemePalette::Theme::Dark : ThemePalette::Theme::Light;
    options.wholePeriod = m_whole->isChecked();
    options.title = m_title->text();
    options.decorations = m_decorations->isChecked();
    return options;
}

} // namespace ntl
