#include "themestyle.h"

#include <QPainter>
#include <QPainterPath>
#include <QStyleFactory>
#include <QStyleOption>

namespace ntl {

namespace {
QColor mix(const QColor &from, const QColor &to, qreal amount) {
    return QColor::fromRgbF(from.redF() + (to.redF() - from.redF()) * amount,
                            from.greenF() + (to.greenF() - from.greenF()) * amount,
                            from.blueF() + (to.blueF() - from.blueF()) * amount);
}

QPalette::ColorGroup groupOf(const QStyleOption *option) {
    if (!(option->state & QStyle::State_Enabled))
        return QPalette::Disabled;
    return (option->state & QStyle::State_Active) ? QPalette::Active : QPalette::Inactive;
}
} // namespace

ThemeStyle::ThemeStyle(const QString &baseKey)
    : QProxyStyle(QStyleFactory::create(baseKey.isEmpty() ? QStringLiteral("Fusion") : baseKey)) {}

QColor ThemeStyle::indicatorFrame(const QPalette &palette, QPalette::ColorGroup group) {
    // Three quarters of the way from the field to the text: clearly a frame, not text.
    return mix(palette.color(group, QPalette::Base), palette.color(group, QPalette::Text), 0.75);
}

void ThemeStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option,
                               QPainter *painter, const QWidget *widget) const {
    const bool radio = element == PE_IndicatorRadioButton;
    if (element != PE_IndicatorCheckBox && !radio && element != PE_IndicatorItemViewItemCheck) {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        return;
    }
    const QPalette::ColorGroup group = groupOf(option);
    const QPalette &palette = option->palette;
    const int side = qMin(option->rect.width(), option->rect.height());
    QRectF box(0, 0, side, side);
    box.moveCenter(QRectF(option->rect).center());
    box.adjust(1, 1, -1, -1);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    QColor frame = indicatorFrame(palette, group);
    if ((option->state & State_MouseOver) && group != QPalette::Disabled)
        frame = palette.color(group, QPalette::Highlight);
    QPen pen(frame, 1.5);
    painter->setPen(pen);
    painter->setBrush(palette.color(group, QPalette::Base));
    const QColor mark = palette.color(group, QPalette::Text);
    if (radio) {
        painter->drawEllipse(box.adjusted(0.5, 0.5, -0.5, -0.5));
        if (option->state & State_On) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(mark);
            const qreal inset = box.width() * 0.28;
            painter->drawEllipse(box.adjusted(inset, inset, -inset, -inset));
        }
    } else {
        painter->drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 2, 2);
        if (option->state & State_NoChange) {
            painter->setPen(QPen(mark, qMax(2.0, box.height() / 7), Qt::SolidLine, Qt::RoundCap));
            const qreal y = box.center().y();
            painter->drawLine(QPointF(box.left() + box.width() * 0.25, y),
                              QPointF(box.right() - box.width() * 0.25, y));
        } else if (option->state & State_On) {
            painter->setPen(QPen(mark, qMax(1.8, box.height() / 7), Qt::SolidLine, Qt::RoundCap,
                                 Qt::RoundJoin));
            painter->setBrush(Qt::NoBrush);
            QPainterPath tick;
            tick.moveTo(box.left() + box.width() * 0.22, box.top() + box.height() * 0.52);
            tick.lineTo(box.left() + box.width() * 0.42, box.top() + box.height() * 0.72);
            tick.lineTo(box.left() + box.width() * 0.78, box.top() + box.height() * 0.30);
            painter->drawPath(tick);
        }
    }
    painter->restore();
}

} // namespace ntl
