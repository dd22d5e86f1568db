#include "articlemetadatadialog.h"

#include "editcheck.h"
#include "fieldmark.h"
#include "plaintext.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

#include <functional>

namespace ntl {

ArticleMetadataDialog::ArticleMetadataDialog(const Dataset &dataset, const Article &article,
                                             QWidget *parent)
    : QDialog(parent)
    , m_dataset(dataset)
    , m_article(article)
    , m_title(new QLineEdit(article.title))
    , m_titleError(FieldMark::errorLabel(QStringLiteral("titleError")))
    , m_publisher(new QLineEdit(article.publisher))
    , m_publisherError(FieldMark::errorLabel(QStringLiteral("publisherError")))
    , m_url(new QLineEdit(article.url))
    , m_urlError(FieldMark::errorLabel(QStringLiteral("urlError")))
    , m_published(new QDateEdit)
    , m_basis(new QComboBox)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel)) {
    setObjectName(QStringLiteral("articleMetadataDialog"));
    setWindowTitle(tr("Article Properties"));
    m_title->setObjectName(QStringLiteral("titleEdit"));
    m_publisher->setObjectName(QStringLiteral("publisherEdit"));
    m_publisher->setPlaceholderText(tr("Unknown"));
    m_url->setObjectName(QStringLiteral("urlEdit"));
    m_url->setPlaceholderText(tr("https://…"));
    m_published->setObjectName(QStringLiteral("publishedEdit"));
    // The file's form, in years it can write (1 to 9999).
    m_published->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_published->setDateRange(QDate(1, 1, 1), QDate(9999, 12, 31));
    m_published->setCalendarPopup(true);
    m_published->setDate(article.published.isValid() ? article.published : QDate::currentDate());
    m_basis->setObjectName(QStringLiteral("basisBox"));
    m_basis->addItem(tr("Stated (the article or its page gives it)"), false);
    m_basis->addItem(tr("Inferred (worked out, e.g. from the reports' tense)"), true);
    m_basis->setCurrentIndex(article.publishedInferred ? 1 : 0);
    m_title->setAccessibleName(tr("Title"));
    m_publisher->setAccessibleName(tr("Publisher"));
    m_url->setAccessibleName(tr("Address (URL)"));
    m_published->setAccessibleName(tr("Published"));
    m_basis->setAccessibleName(tr("Published date is"));

    // The id says which article this is, as the Problems panel and messages name it.
    auto *heading = PlainText::label(tr("Article %1").arg(article.id));
    heading->setForegroundRole(QPalette::PlaceholderText);
    auto *form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(QString(), m_titleError);
    form->addRow(tr("&Publisher:"), m_publisher);
    form->addRow(QString(), m_publisherError);
    form->addRow(tr("&URL:"), m_url);
    form->addRow(QString(), m_urlError);
    form->addRow(tr("P&ublished:"), m_published);
    form->addRow(tr("&Date is:"), m_basis);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_title, m_publisher, m_url})
        connect(edit, &QLineEdit::textChanged, this, &ArticleMetadataDialog::validate);
    validate();
    resize(520, sizeHint().height());
}

Article ArticleMetadataDialog::article() const {
    Article article = m_article;
    article.title = m_title->text().trimmed();
    article.publisher = m_publisher->text().trimmed();
    article.url = m_url->text().trimmed();
    article.published = m_published->date();
    article.publishedInferred = m_basis->currentData().toBool();
    return article;
}

bool ArticleMetadataDialog::isChanged() const {
    const Article now = article();
    return now.title != m_article.title || now.publisher != m_article.publisher ||
           now.url != m_article.url || now.published != m_article.published ||
           now.publishedInferred != m_article.publishedInferred;
}

QString ArticleMetadataDialog::urlProblem(const QString &url) {
    if (url.isEmpty())
        return {};
    const QUrl parsed(url, QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    if (!parsed.isValid() || (scheme != u"http" && scheme != u"https") || parsed.host().isEmpty())
        return tr("url: expected an http:// or https:// address, found \"%1\"").arg(url);
    return {};
}

QString ArticleMetadataDialog::titleMessage() const {
    return m_titleError->text();
}

QString ArticleMetadataDialog::publisherMessage() const {
    return m_publisherError->text();
}

QString ArticleMetadataDialog::urlMessage() const {
    return m_urlError->text();
}

void ArticleMetadataDialog::validate() {
    // Each field on its own, so that its message stands beside it: the reader's check of the
    // article with only that field as edited.
    const auto check = [this](const std::function<void(Article &)> &edit) {
        Article probe = m_article;
        edit(probe);
        return EditCheck::articleChange(m_dataset, m_article, probe);
    };
    const Article edited = article();
    const QString title = check([&](Article &a) { a.title = edited.title; });
    const QString publisher = check([&](Article &a) { a.publisher = edited.publisher; });
    QString url = check([&](Article &a) { a.url = edited.url; });
    if (url.isEmpty())
        url = urlProblem(edited.url);
    FieldMark::mark(m_title, m_titleError, title);
    FieldMark::mark(m_publisher, m_publisherError, publisher);
    FieldMark::mark(m_url, m_urlError, url);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(title.isEmpty() && publisher.isEmpty() && url.isEmpty());
}

QPushButton *ArticleMetadataDialog::okButton() const {
    return m_buttons->button(QDialogButtonBox::Ok);
}

} // namespace ntl
