"""server layer of CDO Desktop (see docs/architecture.md)."""
