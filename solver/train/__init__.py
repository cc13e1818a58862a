"""Training: pretraining on source files, AlphaCode fine-tuning on problems, and the loop that runs both."""
