"""Services: `apply(session, mutation, actor)` checks a change with the domain rules, writes it and audits it."""

from cdo_desktop.services.apply import Applied, apply, apply_mutation, resolve_actor

__all__ = ["Applied", "apply", "apply_mutation", "resolve_actor"]
