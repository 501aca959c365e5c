"""One module per part of the page; each has a ``layout`` function and a ``register`` for its callbacks."""
