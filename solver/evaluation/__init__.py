"""Evaluation: metrics (pass@k, n@k), batch runs, reports and Codeforces contest scoring."""
