"""One hang guard for every test that waits on another process or thread.

A guard ends a test that would otherwise wait forever; it is never a speed check. Tests
wait on the event itself (a line written, a process gone, workers joined) and give up only
after this long, which no loaded machine comes near when nothing is wrong.
"""

HANG_S = 600.0
