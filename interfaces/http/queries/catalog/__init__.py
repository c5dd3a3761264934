"""The catalogue's queries: products, add-ons, discounts and features (interfaces/http/queries/ holds its limit
of modules directly)."""
