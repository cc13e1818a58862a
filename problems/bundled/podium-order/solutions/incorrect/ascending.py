n = int(input())
scores = sorted(map(int, input().split()))
print(" ".join(map(str, scores)))
