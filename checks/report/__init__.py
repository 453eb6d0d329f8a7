"""Report writers: the JSON report (the contract), the human summary, the printable checklist."""
