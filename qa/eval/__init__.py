"""Question files scored: hit@k, MRR, nDCG, wrong_report@1 and answer_correct."""
