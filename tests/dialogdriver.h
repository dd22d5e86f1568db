#pragma once

#include <QApplication>
#include <QDialog>
#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <memory>

// Drives a modal dialog the code under test opens with exec(): waits (in the dialog's own
// event loop) for the active modal dialog that `matches`, then runs `fill` on it, which
// types into its real fields and clicks its buttons. `*seen` says whether it came at all; a
// dialog that never comes is given up after a few seconds, and one `fill` leaves open is
// rejected, so a test fails, never hangs.
inline void whenModal(std::function<bool(QDialog *)> matches, std::function<void(QDialog *)> fill,
                      bool *seen = nullptr) {
    auto *poll = new QTimer;
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    if (seen)
        *seen = false;
    QObject::connect(poll, &QTimer::timeout, poll, [poll, clock, matches, fill, seen] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (dialog && matches(dialog)) {
            poll->stop();
            poll->deleteLater();
            if (seen)
                *seen = true;
            const QPointer<QDialog> shown(dialog);
            fill(dialog);
            // A fill that failed part-way (a QVERIFY returned) would leave the test waiting.
            if (shown && shown->isVisible())
                shown->reject();
        } else if (clock->elapsed() > 5000) {
            poll->stop();
            poll->deleteLater();
            if (QWidget *other = QApplication::activeModalWidget())
                other->close(); // not the one expected: let the test go on and fail
        }
    });
    poll->start(10);
}

// The same for the dialog named `objectName`.
inline void whenDialog(const QString &objectName, std::function<void(QDialog *)> fill,
                       bool *seen = nullptr) {
    whenModal([objectName](QDialog *dialog) { return dialog->objectName() == objectName; },
              std::move(fill), seen);
}
