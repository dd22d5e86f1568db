#pragma once

#include "dataset.h"

namespace ntl {

// A passage made from words selected in an article, anchored exactly as the reader
// anchors it (docs/format.md, section 9): the selected text, up to 32 code points of
// context either side, code-point offsets for the file and UTF-16 ones for the views.
class SelectionPassage {
public:
    static constexpr int ContextLength = 32; // code points, as Hypothesis stores them

    // The selection [start, end) (UTF-16 indices into article.text) without white space at
    // either end and never splitting a surrogate pair; start == end when nothing is left.
    static void trim(QStringView text, int *start, int *end);
    // The passage of the (trimmed) selection; an empty `exact` when nothing is selected.
    static SourcePassage make(const Article &article, int start, int end);
};

} // namespace ntl
