"""`brief serve`: a folder of articles readable over SSH, one reader per visitor, nothing else reachable.

Imported only by `brief serve` and by the reader it starts, never by `brief` itself: asyncssh is an
extra (`pip install 'brief[serve]'`), and the reader's first paint must not pay for it.
"""
