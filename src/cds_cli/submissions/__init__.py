"""Reading and validating agency submission files (CONTRACT §3)."""
