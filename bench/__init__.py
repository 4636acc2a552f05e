"""Outside the package: the speed benchmark (`python -m bench.speed`), the load test (`python -m bench.load`), the ablation."""
