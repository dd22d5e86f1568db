#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace ntl {

// The bar above the views while the document is looked at, not edited (EditGate): the
// built-in example dataset, or a file another window is editing. It says so and offers the
// way out, Edit a Copy… (Save As, after which the copy takes edits). Keyboard: Alt+Y, and
// the button is in the tab order.
class ReadOnlyBar : public QFrame {
    Q_OBJECT
public:
    explicit ReadOnlyBar(QWidget *parent = nullptr);

    // Shows the bar with `text` ("This is the built-in example dataset (read-only)."), or
    // hides it when `text` is empty.
    void setText(const QString &text);
    QString text() const;
    QPushButton *editCopyButton() const { return m_button; }

signals:
    void editCopyRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateColors();

    QLabel *m_label;
    QPushButton *m_button;
    bool m_tinting = false;
};

} // namespace ntl
