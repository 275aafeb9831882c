"""A newsroom's settings for reconcile: `[tool.reconcile]` in pyproject.toml or a reconcile.toml."""

from reconcile.config.load import ConfigError, LoadedConfig, find_config, load_config
from reconcile.config.model import FailLevel, Settings

__all__ = ["ConfigError", "FailLevel", "LoadedConfig", "Settings", "find_config", "load_config"]
