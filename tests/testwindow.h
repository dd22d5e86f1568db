#pragma once

#include "eventfiltermodel.h"
#include "mainwindow.h"
#include "testfiles.h"

#include <QCoreApplication>
#include <QItemSelectionModel>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>
#include <QString>

// What every test of the main window shares: settings of its own (never the user's) and the
// shipped dataset.

// Settings, recent files and export choices go to a test location named after the test,
// emptied first; dates read in British English whatever the machine's locale.
inline void useTestSettings(const char *testName)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("NegotiationTimelineTest"));
    QCoreApplication::setApplicationName(QString::fromUtf8(testName));
    QSettings().clear();
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

// Lets the window's deferred work run (layouts, recording a navigation step, a refresh).
inline void settleEvents()
{
    for (int i = 0; i < 4; ++i)
        QCoreApplication::processEvents();
}

// Makes row `row` of the shown (filtered) events the current and only selected one, as a
// click would, and lets the window follow.
inline void selectShownRow(ntl::MainWindow *window, int row)
{
    window->selectionModel()->setCurrentIndex(window->filterModel()->index(row, 0),
                                              QItemSelectionModel::ClearAndSelect |
                                                  QItemSelectionModel::Rows);
    settleEvents();
}
