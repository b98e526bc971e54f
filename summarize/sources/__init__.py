"""Where articles come from: files, standard input, JSON Lines records and URLs.

``inputs`` decodes bytes and tells HTML from text; ``web`` fetches a URL (timeout, size limit).
"""
