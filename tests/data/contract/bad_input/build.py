#!/usr/bin/env python3
"""Build the bad-input set for `safepost check` (session 17; contract-only expectations, written
by a separate pass that read the contract and exact-rules.md, not the code).

Writes, beside this script:
  school/          copy of shared/spec/example-school plus awkward files in images/
  requests.jsonl   120 raw lines (some deliberately broken), written as exact bytes
  expected.jsonl   one line per input line: line, raw_summary, expect, field, field_path, why

expect:  "error"  -> the result for this line must have "verdict": "error" and an "error"
                     message containing `field` (a nested path such as "counterpart.age"
                     or "images[0].path" contains it; `field_path` gives the full path).
                     field is null where no field can be named (the line is not JSON or
                     not an object): then only the verdict is checked.
         "result" -> an ordinary verdict (allow/advise/review/block/escalate), not "error".
         "either" -> the contract does not decide; an error (naming `field`) or an ordinary
                     result are both acceptable, but the run must carry on and the exit
                     status must still be 0.
Whole-run expectations: exit status 0; results in input order; one result line per request.
Blank/whitespace-only lines are "either": no result line at all, or an error line
(see the note in each; match results by id where the counts differ).
"""
import json
import os
import shutil
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
# A copy of the contract's example school (shared/spec/example-school: school.yaml and the
# rosters); the school folder with the awkward files is built where SCHOOL says
# (tests/test_bad_input.py: a temporary folder).
SRC_SCHOOL = os.path.join(HERE, "school-base")
SCHOOL = os.path.join(HERE, "school")

# ---------------------------------------------------------------- school dir


def png_bytes(w=16, h=16):
    """A valid RGB PNG made with zlib+struct only."""
    def chunk(tag, data):
        c = struct.pack(">I", len(data)) + tag + data
        return c + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + b"".join(bytes((x * 15 % 256, y * 15 % 256, 128)) for x in range(w))
                   for y in range(h))
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def build_school():
    if os.path.exists(SCHOOL):
        for root, _dirs, _files in os.walk(SCHOOL):
            os.chmod(root, 0o755)
        shutil.rmtree(SCHOOL)
    shutil.copytree(SRC_SCHOOL, SCHOOL, symlinks=True)
    for root, _dirs, files in os.walk(SCHOOL):       # the source is read-only
        os.chmod(root, 0o755)
        for f in files:
            os.chmod(os.path.join(root, f), 0o644)
    img = os.path.join(SCHOOL, "images")
    os.makedirs(img, exist_ok=True)
    png = png_bytes()
    open(os.path.join(img, "empty.jpg"), "wb").close()
    with open(os.path.join(img, "notes.jpg"), "w", encoding="utf-8") as f:
        f.write("Trip notes: remember packed lunches and sun cream.\n")
    with open(os.path.join(img, "wrong_ext.jpg"), "wb") as f:
        f.write(png)
    with open(os.path.join(img, "half.png"), "wb") as f:
        f.write(png[: len(png) // 2])
    os.makedirs(os.path.join(img, "folder.jpg"), exist_ok=True)
    with open(os.path.join(img, "photo é 1.png"), "wb") as f:   # NFC é
        f.write(png)
    with open(os.path.join(img, "ok.png"), "wb") as f:          # a plain good image
        f.write(png)
    link = os.path.join(img, "escape_link.jpg")                  # symlink out of the school
    if not os.path.lexists(link):
        os.symlink("/etc/passwd", link)


# ---------------------------------------------------------------- requests

CANNOT = ('A request that cannot be understood gets a result line with "verdict": "error" '
          'and an "error" message naming the field; the run carries on with the next line.')
ONE_PER = 'One result line per request goes to OUT ..., in the same order'
MISSING_IMG = ('exact-rules.md, official table: "image file missing or unreadable: no finding; '
               'an error note"; example-school README e2: "a checker reports the missing file '
               'as an error note and still judges the listed pupils"')

rows = []  # (raw_line_str_or_bytes, summary, expect, field, field_path, why)


def j(obj, ascii_=True):
    return json.dumps(obj, ensure_ascii=ascii_)


def add(raw, summary, expect, why, field=None, path=None):
    if expect == "error" and field is not None and path is None:
        path = field
    rows.append((raw, summary, expect, field, path, why))


def req(id_, text="Lovely walk along the coast this weekend.", **kw):
    d = {"id": id_, "text": text}
    d.update(kw)
    return d


def valid(id_, summary, ascii_=True, **kw):
    add(j(req(id_, **kw), ascii_), summary, "result",
        "a well-formed request; the contract's table allows every field it uses. " + ONE_PER)


def err(obj, summary, field, path, why):
    add(j(obj, False), summary, "error", why, field, path)


def either(obj, summary, why, field=None, path=None, ascii_=False):
    add(j(obj, ascii_), summary, "either", why, field, path)


def result(obj, summary, why, ascii_=False):
    add(j(obj, ascii_), summary, "result", why)


ENUM = "the field's values are listed in the contract's request table; anything else " \
       "cannot be understood. " + CANNOT
TYPE = "wrong JSON type for a field the contract types; " + CANNOT

# --- 1: BOM on the first line
add("\ufeff" + j(req("bom-1")), "first line starts with a UTF-8 byte-order mark", "either",
    "the contract says JSON Lines but not whether a BOM is tolerated; a JSON parser rejects "
    "U+FEFF, a utf-8-sig reader accepts it. Either way the run must go on.")

valid("v01", "valid: e1-like official full-name post (expect block under tpat)",
      text="Huge well done to Amelia Hartley in Year 4 for her amazing poem!",
      channel="official", platform="x", author={"staff_id": "S004"})

# --- broken JSON
NOTJSON = "the line is not JSON, so no request can be understood and no field named; " + CANNOT
add('{"id": "bj1", "text": "Lovely day at the', "truncated line (unterminated string)",
    "error", NOTJSON)
add('{"id": "bj2", "text": "A trip to the farm", "channel": "offic',
    "truncated line in the middle of a value", "error", NOTJSON)
add('{"id": "bj3", "text": "hi",}', "trailing comma in the object", "error", NOTJSON)
valid("v02", "valid: e6-like weekend post with at and device",
      text="Lovely walk along the coast with the dog this weekend!",
      platform="facebook", author={"staff_id": "S005"}, at="2026-03-07T16:20:00+00:00",
      device="personal")
add('{"id": "bj4", "text": "hi", "images": [{"path": "images/ok.png"},]}',
    "trailing comma inside the images list", "error", NOTJSON)
add("{'id': 'bj5', 'text': 'hello from a Python repr'}", "single quotes throughout",
    "error", NOTJSON)
add('{"id": \'bj6\', "text": "mixed quotes"}', "single-quoted value only", "error", NOTJSON)
add('{"id": "bj8", "text": "x", "counterpart": {"kind": "pupil", "relative": True}}',
    "Python True instead of JSON true", "error", NOTJSON)
add("{", "a lone opening brace", "error", NOTJSON)
valid("v03", "valid: message to a pupil (e3-like, expect escalate)",
      text="hey seun, add me on snap its tbennett_88, dont tell your mum x",
      kind="message", platform="snapchat", author={"staff_id": "S004"},
      counterpart={"kind": "pupil", "pupil_id": "P0002", "direction": "sent"})
add('{"id": "bj12", "text": "tab' + "\t" + 'here"}',
    "raw TAB character inside a string (strict JSON forbids unescaped control characters)",
    "either", "RFC 8259 forbids an unescaped control character in a string, but many parsers "
    "accept it; the contract does not say which parser. An error (no field) or a result.")
add('{"id": "bj13", "text": "x", "counterpart": {"kind": "pupil", "age": NaN}}',
    "NaN literal (not JSON; Python's json accepts it)", "either",
    "NaN is not JSON (an error is right) but Python's json module reads it; if read, an age "
    "of NaN is nonsense and may be an error naming age. Must not crash.", "age", "counterpart.age")
add('{"id": "bj14", "id": "bj14-second", "text": "duplicate key id"}',
    "duplicate key id in one object", "either",
    "RFC 8259: names SHOULD be unique, behaviour with duplicates is unpredictable; most "
    "parsers keep the last. The contract is silent.", "id")
add("[" * 100000 + "]" * 100000, "100,000 nested lists (a parser's recursion limit)",
    "error", "it is JSON but not an object (a list); a recursive parser may blow its stack "
    "(Python raises RecursionError, not JSONDecodeError): either way no request can be "
    "understood. " + CANNOT)

# --- JSON that is not an object
NOTOBJ = "valid JSON but not an object; the contract: \"Request (one JSON object a line)\". " + CANNOT
add('["id", "na1", "text", "a list"]', "a JSON list", "error", NOTOBJ)
add('[{"id": "na2", "text": "an object wrapped in a list"}]', "a one-element list holding a request",
    "error", NOTOBJ)
add('"just a string"', "a JSON string", "error", NOTOBJ)
add("42", "a JSON number", "error", NOTOBJ)
valid("v04", "valid: friend request from a former pupil (e5-like)", text="", kind="friend_request",
      author={"staff_id": "S005"},
      counterpart={"kind": "former_pupil", "pupil_id": "P0006", "direction": "received"})
add("null", "JSON null", "error", NOTOBJ)
# --- blank lines
BLANK = ("the contract says one result line per *request*; a blank line is no request "
         "(JSON Lines tools usually skip it), but a reader may also answer it with an error "
         "line. Expect either no result line or an error; never a crash, exit 0. If skipped, "
         "later results shift by one: match by id.")
add("", "empty line", "either", BLANK)
add("   \t  ", "spaces and a tab only", "either", BLANK)
valid("v05", "valid: plain personal post, no optional fields")
add("", "empty line (second)", "either", BLANK)
# --- missing id / text
err({"text": "Sports day was brilliant!"}, "missing id", "id", "id",
    "id is required ('yes' in the table). " + CANNOT)
err({"text": "Well done Year 6", "channel": "official", "platform": "x"},
    "missing id, other fields fine", "id", "id", "id is required. " + CANNOT)
err({"id": "mt1"}, "missing text", "text", "text",
    "text is required ('yes, may be \"\"'). " + CANNOT)
err({"id": "mt2", "channel": "official", "kind": "post", "platform": "facebook"},
    "missing text, other fields fine", "text", "text", "text is required. " + CANNOT)
valid("v06", "valid: official post with a consented first name only",
      text="Well done Amelia for a super poem this week!", channel="official", platform="facebook",
      author={"role": "teacher"})
# --- id of the wrong type
IDT = "id: \"any string, echoed back\" - this is not a string. " + CANNOT
err({"id": 7, "text": "hi"}, "id is a number", "id", "id", IDT)
err({"id": ["a", "b"], "text": "hi"}, "id is a list", "id", "id", IDT)
err({"id": {"n": 1}, "text": "hi"}, "id is an object", "id", "id", IDT)
err({"id": None, "text": "hi"}, "id is null", "id", "id", IDT)
err({"id": True, "text": "hi"}, "id is a bool", "id", "id", IDT)

# --- text of the wrong type
TXT = "text: the post (a string, may be \"\") - this is not a string. " + CANNOT
err({"id": "tt1", "text": 5}, "text is a number", "text", "text", TXT)
err({"id": "tt2", "text": ["Well done", "Amelia Hartley"]}, "text is a list", "text", "text", TXT)
valid("v07", "valid: comment with a Z offset", text="Congratulations to everyone who ran today!",
      kind="comment", platform="facebook", at="2026-03-14T10:00:00Z")
err({"id": "tt3", "text": {"body": "hello"}}, "text is an object", "text", "text", TXT)
err({"id": "tt4", "text": None}, "text is null", "text", "text",
    "text is required and 'may be \"\"', not null; null is not a string. " + CANNOT)
err({"id": "tt5", "text": False}, "text is a bool", "text", "text", TXT)

# --- channel
err(req("ch1", channel="school"), "channel unknown value 'school'", "channel", "channel", ENUM)
err(req("ch2", channel=1), "channel is a number", "channel", "channel", TYPE)
either(req("ch4", channel="OFFICIAL"), "channel in capitals",
       "the contract lists lower-case values and does not say values are case-insensitive.",
       "channel")

# --- kind
err(req("kd1", kind="tweet"), "kind unknown value 'tweet'", "kind", "kind", ENUM)
valid("v08", "valid: profile (e4-like)", text="", kind="profile", author={"staff_id": "S004"},
      profile={"handle": "@MrBennettBrambleside", "display_name": "Tom Bennett",
               "bio": "Teacher. Views my own.", "email": "t.bennett@brambleside.sch.uk",
               "visibility": "public"})
err(req("kd2", kind=["post"]), "kind is a list", "kind", "kind", TYPE)
# --- platform
err(req("pf1", platform="twitter"), "platform unknown value 'twitter'", "platform", "platform",
    ENUM + " (the list has 'other' for platforms it does not name)")
err(req("pf2", platform=7), "platform is a number", "platform", "platform", TYPE)
# --- author
err(req("au1", author="S004"), "author is a string", "author", "author",
    "author is shown as an object ({\"staff_id\": ...} or {\"role\": ...}). " + CANNOT)
either(req("au2", author={"staff_id": "S999"}), "author staff_id not in staff.csv",
       "the contract does not say what an unknown staff_id means: an error, or an author "
       "unknown to the school (judged without a role).", "staff_id", "author.staff_id")
either(req("au3", author={"staff_id": "S004", "role": "teacher"}), "author has both staff_id and role",
       "the contract shows 'staff_id' or 'role'; it does not say both are forbidden (here they "
       "agree: S004 is a teacher).", "author")
valid("dup", "valid: duplicate id 'dup' (first of four)", text="First post with a shared id.")
either(req("au4", author={"role": "janitor"}), "author role not in the listed roles",
       "'Roles include ...' is an open list, so an unlisted role may be accepted.", "role",
       "author.role")
err(req("au5", author={"staff_id": 4}), "author staff_id is a number", "staff_id",
    "author.staff_id", "staff ids are strings (\"S012\"). " + CANNOT)
# --- at
ATW = "at: \"ISO 8601 date-time with offset\". "
err(req("at1", at="last Tuesday"), "at is not ISO 8601", "at", "at", ATW + CANNOT)
either(req("at2", at="2026-03-09T11:00:00"), "at without an offset",
       ATW + "A date-time without an offset breaks the contract, but it can be read in the "
       "school's timezone (school.yaml has one); the contract does not say which.", "at")
result(req("at3", at="2026-03-09T11:00:00Z"), "at with Z",
       ATW + "'Z' is ISO 8601's designator for offset zero (UTC), so this is a date-time "
       "with an offset.")
err(req("at4", at="2026-02-30T10:00:00+00:00"), "at is an impossible date (30 Feb)", "at", "at",
    ATW + "There is no 30 February. " + CANNOT)
err(req("at5", at=1772964000), "at is a number (epoch seconds)", "at", "at", ATW + TYPE)
either(req("at6", at="2026-03-09"), "at is a date without a time",
       ATW + "A bare date is ISO 8601 but not a date-time; a checker may reject it or read it "
       "as a day.", "at")
# --- device
err(req("dv1", device="laptop"), "device unknown value 'laptop'", "device", "device", ENUM)
err(req("dv2", device=True), "device is a bool", "device", "device", TYPE)

# --- images
IMG = "images: list of {\"path\": ..., \"pupils\": [...]}. "
err(req("im1", images="images/ok.png"), "images is a string", "images", "images", IMG + TYPE)
err(req("im2", images=[{"pupils": ["P0001"]}]), "image item without path", "path",
    "images[0].path", IMG + "path is the item's one essential field. " + CANNOT)
valid("v11", "valid: image with a listed pupil who has consent",
      text="Year 4 loved the science museum today.", channel="official", platform="facebook",
      author={"staff_id": "S002"}, images=[{"path": "images/ok.png", "pupils": ["P0001"]}])
err(req("im3", images=["images/ok.png"]), "image item is a string, not an object", "images",
    "images[0]", IMG + CANNOT)
either(req("im4", images=[{"path": "/etc/passwd"}]), "image path absolute (/etc/passwd)",
       IMG + "'files relative to the school directory': an absolute path breaks that, but the "
       "contract does not say whether it is an error or an unreadable image (error note). "
       "Either way the file must not be read and its content must not appear in the output.",
       "path", "images[0].path")
either(req("im5", images=[{"path": "../../../../../../etc/passwd"}]),
       "image path with .. escaping the school dir",
       IMG + "relative, but resolves outside the school directory; the contract does not say "
       "whether that is an error or a missing image. /etc/passwd must not be read.",
       "path", "images[0].path")
either(req("im7", images=[{"path": "images/escape_link.jpg"}]),
       "image path is a symlink inside images/ pointing at /etc/passwd",
       IMG + "the path is inside the school directory, its target is not; the contract is "
       "silent. Expect a result with an unreadable-image note, or an error; never the content.",
       "path", "images[0].path")
result(req("im8", images=[{"path": "images/empty.jpg", "pupils": ["P0001"]}]),
       "image: zero-byte file", IMG + MISSING_IMG)
result(req("im9", images=[{"path": "images/notes.jpg"}]), "image: a text file named .jpg",
       IMG + MISSING_IMG)
result(req("im10", images=[{"path": "images/wrong_ext.jpg", "pupils": ["P0003"]}],
           channel="official", platform="x"),
       "image: valid PNG named .jpg (pupil without photo consent: expect block)",
       IMG + "a readable image whatever its extension; P0003 has photo_consent no.")
valid("dup", "valid: duplicate id 'dup' (second of four)", text="Second post with a shared id.")
result(req("im11", images=[{"path": "images/half.png"}]), "image: truncated PNG", IMG + MISSING_IMG)
result(req("im12", images=[{"path": "images/folder.jpg"}]), "image: a directory named .jpg",
       IMG + MISSING_IMG)
result(req("im13", images=[{"path": "images/photo é 1.png", "pupils": ["P0005"]}]),
       "image: file name with a space and an accent (valid PNG)",
       IMG + "a valid file relative to the school directory; any file name is allowed.")
result(req("im14", images=[{"path": "images/not_there.jpg", "pupils": ["P0001"]}],
           channel="official"), "image: file does not exist", IMG + MISSING_IMG)
err(req("im15", images=[{"path": "images/ok.png", "pupils": "P0001"}]), "image pupils is a string",
    "pupils", "images[0].pupils", IMG + "pupils is a list. " + TYPE)
result(req("im17", images=[{"path": "images/ok.png", "pupils": ["P9999"]}], channel="official"),
       "image lists a pupil id not on the roster",
       IMG + "exact-rules.md, official table: 'image lists a pupil id not on the roster -> "
       "content.pupil_image_consent ... needs_approval (confirm who and consent)': a finding, "
       "not an error.")
err(req("im18", images=[{"path": 12}]), "image path is a number", "path", "images[0].path",
    IMG + TYPE)
result(req("im20", images=[]), "images is an empty list",
       IMG + "an empty list of images is a list; nothing to check.")
either(req("im21", images=None), "images is null",
       "optional field set to null; the contract does not say null means absent.", "images")
# --- profile
PRF = "profile: {\"handle\", \"display_name\", \"bio\", \"email\", \"website\", \"visibility\"}. "
err(req("pr1", text="", kind="profile", profile="public"), "profile is a string", "profile",
    "profile", PRF + TYPE)
err(req("pr2", text="", kind="profile", profile={"handle": "@tb", "visibility": "everyone"}),
    "profile visibility unknown 'everyone'", "visibility", "profile.visibility",
    PRF + "visibility is public/friends/private. " + CANNOT)
valid("é-1", "valid: non-ASCII id 'é-1' (raw UTF-8)", ascii_=False, text="Lovely concert tonight.")
err(req("pr3", text="", kind="profile", profile={"handle": 123, "visibility": "private"}),
    "profile handle is a number", "handle", "profile.handle", PRF + TYPE)
err(req("pr4", text="", kind="profile", profile={"email": ["a@b.com"], "visibility": "friends"}),
    "profile email is a list", "email", "profile.email", PRF + TYPE)
# --- counterpart
CP = ("counterpart: {\"kind\": pupil/former_pupil/parent/colleague/public, \"pupil_id\", \"age\", "
      "\"relative\": bool, \"direction\": sent/received/accepted}. ")
err(req("cp1", kind="message", counterpart={"kind": "student", "direction": "sent"}),
    "counterpart kind unknown 'student'", "kind", "counterpart.kind", CP + CANNOT)
err(req("cp2", kind="message", counterpart={"kind": "former_pupil", "age": "12"}),
    "counterpart age is a string", "age", "counterpart.age", CP + TYPE)
either(req("cp3", kind="message", counterpart={"kind": "former_pupil", "age": -3}),
       "counterpart age negative",
       CP + "the contract gives age no range; -3 is the right type but no possible age.",
       "age", "counterpart.age")
either(req("cp4", kind="friend_request", text="", counterpart={"kind": "former_pupil", "age": 250}),
       "counterpart age 250",
       CP + "the contract gives age no range; 250 is the right type but no possible age.",
       "age", "counterpart.age")
either(req("cp5", kind="message", counterpart={"kind": "pupil", "pupil_id": "P9999", "direction": "sent"}),
       "counterpart pupil_id not on the roster",
       CP + "the contract does not say what an unknown pupil_id is: an error or an unknown pupil "
       "(judged by kind alone).", "pupil_id", "counterpart.pupil_id")
err(req("cp6", kind="message", counterpart={"kind": "parent", "relative": "yes"}),
    "counterpart relative is a string", "relative", "counterpart.relative",
    CP + "relative is a bool. " + TYPE)
err(req("cp7", kind="message", counterpart={"kind": "pupil", "direction": "forwarded"}),
    "counterpart direction unknown 'forwarded'", "direction", "counterpart.direction",
    CP + CANNOT)
err(req("cp8", kind="message", counterpart="pupil"), "counterpart is a string", "counterpart",
    "counterpart", CP + TYPE)

# --- approval
APR = "approval: {\"staff_id\": \"S001\", \"reference\": \"...\"}. "
either(req("ap1", channel="official", approval={"staff_id": "S999", "reference": "HT-12"}),
       "approval staff_id not in staff.csv",
       APR + "the contract does not say whether an approval by unknown staff is an error or "
       "simply does not count.", "staff_id", "approval.staff_id")
err(req("ap2", approval="yes"), "approval is a string", "approval", "approval", APR + TYPE)
valid("dup", "valid: duplicate id 'dup' (third of four)", text="Third post with a shared id.")
# --- unknown extra fields
EXT = ("'Extend it freely; do not break it': a caller's extra fields are ignored; the known "
       "fields are well-formed.")
result(req("ex1", mood="happy"), "unknown top-level field", EXT)
result(req("ex2", author={"staff_id": "S004", "nickname": "Tom"}, trace={"run": 3, "tags": ["a"]}),
       "unknown nested field in author and an unknown object field", EXT)
result(req("ex3", verdict="allow", findings=[]), "request carries result-like fields verdict/findings",
       EXT + " A 'verdict' in the request must not be echoed as the verdict.")

# --- text edge cases
LONG = ("The children worked so hard on their Stone Age projects this term and the displays "
        "in the hall look wonderful. ")
long_text = (LONG * (100000 // len(LONG) + 1))[: 100000 - len(" Amelia Hartley")] + " Amelia Hartley"
assert len(long_text) == 100000
result(req("tx1", text=long_text, channel="official"),
       "text of 100,000 characters ending with a pupil's full name",
       "the contract sets no length limit; a full check would block on the name at the end "
       "(offsets 99985-100000).")
result(req("tx2", text="Hello\u0000 world, trip\u0000 tomorrow"), "text with escaped NUL characters",
       "\\u0000 is a legal JSON string escape; text is 'the post', any string.", ascii_=True)
either(req("tx3", text="broken \ud800 surrogate"), "text with a lone high surrogate \\ud800",
       "RFC 8259 allows the escape but its meaning is unpredictable, and it cannot be encoded "
       "as UTF-8 in the output. The contract is silent: a result (surrogate replaced/kept "
       "escaped) or an error naming text; the run must not crash.", "text", "text", ascii_=True)
result(req("tx5", text="\U0001F600 escaped surrogate pair"), "text with an escaped valid surrogate pair",
       "a valid escaped pair is an ordinary character (U+1F600).", ascii_=True)
result(req("tx6", text="🎉🎉🌟⚽️👏🏽"), "emoji-only text (raw UTF-8)", "text is any string.")
result(req("tx8", text=""), "text is empty, plain post", "text: 'yes, may be \"\"'.")
result(req("tx9", text="", kind="like"), "text is empty, a like", "text: 'yes, may be \"\"'.")
result(req("tx10", text="Sports day\u2028tomorrow, fingers crossed for sun"),
       "raw U+2028 LINE SEPARATOR inside the text",
       "U+2028 is legal unescaped in a JSON string and is not a JSON Lines line break (only "
       "\\n is); a reader that splits with str.splitlines() would break this line in two.")
result(req("tx11", text="Sports day\u0085tomorrow"), "raw U+0085 NEXT LINE inside the text",
       "as tx10: U+0085 is legal unescaped in JSON and is no line break for JSON Lines.")
# --- ids
result(req("日本-2", text="Lovely evening."), "non-ASCII id (CJK, raw UTF-8)",
       "id: 'any string, echoed back' - echoed exactly.")
result(req("🙂", text="Lovely evening."), "emoji id (raw UTF-8)", "id: 'any string'.")
result(req("", text="Empty id."), "id is an empty string", "id: 'any string' - \"\" is a string.")
result(req("dup", text="Fourth with the shared id, after many errors."),
       "duplicate id 'dup' (fourth of four)", "id: 'any string, echoed back'; the contract does not ask "
       "ids to be unique, so each line is answered in order.")

# --- other optional-field mixes
either(req("mx1", kind="post", counterpart={"kind": "pupil", "pupil_id": "P0001", "direction": "sent"}),
       "counterpart on a kind that does not take one (post)",
       "the contract says counterpart is 'for message, friend_request, comment replies'; it "
       "does not say whether it is ignored or an error elsewhere.", "counterpart")
# --- whitespace around an object, CRLF, final line without newline
add("   " + j(req("ws1")) + "  \t", "object with leading and trailing whitespace", "result",
    "JSON allows insignificant whitespace around a value.")
add(j(req("crlf1")) + "\r", "line ends in CRLF (the \\r is left before \\n)", "result",
    "\\r is JSON whitespace; a Windows-written line is still one request.")

# --- top the list up with valid requests interleaved near the end
fill = 0
while len(rows) < 119:
    fill += 1
    valid(f"v{15 + fill:02d}", f"valid filler {fill}: personal post",
          text=f"Weekend plans number {fill}: cinema and a long walk.",
          platform="instagram", author={"staff_id": "S003"})
add(j(req("last-no-newline", text="The last line has no trailing newline.")),
    "last line without a trailing newline", "result",
    "a final line without \\n is still a line of JSON Lines and a request.")


def main():
    build_school()
    assert len(rows) == 120, len(rows)
    out = bytearray()
    exp_lines = []
    for n, (raw, summary, expect, field, path, why) in enumerate(rows, 1):
        assert "\n" not in raw, n
        out += raw.encode("utf-8", "strict")
        if n < len(rows):
            out += b"\n"
        e = {"line": n, "raw_summary": summary, "expect": expect, "field": field,
             "field_path": path if field is not None else None, "why": why}
        if field is None and expect == "error":
            e["note"] = "no field can be named; check only verdict == error"
        # the id to look for in the result, where the line has a string id
        try:
            o = json.loads(raw)
            if isinstance(o, dict) and isinstance(o.get("id"), str):
                e["id"] = o["id"] if len(o["id"]) < 100 else o["id"][:20] + f"...({len(o['id'])} chars)"
        except Exception:
            pass
        exp_lines.append(json.dumps(e, ensure_ascii=False))
    with open(os.path.join(HERE, "requests.jsonl"), "wb") as f:
        f.write(bytes(out))
    with open(os.path.join(HERE, "expected.jsonl"), "w", encoding="utf-8") as f:
        f.write("\n".join(exp_lines) + "\n")
    counts = {}
    for r in rows:
        counts[r[2]] = counts.get(r[2], 0) + 1
    print(len(rows), counts)


if __name__ == "__main__":
    main()
