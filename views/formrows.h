#pragma once

#include <QList>
#include <QString>

class QGridLayout;
class QLabel;
class QWidget;

namespace ntl {

// Labelled rows on a grid: each label beside its field while the width allows, above it when
// it does not. QFormLayout's WrapLongRows does this, but in Qt 6.4 a row hidden with
// setRowVisible keeps the place it had in an earlier layout and, when a row above it has
// wrapped, gives that place no height: the wrapped field showed empty.
class FormRows {
public:
    explicit FormRows(QWidget *parent);

    void addRow(const QString &label, QWidget *field);
    // Hides or shows the row's label and field; a hidden row takes no room.
    void setRowVisible(QWidget *field, bool visible);
    // The width the rows have: wraps them when a label and its field do not fit side by side.
    void setWidth(int width);
    bool isWrapped() const;

private:
    struct Row {
        QLabel *label;
        QWidget *field;
    };
    void fit();
    void place(bool wrapped);

    QGridLayout *m_grid;
    QList<Row> m_rows;
    int m_width = -1;
    bool m_wrapped = false;
};

} // namespace ntl
