#pragma once

#include "exportoptions.h"

#include <QDialog>
#include <QImage>

#include <functional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QTimer;
class QLineEdit;
class QRadioButton;
class QPainter;
class QSpinBox;

namespace ntl {

// Asks how to export: which view, what range, size (pixels, a named page or a print
// size in millimetres with its dpi), scale, theme, title and whether to add the title,
// legend and footer; a thumbnail shows the export as the options change.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ExportDialog(QWidget *parent = nullptr);

    void setWindowSize(const QSize &size);
    void setView(ExportOptions::View view);
    ExportOptions options() const;

    // Paints an export of `size` logical pixels with these options (ViewExporter::paint).
    using PreviewPainter = std::function<void(QPainter *, const QSize &, const ExportOptions &)>;
    void setPreviewPainter(PreviewPainter painter);
    // The thumbnail shown now (for tests); null before the first preview.
    QImage previewImage() const;

private:
    void optionsChanged();
    void updatePreview();

    QComboBox *m_view;
    QRadioButton *m_visible;
    QRadioButton *m_whole;
    QComboBox *m_size;
    QSpinBox *m_width;
    QSpinBox *m_height;
    QComboBox *m_scale;
    QComboBox *m_orientation;
    QDoubleSpinBox *m_paperWidth;
    QDoubleSpinBox *m_paperHeight;
    QSpinBox *m_dpi;
    QLabel *m_preview;
    QLabel *m_sizeNote;
    QTimer *m_previewTimer;
    PreviewPainter m_previewPainter;
    QComboBox *m_theme;
    QLineEdit *m_title;
    QCheckBox *m_decorations;
    QSize m_windowSize{1280, 800};
};

} // namespace ntl
