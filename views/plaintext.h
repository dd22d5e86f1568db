#pragma once

#include <QString>

class QLabel;
class QMessageBox;

namespace ntl {

// Text from a dataset is data, never markup. These helpers make sure Qt's
// rich-text guessing (QLabel, tooltips, message boxes), menu shortcuts and title
// placeholders never interpret it.
namespace PlainText {

// A tooltip that shows `text` literally: Qt would render a tooltip that
// "might be rich text" as HTML, so we hand it escaped HTML of our own.
QString toolTip(const QString &text);
// A QLabel that shows `text` literally, with word wrap.
QLabel *label(const QString &text, QLabel *reuse = nullptr);
// Sets the box's text, informative text and detailed text, each shown literally
// and with no link that could be opened.
void messageBox(QMessageBox *box, const QString &text, const QString &informative = {},
                const QString &detailed = {});
// QAction/QMenu text: an '&' is no mnemonic, a tab no shortcut column, and control
// characters are escaped.
QString actionText(const QString &text);
// A window title: "[*]" is no modified-marker placeholder, and control characters
// (a newline, an escape) are escaped.
QString windowTitle(const QString &text);

} // namespace PlainText

} // namespace ntl
