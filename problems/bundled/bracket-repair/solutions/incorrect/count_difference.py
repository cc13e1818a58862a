import sys


def main():
    # Bug: only compares the numbers of opening and closing brackets, ignoring their order.
    data = sys.stdin.read().split()
    t = int(data[0])
    out = []
    for s in data[1:1 + t]:
        out.append(abs(s.count("(") - s.count(")")))
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
