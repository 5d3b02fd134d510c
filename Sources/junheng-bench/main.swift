print("junheng-bench: lands with the ingest layer")
