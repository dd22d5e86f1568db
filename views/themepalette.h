#pragma once

#include <QPalette>

namespace ntl {

// The palettes offered for export and for trying the app in either theme:
// the system's own, or a fixed light or dark one.
class ThemePalette
{
public:
    enum class Theme { System, Light, Dark };

    static QPalette palette(Theme theme);
    // "light" / "dark" / "system"; returns false for anything else.
    static bool fromName(const QString &name, Theme *theme);
};

} // namespace ntl
