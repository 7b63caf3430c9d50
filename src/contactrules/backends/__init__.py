"""Other ways to check a schedule's rules than the native compiled closures.

A backend implements ``contactrules.engine.Backend``: given a schedule, the request's
``Context`` and an instant, it returns the failing rules in schedule order, each with a
``Failure``. ``Engine.load(backend=...)`` chooses one:

* ``native`` (``engine.NativeBackend``): each rule's compiled check; the default and the fast one.
* ``durable`` (``backends.durable``, the ``durable`` extra): durable_rules' Rete engine over
  features derived independently of the native kinds, used to test the native engine
  differentially. Imported only when asked for.
"""
