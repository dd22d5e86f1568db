#pragma once

#include "editcheck.h"
#include "edititemcommand.h"

namespace ntl {

// Adds (an id not yet used), edits or removes (no value) one side.
using EditSideCommand =
    EditItemCommand<Side, &Dataset::sides, Document::Part::Sides, &EditCheck::sideChange>;

} // namespace ntl
