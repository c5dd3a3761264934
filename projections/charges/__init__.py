"""The charges read model: products and each subscription's open cycle (writer), and the reader that prices them."""
