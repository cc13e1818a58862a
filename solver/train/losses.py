"""Training objectives as pure functions: token losses with AlphaCode's tempering, GOLD, and the encoder's MLM.

- Tempering (AlphaCode section 4.3): logits are divided by T (0.2 in AlphaCode) before the softmax in training,
  which flattens the model's own distribution; sampling later divides by a temperature of its own.
- GOLD (Pang & He 2021; AlphaCode section 4.3): an off-policy objective that learns from the tokens the model
  already finds likely; each token's loss is weighted by its own probability (detached) to the power alpha,
  floored so that no token is ignored completely.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

IGNORE = -100


def token_nll(logits: torch.Tensor, labels: torch.Tensor, tempering: float = 1.0) -> torch.Tensor:
    """Per-token negative log-likelihood (B, T) of `labels` under softmax(logits / tempering); 0 where ignored."""
    scaled = logits.float() / tempering
    nll = F.cross_entropy(scaled.flatten(0, 1), labels.flatten().clamp(min=0), reduction="none")
    return nll.view(labels.shape) * (labels != IGNORE)


def gold_weights(logits: torch.Tensor, labels: torch.Tensor, tempering: float = 1.0, alpha: float = 0.5,
                 floor: float = 0.05) -> torch.Tensor:
    """GOLD's per-token weights (B, T): max(p, floor) ** alpha with p the model's probability of the label."""
    with torch.no_grad():
        p = torch.exp(-token_nll(logits, labels, tempering))
        return p.clamp(min=floor).pow(alpha) * (labels != IGNORE)


def sequence_loss(logits: torch.Tensor, labels: torch.Tensor, tempering: float = 1.0, gold: bool = False,
                  gold_alpha: float = 0.5, gold_floor: float = 0.05) -> torch.Tensor:
    """Mean loss over the labelled tokens of a batch, tempered, optionally GOLD-weighted."""
    nll = token_nll(logits, labels, tempering)
    count = (labels != IGNORE).sum().clamp(min=1)
    if gold:
        nll = nll * gold_weights(logits, labels, tempering, gold_alpha, gold_floor)
    return nll.sum() / count
