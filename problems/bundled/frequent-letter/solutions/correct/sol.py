import sys


def main():
    data = sys.stdin.read().split()
    t = int(data[0])
    out = []
    for s in data[1:1 + t]:
        best_letter, best_count = "", 0
        for c in "abcdefghijklmnopqrstuvwxyz":
            k = s.count(c)
            if k > best_count:
                best_letter, best_count = c, k
        out.append(f"{best_letter} {best_count}")
    sys.stdout.write("\n".join(out) + "\n")


main()
