"""The pages of the guided audit, one module each, in the order the person meets them."""
