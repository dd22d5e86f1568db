#include "articleimportcontroller.h"

#include "articleimporter.h"
#include "articlemetadatadialog.h"
#include "commands/editarticlecommand.h"
#include "document.h"
#include "editgate.h"
#include "mainwindow.h"
#include "plaintext.h"
#include "printabletext.h"
#include "session.h"
#include "sourcesview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>

namespace ntl {

namespace {

const QString lastFolderKey = QStringLiteral("import/lastFolder");

// The warnings among an import's diagnostics, each named by `name` (the file).
QStringList warningsOf(const Diagnostics &diagnostics, const QString &name) {
    QStringList lines;
    for (const Diagnostic &d : diagnostics) {
        if (d.severity == Diagnostic::Severity::Warning)
            lines.append(
                ArticleImportController::tr("%1: %2").arg(name, PrintableText::escaped(d.message)));
    }
    return lines;
}

} // namespace

ArticleImportController::ArticleImportController(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_import(new QAction(tr("&Import Articles…"), this))
    , m_paste(new QAction(tr("Paste as &Article"), this))
    , m_properties(new QAction(tr("Article &Properties…"), this)) {
    m_import->setObjectName(QStringLiteral("importArticlesAction"));
    m_import->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    m_paste->setObjectName(QStringLiteral("pasteAsArticleAction"));
    m_paste->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    m_properties->setObjectName(QStringLiteral("articlePropertiesAction"));
    m_properties->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M)); // metadata
    // Tips, and the reason when disabled: updateActions.
    connect(m_import, &QAction::triggered, this, &ArticleImportController::chooseAndImport);
    connect(m_paste, &QAction::triggered, this,
            [this] { importMimeData(QApplication::clipboard()->mimeData()); });
    connect(m_properties, &QAction::triggered, this,
            [this] { editProperties(m_window->sourcesView()->currentArticleId()); });
    connect(QApplication::clipboard(), &QClipboard::dataChanged, this,
            &ArticleImportController::updateActions);
    Document *document = m_window->session()->document();
    connect(document, &Document::datasetReset, this, &ArticleImportController::updateActions);
    connect(document, &Document::articlesChanged, this, &ArticleImportController::updateActions);
    EditGate::watch(document, this, [this] { updateActions(); });
    // The Sources view's article list offers the article's properties where it is.
    m_window->sourcesView()->articleList()->addAction(m_properties);
    m_window->sourcesView()->articleList()->setContextMenuPolicy(Qt::ActionsContextMenu);
    updateActions();
}

bool ArticleImportController::isArticleFile(const QString &path) {
    static const QStringList suffixes{QStringLiteral("txt"),   QStringLiteral("text"),
                                      QStringLiteral("html"),  QStringLiteral("htm"),
                                      QStringLiteral("xhtml"), QStringLiteral("pdf")};
    return suffixes.contains(QFileInfo(path).suffix().toLower());
}

void ArticleImportController::updateActions() {
    const bool open = m_window->session()->hasDataset();
    const QString readOnly = EditGate::refusal(*m_window->session()->document());
    const auto set = [](QAction *action, bool available, const QString &why, const QString &tip) {
        action->setEnabled(available && why.isEmpty());
        action->setToolTip(why.isEmpty() ? tip : why);
        action->setStatusTip(why.isEmpty() ? tip : why);
    };
    set(m_import, open, readOnly, tr("Add news articles from text, HTML or PDF files"));
    const QMimeData *clip = QApplication::clipboard()->mimeData();
    const bool hasText = clip && (clip->hasHtml() || clip->hasText());
    set(m_paste, open,
        EditGate::firstReason({readOnly, hasText ? QString() : tr("The clipboard holds no text")}),
        tr("Add the text or web page on the clipboard as an article"));
    const bool articles = open && !m_window->session()->dataset()->articles.isEmpty();
    set(m_properties, open,
        EditGate::firstReason(
            {readOnly, articles ? QString() : tr("The dataset has no articles yet")}),
        tr("Edit the title, publisher, address and date of the article shown in Sources"));
}

void ArticleImportController::chooseAndImport() {
    QStringList paths;
    if (m_chooser) {
        paths = m_chooser();
    } else {
        QSettings settings;
        QFileDialog dialog(m_window, tr("Import Articles"),
                           settings.value(lastFolderKey).toString());
        dialog.setObjectName(QStringLiteral("importArticlesDialog"));
        dialog.setFileMode(QFileDialog::ExistingFiles);
        dialog.setNameFilters({tr("Articles (*.txt *.text *.html *.htm *.xhtml *.pdf)"),
                               tr("Text (*.txt *.text)"), tr("Web pages (*.html *.htm *.xhtml)"),
                               tr("PDF (*.pdf)"), tr("All files (*)")});
        if (dialog.exec() != QDialog::Accepted)
            return;
        paths = dialog.selectedFiles();
        if (!paths.isEmpty())
            settings.setValue(lastFolderKey, QFileInfo(paths.first()).absolutePath());
    }
    if (!paths.isEmpty())
        importFiles(paths);
}

bool ArticleImportController::importFiles(const QStringList &paths) {
    m_lastWarnings.clear();
    if (!m_window->session()->hasDataset() || paths.isEmpty() || refusedAsReadOnly())
        return false;
    // Ids and duplicates against the dataset with the batch's earlier articles in it: two
    // copies of one article in a batch come in once.
    Dataset working = m_window->session()->document()->dataset();
    QList<Article> added;
    QStringList failures;
    QStringList details;
    QStringList notes;
    QStringList warnings;
    int failedFiles = 0;
    for (const QString &path : paths) {
        const QString name = PrintableText::escaped(QFileInfo(path).fileName());
        ArticleImporter::Result result = ArticleImporter::importFile(path);
        if (!result.ok()) {
            ++failedFiles;
            const qsizetype before = failures.size();
            for (const Diagnostic &d : std::as_const(result.diagnostics)) {
                if (d.severity != Diagnostic::Severity::Error)
                    continue;
                failures.append(tr("%1: %2").arg(name, PrintableText::escaped(d.message)));
                details.append(PrintableText::escaped(d.toString()));
            }
            if (failures.size() == before)
                failures.append(tr("%1: could not be imported").arg(name));
            continue;
        }
        Article article = *result.article;
        const QString duplicate = ArticleImporter::duplicateOf(working, article.text);
        if (!duplicate.isEmpty()) {
            const Article *present = working.article(duplicate);
            notes.append(
                tr("%1 is already in the dataset as \"%2\": skipped")
                    .arg(name, PrintableText::oneLine(present ? present->title : duplicate)));
            continue;
        }
        article.id = ArticleImporter::newArticleId(working, article.title);
        working.articles.append(article);
        working.reindex();
        added.append(article);
        // Only an added article's: a skipped duplicate's guesses concern nothing kept.
        warnings += warningsOf(result.diagnostics, name);
    }
    if (!failures.isEmpty()) {
        const QString text = paths.size() == 1
                                 ? tr("The article could not be imported.")
                                 : tr("Nothing was imported: %1 of the %2 files could not be.")
                                       .arg(failedFiles)
                                       .arg(paths.size());
        report(true, text + u'\n' + failures.join(u'\n'), details.join(u'\n'));
        return false;
    }
    if (added.isEmpty()) {
        report(false, notes.join(u'\n'), QString());
        return false;
    }
    if (!add(added))
        return false;
    QString text = added.size() == 1
                       ? tr("Imported \"%1\"").arg(PrintableText::oneLine(added.first().title))
                       : tr("Imported %1 articles").arg(added.size());
    if (!notes.isEmpty())
        text += u'\n' + notes.join(u'\n');
    reportAdded(text, warnings);
    return true;
}

bool ArticleImportController::importMimeData(const QMimeData *data) {
    m_lastWarnings.clear();
    if (!m_window->session()->hasDataset() || !data || refusedAsReadOnly())
        return false;
    const QString name = tr("Pasted article");
    ArticleImporter::Result result;
    if (data->hasHtml())
        result = ArticleImporter::importBytes(data->html().toUtf8(), name);
    else if (data->hasText())
        result = ArticleImporter::importText(data->text(), name);
    else {
        report(true, tr("The clipboard holds no text to paste as an article."), QString());
        return false;
    }
    if (!result.ok()) {
        QStringList lines;
        for (const Diagnostic &d : std::as_const(result.diagnostics)) {
            if (d.severity == Diagnostic::Severity::Error)
                lines.append(PrintableText::escaped(d.message));
        }
        report(true,
               tr("The clipboard could not be pasted as an article.") + u'\n' + lines.join(u'\n'),
               QString());
        return false;
    }
    const Dataset &dataset = m_window->session()->document()->dataset();
    Article article = *result.article;
    const QString duplicate = ArticleImporter::duplicateOf(dataset, article.text);
    if (!duplicate.isEmpty()) {
        const Article *present = dataset.article(duplicate);
        report(false,
               tr("The pasted article is already in the dataset as \"%1\": skipped")
                   .arg(PrintableText::oneLine(present ? present->title : duplicate)),
               QString());
        return false;
    }
    article.id = ArticleImporter::newArticleId(dataset, article.title);
    if (!add({article}))
        return false;
    reportAdded(tr("Pasted \"%1\" as an article").arg(PrintableText::oneLine(article.title)),
                warningsOf(result.diagnostics, name));
    return true;
}

bool ArticleImportController::add(const QList<Article> &articles) {
    Document *document = m_window->session()->document();
    QUndoStack *stack = document->undoStack();
    const bool macro = articles.size() > 1;
    if (macro)
        stack->beginMacro(tr("Import %1 Articles").arg(articles.size()));
    QString refusal;
    for (const Article &article : articles) {
        const QString text = tr("Import \"%1\"").arg(PrintableText::oneLine(article.title));
        if (!document->push(new EditArticleCommand(document, article.id, article, text))) {
            refusal = document->lastError();
            break;
        }
    }
    if (macro)
        stack->endMacro();
    if (!refusal.isEmpty()) {
        // All or nothing: what the batch added so far is taken back.
        if (macro)
            stack->undo();
        report(true, tr("The articles could not be added: %1").arg(refusal), QString());
        return false;
    }
    // The Sources view shows the (first) new article, where its words can be selected.
    m_window->tabs()->setCurrentIndex(MainWindow::SourcesTab);
    m_window->sourcesView()->showArticle(articles.first().id);
    return true;
}

bool ArticleImportController::refusedAsReadOnly() {
    // A drop reaches here with no action to disable: it is told why, and nothing is added.
    const QString why = EditGate::refusal(*m_window->session()->document());
    if (!why.isEmpty())
        report(true, tr("The articles were not added. %1.").arg(why), QString());
    return !why.isEmpty();
}

bool ArticleImportController::editProperties(const QString &articleId) {
    if (refusedAsReadOnly())
        return false;
    Document *document = m_window->session()->document();
    const Article *article = document->dataset().article(articleId);
    if (!article) {
        report(true, tr("Show an article in the Sources view to edit its properties."), QString());
        return false;
    }
    ArticleMetadataDialog dialog(document->dataset(), *article, m_window);
    if (dialog.exec() != QDialog::Accepted || !dialog.isChanged())
        return false;
    const Article edited = dialog.article();
    if (!document->push(
            new EditArticleCommand(document, articleId, edited, tr("Edit Article Properties")))) {
        report(true, tr("The article could not be changed: %1").arg(document->lastError()),
               QString());
        return false;
    }
    return true;
}

void ArticleImportController::reportAdded(const QString &text, const QStringList &warnings) {
    if (warnings.isEmpty()) {
        report(false, text, QString());
        return;
    }
    // The first line goes to the status bar: it says there is something to check. The
    // report's dialog (interactive) lists every file's warnings together.
    const QString first = text.section(u'\n', 0, 0);
    const QString rest = text.section(u'\n', 1);
    QString full =
        warnings.size() == 1
            ? tr("%1, with a warning to check").arg(first)
            : tr("%1, with %2 warnings to check").arg(first, QString::number(warnings.size()));
    if (!rest.isEmpty())
        full += u'\n' + rest;
    full += u'\n' +
            tr("What the importer guessed or left out; check it in Edit → Article Properties…:") +
            u'\n' + warnings.join(u'\n');
    m_lastWarnings = warnings;
    report(false, full, QString());
    emit warningsReported(warnings);
}

void ArticleImportController::report(bool failed, const QString &text, const QString &details) {
    m_lastReport = text;
    m_window->statusBar()->showMessage(text.section(u'\n', 0, 0), 10000);
    // A success says so in the status bar; a failure, or a skipped duplicate, needs reading.
    if (!m_window->isInteractive() || (!failed && !text.contains(u'\n')))
        return;
    QMessageBox box(failed || !m_lastWarnings.isEmpty() ? QMessageBox::Warning
                                                        : QMessageBox::Information,
                    failed ? tr("Articles not imported") : tr("Articles imported"), QString(),
                    QMessageBox::Ok, m_window);
    box.setObjectName(QStringLiteral("importReportBox"));
    const QString first = text.section(u'\n', 0, 0);
    const QString rest = text.section(u'\n', 1);
    PlainText::messageBox(&box, first, rest, details);
    box.exec();
}

} // namespace ntl
