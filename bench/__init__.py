"""Outside the package: the speed benchmark (`python -m bench.speed`) and the ablation (`python bench/ablation.py`)."""
