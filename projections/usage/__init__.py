"""The usage read model: every usage event, meters and their per-minute buckets (writer), and the meter, usage and event readers."""
