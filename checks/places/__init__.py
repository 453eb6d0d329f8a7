"""Places: geo fusion and home, work and routine inference from every located item."""
