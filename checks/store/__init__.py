"""What is kept on disk: encrypted audits, the person's ticks, welfare sessions' bookkeeping."""
