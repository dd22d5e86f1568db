#include "savefilecommit.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace ntl {

bool commitFully(QSaveFile &file, QString *reason)
{
    const qint64 written = file.pos();
    if (!file.flush() || file.size() != written) {
        if (reason) {
            *reason = file.error() != QFileDevice::NoError
                          ? file.errorString()
                          : QCoreApplication::translate("SaveFile", "only %1 of %2 bytes reached the disk (is it full?)")
                                .arg(file.size())
                                .arg(written);
        }
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        if (reason)
            *reason = file.errorString();
        return false;
    }
    return true;
}

} // namespace ntl
