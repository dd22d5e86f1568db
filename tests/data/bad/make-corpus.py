#!/usr/bin/env python3
"""Writes the hostile-input corpus next to this script from tests/data/valid/minimal.json.
Each file breaks one thing; tests/corpustest.cpp states the exact outcome of each.
Run it again after changing the fixture: python3 tests/data/bad/make-corpus.py"""
import copy
import json
import os

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "..", "valid", "minimal.json"), encoding="utf-8") as f:
    base = json.load(f)


def dump(value):
    return json.dumps(value, indent=2, ensure_ascii=False)


def write_text(name, text):
    with open(os.path.join(here, name), "w", encoding="utf-8", newline="") as f:
        f.write(text)


def write_bytes(name, data):
    with open(os.path.join(here, name), "wb") as f:
        f.write(data)


def mutated(name, change):
    doc = copy.deepcopy(base)
    change(doc)
    write_text(name, dump(doc) + "\n")


valid = dump(base)

# Syntax and encoding
write_text("syntax-missing-comma.json", valid.replace('"version": 1,', '"version": 1', 1))
write_text("syntax-trailing-comma.json", valid.replace('"offsetUnit": "codepoint",', '"offsetUnit": "codepoint",,', 1))
write_text("syntax-single-quotes.json", valid.replace('"title": "Lakeside talks (test fixture)"', "'title': 'Lakeside talks'", 1))
write_text("syntax-comment.json", valid.replace("{\n", "{\n  // a comment\n", 1))
write_text("truncated-in-string.json", valid[: valid.index("Lakeside talks open") + 8])
write_text("truncated-in-array.json", valid[: valid.index('"actors"') + 40])
write_text("truncated-after-key.json", valid[: valid.index('"events"') + 9])
write_text("empty.json", "")
write_text("only-whitespace.json", " \n\t\n")
write_text("not-an-object.json", "[1, 2, 3]\n")
write_bytes("bom.json", b"\xef\xbb\xbf" + valid.encode("utf-8"))
write_bytes("invalid-utf8.json", valid.encode("utf-8").replace("Lakeside talks (test fixture)".encode(), b"Lakeside \xff\xfe talks", 1))
write_bytes("nul-byte.json", valid.encode("utf-8").replace(b"Lakeside talks (test fixture)", b"Lakeside\x00talks", 1))
write_text("deep-nesting.json", "[" * 100000 + "]" * 100000)

# Format and version
mutated("wrong-format.json", lambda d: d.update(format="gantt-chart"))
mutated("wrong-version.json", lambda d: d.update(version=2))
mutated("version-string.json", lambda d: d.update(version="1"))
mutated("missing-events.json", lambda d: d.pop("events"))
mutated("missing-sides.json", lambda d: d.pop("sides"))

# Types
mutated("sides-as-object.json", lambda d: d.update(sides={"north": "North"}))
mutated("event-title-number.json", lambda d: d["events"][0].update(title=42))
mutated("participants-as-string.json", lambda d: d["events"][1].update(participants="league"))
mutated("date-as-string.json", lambda d: d["events"][2].update(date="next week"))
mutated("event-missing-title.json", lambda d: d["events"][1].pop("title"))
mutated("actor-null.json", lambda d: d["actors"].append(None))

# Identity and references
mutated("duplicate-event-ids.json", lambda d: d["events"][2].update(id="ev-talks"))
mutated("duplicate-actor-ids.json", lambda d: d["actors"].append(dict(d["actors"][2], name="Another South")))
mutated("dangling-actor.json", lambda d: d["events"][0]["participants"][0].update(actor="ghost"))
mutated("dangling-side.json", lambda d: d["actors"][2].update(side="west"))
mutated("dangling-article.json", lambda d: d["events"][2]["sources"][0].update(article="art-z"))
mutated("dangling-anchor.json", lambda d: d["events"][2]["date"].update(anchor="art-z"))

# Dates
mutated("date-february-30.json", lambda d: d["events"][0]["date"].update(start="2030-02-30"))
mutated("date-year-99999.json", lambda d: d["events"][0]["date"].update(start="99999-01-01"))
mutated("date-empty.json", lambda d: d["events"][1]["date"].update(start=""))
mutated("end-before-start.json", lambda d: d["events"][2]["date"].update(end="2030-03-10"))

# Offsets and passages
mutated("offset-negative.json", lambda d: d["events"][1]["sources"][0].update(start=-5))
mutated("offsets-reversed.json", lambda d: d["events"][2]["sources"][0].update(end=10))
mutated("offset-beyond-text.json", lambda d: d["events"][2]["sources"][0].update(start=5000, end=5040))
mutated("offset-beyond-2-53.json", lambda d: d["events"][2]["sources"][0].update(end=2 ** 60))
mutated("exact-absent.json", lambda d: d["events"][2]["sources"][0].update(exact="A ceasefire was signed at midnight in the palace."))


def drift(d):
    source = d["events"][2]["sources"][0]
    source.update(start=source["start"] - 7, end=source["end"] - 7)


mutated("drifted-offsets.json", drift)
mutated("sha-mismatch.json", lambda d: d["articles"][1].update(textSha256="0" * 64))
mutated("unknown-field.json", lambda d: d["events"][0].update(colour="red"))

# Markup: data, loaded and shown as text. A string longer than its field allows: refused.
mutated("markup-in-title.json", lambda d: d["events"][0].update(
    title='<b>x</b><img src="file:///etc/passwd"><a href="https://example.invalid">click</a>',
    summary="<script>alert(1)</script>"))


def markup_article(d):
    text = '<script>document.location="https://example.invalid"</script> The envoys met. <img src="file:///etc/passwd">'
    d["articles"].append({"id": "art-markup", "title": "<i>Markup</i> article", "publisher": None, "url": None,
                          "published": "2030-03-06", "publishedBasis": "stated", "text": text})
    start = text.index("The envoys met.")
    d["events"][1]["sources"].append({"article": "art-markup", "exact": "The envoys met.", "prefix": text[max(0, start - 32):start],
                                      "suffix": text[start + 15:start + 47], "start": start, "end": start + 15})


mutated("markup-in-article.json", markup_article)
mutated("long-title.json", lambda d: d["events"][0].update(title="Talks " * 40000))

# Markup, terminal escapes, a newline that forges a line, bidi overrides: quoted in
# messages, escaped for the terminal, shown as text by the GUI, never obeyed
HOSTILE = '<h1 style=color:red>X</h1><a href="https://example.org">link</a><table><tr><td>cell</td></tr></table>'


def hostile_actor_id(d):
    d.update(title=HOSTILE)
    d["events"][0]["participants"][0].update(actor=HOSTILE + "\u001b[31m\nfake.json:1:1: error: forged\u202e")


mutated("hostile-actor-id.json", hostile_actor_id)
mutated("hostile-field-name.json", lambda d: d["events"][0].update({HOSTILE + "\u001b[2J\u2028": "red"}))

# Article text files that are missing, broken, or outside the dataset's folder
def text_file(path):
    def change(d):
        d["articles"][1].pop("text")
        d["articles"][1].pop("textSha256")
        d["articles"][1]["textFile"] = path
    return change


mutated("textfile-parent.json", text_file("../../../../etc/passwd"))
mutated("textfile-absolute.json", text_file("/etc/passwd"))
mutated("textfile-missing.json", text_file("texts/no-such-file.txt"))
mutated("textfile-invalid-utf8.json", text_file("texts/latin1.txt"))
mutated("textfile-symlink.json", text_file("texts/link-out.txt"))
mutated("textfile-nul-after-link.json", text_file("texts/link-out.txt\u0000"))
mutated("both-text-and-textfile.json", lambda d: d["articles"][0].update(textFile="texts/latin1.txt"))
write_bytes(os.path.join("texts", "latin1.txt"), "Officials said the Lakeside talks took place on Tuesday. Caf\xe9.\n".encode("latin-1"))
link = os.path.join(here, "texts", "link-out.txt")
if os.path.lexists(link):
    os.remove(link)
os.symlink("../../valid/textfile/articles/a.txt", link)
