#pragma once

#include "editeventlistcommand.h"

namespace ntl {

// Sets an event's participants; Document::add/remove… push it with one item more or less.
using EditParticipantsCommand =
    EditEventListCommand<Participant, &Event::participants, EventField::Participants>;

} // namespace ntl
