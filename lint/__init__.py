"""newslint: an editorial content-quality linter for news articles."""

__version__ = "0.1.0"
