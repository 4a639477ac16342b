"""extractor: AI-chip supply-chain orders from news articles, as normalized records."""
from .api import extract, extract_many, load, make_article
from .records import ArticleResult, Article, Figure, Mention, Order
from .settings import Settings

__all__ = [
    "Article", "ArticleResult", "Figure", "Mention", "Order", "Settings",
    "extract", "extract_many", "load", "make_article",
]
