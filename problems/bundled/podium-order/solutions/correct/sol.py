n = int(input())
scores = list(map(int, input().split()))
print(" ".join(map(str, sorted(scores, reverse=True))))
