#pragma once

#include "editcheck.h"
#include "edititemcommand.h"

namespace ntl {

// Adds (an id not yet used), edits or removes (no value) one article.
using EditArticleCommand = EditItemCommand<Article, &Dataset::articles, Document::Part::Articles,
                                           &EditCheck::articleChange>;

} // namespace ntl
