#pragma once

#include "dataset.h"

#include <QString>

#include <optional>

namespace ntl {

// The few format rules an edit must keep, in words close to the reader's (datasetreader.cpp).
// Each returns an empty string when the rule holds, else the message that refuses the edit.
// To be replaced by the shared validator over in-memory data (issue 15, item 3).
namespace EditCheck {

QString eventDate(const QString &eventId, const EventDate &date);
// Every id the event names (participants, passages, claims, the date's anchor) exists.
QString eventReferences(const Dataset &dataset, const Event &event);
// Every rule on one event: the title, the date, the references.
QString event(const Dataset &dataset, const Event &event);
// `id` is a usable new event id: not empty and not yet used.
QString newEventId(const Dataset &dataset, const QString &id);

QString actor(const Dataset &dataset, const Actor &actor);
QString newId(const QString &what, const QString &id, bool used);

} // namespace EditCheck
} // namespace ntl

namespace ntl::EditCheck {
// Refusals of an add (no `before`), an edit or a remove (no `after`) of one item.
QString sideChange(const Dataset &dataset, const std::optional<Side> &before,
                   const std::optional<Side> &after);
QString actorChange(const Dataset &dataset, const std::optional<Actor> &before,
                    const std::optional<Actor> &after);
QString articleChange(const Dataset &dataset, const std::optional<Article> &before,
                      const std::optional<Article> &after);
} // namespace ntl::EditCheck
