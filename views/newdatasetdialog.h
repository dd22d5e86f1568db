#pragma once

#include "dataset.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace ntl {

// File → New: the new dataset's title and its sides (the timeline's lanes), in order. A
// side's colour is the side palette's colour for its place in the list unless Colour… gave
// it one of its own (stored in the file), so reordering recolours only sides without. OK is
// enabled only when the values would load: each field says what is wrong in the reader's
// words. Sides may be left out: the format allows none, and they can be added later.
class NewDatasetDialog : public QDialog {
    Q_OBJECT
public:
    explicit NewDatasetDialog(QWidget *parent = nullptr);

    QString datasetTitle() const;
    // The sides with ids made from their names (see sideId).
    QList<Side> sides() const;

    // The dataset's convention for ids (idWords): the name's words in lower case, joined by
    // hyphens ("European Union" → "european-union"); "side" for a name with none; made
    // unique among `taken` with "-2", "-3"…
    static QString sideId(const QString &name, const QStringList &taken);

    QLineEdit *titleEdit() const { return m_title; }
    QLineEdit *sideNameEdit() const { return m_sideName; }
    QListWidget *sideList() const { return m_sides; }
    QPushButton *addSideButton() const { return m_add; }
    QPushButton *colorButton() const { return m_color; }
    // Gives the current side its own colour ("#rrggbb"; empty: its lane's).
    void setCurrentSideColor(const QString &color);
    QPushButton *okButton() const;
    QLabel *titleError() const { return m_titleError; }
    QLabel *sidesError() const { return m_sidesError; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void addSide();
    void removeSide();
    void moveSide(int by);
    void validate();
    void updateSwatches();
    void chooseColor();

    QLineEdit *m_title;
    QLabel *m_titleError;
    QListWidget *m_sides;
    QLineEdit *m_sideName;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_up;
    QPushButton *m_down;
    QPushButton *m_color;
    QLabel *m_sidesError;
    QDialogButtonBox *m_buttons;
};

} // namespace ntl
