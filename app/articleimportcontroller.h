#pragma once

#include "dataset.h"

#include <QObject>
#include <QStringList>

#include <functional>

class QAction;
class QMimeData;

namespace ntl {

class MainWindow;

// Articles into the window's document: File → Import Articles… (text, HTML, PDF; several at
// once), files dropped on the window, Edit → Paste as Article, and Edit → Article
// Properties… for the article the Sources view shows. An import is one undoable step (a
// macro for several files) and all or nothing: if any file cannot be imported, the messages
// name each and nothing is added. An article already present (same text) is skipped with a
// note.
class ArticleImportController : public QObject {
    Q_OBJECT
public:
    explicit ArticleImportController(MainWindow *window);

    QAction *importAction() const { return m_import; }
    QAction *pasteAction() const { return m_paste; }
    QAction *propertiesAction() const { return m_properties; }

    // The files the window imports rather than opens (a dropped .json is a dataset).
    static bool isArticleFile(const QString &path);

    // Imports `paths` as one step. False when nothing was imported because a file failed (or
    // every one was already present); lastReport() says what happened, in words.
    bool importFiles(const QStringList &paths);
    // Edit → Paste as Article: the clipboard's HTML, else its text.
    bool importMimeData(const QMimeData *data);
    // Opens the properties dialog of `articleId` and applies its changes as one step.
    bool editProperties(const QString &articleId);

    // The last import's outcome (plain text): what was added, skipped, or why nothing was.
    QString lastReport() const { return m_lastReport; }
    // The last import's warnings, one line each, named by file ("a.txt: no publication date
    // found…"): what an importer guessed or left out, for the user to check. Also in the
    // report, and signalled by warningsReported().
    QStringList lastWarnings() const { return m_lastWarnings; }
    // Tests: replaces the file dialog (returns the chosen files; empty: cancelled).
    void setFileChooser(std::function<QStringList()> chooser) { m_chooser = std::move(chooser); }

signals:
    // After an import that added articles with warnings (all files of the import at once).
    void warningsReported(const QStringList &warnings);

private:
    void chooseAndImport();
    void updateActions();
    // Adds `articles` (ids given) as one undoable step.
    bool add(const QList<Article> &articles);
    void report(bool failed, const QString &text, const QString &details);
    // Whether the document takes no edits (EditGate), which is then reported.
    bool refusedAsReadOnly();
    // The report of an import that added articles: `text`, then `warnings` if any.
    void reportAdded(const QString &text, const QStringList &warnings);

    MainWindow *m_window;
    QAction *m_import;
    QAction *m_paste;
    QAction *m_properties;
    QString m_lastReport;
    QStringList m_lastWarnings;
    std::function<QStringList()> m_chooser;
};

} // namespace ntl
