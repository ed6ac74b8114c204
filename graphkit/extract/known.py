"""What the extractor has learnt of one article so far, kept apart from resolve's record.

``graphkit.resolve`` hands over a :class:`~graphkit.resolve.MentionIndex`: the actors each token
and span names. The extractor reads it through an :class:`ArticleIndex`, the same actors plus
what extraction itself has found: the events told so far (for "the attack", "the two sides"
later on), each country's or organization's leader and each person's country (from the
titles). Resolve's index is never written to.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Hashable, Iterable
from dataclasses import dataclass, field, fields
from typing import Any, NamedTuple, TypeVar

from spacy.tokens import Token

from graphkit.extract.found import Found
from graphkit.records import Entity
from graphkit.resolve import Actor, MentionIndex

T = TypeVar("T")


def typed(actor: Actor | None, types: Collection[str]) -> Actor | None:
    """The actor if it is of one of ``types``, else None."""
    return actor if actor is not None and actor.entity.type in types else None


class Told(NamedTuple):
    """An event found earlier in the article: where, which relation, between whom, how said."""

    pos: int
    relation: str
    subject: Actor
    object: Actor
    modality: str


_SHARED_FIELDS = tuple(f.name for f in fields(MentionIndex) if f.init)
"""The fields of resolve's index that an extraction record takes over (listed once)."""


@dataclass
class ArticleIndex(MentionIndex):
    """Resolve's actors of one article, with what extraction has found in it so far."""

    told: list[Told] = field(default_factory=list)
    """The events found so far, in text order: for "the attack", "the two sides" later on."""
    leaders: dict[str, Entity] = field(default_factory=dict)
    """country/organization key -> the person the article names as its leader."""
    affiliation: dict[str, Entity] = field(default_factory=dict)
    """person key -> the country they lead or serve, from the article's titles."""
    issuer: Actor | None = None
    """The government the article speaks for as its statement or readout ("we"), if it is one."""
    _memo: dict[Hashable, Any] = field(default_factory=dict, init=False, repr=False, compare=False)
    _memo_stamp: tuple[int, ...] = field(default=(), init=False, repr=False, compare=False)

    @classmethod
    def over(cls, index: MentionIndex) -> ArticleIndex:
        """An extraction record over resolve's index (its actors shared, not copied)."""
        return cls(**{name: getattr(index, name) for name in _SHARED_FIELDS})

    def learn_offices(self, found: Iterable[Found], named: tuple[str, ...]) -> None:
        """Remember who leads or serves which country or organization; ``named`` are the
        methods whose leaders count (a title, an apposition, a title's first guess)."""
        for f in found:
            if f.predicate in ("leaderOf", "officialOf") and f.object.entity.type == "Country":
                self.affiliation.setdefault(f.subject.entity.key, f.object.entity)
            if f.predicate == "leaderOf" and f.method in named:
                self.leaders.setdefault(f.object.entity.key, f.subject.entity)

    def remembered(self, key: Hashable, compute: Callable[[], T]) -> T:
        """What ``compute()`` gives, worked out once for ``key`` while what the index knows
        stays the same: any event told, office learnt or mention added starts afresh (these
        records only grow, so their sizes tell). Rules ask for the same argument's actors
        many times over; the answer may change only when the index does."""
        stamp = (
            len(self.told),
            len(self.leaders),
            len(self.affiliation),
            len(self.by_token),
            len(self.spans),
        )
        if stamp != self._memo_stamp:
            self._memo.clear()
            self._memo_stamp = stamp
        if key in self._memo:
            return self._memo[key]  # type: ignore[no-any-return]
        value = self._memo[key] = compute()
        return value

    def told_between(self, lo: int, hi: int) -> list[Told]:
        """The events told from token ``lo`` to ``hi - 1``, in text order."""
        return [t for t in self.told if lo <= t.pos < hi]

    def actor_typed(self, token: Token, types: Collection[str]) -> Actor | None:
        """The actor a token names or refers to (see ``actor_at``) if it is of one of
        ``types``, else None."""
        return typed(self.actor_at(token), types)

    def tell(self, pos: int, found: Iterable[Found]) -> None:
        """Remember the events one cue token told."""
        for f in found:
            self.told.append(Told(pos, f.predicate, f.subject, f.object, f.modality))

    def salient_country(self, excluded: Collection[str] = ()) -> Entity | None:
        """The country the article names most (leaving out the ``excluded`` keys), when no other
        is named even half as often."""
        named = [a.entity for _, a in self.spans]
        countries = [e for e in named if e.type == "Country" and e.key not in excluded]
        ents = {e.key: e for e in countries}
        if not ents:
            return None
        # the two most named, and a runner-up of none when there is only one
        ranked = [*Counter(e.key for e in countries).most_common(2), ("", 0)]
        if ranked[1][1] * 2 > ranked[0][1]:
            return None  # no clear one
        return ents[ranked[0][0]]
