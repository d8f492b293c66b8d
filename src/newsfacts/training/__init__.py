"""Training the shipped models from the shared data (`make train`)."""
