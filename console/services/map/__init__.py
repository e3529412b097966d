"""What the map page draws, as compact JSON bytes: cases (cases.py), the heatmap and the
other layers (layers.py). Read-only, no Qt; the view hands the bytes to the page as they
are, so nothing is parsed twice and nothing is baked into the page's HTML.
"""
