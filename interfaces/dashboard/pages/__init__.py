"""One module per dashboard area; each exports HANDLERS."""
