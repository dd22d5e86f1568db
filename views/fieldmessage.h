#pragma once

#include <QLabel>
#include <QString>

class QWidget;

namespace ntl {

// The line under an edit field that says why its value was refused: the reader's words,
// behind a warning sign, in the palette's error colour. Setting a message also frames the
// field in that colour and puts the message in its tooltip, so the refusal is seen where
// the value was typed and heard by a screen reader (accessible description).
class FieldMessage : public QLabel {
    Q_OBJECT
public:
    explicit FieldMessage(QWidget *field, QWidget *parent = nullptr);

    // Empty: the field is fine (frame, tooltip and line go).
    void setMessage(const QString &message);
    QString message() const { return m_message; }
    QWidget *field() const { return m_field; }

    // The field and its message line one above the other, for a form row.
    static QWidget *wrap(QWidget *field, FieldMessage **message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void restyle();

    QWidget *m_field;
    QString m_message;
    QString m_fieldToolTip;
    bool m_restyling = false;
};

} // namespace ntl
