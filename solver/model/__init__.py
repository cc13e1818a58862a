"""The AlphaCode model: configuration and presets, the PyTorch model, the tokenizer, the metadata header and the
batched sampler. Importing this package registers the model with transformers' Auto classes.
"""

from transformers import AutoConfig, AutoModelForSeq2SeqLM, AutoTokenizer

from solver.model.config import PRESETS, AlphaCodeConfig, count_parameters, preset
from solver.model.modeling import AlphaCodeForConditionalGeneration
from solver.model.tokenizer import AlphaCodeTokenizer, CodeTokenizer

AutoConfig.register(AlphaCodeConfig.model_type, AlphaCodeConfig, exist_ok=True)
AutoModelForSeq2SeqLM.register(AlphaCodeConfig, AlphaCodeForConditionalGeneration, exist_ok=True)
AutoTokenizer.register(AlphaCodeConfig, tokenizer_class=AlphaCodeTokenizer, exist_ok=True)

__all__ = [
    "PRESETS",
    "AlphaCodeConfig",
    "AlphaCodeForConditionalGeneration",
    "AlphaCodeTokenizer",
    "CodeTokenizer",
    "count_parameters",
    "preset",
]
