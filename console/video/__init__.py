"""Live camera playback for the video wall: libVLC players, relays, watchdog, snapshots.

Everything here is free of Qt except the modules named qt_*; the views adapt players to
widgets through those.
"""
