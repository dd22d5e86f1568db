#include "formrows.h"

#include <QFontMetrics>
#include <QGridLayout>
#include <QLabel>
#include <QWidget>

#include <algorithm>

namespace ntl {

FormRows::FormRows(QWidget *parent)
    : m_grid(new QGridLayout(parent)) {
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setColumnStretch(1, 1);
}

void FormRows::addRow(const QString &label, QWidget *field) {
    m_rows.append({new QLabel(label), field});
    place(m_wrapped);
}

void FormRows::setRowVisible(QWidget *field, bool visible) {
    for (const Row &row : std::as_const(m_rows)) {
        if (row.field == field) {
            row.label->setVisible(visible);
            row.field->setVisible(visible);
        }
    }
    fit(); // the fields shown set the width the rows need
}

void FormRows::setWidth(int width) {
    m_width = width;
    fit();
}

bool FormRows::isWrapped() const {
    return m_wrapped;
}

void FormRows::fit() {
    if (m_width < 0)
        return;
    // Side by side, the label column is as wide as the widest label and the field column as its
    // widest field's minimum (a word-wrapped label's longest word): together past the width,
    // they would make the form wider than its page.
    int labels = 0;
    int fields = 0;
    for (const Row &row : std::as_const(m_rows)) {
        if (row.field->isHidden())
            continue;
        // In the regular font: wrapped, the labels are bold, and measuring them so would
        // make the choice depend on whether the panel was widened or narrowed.
        QFont regular = row.label->font();
        regular.setBold(false);
        labels = std::max(labels, QFontMetrics(regular).horizontalAdvance(row.label->text()));
        fields = std::max(fields, row.field->minimumSizeHint().width());
    }
    const bool wrapped = labels + m_grid->horizontalSpacing() + fields > m_width;
    if (wrapped != m_wrapped)
        place(wrapped);
}

void FormRows::place(bool wrapped) {
    m_wrapped = wrapped;
    for (const Row &row : std::as_const(m_rows)) {
        m_grid->removeWidget(row.label);
        m_grid->removeWidget(row.field);
    }
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &row = m_rows.at(i);
        // Above its field, a label in bold reads as the field's heading, not as more text.
        QFont font = row.label->font();
        font.setBold(wrapped);
        row.label->setFont(font);
        if (wrapped) {
            m_grid->addWidget(row.label, 2 * i, 0, 1, 2);
            m_grid->addWidget(row.field, 2 * i + 1, 0, 1, 2);
        } else {
            m_grid->addWidget(row.label, i, 0, Qt::AlignLeft | Qt::AlignTop);
            m_grid->addWidget(row.field, i, 1);
        }
    }
}

} // namespace ntl
