#pragma once

#include <QObject>

namespace ntl {

class MainWindow;
class ReadOnlyBar;

// Keeps the read-only bar above the views in step with the document (EditGate): shown, with
// what is read-only and why, while the document takes no edits; Edit a Copy… is Save As, and
// the saved copy is the document, editable.
class ReadOnlyController : public QObject {
    Q_OBJECT
public:
    ReadOnlyController(MainWindow *window, ReadOnlyBar *bar);

    // Edit a Copy…: asks where (Save As); true when a save started.
    bool editCopy();

private:
    void update();

    MainWindow *m_window;
    ReadOnlyBar *m_bar;
};

} // namespace ntl
