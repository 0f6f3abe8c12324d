"""The actor list (resources/entities/actors.tsv, plus users' rows) and the organisation types of the
entity lists: what an organisation is, and which names are one actor."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..resources import tsv_rows
from .names import key

# organisations.tsv types -> entity types
ORG_TYPES = {"armed_group": "armed_group", "international_organisation": "international_organisation",
             "government": "government", "state_armed_force": "government", "monitor": "organisation",
             "ngo": "organisation", "media": "media"}


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    relations: tuple[tuple[str, str], ...]  # (relation, target): target an actor id or an ISO alpha-2 country



class ActorList:
    def __init__(self, extra: tuple[Path, ...] = ()) -> None:
        folder = resources.files("newsprism.resources").joinpath("entities")
        self.actors: dict[str, Actor] = {}
        self.by_key: dict[str, str] = {}  # name key -> actor id
        for row in tsv_rows(folder.joinpath("actors.tsv")) + [r for p in extra for r in tsv_rows(p)]:
            relations = tuple(tuple(r.split(":", 1)) for r in (row.get("relations") or "").split("|") if ":" in r)
            actor = Actor(row["id"], row["name"], ORG_TYPES.get(row["type"], row["type"]),
                          tuple(a for a in (row.get("aliases") or "").split("|") if a), relations)  # type: ignore[arg-type]
            self.actors[actor.id] = actor
            for name in (actor.name, *actor.aliases):
                self.by_key[self._key(name)] = actor.id
        self.org_types: dict[str, str] = {}
        for row in tsv_rows(folder.joinpath("organisations.tsv")):
            self.org_types.setdefault(key(row["name"]), ORG_TYPES.get(row["type"], "organisation"))

    @staticmethod
    def _key(name: str) -> str:
        # acronyms keep their case apart from words ("IS" the group, not "is")
        bare = name.replace(".", "")
        return "=" + bare if bare.isupper() and len(bare) <= 6 else key(name)

    def names(self) -> list[str]:
        return [n for a in self.actors.values() for n in (a.name, *a.aliases)]

    def find(self, name: str) -> Actor | None:
        actor_id = self.by_key.get(self._key(name))
        return self.actors.get(actor_id) if actor_id else None

    def org_type(self, name: str) -> str | None:
        return self.org_types.get(key(name))

    def related(self, a: str, b: str) -> str | None:
        """The relation the list records between two actors, either way round."""
        for rel, target in self.actors[a].relations if a in self.actors else ():
            if target == b:
                return rel
        for rel, target in self.actors[b].relations if b in self.actors else ():
            if target == a:
                return rel
        return None


@lru_cache(maxsize=4)
def actor_list(extra: tuple[Path, ...] = ()) -> ActorList:
    return ActorList(extra)
