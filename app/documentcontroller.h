#pragma once

#include "datasetwriter.h"
#include "savejob.h"

#include <QObject>
#include <QPointer>
#include <QString>

class QAction;
class QEventLoop;

namespace ntl {

class Document;
class MainWindow;

// Edit → Undo and Redo, File → Save and Save As for the main window's document, its title
// ("name[*] — title — Negotiation Timeline") and the Save / Discard / Cancel question before
// unsaved changes would be lost. A save runs as a SaveJob on a worker thread from a
// snapshot, so the window keeps painting and editing goes on while it runs; the document
// is clean afterwards only if nothing was edited meanwhile.
class DocumentController : public QObject {
    Q_OBJECT
public:
    // Makes the actions; the window places them in its menus.
    explicit DocumentController(MainWindow *window);
    ~DocumentController() override;

    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }
    QAction *saveAction() const { return m_save; }
    QAction *saveAsAction() const { return m_saveAs; }

    // File → Save: to the document's file, or Save As for the embedded (read-only) dataset.
    // Returns false when no save started (cancelled, one already running).
    bool save();
    // File → Save As…: asks for a file and where article texts go, then saves there.
    bool chooseAndSaveAs();
    // Starts saving to `path`; once saved, the document's file is `path` (and a recent file).
    bool saveAs(const QString &path, const DatasetWriter::Options &options = {});
    bool isSaving() const { return m_job != nullptr; }
    // Runs the event loop (painting, timers; input waits) until the running save is done.
    // Returns whether it succeeded (true when none was running).
    bool waitForSave();
    // The reason the last save failed, naming the file ("" after a success).
    QString lastSaveError() const { return m_lastError; }

    // Before the document is closed or replaced: with unsaved changes, asks Save, Discard or
    // Cancel. True when it may go (saved, discarded, or nothing to lose); false when the user
    // cancelled or the save failed or was cancelled.
    bool maybeSave();

    // The title for the document as it is now.
    QString windowTitle() const;
    // The title and the actions again, after the window opened another dataset.
    void refresh();

signals:
    // A save to another file than the document's succeeded: `path` is its file now.
    void savedAs(const QString &path);
    // A save wrote (or tried to write) `path`, successfully or not: its own change on disk,
    // which the file watch must not take for another writer's.
    void wroteFile(const QString &path, bool ok);

private:
    void onSaveFinished(bool ok, const QString &message);
    void updateTitle();
    void updateActions();
    Document *document() const;

    MainWindow *m_window;
    QAction *m_undo;
    QAction *m_redo;
    QAction *m_save;
    QAction *m_saveAs;
    QPointer<SaveJob> m_job;
    QEventLoop *m_waiting = nullptr;  // waitForSave()'s loop, quit once the save is done
    int m_savedIndex = -1;            // the undo index when the running save began
    bool m_changedDuringSave = false; // an edit, undo or redo since then
    bool m_lastSaveOk = true;
    QString m_lastError;
};

} // namespace ntl
