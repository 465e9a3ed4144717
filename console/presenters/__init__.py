"""One presenter per capability; they never import each other (an import-linter contract)."""
