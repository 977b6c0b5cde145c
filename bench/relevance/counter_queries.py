"""Query kinds of the counter (issue 18) for make_corpus.py: queries as people type them at a counter.

- raw_telex / raw_vni: name, subject and mixed queries of the other kinds typed with the input method off,
  every word with marks as its Telex (VNI) keys, in the orders people type them (tone key last or right
  after the vowels, marks right after their vowel or deferred, `w` alone for ư); relevant as the query typed
  with marks.
- spoken_accented / spoken_unaccented: a citizen's words for the record's term (`sổ đỏ` for the land-use
  certificate, `đền bù` for compensation, `giải tỏa`/`lấy đất` for land recovery, `lên lương`, `lên chức`,
  `đơn thư`) with a name, a commune or a year; relevant: the records whose trích yếu holds the term and the
  rest of the query, judged on the clean text.
- unknown_word: a query of the other kinds with one word added that no document holds (what a clerk adds:
  `gấp`, `photo`, `bản sao` …); relevant as the query without it.

Own random stream (the other kinds' queries do not change). Stdlib only.
"""
import random
import re
import unicodedata

TONES = {"\u0300": 1, "\u0301": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}   # huyền sắc hỏi ngã nặng
TELEX_TONE = {1: "f", 2: "s", 3: "r", 4: "x", 5: "j"}
VNI_TONE = {1: "2", 2: "1", 3: "3", 4: "4", 5: "5"}
TELEX_LETTER = {"â": "aa", "ă": "aw", "ê": "ee", "ô": "oo", "ơ": "ow", "ư": "uw", "đ": "dd"}
VNI_LETTER = {"â": "a6", "ă": "a8", "ê": "e6", "ô": "o6", "ơ": "o7", "ư": "u7", "đ": "d9"}
PLAIN = {"â": "a", "ă": "a", "ê": "e", "ô": "o", "ơ": "o", "ư": "u", "đ": "d"}
VOWELS = set("aăâeêioôơuưy")


def _nfc(s):
    return unicodedata.normalize("NFC", s)


def fold(s):
    s = unicodedata.normalize("NFD", s).replace("đ", "d").replace("Đ", "D")
    return _nfc("".join(c for c in s if not unicodedata.combining(c)))


def _parts(word):
    """Lower-case letters with vowel marks, the tone (0 none) and the index of the letter carrying it."""
    letters, tone, at = [], 0, -1
    for ch in _nfc(word).lower():
        d = unicodedata.normalize("NFD", ch)
        for c in d:
            if c in TONES:
                tone, at = TONES[c], len(letters)
        letters.append(_nfc("".join(c for c in d if c not in TONES)))
    return letters, tone, at


def keys(word, method, rng):
    """The keys of one word in one of the orders people type them; the word itself when it has no marks."""
    if fold(word) == word:
        return word
    letters, tone, at = _parts(word)
    table = TELEX_LETTER if method == "telex" else VNI_LETTER
    tone_key = (TELEX_TONE if method == "telex" else VNI_TONE).get(tone, "")
    vowel_idx = [i for i, c in enumerate(letters) if c in VOWELS]
    last_vowel = vowel_idx[-1] if vowel_idx else len(letters) - 1
    order = rng.choice(["tone_last", "tone_after_vowels", "tone_on_vowel", "short", "marks_last"])
    s = "".join(letters)
    out = ""
    if order == "short" and method == "telex" and "ư" in s:
        for c in s.replace("ươ", "uow").replace("ư", "w"):
            out += table.get(c, c)
        out += tone_key
    elif order == "short" and method == "vni" and "ươ" in s:
        for c in s.replace("ươ", "uo7"):
            out += table.get(c, c)
        out += tone_key
    elif order == "marks_last" and method == "vni" and any(c in VNI_LETTER for c in s):
        digits = ""
        for k, c in enumerate(letters):
            if c in VNI_LETTER:
                out += PLAIN[c]
                if not (c == "ơ" and k > 0 and letters[k - 1] == "ư"):
                    digits += VNI_LETTER[c][-1]
            else:
                out += c
        out += digits + tone_key
    elif order == "marks_last" and method == "telex" and (s.count("ư") + s.count("ơ") + s.count("ă") == 1 or "ươ" in s):
        for c in letters:
            out += PLAIN[c] if c in "ươă" else table.get(c, c)
        out += "w" + tone_key
    else:
        for k, c in enumerate(letters):
            out += table.get(c, c)
            if order == "tone_after_vowels" and k == last_vowel:
                out += tone_key
            if order == "tone_on_vowel" and k == at:
                out += tone_key
        if order not in ("tone_after_vowels", "tone_on_vowel"):
            out += tone_key
    if len(word) > 1 and word.isupper():
        out = out.upper()
    elif word[:1].isupper():
        out = out[:1].upper() + out[1:]
    return out


def typed_with_keys(query, method, rng):
    return re.sub(r"\w+", lambda m: keys(m.group(0), method, rng) if not m.group(0).isdigit() else m.group(0), query)


# What a clerk adds that the records never say (checked against the corpus: only words no document holds).
EXTRA_WORDS = ["gấp", "photo", "giùm", "dùm", "xerox", "scan", "online", "zalo", "email", "khẩn", "mượn",
               "trích sao", "bản mềm", "pdf", "nhanh", "liền", "coi", "kiếm"]


def add_counter_queries(w, judge, phrase_re, Q, seed, per_kind=24):
    rng = random.Random(seed * 131 + 18)
    for k in ["raw_telex", "raw_vni", "spoken_accented", "spoken_unaccented", "unknown_word"]:
        Q[k] = []

    def add(kind, query, rel, mode):
        if rel and len(Q[kind]) < per_kind and all(q != query for q, _, _ in Q[kind]):
            Q[kind].append((query, rel, mode))

    # raw keys: queries with marks from the other kinds
    base = [x for k in ("name_accented", "mixed", "subject", "abbreviation", "parcel") for x in Q[k]
            if fold(x[0]) != x[0]]
    rng.shuffle(base)
    for q, rel, mode in base:
        add("raw_telex", typed_with_keys(q, "telex", rng), rel, mode)
    rng.shuffle(base)
    for q, rel, mode in base:
        add("raw_vni", typed_with_keys(q, "vni", rng), rel, mode)

    # spoken words for the records' terms
    docs = judge.docs
    persons = {p["id"]: p for p in w.persons}

    def about(d):
        return persons.get(d["about"][0]) if d.get("about") else None

    def has(d, *phrases):
        return all(judge_phrase(p).search(d["ty_scan"]) for p in phrases)

    judge_phrase = phrase_re
    spoken = []   # (query, predicate over docs, the doc it was made from)
    for d in docs:
        p = about(d)
        ty = d["ty_scan"]
        if p and "giấy chứng nhận quyền sử dụng đất" in ty and judge_phrase(p["name"]).search(ty):
            word = rng.choice(["sổ đỏ", "sổ hồng", "làm sổ đỏ", "bìa đỏ"])
            spoken.append(("%s %s %s" % (word, p["name"], p["commune"]), d,
                           lambda x, p=p: has(x, "giấy chứng nhận quyền sử dụng đất", p["name"], p["commune"])))
        elif p and ty.startswith("về việc thu hồi đất của hộ") and judge_phrase(p["name"]).search(ty):
            word = rng.choice(["giải tỏa", "lấy đất", "bị thu đất", "giải tỏa đất"])
            spoken.append(("%s %s %d" % (word, p["name"], d["date"][2]), d,
                           lambda x, p=p, y=d["date"][2]: has(x, "thu hồi đất", p["name"]) and x["date"][2] == y))
        elif ty.startswith("về việc phê duyệt phương án bồi thường"):
            # the commune: the words after the last "xã" of the trích yếu
            tail = "xã " + d["trich_yeu"].rsplit(" xã ", 1)[-1] if " xã " in d["trich_yeu"] else ""
            m = re.search(r"xã ([^,()]+?)\s*(?:,|\(|$| huyện)", tail)
            if m:
                commune = "xã " + m.group(1)
                word = rng.choice(["đền bù", "đền bù giải tỏa", "tiền đền bù"])
                spoken.append(("%s %s" % (word, commune), d, lambda x, c=commune: has(x, "bồi thường", c)))
        elif ty.startswith("về việc nâng bậc lương"):
            dist = d["file"]["district"]["name"]
            spoken.append(("lên lương %d %s" % (d["date"][2], dist), d,
                           lambda x, y=d["date"][2], dist=dist: has(x, "nâng bậc lương") and x["date"][2] == y
                           and x["file"]["district"]["name"] == dist))
        elif ty.startswith("về việc bổ nhiệm ") and re.match(r"về việc bổ nhiệm (?:ông|bà) ", ty):
            nm = re.match(r"về việc bổ nhiệm (?:ông|bà) (.+?) giữ chức vụ", ty)
            if nm:
                name = nm.group(1).title()
                spoken.append(("lên chức %s %d" % (name, d["date"][2]), d,
                               lambda x, nm=nm.group(1), y=d["date"][2]: has(x, "bổ nhiệm", nm) and x["date"][2] == y))
        elif p and ty.startswith("đơn khiếu nại") and judge_phrase(p["name"]).search(ty):
            spoken.append(("đơn thư %s %s" % (p["name"], p["commune"]), d,
                           lambda x, p=p: has(x, "khiếu nại", p["name"], p["commune"])))
    rng.shuffle(spoken)
    # one of each kind of record in turn, so every spoken word is asked
    by_word = {}
    for q, d, pred in spoken:
        by_word.setdefault(q.split()[0] + (" " + q.split()[1] if len(q.split()) > 1 else ""), []).append((q, d, pred))
    ordered = []
    while any(by_word.values()):
        for k in sorted(by_word):
            if by_word[k]:
                ordered.append(by_word[k].pop())
    for q, d, pred in ordered:
        rel = [x["id"] for x in docs if pred(x)]
        if d["id"] not in rel:
            continue
        rel = [d["id"]] + [i for i in rel if i != d["id"]]
        mode = "first" if len(rel) == 1 else "any"
        add("spoken_accented", q, rel, mode)
    rng.shuffle(ordered)
    for q, d, pred in ordered:
        rel = [x["id"] for x in docs if pred(x)]
        if d["id"] not in rel:
            continue
        rel = [d["id"]] + [i for i in rel if i != d["id"]]
        add("spoken_unaccented", fold(q).lower(), rel, "first" if len(rel) == 1 else "any")

    # one word no document holds
    held = set()
    for d in docs:
        for text in [d["scan"]] + d.get("pages_written", []):
            held.update(re.findall(r"\w+", fold(text).lower()))
    for f in w.files:
        held.update(re.findall(r"\w+", fold(f["title"] + " " + f["keywords"]).lower()))
    extras = [x for x in EXTRA_WORDS if not any(part in held for part in fold(x).lower().split())]
    base = [x for k in ("name_accented", "name_unaccented", "mixed", "subject", "parcel", "abbreviation")
            for x in Q[k]]
    rng.shuffle(base)
    for q, rel, mode in base:
        extra = rng.choice(extras)
        words = q.split()
        words.insert(rng.choice([0, len(words)]), extra)
        add("unknown_word", " ".join(words), rel, mode)
