"""HTTP routes of the bureau server, one module per area."""
