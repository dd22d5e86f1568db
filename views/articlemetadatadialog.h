#pragma once

#include "dataset.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ntl {

// Edit → Article Properties…: what an article says of itself (title, publisher, URL, the
// published date and whether it is stated or inferred). Its text is not edited here: the
// passages are anchored into it. Each field is checked as the reader checks it, and marked
// with the reader's message; OK is enabled only when all would load.
class ArticleMetadataDialog : public QDialog {
    Q_OBJECT
public:
    // `dataset` is the one `article` belongs to (for the checks); both are copied.
    ArticleMetadataDialog(const Dataset &dataset, const Article &article,
                          QWidget *parent = nullptr);

    // The article with the fields as edited (values trimmed; an empty publisher or URL
    // is "none").
    Article article() const;
    bool isChanged() const;

    // An address the window can open: http or https with a host. Other schemes (file:,
    // javascript:) are refused, so a link in the app never runs or opens a local file.
    static QString urlProblem(const QString &url);

    QLineEdit *titleEdit() const { return m_title; }
    QLineEdit *publisherEdit() const { return m_publisher; }
    QLineEdit *urlEdit() const { return m_url; }
    QDateEdit *publishedEdit() const { return m_published; }
    QComboBox *basisBox() const { return m_basis; }
    QPushButton *okButton() const;
    // The message at each field ("" when it is fine).
    QString titleMessage() const;
    QString publisherMessage() const;
    QString urlMessage() const;

private:
    void validate();

    Dataset m_dataset;
    Article m_article;
    QLineEdit *m_title;
    QLabel *m_titleError;
    QLineEdit *m_publisher;
    QLabel *m_publisherError;
    QLineEdit *m_url;
    QLabel *m_urlError;
    QDateEdit *m_published;
    QComboBox *m_basis;
    QDialogButtonBox *m_buttons;
};

} // namespace ntl
