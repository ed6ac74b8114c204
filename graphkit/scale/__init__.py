"""Beyond one process: extraction on several cores or a Dask cluster, graphs to any store.

* :mod:`graphkit.scale.worker`: what runs in a worker process (the spaCy model loaded once
  per process, articles read, parsed and extracted there, graphs serialized as N-Quads);
* :mod:`graphkit.scale.local`: a pool of local processes fed a bounded window of articles,
  so a build streams articles in and graphs out (``graphkit build --n-process N``);
* :mod:`graphkit.scale.cluster`: the same on Dask (``graphkit build --dask ADDRESS`` or
  ``--dask local``): one task per partition of the article files, one N-Quads shard per
  partition; workers never write to a store.

:func:`graphkit.pipeline.build` chooses among them and writes what comes back, so every
way of building writes the same graphs in the same way.
"""

from __future__ import annotations

from graphkit.scale.worker import ArticleGraph

__all__ = ["ArticleGraph"]
