"""Checker for Two Vouchers: python3 checker.py input output answer (testlib convention)."""

import re
import sys

INT = re.compile(rb"-?[0-9]{1,20}")


def reject(message):
    sys.stderr.write(message + "\n")
    sys.exit(1)


def tokens(path):
    with open(path, "rb") as f:
        return f.read().split()


def main():
    if len(sys.argv) != 4:
        reject("usage: checker.py input output answer")
    inp = tokens(sys.argv[1])
    n, x = int(inp[0]), int(inp[1])
    a = [int(t) for t in inp[2:2 + n]]
    jury = tokens(sys.argv[3])
    jury_has_pair = not (len(jury) == 1 and jury[0] == b"-1")

    try:
        out = tokens(sys.argv[2])
    except OSError as e:
        reject(f"cannot read the output: {e}")
    if not out:
        reject("empty output")
    for t in out:
        if not INT.fullmatch(t):
            reject(f"not an integer: {t[:30]!r}")
    values = [int(t) for t in out]

    if values == [-1]:
        if jury_has_pair:
            reject("printed -1, but a suitable pair exists")
        return
    if len(values) != 2:
        reject(f"expected two indices or -1, got {len(values)} tokens")
    i, j = values
    if not (1 <= i <= n and 1 <= j <= n):
        reject(f"index out of range: {i} {j} (n = {n})")
    if i == j:
        reject(f"the same voucher is used twice: {i} {j}")
    if a[i - 1] + a[j - 1] != x:
        reject(f"a_{i} + a_{j} = {a[i - 1] + a[j - 1]}, not {x}")
    if not jury_has_pair:
        reject(f"the contestant found a valid pair {i} {j} but the reference printed -1")


if __name__ == "__main__":
    try:
        main()
    except SystemExit:
        raise
    except Exception as e:  # never crash with a traceback on odd output
        reject(f"checker error: {type(e).__name__}: {e}")
    sys.exit(0)
