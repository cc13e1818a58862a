import sys


def main():
    # Bug: erases the hyphens but forgets to ignore the case of the letters.
    data = sys.stdin.read().split()
    t = int(data[0])
    out = []
    for s in data[1:1 + t]:
        letters = s.replace("-", "")
        out.append("YES" if letters == letters[::-1] else "NO")
    sys.stdout.write("\n".join(out) + "\n")


main()
