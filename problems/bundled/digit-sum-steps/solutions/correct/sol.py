import sys


def pulls(n):
    count = 0
    while n:
        s = 0
        m = n
        while m:
            s += m % 10
            m //= 10
        n -= s
        count += 1
    return count


def main():
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    print("\n".join(str(pulls(int(x))) for x in data[1:1 + t]))


main()
