"""Sanwang Console: command-center console for street-level urban management."""

__version__ = "0.1.0"
