"""Every knob of the pipeline and its default, in one place."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Settings(BaseModel):
    """Options a user may change; the factories and the CLI read their defaults from here."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    models_dir: str | None = Field(
        default=None, description="Folder of the rule model's data files; None: the bundled models/."
    )
    context_chars: int = Field(
        default=60, ge=0, description="Characters around a number read for its qualifier and range."
    )
    coref_window: int = Field(
        default=3, ge=0, description="Sentences back in which 'the company' or 'it' looks for its referent."
    )
    batch_size: int = Field(default=64, ge=1, description="Articles per nlp.pipe batch.")
    max_bytes: int = Field(default=5_000_000, ge=1, description="Larger input files are refused.")


DEFAULTS = Settings()
