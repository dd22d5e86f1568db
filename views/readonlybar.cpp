#include "readonlybar.h"

#include "sidepalette.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace ntl {

ReadOnlyBar::ReadOnlyBar(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel)
    , m_button(new QPushButton(tr("Edit a Cop&y…"))) {
    setObjectName(QStringLiteral("readOnlyBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_label->setObjectName(QStringLiteral("readOnlyBarText"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_button->setObjectName(QStringLiteral("editCopyButton"));
    m_button->setToolTip(tr("Save a copy of this dataset under a name of your choice, and edit "
                            "the copy"));
    m_button->setAutoDefault(false);
    setAccessibleName(tr("Read-only"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_button);
    connect(m_button, &QPushButton::clicked, this, &ReadOnlyBar::editCopyRequested);
    updateColors();
    hide();
}

void ReadOnlyBar::setText(const QString &text) {
    m_label->setText(text);
    setAccessibleDescription(text);
    setVisible(!text.isEmpty());
}

QString ReadOnlyBar::text() const {
    return m_label->text();
}

void ReadOnlyBar::changeEvent(QEvent *event) {
    if ((event->type() == QEvent::PaletteChange ||
         event->type() == QEvent::ApplicationPaletteChange) &&
        !m_tinting)
        updateColors();
    QFrame::changeEvent(event);
}

void ReadOnlyBar::updateColors() {
    // An information tint, pale on light windows and deep on dark ones, so the words keep
    // the palette's own text colour and its contrast.
    // The application's palette (the theme), not this widget's own, which holds the tint.
    const QPalette base = QApplication::palette();
    const bool dark = SidePalette::isDarkPalette(base);
    QPalette tinted = base;
    tinted.setColor(QPalette::Window, dark ? QColor(0x1d, 0x3a, 0x5a) : QColor(0xe3, 0xef, 0xfb));
    tinted.setColor(QPalette::WindowText,
                    dark ? QColor(0xf0, 0xf4, 0xf8) : QColor(0x10, 0x20, 0x30));
    m_tinting = true; // setPalette is a palette change of its own
    setPalette(tinted);
    m_tinting = false;
}

} // namespace ntl
