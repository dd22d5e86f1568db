#pragma once

#include "editeventlistcommand.h"

namespace ntl {

// Sets an event's passages; Document::add/remove… push it with one item more or less.
using EditPassagesCommand =
    EditEventListCommand<SourcePassage, &Event::sources, EventField::Sources>;

} // namespace ntl
