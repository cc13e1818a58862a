import sys

MOD = 10**9 + 7


def main():
    data = sys.stdin.buffer.read().split()
    q = int(data[0])
    vals = list(map(int, data[1:1 + 2 * q]))
    top = max(vals[0::2])
    fact = [1] * (top + 1)
    for i in range(1, top + 1):
        fact[i] = fact[i - 1] * i % MOD
    inv = [1] * (top + 1)
    inv[top] = pow(fact[top], MOD - 2, MOD)
    for i in range(top, 0, -1):
        inv[i - 1] = inv[i] * i % MOD
    out = []
    for j in range(q):
        n, k = vals[2 * j], vals[2 * j + 1]
        if k > n:
            out.append(0)
        else:
            out.append(fact[n] * inv[k] % MOD * inv[n - k] % MOD)
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
