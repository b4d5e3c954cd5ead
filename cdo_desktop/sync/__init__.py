"""The desktop sync client: outbox, push, pull, cursor, rebase, refused changes; credentials in the OS keyring."""
