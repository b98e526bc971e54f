"""The neural-engine benchmarks, one program: ``python -m scripts.bench_neural --help``."""
