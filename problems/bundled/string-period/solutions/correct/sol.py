import sys


def main():
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    out = []
    for s in data[1:t + 1]:
        n = len(s)
        pi = [0] * n
        k = 0
        for i in range(1, n):
            c = s[i]
            while k and s[k] != c:
                k = pi[k - 1]
            if s[k] == c:
                k += 1
            pi[i] = k
        out.append(n - pi[n - 1])
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
