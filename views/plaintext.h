#pragma once

#include <QString>

class QLabel;

namespace ntl {

// Text from a dataset is data, never markup. These helpers make sure Qt's
// rich-text guessing (QLabel, tooltips) never interprets it.
namespace PlainText {

// A tooltip that shows `text` literally: Qt would render a tooltip that
// "might be rich text" as HTML, so we hand it escaped HTML of our own.
QString toolTip(const QString &text);
// A QLabel that shows `text` literally, with word wrap.
QLabel *label(const QString &text, QLabel *reuse = nullptr);

} // namespace PlainText

} // namespace ntl
