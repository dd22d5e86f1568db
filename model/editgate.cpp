#include "editgate.h"

#include <QCoreApplication>

namespace ntl {

QString EditGate::refusal(const Document &document) {
    if (document.isOpenedReadOnly())
        return QCoreApplication::translate(
            "ntl::EditGate",
            "This file is open read-only (another window is editing it): save a copy to edit it");
    if (document.isReadOnly())
        return QCoreApplication::translate(
            "ntl::EditGate", "The built-in dataset is read-only: save a copy to edit it");
    return {};
}

QString EditGate::firstReason(std::initializer_list<QString> reasons) {
    for (const QString &reason : reasons) {
        if (!reason.isEmpty())
            return reason;
    }
    return {};
}

} // namespace ntl
