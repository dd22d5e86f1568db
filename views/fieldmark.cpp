#include "fieldmark.h"

#include "sidepalette.h"

#include <QLabel>
#include <QWidget>

namespace ntl::FieldMark {

QLabel *errorLabel(const QString &objectName) {
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->hide();
    return label;
}

void mark(QWidget *field, QLabel *label, const QString &message) {
    label->setText(message);
    label->setVisible(!message.isEmpty());
    // Red that keeps its contrast on the light and on the dark window background.
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, SidePalette::isDarkPalette(field->palette())
                                               ? QColor(0xff, 0x8a, 0x80)
                                               : QColor(0xb0, 0x00, 0x20));
    label->setPalette(palette);
    field->setProperty("invalid", !message.isEmpty());
    field->setToolTip(message);
    field->setAccessibleDescription(message);
}

} // namespace ntl::FieldMark
