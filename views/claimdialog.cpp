#include "claimdialog.h"

#include "plaintext.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace ntl {

namespace {
// Longer words are no "word or two": the user writes the gist instead.
constexpr int LongestPrefilledSays = 80;
} // namespace

ClaimDialog::ClaimDialog(const QStringList &topics, const QString &quote,
                         const QString &articleTitle, QWidget *parent)
    : QDialog(parent)
    , m_topicCount(int(topics.size()))
    , m_disagreements(new QComboBox)
    , m_topic(new QLineEdit)
    , m_says(new QLineEdit)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel)) {
    setWindowTitle(tr("Add Selection as Claim"));
    for (const QString &topic : topics)
        m_disagreements->addItem(topic);
    m_disagreements->addItem(tr("New disagreement…"));
    m_disagreements->setAccessibleName(tr("Disagreement"));
    m_topic->setPlaceholderText(tr("What the articles disagree about"));
    m_topic->setAccessibleName(tr("Topic"));
    m_says->setPlaceholderText(tr("In a word or two, e.g. \u201cat least 6\u201d"));
    m_says->setAccessibleName(tr("Says"));
    if (quote.size() <= LongestPrefilledSays)
        m_says->setText(quote);

    auto *quoteLabel = new QLabel;
    PlainText::label(QStringLiteral("\u201c%1\u201d").arg(quote), quoteLabel);
    quoteLabel->setWordWrap(true);
    quoteLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *articleLabel = new QLabel;
    PlainText::label(articleTitle, articleLabel);
    articleLabel->setWordWrap(true);

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Disagreement:"), m_disagreements);
    form->addRow(tr("&Topic:"), m_topic);
    form->addRow(tr("Quoted words:"), quoteLabel);
    form->addRow(tr("Article:"), articleLabel);
    form->addRow(tr("&Says:"), m_says);
    form->addRow(m_buttons);
    setMinimumWidth(540); // the quoted words and the claim read whole at 1024×768

    connect(m_disagreements, &QComboBox::currentIndexChanged, this, &ClaimDialog::update);
    connect(m_topic, &QLineEdit::textChanged, this, &ClaimDialog::update);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    update();
}

int ClaimDialog::disagreementIndex() const {
    const int index = m_disagreements->currentIndex();
    return index < m_topicCount ? index : -1;
}

QString ClaimDialog::topic() const {
    return disagreementIndex() < 0 ? m_topic->text().trimmed() : m_disagreements->currentText();
}

QString ClaimDialog::says() const {
    return m_says->text().trimmed();
}

void ClaimDialog::update() {
    const bool isNew = disagreementIndex() < 0;
    m_topic->setEnabled(isNew);
    // A disagreement needs a topic (the reader refuses an empty one).
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(!isNew || !m_topic->text().trimmed().isEmpty());
    ok->setToolTip(ok->isEnabled() ? QString() : tr("Name the new disagreement's topic"));
}

} // namespace ntl
