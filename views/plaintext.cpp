#include "plaintext.h"

#include <QLabel>

namespace ntl::PlainText {

QString toolTip(const QString &text)
{
    if (text.isEmpty())
        return {};
    return QStringLiteral("<p style='white-space:pre-wrap'>%1</p>").arg(text.toHtmlEscaped());
}

QLabel *label(const QString &text, QLabel *reuse)
{
    QLabel *target = reuse ? reuse : new QLabel;
    target->setTextFormat(Qt::PlainText);
    target->setTextInteractionFlags(Qt::TextSelectableByMouse);
    target->setWordWrap(true);
    target->setText(text);
    return target;
}

} // namespace ntl::PlainText
