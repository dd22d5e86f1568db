#include "plaintext.h"

#include "printabletext.h"
#include "wrappedlabel.h"

#include <QLabel>
#include <QMessageBox>

namespace ntl::PlainText {

QString toolTip(const QString &text)
{
    if (text.isEmpty())
        return {};
    return QStringLiteral("<p style='white-space:pre-wrap'>%1</p>").arg(text.toHtmlEscaped());
}

QLabel *label(const QString &text, QLabel *reuse)
{
    QLabel *target = reuse ? reuse : new WrappedLabel;
    target->setTextFormat(Qt::PlainText);
    target->setTextInteractionFlags(Qt::TextSelectableByMouse);
    target->setWordWrap(true);
    target->setText(text);
    return target;
}

void messageBox(QMessageBox *box, const QString &text, const QString &informative,
                const QString &detailed) {
    box->setTextFormat(Qt::PlainText);
    box->setText(text);
    box->setInformativeText(informative);
    // setTextFormat() covers the main text only: the informative label guesses the
    // format, and both labels open external links. Qt names them since Qt 4.
    if (auto *shown = box->findChild<QLabel *>(QStringLiteral("qt_msgbox_label")))
        shown->setOpenExternalLinks(false);
    if (auto *shown = box->findChild<QLabel *>(QStringLiteral("qt_msgbox_informativelabel"))) {
        shown->setTextFormat(Qt::PlainText);
        shown->setOpenExternalLinks(false);
    } else if (!informative.isEmpty()) {
        box->setInformativeText(toolTip(informative)); // escaped: only our own markup
    }
    box->setDetailedText(detailed); // QMessageBox shows it with setPlainText
}

QString actionText(const QString &text) {
    QString shown = PrintableText::escaped(text);
    shown.replace(u'&', QStringLiteral("&&"));
    return shown; // escaped() has turned every tab into "\t"
}

QString windowTitle(const QString &text) {
    QString shown = PrintableText::escaped(text);
    // Qt shows a doubled placeholder as one literal "[*]".
    shown.replace(QStringLiteral("[*]"), QStringLiteral("[*][*]"));
    return shown;
}

} // namespace ntl::PlainText
