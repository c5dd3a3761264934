"""Catalogue resources beside products (interfaces/resources/ holds its limit of modules directly)."""
