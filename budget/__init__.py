"""The query layer: connection handling, every SQL statement the app runs, formatting and i18n."""
