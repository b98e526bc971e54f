"""Where articles come from: files, standard input, JSON Lines records and URLs.

``inputs`` decodes bytes and tells HTML from text; ``web`` fetches a URL (one deadline via
``transport``, a size limit; the declared charset weighed against the bytes in ``charset``).
"""
