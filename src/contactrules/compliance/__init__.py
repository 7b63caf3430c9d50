"""The compliance officer's toolkit: lint, test, diff, audit and decision logs (issue 5)."""
