import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    even = sum(1 for x in data[1:1 + n] if int(x) % 2 == 0)
    odd = n - even
    if even > odd:
        print(f"EVEN {even - odd}")
    elif odd > even:
        print(f"ODD {odd - even}")
    else:
        print("BALANCED")


main()
