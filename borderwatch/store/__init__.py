"""The DuckDB store, the filter its query API takes, and the CSV export."""
