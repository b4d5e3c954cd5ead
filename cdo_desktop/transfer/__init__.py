"""Moving records in and out of the store as offices work: exports to CSV, Excel (xlsx) and JSON (imports later)."""
