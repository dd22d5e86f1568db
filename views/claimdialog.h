#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;

namespace ntl {

// "Add Selection as Claim…": which of the event's disagreements the selected words speak to
// (or a new one, by its topic) and what they say, in a word or two. The quoted words and
// their article are shown, not edited: a claim's words must occur in its article.
class ClaimDialog : public QDialog {
    Q_OBJECT
public:
    ClaimDialog(const QStringList &topics, const QString &quote, const QString &articleTitle,
                QWidget *parent = nullptr);

    // The chosen disagreement's index in `topics`, or -1 for a new one named topic().
    int disagreementIndex() const;
    QString topic() const;
    QString says() const;

    QComboBox *disagreementBox() const { return m_disagreements; }
    QLineEdit *topicEdit() const { return m_topic; }
    QLineEdit *saysEdit() const { return m_says; }

private:
    void update();

    int m_topicCount;
    QComboBox *m_disagreements;
    QLineEdit *m_topic;
    QLineEdit *m_says;
    QDialogButtonBox *m_buttons;
};

} // namespace ntl
