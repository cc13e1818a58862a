#include <bits/stdc++.h>
using namespace std;

static char buf[1 << 16];
static size_t buf_len = 0, buf_pos = 0;

static inline int read_char() {
    if (buf_pos == buf_len) {
        buf_len = fread(buf, 1, sizeof(buf), stdin);
        buf_pos = 0;
        if (buf_len == 0) return -1;
    }
    return buf[buf_pos++];
}

static inline long long read_int() {
    int c = read_char();
    while (c != '-' && (c < '0' || c > '9')) c = read_char();
    bool neg = false;
    if (c == '-') {
        neg = true;
        c = read_char();
    }
    long long x = 0;
    while (c >= '0' && c <= '9') {
        x = x * 10 + (c - '0');
        c = read_char();
    }
    return neg ? -x : x;
}

int main() {
    int n = (int)read_int(), q = (int)read_int();
    vector<long long> prefix(n + 1, 0);
    for (int i = 1; i <= n; i++) prefix[i] = prefix[i - 1] + read_int();
    string out;
    out.reserve((size_t)q * 16);
    char tmp[24];
    for (int j = 0; j < q; j++) {
        int l = (int)read_int(), r = (int)read_int();
        int len = snprintf(tmp, sizeof(tmp), "%lld\n", prefix[r] - prefix[l - 1]);
        out.append(tmp, len);
    }
    fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}
