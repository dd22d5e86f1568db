#include "themepalette.h"

#include <QApplication>

namespace ntl {

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
        p.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xdc));
        p.setColor(QPalette::ToolTipText, Qt::black);
        return p;
    }
    case Theme::Dark: {
        // Fusion outlines check boxes with a darker shade of the window colour, so the
        // window is darker than the base: otherwise the boxes vanish.
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
