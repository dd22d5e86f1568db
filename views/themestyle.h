#pragma once

#include <QProxyStyle>

namespace ntl {

// Fusion with check boxes, radio buttons and item-view checks drawn to be seen in any
// palette: Fusion outlines them with a shade of the window colour, which all but vanishes
// on a dark window. The frame and the mark here mix the text colour into the base, so
// they keep at least 3:1 against the window (WCAG 1.4.11) in light and in dark.
class ThemeStyle : public QProxyStyle {
    Q_OBJECT
public:
    // `baseKey`: the style to draw everything else ("Fusion" when empty).
    explicit ThemeStyle(const QString &baseKey = QString());

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget = nullptr) const override;

    // The colour of an indicator's frame in `group` of `palette`.
    static QColor indicatorFrame(const QPalette &palette, QPalette::ColorGroup group);
};

} // namespace ntl
