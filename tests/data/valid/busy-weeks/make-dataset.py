#!/usr/bin/env python3
"""Writes dataset.json beside this script: 120 events in three busy weeks, four sides, titles of
news length, a third of the events with two or three participants (so several lanes). The
timeline's legibility is measured on it (tests/exporttest.cpp). Run it again after changing
tests/data/valid/minimal.json: python3 tests/data/valid/busy-weeks/make-dataset.py"""
import datetime
import json
import os
import random

here = os.path.dirname(os.path.abspath(__file__))
random.seed(7)
base = json.load(open(os.path.join(here, "..", "minimal.json"), encoding="utf-8"))
sides = [{"id": s, "name": n} for s, n in [("north", "North"), ("south", "South"), ("mediators", "Mediators"), ("observers", "Observers")]]
actors = [{"id": f"a{i}", "name": f"Actor {i}", "kind": "person", "side": sides[i % 4]["id"], "affiliation": None, "title": None} for i in range(12)]
verbs = ["meets", "rejects", "proposes", "signs", "questions", "welcomes", "postpones", "announces", "criticises", "confirms"]
objects = ["the ceasefire draft", "a prisoner exchange", "talks on the border line", "the observers' report", "new sanctions",
           "a humanitarian corridor", "the next round in Vienna", "guarantees for the port", "an energy truce", "the joint statement"]
events = []
start = datetime.date(2030, 3, 2)
for i in range(120):
    day = start + datetime.timedelta(days=random.choice(range(21)))
    who = random.sample(range(12), random.choice([1, 1, 2, 3]))
    title = f"Actor {who[0]} {random.choice(verbs)} {random.choice(objects)}"
    if len(who) > 1 and random.random() < 0.5:
        title += f" after a call with Actor {who[1]}"
    events.append({"id": f"ev{i}", "title": title, "summary": "", "kind": "talks", "status": "occurred",
                   "date": {"start": day.isoformat(), "precision": "day", "basis": "stated"},
                   "participants": [{"actor": f"a{k}", "role": "party"} for k in who],
                   "sources": base["events"][0]["sources"]})
doc = dict(base)
doc.update(title="Three busy weeks (synthetic)", sides=sides, actors=actors, events=events)
with open(os.path.join(here, "dataset.json"), "w", encoding="utf-8") as f:
    json.dump(doc, f, indent=1, ensure_ascii=False)
