#include "themepalette.h"

#include <QApplication>

namespace ntl {

namespace {
// The Disabled group: `text` for every kind of text, `field` for input fields, `button` for
// button faces, and a greyed selection.
void setDisabled(QPalette *p, const QColor &text, const QColor &field, const QColor &button) {
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText,
                                     QPalette::PlaceholderText, QPalette::HighlightedText})
        p->setColor(QPalette::Disabled, role, text);
    p->setColor(QPalette::Disabled, QPalette::Base, field);
    p->setColor(QPalette::Disabled, QPalette::Button, button);
    p->setColor(QPalette::Disabled, QPalette::Highlight, button.darker(130));
}
} // namespace

QPalette ThemePalette::palette(Theme theme)
{
    switch (theme) {
    case Theme::System:
        return QApplication::palette();
    case Theme::Light: {
        QPalette p(QColor(0xef, 0xef, 0xef));
        p.setColor(QPalette::Base, Qt::white);
        p.setColor(QPalette::AlternateBase, QColor(0xf5, 0xf5, 0xf5));
        p.setColor(QPalette::Text, QColor(0x1a, 0x1a, 0x1a));
        p.setColor(QPalette::WindowText, QColor(0x1a, 0x1a, 0x1a));
        p.setColor(QPalette::PlaceholderText, QColor(0x6e, 0x6e, 0x6e));
        p.setColor(QPalette::Highlight, QColor(0x1f, 0x6f, 0xa8)); // 5.4:1 under white text
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xdc));
        p.setColor(QPalette::ToolTipText, Qt::black);
        // Disabled controls read as disabled: dimmer text on a flat face and a field the
        // colour of the window (QPalette's constructor derives them, setColor overwrote them).
        setDisabled(&p, QColor(0x8a, 0x8a, 0x8a), QColor(0xef, 0xef, 0xef),
                    QColor(0xf4, 0xf4, 0xf4));
        return p;
    }
    case Theme::Dark: {
        // Fields (Base) a step lighter than the window, as dark desktops do; ThemeStyle draws
        // the check boxes so that they show on either.
        QPalette p(QColor(0x35, 0x35, 0x35));
        p.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
        p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        p.setColor(QPalette::Base, QColor(0x2a, 0x2a, 0x2a));
        p.setColor(QPalette::AlternateBase, QColor(0x31, 0x31, 0x31));
        p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
        p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
        p.setColor(QPalette::Mid, QColor(0x60, 0x60, 0x60));
        p.setColor(QPalette::Midlight, QColor(0x44, 0x44, 0x44));
        p.setColor(QPalette::Highlight, QColor(0x4a, 0xa3, 0xdf));
        p.setColor(QPalette::HighlightedText, Qt::black);
        p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3a));
        p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
        p.setColor(QPalette::Link, QColor(0x7a, 0xbd, 0xff));
        setDisabled(&p, QColor(0x78, 0x78, 0x78), QColor(0x20, 0x20, 0x20),
                    QColor(0x28, 0x28, 0x28));
        return p;
    }
    }
    return QApplication::palette();
}

bool ThemePalette::fromName(const QString &name, Theme *theme)
{
    if (name == QLatin1String("light"))
        *theme = Theme::Light;
    else if (name == QLatin1String("dark"))
        *theme = Theme::Dark;
    else if (name == QLatin1String("system"))
        *theme = Theme::System;
    else
        return false;
    return true;
}

} // namespace ntl
