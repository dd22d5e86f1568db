#pragma once

#include "editcheck.h"
#include "edititemcommand.h"

namespace ntl {

// Adds (an id not yet used), edits or removes (no value) one actor.
using EditActorCommand =
    EditItemCommand<Actor, &Dataset::actors, Document::Part::Actors, &EditCheck::actorChange>;

} // namespace ntl
