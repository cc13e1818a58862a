import sys


def main():
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    pos = 1
    out = []
    for _ in range(t):
        n = int(data[pos])
        words = data[pos + 1:pos + 1 + n]
        pos += 1 + n
        families = {}
        for w in words:
            key = bytes(sorted(w))
            families[key] = families.get(key, 0) + 1
        out.append(f"{len(families)} {max(families.values())}")
    sys.stdout.write("\n".join(out) + "\n")


main()
