"""Reading and validating agency submission files (README: Submission files)."""
