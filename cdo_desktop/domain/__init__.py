"""Pure domain rules: enums, workflow tables, working days, policy, numbering, mutations. No Qt, no SQL, no I/O."""
