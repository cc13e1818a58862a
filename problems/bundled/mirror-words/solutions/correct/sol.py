import sys


def main():
    data = sys.stdin.read().split()
    t = int(data[0])
    out = []
    for s in data[1:1 + t]:
        letters = s.replace("-", "").lower()
        out.append("YES" if letters == letters[::-1] else "NO")
    sys.stdout.write("\n".join(out) + "\n")


main()
