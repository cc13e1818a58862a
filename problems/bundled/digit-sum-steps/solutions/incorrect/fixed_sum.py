# Wrong: computes the digit sum of the starting number only and assumes
# every pull subtracts that same amount.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    res = []
    for x in data[1:1 + t]:
        n = int(x)
        s = sum(map(int, str(n)))
        res.append((n + s - 1) // s)
    print("\n".join(map(str, res)))


main()
