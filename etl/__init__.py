"""ETL: readers, validation, the demo generator and atomic publishing of the DuckDB file."""
