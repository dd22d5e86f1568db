#pragma once

#include "editeventlistcommand.h"

namespace ntl {

// Sets an event's disagreements; Document::add/remove… push it with one item more or less.
using EditDisagreementsCommand =
    EditEventListCommand<Disagreement, &Event::disagreements, EventField::Disagreements>;

} // namespace ntl
