#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTabWidget;

namespace ntl {

class Document;
class FieldMessage;

// Edit → Actors and Sides…: create, edit, merge and remove actors; add, rename, reorder and
// remove sides. Each action is one undoable step on the document (a field when it is left);
// a refusal is said under the field or list it concerns, in words, and nothing changes.
class ActorSidesDialog : public QDialog {
    Q_OBJECT
public:
    explicit ActorSidesDialog(Document *document, QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    // Shows the actor `actorId` selected in the Actors tab.
    void selectActor(const QString &actorId);

    bool newActor(const QString &name);
    bool mergeSelectedInto(const QString &intoId);
    bool removeSelectedActor();
    bool addSide(const QString &name);
    bool moveSelectedSide(int delta);
    bool removeSelectedSide();
    // Gives the selected side its own colour ("#rrggbb"; empty: back to its lane's colour),
    // one undoable step.
    bool recolorSelectedSide(const QString &color);
    // Opens a colour dialog (object name "sideColorDialog") on the selected side's colour.
    void chooseSideColor();

    // A new id made from `name` by idWords ("Ana Envoy" → "ana-envoy"), "-2", "-3"… when
    // taken; `fallback` for a name without letters or digits.
    static QString idFromName(const QString &name, const QStringList &taken,
                              const QString &fallback = QStringLiteral("item"));
    // Why actor `actorId` cannot be removed, in the user's terms; empty when it can.
    static QString actorRemovalRefusal(const Document &document, const QString &actorId);

private:
    void refreshActors();
    void refreshSides();
    void showActor();
    void showSide();
    QString selectedActorId() const;
    QString selectedSideId() const;
    void editActor(QWidget *at);
    void renameSide();

    Document *m_document;
    QTabWidget *m_tabs;
    bool m_updating = false;

    QLineEdit *m_actorFilter;
    QListWidget *m_actors;
    FieldMessage *m_actorsMessage = nullptr;
    QLineEdit *m_actorName;
    QLineEdit *m_actorTitle;
    QComboBox *m_actorKind;
    QComboBox *m_actorSide;
    QComboBox *m_actorAffiliation;
    FieldMessage *m_actorNameMessage = nullptr;
    QComboBox *m_mergeInto;
    QLabel *m_actorUsage;
    QPushButton *m_newActor;
    QPushButton *m_merge;
    QPushButton *m_removeActor;

    QListWidget *m_sides;
    FieldMessage *m_sidesMessage = nullptr;
    QLineEdit *m_sideName;
    FieldMessage *m_sideNameMessage = nullptr;
    QPushButton *m_addSide;
    QPushButton *m_sideUp;
    QPushButton *m_sideDown;
    QPushButton *m_removeSide;
    QPushButton *m_sideColor;
    QPushButton *m_sideColorReset;
};

} // namespace ntl
