import sys


def main():
    data = sys.stdin.read().split()
    t = int(data[0])
    out = []
    for s in data[1:1 + t]:
        balance = 0
        added = 0
        for c in s:
            if c == "(":
                balance += 1
            elif balance > 0:
                balance -= 1
            else:
                added += 1  # an unmatched ")" needs a new "(" before it
        out.append(added + balance)  # every unmatched "(" needs a new ")"
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
