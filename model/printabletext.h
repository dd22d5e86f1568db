#pragma once

#include <QString>
#include <QStringView>

namespace ntl {

// Text from a dataset or a file name, made safe to print: a terminal obeys escape
// sequences, a newline can forge a line that looks like our own output, and bidi
// overrides reorder what the reader sees. Such characters are written as JSON-style
// escapes (\n, \t, \u001b …), so the message shows exactly what the data holds.
namespace PrintableText {

// True for a UTF-16 unit that must not reach a terminal or a label as is: C0 and C1
// controls, DEL, U+2028/U+2029, bidi embeddings, overrides and isolates.
// (Lone surrogates depend on their neighbours: escaped() handles them.)
bool isUnsafe(char16_t unit);
// `text` with every unsafe character and every lone surrogate escaped; a backslash
// stays as is. Text with nothing to escape comes back unchanged.
QString escaped(QStringView text);

// `text` made safe to draw on one line (an export's title, subtitle or footer, a PDF's
// title, a status bar label), where an escape would be noise: line and paragraph breaks
// and tabs (\n \r \t \v \f, U+0085, U+2028, U+2029) become a space; other C0/C1 controls,
// DEL and lone surrogates become U+FFFD; bidi embeddings, overrides, isolates and marks
// (U+202A–202E, U+2066–2069, U+200E, U+200F, U+061C) and U+FEFF are removed, so the text is
// drawn in its stored order.
QString oneLine(QStringView text);

} // namespace PrintableText

} // namespace ntl
