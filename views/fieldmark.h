#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace ntl {

// A field whose value would not load is marked where it is: the reader's message in a label
// under it (plain text, it quotes what was typed), the same as the field's tooltip and
// accessible description, and the property "invalid" for styles and tests.
namespace FieldMark {

// The label under a field, hidden while there is nothing to say.
QLabel *errorLabel(const QString &objectName);
// Shows `message` at `field` (an empty message clears the mark).
void mark(QWidget *field, QLabel *label, const QString &message);

} // namespace FieldMark

} // namespace ntl
