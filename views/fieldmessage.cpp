#include "fieldmessage.h"

#include "sidepalette.h"

#include <QEvent>
#include <QVBoxLayout>

namespace ntl {

namespace {

// Red that keeps its contrast on the window background in both themes.
QColor errorColor(const QPalette &palette) {
    return SidePalette::isDarkPalette(palette) ? QColor(0xff, 0x8a, 0x80)
                                               : QColor(0xb0, 0x00, 0x20);
}

} // namespace

FieldMessage::FieldMessage(QWidget *field, QWidget *parent)
    : QLabel(parent)
    , m_field(field)
    , m_fieldToolTip(field->toolTip()) {
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (!field->objectName().isEmpty())
        setObjectName(field->objectName() + QStringLiteral("Message"));
    hide();
}

QWidget *FieldMessage::wrap(QWidget *field, FieldMessage **message) {
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    *message = new FieldMessage(field, box);
    layout->addWidget(*message);
    return box;
}

void FieldMessage::setMessage(const QString &message) {
    if (message == m_message)
        return;
    m_message = message;
    setText(message.isEmpty() ? QString() : QStringLiteral("⚠ ") + message);
    setVisible(!message.isEmpty());
    m_field->setToolTip(message.isEmpty() ? m_fieldToolTip : message);
    m_field->setAccessibleDescription(message);
    restyle();
}

void FieldMessage::changeEvent(QEvent *event) {
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_restyling)
        restyle();
}

void FieldMessage::restyle() {
    // Restyling changes the label's own palette: that change is not a theme change.
    m_restyling = true;
    const QString color = errorColor(palette()).name();
    setStyleSheet(QStringLiteral("color: %1;").arg(color));
    // A style sheet on the field alone: its frame, nothing else, in the error colour.
    m_field->setStyleSheet(
        m_message.isEmpty()
            ? QString()
            : QStringLiteral("%1 { border: 2px solid %2; border-radius: 3px; }")
                  .arg(QString::fromLatin1(m_field->metaObject()->className()), color));
    m_restyling = false;
}

} // namespace ntl
