"""The simulations read model: price simulations and their results (writer), and their reader."""
