"""Work gathered over a transaction and done once as it commits."""

from django.db import connections, transaction


def once_on_commit(using, name, items, function):
    """Call `function(gathered)` once the current transaction on `using` commits, with
    every item that calls naming the same `name` gave meanwhile (a set).

    The gathered items travel with the callback they are for: a rollback drops both,
    and the next call starts again (a flag kept beside them would outlive the callback
    and hold back every later transaction on that connection). Outside a transaction
    the function runs at once.
    """
    for _savepoints, callback, _robust in connections[using].run_on_commit:
        if getattr(callback, "gathers", None) == name:
            callback.gathered.update(items)
            return
    gathered = set(items)

    def callback():
        function(gathered)

    callback.gathers, callback.gathered = name, gathered
    transaction.on_commit(callback, using=using)
