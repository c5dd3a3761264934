"""The catalogue's resources: products, their prices and price versions (tally's shapes and Dodo's), add-ons and
discounts (interfaces/resources/ holds its limit of modules directly)."""
