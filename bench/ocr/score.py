#!/usr/bin/env python3
"""Score recognised texts against true texts.

    python3 bench/ocr/score.py TRUTH_DIR OUT_DIR

For each TRUTH_DIR/NAME.txt with an OUT_DIR/NAME.txt: CER (Levenshtein distance over characters,
whitespace collapsed, NFC, divided by the truth length) and word miss rate (share of true words,
with multiplicity, missing from the output, in any order). Prints one line per page and the totals
(micro-averaged over characters and words).
"""
import os
import sys
import unicodedata
from collections import Counter


def flat(s):
    return " ".join(unicodedata.normalize("NFC", s).split())


def levenshtein(a, b):
    prev = list(range(len(a) + 1))
    for j, cb in enumerate(b, 1):
        cur = [j] + [0] * len(a)
        for i, ca in enumerate(a, 1):
            cur[i] = min(prev[i] + 1, cur[i - 1] + 1, prev[i - 1] + (ca != cb))
        prev = cur
    return prev[len(a)]


def word_miss(got, truth):
    """(true words missing from `got`, true words): order-free, with multiplicity, on flattened texts."""
    have = Counter(got.split())
    want = truth.split()
    missed = 0
    for w in want:
        if have[w] > 0:
            have[w] -= 1
        else:
            missed += 1
    return missed, len(want)


def main():
    truth_dir, out_dir = sys.argv[1], sys.argv[2]
    edits = chars = missed = words = pages = 0
    for name in sorted(os.listdir(truth_dir)):
        if not name.endswith(".txt"):
            continue
        out_path = os.path.join(out_dir, name)
        truth = flat(open(os.path.join(truth_dir, name), encoding="utf-8").read())
        got = flat(open(out_path, encoding="utf-8").read()) if os.path.exists(out_path) else ""
        e = levenshtein(got, truth)
        m, n = word_miss(got, truth)
        print(f"{name[:-4]:>10}  CER {e / max(1, len(truth)):6.2%}  word miss {m / max(1, n):6.2%}")
        edits, chars, missed, words, pages = edits + e, chars + len(truth), missed + m, words + n, pages + 1
    print(f"{'total':>10}  CER {edits / max(1, chars):6.2%}  word miss {missed / max(1, words):6.2%}  pages {pages}")


if __name__ == "__main__":
    main()
