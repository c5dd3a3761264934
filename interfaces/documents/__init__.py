"""Invoices as documents: a PDF to send and a CSV for accounting."""
