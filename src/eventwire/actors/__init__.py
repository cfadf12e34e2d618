"""Actors: the knowledge base (countries, regions, organisations, roles, people) and
resolution of the noun phrases of an article to CAMEO actors."""

from eventwire.actors.kb import ActorDataError, ActorKB
from eventwire.actors.resolve import ActorResolver, ArticleActors

__all__ = ["ActorDataError", "ActorKB", "ActorResolver", "ArticleActors"]
