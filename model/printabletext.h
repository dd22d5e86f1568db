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

} // namespace PrintableText

} // namespace ntl
