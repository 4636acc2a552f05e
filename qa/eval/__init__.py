"""Question files scored (hit@k, MRR, nDCG, wrong_report@1, answer_correct, per kind, conversations); the answer model fitted."""
