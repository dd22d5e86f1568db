#pragma once

#include "exportoptions.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace ntl {

// Asks how to export: which view, what range, size, scale, theme, title and whether
// to add the title, legend and footer.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ExportDialog(QWidget *parent = nullptr);

    void setWindowSize(const QSize &size);
    void setView(ExportOptions::View view);
    ExportOptions options() const;

private:
    QComboBox *m_view;
    QRadioButton *m_visible;
    QRadioButton *m_whole;
    QComboBox *m_size;
    QSpinBox *m_width;
    QSpinBox *m_height;
    QComboBox *m_scale;
    QComboBox *m_theme;
    QLineEdit *m_title;
    QCheckBox *m_decorations;
    QSize m_windowSize{1280, 800};
};

} // namespace ntl
