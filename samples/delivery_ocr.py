"""The contractor's OCR: the invisible text layer it writes into a page, good (about 2 % of the printed words
damaged), poor (45 %) or none; handwritten numbers and dates it always misreads."""
import math
import re
import unicodedata

from render import nfc

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
TONE_SWAP = {"\u0301": ["\u0309", "\u0300"], "\u0309": ["\u0301", "\u0303"], "\u0303": ["\u0309", "\u0301"],
             "\u0300": ["\u0323", "\u0301"], "\u0323": ["\u0300", ""]}
MODIFIERS = {"\u0302", "\u0306", "\u031b"}
CONFUSE = [("rn", "m"), ("m", "rn"), ("l", "I"), ("I", "l"), ("h", "b"), ("c", "e"), ("e", "c"), ("n", "ri"),
           ("Q", "Ọ"), ("D", "Ð"), ("t", "f"), ("u", "ụ"), ("i", "ì"), ("y", "ỵ")]
DIGIT_MISREAD = {"0": ["o", "O", "ơ"], "1": ["l", "ỉ", "i", "I"], "2": ["Z", "z"], "3": ["ẵ", "8"],
                 "4": ["A", "ạ"], "5": ["S", "s"], "6": ["ó", "b"], "7": ["T", "ĩ"], "8": ["B", "3"],
                 "9": ["g", "ọ"]}
HAND_MISREAD = {"0": ["o", "ơ", "6", "ọ"], "1": ["ũ", "l", "ỉ", "7", "i"], "2": ["z", "Z", "ả", "7"],
                "3": ["ỗ", "8", "ž"], "4": ["ụ", "A", "u", "ạ"], "5": ["s", "S", "ỗ", "6"],
                "6": ["ó", "b", "G", "đ"], "7": ["ĩ", "1", "T", "?"], "8": ["ẽ", "B", "3", "g"],
                "9": ["g", "ọ", "q", "4"], ",": [".", "", "'"], ".": [",", ""], "/": ["l", "|", "/ "]}


def _marks_op(word, rng, kind):
    d = unicodedata.normalize("NFD", word)
    idx = [i for i, ch in enumerate(d) if (ch in TONES if kind != "mod" else ch in MODIFIERS)]
    if not idx:
        return word
    i = rng.choice(idx)
    if kind == "drop" or kind == "mod":
        d = d[:i] + d[i + 1:]
    else:
        d = d[:i] + rng.choice(TONE_SWAP[d[i]]) + d[i + 1:]
    # a letter's vowel mark before its tone, so that NFC composes one character (ệ, not è + ̂)
    out, cluster = [], []
    for ch in d + "\0":
        if unicodedata.combining(ch):
            cluster.append(ch)
            continue
        out.extend(sorted(cluster, key=lambda c: c in TONES))
        cluster = []
        out.append(ch)
    return nfc("".join(out[:-1]))


def damage_printed(word, rng):
    """One OCR error in a printed word; may return the word unchanged when no error fits."""
    ops = ["drop", "swap", "mod", "dd", "confuse", "digit", "split", "punct", "drop", "swap"]
    rng.shuffle(ops)
    for op in ops:
        w = word
        if op in ("drop", "swap", "mod"):
            w = _marks_op(word, rng, op)
        elif op == "dd" and ("đ" in word or "Đ" in word):
            w = word.replace("đ", "d", 1).replace("Đ", "D", 1)
        elif op == "confuse":
            cands = [(a, b) for a, b in CONFUSE if a in word]
            if cands:
                a, b = rng.choice(cands)
                w = word.replace(a, b, 1)
        elif op == "digit":
            ds = [i for i, ch in enumerate(word) if ch in DIGIT_MISREAD]
            if ds:
                i = rng.choice(ds)
                w = word[:i] + rng.choice(DIGIT_MISREAD[word[i]]) + word[i + 1:]
        elif op == "split" and len(word) >= 4:
            i = rng.randint(1, len(word) - 2)
            w = word[:i] + " " + word[i:]
        elif op == "punct":
            if word.endswith(":"):
                w = word[:-1] + " :"
            elif word.endswith((",", ";", ".")):
                w = word[:-1] + rng.choice(["", ".", ",", ":"])
            elif "/" in word:
                w = word.replace("/", " / ", 1)
        if w != word:
            return w
    return word


def damage_hand(token, rng):
    """The contractor's OCR reading a token whose `{…}` part was written by hand: always wrong."""
    out = []
    for part in re.split(r"(\{[^}]*\})", token):
        if part.startswith("{"):
            s = part[1:-1]
            chars = list(s)
            k = max(1, round(len(chars) * rng.uniform(0.4, 0.8)))
            for i in rng.sample(range(len(chars)), min(k, len(chars))):
                chars[i] = rng.choice(HAND_MISREAD.get(chars[i], [chars[i] + "'"]))
            r = "".join(chars)
            if len(r) >= 2 and rng.random() < 0.45:
                i = rng.randint(1, len(r) - 1)
                r = r[:i] + " " + r[i:]
            out.append(r if r != s else s[::-1] + "'")
        else:
            out.append(part)
    return "".join(out)


# ---- a page's text layer ------------------------------------------------------------------------

def ocr_words(tokens, quality, rng):
    """The contractor's text layer for a page's tokens: (words placed, damaged truth words, its text). Quality
    "exact" is a layer without a mistake, handwriting included (the acceptance samples)."""
    read = []
    for t in tokens:
        if quality == "exact":
            out = t.truth
        elif t.hand:
            out = damage_hand(t.raw, rng)
            if quality == "poor" and rng.random() < 0.5:
                out = damage_printed(out, rng)
        elif quality == "good" and rng.random() < 0.02:
            out = damage_printed(t.truth, rng)
        else:
            out = t.truth
        read.append(nfc(out))
    if quality == "poor":
        # 45 % of the words damaged (the handwritten ones among them), some of them twice
        order = [i for i in range(len(tokens)) if read[i] == tokens[i].truth]
        rng.shuffle(order)
        want = math.ceil(0.45 * len(tokens)) - sum(1 for i, t in enumerate(tokens) if read[i] != t.truth)
        for i in order:
            if want <= 0:
                break
            out = damage_printed(tokens[i].truth, rng)
            if out != tokens[i].truth and rng.random() < 0.3:
                out = damage_printed(out, rng)
            read[i] = nfc(out)
            want -= read[i] != tokens[i].truth
    words, damaged, lines = [], 0, {}
    for t, out in zip(tokens, read):
        if out != t.truth:
            damaged += 1
        parts = out.split()
        if not parts:
            continue
        lines.setdefault(t.line, []).extend(parts)
        total = sum(len(s) for s in parts) + 0.6 * (len(parts) - 1)
        x = t.x
        for s in parts:
            w = t.width * len(s) / total
            words.append((x, t.baseline, w, t.size_px, s))
            x += w + t.width * 0.6 / total
    return words, damaged, "".join(" ".join(ws) + "\n" for _, ws in sorted(lines.items()))
