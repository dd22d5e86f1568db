#include "readonlycontroller.h"

#include "document.h"
#include "documentcontroller.h"
#include "editgate.h"
#include "mainwindow.h"
#include "readonlybar.h"
#include "session.h"

namespace ntl {

ReadOnlyController::ReadOnlyController(MainWindow *window, ReadOnlyBar *bar)
    : QObject(window)
    , m_window(window)
    , m_bar(bar) {
    EditGate::watch(window->session()->document(), this, [this] { update(); });
    connect(bar, &ReadOnlyBar::editCopyRequested, this, &ReadOnlyController::editCopy);
    update();
}

bool ReadOnlyController::editCopy() {
    return m_window->documentController()->chooseAndSaveAs();
}

void ReadOnlyController::update() {
    const Document *document = m_window->session()->document();
    QString text;
    if (!m_window->session()->hasDataset() || EditGate::refusal(*document).isEmpty())
        text.clear();
    else if (document->isOpenedReadOnly())
        text = tr("This file is open read-only: another window is editing it. To edit, save a "
                  "copy under another name.");
    else
        text = tr("This is the built-in example dataset (read-only). To edit, save a copy of "
                  "it first.");
    m_bar->setText(text);
}

} // namespace ntl
