import sys


def main():
    # Bug: a tie is reported as "EVEN 0" instead of BALANCED.
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    even = sum(1 for x in data[1:1 + n] if int(x) % 2 == 0)
    odd = n - even
    if even >= odd:
        print(f"EVEN {even - odd}")
    else:
        print(f"ODD {odd - even}")


main()
