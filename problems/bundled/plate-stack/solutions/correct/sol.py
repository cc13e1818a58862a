import sys


def main():
    data = sys.stdin.buffer.read().split()
    q = int(data[0])
    best = []  # best[i] = widest plate among the lowest i + 1 plates
    out = []
    pos = 1
    for _ in range(q):
        kind = data[pos]
        if kind == b"1":
            w = int(data[pos + 1])
            pos += 2
            if best and best[-1] > w:
                w = best[-1]
            best.append(w)
        elif kind == b"2":
            k = int(data[pos + 1])
            pos += 2
            del best[max(0, len(best) - k):]
        else:
            pos += 1
            out.append(best[-1] if best else 0)
    sys.stdout.write("".join(f"{v}\n" for v in out))


main()
