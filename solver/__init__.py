"""The solver: model, tokenizer, sampling, training, selection and evaluation, and the `solver` command line.

Importing this package is cheap; heavy modules (torch, transformers) load only where they are used.
"""
