"""``python -m summarize``."""

from summarize.cli import main

if __name__ == "__main__":
    main()
