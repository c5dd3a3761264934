"""The invoices read model: issued invoices and their lines (writer), and their reader."""
