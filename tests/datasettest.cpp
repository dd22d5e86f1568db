#include "dataset.h"

#include <QTest>

using namespace ntl;

class DatasetTest : public QObject
{
    Q_OBJECT
private slots:
    void enumNamesRoundTrip();
    void unknownEnumNamesAreRejected();
    void effectiveSideFollowsAffiliation();
    void affiliationCycleEndsWithoutSide();
    void eventSidesFollowTheDatasetOrder();
    void lookupsFindById();
    void holdsEventsAtChecksTheRemovedRange();
};

void DatasetTest::enumNamesRoundTrip()
{
    for (auto p : {DatePrecision::Day, DatePrecision::Days, DatePrecision::Week, DatePrecision::Month,
                   DatePrecision::Year, DatePrecision::Unknown})
        QCOMPARE(datePrecisionFromString(jsonName(p)), p);
    for (auto s : {EventStatus::Occurred, EventStatus::Planned, EventStatus::Reported, EventStatus::Cancelled})
        QCOMPARE(eventStatusFromString(jsonName(s)), s);
    for (auto r : {ParticipantRole::Party, ParticipantRole::Mediator, ParticipantRole::Host,
                   ParticipantRole::Speaker, ParticipantRole::Target, ParticipantRole::Mentioned})
        QCOMPARE(participantRoleFromString(jsonName(r)), r);
    QCOMPARE(jsonName(ActorKind::Organisation), QStringLiteral("organisation"));
    QCOMPARE(jsonName(DateBasis::External), QStringLiteral("external"));
}

void DatasetTest::unknownEnumNamesAreRejected()
{
    QVERIFY(!datePrecisionFromString(QStringLiteral("Day")));
    QVERIFY(!eventStatusFromString(QStringLiteral("happened")));
    QVERIFY(!actorKindFromString(QString()));
}

static Dataset sample()
{
    Dataset d;
    d.sides = {{QStringLiteral("b"), QStringLiteral("Bee")}, {QStringLiteral("a"), QStringLiteral("Ay")}};
    d.actors = {{QStringLiteral("state-a"), QStringLiteral("A"), ActorKind::Country, QStringLiteral("a"), {}, {}},
                {QStringLiteral("envoy"), QStringLiteral("Envoy"), ActorKind::Person, {}, QStringLiteral("state-a"), {}},
                {QStringLiteral("state-b"), QStringLiteral("B"), ActorKind::Country, QStringLiteral("b"), {}, {}},
                {QStringLiteral("loner"), QStringLiteral("Loner"), ActorKind::Person, {}, {}, {}}};
    d.reindex();
    return d;
}

void DatasetTest::effectiveSideFollowsAffiliation()
{
    const Dataset d = sample();
    QCOMPARE(d.effectiveSideId(QStringLiteral("envoy")), QStringLiteral("a"));
    QCOMPARE(d.effectiveSideId(QStringLiteral("state-b")), QStringLiteral("b"));
    QCOMPARE(d.effectiveSideId(QStringLiteral("loner")), QString());
    QCOMPARE(d.effectiveSideId(QStringLiteral("nobody")), QString());
}

void DatasetTest::affiliationCycleEndsWithoutSide()
{
    Dataset d;
    d.actors = {{QStringLiteral("x"), QStringLiteral("X"), ActorKind::Person, {}, QStringLiteral("y"), {}},
                {QStringLiteral("y"), QStringLiteral("Y"), ActorKind::Person, {}, QStringLiteral("x"), {}}};
    d.reindex();
    QCOMPARE(d.effectiveSideId(QStringLiteral("x")), QString());
}

void DatasetTest::eventSidesFollowTheDatasetOrder()
{
    const Dataset d = sample();
    Event e;
    e.participants = {{QStringLiteral("envoy"), ParticipantRole::Party},
                      {QStringLiteral("state-b"), ParticipantRole::Party},
                      {QStringLiteral("state-a"), ParticipantRole::Speaker},
                      {QStringLiteral("loner"), ParticipantRole::Mentioned}};
    QCOMPARE(d.eventSideIds(e), (QStringList{QStringLiteral("b"), QStringLiteral("a")}));
}

void DatasetTest::lookupsFindById()
{
    const Dataset d = sample();
    QCOMPARE(d.actor(QStringLiteral("state-b"))->name, QStringLiteral("B"));
    QCOMPARE(d.side(QStringLiteral("a"))->name, QStringLiteral("Ay"));
    QCOMPARE(d.sideIndex(QStringLiteral("a")), 1);
    QVERIFY(!d.article(QStringLiteral("a")));
}

void DatasetTest::holdsEventsAtChecksTheRemovedRange()
{
    Dataset d;
    for (const char *id : {"e0", "e1", "e2", "e3"}) {
        Event event;
        event.id = QString::fromLatin1(id);
        d.events.append(event);
    }
    const auto ids = [](std::initializer_list<const char *> names) {
        QStringList list;
        for (const char *name : names)
            list.append(QString::fromLatin1(name));
        return list;
    };
    QVERIFY(d.holdsEventsAt(1, ids({"e1", "e2"})));
    QVERIFY(d.holdsEventsAt(0, ids({"e0"})));
    QVERIFY(d.holdsEventsAt(3, ids({"e3"})));
    QVERIFY(!d.holdsEventsAt(1, ids({"e2", "e3"}))); // shifted
    QVERIFY(!d.holdsEventsAt(2, ids({"e2", "e3", "e4"}))); // past the end
    QVERIFY(!d.holdsEventsAt(-1, ids({"e0"})));
    QVERIFY(!d.holdsEventsAt(0, {}));
}

QTEST_GUILESS_MAIN(DatasetTest)
#include "datasettest.moc"
