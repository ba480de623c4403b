"""Domain logic with no Qt and no database: text folding, dates, languages."""
