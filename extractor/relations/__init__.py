"""From mentions to orders and figures: plain Python over an :class:`ArticleView`, no spaCy."""
from .figures import find_figures
from .orders import find_orders
from .views import ArticleView, Item, SentenceView

__all__ = ["ArticleView", "Item", "SentenceView", "find_figures", "find_orders"]
