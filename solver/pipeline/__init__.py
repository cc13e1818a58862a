"""The solve loop (AlphaCode sections 4.5 and 4.6) and the records that flow through it."""

from solver.pipeline.records import Candidate, CandidateRecord, ProgressEvent, SolveResult, SolveStats, Submission
from solver.pipeline.solve import Cancelled, Selection, public_view, solve

__all__ = ["Cancelled", "Candidate", "CandidateRecord", "ProgressEvent", "Selection", "SolveResult", "SolveStats",
           "Submission", "public_view", "solve"]
