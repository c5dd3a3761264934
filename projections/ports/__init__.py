"""The application's ports (application/ports.py), implemented on the read models."""
