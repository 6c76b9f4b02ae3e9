"""BorderWatch: news articles on the Armenia–Azerbaijan border crisis as evidence tables."""

__version__ = "0.1.0"
