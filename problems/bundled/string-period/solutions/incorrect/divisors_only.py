# Only tries motif lengths that divide |s|, as if the piece had to end at the end of a motif.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    out = []
    for s in data[1:t + 1]:
        n = len(s)
        for p in range(1, n + 1):
            if n % p == 0 and s[:p] * (n // p) == s:
                out.append(p)
                break
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
