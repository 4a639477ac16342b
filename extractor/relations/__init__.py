"""From mentions to orders and figures: plain Python over an :class:`ArticleView`, no spaCy."""
from .figures import FigureRules
from .orders import OrderRules, find_orders
from .views import ArticleView, Item, SentenceView

__all__ = ["ArticleView", "FigureRules", "Item", "OrderRules", "SentenceView", "find_orders"]
