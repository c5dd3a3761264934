"""The engine that keeps every read model at the head of the log: the worker, its tracking positions, parking, partitions, rebuild/verify operations, and the jobs it runs beside them."""
