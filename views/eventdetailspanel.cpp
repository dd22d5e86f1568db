#include "eventdetailspanel.h"
// Stub: being implemented.
namespace ntl {
EventDetailsPanel::EventDetailsPanel(EventModel *, EventFilterModel *, QItemSelectionModel *, QWidget *parent) : QWidget(parent) {}
QString EventDetailsPanel::currentEventId() const { return {}; }
QString EventDetailsPanel::citation(int) const { return {}; }
}
