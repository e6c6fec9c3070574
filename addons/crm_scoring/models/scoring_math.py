# -*- coding: utf-8 -*-
"""The arithmetic of the scoring models, in pure Python (no NumPy): smoothed log-odds
per feature value, a small linear solve for the Newton steps of the logistic
calibration, and the two measures the benchmark prints (AUC, Brier score)."""
import math

#: pseudo-observations pulling a rare value's rate towards the average rate
SMOOTHING = 10.0
#: ridge penalty pulling each feature's coefficient towards 1 (plain naive Bayes)
RIDGE = 1.0


def log_odds_weight(positive, negative, base_rate, smoothing=SMOOTHING):
    """How much more (> 0) or less (< 0) likely than average a record with this value
    is to succeed, in log-odds: ln(odds of the value, smoothed) - ln(average odds)."""
    base_rate = min(max(base_rate, 1e-6), 1 - 1e-6)
    odds = (positive + smoothing * base_rate) / (negative + smoothing * (1 - base_rate))
    return math.log(odds) - math.log(base_rate / (1 - base_rate))


def solve(matrix, vector):
    """x with matrix . x = vector (Gaussian elimination with partial pivoting; the
    matrix is small: one row per feature plus the intercept)."""
    n = len(vector)
    a = [list(row) + [vector[i]] for i, row in enumerate(matrix)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        if abs(a[pivot][col]) < 1e-12:
            continue
        a[col], a[pivot] = a[pivot], a[col]
        for row in range(n):
            if row != col and a[row][col]:
                factor = a[row][col] / a[col][col]
                a[row] = [x - factor * y for x, y in zip(a[row], a[col])]
    return [a[i][n] / a[i][i] if abs(a[i][i]) > 1e-12 else 0.0 for i in range(n)]


def newton_step(beta, gradient, hessian, ridge=RIDGE):
    """One Newton step of the penalised log-likelihood: ``gradient`` / ``hessian`` are
    the data's sums (the Hessian as a positive matrix, X' W X); coefficients 1.. are
    pulled towards 1 by ``ridge``, the intercept (0) is free."""
    n = len(beta)
    g = [gradient[i] - (ridge * (beta[i] - 1.0) if i else 0.0) for i in range(n)]
    h = [[hessian[i][j] + (ridge if i == j and i else 0.0) for j in range(n)] for i in range(n)]
    step = solve(h, g)
    return [b + s for b, s in zip(beta, step)], max(abs(s) for s in step)


def shrink(learned, prior, n, strength):
    """``learned`` (from ``n`` records) pulled towards ``prior`` (worth ``strength``
    records): (n * learned + strength * prior) / (n + strength)."""
    return (n * learned + strength * prior) / float(n + strength)


def sigmoid(x):
    x = max(-30.0, min(30.0, x))
    return 1.0 / (1.0 + math.exp(-x))


def auc(rows):
    """Area under the ROC curve of ``rows`` [(score, successes, failures)] (a record is
    (score, 1, 0) or (score, 0, 1)): the chance that a random success scores above a
    random failure, ties counting half. None without both."""
    by_score = {}
    for score, pos, neg in rows:
        cell = by_score.setdefault(score, [0, 0])
        cell[0] += pos
        cell[1] += neg
    positives = sum(c[0] for c in by_score.values())
    negatives = sum(c[1] for c in by_score.values())
    if not positives or not negatives:
        return None
    below = 0.0     # failures scored below the current score
    wins = 0.0
    for score in sorted(by_score):
        pos, neg = by_score[score]
        wins += pos * (below + neg / 2.0)
        below += neg
    return wins / (positives * negatives)


def brier(rows):
    """Mean squared error of the probabilities of ``rows`` [(probability, successes,
    failures)] against the outcomes (0 is perfect, 0.25 a coin toss); None if empty."""
    total = sum(pos + neg for _p, pos, neg in rows)
    if not total:
        return None
    return sum(pos * (1 - p) ** 2 + neg * p ** 2 for p, pos, neg in rows) / total
