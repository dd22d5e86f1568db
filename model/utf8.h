#pragma once

#include <QByteArray>

namespace ntl {

// The byte offset of the first byte that is not part of well-formed UTF-8 (RFC 3629: no
// overlong forms, no surrogates, nothing past U+10FFFF, no sequence cut short at the
// end), or -1 when all of `bytes` is well-formed.
qsizetype invalidUtf8At(const QByteArray &bytes);

} // namespace ntl
