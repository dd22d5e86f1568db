#pragma once

#include "dataset.h"

#include <QLocale>
#include <QString>
#include <QStringList>

namespace ntl {

// One event as the Chronicle view and its exports (PDF, PNG, Markdown, HTML) write it, so
// that every form says the same words. Every string is the dataset's own text, unescaped:
// each writer escapes for its format and draws it as plain text.
struct ChronicleEntry {
    QString eventId;
    QString dateText; // "Sun 23 Nov 2025 · planned": the date as a person says it
    QString title;
    QString summary;
    QStringList sideIds; // the participants' sides, in the dataset's side order
    QStringList sideNames;
    QStringList participants; // "Steve Witkoff (mediator)", in the event's order
    int articleCount = 0;     // distinct articles citing the event…
    int articleTotal = 0;     // …of the dataset's articles
    QString reportedBy;       // "reported by 2 of 5 articles"
    bool hasDisagreement = false;
    QStringList disagreementTopics;
    QString firstQuote; // the first passage's exact words; empty when unsourced
    QString firstQuoteArticleId;
    QString firstQuoteArticleTitle;

    static ChronicleEntry of(const Dataset &dataset, const Event &event,
                             const QLocale &locale = QLocale());
    // "mediator", "host", …; empty for a party (the default role says nothing).
    static QString roleName(ParticipantRole role);
};

} // namespace ntl
