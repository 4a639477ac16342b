"""Gold-standard evaluation: score predictions against gold files, list every error."""
from .matching import score_article
from .metrics import Scores
from .runner import evaluate, load_gold, load_predictions

__all__ = ["Scores", "evaluate", "load_gold", "load_predictions", "score_article"]
