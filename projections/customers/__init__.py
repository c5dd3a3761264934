"""The customers read model: its writer and its reader."""
